/** Training end to end on a small synthetic corpus: reproducible, loadable, and it learns something. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { BodyRow, StanceRow } from "../../src/stance/csv.js";
import { DEFAULT_GBDT } from "../../src/stance/gbdt.js";
import { decide, parseModel, StancePredictor } from "../../src/stance/model.js";
import { DEFAULT_TRAIN, type TrainConfig, trainStanceModel } from "../../src/stance/train.js";

const TOPICS = [
  ["volcano", "erupted", "island", "ash"],
  ["senator", "resigned", "scandal", "capitol"],
  ["whale", "stranded", "beach", "rescuers"],
  ["bank", "merger", "shares", "regulators"],
  ["comet", "visible", "astronomers", "telescope"],
  ["factory", "closed", "workers", "union"],
  ["museum", "stolen", "painting", "thieves"],
  ["airline", "cancelled", "flights", "storm"],
  ["rapper", "arrested", "concert", "police"],
  ["glacier", "collapsed", "climbers", "valley"],
] as const;

function corpus(): { bodies: BodyRow[]; rows: StanceRow[] } {
  const bodies: BodyRow[] = [];
  const rows: StanceRow[] = [];
  TOPICS.forEach(([a, b, c, d], t) => {
    const agreeBody = `The ${a} ${b} near the ${c} on Monday, officials confirmed. The ${d} were seen at the scene. It was confirmed by the authorities in a statement.`;
    const refuteBody = `Reports that the ${a} ${b} near the ${c} are a hoax. Officials said the story is fake and not true. The ${d} denied it.`;
    const discussBody = `The ${a} reportedly ${b} near the ${c}, according to unconfirmed posts. It could not be verified whether the ${d} were there.`;
    bodies.push(
      { id: String(3 * t), text: agreeBody },
      { id: String(3 * t + 1), text: refuteBody },
      { id: String(3 * t + 2), text: discussBody },
    );
    const headline = `${a[0]?.toUpperCase()}${a.slice(1)} ${b} near ${c}`;
    rows.push(
      { headline, bodyId: String(3 * t), stance: "agree" },
      { headline, bodyId: String(3 * t + 1), stance: "disagree" },
      { headline, bodyId: String(3 * t + 2), stance: "discuss" },
      { headline, bodyId: String(3 * ((t + 1) % TOPICS.length)), stance: "unrelated" },
      { headline, bodyId: String(3 * ((t + 4) % TOPICS.length) + 2), stance: "unrelated" },
    );
  });
  return { bodies, rows };
}

const SMALL: TrainConfig = {
  ...DEFAULT_TRAIN,
  related: { ...DEFAULT_GBDT, rounds: 20, maxDepth: 3, minLeaf: 2, minChildWeight: 0.5, seed: 1 },
  stance: { ...DEFAULT_GBDT, rounds: 30, maxDepth: 3, minLeaf: 2, minChildWeight: 0.5, seed: 2 },
};

describe("stance training", { timeout: 120_000 }, () => {
  const input = corpus();
  const model = trainStanceModel(input, SMALL);

  it("is reproducible: the same data and seeds give the same model file", () => {
    assert.equal(JSON.stringify(trainStanceModel(input, SMALL)), JSON.stringify(model));
  });

  it("writes a model file that loads and tells related from unrelated pairs", () => {
    const predictor = new StancePredictor(parseModel(JSON.stringify(model), "model.json"));
    const bodies = new Map(input.bodies.map((b) => [b.id, b.text]));
    let right = 0;
    for (const r of input.rows) {
      const p = predictor.probabilities(
        predictor.headline(r.headline),
        predictor.body(r.bodyId, bodies.get(r.bodyId) ?? ""),
      );
      if ((decide(p, model.decision) === "unrelated") === (r.stance === "unrelated")) right++;
    }
    assert.ok(right / input.rows.length > 0.9, `${right}/${input.rows.length}`);
    assert.equal(model.vocabulary.terms.length, model.vocabulary.df.length);
  });

  it("refuses a model whose features are not this version's", () => {
    const stale = { ...model, features: model.features.slice(1) };
    assert.throws(() => new StancePredictor(stale), /retrain with npm run train:stance/);
  });
});
