/**
 * Cost of the corpus clusterer as the corpus grows (`npm run bench:cluster-scale`): docFeatures
 * and StoryClusterer.add on one core, at several corpus sizes, each size in a fresh child
 * process so its peak memory is its own; MinHash alone (minhashOf) on the same articles, for
 * the per-core rate beside it.
 *
 * The articles are made from the ECB+ dev texts and FNC-1 bodies (../shared/data; skipped when
 * absent): article i takes a random base text, drops and rotates some of its sentences, and
 * gets a story's invented name and figures, so that stories are many and distinct; about 3% of
 * articles are exact copies and 3% light edits (near-duplicates) of an earlier one, as in a
 * crawl. Nothing of the texts is written anywhere. Times are CPU time of the worker process.
 *
 *   node dist/bench/corpus/scale.js [--sizes 25000,50000,100000,200000]
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type CorpusDoc, docFeatures, minhashOf, StoryClusterer } from "../../src/corpus/index.js";
import { loadEcb, loadFnc } from "./data.js";

const DEFAULT_SIZES = [25_000, 50_000, 100_000, 200_000];
/** Articles per story, on average: a few stories of dozens, many of one or two. */
const MEAN_STORY_SIZE = 4;
const COPY_SHARE = 0.03;
const EDIT_SHARE = 0.03;
/** The 1M-article goal of the issue, with ingest, on 2 cores. */
const GOAL_DOCS = 1_000_000;
const GOAL_SECONDS = 30 * 60;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  "ka",
  "ro",
  "vel",
  "tan",
  "mir",
  "os",
  "ul",
  "zen",
  "dra",
  "pi",
  "gor",
  "li",
  "sha",
  "ne",
  "bu",
];

function inventedName(r: () => number): string {
  let w = "";
  const n = 2 + Math.floor(r() * 2);
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w[0]!.toUpperCase() + w.slice(1);
}

/** Sentences of a story: drawn from three random base texts, so that stories share few. */
const STORY_SENTENCES = 16;

/** A stream of synthetic articles (deterministic for a seed). */
function* articles(pool: readonly string[], count: number, seed: number): Generator<CorpusDoc> {
  const r = rng(seed);
  const sentencesOf = pool.map((t) => t.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim().length > 20));
  const recent: CorpusDoc[] = [];
  let story = 0;
  let storyLeft = 0;
  let sentences: string[] = [];
  let name = "";
  let figure = 0;
  for (let i = 0; i < count; i++) {
    const roll = r();
    if (recent.length > 0 && roll < COPY_SHARE) {
      const d = recent[Math.floor(r() * recent.length)]!;
      yield { id: `d${i}`, text: d.text };
      continue;
    }
    if (recent.length > 0 && roll < COPY_SHARE + EDIT_SHARE) {
      const d = recent[Math.floor(r() * recent.length)]!;
      yield { id: `d${i}`, text: `${d.text.replace(/\b(\d+)\b/, "$1 or more")}\nShare this article.` };
      continue;
    }
    if (storyLeft <= 0) {
      story++;
      storyLeft = Math.max(1, Math.round(-Math.log(1 - r()) * MEAN_STORY_SIZE));
      sentences = [];
      for (let k = 0; k < 3; k++) {
        const from = sentencesOf[Math.floor(r() * sentencesOf.length)]!;
        const start = Math.floor(r() * Math.max(1, from.length - 6));
        sentences.push(...from.slice(start, start + Math.ceil(STORY_SENTENCES / 3)));
      }
      name = `${inventedName(r)} ${inventedName(r)}`;
      figure = Math.floor(r() * 100_000);
    }
    storyLeft--;
    const kept = sentences.filter(() => r() < 0.7);
    const rot = Math.floor(r() * Math.max(1, kept.length));
    const body = [...kept.slice(rot), ...kept.slice(0, rot)].join(" ");
    const text = `${name} said ${figure} people were affected, story ${story}. ${body} ${name} will speak again.`;
    const doc = { id: `d${i}`, text, published: null };
    recent.push(doc);
    if (recent.length > 64) recent.shift();
    yield doc;
  }
}

interface WorkerResult {
  docs: number;
  featureSeconds: number;
  addSeconds: number;
  minhashSeconds: number;
  words: number;
  stories: number;
  duplicates: number;
  nearDuplicates: number;
  peakRssMb: number;
  indexMb: number;
}

function loadPool(): string[] | null {
  const ecb = loadEcb();
  const fnc = loadFnc();
  if (ecb === null && fnc === null) return null;
  return [...(ecb ?? []).map((d) => d.text), ...(fnc?.bodies ?? []).map((d) => d.text)];
}

