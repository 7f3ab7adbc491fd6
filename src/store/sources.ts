/**
 * What `triangulate ingest` is given, turned into a stream of records: JSON lines files, WARC
 * files, and HTML/text pages (files or URLs, read through the project's ingest stage), with
 * directories walked for all three. Each record carries its stable identity, and each step of a
 * file carries the checkpoint a resumed run may restart from.
 */
import type { Stats } from "node:fs";
import { lstat, opendir, realpath, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
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

/** What a walk of the inputs met besides the files it yields. */
export interface WalkTally {
  /** Inputs that are not there or cannot be read, named. */
  failures: { source: string; reason: string }[];
  /** Files in walked directories that are none of the kinds ingest reads. */
  otherFiles: number;
}

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Directory entries fetched from the kernel per read: the listing is built in bounded steps. */
const LIST_BATCH = 256;

/** Entries of a directory looked up at once, ahead of the walk: a few per libuv thread. */
const STAT_AHEAD = 16;

export function kindOfName(name: string): InputKind | null {
  const lower = name.toLowerCase();
  if (/\.(?:jsonl|ndjson)(?:\.gz)?$/.test(lower)) return "jsonl";
  if (/\.warc(?:\.gz)?$/.test(lower)) return "warc";
  if (PAGE_EXTENSIONS.has(extname(lower))) return "page";
  return null;
}

/**
 * A directory's names in order, as JS compares strings (never by locale): by UTF-16 unit, which
 * is code-point order except for names mixing characters above U+FFFF with U+E000 to U+FFFF.
 */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A real directory the walk has entered: the entry being read, or null once read to the end. */
interface DirVisit {
  at: string | null;
  /** Whether its tree holds files of a kind ingest reads. */
  files: boolean;
}

/**
 * The inputs' files in order (a directory's files in code-point order, depth first), each file
 * once, found lazily: a directory is listed when the walk reaches it, so what is held at once is
 * one sorted listing of names per level of the path being walked, not the corpus.
 *
 * Each file once, by its real path. A real directory is walked once, under the first path that
 * reaches it (a symlinked directory, a cycle, inputs that overlap), so a file is met twice only
 * through a file symlink or a file named on the command line; those few are remembered by real
 * path, and whether such a file was already met in its own directory is told by where the walk of
 * that directory stands (finished, or past its name). What is remembered is one short entry per
 * directory walked, not per file.
 */
export async function* walkInputs(
  inputs: readonly string[],
  tally: WalkTally,
  signal?: AbortSignal,
): AsyncGenerator<CorpusFile> {
  const dirs = new Map<string, DirVisit>();
  /** Real paths of files taken under a name not their own: named inputs and symlinks. */
  const elsewhere = new Set<string>();
  const urls = new Set<string>();

  /** Whether the file at this real path has been taken already. */
  const takenBefore = (real: string): boolean => {
    if (elsewhere.has(real)) return true;
    const name = basename(real);
    // The walk of its directory passes over hidden names and names of no kind.
    if (name.startsWith(".") || kindOfName(name) === null) return false;
    const visit = dirs.get(dirname(real));
    if (visit === undefined) return false;
    return visit.at === null || byName(name, visit.at) < 0;
  };

  async function* walk(
    dir: string,
    knownReal: string | null,
    depth: number,
  ): AsyncGenerator<CorpusFile, boolean> {
    if (depth > MAX_WALK_DEPTH) {
      tally.failures.push({
        source: dir,
        reason: `directory nesting deeper than ${MAX_WALK_DEPTH} levels; not read`,
      });
      return false;
    }
    let real: string;
    try {
      real = knownReal ?? (await realpath(dir));
    } catch (err) {
      tally.failures.push({ source: dir, reason: describeFsError(err) });
      return false;
    }
    // Symlinked directories can form cycles, and inputs can overlap; each real directory is read once.
    const before = dirs.get(real);
    if (before !== undefined) return before.files;
    const visit: DirVisit = { at: "", files: false };
    dirs.set(real, visit);
    let names: string[];
    try {
      names = await listNames(dir);
    } catch (err) {
      visit.at = null;
      tally.failures.push({ source: dir, reason: describeFsError(err) });
      return false;
    }
    // The next few entries are looked up while this one is taken: the kernel answers them at once.
    const ahead: Promise<EntryInfo | null>[] = [];
    let asked = 0;
    for (const name of names) {
      if (signal?.aborted) break;
      visit.at = name;
      const child = join(dir, name);
      while (asked < names.length && ahead.length < STAT_AHEAD)
        ahead.push(entryInfo(join(dir, names[asked++]!)));
      const entry = await ahead.shift()!;
      // A dangling link inside a directory is not something the user asked for by name.
      if (entry === null) continue;
      const { info, linked } = entry;
      if (info.isDirectory()) {
        // A plain subdirectory's real path is known without asking: only a link needs resolving.
        if (yield* walk(child, linked ? null : join(real, name), depth + 1)) visit.files = true;
        continue;
      }
      if (!info.isFile()) continue;
      const kind = kindOfName(name);
      if (kind === null) {
        tally.otherFiles++;
        continue;
      }
      visit.files = true;
      if (linked) {
        let target: string;
        try {
          target = await realpath(child);
        } catch {
          continue;
        }
        if (takenBefore(target)) continue;
        elsewhere.add(target);
      } else if (elsewhere.size > 0 && elsewhere.has(join(real, name))) continue;
      yield fileOf(child, kind, info.size, info.mtimeMs);
    }
    visit.at = null;
    return visit.files;
  }

  for (const input of inputs) {
    if (signal?.aborted) return;
    if (URL_PATTERN.test(input)) {
      if (!/^https?:/i.test(input))
        tally.failures.push({ source: input, reason: "unsupported URL scheme (only http and https)" });
      else if (!urls.has(input)) {
        urls.add(input);
        yield { kind: "page", source: input, location: input, size: 0, mtimeMs: 0, url: true };
      }
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(input);
    } catch (err) {
      tally.failures.push({ source: input, reason: describeFsError(err) });
      continue;
    }
    if (info.isDirectory()) {
      if (!(yield* walk(input, null, 0))) {
        tally.failures.push({
          source: input,
          reason: "directory holds no .jsonl, .ndjson, .warc, .html or .txt files",
        });
      }
      continue;
    }
    if (!info.isFile()) {
      tally.failures.push({ source: input, reason: "not a regular file" });
      continue;
    }
    let real: string;
    try {
      real = await realpath(input);
    } catch (err) {
      tally.failures.push({ source: input, reason: describeFsError(err) });
      continue;
    }
    if (takenBefore(real)) continue;
    elsewhere.add(real);
    // A file named on the command line is read whatever its name; its content decides.
    yield fileOf(input, kindOfName(basename(input)) ?? "page", info.size, info.mtimeMs);
  }
}

interface EntryInfo {
  /** The entry's own, or for a symlink its target's. */
  info: Stats;
  linked: boolean;
}

/** What a directory entry is, following a symlink; null when it cannot be told (gone, dangling). */
async function entryInfo(path: string): Promise<EntryInfo | null> {
  try {
    const info = await lstat(path);
    return info.isSymbolicLink() ? { info: await stat(path), linked: true } : { info, linked: false };
  } catch {
    return null;
  }
}

/** A directory's names, hidden ones left out, sorted: read from the kernel LIST_BATCH entries at a time. */
async function listNames(dir: string): Promise<string[]> {
  const names: string[] = [];
  // Iterating closes the handle, at the end or on an error.
  for await (const entry of await opendir(dir, { bufferSize: LIST_BATCH })) {
    if (!entry.name.startsWith(".")) names.push(entry.name);
  }
  return names.sort(byName);
}

function fileOf(source: string, kind: InputKind, size: number, mtimeMs: number): CorpusFile {
  return { kind, source, location: resolve(source), size, mtimeMs: Math.trunc(mtimeMs), url: false };
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

/** Every record of every file, in order, with the checkpoints between them; the files taken as they come. */
export async function* readCorpus(
  files: AsyncIterable<CorpusFile>,
  hooks: SourceHooks,
): AsyncGenerator<Step> {
  let pageGroup: CorpusFile[] = [];
  for await (const file of files) {
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
