/**
 * Web archives: `.warc` and `.warc.gz` files as crawlers (Common Crawl's news crawl, Heritrix,
 * wget, browsertrix) write them. Records are framed by webrecorder's warcio; what they carry is
 * judged here: response (and resource) records with an HTML or text payload become pages,
 * everything else is counted and passed over.
 *
 * Damage is contained to the record it hits. Each record's block is checked against its
 * Content-Length and, when the record has one, its WARC-Block-Digest; a record that fails, or
 * whose headers are not a WARC record's, is named by offset, and reading restarts at the next
 * record boundary after it (the next gzip member in a `.warc.gz`, the next `WARC/` line in a
 * `.warc`). A file cut off mid-record ends with that record named as truncated.
 */
import { createHash } from "node:crypto";
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { open, stat } from "node:fs/promises";
import { brotliDecompressSync, constants, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";
import { WARCParser, type WARCRecord } from "warcio";
import { MAX_INPUT_BYTES } from "../limits.js";
import type { Page } from "../model/index.js";
import { charsetFromContentType, decodePage } from "./decode.js";
import { formatFromContentType, urlId } from "./index.js";

/** HTTP headers longer than this are not headers but a corrupt block. */
const MAX_HTTP_HEADER_BYTES = 64 * 1024;

/** Read size for the archive and for boundary scans: large enough to amortise syscalls, small in memory. */
const READ_CHUNK_BYTES = 1024 * 1024;

/** A page payload larger than this (after transfer decoding) is refused: the per-input bound of ingest. */
const MAX_PAGE_BYTES = MAX_INPUT_BYTES;

const GZIP_MAGIC = [0x1f, 0x8b, 0x08] as const;
const WARC_LINE = Buffer.from("WARC/", "latin1");

export interface WarcHints {
  /** When the page was fetched (WARC-Date, else HTTP Date), ISO 8601. */
  crawled: string | null;
}

export type WarcResult = { page: Page; hints: WarcHints } | { bad: string } | { ignored: string };

export interface WarcItem {
  /** Byte offset of the record in the file (of its gzip member, in a .warc.gz). */
  offset: number;
  /** Index among records that share this offset: 0 unless one gzip member holds several records. */
  index: number;
  /** Bytes of the file read so far, for progress. */
  bytesRead: number;
  /** The record's target URL, when its headers were readable. */
  url: string | null;
  /** WARC-Record-ID, when its headers were readable: the record's identity. */
  recordId: string | null;
  result: WarcResult;
}

/** Records not worth a line each in a summary: request, metadata, warcinfo, ... */
const PASSED_OVER_TYPES = new Set(["request", "metadata", "warcinfo", "conversion", "continuation"]);

/**
 * The records of a WARC file from `startOffset` (which must be a record boundary: 0, or an
 * offset this function reported). Bad records yield `{ bad }` and reading goes on. Throws only
 * when the file cannot be opened or read.
 */
export async function* readWarc(path: string, startOffset = 0): AsyncGenerator<WarcItem> {
  const size = (await stat(path)).size;
  const gzipped = await hasGzipMagic(path, 0);
  let at = startOffset;
  while (at < size) {
    const run = parseRun(path, at);
    let step = await run.next();
    while (!step.done) {
      yield step.value;
      step = await run.next();
    }
    const failure = step.value;
    if (failure === null) return;
    const next = await findBoundary(path, failure.offset + 1, gzipped);
    const reason =
      failure.reason ??
      (next === null
        ? gzipped
          ? "gzip member is truncated or corrupt (the file ends inside it)"
          : "truncated or unreadable data at the end of the file"
        : gzipped
          ? `corrupt gzip member (${next - failure.offset} bytes skipped)`
          : `unreadable data (${next - failure.offset} bytes skipped)`);
    yield {
      offset: failure.offset,
      index: failure.index,
      bytesRead: next ?? size,
      url: failure.url,
      recordId: failure.recordId,
      result: { bad: reason },
    };
    if (next === null) return;
    at = next;
  }
}

interface RunFailure {
  offset: number;
  index: number;
  url: string | null;
  recordId: string | null;
  /** Null when the parser simply stopped short of the end: the reason is told by what follows. */
  reason: string | null;
}

/**
 * One warcio parser from `start` until the end of the file (returns null) or the first damage
 * (returns where it is). A fresh parser per run: once warcio meets a broken gzip member it
 * reads the rest of the file as uncompressed, so it cannot be carried past damage.
 */
async function* parseRun(path: string, start: number): AsyncGenerator<WarcItem, RunFailure | null> {
  const size = (await stat(path)).size;
  // warcio reads a header block until its blank line: over bytes that are no WARC record at all
  // (a mislabelled file, a false gzip boundary) that could be the whole file. Look first.
  if (recordHeadAt(path, start) === null) {
    return {
      offset: start,
      index: 0,
      url: null,
      recordId: null,
      reason: start === 0 ? "not a WARC file (no WARC/ record at its start)" : null,
    };
  }
  const stream = createReadStream(path, { start, highWaterMark: READ_CHUNK_BYTES });
  const parser = new WARCParser(stream, { parseHttp: false });
  let lastOffset = -1;
  let index = 0;
  try {
    while (true) {
      let record: WARCRecord | null;
      try {
        record = await parser.parse();
      } catch (err) {
        return {
          offset: start + parser.offset,
          index: 0,
          url: null,
          recordId: null,
          reason: `unreadable record headers: ${(err as Error).message}`,
        };
      }
      if (record === null) break;
      const offset = start + parser.offset;
      index = offset === lastOffset ? index + 1 : 0;
      lastOffset = offset;
      const url = record.warcTargetURI ?? null;
      const recordId = record.warcHeader("WARC-Record-ID") ?? null;
      let examined: Examined;
      try {
        examined = await examineRecord(record, path, offset, url);
      } catch (err) {
        return { offset, index, url, recordId, reason: `unreadable record: ${(err as Error).message}` };
      }
      if ("damaged" in examined) return { offset, index, url, recordId, reason: examined.damaged };
      yield { offset, index, url, recordId, bytesRead: start + stream.bytesRead, result: examined.result };
    }
    const end = start + parser.offset;
    // warcio stops without a word at a broken or truncated gzip member; the bytes it did not
    // account for are the damage.
    return end < size ? { offset: end, index: 0, url: null, recordId: null, reason: null } : null;
  } finally {
    stream.destroy();
  }
}

type Examined = { result: WarcResult } | { damaged: string };

/** What one record is. Reads its block in full (or streams past it), so warcio never has to skip it. */
async function examineRecord(
  record: WARCRecord,
  path: string,
  offset: number,
  url: string | null,
): Promise<Examined> {
  const statusline = record.warcHeaders.statusline;
  if (!/^WARC\/\d/.test(statusline)) {
    return { damaged: `not a WARC record (starts with ${JSON.stringify(statusline.slice(0, 40))})` };
  }
  const type = record.warcType;
  const declared = record.warcContentLength;
  if (!type) return { damaged: "WARC record without WARC-Type" };
  if (!Number.isFinite(declared) || declared < 0)
    return { damaged: "WARC record without a valid Content-Length" };
  const wanted = type === "response" || type === "resource";
  const block = await readBlock(record, wanted ? MAX_PAGE_BYTES + MAX_HTTP_HEADER_BYTES : 0);
  if (block.length < declared) {
    return { damaged: `truncated ${type} record (${block.length} of ${declared} bytes)` };
  }
  if (!wanted) {
    if (type === "revisit") return { result: { ignored: "revisit record (no payload)" } };
    return {
      result: { ignored: PASSED_OVER_TYPES.has(type) ? `${type} record` : `${type} record (unknown type)` },
    };
  }
  if (block.bytes === null) {
    // Too big to be a page; say so only if its headers claim it is one (a video is just passed over).
    const http = type === "response" ? parseHttpResponse(block.head) : null;
    const contentType =
      http && "headers" in http
        ? (http.headers.get("content-type") ?? null)
        : (record.warcContentType ?? null);
    if (formatFromContentType(contentType) !== "html" && formatFromContentType(contentType) !== "text") {
      return { result: { ignored: `not HTML (${mediaType(contentType) || "no Content-Type"})` } };
    }
    return {
      result: { bad: `${type} record of ${declared} bytes is over the ${MAX_PAGE_BYTES}-byte page limit` },
    };
  }
  const digestProblem = checkDigest(record.warcBlockDigest ?? null, block.bytes);
  if (digestProblem) return { damaged: digestProblem };
  const crawled = isoDate(record.warcDate ?? null);
  if (type === "resource") {
    return { result: pageFrom(block.bytes, record.warcContentType ?? null, url, path, offset, crawled) };
  }
  const http = parseHttpResponse(block.bytes);
  if ("bad" in http) return { result: http };
  if (http.status < 200 || http.status > 299) return { result: { ignored: `HTTP ${http.status}` } };
  const body = decodeBody(http.body, http.headers);
  if ("bad" in body) return { result: body };
  return {
    result: pageFrom(
      body.bytes,
      http.headers.get("content-type") ?? null,
      url,
      path,
      offset,
      crawled ?? isoDate(http.headers.get("date") ?? null),
    ),
  };
}

interface Block {
  /** The block, or null when it was longer than the limit (then only counted). */
  bytes: Uint8Array | null;
  /** Its first bytes (up to the longest HTTP header), kept whatever its length. */
  head: Uint8Array;
  length: number;
}

/** The record's block, streamed: kept up to keepLimit bytes, counted beyond. */
async function readBlock(record: WARCRecord, keepLimit: number): Promise<Block> {
  const chunks: Uint8Array[] = [];
  const headChunks: Uint8Array[] = [];
  let headLength = 0;
  let length = 0;
  let kept = keepLimit > 0;
  for await (const chunk of record.reader) {
    length += chunk.length;
    if (kept && length <= keepLimit) chunks.push(chunk);
    else {
      kept = false;
      chunks.length = 0;
    }
    if (headLength < MAX_HTTP_HEADER_BYTES && keepLimit > 0) {
      headChunks.push(chunk.subarray(0, MAX_HTTP_HEADER_BYTES - headLength));
      headLength += headChunks[headChunks.length - 1]!.length;
    }
  }
  // Read in full: warcio's own skip would loop forever on a record the file cuts short.
  record.consumed = "raw";
  return {
    bytes: kept ? Buffer.concat(chunks, length) : null,
    head: Buffer.concat(headChunks, headLength),
    length,
  };
}

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Why the block does not match its WARC-Block-Digest, or null (also when there is none, or an unknown algorithm). */
export function checkDigest(digest: string | null, block: Uint8Array): string | null {
  if (!digest) return null;
  const colon = digest.indexOf(":");
  if (colon < 0) return null;
  const algorithm = digest.slice(0, colon).toLowerCase().replace("-", "");
  const expected = digest.slice(colon + 1).trim();
  if (!["sha1", "sha256", "sha512", "md5"].includes(algorithm)) return null;
  const actual = createHash(algorithm).update(block).digest();
  const matches =
    expected.length === actual.length * 2
      ? expected.toLowerCase() === actual.toString("hex")
      : base32Decode(expected)?.equals(actual) === true;
  return matches ? null : `block does not match its WARC-Block-Digest (${algorithm})`;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/=+$/, "").toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const v = BASE32.indexOf(ch);
    if (v < 0) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

interface HttpResponse {
  status: number;
  headers: Map<string, string>;
  body: Uint8Array;
}

/** An HTTP response block: status line, headers (names lower-cased; later ones win), body. */
export function parseHttpResponse(block: Uint8Array): HttpResponse | { bad: string } {
  const bytes = Buffer.from(block.buffer, block.byteOffset, block.byteLength);
  const head = bytes.subarray(0, Math.min(bytes.length, MAX_HTTP_HEADER_BYTES));
  let end = head.indexOf("\r\n\r\n");
  let sep = 4;
  if (end < 0) {
    end = head.indexOf("\n\n");
    sep = 2;
  }
  if (end < 0) return { bad: "HTTP response without the end of its headers" };
  const lines = head.subarray(0, end).toString("latin1").split(/\r?\n/);
  const status = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b/.exec(lines[0] ?? "");
  if (!status) return { bad: `not an HTTP response (${JSON.stringify((lines[0] ?? "").slice(0, 40))})` };
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(status[1]), headers, body: bytes.subarray(end + sep) };
}

