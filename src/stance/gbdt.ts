/**
 * Gradient-boosted decision trees, histogram-based (features cut into quantile bins once, split
 * gains read off per-bin gradient sums, the larger child's histogram got by subtraction), with
 * second-order leaf values and L2 shrinkage as in XGBoost and LightGBM. Binary logistic loss and
 * multi-class softmax. Small enough to train here in seconds and to ship as JSON; seeded, so the
 * same data and parameters give the same trees.
 */
import { seededRandom } from "./split.js";

export interface GbdtParams {
  rounds: number;
  learningRate: number;
  maxDepth: number;
  /** Smallest hessian sum (≈ number of confident samples) a leaf may hold. */
  minChildWeight: number;
  /** Fewest samples a leaf may hold. */
  minLeaf: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Smallest gain a split must bring. */
  gamma: number;
  /** Share of rows each tree sees. */
  subsample: number;
  /** Share of features each tree may split on. */
  colsample: number;
  /** Quantile bins per feature (at most 256: bins are bytes). */
  bins: number;
  seed: number;
}

export const DEFAULT_GBDT: GbdtParams = {
  rounds: 300,
  learningRate: 0.08,
  maxDepth: 6,
  minChildWeight: 2,
  minLeaf: 10,
  lambda: 2,
  gamma: 0,
  subsample: 0.8,
  colsample: 0.7,
  bins: 64,
  seed: 7,
};

/** A tree in flat arrays; a node with feature -1 is a leaf. x[feature] <= threshold goes left. */
export interface Tree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

export interface GbdtModel {
  /** 1 for binary (the score is the log-odds of class 1), else the number of classes. */
  classes: number;
  base: number[];
  /** trees[round * groups + k]: groups = 1 for binary, classes otherwise. */
  trees: Tree[];
  featureCount: number;
}

export interface Dataset {
  /** Row-major features: x[i * featureCount + f]. */
  x: Float64Array;
  featureCount: number;
  rows: number;
}

/** Training feedback: a callback per round (for progress); validation happens outside. */
export type RoundListener = (round: number) => void;

interface Binned {
  /** Column-major bin of each value: bins[f * rows + i]. */
  bins: Uint8Array;
  /** Cut points per feature: value <= cuts[f][b] is in bin <= b. */
  cuts: Float64Array[];
  binCount: number[];
}

function binData(data: Dataset, maxBins: number): Binned {
  const { rows, featureCount: nf, x } = data;
  const bins = new Uint8Array(nf * rows);
  const cuts: Float64Array[] = [];
  const binCount: number[] = [];
  const column = new Float64Array(rows);
  for (let f = 0; f < nf; f++) {
    for (let i = 0; i < rows; i++) column[i] = x[i * nf + f] as number;
    const sorted = Float64Array.from(column).sort();
    const distinct: number[] = [];
    for (let i = 0; i < rows; i++) {
      const v = sorted[i] as number;
      if (i === 0 || v !== sorted[i - 1]) distinct.push(v);
    }
    const cut: number[] = [];
    if (distinct.length <= maxBins) {
      for (let k = 0; k + 1 < distinct.length; k++)
        cut.push(((distinct[k] as number) + (distinct[k + 1] as number)) / 2);
    } else {
      // Quantile cuts on the sorted values, merged where a heavy value spans several quantiles.
      for (let b = 1; b < maxBins; b++) {
        const at = Math.floor((b * rows) / maxBins);
        const v = sorted[at] as number;
        let j = at;
        while (j < rows && sorted[j] === v) j++;
        if (j >= rows) break;
        const c = (v + (sorted[j] as number)) / 2;
        if (cut.length === 0 || c > (cut.at(-1) as number)) cut.push(c);
      }
    }
    const c = Float64Array.from(cut);
    cuts.push(c);
    binCount.push(c.length + 1);
    for (let i = 0; i < rows; i++) bins[f * rows + i] = binOf(c, column[i] as number);
  }
  return { bins, cuts, binCount };
}

