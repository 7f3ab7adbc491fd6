/**
 * The cleaning pool: pages are cleaned (and featurised) in worker threads while the main
 * thread reads inputs and commits to the store. With no workers the same work runs inline.
 */
import { Worker } from "node:worker_threads";
import type { Page } from "../model/index.js";
import type { CleanJob, CleanReply, WorkerSetup } from "./clean-worker.js";
import type { FeaturesFn, prepareArticle as PrepareArticle, Prepared } from "./prepare.js";
import type { RecordHints } from "./types.js";

export interface CleanPool {
  clean(page: Page, hints: RecordHints): Promise<Prepared>;
  close(): Promise<void>;
}

export interface PoolOptions {
  workers: number;
  featuresModule: string | null;
  featuresExport: string | null;
}

/** Loads the clusterer's features function named by module URL and export. */
export async function loadFeatures(module: string | null, name: string | null): Promise<FeaturesFn | null> {
  if (module === null || name === null) return null;
  const loaded = (await import(module)) as Record<string, unknown>;
  const fn = loaded[name];
  if (typeof fn !== "function") throw new Error(`${module} has no function export ${name}`);
  return fn as FeaturesFn;
}

export async function createPool(options: PoolOptions): Promise<CleanPool> {
  if (options.workers <= 0) {
    const features = await loadFeatures(options.featuresModule, options.featuresExport);
    // Loaded here only: with workers the cleaner (some 80 MB of modules and tables) lives in them alone.
    const { prepareArticle } = await import("./prepare.js");
    return inlinePool(prepareArticle, features);
  }
  const setup: WorkerSetup = {
    featuresModule: options.featuresModule,
    featuresExport: options.featuresExport,
  };
  const workers = await Promise.all(Array.from({ length: options.workers }, () => startWorker(setup)));
  return workerPool(workers, setup);
}

function inlinePool(prepareArticle: typeof PrepareArticle, features: FeaturesFn | null): CleanPool {
  return {
    async clean(page, hints) {
      try {
        return prepareArticle(page, hints, features);
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
}

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
  const slots: Slot[] = started.map((worker) => ({ worker, alive: true, pending: new Map() }));

  const attach = (slot: Slot) => {
    slot.worker.on("message", (reply: CleanReply) => {
      const resolve = slot.pending.get(reply.job);
      slot.pending.delete(reply.job);
      resolve?.(reply.prepared);
    });
    // A worker that dies (out of memory on a pathological page) fails only the jobs it held;
    // a fresh worker takes its place.
    const onDeath = (why: string) => {
      if (!slot.alive) return;
      slot.alive = false;
      for (const resolve of slot.pending.values()) resolve({ bad: `cleaning worker died (${why})` });
      slot.pending.clear();
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
        chosen.worker.postMessage({ job, page, hints } satisfies CleanJob);
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