/** Undoes chunked transfer coding and gzip/deflate/br content coding, bounded by the page limit. */
function decodeBody(body: Uint8Array, headers: Map<string, string>): { bytes: Uint8Array } | { bad: string } {
  let bytes = body;
  if (/\bchunked\b/i.test(headers.get("transfer-encoding") ?? "")) bytes = dechunk(bytes) ?? bytes;
  const coding = (headers.get("content-encoding") ?? "").trim().toLowerCase();
  if (coding === "" || coding === "identity" || coding === "none" || bytes.length === 0) return { bytes };
  const limits = { maxOutputLength: MAX_PAGE_BYTES };
  try {
    if (coding === "gzip" || coding === "x-gzip") {
      // Crawlers often store the payload already decoded but keep the header: trust the bytes.
      return {
        bytes: bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1] ? gunzipSync(bytes, limits) : bytes,
      };
    }
    if (coding === "deflate") {
      try {
        return { bytes: inflateSync(bytes, limits) };
      } catch {
        return { bytes: inflateRawSync(bytes, limits) };
      }
    }
    if (coding === "br") return { bytes: brotliDecompressSync(bytes, limits) };
  } catch (err) {
    return { bad: `payload cannot be decoded (Content-Encoding ${coding}: ${(err as Error).message})` };
  }
  return { bad: `unsupported Content-Encoding ${coding}` };
}

