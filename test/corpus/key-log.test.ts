/** The cluster command's key log file: what goes in comes back, in order, across chunk boundaries. */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { describe, it } from "node:test";
import { FileKeyLog } from "../../src/cli/key-log.js";
import type { DocKeys } from "../../src/corpus/index.js";

function record(doc: number, n: number): DocKeys {
  const ids = new Uint32Array(n);
  const tf = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = (Math.imul(doc + 1, 2654435761) + i * 40503) >>> 0;
    tf[i] = 1 + Math.log(1 + ((doc + i) % 7));
  }
  return {
    doc,
    ids,
    tf,
    lead: doc % 3 === 0 ? Number.NaN : 16000 + doc,
    published: doc % 2 ? 16001 : Number.NaN,
    people: Uint32Array.from({ length: doc % 4 }, (_, i) => (doc * 7919 + i) >>> 0),
    latestYear: doc % 5 === 0 ? Number.NaN : 1990 + (doc % 30),
  };
}

describe("FileKeyLog", () => {
  it("replays every record exactly, in order, twice, across 1 MB chunks and a record larger than one", () => {
    const log = new FileKeyLog();
    // 3,000 records of 1–300 keys (about 3.6 MB), then one of 200,000 keys (1.6 MB), then more.
    const input: DocKeys[] = [];
    for (let d = 0; d < 3000; d++) input.push(record(d, 1 + ((d * 37) % 300)));
    input.push(record(3000, 200_000));
    input.push(record(3001, 0));
    for (let d = 3002; d < 3100; d++) input.push(record(d, 5));
    for (const r of input) log.append(r);
    try {
      for (let pass = 0; pass < 2; pass++) {
        const out = [...log.replay()];
        assert.equal(out.length, input.length);
        for (let i = 0; i < input.length; i++)
          assert.deepEqual(out[i], input[i], `record ${i}, pass ${pass}`);
      }
    } finally {
      log.close();
    }
  });

  it("removes its file on close", () => {
    const log = new FileKeyLog();
    log.append(record(0, 3));
    const dir = dirname(log.path);
    assert.ok(existsSync(dir));
    log.close();
    assert.ok(!existsSync(dir));
    log.close();
  });
});

describe("FileKeyLog when the run is cut short", () => {
  it("removes its file when the process is stopped by SIGTERM, and still dies of the signal", async () => {
    const { spawn } = await import("node:child_process");
    const { join: joinPath } = await import("node:path");
    const { REPO_ROOT } = await import("../paths.js");
    const module = joinPath(REPO_ROOT, "dist", "src", "cli", "key-log.js");
    const child = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const { FileKeyLog } = await import(${JSON.stringify(module)});
         const log = new FileKeyLog();
         log.append({ doc: 0, ids: new Uint32Array(2), tf: new Float32Array(2), lead: NaN, published: NaN, people: new Uint32Array(1) });
         console.log(log.path);
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const path = await new Promise<string>((resolve) =>
      child.stdout.once("data", (b: Buffer) => resolve(b.toString().trim())),
    );
    assert.ok(existsSync(path));
    const ended = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once("exit", (_code, signal) => resolve(signal)),
    );
    child.kill("SIGTERM");
    assert.equal(await ended, "SIGTERM");
    assert.ok(!existsSync(dirname(path)));
  });
});
