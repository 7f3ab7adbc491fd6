import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findMarks, pairMarks } from "../../src/read/quotes/marks.js";
import { quoteWith, read } from "./helpers.js";

describe("quotation marks typed as two apostrophes", () => {
  it("reads '' as one double mark and keeps the offsets exact", () => {
    const { article, quotes } = read([
      "''It's an enormous moment,'' said Steve Holt, a strategist. ''We lost.''",
    ]);
    const q = quoteWith(quotes, "enormous moment");
    assert.ok(q);
    assert.equal(q.text, "It's an enormous moment");
    assert.equal(article.body.slice(q.start, q.end), q.text);
    assert.equal(q.speaker, "Steve Holt");
    assert.equal(q.partial, false);
  });

  it("splits a run of three into a single and a double mark", () => {
    const text = "''He said, 'Eight years, no progress,''' Ross recalled.";
    const marks = findMarks(text);
    assert.deepEqual(
      marks.map((m) => [m.family, m.width ?? 1]),
      [
        ["double", 2],
        ["single", 1],
        ["single", 1],
        ["double", 2],
      ],
    );
    const outer = pairMarks(text, 3000).find((p) => p.depth === 0);
    assert.ok(outer);
    assert.equal(text.slice(outer.open + 2, outer.close), "He said, 'Eight years, no progress,'");
  });
});

describe("nested double quotations", () => {
  it("keeps the outer quotation when a double one is nested in it", () => {
    const { quotes } = read([
      "“People behind her wore “Settle For Less” shirts. Ouch,” Jeff Bechdel, a party operative, tweeted.",
    ]);
    const q = quoteWith(quotes, "People behind her");
    assert.ok(q);
    assert.match(q.text, /shirts\. Ouch$/);
    assert.equal(q.speaker, "Jeff Bechdel");
  });

  it("promotes the inner quotation when the outer one never closes", () => {
    const pairs = pairMarks("He said “we tried “everything” and left.", 3000);
    assert.deepEqual(
      pairs.map((p) => p.depth),
      [0],
    );
  });

  it("stays bounded on six-deep nesting and a paragraph of unbalanced marks", () => {
    const deep = "He said “one “two “three “four “five “six” five” four” three” two” one” end. ".repeat(
      5_000,
    );
    const { quotes } = read([deep, "“never closed ".repeat(20_000), "” stray ".repeat(20_000)]);
    assert.ok(quotes.length > 0);
    for (const q of quotes) assert.ok(q.end - q.start <= 3_000);
  });
});
