/**
 * Cost of corpus mode as the corpus grows (`npm run bench:cluster-scale`): for each size, a
 * synthetic crawl (generate.ts: rewrites, re-crawls, syndicated copies, near-duplicate edits,
 * some HTML pages) is written as JSON lines under --dir (never into the repository) and ingested
 * by the real command, `triangulate ingest FILE --db NEW.db`, in a child process: cleaning,
 * features, online story clustering and the SQLite store together (--no-refine), then the
 * refinement of the stored stories (`ingest --refine`) as a second child. Printed per size: wall time, CPU
 * time and peak RSS of that child (worker threads included: they share its address space), as
 * measured by the kernel through /usr/bin/time; the rate per core; and, in the same run, the
 * rates of MinHash alone and of the clusterer's add alone (the stored features replayed) on one
 * core of this process. The load average is printed beside each size: the machine is shared.
 *
 *   node dist/bench/corpus/scale.js [--sizes 10000,100000] [--dir /tmp/triangulate-scale]
 *     [--workers N] [--keep] [--skip-refine]
 *
 * --keep leaves the corpora (reused by a later run of the same size) and the stores in --dir.
 * --skip-refine leaves out the refinement child: it is not part of the goal (ingest skips it by
 * default above AUTO_REFINE_MAX_ARTICLES) and takes some 20 minutes at a million articles.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { type DocFeatures, minhashOf, StoryClusterer } from "../../src/corpus/index.js";
import { readJsonl } from "../../src/ingest/jsonl.js";
import { option, repoRoot } from "../args.js";
import { loadPool, writeCorpus } from "./generate.js";

const DEFAULT_SIZES = [10_000, 100_000];
const SEED = 42;
/** The goal of the issue: a million articles ingested and clustered in 30 min on 2 cores, under 4 GB. */
const GOAL_DOCS = 1_000_000;
const GOAL_SECONDS = 30 * 60;
const GOAL_RSS_MB = 4096;
/** MinHash alone is timed on one record in this many: the rate, not the total, is compared. */
const MINHASH_SAMPLE = 10;
const TIME = "/usr/bin/time";

interface IngestRun {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  stored: number;
  duplicates: number;
  stories: number;
  dbMb: number;
}

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function load(): string {
  return loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
}

function dbFiles(db: string): string[] {
  return [db, `${db}-wal`, `${db}-shm`];
}

interface Timed {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  out: string;
}

/** One run of the real CLI in a child process, timed by the kernel's accounting through GNU time. */
function timedCli(cliArgs: string[], timing: string): Promise<Timed> {
  const cli = join(repoRoot(), "dist", "src", "cli", "main.js");
  const args = ["-o", timing, "-f", "%e %U %S %M", process.execPath, cli, ...cliArgs];
  return new Promise((resolve, reject) => {
    const child = spawn(TIME, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      out += s;
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) {
        reject(new Error(`triangulate ${cliArgs.join(" ")} exited ${code}:\n${out}`));
        return;
      }
      const [wall, user, sys, rssKb] = readFileSync(timing, "utf8")
        .trim()
        .split("\n")
        .at(-1)!
        .split(" ")
        .map(Number);
      rmSync(timing, { force: true });
      resolve({ wallSeconds: wall!, cpuSeconds: user! + sys!, peakRssMb: rssKb! / 1024, out });
    });
  });
}

/**
 * The real ingest command on the corpus into a fresh store: cleaning, features, the online
 * story assignment and the store. Refinement is left out here (--no-refine) and timed on its
 * own, since ingest skips it by default above a size and the curve must compare like with like.
 */
async function ingest(corpus: string, db: string, workers: string | undefined): Promise<IngestRun> {
  for (const f of dbFiles(db)) rmSync(f, { force: true });
  const args = ["ingest", corpus, "--db", db, "--quiet", "--no-refine"];
  if (workers !== undefined) args.push("--workers", workers);
  const run = await timedCli(args, `${db}.time`);
  const count = (label: string) =>
    Number(new RegExp(`${label}\\s+([\\d,]+)`).exec(run.out)?.[1]?.replace(/,/g, "") ?? "NaN");
  return {
    wallSeconds: run.wallSeconds,
    cpuSeconds: run.cpuSeconds,
    peakRssMb: run.peakRssMb,
    stored: count("stored"),
    duplicates: count("duplicates"),
    stories: Number(/in ([\d,]+) stories/.exec(run.out)?.[1]?.replace(/,/g, "") ?? "NaN"),
    dbMb: dbFiles(db).reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0) / 2 ** 20,
  };
}

/** The refinement of the stored stories (`triangulate ingest --refine --db`), as a user runs it after ingest. */
function refine(db: string): Promise<Timed> {
  return timedCli(["ingest", "--refine", "--db", db, "--quiet"], `${db}.refine-time`);
}

/** Records per CPU second of MinHash alone over the corpus's text records, on this thread. */
async function minhashRate(corpus: string): Promise<number> {
  let seconds = 0;
  let timed = 0;
  let n = 0;
  for await (const line of readJsonl(corpus)) {
    if (n++ % MINHASH_SAMPLE !== 0 || !("page" in line.result) || line.result.page.format !== "text")
      continue;
    const text = line.result.page.content;
    const t0 = cpuSeconds();
    minhashOf(text);
    seconds += cpuSeconds() - t0;
    timed++;
  }
  return timed / seconds;
}

