/** The body metric of the clean bench, on hand-computed cases. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { aggregate, multisetSize, overlap, scorePage, shingles, tokenize } from "../../bench/clean/metric.js";

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} is not ${expected}`);

describe("tokenize", () => {
  it("keeps case and inner apostrophes, drops punctuation and outer quotes", () => {
    assert.deepEqual(tokenize("Don't stop—'quoted' l’homme, 3.5%"), [
      "Don't",
      "stop",
      "quoted",
      "l’homme",
      "3",
      "5",
    ]);
  });

  it("keeps combining marks inside the word they sit on, composed where Unicode can", () => {
    assert.deepEqual(tokenize("cafe\u0301 au lait"), ["caf\u00e9", "au", "lait"]);
    assert.deepEqual(tokenize("x\u0360y"), ["x\u0360y"]);
    assert.deepEqual(tokenize("हिन्दी भाषा"), ["हिन्दी", "भाषा"]);
  });

  it("makes each ideograph, kana and hangul syllable its own token", () => {
    assert.deepEqual(tokenize("東京は晴れ。"), ["東", "京", "は", "晴", "れ"]);
    assert.deepEqual(tokenize("コーヒー"), ["コ", "ー", "ヒ", "ー"]);
    assert.deepEqual(tokenize("한국어 문장"), ["한", "국", "어", "문", "장"]);
    assert.deepEqual(tokenize("「人々」、〇"), ["人", "々", "〇"]);
  });

  it("splits a spaced word from unspaced script next to it", () => {
    assert.deepEqual(tokenize("iPhone15を買った"), ["iPhone15", "を", "買", "っ", "た"]);
  });

  it("finds no tokens in punctuation and space", () => {
    assert.deepEqual(tokenize(" -- !? … "), []);
  });
});

describe("shingles", () => {
  it("counts repeated 4-token shingles", () => {
    const m = shingles(tokenize("a b c d a b c d"));
    assert.deepEqual([...m].sort(), [
      ["a b c d", 2],
      ["b c d a", 1],
      ["c d a b", 1],
      ["d a b c", 1],
    ]);
    assert.equal(multisetSize(m), 5);
  });

  it("makes one shingle of a text under four tokens, and none of an empty one", () => {
    assert.deepEqual([...shingles(["Hello", "world"])], [["Hello world", 1]]);
    assert.equal(shingles([]).size, 0);
  });

  it("intersects multisets by the smaller count", () => {
    const a = shingles(tokenize("a b c d a b c d"));
    const b = shingles(tokenize("a b c d e"));
    assert.equal(overlap(a, b), 1);
    assert.equal(overlap(b, a), 1);
  });
});

describe("scorePage", () => {
  it("scores repeats against the gold multiset", () => {
    // pred {abcd×2, bcda, cdab, dabc} (5), gold {abcd, bcde} (2), common 1.
    const s = scorePage("a b c d a b c d", "a b c d e")!;
    close(s.precision, 1 / 5);
    close(s.recall, 1 / 2);
    close(s.f1, (2 * 0.2 * 0.5) / 0.7);
  });

  it("scores an empty prediction 0/0 and skips an empty gold", () => {
    assert.deepEqual(scorePage("", "Some gold text here"), { precision: 0, recall: 0, f1: 0 });
    assert.deepEqual(scorePage("  ", "a b"), { precision: 0, recall: 0, f1: 0 });
    assert.equal(scorePage("Some prediction", ""), null);
    assert.equal(scorePage("", " . "), null);
  });

  it("compares short texts as one shingle", () => {
    assert.deepEqual(scorePage("Hello, world!", "Hello world"), { precision: 1, recall: 1, f1: 1 });
    assert.deepEqual(scorePage("Hello there world", "Hello world"), { precision: 0, recall: 0, f1: 0 });
  });

  it("is case-sensitive and ignores block layout", () => {
    assert.equal(scorePage("the quick brown fox", "The quick brown fox")!.f1, 0);
    assert.equal(scorePage("the quick\n\nbrown fox", "the quick brown fox")!.f1, 1);
  });

  it("scores CJK text character by character", () => {
    // gold 東京は晴れ: 東京は晴, 京は晴れ; pred 東京は雨: one shingle 東京は雨 → nothing shared.
    assert.equal(scorePage("東京は雨", "東京は晴れ")!.f1, 0);
    const s = scorePage("東京は晴", "東京は晴れ")!;
    close(s.precision, 1);
    close(s.recall, 1 / 2);
  });
});

describe("aggregate", () => {
  it("averages P and R over scored pages, then takes F1 of the means", () => {
    const a = aggregate([{ precision: 1, recall: 0.5, f1: 2 / 3 }, { precision: 0, recall: 0, f1: 0 }, null]);
    assert.equal(a.pages, 3);
    assert.equal(a.scored, 2);
    close(a.meanPrecision, 0.5);
    close(a.meanRecall, 0.25);
    close(a.f1, (2 * 0.5 * 0.25) / 0.75);
    close(a.meanPageF1, 1 / 3);
    close(a.medianPageF1, 1 / 3);
  });

  it("gives zeros, not NaN, with nothing scored", () => {
    const a = aggregate([null]);
    assert.equal(a.scored, 0);
    assert.equal(a.f1, 0);
    assert.equal(a.medianPageF1, 0);
  });
});
