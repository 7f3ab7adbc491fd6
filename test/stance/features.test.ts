import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { countCues } from "../../src/stance/cues.js";
import { featureNames, pairFeatures } from "../../src/stance/features.js";
import {
  bodyDoc,
  countVocabulary,
  headlineDoc,
  termsOf,
  type Vocabulary,
  vocabularyFrom,
} from "../../src/stance/text.js";
import { wordTokens } from "../../src/text/tokens.js";

const HOAX =
  "A photo shared widely this week appeared to show a shark swimming down a flooded highway in Houston. " +
  'The image is a hoax. "It is fake, it was doctored from a 2005 picture," said Dana Cole of the National Weather Service. ' +
  "The original picture shows a shark near a kayak off the coast of South Africa, she said.";
const REPORT =
  "A shark was seen swimming down a flooded highway in Houston on Sunday, according to posts on social media. " +
  "The posts could not be verified. Officials reportedly warned residents to stay away from flood waters.";
const BRIDGE =
  "The city council voted on Monday to close the Elm Street bridge for repairs. Engineers found cracks in two of its supports.";

function vocab(): Vocabulary {
  const texts = [HOAX, REPORT, BRIDGE, "Shark swims down flooded Houston highway", "Council closes bridge"];
  return vocabularyFrom(countVocabulary(texts.map((t) => termsOf(wordTokens(t).map((w) => w.norm)))));
}

function features(headline: string, body: string): Map<string, number> {
  const v = vocab();
  const f = pairFeatures(headlineDoc(headline, v), bodyDoc("b", body, v), v);
  return new Map(f.names.map((n, i) => [n, f.values[i] as number]));
}

describe("stance features", () => {
  it("have fixed names in a fixed order, all finite", () => {
    const names = featureNames();
    assert.equal(new Set(names).size, names.length);
    const f = features("Shark swims down flooded Houston highway", HOAX);
    assert.deepEqual([...f.keys()], names);
    for (const [n, x] of f) assert.ok(Number.isFinite(x), n);
  });

  it("see a related body as closer than an unrelated one", () => {
    const related = features("Shark swims down flooded Houston highway", HOAX);
    const unrelated = features("Shark swims down flooded Houston highway", BRIDGE);
    assert.ok((related.get("cos.body") ?? 0) > 0.2);
    assert.equal(unrelated.get("cos.body"), 0);
    assert.ok((related.get("terms.share") ?? 0) > (unrelated.get("terms.share") ?? 0));
    assert.ok((related.get("terms.maxMissingIdf") ?? 0) < (unrelated.get("terms.maxMissingIdf") ?? 0));
  });

  it("count refuting cues near the claim in a debunk, and hedges in a report", () => {
    const hoax = features("Shark swims down flooded Houston highway", HOAX);
    const report = features("Shark swims down flooded Houston highway", REPORT);
    assert.ok((hoax.get("body.refuting") ?? 0) > 0);
    assert.ok((hoax.get("near.refuting") ?? 0) >= 2, "hoax, fake, doctored: next to the claim");
    assert.equal(report.get("near.refuting"), 0);
    assert.ok((report.get("top.hedging") ?? 0) >= 2, "according to, could, reportedly");
    assert.ok((hoax.get("quotes.rate") ?? 0) > 0, "the reader found the spokeswoman's quote");
    assert.ok((hoax.get("speakers.inHeadline") ?? -1) === 0);
  });

  it("frame the headline: questions, hedges, negation and figures", () => {
    const f = features("Did a shark really swim down a Houston highway? Not likely, experts say", REPORT);
    assert.equal(f.get("headline.question"), 1);
    assert.ok((f.get("headline.negation") ?? 0) >= 1);
    const n = features("Shark photo is from 2005", HOAX);
    assert.equal(n.get("numbers.headline"), 1);
    assert.equal(n.get("numbers.share"), 1);
  });

  it("flag a predicate the body negates and the headline does not", () => {
    const v = vocab();
    const h = headlineDoc("Council closes Elm Street bridge", v);
    const body = bodyDoc(
      "x",
      "The council did not close the Elm Street bridge on Monday, officials said.",
      v,
    );
    const f = pairFeatures(h, body, v);
    assert.ok((f.values[f.names.indexOf("polarity.bestClash")] as number) >= 1);
  });

  it("count phrases that refute only as a whole", () => {
    const norms = wordTokens("The report is not true and there is no evidence for it").map((t) => t.norm);
    const c = countCues(norms, norms);
    assert.equal(c.refutingPhrases >= 2, true);
  });
});
