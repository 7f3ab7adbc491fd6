/** Worker thread of the ingest pool: pages in, prepared article rows out (see prepare.ts). */
import { parentPort, workerData } from "node:worker_threads";
import type { Page } from "../model/index.js";
import { type FeaturesFn, type Prepared, prepareArticle } from "./prepare.js";
import type { RecordHints } from "./types.js";

export interface WorkerSetup {
  featuresModule: string | null;
  featuresExport: string | null;
}

export interface CleanJob {
  job: number;
  page: Page;
  hints: RecordHints;
}

export interface CleanReply {
  job: number;
  prepared: Prepared;
}

/** Loads the clusterer's features function named by module URL and export. */
export async function loadFeatures(module: string | null, name: string | null): Promise<FeaturesFn | null> {
  if (module === null || name === null) return null;
  const loaded = (await import(module)) as Record<string, unknown>;
  const fn = loaded[name];
  if (typeof fn !== "function") throw new Error(`${module} has no function export ${name}`);
  return fn as FeaturesFn;
}

if (parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  const features = await loadFeatures(setup.featuresModule, setup.featuresExport);
  port.on("message", (job: CleanJob) => {
    let prepared: Prepared;
    try {
      prepared = prepareArticle(job.page, job.hints, features);
    } catch (err) {
      // prepareArticle catches the cleaner's errors; this is the clusterer's features failing.
      prepared = { bad: `features failed: ${err instanceof Error ? err.message : String(err)}` };
    }
    port.postMessage({ job: job.job, prepared } satisfies CleanReply);
  });
  port.postMessage({ ready: true });
}
