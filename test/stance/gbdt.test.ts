import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Dataset, DEFAULT_GBDT, predictProba, trainGbdt } from "../../src/stance/gbdt.js";
import { seededRandom } from "../../src/stance/split.js";

/** Two features; class 1 when exactly one is above 0.5 (an interaction no single split finds). */
function xor(n: number, seed: number): { data: Dataset; labels: Int32Array } {
  const r = seededRandom(seed);
  const x = new Float64Array(n * 2);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = r();
    const b = r();
    x[2 * i] = a;
    x[2 * i + 1] = b;
    labels[i] = a > 0.5 !== b > 0.5 ? 1 : 0;
  }
  return { data: { x, featureCount: 2, rows: n }, labels };
}

const PARAMS = { ...DEFAULT_GBDT, rounds: 60, maxDepth: 3, minLeaf: 5, colsample: 1 };

describe("boosted trees", () => {
  it("learn an interaction of two features", () => {
    const train = xor(2000, 1);
    const test = xor(500, 2);
    const model = trainGbdt(
      train.data,
      { labels: train.labels, weights: new Float64Array(2000).fill(1) },
      2,
      PARAMS,
    );
    let right = 0;
    for (let i = 0; i < 500; i++) {
      const p = predictProba(model, test.data.x, 2 * i)[0] as number;
      if ((p >= 0.5 ? 1 : 0) === test.labels[i]) right++;
    }
    assert.ok(right / 500 > 0.95, `accuracy ${right / 500}`);
  });

  it("give softmax probabilities for several classes", () => {
    const n = 900;
    const x = new Float64Array(n);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = i / n;
      labels[i] = Math.floor((3 * i) / n);
    }
    const model = trainGbdt(
      { x, featureCount: 1, rows: n },
      { labels, weights: new Float64Array(n).fill(1) },
      3,
      PARAMS,
    );
    const p = predictProba(model, [0.9]);
    assert.equal(p.length, 3);
    assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-9);
    assert.ok((p[2] as number) > 0.9);
  });

  it("weigh rare classes up when asked", () => {
    const { data, labels } = xor(1000, 3);
    const plain = trainGbdt(data, { labels, weights: new Float64Array(1000).fill(1) }, 2, PARAMS);
    const weighted = trainGbdt(
      data,
      { labels, weights: Float64Array.from(labels, (y) => (y === 1 ? 5 : 1)) },
      2,
      PARAMS,
    );
    const at = [0.52, 0.2];
    assert.ok((predictProba(weighted, at)[0] as number) >= (predictProba(plain, at)[0] as number));
  });

  it("are the same trees for the same seed", () => {
    const { data, labels } = xor(800, 4);
    const w = new Float64Array(800).fill(1);
    const a = trainGbdt(data, { labels, weights: w }, 2, { ...PARAMS, subsample: 0.7, colsample: 0.5 });
    const b = trainGbdt(data, { labels, weights: w }, 2, { ...PARAMS, subsample: 0.7, colsample: 0.5 });
    assert.deepEqual(a, b);
  });
});
