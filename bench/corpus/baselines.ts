/**
 * Simple reference clusterers, computed in the bench run beside Triangulate's: TF-IDF cosine
 * (content words as docFeatures gives them, IDF over the whole input) with single linkage at a
 * fixed threshold, and with average linkage (the agglomerative baseline of the ECB+ literature),
 * both batch and told nothing about the number of stories.
 */
import type { DocFeatures } from "../../src/corpus/index.js";

export interface SparseVec {
  keys: string[];
  w: Float64Array;
}

/** (1 + ln tf) · ln(N / df) over the terms, unit length. */
export function tfidfVectors(features: readonly DocFeatures[]): SparseVec[] {
  const df = new Map<string, number>();
  for (const f of features) for (const [k] of f.terms) df.set(k, (df.get(k) ?? 0) + 1);
  const n = features.length;
  return features.map((f) => {
    const entries = f.terms
      .map(([k, c]) => [k, (1 + Math.log(c)) * Math.log((n + 1) / (df.get(k)! + 0.5))] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    let norm = 0;
    for (const [, w] of entries) norm += w * w;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return { keys: entries.map((e) => e[0]), w: Float64Array.from(entries.map((e) => e[1] * scale)) };
  });
}

function cosine(a: SparseVec, b: SparseVec): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.keys.length && j < b.keys.length) {
    const x = a.keys[i]!;
    const y = b.keys[j]!;
    if (x === y) {
      dot += a.w[i]! * b.w[j]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** Dense n×n cosine matrix (n up to a few thousand). */
export function similarityMatrix(vecs: readonly SparseVec[]): Float64Array {
  const n = vecs.length;
  const m = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    m[a * n + a] = 1;
    for (let b = a + 1; b < n; b++) {
      const v = cosine(vecs[a]!, vecs[b]!);
      m[a * n + b] = v;
      m[b * n + a] = v;
    }
  }
  return m;
}

/** Single linkage: connected components of the pairs at or above the threshold. */
export function singleLink(sim: Float64Array, n: number, threshold: number): string[] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[x] !== r) {
      const next = parent[x]!;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (sim[a * n + b]! >= threshold) parent[find(a)] = find(b);
    }
  }
  return Array.from({ length: n }, (_, i) => `c${find(i)}`);
}

/** One merge of an agglomerative dendrogram: clusters a and b at similarity sim. */
export interface Merge {
  a: number;
  b: number;
  sim: number;
}

/**
 * Average-linkage dendrogram by the nearest-neighbour chain (O(n²) with Lance–Williams updates).
 * Average linkage has no inversions, so cutting at a threshold (cut below) gives exactly what
 * greedy merging would, stopped when the best pair falls below it.
 */
export function averageLinkDendrogram(simIn: Float64Array, n: number): Merge[] {
  const sim = Float64Array.from(simIn);
  const size = new Int32Array(n).fill(1);
  const alive = new Uint8Array(n).fill(1);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let remaining = n;
  let next = 0;
  while (remaining > 1) {
    if (chain.length === 0) {
      while (!alive[next]) next++;
      chain.push(next);
    }
    const a = chain[chain.length - 1]!;
    const prev = chain.length >= 2 ? chain[chain.length - 2]! : -1;
    let best = -1;
    let bestSim = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      if (j === a || !alive[j]) continue;
      const v = sim[a * n + j]!;
      if (v > bestSim || (v === bestSim && j === prev)) {
        bestSim = v;
        best = j;
      }
    }
    if (best === prev) {
      chain.pop();
      chain.pop();
      merges.push({ a, b: best, sim: bestSim });
      for (let k = 0; k < n; k++) {
        if (!alive[k] || k === a || k === best) continue;
        const v = (size[a]! * sim[a * n + k]! + size[best]! * sim[best * n + k]!) / (size[a]! + size[best]!);
        sim[a * n + k] = v;
        sim[k * n + a] = v;
      }
      size[a]! += size[best]!;
      alive[best] = 0;
      remaining--;
    } else {
      chain.push(best);
    }
  }
  return merges;
}

/** Clusters of a dendrogram cut at a threshold: the merges at or above it. */
export function cut(merges: readonly Merge[], n: number, threshold: number): string[] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r]!;
    return r;
  };
  for (const m of merges) if (m.sim >= threshold) parent[find(m.b)] = find(m.a);
  return Array.from({ length: n }, (_, i) => `c${find(i)}`);
}

/**
 * Spherical K-means told the number of stories: the anchor of the ECB+ literature (K-means on
 * TF-IDF given the true number of events). Seeded farthest-first from the first document, so
 * the run is deterministic; at most `rounds` reassignment rounds.
 */
export function kMeans(vecs: readonly SparseVec[], k: number, rounds = 50): string[] {
  const n = vecs.length;
  if (n === 0) return [];
  const vocab = new Map<string, number>();
  const ids = vecs.map((v) =>
    Int32Array.from(v.keys, (key) => vocab.get(key) ?? vocab.set(key, vocab.size).size - 1),
  );
  const dims = vocab.size;
  const dotDense = (doc: number, c: Float64Array): number => {
    let d = 0;
    const keys = ids[doc]!;
    const w = vecs[doc]!.w;
    for (let i = 0; i < keys.length; i++) d += w[i]! * c[keys[i]!]!;
    return d;
  };
  const asDense = (doc: number): Float64Array => {
    const c = new Float64Array(dims);
    const keys = ids[doc]!;
    for (let i = 0; i < keys.length; i++) c[keys[i]!] = vecs[doc]!.w[i]!;
    return c;
  };
  // Farthest-first seeds: each next seed is the document least similar to every seed so far.
  let centroids: Float64Array[] = [asDense(0)];
  const closest = Float64Array.from({ length: n }, (_, d) => dotDense(d, centroids[0]!));
  while (centroids.length < Math.min(k, n)) {
    let pick = 0;
    for (let d = 1; d < n; d++) if (closest[d]! < closest[pick]!) pick = d;
    const c = asDense(pick);
    centroids.push(c);
    for (let d = 0; d < n; d++) closest[d] = Math.max(closest[d]!, dotDense(d, c));
  }
  const assign = new Int32Array(n).fill(-1);
  for (let round = 0; round < rounds; round++) {
    let moved = 0;
    for (let d = 0; d < n; d++) {
      let best = 0;
      let bestDot = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < centroids.length; j++) {
        const v = dotDense(d, centroids[j]!);
        if (v > bestDot) {
          bestDot = v;
          best = j;
        }
      }
      if (assign[d] !== best) {
        assign[d] = best;
        moved++;
      }
    }
    if (moved === 0) break;
    centroids = centroids.map(() => new Float64Array(dims));
    for (let d = 0; d < n; d++) {
      const c = centroids[assign[d]!]!;
      const keys = ids[d]!;
      for (let i = 0; i < keys.length; i++) c[keys[i]!]! += vecs[d]!.w[i]!;
    }
    for (const c of centroids) {
      let norm = 0;
      for (let i = 0; i < dims; i++) norm += c[i]! * c[i]!;
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let i = 0; i < dims; i++) c[i]! *= scale;
    }
  }
  return Array.from(assign, (c) => `k${c}`);
}