/** Chunked transfer coding undone, or null when the body is not validly chunked (then taken as is). */
function dechunk(body: Uint8Array): Uint8Array | null {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const parts: Buffer[] = [];
  let at = 0;
  let total = 0;
  while (at < bytes.length) {
    const lineEnd = bytes.indexOf("\r\n", at);
    if (lineEnd < 0) return null;
    const size = Number.parseInt(bytes.subarray(at, lineEnd).toString("latin1").split(";")[0]!.trim(), 16);
    if (!Number.isFinite(size) || size < 0) return null;
    if (size === 0) return Buffer.concat(parts, total);
    const from = lineEnd + 2;
    if (from + size > bytes.length) return null;
    parts.push(bytes.subarray(from, from + size));
    total += size;
    at = from + size + 2;
  }
  return Buffer.concat(parts, total);
}

/** The payload as a page, or why it is not one. */
function pageFrom(
  bytes: Uint8Array,
  contentType: string | null,
  url: string | null,
  path: string,
  offset: number,
  crawled: string | null,
): WarcResult {
  if (bytes.length === 0) return { ignored: "empty payload" };
  const declared = formatFromContentType(contentType);
  const type = mediaType(contentType);
  if (declared === "refuse") return { ignored: `not HTML (${type})` };
  // Only an absent or generic type is sniffed; any other named type (CSS, JSON, scripts) is not a page.
  if (declared === null && type !== "" && type !== "application/octet-stream")
    return { ignored: `not HTML (${type})` };
  const decoded = decodePage(bytes, declared, charsetFromContentType(contentType));
  if ("refused" in decoded) return { bad: `undecodable page: ${decoded.refused}` };
  if (declared === null && decoded.format !== "html")
    return { ignored: `not HTML (${type || "no Content-Type"})` };
  const pageUrl = httpUrl(url);
  const page: Page = {
    id: pageUrl ? urlId(pageUrl) : `${offset}`,
    source: pageUrl ?? `${path}@${offset}`,
    format: decoded.format,
    content: decoded.text,
    encoding: decoded.encoding,
    encodingEvidence: decoded.evidence,
    url: pageUrl,
  };
  return { page, hints: { crawled } };
}

