/**
 * The clean stage against Mozilla Readability on Readability's own test pages
 * (../shared/data/readability-test-pages): body text F1 (4-token shingles), metadata agreement,
 * speed and peak memory; and the text path, fed each page flattened as a naive scraper would.
 *
 * The expected files are Readability's reviewed output, so Readability scores near 1 by
 * construction: the figures say how close Triangulate comes to it, not which is right.
 *
 * Each extractor runs in its own child process (this script, `--worker <name>`), one after the
 * other, so that one's peak RSS does not include the other's and they do not compete for CPU.
 * The child reads the pages, runs one warm-up pass, then a timed pass, and sends back per-page
 * outputs and timings over IPC; the parent scores and prints.
 */
import { fork } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
// Type only (erased): the parent and the Triangulate workers never load Readability.
import type { Readability as ReadabilityClass } from "@mozilla/readability";
import { repoRoot } from "./args.js";
import { flattenHtml } from "./clean/flatten.js";
import { htmlToBlockText } from "./clean/html-text.js";
import {
  type Agreement,
  agreement,
  type ExpectedMetadata,
  type JudgedBylines,
  type JudgedDates,
  type JudgedScore,
  type PredictedMetadata,
  scoreJudgedBylines,
  scoreJudgedDates,
} from "./clean/metadata.js";
import { type Aggregate, aggregate, median, type PageScore, scorePage } from "./clean/metric.js";

const EXTRACTORS = ["triangulate", "readability", "triangulate-text"] as const;
type ExtractorName = (typeof EXTRACTORS)[number];

const LABELS: Readonly<Record<ExtractorName, string>> = {
  triangulate: "Triangulate (html)",
  readability: "Readability 0.6",
  "triangulate-text": "Triangulate (text)",
};

/** The URL the expected files were produced against (their links are made absolute against it). */
const PAGE_URL = "http://fakehost/test/page.html";

/**
 * A worker is killed after this long, so a hang in an extractor under development cannot stall
 * the bench: three workers stay within about three minutes even in the worst case.
 */
const WORKER_TIMEOUT_MS = 55_000;

/**
 * When the warm-up pass alone takes longer than this, the timed pass is skipped and the warm-up
 * figures are reported (marked "cold"), so a slow extractor still gets scored within the timeout.
 */
const WARMUP_BUDGET_MS = 25_000;

/** How many of the worst pages to list: enough to find a pattern, few enough to read. */
const WORST_PAGES = 10;

/** How many distinct failure messages to show per extractor. */
const FAILURE_KINDS = 3;

/** Error messages are cut to this length in the report: the first line says what failed. */
const ERROR_CHARS = 160;

const KIB_PER_MIB = 1024;

// ---------------------------------------------------------------------------------------------
// Data

const DATA_DIR = resolve(repoRoot(), "..", "shared", "data", "readability-test-pages");

/** Test-page folders (those with a source.html), in name order so every run lists them alike. */
function pageIds(): string[] {
  return readdirSync(DATA_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(DATA_DIR, e.name, "source.html")))
    .map((e) => e.name)
    .sort();
}

const readPageFile = (id: string, file: string) => readFileSync(join(DATA_DIR, id, file), "utf8");

/** Labels judged by reading each page (publication day, author names), beside this file's folder. */
const JUDGED_DIR = resolve(repoRoot(), "bench", "clean");

function readJudged<T>(file: string): T | null {
  const path = join(JUDGED_DIR, file);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as T) : null;
}

