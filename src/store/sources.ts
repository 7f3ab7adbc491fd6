/**
 * What `triangulate ingest` is given, turned into a stream of records: JSON lines files, WARC
 * files, and HTML/text pages (files or URLs, read through the project's ingest stage), with
 * directories walked for all three. Each record carries its stable identity, and each step of a
 * file carries the checkpoint a resumed run may restart from.
 */
import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { describeFsError, PAGE_EXTENSIONS } from "../ingest/files.js";
import { type LoadOptions, streamInputs } from "../ingest/index.js";
import { readJsonl } from "../ingest/jsonl.js";
import { isRecordStart, readWarc } from "../ingest/warc.js";
import type { RawRecord } from "./types.js";

/** Deeper trees are a mistaken path (a home directory, a mount), not a corpus; stop there. */
const MAX_WALK_DEPTH = 32;

/** Why a page file is passed over: an earlier run settled it. */
export const ALREADY_INGESTED = "already ingested";

/** Pages handed to the ingest stage at once: it reads a few at a time within each group. */
const PAGE_GROUP = 64;

export type InputKind = "jsonl" | "warc" | "page";

export interface CorpusFile {
  kind: InputKind;
  /** As given or as found in a walked directory: how messages name it. */
  source: string;
  /** Absolute path, or the URL. */
  location: string;
  size: number;
  mtimeMs: number;
  url: boolean;
}

export interface Expanded {
  files: CorpusFile[];
  /** Inputs that are not there or cannot be read, named. */
  failures: { source: string; reason: string }[];
  /** Files in walked directories that are none of the kinds ingest reads. */
  otherFiles: number;
}

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;

export function kindOfName(name: string): InputKind | null {
  const lower = name.toLowerCase();
  if (/\.(?:jsonl|ndjson)(?:\.gz)?$/.test(lower)) return "jsonl";
  if (/\.warc(?:\.gz)?$/.test(lower)) return "warc";
  if (PAGE_EXTENSIONS.has(extname(lower))) return "page";
  return null;
}

/** The inputs as a list of files in order (a directory's files in code-point order, depth first); each file once. */
export async function expandInputs(inputs: readonly string[]): Promise<Expanded> {
  const out: Expanded = { files: [], failures: [], otherFiles: 0 };
  const seen = new Set<string>();
  const add = (file: CorpusFile) => {
    if (seen.has(file.location)) return;
    seen.add(file.location);
    out.files.push(file);
  };
  for (const input of inputs) {
    if (URL_PATTERN.test(input)) {
      if (/^https?:/i.test(input))
        add({ kind: "page", source: input, location: input, size: 0, mtimeMs: 0, url: true });
      else out.failures.push({ source: input, reason: "unsupported URL scheme (only http and https)" });
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(input);
    } catch (err) {
      out.failures.push({ source: input, reason: describeFsError(err) });
      continue;
    }
    if (info.isDirectory()) {
      const found = { files: 0 };
      await walk(input, 0, new Set(), out, (file) => {
        found.files++;
        add(file);
      });
      if (found.files === 0) {
        out.failures.push({
          source: input,
          reason: "directory holds no .jsonl, .ndjson, .warc, .html or .txt files",
        });
      }
      continue;
    }
    if (!info.isFile()) {
      out.failures.push({ source: input, reason: "not a regular file" });
      continue;
    }
    // A file named on the command line is read whatever its name; its content decides.
    add(fileOf(input, kindOfName(basename(input)) ?? "page", info.size, info.mtimeMs));
  }
  return out;
}

function fileOf(source: string, kind: InputKind, size: number, mtimeMs: number): CorpusFile {
  return { kind, source, location: resolve(source), size, mtimeMs: Math.trunc(mtimeMs), url: false };
}

