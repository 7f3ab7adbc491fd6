/**
 * Claim support with the stance model: each other witness's body is read against the claim and
 * its stance becomes a finding (agree → supported, discuss → partly, disagree → contradicted),
 * with the body's best-matching sentences as reason and evidence. Fixed-answer models make the
 * mapping testable apart from what the shipped model happens to say.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ClaimSupport, Reading, Witness } from "../../src/model/index.js";
import { featureNames } from "../../src/stance/features.js";
import type { GbdtModel } from "../../src/stance/gbdt.js";
import { MODEL_FORMAT, type StanceModelFile, StancePredictor } from "../../src/stance/model.js";
import { supportClaims } from "../../src/triangulate/claims.js";
import { groupFigures } from "../../src/triangulate/figures.js";
import { groupQuotes } from "../../src/triangulate/quotes.js";
import { makeReading } from "../triangulate-quotes/build.js";

/** A model that answers the same probabilities for every pair: trees-free, base scores only. */
function fixedModel(related: number, stance: [number, number, number]): StancePredictor {
  const n = featureNames().length;
  const relatedModel: GbdtModel = {
    classes: 2,
    base: [Math.log(related / (1 - related))],
    trees: [],
    featureCount: n,
  };
  const stanceModel: GbdtModel = {
    classes: 3,
    base: stance.map((p) => Math.log(p)),
    trees: [],
    featureCount: n,
  };
  const file: StanceModelFile = {
    format: MODEL_FORMAT,
    features: featureNames(),
    vocabulary: { documents: 10, terms: [], df: [] },
    related: relatedModel,
    stance: stanceModel,
    decision: { relatedThreshold: 0.5, weights: { agree: 1, disagree: 1, discuss: 1 } },
    training: {},
  };
  return new StancePredictor(file);
}

const LONG =
  "Officials said the dam near the village of Arlen was opened on Friday after three days of heavy rain. " +
  "Water levels downstream rose by two metres, and about 400 residents were moved to a school on higher ground. " +
  "The regional water board said the opening had been planned for weeks and posed no danger to the town. " +
  "Farmers along the river said their fields had flooded before the warning reached them.";

const claimant = makeReading({
  id: "claimant",
  title: "Arlen dam opened after heavy rain",
  paragraphs: ["The dam near Arlen was opened on Friday after heavy rain, a local paper reported."],
  claims: ["The dam near Arlen was opened on Friday after heavy rain, a local paper reported."],
});
const other = makeReading({
  id: "other",
  paragraphs: [LONG],
  claims: [
    "The regional water board said the opening had been planned for weeks and posed no danger to the town.",
  ],
});
/** The same body, with its first sentence (the one matching the claim) among its claims. */
const otherClaiming = makeReading({
  id: "other",
  paragraphs: [LONG],
  claims: [
    "Officials said the dam near the village of Arlen was opened on Friday after three days of heavy rain.",
  ],
});
const tiny = makeReading({ id: "tiny", paragraphs: ["Dam opened."] });

const WITNESSES: Witness[] = ["claimant", "other", "tiny"].map((id, i) => ({
  id: `w${i}`,
  articles: [id],
  original: id,
}));

function analyse(readings: Reading[], stance: StancePredictor | null, witnesses = WITNESSES): ClaimSupport[] {
  return supportClaims(readings, {
    quoteGroups: groupQuotes(readings),
    figureGroups: groupFigures(readings),
    witnesses,
    stance,
  });
}

function headline(all: readonly ClaimSupport[]): ClaimSupport {
  const s = all.find((x) => x.claim === "claimant:c0");
  assert.ok(s);
  return s;
}

describe("claim support with the stance model", () => {
  it("an agreeing independent body supports the claim, with its best sentence as reason", () => {
    const s = headline(analyse([claimant, other, tiny], fixedModel(0.9, [0.8, 0.05, 0.15])));
    assert.equal(s.verdict, "supported", s.reasons.join("\n"));
    const reason = s.reasons.find((r) =>
      /stance model reads 1 independent version as agreeing \(other\)/.test(r),
    );
    assert.ok(reason, s.reasons.join("\n"));
    assert.match(reason, /dam near the village of Arlen was opened/);
  });

  it("names the matching sentence as evidence when the reader made it a claim", () => {
    const s = headline(analyse([claimant, otherClaiming, tiny], fixedModel(0.9, [0.8, 0.05, 0.15])));
    assert.ok(s.evidence.includes("other:c1"), s.evidence.join(" "));
  });

  it("a body that only discusses it makes the claim partly supported", () => {
    const s = headline(analyse([claimant, other, tiny], fixedModel(0.9, [0.1, 0.05, 0.85])));
    assert.equal(s.verdict, "partly", s.reasons.join("\n"));
    assert.ok(s.reasons.some((r) => /without taking it as established/.test(r)));
  });

  it("a firmly disagreeing body contradicts it; a body leaning against it is only noted", () => {
    const firm = headline(analyse([claimant, other, tiny], fixedModel(0.9, [0.1, 0.8, 0.1])));
    assert.equal(firm.verdict, "contradicted", firm.reasons.join("\n"));
    assert.ok(firm.reasons.some((r) => /as disputing it \(other\)/.test(r)));
    const lean = headline(analyse([claimant, other, tiny], fixedModel(0.9, [0.3, 0.4, 0.3])));
    assert.notEqual(lean.verdict, "contradicted", lean.reasons.join("\n"));
    assert.ok(lean.reasons.some((r) => /leaning against it/.test(r)));
  });

  it("an unrelated body is no evidence, and bodies too short for the model are not read", () => {
    const s = headline(analyse([claimant, other, tiny], fixedModel(0.1, [0.8, 0.1, 0.1])));
    assert.equal(s.verdict, "unsupported");
    assert.ok(!s.reasons.some((r) => /stance model/.test(r)));
    const agree = headline(analyse([claimant, other, tiny], fixedModel(0.9, [0.8, 0.05, 0.15])));
    assert.ok(!agree.reasons.some((r) => /\btiny\b/.test(r)), "a two-word body is not read");
  });

  it("copies of the claim's own witness are not independent evidence", () => {
    const copies: Witness[] = [
      { id: "w0", articles: ["claimant", "other"], original: "other" },
      { id: "w2", articles: ["tiny"], original: "tiny" },
    ];
    const s = headline(analyse([claimant, other, tiny], fixedModel(0.9, [0.8, 0.05, 0.15]), copies));
    assert.ok(!s.reasons.some((r) => /independent version as agreeing/.test(r)), s.reasons.join("\n"));
  });

  it("a best sentence that is itself a quotation keeps its quotes, nested as single ones", () => {
    const quoting = makeReading({
      id: "other",
      paragraphs: [`“The dam near Arlen was opened on Friday after heavy rain,” the mayor said. ${LONG}`],
    });
    const s = headline(analyse([claimant, quoting, tiny], fixedModel(0.9, [0.8, 0.05, 0.15])));
    const reason = s.reasons.find((r) => /as agreeing \(other\)/.test(r));
    assert.ok(reason, s.reasons.join("\n"));
    assert.match(reason, /“‘The dam near Arlen was opened on Friday after heavy rain,’ the mayor said”/);
    assert.doesNotMatch(reason, /““/);
  });

  it("null turns the model off: the named detectors alone", () => {
    const s = headline(analyse([claimant, other, tiny], null));
    assert.ok(!s.reasons.some((r) => /stance model/.test(r)));
  });
});
