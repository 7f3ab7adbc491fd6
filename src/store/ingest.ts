/**
 * Corpus ingest: inputs → records → clean (in worker threads) → de-duplicate → story clusterer
 * → store, in batches of one transaction each.
 *
 * Idempotent and resumable. Every record has a stable key, and every settled record (stored,
 * duplicate, or skipped as bad) is written with its batch, together with each file's
 * checkpoint, so a run killed at any moment and started again seeks past finished work, skips
 * what was settled, and finishes with nothing lost or doubled. The clusterer's in-memory state
 * is rebuilt first by replaying the stored features in ingest order.
 */
import { rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { LoadOptions } from "../ingest/index.js";
import { StoreError } from "./db.js";
import { uniqueIdIn } from "./ids.js";
import { createPool } from "./pool.js";
import type { Prepared, PreparedArticle } from "./prepare.js";
import { keyLogDir, type RefineStoreOptions, type RefineSummary, refineStore } from "./refine.js";
import { AUTO_REFINE_MAX_ARTICLES, AUTO_REFINE_STALE_SHARE } from "./refine-policy.js";
import {
  ALREADY_INGESTED,
  type CorpusFile,
  checkpointFor,
  type OpenSource,
  type Position,
  readCorpus,
  type Step,
  type WalkTally,
  walkInputs,
} from "./sources.js";
import { type AssignedArticle, type Batch, type CorpusStore, type RecordRow, WARMUP_META } from "./store.js";
import type { AssignerBinding, PageRecord, Placed } from "./types.js";

/**
 * Records settled per transaction. Larger batches amortise the commit (an fsync of the WAL at
 * checkpoints, B-tree page writes); smaller ones lose less work to a kill. A thousand small
 * articles commit in well under a second.
 */
export const BATCH_RECORDS = 1000;

/** A batch is also committed after this long, so slow inputs (URLs, huge pages) still checkpoint often. */
export const BATCH_MAX_MS = 2000;

/**
 * Records in flight between the reader and the committer, per worker. Enough to keep every
 * worker busy while the main thread commits a batch (a second or so at a million articles, when
 * the workers clean about a thousand pages): with 64 they stood idle through most of each commit.
 * Few enough that memory stays a few thousand pages (tens of MB) whatever the corpus size.
 */
const IN_FLIGHT_PER_WORKER = 512;

/** Page text in flight at most (characters, two bytes each): bounds memory when the pages are huge. */
const IN_FLIGHT_MAX_CHARS = 64 * 1024 * 1024;

/** Bad records named in the summary; beyond this they are counted by reason (all are in the store). */
export const MAX_NAMED_SKIPS = 1000;

/** Distinct reasons the summary counts bad records under; the rest are counted together as OTHER_REASONS. */
const MAX_REASON_KINDS = 100;
const OTHER_REASONS = "other reasons";

/** The store's meta key for the clusterer that built its stories. */
const ASSIGNER_META = "assigner";

/** When ingest refines the stories: as the defaults above say, always when stale, or never. */
export type RefineWhen = "auto" | "always" | "never";

export interface IngestOptions {
  /** Worker threads that clean pages; 0 cleans on the main thread. Default: one per core. */
  workers?: number;
  loadOptions?: LoadOptions;
  onProgress?: (progress: IngestProgress) => void;
  batchRecords?: number;
  /** Refinement of the stories at the end of the run; without it the run does not refine. */
  refine?: RefineStoreOptions & { when: RefineWhen };
}

export interface IngestProgress {
  phase: "replay" | "ingest";
  /** Replay: articles replayed of total. Ingest: bytes of the inputs done of total. */
  done: number;
  total: number;
  /** Ingest: the inputs are still being counted, so total is a lower bound that will grow. */
  counting: boolean;
  /** Records settled this run (stored, duplicates, bad, ignored). */
  records: number;
  stored: number;
}

export interface SkippedRecord {
  name: string;
  reason: string;
}

export interface IngestSummary {
  /** New articles stored this run. */
  stored: number;
  /** Records whose article was already in the store (same content). */
  duplicates: number;
  /** Bad records this run (truncated, corrupt, undecodable, no text), the first MAX_NAMED_SKIPS named. */
  skipped: SkippedRecord[];
  skippedCount: number;
  skippedByReason: Map<string, number>;
  /** Records that are not articles (request records, images, blank lines), by reason. */
  ignored: Map<string, number>;
  /** Records settled by an earlier run and passed over. */
  alreadyIngested: number;
  /** Files an earlier run finished, not read again. */
  filesAlreadyIngested: number;
  /** Inputs that could not be opened or walked. */
  inputFailures: { source: string; reason: string }[];
  otherFiles: number;
  /** Articles replayed into the clusterer from the store before new ones were added. */
  replayed: number;
  /** Replayed articles whose story came out different from the stored one (a non-deterministic clusterer). */
  replayMismatches: number;
  articlesInStore: number;
  /** Stories the corpus commands list: the refined layer's once there is one. */
  storiesInStore: number;
  /** Stories of the online pass alone. */
  onlineStoriesInStore: number;
  /** The refinement this run made, or null. */
  refined: RefineSummary | null;
  /** Why this run left the refined layer missing or stale, or null when it is current. */
  refineSkipped: string | null;
  elapsedMs: number;
}

type Outcome =
  | { kind: "prepared"; record: PageRecord; article: PreparedArticle }
  | { kind: "bad"; key: string; name: string; reason: string; transient: boolean }
  | { kind: "ignored"; reason: string }
  | { kind: "settled-before" }
  | { kind: "end" }
  | { kind: "finished-before" };

interface Pending {
  outcome: Promise<Outcome>;
  step: Step;
  chars: number;
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/** Ingests the inputs into the store; resolves to the run's summary. Throws StoreError when the store cannot be used. */
export async function ingestCorpus(
  store: CorpusStore,
  inputs: readonly string[],
  binding: AssignerBinding,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = Date.now();
  const summary: IngestSummary = {
    stored: 0,
    duplicates: 0,
    skipped: [],
    skippedCount: 0,
    skippedByReason: new Map(),
    ignored: new Map(),
    alreadyIngested: 0,
    filesAlreadyIngested: 0,
    inputFailures: [],
    otherFiles: 0,
    replayed: 0,
    replayMismatches: 0,
    articlesInStore: 0,
    storiesInStore: 0,
    onlineStoriesInStore: 0,
    refined: null,
    refineSkipped: null,
    elapsedMs: 0,
  };
  store.acquireWriter();
  try {
    await ingestLocked(store, inputs, binding, options, summary);
    // After ingest has let go of its clusterer and workers: refinement builds a clusterer of its own.
    if (options.refine !== undefined) refineAfterIngest(store, binding, options.refine, summary);
  } finally {
    store.releaseWriter();
  }
  summary.articlesInStore = store.articleCount();
  summary.storiesInStore = store.storyCount();
  summary.onlineStoriesInStore = store.onlineStoryCount();
  summary.elapsedMs = Date.now() - started;
  return summary;
}

/** Refines when `refine.when` says to; otherwise notes in the summary why the layer is not current. */
function refineAfterIngest(
  store: CorpusStore,
  binding: AssignerBinding,
  refine: RefineStoreOptions & { when: RefineWhen },
  summary: IngestSummary,
): void {
  // Left by a refinement killed after its commit; refineStore clears it too when it runs.
  rmSync(keyLogDir(store), { recursive: true, force: true });
  const articles = store.articleCount();
  const last = store.refinement();
  const current = last !== null && last.since === 0 && last.assigner === binding.id;
  if (articles === 0 || current) return;
  const stale = last === null || last.since >= AUTO_REFINE_STALE_SHARE * articles;
  const fits = articles <= AUTO_REFINE_MAX_ARTICLES;
  if (refine.when === "always" || (refine.when === "auto" && stale && fits)) {
    summary.refined = refineStore(store, binding, refine);
    return;
  }
  const state =
    last === null
      ? "the stories are not refined"
      : `${last.since.toLocaleString("en-US")} article${last.since === 1 ? "" : "s"} arrived since the stories were refined`;
  const why =
    refine.when === "never"
      ? "--no-refine"
      : !fits
        ? `more than ${AUTO_REFINE_MAX_ARTICLES.toLocaleString("en-US")} articles`
        : `fewer than ${Math.round(100 * AUTO_REFINE_STALE_SHARE)}% of the store`;
  summary.refineSkipped = `${state} (${why})`;
}

async function ingestLocked(
  store: CorpusStore,
  inputs: readonly string[],
  binding: AssignerBinding,
  options: IngestOptions,
  summary: IngestSummary,
): Promise<void> {
  const online = openOnlinePass(store, binding, summary, options.onProgress);
  // `ingest --refine` alone: nothing to read, so no workers to start; a warm-up a killed run left is ended.
  if (inputs.length === 0) {
    new BatchWriter(store, online, summary, 1).finish();
    return;
  }
  // The files are taken as the walk finds them: memory follows the tree's depth, not its size.
  const tally: WalkTally = { failures: [], otherFiles: 0 };
  summary.inputFailures = tally.failures;

  const workers = options.workers ?? defaultWorkers();
  const pool = await createPool({
    workers,
    featuresModule: binding.featuresModule,
    featuresExport: binding.featuresExport,
    compileExport: binding.compileExport ?? null,
  });
  const writer = new BatchWriter(store, online, summary, options.batchRecords ?? BATCH_RECORDS);
  const lookups = store.lookups();
  // Started last before the try: whatever ends the run stops it.
  const counter = new InputCounter(inputs);
  let walkedBytes = 0;
  let walked = false;
  const files = async function* () {
    for await (const file of walkInputs(inputs, tally)) {
      walkedBytes += file.size;
      yield file;
    }
    // Every file has been met: the sum of their sizes is the total, and the count is not needed.
    walked = true;
    void counter.stop();
  };
  let doneBytes = 0;
  let records = 0;
  const report = () =>
    options.onProgress?.({
      phase: "ingest",
      done: doneBytes,
      total: walked ? walkedBytes : Math.max(counter.bytes, walkedBytes),
      counting: !walked && !counter.done,
      records,
      stored: summary.stored,
    });

  const steps = readCorpus(files(), {
    open: (file: CorpusFile) => store.source(file.location, file.size, file.mtimeMs, file.kind),
    settled: (key) => lookups.hasRecord(key),
    loadOptions: options.loadOptions ?? {},
  });
  const window: Pending[] = [];
  let windowChars = 0;
  const maxInFlight = Math.max(1, workers) * IN_FLIGHT_PER_WORKER;
  let finishedBytes = 0;
  const settleHead = async () => {
    const head = window.shift()!;
    windowChars -= head.chars;
    const outcome = await head.outcome;
    writer.settle(head.step, outcome);
    records++;
    if (head.step.type === "end" || head.step.type === "finished-before") {
      finishedBytes += head.step.type === "end" ? head.step.source.file.size : head.step.file.size;
      doneBytes = finishedBytes;
    } else if (head.step.type === "record") {
      // A page file is done once settled; a record of a larger file moves that file's share along.
      if (head.step.source) doneBytes = finishedBytes + head.step.bytes;
      else {
        finishedBytes += head.step.bytes;
        doneBytes = finishedBytes;
      }
    }
    report();
  };
  try {
    report();
    for await (const step of steps) {
      const pending = dispatch(step, pool.clean, lookups.hasRecord);
      window.push(pending);
      windowChars += pending.chars;
      while (window.length >= maxInFlight || windowChars > IN_FLIGHT_MAX_CHARS) await settleHead();
    }
    while (window.length > 0) await settleHead();
    writer.finish();
    // The walk is over, so the total is final: the last report says so whatever settled last.
    report();
    summary.otherFiles = tally.otherFiles;
  } finally {
    await pool.close();
    await counter.stop();
  }
}

/**
 * The progress total: the bytes of the inputs, counted by a second walk of them beside ingest.
 *
 * The walk that feeds ingest is lazy, a window of files ahead of the records being cleaned, so
 * what it has found says nothing of what is left. A first counting pass would make every run
 * wait, before its first record, for a walk of the whole tree (minutes for millions of files on
 * a cold disk) and then walk it again. So the count runs beside ingest instead: the same walk
 * (the same rules, so the same files and sizes) that only adds up sizes, a stat per file and no
 * reading, holding no more than the walk does. It runs far ahead of ingest, which cleans and
 * stores every page, so the total grows to its final value early in a run; until then progress
 * says it is still counting and the total is a lower bound. Once ingest's own walk has met every
 * file, its sum is the total and the count is stopped.
 */
class InputCounter {
  bytes = 0;
  done = false;
  private readonly abort = new AbortController();
  private readonly finished: Promise<void>;

  constructor(inputs: readonly string[]) {
    this.finished = this.run(inputs);
  }

  private async run(inputs: readonly string[]): Promise<void> {
    try {
      // Failures and other files are named by ingest's own walk; this one only counts.
      for await (const file of walkInputs(inputs, { failures: [], otherFiles: 0 }, this.abort.signal)) {
        this.bytes += file.size;
      }
    } catch {
      // A count is only the progress total: ingest's walk meets and names the same trouble.
    } finally {
      this.done = true;
    }
  }

  /** Stops counting; resolves once the walk has let go of its directories. */
  stop(): Promise<void> {
    this.abort.abort();
    return this.finished;
  }
}

function dispatch(
  step: Step,
  clean: (page: PageRecord["page"], hints: PageRecord["hints"]) => Promise<Prepared>,
  settled: (key: string) => boolean,
): Pending {
  const now = (outcome: Outcome): Pending => ({ outcome: Promise.resolve(outcome), step, chars: 0 });
  if (step.type === "end") return now({ kind: "end" });
  if (step.type === "finished-before") return now({ kind: "finished-before" });
  const { record } = step;
  if (record.kind === "ignored") return now({ kind: "ignored", reason: record.reason });
  if (settled(record.key)) return now({ kind: "settled-before" });
  if (record.kind === "bad")
    return now({
      kind: "bad",
      key: record.key,
      name: record.name,
      reason: record.reason,
      transient: record.transient === true,
    });
  const outcome = clean(record.page, record.hints).then(
    (prepared): Outcome =>
      "bad" in prepared
        ? { kind: "bad", key: record.key, name: record.name, reason: prepared.bad, transient: false }
        : { kind: "prepared", record, article: prepared.article },
  );
  return { outcome, step, chars: record.page.content.length };
}

/** The online pass as ingest drives it: verdicts by article seq, and where a warm-up ended. */
interface OnlinePass {
  /** The verdicts this article's arrival settles (see StoryAssigner.add). */
  add(seq: number, id: string, featuresJson: string, compiled: unknown): AssignedArticle[];
  /**
   * At the end of a run that read all its inputs: ends a warm-up still under way, so that no
   * article waits for a next run. A run killed before this point leaves the held articles without
   * a story; the next run replays them into the warm-up again and ends it at the same article
   * (the 5,000th, or the last of the inputs), so their verdicts do not depend on the kill.
   */
  end(): AssignedArticle[];
  /** How many articles the warm-up held, once, after the add or end that let them go; else undefined. */
  takeWarmup(): number | undefined;
}

/**
 * The clusterer, with every stored article replayed into it in ingest order before the first
 * new article is added: the articles of a warm-up that ended (WARMUP_META) held and let go at the
 * same article as when they arrived, those of one under way held again. The replay waits for
 * that first article: a run that adds nothing (all inputs already ingested) costs no replay,
 * unless a killed run left articles waiting for a warm-up to end. Which clusterer built the
 * store is checked at once.
 */
function openOnlinePass(
  store: CorpusStore,
  binding: AssignerBinding,
  summary: IngestSummary,
  onProgress: IngestOptions["onProgress"],
): OnlinePass {
  const builtWith = store.getMeta(ASSIGNER_META);
  if (builtWith !== null && builtWith !== binding.id && store.articleCount() > 0) {
    throw new StoreError(
      `the store ${store.path} was clustered with ${builtWith}; this build clusters with ${binding.id}. ` +
        "Ingest into a new --db to use it",
    );
  }
  if (builtWith !== binding.id) store.setMeta(ASSIGNER_META, binding.id);
  // Seq of each article whose verdict is still to come (at most a warm-up's worth).
  const seqOf = new Map<string, number>();
  const bySeq = (placed: readonly Placed[]): AssignedArticle[] =>
    placed.map((p) => {
      const seq = seqOf.get(p.id)!;
      seqOf.delete(p.id);
      return { seq, assignment: p.assignment };
    });
  let assigner: ReturnType<AssignerBinding["create"]> | null = null;
  const ready = () => {
    if (assigner !== null) return assigner;
    const a = binding.create();
    assigner = a;
    const warmedUp = store.getMeta(WARMUP_META);
    const heldBefore = warmedUp === null ? -1 : Number(warmedUp);
    const stored = new Map<number, string | null>();
    const check = (placed: readonly AssignedArticle[]) => {
      for (const { seq, assignment } of placed) {
        const story = stored.get(seq) ?? null;
        stored.delete(seq);
        if (story !== null && assignment.story !== story) summary.replayMismatches++;
      }
    };
    const total = store.articleCount();
    let done = 0;
    if (total > 0) onProgress?.({ phase: "replay", done, total, counting: false, records: 0, stored: 0 });
    for (const row of store.replay()) {
      seqOf.set(row.id, row.seq);
      stored.set(row.seq, row.story);
      check(bySeq(a.add(row.id, row.features)));
      done++;
      if (done === heldBefore) check(bySeq(a.end()));
      if (done % BATCH_RECORDS === 0 || done === total) {
        onProgress?.({ phase: "replay", done, total, counting: false, records: 0, stored: 0 });
      }
    }
    summary.replayed = done;
    return a;
  };
  let warmup: number | undefined;
  const settle = (wasWarming: boolean, placed: Placed[]): AssignedArticle[] => {
    if (wasWarming && assigner !== null && !assigner.warming) warmup = placed.length;
    return bySeq(placed);
  };
  return {
    add(seq, id, featuresJson, compiled) {
      const a = ready();
      const wasWarming = a.warming;
      seqOf.set(id, seq);
      return settle(wasWarming, a.add(id, featuresJson, compiled));
    },
    end() {
      if (assigner === null && store.unplacedCount() === 0) return [];
      const a = ready();
      return settle(a.warming, a.end());
    },
    takeWarmup() {
      const w = warmup;
      warmup = undefined;
      return w;
    },
  };
}

/** Gathers settled records into batches and commits them, each with the checkpoints it reaches. */
class BatchWriter {
  private batch: Batch = { articles: [], assignments: [], records: [], sources: [] };
  /** Per source, the position after its last record settled in this batch (checked when committed). */
  private readonly checkpoints = new Map<
    number,
    { source: OpenSource; position: Position | null; finished: boolean }
  >();
  private readonly batchHashes = new Map<string, { seq: number; id: string }>();
  private readonly batchIds = new Set<string>();
  private readonly lookups;
  private nextSeq: number;
  private settledInBatch = 0;
  private batchStarted = Date.now();

  constructor(
    private readonly store: CorpusStore,
    private readonly online: OnlinePass,
    private readonly summary: IngestSummary,
    private readonly batchRecords: number,
  ) {
    this.lookups = store.lookups();
    this.nextSeq = store.nextSeq();
  }

  settle(step: Step, outcome: Outcome): void {
    switch (outcome.kind) {
      case "prepared":
        this.article(outcome.record, outcome.article);
        break;
      case "bad":
        this.bad(outcome.key, outcome.name, outcome.reason, outcome.transient);
        break;
      case "ignored":
        if (outcome.reason === ALREADY_INGESTED) this.summary.alreadyIngested++;
        else this.summary.ignored.set(outcome.reason, (this.summary.ignored.get(outcome.reason) ?? 0) + 1);
        break;
      case "settled-before":
        this.summary.alreadyIngested++;
        break;
      case "finished-before":
        this.summary.filesAlreadyIngested++;
        break;
      case "end":
        break;
    }
    if (step.type === "record" && step.source) {
      this.checkpoints.set(step.source.id, { source: step.source, position: step.position, finished: false });
    } else if (step.type === "end") {
      const last = this.checkpoints.get(step.source.id)?.position ?? null;
      this.checkpoints.set(step.source.id, { source: step.source, position: last, finished: true });
      // A finished file is worth a commit of its own: a rerun then skips it without reading it.
      this.commit();
      return;
    }
    this.settledInBatch++;
    if (this.settledInBatch >= this.batchRecords || Date.now() - this.batchStarted >= BATCH_MAX_MS)
      this.commit();
  }

  /** At the end of a run that read all its inputs: the last batch, with the verdicts of a warm-up it ends. */
  finish(): void {
    this.place(this.online.end());
    this.commit();
  }

  private place(assigned: readonly AssignedArticle[]): void {
    this.batch.assignments.push(...assigned);
    const warmup = this.online.takeWarmup();
    if (warmup !== undefined) this.batch.warmup = warmup;
  }

  private article(record: PageRecord, prepared: PreparedArticle): void {
    const existing =
      this.batchHashes.get(prepared.contentHash) ?? this.lookups.articleByHash(prepared.contentHash);
    if (existing) {
      this.batch.records.push(row(record.key, prepared.source, "duplicate", existing.seq, null));
      this.summary.duplicates++;
      return;
    }
    const seq = this.nextSeq++;
    const id = uniqueIdIn(
      prepared.wantedId,
      (candidate) => this.batchIds.has(candidate) || this.lookups.idTaken(candidate),
    );
    this.batch.articles.push({ seq, id, record: record.key, prepared });
    this.place(this.online.add(seq, id, prepared.featuresJson, prepared.compiled));
    this.batch.records.push(row(record.key, prepared.source, "stored", seq, null));
    this.batchHashes.set(prepared.contentHash, { seq, id });
    this.batchIds.add(id);
    this.summary.stored++;
  }

  private bad(key: string, name: string, reason: string, transient: boolean): void {
    if (!transient) this.batch.records.push(row(key, name, "skipped", null, reason));
    const s = this.summary;
    s.skippedCount++;
    let shortReason = reason.replace(/\s*\(.*$/, "");
    // Some reasons carry a size or a message of their own: a corpus of bad records must not grow the tally without bound.
    if (!s.skippedByReason.has(shortReason) && s.skippedByReason.size >= MAX_REASON_KINDS)
      shortReason = OTHER_REASONS;
    s.skippedByReason.set(shortReason, (s.skippedByReason.get(shortReason) ?? 0) + 1);
    if (s.skipped.length < MAX_NAMED_SKIPS) s.skipped.push({ name, reason });
  }

  private commit(): void {
    for (const c of this.checkpoints.values()) {
      // Checked once per batch, not per record: for a WARC it costs a read at the offset.
      const at = checkpointFor(c.source, c.position);
      this.batch.sources.push({
        id: c.source.id,
        resumeOffset: at.offset,
        resumeLine: at.line,
        finished: c.finished,
      });
    }
    const b = this.batch;
    if (b.articles.length + b.assignments.length + b.records.length + b.sources.length > 0) {
      this.store.commit(this.batch);
    }
    this.batch = { articles: [], assignments: [], records: [], sources: [] };
    this.checkpoints.clear();
    this.batchHashes.clear();
    this.batchIds.clear();
    this.settledInBatch = 0;
    this.batchStarted = Date.now();
  }
}

function row(
  key: string,
  source: string,
  status: RecordRow["status"],
  article: number | null,
  reason: string | null,
): RecordRow {
  return { key, source, status, article, reason };
}