function httpUrl(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** An ISO 8601 date-time from a WARC-Date or an HTTP date, or null. */
function isoDate(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace(/\.000Z$/, "Z");
}

async function hasGzipMagic(path: string, offset: number): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const buf = Buffer.alloc(GZIP_MAGIC.length);
    const { bytesRead } = await handle.read(buf, 0, buf.length, offset);
    return bytesRead === buf.length && GZIP_MAGIC.every((b, i) => buf[i] === b);
  } finally {
    await handle.close();
  }
}

/**
 * The first record boundary at or after `from`: a gzip member header (magic, deflate, no
 * reserved flag bits) in a compressed file, a line starting `WARC/` in an uncompressed one.
 * Null when there is none before the end of the file.
 */
export async function findBoundary(path: string, from: number, gzipped: boolean): Promise<number | null> {
  const handle = await open(path, "r");
  try {
    const size = (await handle.stat()).size;
    const overlap = 8;
    const buf = Buffer.alloc(READ_CHUNK_BYTES + overlap);
    // Scan from one byte early so a `WARC/` line start can see the newline before it.
    let pos = Math.max(0, from - 1);
    while (pos < size) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      const view = buf.subarray(0, bytesRead);
      const found = gzipped ? findGzipHeader(view) : findWarcLine(view, pos === 0);
      if (found >= 0 && pos + found >= from) return pos + found;
      if (found >= 0) {
        // A match before `from` (only possible at the first byte): look again just past it.
        pos += found + 1;
        continue;
      }
      if (pos + bytesRead >= size) break;
      pos += bytesRead - overlap;
    }
    return null;
  } finally {
    await handle.close();
  }
}