async function walk(
  dir: string,
  depth: number,
  visited: Set<string>,
  out: Expanded,
  add: (file: CorpusFile) => void,
): Promise<void> {
  if (depth > MAX_WALK_DEPTH) {
    out.failures.push({
      source: dir,
      reason: `directory nesting deeper than ${MAX_WALK_DEPTH} levels; not read`,
    });
    return;
  }
  let entries: Dirent[];
  try {
    const real = await realpath(dir);
    // Symlinked directories can form cycles; each real directory is read once.
    if (visited.has(real)) return;
    visited.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    out.failures.push({ source: dir, reason: describeFsError(err) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const child = join(dir, entry.name);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(child);
    } catch {
      // A dangling link inside a directory is not something the user asked for by name.
      continue;
    }
    if (info.isDirectory()) await walk(child, depth + 1, visited, out, add);
    else if (info.isFile()) {
      const kind = kindOfName(entry.name);
      if (kind === null) out.otherFiles++;
      else add(fileOf(child, kind, info.size, info.mtimeMs));
    }
  }
}

/** Where a resumed run may restart a source, as known after some record of it. */
export interface Position {
  offset: number;
  line: number;
  /** Set for WARC positions: the record expected at offset, checked before the offset is trusted. */
  recordId: string | null;
}

/** A source being read, as the committer tracks it. */
export interface OpenSource {
  id: number;
  file: CorpusFile;
  /** Last checkpoint known to be a valid restart point. */
  verified: { offset: number; line: number };
}

export type Step =
  | { type: "record"; record: RawRecord; source: OpenSource | null; position: Position | null; bytes: number }
  | { type: "end"; source: OpenSource; bytes: number }
  /** A whole file skipped because an earlier run finished it. */
  | { type: "finished-before"; file: CorpusFile };

/** The checkpoint to store for a source after the record at `position` is settled. */
export function checkpointFor(
  source: OpenSource,
  position: Position | null,
): { offset: number; line: number } {
  if (position === null) return source.verified;
  if (source.file.kind === "warc") {
    if (position.recordId === null || position.offset === source.verified.offset) return source.verified;
    if (!isRecordStart(source.file.location, position.offset, position.recordId)) return source.verified;
  }
  source.verified = { offset: position.offset, line: position.line };
  return source.verified;
}

export interface SourceHooks {
  /** The store's row for this file version (created if new). */
  open(file: CorpusFile): { id: number; resumeOffset: number; resumeLine: number; finished: boolean };
  /** Whether a record with this key was settled by an earlier run. */
  settled(key: string): boolean;
  loadOptions: LoadOptions;
}

/** Every record of every file, in order, with the checkpoints between them. */
export async function* readCorpus(files: readonly CorpusFile[], hooks: SourceHooks): AsyncGenerator<Step> {
  let pageGroup: CorpusFile[] = [];
  for (const file of files) {
    if (file.kind === "page") {
      pageGroup.push(file);
      if (pageGroup.length >= PAGE_GROUP) {
        yield* readPages(pageGroup, hooks);
        pageGroup = [];
      }
      continue;
    }
    if (pageGroup.length > 0) {
      yield* readPages(pageGroup, hooks);
      pageGroup = [];
    }
    const row = hooks.open(file);
    if (row.finished) {
      yield { type: "finished-before", file };
      continue;
    }
    const source: OpenSource = {
      id: row.id,
      file,
      verified: { offset: row.resumeOffset, line: row.resumeLine },
    };
    yield* file.kind === "jsonl" ? readJsonlSource(source) : readWarcSource(source);
    yield { type: "end", source, bytes: file.size };
  }
  if (pageGroup.length > 0) yield* readPages(pageGroup, hooks);
}

/** A page file's identity: path, size and time (an edited file is a new record); a URL's is the URL. */
function pageKey(file: CorpusFile): string {
  return file.url ? `url:${file.location}` : `file:${file.location}|${file.size}|${file.mtimeMs}`;
}

async function* readPages(group: CorpusFile[], hooks: SourceHooks): AsyncGenerator<Step> {
  const todo: CorpusFile[] = [];
  for (const file of group) {
    if (hooks.settled(pageKey(file))) {
      yield {
        type: "record",
        record: { kind: "ignored", reason: ALREADY_INGESTED },
        source: null,
        position: null,
        bytes: file.size,
      };
    } else todo.push(file);
  }
  if (todo.length === 0) return;
  const bySource = new Map(todo.map((f) => [f.source, f]));
  for await (const item of streamInputs(
    todo.map((f) => f.source),
    hooks.loadOptions,
  )) {
    const source = "page" in item ? item.page.source : item.failure.source;
    const file = bySource.get(source);
    const key = file ? pageKey(file) : `file:${resolve(source)}`;
    const bytes = file?.size ?? 0;
    if ("failure" in item) {
      const record: RawRecord = {
        kind: "bad",
        key,
        name: source,
        reason: item.failure.reason,
        transient: true,
      };
      yield { type: "record", record, source: null, position: null, bytes };
      continue;
    }
    const record: RawRecord = { kind: "page", key, name: source, page: item.page, hints: {} };
    yield { type: "record", record, source: null, position: null, bytes };
  }
}

async function* readJsonlSource(source: OpenSource): AsyncGenerator<Step> {
  const { file } = source;
  const start = source.verified;
  for await (const line of readJsonl(file.location, start)) {
    const key = `j${source.id}:${line.line}`;
    const name = `${file.source} line ${line.line}`;
    const position: Position = { offset: line.end, line: line.line, recordId: null };
    const bytes = Math.min(line.bytesRead, file.size);
    const r = line.result;
    let record: RawRecord;
    if ("blank" in r) record = { kind: "ignored", reason: "blank line" };
    else if ("bad" in r) record = { kind: "bad", key, name, reason: r.bad };
    else record = { kind: "page", key, name, page: r.page, hints: r.hints };
    yield { type: "record", record, source, position, bytes };
  }
}

async function* readWarcSource(source: OpenSource): AsyncGenerator<Step> {
  const { file } = source;
  for await (const item of readWarc(file.location, source.verified.offset)) {
    // WARC-Record-ID names a capture wherever the file lies; a record without one is named by place.
    const key = item.recordId ? `warc:${item.recordId}` : `w${source.id}@${item.offset}/${item.index}`;
    const name = `${file.source} record at offset ${item.offset}${item.url ? ` (${item.url})` : ""}`;
    const position: Position = { offset: item.offset, line: 0, recordId: item.recordId };
    // The record's own offset: the reader's read-ahead would run the bar ahead of the records.
    const bytes = Math.min(item.offset, file.size);
    const r = item.result;
    let record: RawRecord;
    if ("ignored" in r) record = { kind: "ignored", reason: r.ignored };
    else if ("bad" in r)
      record = { kind: "bad", key: `w${source.id}@${item.offset}/${item.index}`, name, reason: r.bad };
    else record = { kind: "page", key, name, page: r.page, hints: r.hints };
    yield { type: "record", record, source, position, bytes };
  }
}
