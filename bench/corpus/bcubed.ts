/**
 * Story clustering scored by BCubed precision, recall and F1 (`npm run bench:cluster`).
 *
 * 1. ECB+ development topics 1–35 (../shared/data/clustering): all 772 documents in one input,
 *    gold = subtopic (each topic pairs two similar events), through `triangulate cluster` as a
 *    user runs it (input JSON lines written to a temp dir: doc_id, text, url). Also in three
 *    seeded shuffles of the input order, since an online clusterer depends on order, and the
 *    single online pass alone (--online), to show what the refinement rounds add.
 * 2. Leave-topics-out: the topics in 5 folds of 7 (topic number mod 5); for each fold, the
 *    similarity's few parameters are chosen by grid search on the other 28 topics and the fold
 *    is clustered alone with them. The mean held-out F1 is the honest estimate for the unseen
 *    topics 36–45; the knobs in src/corpus/knobs.ts are the grid's choice on all 35 topics.
 * 3. FNC-1 training stories (../shared/data/fnc-1): stories are the connected components of the
 *    graph joining each headline to every body it is related to (agree, disagree, discuss),
 *    191 stories; the input is the 1,683 bodies (`b<Body ID>`, text only: FNC bodies have no
 *    title, date or URL). Nothing was tuned on FNC-1. A second run adds the 1,648 headlines as
 *    documents of their own (`h<n>`, title = text = headline), scored over bodies and headlines.
 * 4. Baselines in the same run, on the same tokens: TF-IDF cosine single linkage and average
 *    linkage (batch, every pair compared), each at the threshold best on ECB+ dev.
 *
 * Skips a data set cleanly when it is absent.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WARMUP_DOCS } from "../../src/cli/cluster.js";
import {
  type ClusterParams,
  DEFAULT_PARAMS,
  type DocFeatures,
  docFeatures,
  MemoryKeyLog,
  StoryClusterer,
} from "../../src/corpus/index.js";
import { repoRoot } from "../args.js";
import {
  averageLinkDendrogram,
  cut,
  kMeans,
  similarityMatrix,
  singleLink,
  tfidfVectors,
} from "./baselines.js";
import { type GoldDoc, loadEcb, loadFnc } from "./data.js";
import { type BCubed, bcubed } from "./metric.js";

const MAIN = join(repoRoot(), "dist", "src", "cli", "main.js");
const FOLDS = 5;
const SHUFFLES = 3;

/** The parameter grid of the leave-topics-out search (and of the knobs' choice). */
const GRID = {
  joinThreshold: [0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3, 0.35],
  entityWeight: [0.5, 1, 1.5, 2],
  /** Figures, dates and quotes share one weight: three blocks, one parameter. */
  minorWeight: [0.25, 0.5, 1],
  dateConflictFactor: [0.5, 1],
};
const BASELINE_THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7];

function fmt(r: BCubed): string {
  return (
    `P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}  ` +
    `stories ${r.predicted} (gold ${r.gold})`
  );
}

function features(docs: readonly GoldDoc[]): DocFeatures[] {
  return docs.map((d) => docFeatures({ id: d.id, text: d.text, title: d.title ?? null, url: d.url ?? null }));
}

/** Runs the CLI on docs; returns predicted labels in docs order, and seconds. */
function viaCli(docs: readonly GoldDoc[], dir: string, name: string): { pred: string[]; seconds: number } {
  const input = join(dir, `${name}.jsonl`);
  const output = join(dir, `${name}.out.jsonl`);
  writeFileSync(
    input,
    `${docs
      .map((d) => JSON.stringify({ id: d.id, text: d.text, title: d.title ?? null, url: d.url ?? null }))
      .join("\n")}\n`,
  );
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [MAIN, "cluster", input, "--out", output, "-q"], {
    encoding: "utf8",
  });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`triangulate cluster failed (${r.status}): ${r.stderr}`);
  const story = new Map<string, string>();
  for (const line of readFileSync(output, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const o = JSON.parse(line) as { id: string; story: string };
    story.set(o.id, o.story);
  }
  return { pred: docs.map((d) => story.get(d.id) ?? `missing:${d.id}`), seconds };
}

/**
 * In-process, exactly as the CLI does it (term statistics of the first WARMUP_DOCS counted
 * first, then the refinement rounds; `online` stops after the single pass, as --online does).
 */
