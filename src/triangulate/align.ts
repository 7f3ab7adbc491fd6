import type { ReuseText } from "./ngrams.js";
import { ANCHOR_NGRAM_WORDS, MAX_GAP_SKEW_WORDS, MAX_GAP_WORDS, MIN_PASSAGE_WORDS } from "./reuse-params.js";

/**
 * Step (c) and (d) of reuse detection for one candidate pair: shared anchors become exact runs,
 * runs close to each other on both sides become one passage, and the few words between them are
 * aligned word by word, so "DAESH [ISIS] was growing" and "DAESH [the IS] was growing" are one
 * passage. Work is linear in the two texts and their shared anchors, never their product.
 */

/** A shared passage, in token indices (inclusive) on each side. */
export interface AlignedPassage {
  aFirst: number;
  aLast: number;
  bFirst: number;
  bLast: number;
  /** Words matched on both sides. */
  matched: number;
  /** Of those, words outside quotation marks on both sides: the writer's own wording. */
  own: number;
}

/** An exact run: a[aStart, aEnd) equals b[bStart, bStart + (aEnd - aStart)). */
interface Run {
  aStart: number;
  aEnd: number;
  bStart: number;
}

interface Chain {
  runs: Run[];
  aEnd: number;
  bEnd: number;
}

export function alignPair(a: ReuseText, b: ReuseText): AlignedPassage[] {
  const runs = exactRuns(a, b);
  const passages = chainRuns(runs)
    .map((chain) => scoreChain(chain, a, b))
    .filter((p) => p.matched >= MIN_PASSAGE_WORDS);
  return oneToOne(passages);
}

/**
 * Exact runs of shared words, in order of their start in a. Anchors (positions where both texts
 * carry the same n-gram, from a merge of the two sorted anchor tables) are bucketed by position
 * in a; each anchor not already inside a run on its diagonal is extended word by word. A copy
 * thus costs one comparison per word, whatever the number of anchors. Gram ids are fingerprints,
 * so the word comparison is also what makes a match certain.
 */
function exactRuns(a: ReuseText, b: ReuseText): Run[] {
  const [atA, atB] = sharedAnchors(a, b);
  const lengthA = a.words.length;
  const lengthB = b.words.length;
  const head = new Int32Array(lengthA).fill(-1);
  const next = new Int32Array(atA.length);
  for (let k = atA.length - 1; k >= 0; k--) {
    const i = atA[k] as number;
    next[k] = head[i] as number;
    head[i] = k;
  }
  const runEndOnDiagonal = new Int32Array(lengthA + lengthB + 1);
  const runs: Run[] = [];
  for (let i = 0; i < lengthA; i++) {
    for (let k = head[i] as number; k >= 0; k = next[k] as number) {
      const j = atB[k] as number;
      const diagonal = j - i + lengthA;
      if ((runEndOnDiagonal[diagonal] as number) > i) continue;
      let end = i;
      while (end < lengthA && end - i + j < lengthB && sameWord(a.words, end, b.words, end - i + j)) end++;
      runEndOnDiagonal[diagonal] = end;
      if (end - i >= ANCHOR_NGRAM_WORDS) runs.push({ aStart: i, aEnd: end, bStart: j });
    }
  }
  return runs;
}

function sameWord(wa: Int32Array, i: number, wb: Int32Array, j: number): boolean {
  const w = wa[i] as number;
  return w >= 0 && w === wb[j];
}

/** Positions (i in a, j in b) where both carry the same anchor n-gram, in gram order. */
function sharedAnchors(a: ReuseText, b: ReuseText): [number[], number[]] {
  const atA: number[] = [];
  const atB: number[] = [];
  const ta = a.anchors;
  const tb = b.anchors;
  let x = 0;
  let y = 0;
  while (x < ta.length && y < tb.length) {
    const ga = ta[x] as number;
    const gb = tb[y] as number;
    if (ga < gb) x += 2;
    else if (gb < ga) y += 2;
    else {
      let xe = x;
      while (xe < ta.length && ta[xe] === ga) xe += 2;
      let ye = y;
      while (ye < tb.length && tb[ye] === ga) ye += 2;
      for (let p = x; p < xe; p += 2) {
        for (let q = y; q < ye; q += 2) {
          atA.push(ta[p + 1] as number);
          atB.push(tb[q + 1] as number);
        }
      }
      x = xe;
      y = ye;
    }
  }
  return [atA, atB];
}

/**
 * Greedy left-to-right chaining: each run joins the open chain it continues with the smallest
 * gap (both sides moving forward, neither gap beyond MAX_GAP_WORDS, the two gaps within
 * MAX_GAP_SKEW_WORDS of each other), or starts a chain. Chains ending more than MAX_GAP_WORDS
 * before the run are closed for good, since runs arrive in order of their start in a.
 */
