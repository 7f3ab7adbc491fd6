/**
 * Splitting FNC-1 by story. The official hold-out split works by Body ID, so nearly every dev
 * story (claim) is also in training and the dev score is optimistic; the competition test set holds
 * mostly unseen claims. A story is a connected component of related headline–body pairs; a split
 * by story keeps every claim on one side.
 */
import { UnionFind } from "../triangulate/union-find.js";
import type { StanceRow } from "./csv.js";

/** A small, fast seeded generator (mulberry32): the same seed gives the same split and the same model. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

export interface Stories {
  /** Story number of each body id (every body that occurs in a related pair). */
  ofBody: Map<string, number>;
  /** Story number of each headline text. */
  ofHeadline: Map<string, number>;
  count: number;
}

/** Stories as connected components of related pairs; numbered in order of first appearance. */
export function findStories(rows: readonly StanceRow[]): Stories {
  const nodes = new Map<string, number>();
  const node = (key: string) => {
    let n = nodes.get(key);
    if (n === undefined) {
      n = nodes.size;
      nodes.set(key, n);
    }
    return n;
  };
  for (const r of rows) {
    node(`h\u0000${r.headline}`);
    node(`b\u0000${r.bodyId}`);
  }
  const uf = new UnionFind(nodes.size);
  for (const r of rows) {
    if (r.stance !== null && r.stance !== "unrelated")
      uf.union(node(`h\u0000${r.headline}`), node(`b\u0000${r.bodyId}`));
  }
  const number = new Map<number, number>();
  const ofBody = new Map<string, number>();
  const ofHeadline = new Map<string, number>();
  for (const [key, n] of nodes) {
    const root = uf.find(n);
    let s = number.get(root);
    if (s === undefined) {
      s = number.size;
      number.set(root, s);
    }
    if (key.startsWith("b")) ofBody.set(key.slice(2), s);
    else ofHeadline.set(key.slice(2), s);
  }
  return { ofBody, ofHeadline, count: number.size };
}

/**
 * Assigns each story to one of `folds` folds so that folds get similar shares of each related
 * stance (disagree sits in few stories: a plain random deal leaves a fold with a handful): stories
 * in a seeded order, the largest first, each to the fold whose class shares it evens out most.
 * Returns, per row, the fold of its headline's story and of its body's story.
 */
export function storyFolds(
  rows: readonly StanceRow[],
  folds: number,
  seed: number,
): (readonly [number, number])[] {
  const stories = findStories(rows);
  const classes = ["agree", "disagree", "discuss"] as const;
  const count = Array.from({ length: stories.count }, () => [0, 0, 0]);
  const total = [0, 0, 0];
  for (const r of rows) {
    const s = stories.ofHeadline.get(r.headline);
    const c = classes.indexOf(r.stance as (typeof classes)[number]);
    if (s === undefined || c < 0) continue;
    (count[s] as number[])[c] = ((count[s] as number[])[c] as number) + 1;
    total[c] = (total[c] as number) + 1;
  }
  const size = count.map((c) => c.reduce((a, b) => a + b, 0));
  const order = shuffle(
    Array.from({ length: stories.count }, (_, i) => i),
    seededRandom(seed),
  );
  // Stable sort by size after the shuffle: ties stay in the seeded order.
  order.sort((a, b) => (size[b] ?? 0) - (size[a] ?? 0));
  const load = Array.from({ length: folds }, () => [0, 0, 0]);
  const foldOfStory = new Array<number>(stories.count).fill(0);
  for (const s of order) {
    let best = 0;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let f = 0; f < folds; f++) {
      // The fold's largest class share after taking the story: the fold that stays most even wins.
      let cost = 0;
      for (let c = 0; c < 3; c++) {
        const share =
          (((load[f] as number[])[c] as number) + ((count[s] as number[])[c] as number)) /
          Math.max(1, total[c] as number);
        cost = Math.max(cost, share);
      }
      if (cost < bestCost - 1e-12) {
        bestCost = cost;
        best = f;
      }
    }
    foldOfStory[s] = best;
    for (let c = 0; c < 3; c++)
      (load[best] as number[])[c] =
        ((load[best] as number[])[c] as number) + ((count[s] as number[])[c] as number);
  }
  return rows.map((r) => {
    const h = stories.ofHeadline.get(r.headline);
    const b = stories.ofBody.get(r.bodyId);
    return [h === undefined ? -1 : (foldOfStory[h] ?? -1), b === undefined ? -1 : (foldOfStory[b] ?? -1)];
  });
}