function inProcess(
  ids: readonly string[],
  feats: readonly DocFeatures[],
  params: Partial<ClusterParams>,
  online = false,
): string[] {
  const c = new StoryClusterer(params, online ? null : new MemoryKeyLog());
  const warm = Math.min(WARMUP_DOCS, feats.length);
  for (let i = 0; i < warm; i++) c.observe(feats[i]!);
  const first = ids.map((id, i) => c.add(id, feats[i]!, { observed: i < warm }).story);
  if (online) return first;
  c.refine();
  return ids.map((_, i) => c.storyOf(i));
}

interface GridPoint {
  joinThreshold: number;
  entityWeight: number;
  minorWeight: number;
  dateConflictFactor: number;
}

function toParams(g: GridPoint): Partial<ClusterParams> {
  return {
    joinThreshold: g.joinThreshold,
    weights: [1, g.entityWeight, g.minorWeight, g.minorWeight, g.minorWeight],
    dateConflictFactor: g.dateConflictFactor,
  };
}

function gridPoints(): GridPoint[] {
  const out: GridPoint[] = [];
  for (const joinThreshold of GRID.joinThreshold)
    for (const entityWeight of GRID.entityWeight)
      for (const minorWeight of GRID.minorWeight)
        for (const dateConflictFactor of GRID.dateConflictFactor)
          out.push({ joinThreshold, entityWeight, minorWeight, dateConflictFactor });
  return out;
}

function describe(g: GridPoint): string {
  return `threshold ${g.joinThreshold}, names ${g.entityWeight}, figures/dates/quotes ${g.minorWeight}, date conflict ×${g.dateConflictFactor}`;
}

/** Best grid point on docs (ties: the earlier point, so the choice is deterministic). */
function search(docs: readonly GoldDoc[], feats: readonly DocFeatures[]): { point: GridPoint; f1: number } {
  const ids = docs.map((d) => d.id);
  const gold = docs.map((d) => d.gold);
  let best: { point: GridPoint; f1: number } | null = null;
  for (const point of gridPoints()) {
    const f1 = bcubed(inProcess(ids, feats, toParams(point)), gold).f1;
    if (best === null || f1 > best.f1 + 1e-12) best = { point, f1 };
  }
  return best!;
}

/** A seeded permutation (mulberry32), so shuffles are the same every run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The baselines on docs: at the given thresholds, or at the best of BASELINE_THRESHOLDS (on
 * ECB+ dev, which then fixes them for FNC-1).
 */