/**
 * CPU time of this process, in ns: what one core spends, whatever else the machine runs (a
 * shared 2-core machine makes wall time meaningless for a per-article cost).
 */
function cpuNs(): bigint {
  const u = process.cpuUsage();
  return BigInt(u.user + u.system) * 1000n;
}

function worker(count: number): WorkerResult {
  const pool = loadPool()!;
  const clusterer = new StoryClusterer();
  let featureNs = 0n;
  let addNs = 0n;
  let minhashNs = 0n;
  let words = 0;
  let duplicates = 0;
  let nearDuplicates = 0;
  let peak = 0;
  let i = 0;
  for (const doc of articles(pool, count, 42)) {
    const t0 = cpuNs();
    const f = docFeatures(doc);
    const t1 = cpuNs();
    const r = clusterer.add(doc.id, f);
    const t2 = cpuNs();
    featureNs += t1 - t0;
    addNs += t2 - t1;
    words += f.words;
    if (r.duplicateOf !== null) duplicates++;
    if (r.nearDuplicateOf !== null) nearDuplicates++;
    // MinHash alone on one article in ten (the rate, not the total, is what is compared).
    if (i % 10 === 0) {
      const t3 = cpuNs();
      minhashOf(doc.text);
      minhashNs += (cpuNs() - t3) * 10n;
    }
    if (++i % 5_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    docs: count,
    featureSeconds: Number(featureNs) / 1e9,
    addSeconds: Number(addNs) / 1e9,
    minhashSeconds: Number(minhashNs) / 1e9,
    words,
    stories: clusterer.storyCount,
    duplicates,
    nearDuplicates,
    peakRssMb: peak / 2 ** 20,
    indexMb: clusterer.indexBytes() / 2 ** 20,
  };
}

function runWorker(count: number): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ["--worker", String(count)], {
      execArgv: ["--max-old-space-size=6144"],
    });
    child.once("message", (m) => resolve(m as WorkerResult));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`worker for ${count} exited ${code}`));
    });
  });
}

async function main(): Promise<void> {
  const wi = process.argv.indexOf("--worker");
  if (wi >= 0) {
    process.send!(worker(Number(process.argv[wi + 1])));
    return;
  }
  if (loadPool() === null) {
    console.log("scale: neither ECB+ nor FNC-1 data under ../shared/data; skipped");
    return;
  }
  const si = process.argv.indexOf("--sizes");
  const sizes = si >= 0 ? process.argv[si + 1]!.split(",").map(Number) : DEFAULT_SIZES;
  console.log(
    "articles   µs/art features  µs/art add  µs/art total  art/s/core  MinHash alone art/s/core  stories  dup  near  peak RSS MB  index MB",
  );
  let prev: WorkerResult | null = null;
  for (const n of sizes) {
    const r = await runWorker(n);
    const us = (s: number) => ((s * 1e6) / r.docs).toFixed(0).padStart(8);
    const total = r.featureSeconds + r.addSeconds;
    console.log(
      `${String(n).padStart(9)}  ${us(r.featureSeconds)}        ${us(r.addSeconds)}   ${us(total)}     ${(r.docs / total).toFixed(0).padStart(7)}   ${(r.docs / r.minhashSeconds).toFixed(0).padStart(12)}             ${String(r.stories).padStart(7)}  ${String(r.duplicates).padStart(5)} ${String(r.nearDuplicates).padStart(5)}  ${r.peakRssMb.toFixed(0).padStart(8)}  ${r.indexMb.toFixed(0).padStart(8)}`,
    );
    if (prev !== null) {
      const growth = total / (prev.featureSeconds + prev.addSeconds) / (n / prev.docs);
      console.log(
        `           time per article ×${growth.toFixed(2)} for ×${(n / prev.docs).toFixed(1)} articles (1.00 = linear)`,
      );
    }
    prev = r;
  }
  if (prev !== null) {
    const perDoc = (prev.featureSeconds + prev.addSeconds) / prev.docs;
    // Features parallelise over the 2 cores (pure); add is one thread.
    const projected =
      (GOAL_DOCS * (prev.featureSeconds / prev.docs)) / 2 + GOAL_DOCS * (prev.addSeconds / prev.docs);
    console.log(
      `projected for ${GOAL_DOCS.toLocaleString("en")} articles: ${((GOAL_DOCS * perDoc) / 60).toFixed(1)} min on one core, ` +
        `${(projected / 60).toFixed(1)} min with features on 2 cores (clustering budget within the ${GOAL_SECONDS / 60}-min goal, ingest apart)`,
    );
  }
}

await main();