/** og:site_name and the hosts of og:url and the canonical link: what a title's site suffix may name. */
function pageSiteNames(html: string): string[] {
  const names: string[] = [];
  const head = html.slice(0, HEAD_SCAN_CHARS);
  for (const m of head.matchAll(/<meta\b[^>]{0,400}>/gi)) {
    const tag = m[0];
    const key = /(?:property|name)\s*=\s*["']([^"']{1,40})["']/i.exec(tag)?.[1]?.toLowerCase();
    const content = /content\s*=\s*["']([^"']{1,200})["']/i.exec(tag)?.[1];
    if (content === undefined) continue;
    if (key === "og:site_name" || key === "application-name") names.push(content);
    if (key === "og:url") names.push(hostOf(content));
  }
  for (const m of head.matchAll(/<link\b[^>]{0,400}rel\s*=\s*["']canonical["'][^>]{0,400}>/gi)) {
    const href = /href\s*=\s*["']([^"']{1,400})["']/i.exec(m[0])?.[1];
    if (href !== undefined) names.push(hostOf(href));
  }
  return names.filter((n) => n !== "");
}

/** The page head, where metadata sits, is read for site names; pages of megabytes stop there. */
const HEAD_SCAN_CHARS = 200_000;

function hostOf(address: string): string {
  try {
    return new URL(address, "http://fakehost/").hostname.replace(/^fakehost$/, "");
  } catch {
    return "";
  }
}

// ---------------------------------------------------------------------------------------------
// Worker side

/** What an extractor says about one page, in one shape for both. */
interface PageOutput extends PredictedMetadata {
  id: string;
  /** False when the extractor threw or returned no article; the text is then empty. */
  ok: boolean;
  error: string | null;
  /** Body text, blocks separated by newlines. */
  text: string;
  /** Extraction time of this page alone. */
  ms: number;
}

interface WorkerResult {
  extractor: ExtractorName;
  outputs: PageOutput[];
  /** True when only the warm-up pass ran (see WARMUP_BUDGET_MS). */
  cold: boolean;
  /** RSS with the pages read and the extractor loaded, before any extraction. */
  baseRssKiB: number;
  /** High-water mark of the process's resident set. */
  maxRssKiB: number;
}

/**
 * One extractor, split in two: `extract` is what is timed; `describe` turns its result into a
 * PageOutput afterwards (for Readability that includes reading its content HTML as text, which
 * is scoring work, not extraction).
 */
interface Extractor<R> {
  extract(id: string, input: string): R;
  describe(result: R): Omit<PageOutput, "id" | "ms" | "ok" | "error"> | string;
}

const EMPTY_OUTPUT = { text: "", title: null, byline: null, published: null, lang: null } as const;

function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (message.split("\n")[0] ?? "").slice(0, ERROR_CHARS);
}

function runPass<R>(extractor: Extractor<R>, inputs: readonly { id: string; input: string }[]): PageOutput[] {
  return inputs.map(({ id, input }) => {
    const t0 = performance.now();
    let result: R;
    try {
      result = extractor.extract(id, input);
    } catch (err) {
      return { id, ...EMPTY_OUTPUT, ok: false, error: errorText(err), ms: performance.now() - t0 };
    }
    const ms = performance.now() - t0;
    try {
      const described = extractor.describe(result);
      if (typeof described === "string") return { id, ...EMPTY_OUTPUT, ok: false, error: described, ms };
      return { id, ...described, ok: true, error: null, ms };
    } catch (err) {
      return { id, ...EMPTY_OUTPUT, ok: false, error: errorText(err), ms };
    }
  });
}

/** Only the chosen extractor's modules are loaded, so a child's RSS holds one extractor. */
async function loadExtractor(name: ExtractorName): Promise<Extractor<unknown>> {
  if (name === "readability") {
    const { Readability } = await import("@mozilla/readability");
    const { parseHTML } = await import("linkedom");
    type Parsed = ReturnType<ReadabilityClass<string>["parse"]>;
    const extractor: Extractor<Parsed> = {
      extract(_id, html) {
        const { document } = parseHTML(html);
        return new Readability(document).parse();
      },
      describe(article) {
        if (article === null) return "no article (parse() returned null)";
        return {
          // Scored on its content HTML read exactly like the gold, not on its textContent, so
          // block boundaries are treated the same on both sides.
          text: htmlToBlockText(article.content ?? ""),
          title: article.title ?? null,
          byline: article.byline ?? null,
          published: article.publishedTime ?? null,
          lang: article.lang ?? null,
        };
      },
    };
    return extractor as Extractor<unknown>;
  }
  const { cleanPage } = await import("../src/clean/index.js");
  type Cleaned = ReturnType<typeof cleanPage>;
  const format = name === "triangulate" ? "html" : "text";
  const extractor: Extractor<Cleaned> = {
    extract(id, content) {
      return cleanPage({
        id,
        source: `${id}/source.html`,
        format,
        content,
        encoding: "utf-8",
        encodingEvidence: "default",
        url: PAGE_URL,
      });
    },
    describe(article) {
      return {
        text: article.body,
        title: article.title,
        byline: article.byline,
        published: article.published,
        lang: article.lang,
      };
    },
  };
  return extractor as Extractor<unknown>;
}

async function runWorker(name: ExtractorName): Promise<void> {
  // Pages are read (and, for the text path, flattened) before anything is timed.
  const inputs = pageIds().map((id) => {
    const html = readPageFile(id, "source.html");
    return { id, input: name === "triangulate-text" ? flattenHtml(html) : html };
  });
  const extractor = await loadExtractor(name);
  const baseRssKiB = Math.round(process.memoryUsage().rss / 1024);

  const warmStart = performance.now();
  const warm = runPass(extractor, inputs);
  const cold = performance.now() - warmStart > WARMUP_BUDGET_MS;
  const outputs = cold ? warm : runPass(extractor, inputs);

  const result: WorkerResult = {
    extractor: name,
    outputs,
    cold,
    baseRssKiB,
    maxRssKiB: process.resourceUsage().maxRSS,
  };
  await new Promise<void>((done, fail) => {
    if (!process.send) {
      fail(new Error("bench worker: not started by the bench (no IPC channel)"));
      return;
    }
    process.send(result, (err: Error | null) => (err ? fail(err) : done()));
  });
  // Exit now, whatever handles an extractor left open: the result is delivered.
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Parent side

function runInChild(name: ExtractorName): Promise<WorkerResult | string> {
  return new Promise((done) => {
    // The child's stdout is dropped (an extractor's stray logging must not garble the report);
    // its stderr is kept, so a crash explains itself.
    const child = fork(fileURLToPath(import.meta.url), ["--worker", name], {
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    let result: WorkerResult | null = null;
    const timer = setTimeout(() => {
      child.kill();
      done(`timed out after ${WORKER_TIMEOUT_MS / 1000} s`);
    }, WORKER_TIMEOUT_MS);
    child.on("message", (message) => {
      result = message as WorkerResult;
    });
    child.on("error", (err) => {
      clearTimeout(timer);
      done(`could not start: ${err.message}`);
    });
    // "close", not "exit": it comes after the IPC channel has delivered every message.
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      done(result ?? `exited (${signal ?? `code ${code}`}) without a result`);
    });
  });
}

interface GoldPage {
  id: string;
  text: string;
  metadata: ExpectedMetadata;
}

function readGold(ids: readonly string[]): GoldPage[] {
  return ids.map((id) => ({
    id,
    text: htmlToBlockText(readPageFile(id, "expected.html")),
    metadata: {
      ...(JSON.parse(readPageFile(id, "expected-metadata.json")) as ExpectedMetadata),
      siteNames: pageSiteNames(readPageFile(id, "source.html")),
    },
  }));
}

interface Scored {
  result: WorkerResult;
  scores: (PageScore | null)[];
  body: Aggregate;
  metadata: Agreement[];
  failed: number;
}

function score(result: WorkerResult, gold: readonly GoldPage[]): Scored {
  const byId = new Map(result.outputs.map((o) => [o.id, o]));
  const outputs = gold.map((g) => byId.get(g.id));
  const scores = gold.map((g, i) => scorePage(outputs[i]?.text ?? "", g.text));
  const metadata = agreement(
    gold.map((g, i) => ({ expected: g.metadata, predicted: outputs[i] ?? { ...EMPTY_OUTPUT } })),
  );
  const failed = gold.filter((_, i) => !outputs[i]?.ok).length;
  return { result, scores, body: aggregate(scores), metadata, failed };
}

const f3 = (x: number) => x.toFixed(3);
const pct = (n: number, d: number) => (d === 0 ? "   n/a" : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const mib = (kib: number) => (kib / KIB_PER_MIB).toFixed(1);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)]
    .map((l) => `  ${l}`)
    .join("\n");
}