function baselines(
  docs: readonly GoldDoc[],
  feats: readonly DocFeatures[],
  fixed: { single: number; average: number } | null,
): { single: number; average: number } {
  const gold = docs.map((d) => d.gold);
  const n = docs.length;
  const vecs = tfidfVectors(feats);
  const sim = similarityMatrix(vecs);
  const dendrogram = averageLinkDendrogram(sim, n);
  const pick = (thresholds: readonly number[], cluster: (t: number) => string[]) => {
    let best: { t: number; r: BCubed } | null = null;
    for (const t of thresholds) {
      const r = bcubed(cluster(t), gold);
      if (best === null || r.f1 > best.r.f1) best = { t, r };
    }
    return best!;
  };
  const single = pick(fixed ? [fixed.single] : BASELINE_THRESHOLDS, (t) => singleLink(sim, n, t));
  const average = pick(fixed ? [fixed.average] : BASELINE_THRESHOLDS, (t) => cut(dendrogram, n, t));
  const how = fixed ? "threshold best on ECB+ dev" : "best threshold here";
  console.log(`  baseline TF-IDF single link  @${single.t} (${how}): ${fmt(single.r)}`);
  console.log(`  baseline TF-IDF average link @${average.t} (${how}): ${fmt(average.r)}`);
  const k = new Set(gold).size;
  console.log(
    `  baseline TF-IDF K-means told the number of stories (${k}): ${fmt(bcubed(kMeans(vecs, k), gold))}`,
  );
  console.log(
    `  baseline every article alone: ${fmt(
      bcubed(
        docs.map((d) => d.id),
        gold,
      ),
    )}`,
  );
  return { single: single.t, average: average.t };
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), "triangulate-bcubed-"));
  try {
    const ecb = loadEcb();
    let baselineAt: { single: number; average: number } | null = null;
    if (ecb === null) {
      console.log("ECB+ dev: ../shared/data/clustering/ecbplus-dev.jsonl absent, skipped");
    } else {
      console.log(
        `ECB+ dev topics 1–35: ${ecb.length} documents, ${new Set(ecb.map((d) => d.gold)).size} stories`,
      );
      const gold = new Map(ecb.map((d) => [d.id, d.gold]));
      const cli = viaCli(ecb, dir, "ecb");
      console.log(
        `  triangulate cluster (file order):  ${fmt(
          bcubed(
            cli.pred,
            ecb.map((d) => d.gold),
          ),
        )}  ${cli.seconds.toFixed(1)} s`,
      );
      const shuffles: number[] = [];
      for (let s = 1; s <= SHUFFLES; s++) {
        const order = shuffled(ecb, s);
        const r = bcubed(
          viaCli(order, dir, `ecb-shuffle${s}`).pred,
          order.map((d) => gold.get(d.id)!),
        );
        shuffles.push(r.f1);
        console.log(`  triangulate cluster (shuffle ${s}):    ${fmt(r)}`);
      }
      const feats = features(ecb);
      const onlineOnly = (docs: readonly GoldDoc[]) =>
        bcubed(
          inProcess(
            docs.map((x) => x.id),
            features(docs),
            DEFAULT_PARAMS,
            true,
          ),
          docs.map((x) => gold.get(x.id)!),
        );
      console.log(
        `  --online (one pass, no refinement): file order ${fmt(onlineOnly(ecb))}; shuffles F1 ${[1, 2, 3]
          .map((s) => onlineOnly(shuffled(ecb, s)).f1.toFixed(3))
          .join(", ")}`,
      );
      // Leave topics out.
      const topics = [...new Set(ecb.map((d) => Number(d.group)))].sort((a, b) => a - b);
      const heldOut: number[] = [];
      console.log(
        `  leave-topics-out (${FOLDS} folds, grid of ${gridPoints().length} points searched on the other folds):`,
      );
      for (let k = 0; k < FOLDS; k++) {
        const test = new Set(topics.filter((t) => t % FOLDS === k));
        const trainIdx: number[] = [];
        const testIdx: number[] = [];
        for (const [i, d] of ecb.entries()) (test.has(Number(d.group)) ? testIdx : trainIdx).push(i);
        const chosen = search(
          trainIdx.map((i) => ecb[i]!),
          trainIdx.map((i) => feats[i]!),
        );
        const r = bcubed(
          inProcess(
            testIdx.map((i) => ecb[i]!.id),
            testIdx.map((i) => feats[i]!),
            toParams(chosen.point),
          ),
          testIdx.map((i) => ecb[i]!.gold),
        );
        heldOut.push(r.f1);
        console.log(
          `    fold ${k} (topics ${[...test].join(",")}): held-out ${fmt(r)}; chosen on train (F1 ${chosen.f1.toFixed(3)}): ${describe(chosen.point)}`,
        );
      }
      const mean = heldOut.reduce((s, v) => s + v, 0) / heldOut.length;
      console.log(`    mean held-out F1 ${mean.toFixed(3)} (min ${Math.min(...heldOut).toFixed(3)})`);
      const all = search(ecb, feats);
      const d = DEFAULT_PARAMS;
      console.log(`  grid's choice on all 35 topics: ${describe(all.point)} (F1 ${all.f1.toFixed(3)})`);
      console.log(
        `  knobs in use: threshold ${d.joinThreshold}, weights ${d.weights.join("/")}, date conflict ×${d.dateConflictFactor}`,
      );
      baselineAt = baselines(ecb, feats, null);
    }

    const fnc = loadFnc();
    if (fnc === null) {
      console.log("FNC-1: ../shared/data/fnc-1/train_*.csv absent, skipped");
    } else {
      const stories = new Set(fnc.bodies.map((d) => d.gold)).size;
      console.log(`FNC-1 train stories (bodies): ${fnc.bodies.length} bodies, ${stories} stories`);
      const cli = viaCli(fnc.bodies, dir, "fnc");
      console.log(
        `  triangulate cluster:               ${fmt(
          bcubed(
            cli.pred,
            fnc.bodies.map((d) => d.gold),
          ),
        )}  ${cli.seconds.toFixed(1)} s`,
      );
      console.log(
        `  --online (one pass, no refinement): ${fmt(
          bcubed(
            inProcess(
              fnc.bodies.map((x) => x.id),
              features(fnc.bodies),
              DEFAULT_PARAMS,
              true,
            ),
            fnc.bodies.map((x) => x.gold),
          ),
        )}`,
      );
      const withHeadlines = [...fnc.bodies, ...fnc.headlines];
      const both = viaCli(withHeadlines, dir, "fnc-headlines");
      console.log(
        `  with the ${fnc.headlines.length} headlines as documents: ${fmt(
          bcubed(
            both.pred,
            withHeadlines.map((d) => d.gold),
          ),
        )}`,
      );
      baselines(fnc.bodies, features(fnc.bodies), baselineAt);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