/**
 * Rows whose headline and body both lie outside fold `k` (training for that fold) and both inside
 * it (validation). Unrelated pairs joining the two sides are in neither, so no story crosses.
 */
export function foldRows(
  folds: readonly (readonly [number, number])[],
  k: number,
): { fit: number[]; held: number[] } {
  const fit: number[] = [];
  const held: number[] = [];
  folds.forEach(([h, b], i) => {
    if (h === k && b === k) held.push(i);
    else if (h !== k && b !== k && h >= 0 && b >= 0) fit.push(i);
  });
  return { fit, held };
}

/** Share of unrelated pairs in FNC-1 (73.1% of train, 72.2% of the competition test set). */
export const UNRELATED_SHARE = 0.73;

/** Attempts per wanted pair before giving up on drawing new unrelated pairs (tiny story sets). */
const DRAW_ATTEMPTS = 20;

/**
 * A held-out fold as FNC-1 built its data: its related pairs, and unrelated pairs made the way
 * FNC-1 made them (a headline with a body drawn at random from another story), as many as give
 * UNRELATED_SHARE. Only the fold's own headlines and bodies are used, so nothing crosses into
 * the stories a model was fitted on. The fold's own unrelated pairs come first, then drawn ones.
 */
export function heldOutPairs(rows: readonly StanceRow[], held: readonly number[], seed: number): StanceRow[] {
  const stories = findStories(rows);
  const out: StanceRow[] = held.map((i) => rows[i] as StanceRow);
  const related = out.filter((r) => r.stance !== "unrelated").length;
  const want = Math.round((related * UNRELATED_SHARE) / (1 - UNRELATED_SHARE));
  let unrelated = out.length - related;
  const seen = new Set(out.map((r) => `${r.headline}\u0000${r.bodyId}`));
  const headlines = [...new Set(out.map((r) => r.headline))].sort();
  const bodies = [...new Set(out.map((r) => r.bodyId))].sort(
    (a, b) => Number(a) - Number(b) || (a < b ? -1 : 1),
  );
  const random = seededRandom(seed);
  let attempts = 0;
  while (unrelated < want && attempts < want * DRAW_ATTEMPTS && headlines.length > 0 && bodies.length > 0) {
    attempts++;
    const headline = headlines[Math.floor(random() * headlines.length)] as string;
    const bodyId = bodies[Math.floor(random() * bodies.length)] as string;
    if (stories.ofHeadline.get(headline) === stories.ofBody.get(bodyId)) continue;
    const key = `${headline}\u0000${bodyId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ headline, bodyId, stance: "unrelated" });
    unrelated++;
  }
  return out;
}

export interface StorySplit {
  train: number[];
  /** Related pairs of the dev stories, with unrelated pairs drawn among them (heldOutPairs). */
  dev: StanceRow[];
  /** Pairs joining a train story's headline to a dev story's body (or the reverse): in neither side. */
  dropped: number;
}

/** Seed and share of the story-split dev set: one fold of five, as the official split's 80/20. */
export const DEV_SPLIT_SEED = 20_170_601;
export const DEV_FOLDS = 5;

/** Row indices of train, and the dev pairs: dev is fold 0 of DEV_FOLDS story folds. */
export function storySplit(rows: readonly StanceRow[], seed = DEV_SPLIT_SEED): StorySplit {
  const { fit, held } = foldRows(storyFolds(rows, DEV_FOLDS, seed), 0);
  return { train: fit, dev: heldOutPairs(rows, held, seed), dropped: rows.length - fit.length - held.length };
}
