/** Hand-made corpus inputs for the store tests: WARC records written byte by byte, JSON lines. */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type Database from "better-sqlite3";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export interface WarcSpec {
  type?: "response" | "request" | "resource" | "metadata" | "warcinfo" | "revisit";
  url?: string;
  date?: string;
  /** Record id; default derived from url and an ordinal. */
  id?: string;
  /** HTTP status line and headers for response records. */
  status?: string;
  httpHeaders?: Record<string, string>;
  /** Payload (HTTP body for responses, the block for others). */
  body: string | Buffer;
  /** Content-Type of the WARC record itself (resource records). */
  contentType?: string;
  /** Write a WARC-Block-Digest (default true). */
  digest?: boolean;
  /** Lie about the block: flip a byte after computing the digest. */
  corruptAfterDigest?: boolean;
}

let ordinal = 0;

/** One WARC record, uncompressed, with its trailing blank lines. */
export function warcRecord(spec: WarcSpec): Buffer {
  const type = spec.type ?? "response";
  const body = typeof spec.body === "string" ? Buffer.from(spec.body, "utf8") : spec.body;
  let block = body;
  if (type === "response") {
    const headers = { "Content-Type": "text/html; charset=utf-8", ...spec.httpHeaders };
    const head = `${spec.status ?? "HTTP/1.1 200 OK"}\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("")}\r\n`;
    block = Buffer.concat([Buffer.from(head, "latin1"), body]);
  }
  const digest = `sha1:${base32(createHash("sha1").update(block).digest())}`;
  if (spec.corruptAfterDigest) {
    block = Buffer.from(block);
    block[block.length - 3] = (block[block.length - 3]! + 1) & 0xff;
  }
  const id = spec.id ?? `<urn:uuid:00000000-0000-4000-8000-${String(++ordinal).padStart(12, "0")}>`;
  const contentType =
    spec.contentType ?? (type === "response" ? "application/http; msgtype=response" : "text/plain");
  const lines = [
    "WARC/1.0",
    `WARC-Type: ${type}`,
    `WARC-Record-ID: ${id}`,
    `WARC-Date: ${spec.date ?? "2016-10-01T12:00:00Z"}`,
    ...(spec.url ? [`WARC-Target-URI: ${spec.url}`] : []),
    `Content-Type: ${contentType}`,
    ...(spec.digest === false ? [] : [`WARC-Block-Digest: ${digest}`]),
    `Content-Length: ${block.length}`,
  ];
  return Buffer.concat([
    Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"),
    block,
    Buffer.from("\r\n\r\n"),
  ]);
}

/** A WARC file: one gzip member per record (as crawlers write them), or plain. */
export function warcFile(specs: WarcSpec[], gzip: boolean): { bytes: Buffer; offsets: number[] } {
  const parts = specs.map((s) => (gzip ? gzipSync(warcRecord(s)) : warcRecord(s)));
  const offsets: number[] = [];
  let at = 0;
  for (const p of parts) {
    offsets.push(at);
    at += p.length;
  }
  return { bytes: Buffer.concat(parts), offsets };
}

/** A news page in HTML with a distinct body per n. */
export function newsHtml(n: number, extra = ""): string {
  return `<!doctype html><html><head><title>Council vote ${n} | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet"></head><body><article><h1>Council vote ${n}</h1>
<p>The city council approved plan number ${n} on Tuesday after a long debate about the flood barrier and its cost.</p>
<p>"We have waited long enough," the mayor said, adding that work on section ${n} would start in spring.</p>
${extra}</article></body></html>`;
}

/** A JSON lines record. */
export function jsonlRecord(n: number, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: `doc-${n}`,
    url: `https://outlet${n % 7}.example/news/${n}`,
    title: `Storm ${n} closes the harbour`,
    text: `The harbour of town ${n} was closed on Monday as storm ${n} brought winds of ${60 + (n % 40)} km/h.\n\nOfficials said ferries would resume on Wednesday if the wind eased, and that ${n} boats had been moved.`,
    published: `2024-01-${String(1 + (n % 28)).padStart(2, "0")}`,
    ...fields,
  });
}

/** A query's rows, each as a JSON string, so two stores' tables compare with deepEqual. */
export function rowsAsJson(db: Database.Database, sql: string): string[] {
  return db
    .prepare(sql)
    .raw()
    .all()
    .map((r) => JSON.stringify(r));
}
