/**
 * `triangulate clean`: each input cleaned on its own, one JSON line per input. The evaluation
 * interface of the clean stage, and a way to see what the cleaner keeps and removes. Inputs are
 * streamed, so a directory of thousands of pages never sits in memory at once.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { cleanPage } from "../clean/index.js";
import { inputIdBase, streamInputs } from "../ingest/index.js";
import type { Article, InputFailure } from "../model/index.js";
import type { CliIO } from "./analyze.js";
import { EXIT_INPUT_FAILED, EXIT_OK } from "./analyze.js";
import { checkTargets, STDOUT, UsageError } from "./output.js";
import { createProgress } from "./progress.js";

export interface CleanFlags {
  jsonl?: string;
  quiet?: boolean;
  allowPrivateNetwork?: boolean;
}

/** One line of the output: the article's fields, in a fixed key order. */
export interface CleanRecord {
  id: string;
  source: string;
  outlet: string | null;
  title: string | null;
  byline: string | null;
  published: string | null;
  lang: string | null;
  body: string;
  removed: { kind: string; text: string }[];
  dek: string | null;
  dateline: string | null;
  /** Set when the input could not be read or cleaned; the line is still written, so lines match inputs. */
  error?: string;
}

export function toCleanRecord(article: Article): CleanRecord {
  return {
    id: article.id,
    source: article.source,
    outlet: article.outlet,
    title: article.title,
    byline: article.byline,
    published: article.published,
    lang: article.lang,
    body: article.body,
    removed: article.removed.map((r) => ({ kind: r.kind, text: r.text })),
    dek: article.dek,
    dateline: article.dateline,
  };
}

function failedRecord(failure: InputFailure, id: string): CleanRecord {
  return {
    id,
    source: failure.source,
    outlet: null,
    title: null,
    byline: null,
    published: null,
    lang: null,
    body: "",
    removed: [],
    dek: null,
    dateline: null,
    error: failure.reason,
  };
}

export async function cleanCommand(inputs: string[], flags: CleanFlags, io: CliIO): Promise<number> {
  if (flags.jsonl === undefined) throw new UsageError("clean needs --jsonl FILE (or --jsonl - for stdout)");
  checkTargets([{ flag: "--jsonl", path: flags.jsonl }]);
  const out: Writable = flags.jsonl === STDOUT ? io.stdout : createWriteStream(flags.jsonl);
  const progress = createProgress(io.stderr, flags.quiet ? "quiet" : "auto");
  let failed = 0;
  let written = 0;
  let total = 0;
  const write = async (record: CleanRecord) => {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, "drain");
    written++;
    if (total > 0) progress.update("clean", Math.min(written, total), total);
  };
  const fail = async (failure: InputFailure, id: string, verb: string) => {
    failed++;
    progress.note(`triangulate: cannot ${verb} ${failure.source}: ${failure.reason}`);
    await write(failedRecord(failure, id));
  };
  try {
    const stream = streamInputs(inputs, {
      allowPrivateNetwork: flags.allowPrivateNetwork === true,
      onProgress: ({ total: t }) => {
        if (total === 0) progress.update("clean", 0, t);
        total = t;
      },
    });
    for await (const item of stream) {
      if ("failure" in item) {
        await fail(item.failure, inputIdBase(item.failure.source), "read");
        continue;
      }
      let article: Article;
      try {
        article = cleanPage(item.page);
      } catch (err) {
        const reason = `clean failed: ${err instanceof Error ? err.message : String(err)}`;
        await fail({ source: item.page.source, reason }, item.page.id, "clean");
        continue;
      }
      await write(toCleanRecord(article));
    }
  } finally {
    progress.stop();
    if (out !== io.stdout) {
      out.end();
      await once(out, "close");
    }
  }
  return failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
}
