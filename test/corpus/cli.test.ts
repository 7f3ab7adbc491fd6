/** `triangulate cluster`, spawned on a small JSON-lines fixture written to a temp dir. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { REPO_ROOT } from "../paths.js";
import { ORIGINAL, QUAKE_A, QUAKE_B, QUAKE_B_RECALL, REPOST } from "./fixtures.js";

const MAIN = join(REPO_ROOT, "dist", "src", "cli", "main.js");
const dir = mkdtempSync(join(tmpdir(), "triangulate-cluster-test-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function triangulate(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 55_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function lines(text: string): { id: string; story: string; nearDuplicateOf?: string }[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l));
}

const GOOD = [
  ...QUAKE_A.map((d) => JSON.stringify({ id: d.id, title: d.title, text: d.text })),
  ...QUAKE_B.map((d) => JSON.stringify({ doc_id: d.id, text: d.text, published: "2014-10-15", url: null })),
  JSON.stringify({ id: ORIGINAL.id, text: ORIGINAL.text }),
  JSON.stringify({ id: REPOST.id, text: REPOST.text, url: "https://example.org/bridge" }),
];

describe("triangulate cluster", { timeout: 60_000 }, () => {
  it("writes { id, story } in input order; same-kind events apart; near copies linked", () => {
    const input = join(dir, "in.jsonl");
    writeFileSync(input, `${GOOD.join("\n")}\n`);
    const out = join(dir, "out.jsonl");
    const r = triangulate("cluster", input, "--out", out, "-q");
    assert.equal(r.status, 0, r.stderr);
    const got = lines(readFileSync(out, "utf8"));
    assert.deepEqual(
      got.map((l) => l.id),
      ["a1", "a2", "a3", "b1", "b2", "b3", "orig", "repost"],
    );
    const story = new Map(got.map((l) => [l.id, l.story]));
    assert.equal(story.get("a1"), story.get("a3"));
    assert.equal(story.get("b1"), story.get("b3"));
    assert.notEqual(story.get("a1"), story.get("b1"));
    assert.equal(got.find((l) => l.id === "repost")!.nearDuplicateOf, "orig");
    assert.match(got[0]!.story, /^s\d{6,}$/);
  });

  it("refines the stories once all articles are in; --online writes each line as it is decided", () => {
    const input = join(dir, "recall.jsonl");
    const docs = [...QUAKE_A, QUAKE_B_RECALL, ...QUAKE_B];
    writeFileSync(input, `${docs.map((d) => JSON.stringify({ id: d.id, text: d.text })).join("\n")}\n`);
    const refined = triangulate("cluster", input, "--out", "-");
    assert.equal(refined.status, 0, refined.stderr);
    const story = new Map(lines(refined.stdout).map((l) => [l.id, l.story]));
    assert.equal(story.get("b0"), story.get("b1"));
    assert.notEqual(story.get("b0"), story.get("a1"));
    assert.match(refined.stderr, /refinement moved 1, 0 articles in 2 round/);
    assert.match(refined.stderr, /7 articles in 2 stories/);
    const online = triangulate("cluster", input, "--out", "-", "--online", "-q");
    assert.equal(online.status, 0, online.stderr);
    const first = new Map(lines(online.stdout).map((l) => [l.id, l.story]));
    assert.equal(first.get("b0"), first.get("a1"));
  });

  it("shows each step of the refinement on stderr, a line as it ends when stderr is not a terminal; -q silences it", () => {
    const input = join(dir, "steps.jsonl");
    const docs = [...QUAKE_A, QUAKE_B_RECALL, ...QUAKE_B];
    writeFileSync(input, `${docs.map((d) => JSON.stringify({ id: d.id, text: d.text })).join("\n")}\n`);
    const shown = triangulate("cluster", input, "--out", "-");
    assert.equal(shown.status, 0, shown.stderr);
    const steps = shown.stderr
      .split("\n")
      .filter((l) => /^triangulate: cluster: (round|merging|placing)/.test(l));
    assert.deepEqual(
      steps.map((l) => l.replace(/ \(\d+\.\d s\)$/, "")),
      [
        "triangulate: cluster: round 1: 7/7 articles, 1 moved",
        "triangulate: cluster: round 2: 7/7 articles, 0 moved",
        "triangulate: cluster: merging stories alike: 2/2 stories, 0 merged",
        "triangulate: cluster: placing lone articles: 7/7 articles, 0 moved",
      ],
    );
    const quiet = triangulate("cluster", input, "--out", "-", "-q");
    assert.equal(quiet.status, 0, quiet.stderr);
    assert.equal(quiet.stderr, "");
    assert.equal(quiet.stdout, shown.stdout);
  });

  it("names bad lines on stderr, skips them, and exits 1; the good lines still come out", () => {
    const input = join(dir, "bad.jsonl");
    writeFileSync(input, [GOOD[0], "{not json", '{"id":"x"}', "[1,2]", "", GOOD[1]].join("\n"));
    const r = triangulate("cluster", input, "--out", "-", "-q");
    assert.equal(r.status, 1);
    assert.deepEqual(
      lines(r.stdout).map((l) => l.id),
      ["a1", "a2"],
    );
    assert.match(r.stderr, /line 2: skipped: not JSON/);
    assert.match(r.stderr, /line 3: skipped: x: no "text" string/);
    assert.match(r.stderr, /line 4: skipped: not a JSON object/);
    assert.match(r.stderr, /3 bad lines skipped/);
  });

  it("gives the same output on every run", () => {
    const input = join(dir, "in.jsonl");
    assert.equal(
      triangulate("cluster", input, "--out", "-", "-q").stdout,
      triangulate("cluster", input, "--out", "-", "-q").stdout,
    );
  });

  it("exits 2 for bad usage: no --out, a missing input, an output in a missing directory", () => {
    const input = join(dir, "in.jsonl");
    assert.equal(triangulate("cluster", input).status, 2);
    assert.equal(triangulate("cluster", join(dir, "absent.jsonl"), "--out", "-").status, 2);
    assert.equal(triangulate("cluster", input, "--out", join(dir, "no", "such", "out.jsonl")).status, 2);
  });
});
