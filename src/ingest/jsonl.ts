/**
 * JSON lines corpora: one article a line, `{"id", "url", "title", "text" | "html", "published"}`.
 * Read as a stream (a corpus never sits in memory), each line with its byte offset and number so
 * a bad line is named and a resumed run can seek to where it stopped. `.jsonl.gz` is read through
 * gunzip (and cannot be seeked: a resumed run reads it again from the start).
 */
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { MAX_INPUT_BYTES } from "../limits.js";
import type { Page } from "../model/index.js";
import { normalizeNewlines } from "./decode.js";

/**
 * Longest line read; a longer one is skipped (and named) without being held in memory. A line
 * is one article with its HTML: the per-input bound of the rest of ingest, not more.
 */
export const MAX_JSONL_LINE_BYTES = MAX_INPUT_BYTES;

/** Read size: large enough that per-chunk overhead vanishes, small against the memory bound. */
const READ_CHUNK_BYTES = 1024 * 1024;

export interface JsonlHints {
  externalId: string | null;
  title: string | null;
  published: string | null;
  /** The line gave the article's `text` (not its `html`): text someone already took out of a page. */
  textGiven: boolean;
}

export type JsonlResult = { page: Page; hints: JsonlHints } | { bad: string } | { blank: true };

export interface JsonlLine {
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's first byte (in the decompressed stream for .gz). */
  offset: number;
  /** Byte offset just past the line's newline: where a resumed run continues. */
  end: number;
  /** Bytes of the file read so far (compressed bytes for .gz), for progress. */
  bytesRead: number;
  result: JsonlResult;
}

export interface JsonlStart {
  /** Byte offset of a line start to begin at (ignored for .gz, which is read from the start). */
  offset: number;
  /** Line number of the line at offset, minus one. */
  line: number;
}

export function isGzipPath(path: string): boolean {
  return /\.gz$/i.test(path);
}

/**
 * The lines of a JSON lines file from `start`, parsed. Never throws for bad content: a bad line
 * yields `{ bad }` and reading goes on; a gzip stream that breaks off yields one last `{ bad }`.
 * Throws only when the file cannot be opened or read.
 */
export async function* readJsonl(
  path: string,
  start: JsonlStart = { offset: 0, line: 0 },
): AsyncGenerator<JsonlLine> {
  const gz = isGzipPath(path);
  const from = gz ? { offset: 0, line: 0 } : start;
  const file = createReadStream(path, { start: from.offset, highWaterMark: READ_CHUNK_BYTES });
  // pipeline destroys the gunzip stream with the file's error too, so the loop below sees both.
  const bytes: AsyncIterable<Buffer> = gz ? pipeline(file, createGunzip(), () => {}) : file;

  let lineNo = from.line;
  /** Offset of the first byte of the line being gathered. */
  let lineStart = from.offset;
  /** Offset of the first byte of the current chunk. */
  let chunkStart = from.offset;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let oversized = false;
  // Progress in file bytes: the compressed bytes read for .gz; else the bytes up to the line (reads run ahead).
  const bytesRead = (lineEnd: number) => (gz ? file.bytesRead : lineEnd);

  const finishLine = (lineEnd: number, terminated: boolean): JsonlLine => {
    lineNo++;
    const line = { line: lineNo, offset: lineStart, end: lineEnd, bytesRead: bytesRead(lineEnd) };
    lineStart = lineEnd;
    const wasOversized = oversized;
    const raw = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    oversized = false;
    if (wasOversized) return { ...line, result: { bad: `line longer than ${MAX_JSONL_LINE_BYTES} bytes` } };
    const text = new StringDecoder("utf8").end(raw);
    return { ...line, result: parseJsonlLine(text, path, lineNo, terminated) };
  };

  try {
    for await (const chunk of bytes) {
      let from = 0;
      while (from < chunk.length) {
        const nl = chunk.indexOf(0x0a, from);
        const stop = nl < 0 ? chunk.length : nl;
        if (!oversized) {
          if (pendingBytes + (stop - from) > MAX_JSONL_LINE_BYTES) {
            // Dropped as it streams past: an oversized line costs no memory.
            oversized = true;
            pending = [];
            pendingBytes = 0;
          } else if (stop > from) {
            pending.push(chunk.subarray(from, stop));
            pendingBytes += stop - from;
          }
        }
        if (nl < 0) break;
        yield finishLine(chunkStart + nl + 1, true);
        from = nl + 1;
      }
      chunkStart += chunk.length;
    }
  } catch (err) {
    if (!gz) throw err;
    const reason = `gzip stream is truncated or corrupt after line ${lineNo} (${(err as Error).message})`;
    yield {
      line: lineNo + 1,
      offset: lineStart,
      end: lineStart,
      bytesRead: bytesRead(lineStart),
      result: { bad: reason },
    };
    return;
  }
  if (pendingBytes > 0 || oversized) yield finishLine(chunkStart, false);
}

/** Fields a record may carry. */
type JsonlFields = Partial<Record<"id" | "url" | "title" | "text" | "html" | "published", unknown>>;

/** A field of the wrong type: the line is bad, the message says which field. */
class BadField extends Error {}

/**
 * One line → a page with the record's own metadata, or the reason it is not one. Blank lines
 * are not records. `terminated` is false for a last line without a newline: a parse failure
 * there is most likely a file cut off mid-write, and is named so.
 */
export function parseJsonlLine(text: string, path: string, line: number, terminated = true): JsonlResult {
  const trimmed = text.trim();
  if (trimmed === "") return { blank: true };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (err) {
    const why = (err as Error).message;
    return { bad: terminated ? `not valid JSON (${why})` : `last line is cut off (not valid JSON: ${why})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { bad: "not a JSON object" };
  try {
    return recordOf(value as JsonlFields, path, line);
  } catch (err) {
    if (err instanceof BadField) return { bad: err.message };
    throw err;
  }
}

function recordOf(fields: JsonlFields, path: string, line: number): JsonlResult {
  const html = stringField(fields, "html");
  const content = html ?? stringField(fields, "text");
  const id = idField(fields);
  if (content === null) return { bad: 'no "text" or "html" field' };
  if (content.trim() === "") return { bad: "no text (only whitespace)" };
  if (content.length > MAX_INPUT_BYTES) {
    return { bad: `text of ${content.length} characters is over the ${MAX_INPUT_BYTES} limit` };
  }
  const url = httpUrl(stringField(fields, "url"));
  const page: Page = {
    id: id ?? `line-${line}`,
    source: url ?? `${path}:${line}`,
    format: html !== null ? "html" : "text",
    content: normalizeNewlines(content),
    encoding: "utf-8",
    encodingEvidence: "default",
    url,
  };
  return {
    page,
    hints: {
      externalId: id,
      title: cleanField(stringField(fields, "title")),
      published: cleanField(stringField(fields, "published")),
      textGiven: html === null,
    },
  };
}

function stringField(fields: JsonlFields, name: keyof JsonlFields): string | null {
  const value = fields[name];
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  throw new BadField(`field "${name}" must be a string`);
}

function idField(fields: JsonlFields): string | null {
  const value = fields.id;
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number") return String(value);
  throw new BadField('field "id" must be a string or a number');
}

function cleanField(value: string | null): string | null {
  const trimmed = value?.replace(/\s+/g, " ").trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/** The URL if it is an absolute http(s) URL; anything else is not an address the cleaner can use. */
function httpUrl(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
