import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Token } from "../../src/read/nlp.js";
import { cueAt, isAttitudeLemma, isExpressionNoun, reportingLemma } from "../../src/read/quotes/cues.js";

/** Tokens with tags, offsets made up: enough for the cue rules, which look at text and tags. */
function toks(tagged: string): Token[] {
  let at = 0;
  return tagged.split(" ").map((w) => {
    const [text, pos] = w.split("/") as [string, string];
    const t = { text, lower: text.toLowerCase(), start: at, end: at + text.length, pos };
    at += text.length + 1;
    return t;
  });
}

describe("reporting verbs", () => {
  it("finds the lemma of regular, doubled, -ied and irregular forms", () => {
    assert.equal(reportingLemma("said"), "say");
    assert.equal(reportingLemma("quipped"), "quip");
    assert.equal(reportingLemma("replied"), "reply");
    assert.equal(reportingLemma("denies"), "deny");
    assert.equal(reportingLemma("told"), "tell");
    assert.equal(reportingLemma("thought"), "think");
    assert.equal(reportingLemma("branded"), "brand");
    assert.equal(reportingLemma("likened"), "liken");
    assert.equal(reportingLemma("table"), null);
  });

  it("tells attitude verbs from verbs of saying", () => {
    assert.equal(isAttitudeLemma("hope"), true);
    assert.equal(isAttitudeLemma("say"), false);
  });

  it("knows nouns of expression", () => {
    assert.equal(isExpressionNoun("remarks"), true);
    assert.equal(isExpressionNoun("table"), false);
  });
});

describe("cueAt", () => {
  it("refuses the passive and the hyphenated modifier", () => {
    const passive = toks("He/PRON was/AUX told/VERB to/PART leave/VERB");
    assert.equal(cueAt(passive, 2), null);
    const modifier = toks("the/DET so/ADV -/PUNCT called/VERB rebels/NOUN");
    assert.equal(cueAt(modifier, 3), null);
  });

  it("keeps phrases whole: continued to say, pointed out, as he put it", () => {
    assert.deepEqual(cueAt(toks("he/PRON continued/VERB to/PART say/VERB"), 1), {
      from: 1,
      to: 4,
      kind: "verb",
    });
    assert.deepEqual(cueAt(toks("Brenner/PROPN pointed/VERB out/ADP"), 1), { from: 1, to: 3, kind: "verb" });
    assert.deepEqual(cueAt(toks("as/SCONJ he/PRON put/VERB it/PRON"), 2), { from: 2, to: 4, kind: "verb" });
    assert.equal(cueAt(toks("he/PRON put/VERB the/DET box/NOUN"), 1), null);
  });

  it("takes “used the words” but not “used the money”", () => {
    assert.ok(cueAt(toks("Trump/PROPN used/VERB the/DET words/NOUN"), 1));
    assert.equal(cueAt(toks("Trump/PROPN used/VERB the/DET money/NOUN"), 1), null);
  });

  it("reads “according to” as a cue whose source follows", () => {
    assert.deepEqual(cueAt(toks("according/VERB to/ADP Reuters/PROPN"), 0), {
      from: 0,
      to: 2,
      kind: "according",
    });
  });
});
