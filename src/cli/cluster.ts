/**
 * `triangulate cluster IN.jsonl --out OUT.jsonl`: stories of a file of articles, without a
 * database (the evaluation interface of the corpus clusterer). Each input line is a JSON object
 * with `id` (or `doc_id`), `text`, and optional `title`, `published` (ISO 8601) and `url`; each
 * output line is `{ "id", "story" }` in input order, plus `duplicateOf` or `nearDuplicateOf`
 * when the article copies an earlier one. Lines that are not such objects are named on stderr,
 * skipped, and counted; the exit status is then 1.
 *
 * The file is read line by line and each article is clustered as it comes, except that the
 * first WARMUP_DOCS articles are held back and their term statistics counted first, so that the
 * first stories are scored with settled IDF weights (the clusterer's observe/add). Then, once
 * every article is in, the clusterer's refinement rounds let each article be judged against
 * all the stories (StoryClusterer.refine), with the articles' keys kept in a temporary file, and
 * the lines are written. With --online there is no refinement and each line is written as soon
 * as its article is clustered (for a stream that never ends, or to see stories form).
 */
import { once } from "node:events";
import { createReadStream, createWriteStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { type Added, WarmFeeder } from "../corpus/batch.js";
import { type CorpusDoc, docFeatures, StoryClusterer } from "../corpus/index.js";
import { type CliIO, EXIT_INPUT_FAILED, EXIT_OK } from "./analyze.js";
import { FileKeyLog } from "./key-log.js";
import { checkTargets, STDOUT, UsageError } from "./output.js";
import { createStepProgress, refineSteps } from "./progress.js";

export interface ClusterFlags {
  out?: string;
  quiet?: boolean;
  /** One pass, no refinement: each line written as soon as its article is clustered. */
  online?: boolean;
}

export { WARMUP_DOCS } from "../corpus/batch.js";

/** Bad lines named one by one; past this many only the count is reported. */
const MAX_NAMED_BAD_LINES = 20;
/** A line longer than this is refused unparsed: no article needs 50 MB of JSON. */
const MAX_LINE_CHARS = 50_000_000;
/** Progress lines at most this often. */
const PROGRESS_EVERY_MS = 2_000;

export interface ClusterLine {
  id: string;
  story: string;
  duplicateOf?: string;
  nearDuplicateOf?: string;
}

/** The article of one input line, or the reason it is not one. */
export function parseDocLine(line: string): CorpusDoc | { error: string } {
  if (line.length > MAX_LINE_CHARS) return { error: `line longer than ${MAX_LINE_CHARS} characters` };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { error: `not JSON (${(err as Error).message})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { error: "not a JSON object" };
  const o = value as Record<string, unknown>;
  const rawId = o.id ?? o.doc_id;
  if (typeof rawId !== "string" && typeof rawId !== "number") return { error: 'no "id" or "doc_id"' };
  const id = String(rawId);
  if (id === "") return { error: "empty id" };
  if (typeof o.text !== "string") return { error: `${id}: no "text" string` };
  const optional = (name: string): string | null | { error: string } => {
    const v = o[name];
    if (v === undefined || v === null) return null;
    return typeof v === "string" ? v : { error: `${id}: "${name}" is not a string` };
  };
  const title = optional("title");
  const published = optional("published");
  const url = optional("url");
  for (const v of [title, published, url]) if (v !== null && typeof v === "object") return v;
  return {
    id,
    text: o.text,
    title: title as string | null,
    published: published as string | null,
    url: url as string | null,
  };
}

export async function clusterCommand(input: string, flags: ClusterFlags, io: CliIO): Promise<number> {
  if (flags.out === undefined) throw new UsageError("cluster needs --out FILE (or --out - for stdout)");
  checkTargets([{ flag: "--out", path: flags.out }]);
  let size = 0;
  if (input !== STDOUT) {
    try {
      const st = statSync(input);
      if (!st.isFile()) throw new UsageError(`${input}: not a file`);
      size = st.size;
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError(`${input}: cannot read (${(err as NodeJS.ErrnoException).code ?? "error"})`);
    }
  }
  const source: Readable = input === STDOUT ? process.stdin : createReadStream(input, { encoding: "utf8" });
  const out: Writable = flags.out === STDOUT ? io.stdout : createWriteStream(flags.out);
  const quiet = flags.quiet === true;
  const note = (s: string) => io.stderr.write(`triangulate: ${s}\n`);

  const online = flags.online === true;
  const keyLog = online ? null : new FileKeyLog();
  const clusterer = new StoryClusterer({}, keyLog);
  let bad = 0;
  let lineNo = 0;
  let written = 0;
  let bytes = 0;
  const started = Date.now();
  let lastReport = started;
  const feeder = new WarmFeeder(clusterer);

  const emit = async (line: ClusterLine) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, "drain");
    written++;
  };
  const write = async (added: readonly Added[]) => {
    if (!online) return; // written once refined
    for (const { id, result: r } of added) {
      const line: ClusterLine = { id, story: r.story };
      if (r.duplicateOf !== null) line.duplicateOf = r.duplicateOf;
      if (r.nearDuplicateOf !== null) line.nearDuplicateOf = r.nearDuplicateOf;
      await emit(line);
    }
  };
  const refineAndWrite = async () => {
    if (keyLog === null) return;
    if (!quiet)
      note(`cluster: ${clusterer.docCount} articles read; refining ${clusterer.storyCount} stories`);
    const steps = createStepProgress(io.stderr, {
      quiet,
      prefix: "triangulate: cluster: ",
      plainEveryMs: PROGRESS_EVERY_MS,
    });
    const moved = clusterer.refine(undefined, refineSteps(steps));
    steps.stop();
    if (!quiet) {
      note(
        `cluster: refinement moved ${moved.join(", ")} articles in ${moved.length} round(s), split ${clusterer.splitStoryCount} stories led by two people and merged ${clusterer.mergedStoryCount} stories into others, moved ${clusterer.adoptedCount} articles left alone into a story`,
      );
    }
    for (let doc = 0; doc < clusterer.docCount; doc++) {
      const line: ClusterLine = { id: clusterer.idOf(doc), story: clusterer.storyOf(doc) };
      const copy = clusterer.copyOfDoc(doc);
      if (copy !== null) line[clusterer.isNearCopy(doc) ? "nearDuplicateOf" : "duplicateOf"] = copy;
      await emit(line);
    }
  };
  const progress = () => {
    const now = Date.now();
    if (quiet || now - lastReport < PROGRESS_EVERY_MS) return;
    lastReport = now;
    const share = size > 0 ? ` (${Math.min(100, (100 * bytes) / size).toFixed(0)}%)` : "";
    const state = feeder.warming ? "counting term statistics" : `${clusterer.storyCount} stories`;
    note(`cluster: ${lineNo} lines read${share}, ${state}, ${((now - started) / 1000).toFixed(1)} s`);
  };

  const readAll = async () => {
    try {
      const lines = createInterface({ input: source, crlfDelay: Number.POSITIVE_INFINITY });
      for await (const line of lines) {
        lineNo++;
        bytes += Buffer.byteLength(line, "utf8") + 1;
        if (line.trim() === "") continue;
        const doc = parseDocLine(line);
        if ("error" in doc) {
          bad++;
          if (bad <= MAX_NAMED_BAD_LINES) note(`${input} line ${lineNo}: skipped: ${doc.error}`);
          continue;
        }
        await write(feeder.push(doc.id, docFeatures(doc)));
        progress();
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === undefined) throw err;
      note(`${input}: cannot read past line ${lineNo}: ${(err as Error).message}`);
      bad++;
    }
    // Also after a read error: the articles read before it are clustered and written.
    await write(feeder.end());
  };

  try {
    await readAll();
    await refineAndWrite();
  } finally {
    keyLog?.close();
    if (out !== io.stdout) {
      out.end();
      await once(out, "close");
    }
  }
  if (bad > MAX_NAMED_BAD_LINES) note(`${input}: ${bad - MAX_NAMED_BAD_LINES} more bad lines not named`);
  if (!quiet || bad > 0) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    note(
      `cluster: ${written} articles in ${clusterer.liveStoryCount()} stories` +
        (bad > 0 ? `, ${bad} bad line${bad === 1 ? "" : "s"} skipped` : "") +
        ` (${seconds} s)`,
    );
  }
  return bad > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
}
