/**
 * `triangulate ingest`: files, directories, JSON lines, WARC files and URLs into the corpus
 * store, grouped into stories as they arrive, then (by default, up to a size) the stories
 * refined as `triangulate cluster` refines them. Safe to interrupt at any moment and run again.
 */
import cliProgress from "cli-progress";
import {
  type AssignerBinding,
  CorpusStore,
  DEFAULT_DB_PATH,
  type IngestProgress,
  type IngestSummary,
  ingestCorpus,
  type RefineStoreProgress,
  type RefineWhen,
  StoreError,
  storyClustererBinding,
} from "../store/index.js";
import { type CliIO, EXIT_INPUT_FAILED, EXIT_OK } from "./analyze.js";
import { FileKeyLog } from "./key-log.js";
import { UsageError } from "./output.js";
import { createStepProgress, formatDuration, refineSteps } from "./progress.js";

export interface IngestFlags {
  db?: string;
  workers?: string;
  batch?: string;
  quiet?: boolean;
  allowPrivateNetwork?: boolean;
  /** true: refine whenever the stories are not current; false: never; absent: by the defaults. */
  refine?: boolean;
}

/** Plain-line progress (stderr not a terminal) is printed this often: a log shows it moving without flooding. */
const PLAIN_PROGRESS_MS = 10_000;

/** The bar is redrawn at most this often; drawing costs more than a thousand records at full speed. */
const BAR_REDRAW_MS = 200;

/** Bad records named one per line in the summary; the rest are counted by reason (all are kept in the store). */
const SUMMARY_NAMED_SKIPS = 50;

/** Most workers accepted: beyond this the store's single writer is the bottleneck anyway. */
const MAX_WORKERS = 64;

/**
 * THE STORY CLUSTERER WIRING. The one place that says which clusterer `ingest` (and so
 * `stories` and `story`) uses: the project's StoryClusterer (src/corpus), reached through the
 * store's binding (src/store/clusterer.ts), whose features run in the cleaning workers.
 */
export function storyAssigner(): AssignerBinding {
  return storyClustererBinding;
}

/** Runs the command; returns the exit code. A store that cannot be used is named, with exit 1. */
export async function ingestCommand(inputs: string[], flags: IngestFlags, io: CliIO): Promise<number> {
  try {
    return await ingestCommandInner(inputs, flags, io);
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    io.stderr.write(`triangulate: ${err.message}\n`);
    return EXIT_INPUT_FAILED;
  }
}

async function ingestCommandInner(inputs: string[], flags: IngestFlags, io: CliIO): Promise<number> {
  const dbPath = flags.db ?? DEFAULT_DB_PATH;
  if (inputs.length === 0 && flags.refine !== true) {
    throw new UsageError("ingest needs inputs (or --refine alone, to refine the stories already stored)");
  }
  const workers = parseWorkers(flags.workers);
  const batchRecords = parseBatch(flags.batch);
  const when: RefineWhen = flags.refine === true ? "always" : flags.refine === false ? "never" : "auto";
  const store = CorpusStore.open(dbPath);
  const progress = createIngestProgress(io.stderr, flags.quiet === true);
  const refineProgress = createRefineProgress(io.stderr, flags.quiet === true, progress.stop);
  let summary: IngestSummary;
  try {
    summary = await ingestCorpus(store, inputs, storyAssigner(), {
      workers,
      batchRecords,
      loadOptions: { allowPrivateNetwork: flags.allowPrivateNetwork === true },
      onProgress: progress.update,
      refine: { when, keyLog: (dir) => new FileKeyLog(dir), onProgress: refineProgress },
    });
  } finally {
    progress.stop();
    store.close();
  }
  io.stdout.write(renderIngestSummary(summary, dbPath));
  const failed = summary.skippedCount > 0 || summary.inputFailures.length > 0;
  return failed ? EXIT_INPUT_FAILED : EXIT_OK;
}

function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKERS) {
    throw new UsageError(`--workers must be a whole number from 0 to ${MAX_WORKERS} (got ${value})`);
  }
  return n;
}

/** Largest batch accepted: a transaction of a hundred thousand records holds their pages in memory. */
const MAX_BATCH_RECORDS = 100_000;

function parseBatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_BATCH_RECORDS) {
    throw new UsageError(`--batch must be a whole number from 1 to ${MAX_BATCH_RECORDS} (got ${value})`);
  }
  return n;
}