/** Index of the first cut at or above v (binary search): the value's bin. */
function binOf(cuts: Float64Array, v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cuts[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Hist {
  g: Float64Array;
  h: Float64Array;
  n: Int32Array;
}

interface GrowContext {
  binned: Binned;
  rows: number;
  features: number[];
  /** Offset of each feature's bins in a histogram. */
  offset: number[];
  histSize: number;
  params: GbdtParams;
}

function buildHist(ctx: GrowContext, idx: Uint32Array, g: Float64Array, h: Float64Array): Hist {
  const hist: Hist = {
    g: new Float64Array(ctx.histSize),
    h: new Float64Array(ctx.histSize),
    n: new Int32Array(ctx.histSize),
  };
  const { bins } = ctx.binned;
  const rows = ctx.rows;
  for (let k = 0; k < ctx.features.length; k++) {
    const f = ctx.features[k] as number;
    const base = f * rows;
    const off = ctx.offset[k] as number;
    for (let j = 0; j < idx.length; j++) {
      const i = idx[j] as number;
      const b = off + (bins[base + i] as number);
      hist.g[b] = (hist.g[b] as number) + (g[i] as number);
      hist.h[b] = (hist.h[b] as number) + (h[i] as number);
      hist.n[b] = (hist.n[b] as number) + 1;
    }
  }
  return hist;
}

function subtractHist(parent: Hist, child: Hist): Hist {
  const out: Hist = {
    g: new Float64Array(parent.g.length),
    h: new Float64Array(parent.h.length),
    n: new Int32Array(parent.n.length),
  };
  for (let b = 0; b < parent.g.length; b++) {
    out.g[b] = (parent.g[b] as number) - (child.g[b] as number);
    out.h[b] = (parent.h[b] as number) - (child.h[b] as number);
    out.n[b] = (parent.n[b] as number) - (child.n[b] as number);
  }
  return out;
}

interface Split {
  gain: number;
  /** Index into ctx.features. */
  k: number;
  bin: number;
}

function bestSplit(ctx: GrowContext, hist: Hist, G: number, H: number, N: number): Split | null {
  const { lambda, minChildWeight, minLeaf, gamma } = ctx.params;
  const parentScore = (G * G) / (H + lambda);
  let best: Split | null = null;
  for (let k = 0; k < ctx.features.length; k++) {
    const f = ctx.features[k] as number;
    const off = ctx.offset[k] as number;
    const count = ctx.binned.binCount[f] as number;
    let gl = 0;
    let hl = 0;
    let nl = 0;
    for (let b = 0; b + 1 < count; b++) {
      gl += hist.g[off + b] as number;
      hl += hist.h[off + b] as number;
      nl += hist.n[off + b] as number;
      const nr = N - nl;
      if (nl < minLeaf) continue;
      if (nr < minLeaf) break;
      const hr = H - hl;
      if (hl < minChildWeight || hr < minChildWeight) continue;
      const gr = G - gl;
      const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parentScore;
      if (gain > gamma && (best === null || gain > best.gain)) best = { gain, k, bin: b };
    }
  }
  return best;
}

function growTree(ctx: GrowContext, sample: Uint32Array, g: Float64Array, h: Float64Array): Tree {
  const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const { lambda, learningRate, maxDepth } = ctx.params;
  const addNode = () => {
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(0);
    return tree.feature.length - 1;
  };
  interface Open {
    node: number;
    idx: Uint32Array;
    hist: Hist;
    depth: number;
  }
  const sums = (idx: Uint32Array) => {
    let G = 0;
    let H = 0;
    for (let j = 0; j < idx.length; j++) {
      G += g[idx[j] as number] as number;
      H += h[idx[j] as number] as number;
    }
    return { G, H };
  };
  const root = addNode();
  let frontier: Open[] = [{ node: root, idx: sample, hist: buildHist(ctx, sample, g, h), depth: 0 }];
  const { bins } = ctx.binned;
  while (frontier.length > 0) {
    const next: Open[] = [];
    for (const open of frontier) {
      const { G, H } = sums(open.idx);
      tree.value[open.node] = (-G / (H + lambda)) * learningRate;
      if (open.depth >= maxDepth) continue;
      const split = bestSplit(ctx, open.hist, G, H, open.idx.length);
      if (split === null) continue;
      const f = ctx.features[split.k] as number;
      const base = f * ctx.rows;
      let nLeft = 0;
      for (let j = 0; j < open.idx.length; j++)
        if ((bins[base + (open.idx[j] as number)] as number) <= split.bin) nLeft++;
      const li = new Uint32Array(nLeft);
      const ri = new Uint32Array(open.idx.length - nLeft);
      let a = 0;
      let c = 0;
      for (let j = 0; j < open.idx.length; j++) {
        const i = open.idx[j] as number;
        if ((bins[base + i] as number) <= split.bin) li[a++] = i;
        else ri[c++] = i;
      }
      const l = addNode();
      const r = addNode();
      tree.feature[open.node] = f;
      tree.threshold[open.node] = ctx.binned.cuts[f]?.[split.bin] as number;
      tree.left[open.node] = l;
      tree.right[open.node] = r;
      const childDepth = open.depth + 1;
      if (childDepth >= maxDepth) {
        // Children become leaves: no histograms needed.
        next.push({ node: l, idx: li, hist: open.hist, depth: childDepth });
        next.push({ node: r, idx: ri, hist: open.hist, depth: childDepth });
        continue;
      }
      const smallLeft = li.length <= ri.length;
      const small = buildHist(ctx, smallLeft ? li : ri, g, h);
      const large = subtractHist(open.hist, small);
      next.push({ node: l, idx: li, hist: smallLeft ? small : large, depth: childDepth });
      next.push({ node: r, idx: ri, hist: smallLeft ? large : small, depth: childDepth });
    }
    frontier = next;
  }
  return tree;
}

/** Score of one tree on a row of raw features. */
export function treeScore(tree: Tree, x: ArrayLike<number>, offset = 0): number {
  let node = 0;
  for (;;) {
    const f = tree.feature[node] as number;
    if (f < 0) return tree.value[node] as number;
    node =
      (x[offset + f] as number) <= (tree.threshold[node] as number)
        ? (tree.left[node] as number)
        : (tree.right[node] as number);
  }
}

/** Per-row weights and labels: label is 0/1 for binary, the class index otherwise. */
export interface Targets {
  labels: Int32Array;
  weights: Float64Array;
}

function sampleRows(rows: number, share: number, random: () => number): Uint32Array {
  if (share >= 1) return Uint32Array.from({ length: rows }, (_, i) => i);
  const out: number[] = [];
  for (let i = 0; i < rows; i++) if (random() < share) out.push(i);
  return Uint32Array.from(out);
}

function sampleFeatures(count: number, share: number, random: () => number): number[] {
  const all = Array.from({ length: count }, (_, i) => i);
  if (share >= 1) return all;
  const keep = Math.max(1, Math.round(count * share));
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j] as number, all[i] as number];
  }
  return all.slice(0, keep).sort((a, b) => a - b);
}