function chainRuns(runs: readonly Run[]): Chain[] {
  const done: Chain[] = [];
  let open: Chain[] = [];
  for (const run of runs) {
    const stillOpen: Chain[] = [];
    for (const chain of open) (chain.aEnd + MAX_GAP_WORDS < run.aStart ? done : stillOpen).push(chain);
    open = stillOpen;
    let best: { chain: Chain; run: Run; cost: number } | null = null;
    for (const chain of open) {
      const joined = joinable(chain, run);
      if (joined && (!best || joined.cost < best.cost)) best = { chain, ...joined };
    }
    if (best) {
      best.chain.runs.push(best.run);
      best.chain.aEnd = best.run.aEnd;
      best.chain.bEnd = best.run.bStart + (best.run.aEnd - best.run.aStart);
    } else {
      open.push({ runs: [run], aEnd: run.aEnd, bEnd: run.bStart + (run.aEnd - run.aStart) });
    }
  }
  return [...done, ...open];
}

/** The run trimmed to start after the chain on both sides, and the gap cost, if it continues the chain. */
function joinable(chain: Chain, run: Run): { run: Run; cost: number } | null {
  const overlap = Math.max(0, chain.aEnd - run.aStart, chain.bEnd - run.bStart);
  if (overlap >= run.aEnd - run.aStart) return null;
  const trimmed = { aStart: run.aStart + overlap, aEnd: run.aEnd, bStart: run.bStart + overlap };
  const gapA = trimmed.aStart - chain.aEnd;
  const gapB = trimmed.bStart - chain.bEnd;
  if (gapA > MAX_GAP_WORDS || gapB > MAX_GAP_WORDS || Math.abs(gapA - gapB) > MAX_GAP_SKEW_WORDS) return null;
  return { run: trimmed, cost: gapA + gapB };
}

function scoreChain(chain: Chain, a: ReuseText, b: ReuseText): AlignedPassage {
  let matched = 0;
  let own = 0;
  const count = (i: number, j: number) => {
    matched++;
    if (a.quoted[i] === 0 && b.quoted[j] === 0) own++;
  };
  let prev: Run | null = null;
  for (const run of chain.runs) {
    if (prev) {
      const prevBEnd = prev.bStart + (prev.aEnd - prev.aStart);
      for (const [i, j] of gapMatches(a.words, prev.aEnd, run.aStart, b.words, prevBEnd, run.bStart))
        count(i, j);
    }
    for (let k = 0; k < run.aEnd - run.aStart; k++) count(run.aStart + k, run.bStart + k);
    prev = run;
  }
  const first = chain.runs[0] as Run;
  return {
    aFirst: first.aStart,
    aLast: chain.aEnd - 1,
    bFirst: first.bStart,
    bLast: chain.bEnd - 1,
    matched,
    own,
  };
}

/**
 * Word pairs matched inside a gap between two runs: a longest common subsequence of the two
 * short stretches (each at most MAX_GAP_WORDS long, so the table is tiny).
 */
function gapMatches(
  wa: Int32Array,
  aFrom: number,
  aTo: number,
  wb: Int32Array,
  bFrom: number,
  bTo: number,
): [number, number][] {
  const n = aTo - aFrom;
  const m = bTo - bFrom;
  if (n <= 0 || m <= 0) return [];
  const table = new Int32Array((n + 1) * (m + 1));
  const at = (x: number, y: number) => table[x * (m + 1) + y] as number;
  for (let x = n - 1; x >= 0; x--) {
    for (let y = m - 1; y >= 0; y--) {
      const same = sameWord(wa, aFrom + x, wb, bFrom + y);
      table[x * (m + 1) + y] = same ? at(x + 1, y + 1) + 1 : Math.max(at(x + 1, y), at(x, y + 1));
    }
  }
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  while (x < n && y < m) {
    if (sameWord(wa, aFrom + x, wb, bFrom + y)) {
      out.push([aFrom + x, bFrom + y]);
      x++;
      y++;
    } else if (at(x + 1, y) >= at(x, y + 1)) x++;
    else y++;
  }
  return out;
}

/**
 * Each word of either text belongs to at most one passage of the pair: the strongest passages
 * win, so a paragraph b repeats twice is matched once, and shares never count a word twice.
 */
function oneToOne(passages: AlignedPassage[]): AlignedPassage[] {
  const ranked = [...passages].sort(
    (p, q) => q.matched - p.matched || p.aFirst - q.aFirst || p.bFirst - q.bFirst,
  );
  const kept: AlignedPassage[] = [];
  for (const p of ranked) {
    const clash = kept.some(
      (k) => (p.aFirst <= k.aLast && k.aFirst <= p.aLast) || (p.bFirst <= k.bLast && k.bFirst <= p.bLast),
    );
    if (!clash) kept.push(p);
  }
  return kept.sort((p, q) => p.aFirst - q.aFirst || p.bFirst - q.bFirst);
}
