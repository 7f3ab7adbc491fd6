/**
 * The cleaning pool: pages are cleaned (and featurised) in worker threads while the main
 * thread reads inputs and commits to the store. With no workers the same work runs inline.
 */
import { Worker } from "node:worker_threads";
import type { Page } from "../model/index.js";
import type { CleanJob, CleanReply, WorkerSetup } from "./clean-worker.js";
import type { CompileFn, FeaturesFn, prepareArticle as PrepareArticle, Prepared } from "./prepare.js";
import type { RecordHints } from "./types.js";

export interface CleanPool {
  clean(page: Page, hints: RecordHints): Promise<Prepared>;
  close(): Promise<void>;
}

export interface PoolOptions {
  workers: number;
  featuresModule: string | null;
  featuresExport: string | null;
  compileExport: string | null;
}

/** Loads a function of the clusterer's features module, named by module URL and export. */
async function loadExport(module: string | null, name: string | null): Promise<unknown> {
  if (module === null || name === null) return null;
  const loaded = (await import(module)) as Record<string, unknown>;
  const fn = loaded[name];
  if (typeof fn !== "function") throw new Error(`${module} has no function export ${name}`);
  return fn;
}

/** The clusterer's features function and, when it has one, the compiler of its features (AssignerBinding). */
export async function loadFeatures(
  setup: Pick<PoolOptions, "featuresModule" | "featuresExport" | "compileExport">,
): Promise<{ features: FeaturesFn | null; compile: CompileFn | null }> {
  return {
    features: (await loadExport(setup.featuresModule, setup.featuresExport)) as FeaturesFn | null,
    compile: (await loadExport(setup.featuresModule, setup.compileExport)) as CompileFn | null,
  };
}

export async function createPool(options: PoolOptions): Promise<CleanPool> {
  if (options.workers <= 0) {
    const fns = await loadFeatures(options);
    // Loaded here only: with workers the cleaner (some 80 MB of modules and tables) lives in them alone.
    const { prepareArticle } = await import("./prepare.js");
    return inlinePool(prepareArticle, fns);
  }
  const setup: WorkerSetup = {
    featuresModule: options.featuresModule,
    featuresExport: options.featuresExport,
    compileExport: options.compileExport,
  };
  const workers = await Promise.all(Array.from({ length: options.workers }, () => startWorker(setup)));
  return workerPool(workers, setup);
}

function inlinePool(
  prepareArticle: typeof PrepareArticle,
  fns: { features: FeaturesFn | null; compile: CompileFn | null },
): CleanPool {
  return {
    async clean(page, hints) {
      try {
        return prepareArticle(page, hints, fns.features, fns.compile);
      } catch (err) {
        return { bad: `features failed: ${err instanceof Error ? err.message : String(err)}` };
      }
    },
    async close() {},
  };
}

interface Slot {
  worker: Worker;
  alive: boolean;
  pending: Map<number, (prepared: Prepared) => void>;
  /** Jobs given to this worker and not yet posted to it. */
  outbox: CleanJob[];
}

/**
 * Jobs posted to a worker in one message, at most. A message costs the main thread a wake-up of
 * the worker's thread whatever it carries, and one per page was a tenth of the main thread's time
 * at 100k articles; replies come back a batch to a message too. Jobs given between two turns of
 * the event loop go together, so a slow input is not held back waiting for a batch to fill.
 */
const JOBS_PER_MESSAGE = 32;

const WORKER_URL = new URL("./clean-worker.js", import.meta.url);

function startWorker(setup: WorkerSetup): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: setup });
    const onError = (err: Error) => reject(new Error(`cleaning worker failed to start: ${err.message}`));
    worker.once("error", onError);
    worker.once("message", () => {
      worker.off("error", onError);
      resolve(worker);
    });
  });
}

function workerPool(started: Worker[], setup: WorkerSetup): CleanPool {
  let nextJob = 0;
  let closing = false;
  const slots: Slot[] = started.map((worker) => ({ worker, alive: true, pending: new Map(), outbox: [] }));

  const post = (slot: Slot) => {
    if (slot.outbox.length === 0 || !slot.alive) return;
    slot.worker.postMessage(slot.outbox satisfies CleanJob[]);
    slot.outbox = [];
  };
  let flushQueued = false;
  const flushSoon = () => {
    if (flushQueued) return;
    flushQueued = true;
    setImmediate(() => {
      flushQueued = false;
      for (const slot of slots) post(slot);
    });
  };

  const attach = (slot: Slot) => {
    slot.worker.on("message", (replies: CleanReply[]) => {
      for (const reply of replies) {
        const resolve = slot.pending.get(reply.job);
        slot.pending.delete(reply.job);
        resolve?.(reply.prepared);
      }
    });
    // A worker that dies (out of memory on a pathological page) fails only the jobs it held;
    // a fresh worker takes its place.
    const onDeath = (why: string) => {
      if (!slot.alive) return;
      slot.alive = false;
      for (const resolve of slot.pending.values()) resolve({ bad: `cleaning worker died (${why})` });
      slot.pending.clear();
      slot.outbox = [];
      if (closing) return;
      startWorker(setup).then(
        (worker) => {
          slot.worker = worker;
          slot.alive = true;
          attach(slot);
        },
        () => {},
      );
    };
    slot.worker.once("error", (err) => onDeath(err.message));
    slot.worker.once("exit", (code) => {
      if (!closing) onDeath(`exit code ${code}`);
    });
  };
  slots.forEach(attach);

  return {
    clean(page, hints) {
      const job = nextJob++;
      // The least-loaded worker: one slow page does not hold up the pages queued behind it.
      let slot: Slot | null = null;
      for (const s of slots) if (s.alive && (slot === null || s.pending.size < slot.pending.size)) slot = s;
      if (slot === null) return Promise.resolve({ bad: "no cleaning worker is running (all died)" });
      const chosen = slot;
      return new Promise<Prepared>((resolve) => {
        chosen.pending.set(job, resolve);
        chosen.outbox.push({ job, page, hints });
        if (chosen.outbox.length >= JOBS_PER_MESSAGE) post(chosen);
        else flushSoon();
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
