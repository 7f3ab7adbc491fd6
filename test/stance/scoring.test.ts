import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatScores, type Stance, scoreStances } from "../../src/stance/labels.js";

describe("FNC-1 scoring", () => {
  const gold: Stance[] = ["agree", "disagree", "discuss", "unrelated", "unrelated", "agree"];
  const pred: Stance[] = ["agree", "discuss", "discuss", "unrelated", "agree", "unrelated"];
  const s = scoreStances(gold, pred);

  it("gives scorer.py's weighted score, its maximum and the relative score", () => {
    // agree→agree 1, disagree→discuss 0.25, discuss→discuss 1, unrelated→unrelated 0.25, the two mix-ups 0.
    assert.equal(s.score, 2.5);
    assert.equal(s.maxScore, 4 + 0.5);
    assert.equal(s.nullScore, 0.5);
    assert.ok(Math.abs(s.relative - 2.5 / 4.5) < 1e-12);
  });

  it("gives the confusion matrix and per-class and macro F1", () => {
    assert.deepEqual(s.confusion[0], [1, 0, 0, 1]);
    assert.deepEqual(s.confusion[3], [1, 0, 0, 1]);
    assert.equal(s.f1.disagree, 0);
    assert.ok(Math.abs(s.f1.discuss - 2 / 3) < 1e-12);
    assert.ok(Math.abs(s.f1.agree - 0.5) < 1e-12);
    assert.ok(Math.abs(s.macroF1 - (0.5 + 0 + 2 / 3 + 0.5) / 4) < 1e-12);
    assert.match(formatScores(s), /relative 55\.56%/);
  });
});
