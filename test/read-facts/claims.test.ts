import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Quote } from "../../src/model/index.js";
import { findClaims } from "../../src/read/claims.js";
import { sentencesOf } from "./helpers.js";

const TITLE = "Leaked Audio Shows Minister Wanted Rebels to Advance on the Capital";
const PARAGRAPHS = [
  "Foreign Minister Anna Berg admitted in a closed meeting that the government wanted the rebel advance to continue.",
  "In order to force talks, the ministry allowed and encouraged arms shipments to reach the Northern Front militias.",
  "“We were watching. We saw that they were growing in strength,” Berg said.",
  "Is this the end of her career?",
  "Here is the audio in full.",
  "Shameful!",
  "The recording of the 40-minute meeting was made on 12 March by one of the 20 participants.",
  "Seems they lied.",
];

function claimsOf(paragraphs: string[], title: string | null, quotes: Quote[] = []) {
  const { article, sentences } = sentencesOf(paragraphs, { id: "a1", title });
  return { claims: findClaims(article, sentences, quotes), article };
}

describe("findClaims", () => {
  it("puts the headline first as c0, without a span", () => {
    const { claims } = claimsOf(PARAGRAPHS, TITLE);
    assert.deepEqual(claims[0], { id: "a1:c0", text: TITLE, role: "headline", span: null, sentence: null });
  });

  it("keeps the assertions and drops questions, quotes, meta lines, exclamations and asides", () => {
    const { claims, article } = claimsOf(PARAGRAPHS, TITLE);
    const body = claims.filter((c) => c.role === "body");
    assert.deepEqual(
      body.map((c) => c.text),
      [
        "Foreign Minister Anna Berg admitted in a closed meeting that the government wanted the rebel advance to continue.",
        "In order to force talks, the ministry allowed and encouraged arms shipments to reach the Northern Front militias.",
        "The recording of the 40-minute meeting was made on 12 March by one of the 20 participants.",
      ],
    );
    assert.deepEqual(
      claims.map((c) => c.id),
      ["a1:c0", "a1:c1", "a1:c2", "a1:c3"],
    );
    for (const c of body) assert.equal(article.body.slice(c.span!.start, c.span!.end), c.text);
  });

  it("numbers body claims from c0 when there is no headline", () => {
    const { claims } = claimsOf(PARAGRAPHS, null);
    assert.equal(claims[0]!.id, "a1:c0");
    assert.equal(claims[0]!.role, "body");
  });

  it("skips a sentence the quote reader marked as a quote", () => {
    const text = "Berg said the ministry had acted lawfully in every case, her office said.";
    const { article, sentences } = sentencesOf([text], { id: "a2" });
    const quote: Quote = {
      id: "a2:q0",
      start: 0,
      end: 56,
      text: text.slice(0, 56),
      kind: "indirect",
      partial: false,
      speaker: "Anna Berg",
      speakerMention: null,
      speakerEntity: null,
      cue: "said",
      cueSpan: null,
      sentence: 0,
      continues: null,
    };
    assert.equal(findClaims(article, sentences, []).length, 1);
    assert.equal(findClaims(article, sentences, [quote]).length, 0);
  });

  it("treats a quote with a speaker-and-audience attribution as the quote, even with a mistyped opening mark", () => {
    const { claims } = claimsOf(
      [
        "‘”I lost the argument for use of force in the north,” Anna Berg told the members of the Northern Council.",
        "Berg told the Northern Council that “the army will not move”, which the ministry later denied.",
      ],
      null,
    );
    assert.deepEqual(
      claims.map((c) => c.sentence),
      [1],
    );
  });

  it("caps the body claims of a long article, keeping article order", () => {
    const many = Array.from(
      { length: 30 },
      (_, i) => `Officials in Aleppo said ${i + 2} convoys had reached the city by Monday.`,
    );
    const { claims } = claimsOf(many, null);
    assert.equal(claims.length, 12);
    const sentencesIdx = claims.map((c) => c.sentence!);
    assert.deepEqual(
      sentencesIdx,
      [...sentencesIdx].sort((a, b) => a - b),
    );
  });
});