/** Trains a model; `classes` = 2 gives one log-odds score per row, more gives softmax scores. */
export function trainGbdt(
  data: Dataset,
  targets: Targets,
  classes: number,
  params: GbdtParams,
  onRound?: RoundListener,
): GbdtModel {
  const { rows, featureCount } = data;
  const binned = binData(data, Math.min(256, params.bins));
  const random = seededRandom(params.seed);
  const groups = classes === 2 ? 1 : classes;
  const { labels, weights } = targets;
  // Base scores: the weighted class prior.
  const prior = new Float64Array(classes);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    prior[labels[i] as number] = (prior[labels[i] as number] as number) + (weights[i] as number);
    total += weights[i] as number;
  }
  const base: number[] = [];
  if (groups === 1) {
    const p = Math.min(1 - 1e-6, Math.max(1e-6, (prior[1] as number) / total));
    base.push(Math.log(p / (1 - p)));
  } else {
    for (let k = 0; k < classes; k++) base.push(Math.log(Math.max(1e-6, (prior[k] as number) / total)));
  }
  const score = new Float64Array(rows * groups);
  for (let i = 0; i < rows; i++) for (let k = 0; k < groups; k++) score[i * groups + k] = base[k] as number;
  const trees: Tree[] = [];
  const g = new Float64Array(rows);
  const h = new Float64Array(rows);
  const prob = new Float64Array(rows * groups);
  // Softmax hessians scaled as LightGBM does, so leaf sizes compare with the binary case.
  const hessFactor = groups === 1 ? 1 : classes / (classes - 1);
  for (let round = 0; round < params.rounds; round++) {
    if (groups === 1) {
      for (let i = 0; i < rows; i++) prob[i] = 1 / (1 + Math.exp(-(score[i] as number)));
    } else {
      for (let i = 0; i < rows; i++) {
        let max = Number.NEGATIVE_INFINITY;
        for (let k = 0; k < groups; k++) max = Math.max(max, score[i * groups + k] as number);
        let sum = 0;
        for (let k = 0; k < groups; k++) {
          const e = Math.exp((score[i * groups + k] as number) - max);
          prob[i * groups + k] = e;
          sum += e;
        }
        for (let k = 0; k < groups; k++) prob[i * groups + k] = (prob[i * groups + k] as number) / sum;
      }
    }
    const sample = sampleRows(rows, params.subsample, random);
    const features = sampleFeatures(featureCount, params.colsample, random);
    const offset: number[] = [];
    let histSize = 0;
    for (const f of features) {
      offset.push(histSize);
      histSize += binned.binCount[f] as number;
    }
    const ctx: GrowContext = { binned, rows, features, offset, histSize, params };
    for (let k = 0; k < groups; k++) {
      for (let i = 0; i < rows; i++) {
        const p = prob[i * groups + k] as number;
        const y = groups === 1 ? (labels[i] as number) : labels[i] === k ? 1 : 0;
        const w = weights[i] as number;
        g[i] = (p - y) * w;
        h[i] = Math.max(1e-12, p * (1 - p) * hessFactor * w);
      }
      const tree = growTree(ctx, sample, g, h);
      trees.push(tree);
      for (let i = 0; i < rows; i++)
        score[i * groups + k] = (score[i * groups + k] as number) + treeScore(tree, data.x, i * featureCount);
    }
    onRound?.(round);
  }
  return { classes, base, trees, featureCount };
}