function printBody(runs: readonly Scored[]): void {
  console.log("\n1. Body text: 4-token shingles, every page weighing the same");
  console.log(
    table(
      ["extractor", "pages", "failed", "scored", "mean P", "mean R", "F1", "page-F1 mean", "page-F1 median"],
      runs.map((r) => [
        LABELS[r.result.extractor],
        String(r.body.pages),
        String(r.failed),
        String(r.body.scored),
        f3(r.body.meanPrecision),
        f3(r.body.meanRecall),
        f3(r.body.f1),
        f3(r.body.meanPageF1),
        f3(r.body.medianPageF1),
      ]),
    ),
  );
  console.log("  (F1 = 2PR/(P+R) of the mean P and R; unscored pages have an empty expected text;");
  console.log("   a failed page scores P = R = 0.)");
  for (const r of runs) {
    if (r.failed === 0) continue;
    const kinds = new Map<string, number>();
    for (const o of r.result.outputs)
      if (!o.ok) kinds.set(o.error ?? "?", (kinds.get(o.error ?? "?") ?? 0) + 1);
    const top = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, FAILURE_KINDS);
    console.log(`  ${LABELS[r.result.extractor]}: ${r.failed} page(s) failed:`);
    for (const [message, n] of top) console.log(`    ${String(n).padStart(4)} × ${message}`);
  }
}

