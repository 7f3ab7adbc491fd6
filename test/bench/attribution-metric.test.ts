/** The PolNeAR attribution metric on hand-made documents: matching share, speaker overlap, quoted vs indirect. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type GoldAttribution, isQuoted, prf, scoreDocument } from "../../bench/read/attribution-metric.js";

const gold: GoldAttribution[] = [
  // Kerry said "we lost the argument" — source 0-5, content 11-33
  {
    source: [{ start: 0, end: 5 }],
    content: [{ start: 11, end: 33 }],
    contentText: "“we lost the argument”",
  },
  // indirect: officials said that talks failed — source 40-49, content 55-80
  { source: [{ start: 40, end: 49 }], content: [{ start: 55, end: 80 }], contentText: "that talks failed" },
  // no source: a quoted slogan
  { source: [], content: [{ start: 90, end: 100 }], contentText: "“U-S-A!”" },
];

describe("attribution metric", () => {
  it("tells quoted from indirect gold by a double quotation mark only (an apostrophe is not one)", () => {
    assert.deepEqual(gold.map(isQuoted), [true, false, true]);
    assert.equal(isQuoted({ source: [], content: [], contentText: "that Trump’s plan failed" }), false);
  });

  it("matches a prediction when 80% of it lies inside the gold content", () => {
    const inside = { start: 12, end: 32, kind: "direct" as const, speakerStart: 0, speakerEnd: 5 };
    const spilling = { start: 20, end: 40, kind: "direct" as const, speakerStart: 0, speakerEnd: 5 };
    const c = scoreDocument([inside, spilling], gold);
    assert.equal(c.matchedPredicted, 1, "13 of 20 characters inside is not enough");
    assert.equal(c.matchedGold, 1);
    assert.equal(c.speakerRight, 1);
  });

  it("a speaker is right when its mention overlaps the gold source; a sourceless gold wants none", () => {
    const wrong = { start: 12, end: 32, kind: "direct" as const, speakerStart: 40, speakerEnd: 49 };
    const slogan = { start: 91, end: 99, kind: "direct" as const, speakerStart: null, speakerEnd: null };
    const c = scoreDocument([wrong, slogan], gold);
    assert.equal(c.speakerPairs, 1);
    assert.equal(c.speakerRight, 0);
    assert.equal(c.rightPredicted, 1, "the slogan with no speaker is right end to end");
    assert.equal(c.sourceHitPredicted, 0);
    assert.equal(c.predictedWithSpeaker, 1);
  });

  it("computes precision, recall and F1, and zero when nothing was predicted", () => {
    const p = prf(3, 4, 3, 6);
    assert.equal(p.precision, 0.75);
    assert.equal(p.recall, 0.5);
    assert.ok(Math.abs(p.f1 - 0.6) < 1e-9);
    assert.deepEqual(prf(0, 0, 0, 5), { precision: 0, recall: 0, f1: 0 });
  });
});
