import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ReusePair } from "../../src/model/index.js";
import { findReuse } from "../../src/triangulate/reuse.js";
import { makeReading } from "./builder.js";
import { BOILERPLATE, storyReadings } from "./story.js";

function pair(reuse: readonly ReusePair[], a: string, b: string): ReusePair | undefined {
  return reuse.find((p) => p.a === a && p.b === b);
}

describe("findReuse on a wire story and its re-publications", () => {
  const readings = storyReadings();
  const reuse = findReuse(readings);

  it("links the wire, the trimmed and the edited copy, pairs in story order", () => {
    assert.deepEqual(
      reuse.map((p) => `${p.a}>${p.b}`),
      ["wire>trimmed", "wire>edited", "trimmed>edited"],
    );
  });

  it("reports passages as they read in each text, with spans into each body", () => {
    const p = pair(reuse, "wire", "trimmed");
    assert.ok(p);
    for (const passage of p.passages) {
      assert.equal(readings[0]?.article.body.slice(passage.aSpan.start, passage.aSpan.end), passage.a);
      assert.equal(readings[1]?.article.body.slice(passage.bSpan.start, passage.bSpan.end), passage.b);
    }
    assert.match(p.passages[0]?.a ?? "", /^Engineers at the Kestrel Valley dam/);
  });

  it("measures shares: the trimmed copy is nearly all wire text, the wire only half copied", () => {
    const p = pair(reuse, "wire", "trimmed");
    assert.ok(p);
    assert.ok(p.shareOfB > 0.8, `shareOfB ${p.shareOfB}`);
    assert.ok(p.shareOfA > 0.4 && p.shareOfA < 0.7, `shareOfA ${p.shareOfA}`);
  });

  it("keeps a changed word and a dropped clause inside one passage", () => {
    const p = pair(reuse, "wire", "edited");
    assert.ok(p);
    const lead = p.passages.find((x) => x.a.includes("highest level in almost two decades"));
    assert.ok(lead, "passage holding the edited lead");
    assert.match(lead.b, /nearly two decades, the provincial water authority said/);
    assert.match(lead.b, /to higher ground/);
    assert.match(lead.a, /to higher ground before nightfall/);
    assert.doesNotMatch(p.passages.map((x) => x.b).join(" "), /Residents of two riverside districts/);
  });

  it("takes the direction from publication dates", () => {
    const p = pair(reuse, "wire", "edited");
    assert.equal(p?.direction, "a->b");
    assert.match(p?.directionReason ?? "", /wire was published first/);
  });

  it("does not count the newsletter line every version carries", () => {
    for (const p of reuse) {
      for (const passage of p.passages) {
        assert.doesNotMatch(passage.a, /Follow us on Twitter/);
        assert.doesNotMatch(passage.b, /Follow us on Twitter/);
      }
    }
  });

  it("finds no reuse between the independent report and any version, despite the same quote", () => {
    assert.ok(!reuse.some((p) => p.a === "independent" || p.b === "independent"));
  });
});

describe("findReuse decisions", () => {
  const QUOTE =
    "“The ceasefire is holding in most districts, but we have seen violations near the airport every night this week,” the spokesman said.";

  it("treats a long shared quotation with its attribution as a common source, not copying", () => {
    const a = makeReading("a", "2023-01-02", [
      `Fighting eased across the capital on Monday. ${QUOTE}`,
      "Residents queued for bread for the first time in days.",
    ]);
    const b = makeReading("b", "2023-01-02", [
      `A fragile calm returned to the city after a week of shelling. ${QUOTE}`,
      "Aid lorries were still waiting at the southern crossing.",
    ]);
    assert.deepEqual(findReuse([a, b]), []);
  });

  it("counts the same quotation once the writers' own sentences are shared too", () => {
    const own =
      "Aid lorries carrying flour and medicine were still waiting at the southern crossing late on Monday evening.";
    const a = makeReading("a", null, [`Fighting eased across the capital. ${QUOTE}`, own]);
    const b = makeReading("b", null, [`A fragile calm returned. ${QUOTE}`, own]);
    const [p] = findReuse([a, b]);
    assert.ok(p);
    const shared = p.passages.map((x) => x.a).join(" ");
    assert.match(shared, /The ceasefire is holding in most districts/);
    assert.match(shared, /Aid lorries carrying flour/);
    assert.equal(p.direction, null);
    assert.match(p.directionReason, /no publication date for a and b/);
  });

  it("does not take a stock phrase shared by two reports as reuse", () => {
    const a = makeReading("a", null, [
      "US Secretary of State John Kerry arrived in Geneva on Friday for talks on the crisis.",
    ]);
    const b = makeReading("b", null, [
      "Talks collapsed late on Sunday, officials said, after US Secretary of State John Kerry left early.",
    ]);
    assert.deepEqual(findReuse([a, b]), []);
  });

  it("matches a bracketed editorial insertion changed by the copier within one passage", () => {
    const a = makeReading("a", null, [
      "The minister told the committee that the agency had watched DAESH [ISIS] gaining ground for months and had judged that the advance would push the government into talks.",
    ]);
    const b = makeReading("b", null, [
      "The minister told the committee that the agency had watched DAESH [the IS] gaining ground for months and had judged that the advance would push the government into talks.",
    ]);
    const [p] = findReuse([a, b]);
    assert.equal(p?.passages.length, 1);
    assert.match(p?.passages[0]?.b ?? "", /\[the IS\] gaining ground/);
  });

  it("takes the direction from a credit when dates do not decide", () => {
    const text = [
      "The council voted on Thursday to close the Harbour Street library and move its collection to the new civic centre by the end of the year.",
    ];
    const a = makeReading("a", "2023-05-04", text, { outlet: "The Harbour Times" });
    const b = makeReading("b", "2023-05-04", text, {
      outlet: "Coast Daily",
      attributions: ["Harbour Times"],
    });
    const [p] = findReuse([a, b]);
    assert.equal(p?.direction, "a->b");
    assert.match(p?.directionReason ?? "", /b credits The Harbour Times/);
  });

  it("is deterministic", () => {
    assert.deepEqual(findReuse(storyReadings()), findReuse(storyReadings()));
  });

  it("ignores boilerplate alone", () => {
    const readings = ["x", "y", "z"].map((id, k) =>
      makeReading(id, null, [
        `Report number ${k} on a different matter entirely, with its own facts.`,
        BOILERPLATE,
      ]),
    );
    assert.deepEqual(findReuse(readings), []);
  });
});
