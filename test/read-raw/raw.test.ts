/** The raw-text adapter: the reader sees paragraphs, and every offset it reports maps back to the text as given. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toReadRecord } from "../../src/cli/read.js";
import { readArticle } from "../../src/read/index.js";
import { rawArticle } from "../../src/read/raw.js";

const TEXT =
  "Council approves flood wall\n\n  \n" +
  "The city council on Tuesday approved a 12 million euro flood barrier, ending months of dispute.   \n\n" +
  "“We cannot wait for the next storm surge,” Mayor Peter Lindqvist told councillors.\n" +
  "He said the vote, 31 to 12, was a relief.\n\n\n" +
  "Opposition leader Anna Brandt said the plan was rushed.\n";

describe("rawArticle", () => {
  it("splits at blank lines, trims, and keeps single line breaks inside a paragraph", () => {
    const { article } = rawArticle("t", "t.txt", TEXT);
    assert.equal(article.paragraphs.length, 4);
    assert.equal(article.paragraphs[0], "Council approves flood wall");
    assert.match(article.paragraphs[2] ?? "", /councillors\.\nHe said/);
    assert.equal(
      article.title,
      null,
      "raw text has no title of its own: the first line is text like any other",
    );
  });

  it("maps every body offset back to the same character of the text", () => {
    const { article, toText } = rawArticle("t", "t.txt", TEXT);
    for (let i = 0; i < article.body.length; i++) {
      const ch = article.body[i]!;
      if (ch === "\n" && article.body[i + 1] === "\n") {
        i++;
        continue;
      }
      assert.equal(TEXT[toText(i)], ch, `body offset ${i}`);
    }
  });

  it("reports quotes, speakers and cues with offsets into the text as given", () => {
    const raw = rawArticle("t", "t.txt", TEXT);
    const record = toReadRecord(readArticle(raw.article), "t.txt", TEXT, raw.toText);
    const q = record.quotes.find((x) => x.text.startsWith("We cannot wait"));
    assert.ok(q, "the quote is found");
    assert.equal(TEXT.slice(q.start, q.end), q.text);
    assert.equal(q.speaker, "Peter Lindqvist");
    assert.ok(q.speakerStart !== null && q.speakerEnd !== null);
    assert.match(TEXT.slice(q.speakerStart, q.speakerEnd), /Lindqvist/);
    assert.ok(q.cueStart !== null && q.cueEnd !== null);
    assert.equal(TEXT.slice(q.cueStart, q.cueEnd), "told");
    for (const f of record.figures) assert.equal(TEXT.slice(f.start, f.end), f.text);
    for (const e of record.entities)
      for (const m of e.mentions) assert.equal(TEXT.slice(m.start, m.end), m.text);
  });
});
