import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_SENTENCE_CHARS, splitSentences } from "../../src/read/sentences.js";
import { makeArticle } from "../articles.js";

function texts(paragraphs: string[]): string[] {
  const a = makeArticle(paragraphs);
  const out = splitSentences(a);
  for (const s of out) assert.equal(a.body.slice(s.start, s.end), s.text, "offsets map into body");
  return out.map((s) => s.text);
}

describe("splitSentences", () => {
  it("splits plain sentences and keeps paragraphs apart", () => {
    assert.deepEqual(texts(["The talks failed. Both sides left Geneva.", "Fighting resumed on Monday"]), [
      "The talks failed.",
      "Both sides left Geneva.",
      "Fighting resumed on Monday",
    ]);
  });

  it("starts a sentence at a quotation opened with two apostrophes", () => {
    assert.deepEqual(texts(["He questioned her record on trade. ''Can we win Ohio?'' Mr. Brandt asked."]), [
      "He questioned her record on trade.",
      "''Can we win Ohio?'' Mr. Brandt asked.",
    ]);
  });

  it("does not split after titles, initials, dotted acronyms or month abbreviations", () => {
    assert.deepEqual(
      texts([
        "Mr. Kerry met Dr. Haddad and Gen. Joseph F. Dunford at the U.N. headquarters on Sept. 22. The U.S. delegation left early.",
      ]),
      [
        "Mr. Kerry met Dr. Haddad and Gen. Joseph F. Dunford at the U.N. headquarters on Sept. 22.",
        "The U.S. delegation left early.",
      ],
    );
  });

  it("does not split after plural titles before names", () => {
    assert.deepEqual(
      texts(["Sens. Ada Park and Lou Grant objected, as did Reps. Tom Hale and Govs. Ina Ross and Ed Lyle."]),
      ["Sens. Ada Park and Lou Grant objected, as did Reps. Tom Hale and Govs. Ina Ross and Ed Lyle."],
    );
  });

  it("ends a sentence after a title-like abbreviation only before a typical opener", () => {
    assert.deepEqual(
      texts([
        "The motion came from Del. Rosa Vance of Norfolk. Turnout was high in Dover, Del. The polls closed at 9 p.m. EST. It was item No. 4 on the list. Asked about a recount, he said no. But aides hedged.",
      ]),
      [
        "The motion came from Del. Rosa Vance of Norfolk.",
        "Turnout was high in Dover, Del.",
        "The polls closed at 9 p.m. EST.",
        "It was item No. 4 on the list.",
        "Asked about a recount, he said no.",
        "But aides hedged.",
      ],
    );
  });

  it("ends a sentence after a single capital before a typical opener, never after Mr. or v.", () => {
    assert.deepEqual(
      texts([
        "The veterans served in World War I. They marched past Mr. And Mrs. Vale, who cited Roe v. Wade.",
      ]),
      ["The veterans served in World War I.", "They marched past Mr. And Mrs. Vale, who cited Roe v. Wade."],
    );
  });

  it("ends a sentence after a dotted acronym when a typical opener follows", () => {
    assert.deepEqual(texts(["The plan was drafted in the U.S. The Russians rejected it."]), [
      "The plan was drafted in the U.S.",
      "The Russians rejected it.",
    ]);
  });

  it("handles closing quotes after the full stop and attribution after the quote", () => {
    assert.deepEqual(
      texts([
        "“We are trying. It is frustrating,” Kerry said. “Nobody is more frustrated than we are.” He then left the room. Was it over?” she asked.",
      ]),
      [
        "“We are trying. It is frustrating,” Kerry said.",
        "“Nobody is more frustrated than we are.”",
        "He then left the room.",
        "Was it over?” she asked.",
      ],
    );
  });

  it("keeps a question or exclamation with its named speaker after the quotation", () => {
    assert.deepEqual(
      texts([
        "“Where is the money?” Mayor Ruiz asked reporters. “We won!” Ines Calder shouted. “Why now?” She said the timing was odd. “Never!” Omar replied to them that day. “Why wait?” Nega put his house up for sale.",
      ]),
      [
        "“Where is the money?” Mayor Ruiz asked reporters.",
        "“We won!” Ines Calder shouted.",
        "“Why now?”",
        "She said the timing was odd.",
        "“Never!”",
        "Omar replied to them that day.",
        "“Why wait?”",
        "Nega put his house up for sale.",
      ],
    );
  });

  it("keeps decimals, ellipses before lowercase and domains inside one sentence", () => {
    assert.deepEqual(texts(["Growth was 4.8 percent... or so said cnn.com on Friday. Prices rose."]), [
      "Growth was 4.8 percent... or so said cnn.com on Friday.",
      "Prices rose.",
    ]);
  });

  it("caps a huge paragraph without sentence ends at word boundaries", () => {
    const huge = "word ".repeat(1_000_000);
    const a = makeArticle([huge]);
    const out = splitSentences(a);
    assert.ok(out.length > 100);
    for (const s of out) {
      assert.ok(s.end - s.start <= MAX_SENTENCE_CHARS);
      assert.ok(!s.text.startsWith(" ") && !s.text.endsWith(" "));
    }
  });
});