function printWorst(run: Scored, reference: Scored | undefined, gold: readonly GoldPage[]): void {
  const outputs = new Map(run.result.outputs.map((o) => [o.id, o]));
  const ranked = gold
    .map((g, i) => ({ id: g.id, score: run.scores[i], ref: reference?.scores[i] ?? null }))
    .filter(
      (p): p is { id: string; score: PageScore; ref: PageScore | null } =>
        p.score !== null && p.score !== undefined,
    )
    .sort((a, b) => a.score.f1 - b.score.f1 || a.id.localeCompare(b.id))
    .slice(0, WORST_PAGES);
  console.log(`\n  ${WORST_PAGES} worst pages for ${LABELS[run.result.extractor]}:`);
  console.log(
    table(
      ["page", "P", "R", "F1", `${reference ? LABELS[reference.result.extractor] : "reference"} F1`, "note"],
      ranked.map((p) => {
        const out = outputs.get(p.id);
        const note = out === undefined ? "no output" : out.ok ? "" : `failed: ${out.error ?? ""}`;
        return [
          p.id,
          f3(p.score.precision),
          f3(p.score.recall),
          f3(p.score.f1),
          p.ref ? f3(p.ref.f1) : "-",
          note,
        ];
      }),
    ),
  );
}

function printMetadata(runs: readonly Scored[]): void {
  console.log("\n2. Metadata agreement with expected-metadata.json (pages with an expected value)");
  const fields = runs[0]?.metadata ?? [];
  console.log(
    table(
      ["field", "pages", ...runs.map((r) => LABELS[r.result.extractor])],
      fields.map((f, k) => [
        f.field,
        String(f.expected),
        ...runs.map((r) => {
          const a = r.metadata[k]!;
          return `${String(a.agreed).padStart(3)} ${pct(a.agreed, a.expected)}`;
        }),
      ]),
    ),
  );
  console.log("  (loose: case folded, punctuation dropped; byline also without a leading By/Par/Von/Por;");
  console.log("   headline: loose, also against the expected title without its site-name suffix;");
  console.log("   contains: one loose byline inside the other; same day: the calendar date as written.)");
}

function printJudged(runs: readonly Scored[]): void {
  const dates = readJudged<JudgedDates>("dates-judged.json");
  const bylines = readJudged<JudgedBylines>("bylines-judged.json");
  if (dates === null && bylines === null) return;
  console.log("\n2b. Against labels judged by reading the pages (bench/clean/*-judged.json)");
  const line = (label: string, score: JudgedScore, unit: string) =>
    `${label.padEnd(20)} ${String(score.right).padStart(3)}/${score.valued} ${pct(score.right, score.valued)} right;  ${unit} given on ${score.invented}/${score.empty} pages judged to have none`;
  for (const r of runs) {
    const outputs = r.result.outputs;
    if (dates !== null) {
      const got = new Map(outputs.map((o) => [o.id, o.published]));
      console.log(
        `  date (same day)   ${line(LABELS[r.result.extractor], scoreJudgedDates(dates, got), "a date")}`,
      );
    }
  }
  for (const r of runs) {
    const outputs = r.result.outputs;
    if (bylines !== null) {
      const got = new Map(outputs.map((o) => [o.id, o.byline]));
      console.log(
        `  byline (names)    ${line(LABELS[r.result.extractor], scoreJudgedBylines(bylines, got), "a byline")}`,
      );
    }
  }
  console.log(
    "  (date: the calendar day as written; byline: every judged name, nothing but joining words besides)",
  );
}

