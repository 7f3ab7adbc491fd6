import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { wordTokens, wordTokensOf, wordTokensWithin } from "../../src/text/tokens.js";

/** What cutting the passage alone gives, shifted to the whole text's offsets. */
function alone(text: string, start: number) {
  return wordTokens(text).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
}

describe("wordTokensWithin", () => {
  const whole = "Kerry said so. The U.S. role grew.Next came 4.8 million, he said.";
  const tokens = wordTokens(whole);

  it("gives a passage the words the whole text's cut finds inside it", () => {
    const start = whole.indexOf("The");
    const text = "The U.S. role grew.";
    assert.deepEqual(wordTokensWithin(whole, tokens, start, text), alone(text, start));
  });

  it("cuts a passage on its own where a word of the whole runs across its end", () => {
    // "grew.Next" is one word of the whole text; the passage ends inside it.
    const start = whole.indexOf("The");
    const text = "The U.S. role grew";
    assert.deepEqual(wordTokensWithin(whole, tokens, start, text), alone(text, start));
    const next = whole.indexOf("Next");
    const rest = whole.slice(next);
    assert.deepEqual(wordTokensWithin(whole, tokens, next, rest), alone(rest, next));
  });

  it("cuts a passage on its own when it is not the whole text's at that offset", () => {
    assert.deepEqual(wordTokensWithin(whole, tokens, 0, "Someone else"), alone("Someone else", 0));
  });
});

describe("wordTokensOf", () => {
  it("cuts an owner's text once, and again when the text has changed", () => {
    const owner = {};
    const first = wordTokensOf(owner, "one two");
    assert.equal(wordTokensOf(owner, "one two"), first);
    assert.deepEqual(
      wordTokensOf(owner, "three").map((t) => t.text),
      ["three"],
    );
  });
});