/** Articles per CPU second of StoryClusterer.add alone, replaying the store's features in ingest order. */
function addRate(db: string): number {
  const store = new Database(db, { readonly: true });
  const clusterer = new StoryClusterer();
  let seconds = 0;
  let n = 0;
  try {
    const rows = store
      .prepare(
        "SELECT a.id AS id, f.data AS data FROM articles a JOIN features f ON f.article = a.seq ORDER BY a.seq",
      )
      .iterate() as IterableIterator<{ id: string; data: string }>;
    for (const row of rows) {
      const f = JSON.parse(row.data) as DocFeatures;
      const t0 = cpuSeconds();
      clusterer.add(row.id, f);
      seconds += cpuSeconds() - t0;
      n++;
    }
  } finally {
    store.close();
  }
  return n / seconds;
}

const pad = (v: string | number, w: number) => String(v).padStart(w);

async function main(): Promise<void> {
  if (!existsSync(TIME)) {
    console.log(`scale: ${TIME} (GNU time) is needed to measure the ingest's CPU time and peak RSS; skipped`);
    return;
  }
  const pool = loadPool();
  if (pool === null) {
    console.log("scale: no shared data under ../shared/data; skipped");
    return;
  }
  const sizes = (option("--sizes") ?? DEFAULT_SIZES.join(",")).split(",").map(Number);
  const dir = option("--dir") ?? "/tmp/triangulate-scale";
  if (dir.startsWith(repoRoot())) throw new Error("scale: --dir must be outside the repository");
  const keep = process.argv.includes("--keep");
  const skipRefine = process.argv.includes("--skip-refine");
  const workers = option("--workers");
  mkdirSync(dir, { recursive: true });
  console.log(
    `node ${process.version}, ${execFileSync("nproc").toString().trim()} cores, workers ${workers ?? "default"}`,
  );
  console.log(
    "   records   wall s    CPU s  peak RSS MB  CPU µs/rec  rec/s/core   stored    dups  stories  store MB  load 1/5/15 before",
  );
  let prev: { n: number; run: IngestRun; refined: Timed | null } | null = null;
  for (const n of sizes) {
    const corpus = join(dir, `corpus-${n}-s${SEED}.jsonl`);
    if (!existsSync(corpus)) await writeCorpus(pool, n, SEED, corpus);
    const db = join(dir, `store-${n}.db`);
    const before = load();
    const run = await ingest(corpus, db, workers);
    console.log(
      `${pad(n, 10)} ${pad(run.wallSeconds.toFixed(1), 8)} ${pad(run.cpuSeconds.toFixed(1), 8)} ${pad(run.peakRssMb.toFixed(0), 12)} ${pad(((run.cpuSeconds * 1e6) / n).toFixed(0), 11)} ${pad((n / run.cpuSeconds).toFixed(0), 11)} ${pad(run.stored, 8)} ${pad(run.duplicates, 7)} ${pad(run.stories, 8)} ${pad(run.dbMb.toFixed(0), 9)}  ${before}`,
    );
    // Printed apart: at a million records the replay alone takes minutes, and the ingest row is the result.
    const refined = skipRefine ? null : await refine(db);
    if (refined !== null) {
      console.log(
        `           refinement of the stored stories (ingest --refine): wall ${refined.wallSeconds.toFixed(1)} s, CPU ${refined.cpuSeconds.toFixed(1)} s, peak RSS ${refined.peakRssMb.toFixed(0)} MB, ${((refined.cpuSeconds * 1e6) / n).toFixed(0)} CPU µs/rec`,
      );
    }
    const mh = await minhashRate(corpus);
    const add = addRate(db);
    console.log(
      `           same run, one core: ingest ${(n / run.cpuSeconds).toFixed(0)} rec/s, MinHash alone ${mh.toFixed(0)} rec/s, clusterer add alone ${add.toFixed(0)} art/s`,
    );
    if (prev !== null) {
      const x = n / prev.n;
      console.log(
        `           ×${x.toFixed(1)} records: wall ×${(run.wallSeconds / prev.run.wallSeconds).toFixed(2)}, CPU ×${(run.cpuSeconds / prev.run.cpuSeconds).toFixed(2)}, peak RSS ×${(run.peakRssMb / prev.run.peakRssMb).toFixed(2)} (×${x.toFixed(1)} is linear)`,
      );
    }
    prev = { n, run, refined };
    if (!keep) for (const f of [corpus, ...dbFiles(db)]) rmSync(f, { force: true });
  }
  if (prev !== null) {
    const scale = GOAL_DOCS / prev.n;
    const wall = prev.run.wallSeconds * scale;
    console.log(
      `${GOAL_DOCS.toLocaleString("en")} records at the largest size's rate: ${(wall / 60).toFixed(1)} min wall ` +
        `(goal ${GOAL_SECONDS / 60}), ${((prev.run.cpuSeconds * scale) / 60).toFixed(1)} min CPU; ` +
        `peak RSS ${prev.n >= GOAL_DOCS ? `${prev.run.peakRssMb.toFixed(0)} MB` : "to be measured"} (goal < ${GOAL_RSS_MB} MB); ` +
        (prev.refined === null
          ? "refinement not timed (--skip-refine)"
          : `refinement on top ${((prev.refined.wallSeconds * scale) / 60).toFixed(1)} min wall (ingest skips it by default above its size limit)`),
    );
  }
}

await main();