function findGzipHeader(view: Buffer): number {
  let i = view.indexOf(GZIP_MAGIC[0]);
  while (i >= 0 && i + 3 < view.length) {
    if (view[i + 1] === GZIP_MAGIC[1] && view[i + 2] === GZIP_MAGIC[2] && (view[i + 3]! & 0xe0) === 0)
      return i;
    i = view.indexOf(GZIP_MAGIC[0], i + 1);
  }
  return -1;
}

function findWarcLine(view: Buffer, atFileStart: boolean): number {
  if (atFileStart && view.subarray(0, WARC_LINE.length).equals(WARC_LINE)) return 0;
  let i = view.indexOf(WARC_LINE);
  while (i >= 0) {
    if (i > 0 && view[i - 1] === 0x0a) return i;
    i = view.indexOf(WARC_LINE, i + 1);
  }
  return -1;
}

/** Bytes read at an offset to see the record header there: more than any record's WARC header block. */
const HEAD_PROBE_BYTES = 64 * 1024;

/**
 * Compressed bytes inflated to see a gzipped record's header. The header is the first few
 * hundred bytes of the member; 4 KiB of deflate input inflates to at most about 4 MiB
 * (deflate's ratio is bounded near 1:1032), within HEAD_INFLATE_LIMIT, so the probe never fails
 * on a large, well-compressed record.
 */
const HEAD_PROBE_GZIP_BYTES = 4 * 1024;
const HEAD_INFLATE_LIMIT = 8 * 1024 * 1024;

/** The WARC header block (latin1) of the record at `offset`, or null when no record starts there. */
export function recordHeadAt(path: string, offset: number): string | null {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return null;
  }
  try {
    const probe = Buffer.alloc(HEAD_PROBE_BYTES);
    const read = readSync(fd, probe, 0, probe.length, offset);
    let head = probe.subarray(0, read);
    if (findGzipHeader(head) === 0) {
      const deflateStart = gzipHeaderLength(head);
      if (deflateStart === null) return null;
      try {
        // Raw inflate of this member only (gunzip would run on into the next, perhaps damaged,
        // one); the probe ends mid-member, and a sync flush returns what inflates so far.
        head = inflateRawSync(head.subarray(deflateStart, deflateStart + HEAD_PROBE_GZIP_BYTES), {
          finishFlush: constants.Z_SYNC_FLUSH,
          maxOutputLength: HEAD_INFLATE_LIMIT,
        });
      } catch {
        return null;
      }
    }
    if (!head.subarray(0, WARC_LINE.length).equals(WARC_LINE)) return null;
    const headerEnd = head.indexOf("\r\n\r\n");
    return head
      .subarray(0, headerEnd < 0 ? Math.min(head.length, MAX_HTTP_HEADER_BYTES) : headerEnd)
      .toString("latin1");
  } finally {
    closeSync(fd);
  }
}

/** Length of a gzip member's header (RFC 1952: fixed part, then optional extra, name, comment, CRC), or null if cut short. */
function gzipHeaderLength(bytes: Uint8Array): number | null {
  const flags = bytes[3] ?? 0;
  let at = 10;
  if (flags & 0x04) at += 2 + ((bytes[10] ?? 0) | ((bytes[11] ?? 0) << 8));
  for (const bit of [0x08, 0x10]) {
    if (!(flags & bit)) continue;
    while (at < bytes.length && bytes[at] !== 0) at++;
    at++;
  }
  if (flags & 0x02) at += 2;
  return at < bytes.length ? at : null;
}

/**
 * Whether reading from `offset` starts with the record `recordId`, so a resumed run may seek
 * there. warcio reports a record's offset exactly when each gzip member holds one record (as
 * every common writer does); when one member holds several, a reported offset can point past
 * records not yet read, and this check turns it down.
 */
export function isRecordStart(path: string, offset: number, recordId: string): boolean {
  const header = recordHeadAt(path, offset);
  if (header === null) return false;
  return /^WARC-Record-ID:[ \t]*(.*?)[ \t]*\r?$/im.exec(header)?.[1] === recordId;
}