/** The run's summary: what was stored, what was passed over, and every bad record named (up to a bound). */
export function renderIngestSummary(s: IngestSummary, dbPath: string): string {
  const lines: string[] = [];
  const n = (x: number) => x.toLocaleString("en-US");
  const seconds = s.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(s.stored / seconds) : s.stored;
  lines.push(`triangulate ingest: ${dbPath}`);
  lines.push(`  stored      ${n(s.stored)} new articles (${n(rate)}/s over ${formatDuration(seconds)})`);
  lines.push(`  duplicates  ${n(s.duplicates)} records already stored (same outlet, title and text)`);
  if (s.alreadyIngested > 0 || s.filesAlreadyIngested > 0) {
    lines.push(
      `  resumed     ${n(s.alreadyIngested)} records and ${n(s.filesAlreadyIngested)} files done by an earlier run, passed over`,
    );
  }
  if (s.replayed > 0) {
    lines.push(`  replayed    ${n(s.replayed)} stored articles into the story clusterer`);
  }
  if (s.replayMismatches > 0) {
    lines.push(
      `  warning     ${n(s.replayMismatches)} replayed articles came out in a different story than stored (clusterer changed?)`,
    );
  }
  const ignored = [...s.ignored].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (ignored.length > 0) {
    lines.push(`  not pages   ${ignored.map(([reason, count]) => `${n(count)} ${reason}`).join(", ")}`);
  }
  if (s.otherFiles > 0)
    lines.push(`  other files ${n(s.otherFiles)} in the directories (not .jsonl/.warc/.html/.txt)`);
  lines.push(`  skipped     ${n(s.skippedCount)} bad records${s.skippedCount > 0 ? ":" : ""}`);
  for (const skip of s.skipped.slice(0, SUMMARY_NAMED_SKIPS)) lines.push(`    ${skip.name}: ${skip.reason}`);
  if (s.skippedCount > SUMMARY_NAMED_SKIPS) {
    const byReason = [...s.skippedByReason].sort((a, b) => b[1] - a[1]);
    lines.push(
      `    ... and ${n(s.skippedCount - SUMMARY_NAMED_SKIPS)} more (${byReason.map(([r, c]) => `${n(c)} ${r}`).join("; ")})`,
    );
    lines.push(
      `    (all are kept in the store: SELECT source, reason FROM records WHERE status = 'skipped')`,
    );
  }
  for (const f of s.inputFailures) lines.push(`  cannot read ${f.source}: ${f.reason}`);
  if (s.refined !== null) {
    const r = s.refined.refinement;
    lines.push(
      `  refined     ${n(r.articles)} articles from ${n(s.refined.onlineStories)} online stories into ${n(r.stories)}, ` +
        `${n(r.moved)} in another story than the online pass gave (${formatDuration(r.seconds)})`,
    );
    lines.push(`              (the rounds ${s.refined.note})`);
  } else if (s.refineSkipped !== null) {
    const dbFlag = dbPath === DEFAULT_DB_PATH ? "" : ` --db ${dbPath}`;
    lines.push(`  not refined ${s.refineSkipped}; refine with: triangulate ingest --refine${dbFlag}`);
  }
  lines.push(
    `  store       ${n(s.articlesInStore)} articles in ${n(s.storiesInStore)} stories` +
      (s.onlineStoriesInStore !== s.storiesInStore
        ? ` (${n(s.onlineStoriesInStore)} before refinement)`
        : ""),
  );
  return `${lines.join("\n")}\n`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(2)} GB`;
}

/**
 * The refinement's progress, as `triangulate cluster` shows its own (progress.ts): a line
 * at its start, then a bar (or plain lines) per step: the replay, the clusterer's phases, the
 * write. The ingest bar is stopped first.
 */
function createRefineProgress(
  stream: NodeJS.WriteStream,
  quiet: boolean,
  stopBar: () => void,
): (p: RefineStoreProgress) => void {
  const steps = createStepProgress(stream, {
    quiet,
    prefix: "triangulate: refine: ",
    plainEveryMs: PLAIN_PROGRESS_MS,
  });
  const clusterer = refineSteps(steps);
  let started = Date.now();
  return (p) => {
    if (p.phase === "replay") {
      if (p.done === 0) {
        stopBar();
        started = Date.now();
        steps.note(`feeding ${n(p.total)} stored articles to a fresh clusterer, then refining their stories`);
      }
      steps.update({ label: "feeding articles", unit: "articles", done: p.done, total: p.total });
    } else if (p.phase === "write") {
      steps.update({ label: "writing stories", unit: "articles", done: p.done, total: p.total });
      if (p.done >= p.total) steps.note(`done, ${formatDuration((Date.now() - started) / 1000)}`);
    } else {
      clusterer(p);
    }
  };
}

const n = (x: number) => x.toLocaleString("en-US");

interface IngestProgressSink {
  update(p: IngestProgress): void;
  stop(): void;
}

/** A bar with rate and ETA on a terminal; a plain line every PLAIN_PROGRESS_MS otherwise; nothing when quiet. */
function createIngestProgress(stream: NodeJS.WriteStream, quiet: boolean): IngestProgressSink {
  if (quiet) return { update() {}, stop() {} };
  return stream.isTTY ? barProgress(stream) : plainProgress(stream);
}

/** Where a phase started: rates count only what was done since (a replay in between is not ingest). */
interface Baseline {
  ms: number;
  records: number;
  done: number;
}

function baseline(p: IngestProgress | null): Baseline {
  return { ms: Date.now(), records: p?.records ?? 0, done: p?.done ?? 0 };
}

/** Rate and ETA since the phase started: records per second, and the input bytes left at the byte rate. */
function rates(p: IngestProgress, from: Baseline): { perSecond: number; eta: string } {
  const seconds = (Date.now() - from.ms) / 1000;
  const perSecond = seconds > 0 ? (p.records - from.records) / seconds : 0;
  const byteRate = seconds > 0 ? (p.done - from.done) / seconds : 0;
  const eta = p.total > p.done && byteRate > 0 ? formatDuration((p.total - p.done) / byteRate) : "--";
  // While the inputs are still being counted the total is a lower bound, and so is the time left.
  return { perSecond, eta: p.counting && eta !== "--" ? `>${eta}` : eta };
}

function plainProgress(stream: NodeJS.WriteStream): IngestProgressSink {
  let from = baseline(null);
  let last = Date.now();
  let replaying = false;
  let replayAnnounced = false;
  return {
    update(p) {
      if (p.phase === "replay") {
        if (!replayAnnounced && p.total > 0) {
          stream.write(
            `triangulate: replaying ${p.total.toLocaleString("en-US")} stored articles into the story clusterer\n`,
          );
          replayAnnounced = true;
        }
        replaying = true;
        last = Date.now();
        return;
      }
      if (replaying) {
        replaying = false;
        from = baseline(p);
      }
      const now = Date.now();
      if (now - last < PLAIN_PROGRESS_MS) return;
      last = now;
      const { perSecond, eta } = rates(p, from);
      const share =
        p.total > 0
          ? `${Math.floor((100 * p.done) / p.total)}% of ${formatBytes(p.total)}${p.counting ? " found so far" : ""}, `
          : "";
      stream.write(
        `triangulate: ingest: ${share}${p.records.toLocaleString("en-US")} records, ${p.stored.toLocaleString("en-US")} stored, ${Math.round(perSecond)} records/s, ETA ${eta}\n`,
      );
    },
    stop() {},
  };
}

function barProgress(stream: NodeJS.WriteStream): IngestProgressSink {
  let bar: cliProgress.SingleBar | null = null;
  let phase: IngestProgress["phase"] | null = null;
  let from = baseline(null);
  let lastDraw = 0;
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  return {
    update(p) {
      if (p.total === 0) return;
      if (phase !== p.phase || bar === null) {
        stop();
        phase = p.phase;
        from = baseline(p);
        const format =
          p.phase === "replay"
            ? "replaying stories  [{bar}] {percentage}% | {value}/{total} articles | ETA {eta_formatted}"
            : "ingesting          [{bar}] {percentage}% | {doneBytes}/{totalBytes} | {records} records, {stored} stored | {rate}/s | ETA {etaText}";
        bar = new cliProgress.SingleBar(
          { stream, format, hideCursor: false, clearOnComplete: false, etaBuffer: 50 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(p.total, p.done, payload(p, from));
        return;
      }
      const now = Date.now();
      if (now - lastDraw < BAR_REDRAW_MS && p.done < p.total) return;
      lastDraw = now;
      // The total grows while the inputs are being counted.
      if (p.total !== bar.getTotal()) bar.setTotal(p.total);
      bar.update(p.done, payload(p, from));
    },
    stop,
  };
}

function payload(p: IngestProgress, from: Baseline): Record<string, string> {
  const { perSecond, eta } = rates(p, from);
  return {
    doneBytes: formatBytes(p.done),
    totalBytes: `${formatBytes(p.total)}${p.counting ? "+" : ""}`,
    records: p.records.toLocaleString("en-US"),
    stored: p.stored.toLocaleString("en-US"),
    rate: String(Math.round(perSecond)),
    etaText: eta,
  };
}
