/**
 * Speed of `triangulate analyze`: (a) the seed story end to end, warm; (b) a synthetic story of
 * 100 edited versions built from the seeds; (c) how time grows with versions and with text size.
 * Prints numbers only; targets are < 1 s for (a) and < 10 s for (b).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { loadInputs } from "../src/ingest/index.js";
import type { Page } from "../src/model/index.js";
import { analyzePages } from "../src/pipeline.js";
import { renderHtml, toReport } from "../src/report/index.js";
import { repoRoot } from "./args.js";

/** Runs per measurement: enough for a stable median on a busy laptop, few enough to keep the bench short. */
const WARM_RUNS = 7;
const GROWTH_RUNS = 3;
const VERSION_COUNTS = [10, 25, 50, 100] as const;
const SIZE_FACTORS = [1, 2, 4, 8] as const;

/** Seeded PRNG (mulberry32): the synthetic story is the same on every run, so numbers compare across commits. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK_LINES = [
  "Share this article: Facebook Twitter WhatsApp Email",
  "READ MORE: The stories our readers missed this week",
  "Advertisement",
  "Comments (27)",
  "Sign up for our newsletter and never miss a story",
  "Photo: Reuters",
];

const WORD_SWAPS: Readonly<Record<string, string>> = {
  the: "a",
  we: "they",
  our: "their",
  not: "never",
  very: "really",
  will: "would",
  is: "was",
};

/** Alters one word inside each quoted passage with some probability: the trims and swaps outlets make. */
function alterQuotes(paragraph: string, next: () => number): string {
  return paragraph.replace(
    /([“"])([^“”"]{1,400})([”"])/g,
    (whole, open: string, inner: string, close: string) => {
      if (next() > 0.3) return whole;
      const words = inner.split(" ");
      const i = Math.floor(next() * words.length);
      const word = words[i] ?? "";
      const swap = WORD_SWAPS[word.toLowerCase()];
      if (swap) words[i] = swap;
      else if (words.length > 4) words.splice(i, 1);
      return `${open}${words.join(" ")}${close}`;
    },
  );
}

function changeNumbers(paragraph: string, next: () => number): string {
  return paragraph.replace(/\b\d{1,4}\b/g, (n) =>
    next() < 0.2 ? String(Number(n) + 1 + Math.floor(next() * 9)) : n,
  );
}

/** One edited version of a base text: drop, shuffle and duplicate paragraphs, alter quotes and numbers, add junk. */
function editVersion(base: string, seed: number): string {
  const next = rng(seed);
  const paragraphs = base.split(/\n+/).filter((p) => p.trim() !== "");
  const out: string[] = [];
  for (const p of paragraphs) {
    const roll = next();
    if (roll < 0.1) continue;
    const edited = changeNumbers(alterQuotes(p, next), next);
    out.push(edited);
    if (roll > 0.95) out.push(edited);
    if (next() < 0.08) out.push(JUNK_LINES[Math.floor(next() * JUNK_LINES.length)]!);
  }
  for (let i = 0; i + 1 < out.length; i++) {
    if (next() < 0.05) [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
  }
  return out.join("\n\n");
}

function syntheticStory(seeds: readonly Page[], versions: number, sizeFactor = 1): Page[] {
  return Array.from({ length: versions }, (_, i) => {
    const base = seeds[i % seeds.length]!;
    const parts = Array.from({ length: sizeFactor }, (_, k) =>
      editVersion(k === 0 ? base.content : seeds[(i + k) % seeds.length]!.content, i * 131 + k),
    );
    const id = `v${String(i).padStart(3, "0")}`;
    return { ...base, id, source: `synthetic/${id}.txt`, content: parts.join("\n\n"), url: null };
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeRuns(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function analyzeToOutputs(pages: readonly Page[]): void {
  const report = toReport(analyzePages(pages), []);
  JSON.stringify(report);
  renderHtml(report);
}

const chars = (pages: readonly Page[]) => pages.reduce((n, p) => n + p.content.length, 0);
const fmt = (ms: number) => `${ms.toFixed(0).padStart(7)} ms`;

/** Exponent k in time ∝ size^k between the smallest and largest run: 1 is linear, 2 quadratic. */
function growthExponent(rows: { size: number; ms: number }[]): number {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  return Math.log(last.ms / first.ms) / Math.log(last.size / first.size);
}

async function main(): Promise<void> {
  const seedsDir = resolve(repoRoot(), "..", "shared", "seeds");
  if (!existsSync(seedsDir)) {
    console.log(`bench: seed story not found at ${seedsDir}; skipping`);
    return;
  }
  const { pages: seeds, failures } = await loadInputs([seedsDir]);
  if (failures.length > 0 || seeds.length === 0) {
    console.log(
      `bench: could not load the seeds (${failures.map((f) => `${f.source}: ${f.reason}`).join("; ")})`,
    );
    return;
  }

  try {
    analyzeToOutputs(seeds);
  } catch (err) {
    console.log(`bench: the pipeline does not run yet (${(err as Error).message}); nothing to measure`);
    return;
  }

  console.log(
    `(a) seed story: ${seeds.length} versions, ${chars(seeds)} chars, median of ${WARM_RUNS} warm runs`,
  );
  const loadAsync: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    const t0 = performance.now();
    await loadInputs([seedsDir]);
    loadAsync.push(performance.now() - t0);
  }
  const analyse = timeRuns(WARM_RUNS, () => analyzePages(seeds));
  const story = analyzePages(seeds);
  const report = timeRuns(WARM_RUNS, () => {
    const r = toReport(story, []);
    JSON.stringify(r);
    renderHtml(r);
  });
  const whole = timeRuns(WARM_RUNS, () => analyzeToOutputs(seeds));
  console.log(`    ingest ${fmt(median(loadAsync))}`);
  console.log(`    clean+read+triangulate ${fmt(analyse)}`);
  console.log(`    report (JSON + HTML) ${fmt(report)}`);
  console.log(
    `    end to end after load ${fmt(whole)}   end to end ${fmt(whole + median(loadAsync))}   target < 1000 ms`,
  );

  const hundred = syntheticStory(seeds, 100);
  const t100 = timeRuns(1, () => analyzeToOutputs(hundred));
  console.log(
    `\n(b) synthetic story: 100 edited versions, ${chars(hundred)} chars: ${fmt(t100)}   target < 10000 ms`,
  );

  console.log("\n(c) growth with the number of versions (same text per version)");
  console.log("    versions      chars        time    ms/version  µs/char");
  const byVersions: { size: number; ms: number }[] = [];
  for (const n of VERSION_COUNTS) {
    const pages = syntheticStory(seeds, n);
    const ms = timeRuns(n >= 50 ? 1 : GROWTH_RUNS, () => analyzeToOutputs(pages));
    const size = chars(pages);
    byVersions.push({ size, ms });
    console.log(
      `    ${String(n).padStart(8)} ${String(size).padStart(10)} ${fmt(ms)} ${(ms / n).toFixed(1).padStart(12)} ${((ms * 1000) / size).toFixed(2).padStart(8)}`,
    );
  }
  console.log(`    time ∝ chars^${growthExponent(byVersions).toFixed(2)}   (1 = linear, 2 = quadratic)`);

  console.log("\n    growth with text size (4 versions, each made longer)");
  console.log("    factor      chars        time    µs/char");
  const bySize: { size: number; ms: number }[] = [];
  for (const f of SIZE_FACTORS) {
    const pages = syntheticStory(seeds, seeds.length, f);
    const ms = timeRuns(GROWTH_RUNS, () => analyzeToOutputs(pages));
    const size = chars(pages);
    bySize.push({ size, ms });
    console.log(
      `    ${String(f).padStart(6)} ${String(size).padStart(10)} ${fmt(ms)} ${((ms * 1000) / size).toFixed(2).padStart(8)}`,
    );
  }
  console.log(`    time ∝ chars^${growthExponent(bySize).toFixed(2)}   (1 = linear, 2 = quadratic)`);
}

await main();
