/**
 * The clusterer's key log in a temporary file, for `triangulate cluster` on inputs of any size:
 * a refinement round re-reads every article's keys, and a million articles' keys (about 2 KB
 * each) should not sit in memory. Records are written and read sequentially in large chunks.
 *
 * Record layout (little endian): doc u32, n u32, lead f64, published f64, p u32, latest year f64, n × key id
 * u32, n × tf f32, p × lead person key id u32.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DocKeys, KeyLog } from "../corpus/index.js";

const HEADER_BYTES = 36;
const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
const CHUNK_BYTES = 1 << 20;

function recordBytes(keys: number, people: number): number {
  return HEADER_BYTES + 8 * keys + 4 * people;
}

export class FileKeyLog implements KeyLog {
  private readonly dir: string;
  /** The log file, inside a directory of its own that close() removes. */
  readonly path: string;
  private fd: number;
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private written = 0;
  private closed = false;

  constructor(parent: string = tmpdir()) {
    this.dir = mkdtempSync(join(parent, "triangulate-keys-"));
    this.path = join(this.dir, "keys.bin");
    this.fd = openSync(this.path, "w+");
    // A run cut short (a closed pipe exits at once, Ctrl-C, kill) must not leave the file behind.
    process.once("exit", this.onExit);
    for (const signal of SIGNALS) process.once(signal, this.onSignal);
  }

  /** Bytes in the log. */
  get bytes(): number {
    return this.written + this.used;
  }

  append(keys: DocKeys): void {
    const n = keys.ids.length;
    const p = keys.people.length;
    const size = recordBytes(n, p);
    if (this.used + size > this.buffer.length) this.flush();
    if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(size);
    const b = this.buffer;
    let at = this.used;
    b.writeUInt32LE(keys.doc, at);
    b.writeUInt32LE(n, at + 4);
    b.writeDoubleLE(keys.lead, at + 8);
    b.writeDoubleLE(keys.published, at + 16);
    b.writeUInt32LE(p, at + 24);
    b.writeDoubleLE(keys.latestYear, at + 28);
    at += HEADER_BYTES;
    for (let i = 0; i < n; i++, at += 4) b.writeUInt32LE(keys.ids[i]!, at);
    for (let i = 0; i < n; i++, at += 4) b.writeFloatLE(keys.tf[i]!, at);
    for (let i = 0; i < p; i++, at += 4) b.writeUInt32LE(keys.people[i]!, at);
    this.used = at;
  }

  *replay(): Iterable<DocKeys> {
    this.flush();
    let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let have = 0; // bytes of chunk holding unread data, from 0
    let position = 0;
    for (;;) {
      const got = readSync(this.fd, chunk, have, chunk.length - have, position);
      position += got;
      have += got;
      let at = 0;
      while (have - at >= HEADER_BYTES) {
        const n = chunk.readUInt32LE(at + 4);
        const np = chunk.readUInt32LE(at + 24);
        const size = recordBytes(n, np);
        if (have - at < size) break;
        const ids = new Uint32Array(n);
        const tf = new Float32Array(n);
        const people = new Uint32Array(np);
        let p = at + HEADER_BYTES;
        for (let i = 0; i < n; i++, p += 4) ids[i] = chunk.readUInt32LE(p);
        for (let i = 0; i < n; i++, p += 4) tf[i] = chunk.readFloatLE(p);
        for (let i = 0; i < np; i++, p += 4) people[i] = chunk.readUInt32LE(p);
        yield {
          doc: chunk.readUInt32LE(at),
          ids,
          tf,
          lead: chunk.readDoubleLE(at + 8),
          published: chunk.readDoubleLE(at + 16),
          people,
          latestYear: chunk.readDoubleLE(at + 28),
        };
        at += size;
      }
      if (got === 0) {
        if (have - at > 0) throw new Error(`${this.path}: key log ends inside a record`);
        return;
      }
      // Keep the partial record at the front; grow the chunk when one record is larger.
      chunk.copy(chunk, 0, at, have);
      have -= at;
      if (have >= HEADER_BYTES) {
        const size = recordBytes(chunk.readUInt32LE(4), chunk.readUInt32LE(24));
        if (size > chunk.length) {
          const bigger = Buffer.allocUnsafe(size);
          chunk.copy(bigger, 0, 0, have);
          chunk = bigger;
        }
      }
    }
  }

  /** Deletes the file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    process.removeListener("exit", this.onExit);
    for (const signal of SIGNALS) process.removeListener(signal, this.onSignal);
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private readonly onExit = (): void => this.close();

  /** Cleans up, then lets the signal do what it would have done. */
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.close();
    process.kill(process.pid, signal);
  };

  private flush(): void {
    let off = 0;
    while (off < this.used) off += writeSync(this.fd, this.buffer, off, this.used - off, this.written + off);
    this.written += this.used;
    this.used = 0;
  }
}