interface Speed {
  pagesPerSecond: number;
  meanMs: number;
  medianMs: number;
}

function speedOf(result: WorkerResult): Speed {
  const times = result.outputs.map((o) => o.ms);
  const total = times.reduce((s, t) => s + t, 0);
  return {
    pagesPerSecond: total === 0 ? 0 : (1000 * times.length) / total,
    meanMs: times.length === 0 ? 0 : total / times.length,
    medianMs: median(times),
  };
}

function printSpeed(runs: readonly Scored[]): void {
  console.log("\n3. Speed and memory (pages in memory, after one warm-up pass; one process per extractor)");
  const speeds = new Map(runs.map((r) => [r.result.extractor, speedOf(r.result)]));
  console.log(
    table(
      ["extractor", "pages/s", "ms/page mean", "ms/page median", "RSS before MiB", "peak RSS MiB", "pass"],
      runs.map((r) => {
        const s = speeds.get(r.result.extractor)!;
        const timed = r.failed < r.body.pages;
        return [
          LABELS[r.result.extractor],
          timed ? s.pagesPerSecond.toFixed(1) : "n/a",
          timed ? s.meanMs.toFixed(2) : "n/a",
          timed ? s.medianMs.toFixed(2) : "n/a",
          mib(r.result.baseRssKiB),
          mib(r.result.maxRssKiB),
          r.result.cold ? "cold" : "warm",
        ];
      }),
    ),
  );
  const readability = runs.find((r) => r.result.extractor === "readability");
  if (!readability) {
    console.log("  (no Readability run: no ratios)");
    return;
  }
  const base = speeds.get("readability")!;
  for (const r of runs) {
    if (r === readability) continue;
    if (r.failed === r.body.pages) {
      console.log(`  ${LABELS[r.result.extractor]}: every page failed, no speed to compare`);
      continue;
    }
    const s = speeds.get(r.result.extractor)!;
    const speedRatio = base.pagesPerSecond === 0 ? Number.NaN : s.pagesPerSecond / base.pagesPerSecond;
    const memoryRatio = r.result.maxRssKiB / readability.result.maxRssKiB;
    console.log(
      `  ${LABELS[r.result.extractor]} ÷ ${LABELS.readability}: speed ×${speedRatio.toFixed(2)}, peak memory ×${memoryRatio.toFixed(2)}`,
    );
  }
  if (runs.some((r) => r.failed > 0)) {
    console.log(
      "  (times include failed pages, which may fail fast: compare speeds only when nothing failed)",
    );
  }
  console.log("  (the text path's time excludes the flattening, done before timing)");
}

async function main(): Promise<void> {
  const workerAt = process.argv.indexOf("--worker");
  if (workerAt >= 0) {
    const name = process.argv[workerAt + 1];
    if (!EXTRACTORS.includes(name as ExtractorName))
      throw new Error(`bench worker: unknown extractor ${name}`);
    await runWorker(name as ExtractorName);
    return;
  }

  if (!existsSync(DATA_DIR)) {
    console.log(`bench:clean: test pages not found at ${DATA_DIR}; skipping`);
    return;
  }
  const started = performance.now();
  const ids = pageIds();
  const gold = readGold(ids);
  console.log(`Clean stage vs Readability on ${ids.length} pages of ${DATA_DIR}`);
  console.log("(expected = Readability's own reviewed output: Readability scores near 1 by construction)");

  const runs: Scored[] = [];
  for (const name of EXTRACTORS) {
    const result = await runInChild(name);
    if (typeof result === "string") console.log(`  ${LABELS[name]}: worker ${result}; left out`);
    else runs.push(score(result, gold));
  }
  if (runs.length === 0) return;

  printBody(runs);
  const reference = runs.find((r) => r.result.extractor === "readability");
  for (const r of runs) if (r.result.extractor !== "readability") printWorst(r, reference, gold);
  printMetadata(runs);
  printJudged(runs);
  printSpeed(runs);
  console.log(`\nbench:clean done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
