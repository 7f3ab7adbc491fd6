/** `triangulate clean`, spawned as a user runs it: one JSON line per input, in input order, failures named. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { CleanRecord } from "../../src/cli/clean.js";
import { FIXTURES_DIR, REPO_ROOT } from "../paths.js";

const MAIN = join(REPO_ROOT, "dist", "src", "cli", "main.js");
const WIRE = join(FIXTURES_DIR, "cli", "wire.txt");
const FORUM = join(FIXTURES_DIR, "clean-text", "forum-nested-thread.txt");

function triangulate(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 55_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function lines(text: string): CleanRecord[] {
  return text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as CleanRecord);
}

describe("triangulate clean", { timeout: 60_000 }, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-clean-"));
    writeFileSync(join(dir, "empty.txt"), "");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("writes one line per input with the article fields, in input order", () => {
    const out = join(dir, "out.jsonl");
    const r = triangulate("clean", WIRE, FORUM, "--jsonl", out, "--quiet");
    assert.equal(r.status, 0, r.stderr);
    const [wire, forum] = lines(readFileSync(out, "utf8"));
    assert.equal(wire?.id, "wire");
    assert.equal(wire?.title, "Council approves 12 million euro flood barrier after months of delay");
    assert.equal(wire?.byline, "Maria Keller");
    assert.equal(wire?.dateline, "HAMBURG, March 3 (Wire)");
    assert.match(wire?.body ?? "", /^The city council on Tuesday approved/);
    assert.equal(forum?.id, "forum-nested-thread");
    assert.equal(forum?.published, "2024-01-08T06:41:10");
    assert.ok(forum?.removed.some((x) => x.kind === "comments" && /sick child/.test(x.text)));
    assert.deepEqual(Object.keys(wire ?? {}).slice(0, 9), [
      "id",
      "source",
      "outlet",
      "title",
      "byline",
      "published",
      "lang",
      "body",
      "removed",
    ]);
  });

  it("still writes a line for an unreadable input, names it on stderr and exits 1", () => {
    const r = triangulate("clean", join(dir, "empty.txt"), WIRE, "--jsonl", "-", "--quiet");
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cannot read .*empty\.txt: empty file/);
    const [empty, wire] = lines(r.stdout);
    assert.equal(empty?.id, "empty");
    assert.equal(empty?.body, "");
    assert.match(empty?.error ?? "", /empty file/);
    assert.equal(wire?.id, "wire");
  });

  it("refuses to run without --jsonl (exit 2)", () => {
    const r = triangulate("clean", WIRE);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--jsonl/);
  });
});
