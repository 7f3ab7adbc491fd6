/** Worker thread of the ingest pool: pages in, prepared article rows out (see prepare.ts). */
import { parentPort, workerData } from "node:worker_threads";
import type { Page } from "../model/index.js";
import { loadFeatures } from "./pool.js";
import { type Prepared, prepareArticle } from "./prepare.js";
import type { RecordHints } from "./types.js";

export interface WorkerSetup {
  featuresModule: string | null;
  featuresExport: string | null;
  compileExport: string | null;
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
  const { features, compile } = await loadFeatures(setup);
  // Jobs come a batch to a message (pool.ts, JOBS_PER_MESSAGE), and their replies go back together.
  port.on("message", (jobs: CleanJob[]) => {
    const replies: CleanReply[] = [];
    for (const job of jobs) {
      let prepared: Prepared;
      try {
        prepared = prepareArticle(job.page, job.hints, features, compile);
      } catch (err) {
        // prepareArticle catches the cleaner's errors; this is the clusterer's features failing.
        prepared = { bad: `features failed: ${err instanceof Error ? err.message : String(err)}` };
      }
      replies.push({ job: job.job, prepared });
    }
    port.postMessage(replies);
  });
  port.postMessage({ ready: true });
}
