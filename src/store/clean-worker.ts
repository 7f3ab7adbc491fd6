/** Worker thread of the ingest pool: pages in, prepared article rows out (see prepare.ts). */
import { parentPort, workerData } from "node:worker_threads";
import type { Page } from "../model/index.js";
import { loadFeatures } from "./pool.js";
import { type Prepared, prepareArticle } from "./prepare.js";
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
