import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Reading } from "../../src/model/index.js";
import { findCoverage } from "../../src/triangulate/coverage.js";
import { findReuse } from "../../src/triangulate/reuse.js";
import { buildTimeline } from "../../src/triangulate/timeline.js";
import { findWitnesses } from "../../src/triangulate/witnesses.js";
import { makeReading } from "./builder.js";

/** Deterministic pseudo-random numbers (a linear congruential generator), so the story is the same every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ren",
  "tas",
  "vu",
  "dor",
  "pel",
  "sin",
  "gra",
  "bo",
  "lu",
  "nes",
  "tri",
  "zam",
];

function vocabulary(random: () => number, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const n = 1 + Math.floor(random() * 3);
    words.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(""));
  }
  return [...words];
}

function baseText(random: () => number, words: string[], length: number): string[] {
  return Array.from({ length }, () => words[Math.floor(random() * words.length)] as string);
}

/** A version of a base text: about one word in 40 replaced, some paragraphs dropped. */
function version(random: () => number, base: string[], words: string[]): string[] {
  const edited = base.map((w) =>
    random() < 0.025 ? (words[Math.floor(random() * words.length)] as string) : w,
  );
  const paragraphs: string[] = [];
  for (let k = 0; k < edited.length; k += 60) {
    if (random() < 0.1) continue;
    paragraphs.push(`${edited.slice(k, k + 60).join(" ")}.`);
  }
  return paragraphs;
}

describe("reuse at scale", () => {
  it("handles 100 versions of about 5,000 words: ten families of ten copies", () => {
    const random = generator(7);
    const words = vocabulary(random, 3000);
    const bases = Array.from({ length: 10 }, () => baseText(random, words, 5000));
    const readings: Reading[] = [];
    for (let v = 0; v < 100; v++) {
      const family = v % 10;
      readings.push(makeReading(`v${v}`, null, version(random, bases[family] as string[], words)));
    }
    const reuse = findReuse(readings);
    const witnesses = findWitnesses(readings, reuse);
    buildTimeline(readings, reuse);
    findCoverage(readings, { quoteGroups: [], reuse, witnesses });
    assert.equal(reuse.length, 10 * 45);
    assert.ok(reuse.every((p) => Number(p.a.slice(1)) % 10 === Number(p.b.slice(1)) % 10));
    assert.equal(witnesses.length, 10);
    assert.ok(reuse.every((p) => p.shareOfA > 0.6 && p.shareOfB > 0.6));
  });
});
