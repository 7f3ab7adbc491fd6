/** `triangulate read`, spawned: one JSON line per input; --raw offsets into the file's own text. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { ReadRecord } from "../../src/cli/read.js";
import { FIXTURES_DIR, REPO_ROOT } from "../paths.js";

const MAIN = join(REPO_ROOT, "dist", "src", "cli", "main.js");
const WIRE = join(FIXTURES_DIR, "cli", "wire.txt");

function triangulate(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 55_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("triangulate read", { timeout: 60_000 }, () => {
  it("--raw: quotes with speaker and cue, offsets into the file's text", () => {
    const r = triangulate("read", "--raw", WIRE, "--jsonl", "-", "-q");
    assert.equal(r.status, 0, r.stderr);
    const record = JSON.parse(r.stdout.trim()) as ReadRecord;
    const text = readFileSync(WIRE, "utf8");
    assert.equal(record.id, "wire");
    const q = record.quotes.find((x) => x.text.startsWith("We cannot wait"));
    assert.ok(q, JSON.stringify(record.quotes));
    assert.equal(text.slice(q.start, q.end), q.text);
    assert.equal(q.speaker, "Peter Lindqvist");
    assert.equal(text.slice(q.cueStart ?? 0, q.cueEnd ?? 0), "told");
    assert.equal(record.body, undefined, "raw lines carry no body: the file is the text");
  });

  it("without --raw, cleans first and carries the clean body the offsets point into", () => {
    const r = triangulate("read", WIRE, "--jsonl", "-", "-q");
    assert.equal(r.status, 0, r.stderr);
    const record = JSON.parse(r.stdout.trim()) as ReadRecord;
    assert.ok(record.body?.startsWith("The city council"));
    for (const q of record.quotes) assert.equal(record.body?.slice(q.start, q.end), q.text);
  });

  it("refuses to run without --jsonl (exit 2)", () => {
    assert.equal(triangulate("read", "--raw", WIRE).status, 2);
  });
});