/** Raw scores of one row: [log-odds] for binary, one score per class otherwise. */
export function rawScores(model: GbdtModel, x: ArrayLike<number>, offset = 0, rounds?: number): number[] {
  const groups = model.classes === 2 ? 1 : model.classes;
  const out = [...model.base];
  const limit = Math.min(model.trees.length, (rounds ?? Number.POSITIVE_INFINITY) * groups);
  for (let t = 0; t < limit; t++) {
    const k = t % groups;
    out[k] = (out[k] as number) + treeScore(model.trees[t] as Tree, x, offset);
  }
  return out;
}

/** Probabilities of one row: [P(class 1)] for binary, the softmax otherwise. */
export function predictProba(model: GbdtModel, x: ArrayLike<number>, offset = 0, rounds?: number): number[] {
  const s = rawScores(model, x, offset, rounds);
  if (model.classes === 2) return [1 / (1 + Math.exp(-(s[0] as number)))];
  const max = Math.max(...s);
  const e = s.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * Rounds a tree's numbers for a compact model file: thresholds keep 7 significant digits (they sit
 * halfway between training values, far from both), leaf values 5 (a leaf is one of hundreds added).
 */
export function compactTree(tree: Tree): Tree {
  return {
    feature: tree.feature,
    threshold: tree.threshold.map((t) => Number(t.toPrecision(7))),
    left: tree.left,
    right: tree.right,
    value: tree.value.map((v) => Number(v.toPrecision(5))),
  };
}
