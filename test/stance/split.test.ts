import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { StanceRow } from "../../src/stance/csv.js";
import { findStories, foldRows, heldOutPairs, seededRandom, storyFolds } from "../../src/stance/split.js";

/** Ten stories of three headlines and three bodies each, with unrelated pairs across stories. */
function rows(): StanceRow[] {
  const out: StanceRow[] = [];
  const labels = ["agree", "discuss", "disagree"] as const;
  for (let s = 0; s < 10; s++) {
    for (let h = 0; h < 3; h++) {
      for (let b = 0; b < 3; b++)
        out.push({
          headline: `s${s} h${h}`,
          bodyId: String(s * 10 + b),
          stance: labels[(h + b) % 3] ?? "agree",
        });
      out.push({ headline: `s${s} h${h}`, bodyId: String(((s + 3) % 10) * 10), stance: "unrelated" });
    }
  }
  return out;
}

describe("story split", () => {
  it("finds stories as components of related pairs, not of unrelated ones", () => {
    const st = findStories(rows());
    assert.equal(st.count, 10);
    assert.equal(st.ofHeadline.get("s2 h0"), st.ofBody.get("21"));
    assert.notEqual(st.ofHeadline.get("s2 h0"), st.ofBody.get("50"));
  });

  it("keeps every story on one side of a fold", () => {
    const data = rows();
    const folds = storyFolds(data, 5, 1);
    const st = findStories(data);
    for (let k = 0; k < 5; k++) {
      const { fit, held } = foldRows(folds, k);
      const heldStories = new Set(held.map((i) => st.ofHeadline.get(data[i]!.headline)));
      for (const i of fit) {
        assert.ok(!heldStories.has(st.ofHeadline.get(data[i]!.headline)));
        assert.ok(!heldStories.has(st.ofBody.get(data[i]!.bodyId)));
      }
    }
  });

  it("is the same for the same seed", () => {
    assert.deepEqual(storyFolds(rows(), 5, 3), storyFolds(rows(), 5, 3));
    const r = seededRandom(9);
    const again = seededRandom(9);
    assert.deepEqual([r(), r(), r()], [again(), again(), again()]);
  });

  it("draws held-out unrelated pairs only among the fold's own stories, never within one", () => {
    const data = rows();
    const { held } = foldRows(storyFolds(data, 2, 1), 0);
    const pairs = heldOutPairs(data, held, 4);
    const st = findStories(data);
    const heldBodies = new Set(held.map((i) => data[i]!.bodyId));
    const related = pairs.filter((p) => p.stance !== "unrelated").length;
    const unrelated = pairs.filter((p) => p.stance === "unrelated");
    assert.ok(unrelated.length > related, "FNC-1's unrelated share is restored");
    for (const p of unrelated) {
      assert.ok(heldBodies.has(p.bodyId));
      assert.notEqual(st.ofHeadline.get(p.headline), st.ofBody.get(p.bodyId));
    }
    assert.equal(new Set(pairs.map((p) => `${p.headline}|${p.bodyId}`)).size, pairs.length, "no pair twice");
  });
});
