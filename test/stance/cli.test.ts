/** `triangulate stance`, spawned on small hand-written FNC-1-format files. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { parseStances } from "../../src/stance/csv.js";
import { FIXTURES_DIR, REPO_ROOT } from "../paths.js";

const MAIN = join(REPO_ROOT, "dist", "src", "cli", "main.js");
const DIR = join(FIXTURES_DIR, "stance");
const BODIES = join(DIR, "bodies.csv");
const STANCES = join(DIR, "stances.csv");

function triangulate(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 55_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("triangulate stance", { timeout: 120_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), "stance-cli-"));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("writes one Headline,Body ID,Stance row per pair, in input order, headlines quoted as needed", () => {
    const out = join(tmp, "pred.csv");
    const r = triangulate("stance", "--bodies", BODIES, "--stances", STANCES, "--out", out);
    assert.equal(r.status, 0, r.stderr);
    const text = readFileSync(out, "utf8");
    assert.ok(text.startsWith("Headline,Body ID,Stance\n"));
    assert.ok(text.includes('"Council closes Elm Street bridge, citing cracks",12,'));
    assert.ok(text.includes('"The ""squid"" photo was doctored, harbour says",7,'));
    const input = parseStances(readFileSync(STANCES, "utf8"), STANCES);
    const pred = parseStances(text, out);
    assert.deepEqual(
      pred.map((p) => [p.headline, p.bodyId]),
      input.map((p) => [p.headline, p.bodyId]),
    );
    for (const p of pred) assert.ok(p.stance !== null, `a stance for ${p.headline}`);
    // Pairs of different stories are unrelated; a body that calls the claim a hoax does not agree with it.
    assert.equal(pred[3]?.stance, "unrelated");
    assert.equal(pred[5]?.stance, "unrelated");
    assert.notEqual(pred[0]?.stance, "agree");
    assert.notEqual(pred[1]?.stance, "unrelated");
  });

  it("gives byte-identical output for the same input, and ignores a Stance column", () => {
    const a = triangulate("stance", "--bodies", BODIES, "--stances", STANCES, "--out", "-", "-q");
    const b = triangulate("stance", "--bodies", BODIES, "--stances", STANCES, "--out", "-", "-q");
    assert.equal(a.status, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    const bare = triangulate(
      "stance",
      "--bodies",
      BODIES,
      "--stances",
      join(DIR, "no-stance-column.csv"),
      "--out",
      "-",
      "-q",
    );
    assert.equal(bare.status, 0, bare.stderr);
    const lines = a.stdout.split("\n");
    assert.equal(bare.stdout.split("\n")[1], lines[1]);
  });

  it("names a Body ID without a body (exit 1)", () => {
    const r = triangulate(
      "stance",
      "--bodies",
      BODIES,
      "--stances",
      join(DIR, "missing-body.csv"),
      "--out",
      "-",
    );
    assert.equal(r.status, 1);
    assert.match(r.stderr, /missing-body\.csv: record 2: Body ID 99 has no body in .*bodies\.csv/);
  });

  it("names a missing column and a missing file (exit 1)", () => {
    const header = triangulate(
      "stance",
      "--bodies",
      BODIES,
      "--stances",
      join(DIR, "bad-header.csv"),
      "--out",
      "-",
    );
    assert.equal(header.status, 1);
    assert.match(header.stderr, /bad-header\.csv: missing column "Headline"/);
    const missing = triangulate(
      "stance",
      "--bodies",
      join(DIR, "nope.csv"),
      "--stances",
      STANCES,
      "--out",
      "-",
    );
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /nope\.csv: cannot read \(no such file\)/);
  });

  it("is bad usage without --out, or with an unwritable one (exit 2)", () => {
    assert.equal(triangulate("stance", "--bodies", BODIES, "--stances", STANCES).status, 2);
    const r = triangulate(
      "stance",
      "--bodies",
      BODIES,
      "--stances",
      STANCES,
      "--out",
      join(tmp, "no", "such", "dir.csv"),
    );
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--out .*does not exist/);
  });
});
