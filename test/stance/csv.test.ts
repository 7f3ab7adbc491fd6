import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  checkBodiesPresent,
  csvField,
  formatPredictions,
  parseBodies,
  parseStances,
  StanceInputError,
} from "../../src/stance/csv.js";

describe("stance CSV", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const text =
      'Body ID,articleBody\n1,"First line, with a comma.\n\nSecond ""quoted"" paragraph."\n2,plain\n';
    const bodies = parseBodies(text, "b.csv");
    assert.deepEqual(bodies, [
      { id: "1", text: 'First line, with a comma.\n\nSecond "quoted" paragraph.' },
      { id: "2", text: "plain" },
    ]);
  });

  it("takes a byte-order mark and CRLF line ends", () => {
    const rows = parseStances('\uFEFFHeadline,Body ID,Stance\r\n"A, B",3,agree\r\n', "s.csv");
    assert.deepEqual(rows, [{ headline: "A, B", bodyId: "3", stance: "agree" }]);
  });

  it("reads stances without a Stance column, and ignores unknown labels", () => {
    assert.equal(parseStances("Headline,Body ID\nX,1\n", "s.csv")[0]?.stance, null);
    assert.equal(parseStances("Headline,Body ID,Stance\nX,1,maybe\n", "s.csv")[0]?.stance, null);
  });

  it("names a missing column and the file", () => {
    assert.throws(
      () => parseStances("Title,Body ID\nX,1\n", "pairs.csv"),
      (e: unknown) =>
        e instanceof StanceInputError && /pairs\.csv: missing column "Headline"/.test(e.message),
    );
    assert.throws(() => parseBodies("Body ID,text\n1,x\n", "b.csv"), /missing column "articleBody"/);
  });

  it("refuses broken quoting, empty and repeated Body IDs", () => {
    assert.throws(
      () => parseBodies('Body ID,articleBody\n1,"never closed\n', "b.csv"),
      /b\.csv: not valid CSV/,
    );
    assert.throws(() => parseBodies("Body ID,articleBody\n,x\n", "b.csv"), /record 1 has an empty "Body ID"/);
    assert.throws(
      () => parseBodies("Body ID,articleBody\n4,x\n4,y\n", "b.csv"),
      /record 2: Body ID 4 given twice/,
    );
  });

  it("names the first pair whose body is missing", () => {
    const rows = parseStances("Headline,Body ID\nA,1\nB,9\nC,8\n", "s.csv");
    assert.throws(
      () => checkBodiesPresent(rows, new Map([["1", 0]]), "s.csv", "b.csv"),
      /s\.csv: record 2: Body ID 9 has no body in b\.csv \(2 Body IDs are missing\)/,
    );
  });

  it("quotes output fields only when they need it, and round-trips", () => {
    assert.equal(csvField("plain"), "plain");
    assert.equal(csvField('say "no", twice'), '"say ""no"", twice"');
    assert.equal(csvField("two\nlines"), '"two\nlines"');
    const rows = [
      { headline: 'He said "no", then left', bodyId: "5", stance: "disagree" as const },
      { headline: "Plain", bodyId: "6", stance: "unrelated" as const },
    ];
    const text = formatPredictions(rows);
    assert.ok(text.startsWith("Headline,Body ID,Stance\n"));
    assert.deepEqual(
      parseStances(text, "p.csv").map((r) => [r.headline, r.bodyId, r.stance]),
      rows.map((r) => [r.headline, r.bodyId, r.stance]),
    );
  });
});
