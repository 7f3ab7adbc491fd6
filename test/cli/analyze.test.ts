/** The `triangulate` executable as a user runs it: spawned, judged by exit code, stdout, stderr and files. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { FIXTURES_DIR, REPO_ROOT } from "../paths.js";

const MAIN = join(REPO_ROOT, "dist", "src", "cli", "main.js");
const WIRE = join(FIXTURES_DIR, "cli", "wire.txt");
const BLOG = join(FIXTURES_DIR, "cli", "blog.html");
const BOUND = { timeout: 60_000 };

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function triangulate(...args: string[]): Run {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 55_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("triangulate CLI: usage", BOUND, () => {
  it("prints help with examples and exits 0", () => {
    const r = triangulate("--help");
    assert.equal(r.status, 0);
    assert.match(r.stdout, /analyze \[options\] <inputs\.\.\.>/);
    assert.match(r.stdout, /Examples:/);
    const sub = triangulate("analyze", "--help");
    assert.equal(sub.status, 0);
    assert.match(sub.stdout, /--json <file>/);
    assert.match(sub.stdout, /--html <file>/);
  });

  it("prints the package version", () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    const r = triangulate("--version");
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trim(), version);
  });

  it("runs as an executable, as `npx triangulate` runs the package's bin", () => {
    const { bin } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
      bin: { triangulate: string };
    };
    const r = spawnSync(join(REPO_ROOT, bin.triangulate), ["--version"], { encoding: "utf8" });
    assert.equal(r.error, undefined, `${bin.triangulate}: ${r.error?.message} (is it executable?)`);
    assert.equal(r.status, 0, r.stderr);
  });

  it("exits 2 without inputs, on an unknown option or command, and with no command", () => {
    const noInputs = triangulate("analyze");
    assert.equal(noInputs.status, 2);
    assert.match(noInputs.stderr, /missing required argument 'inputs'/);
    const unknown = triangulate("analyze", WIRE, "--jsn", "out.json");
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown option '--jsn'/);
    assert.equal(triangulate("no-such-command").status, 2);
    assert.equal(triangulate().status, 2);
  });

  it("exits 2 naming an unwritable output path, before reading anything", () => {
    const r = triangulate("analyze", WIRE, "--json", "/no/such/dir/report.json");
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--json \/no\/such\/dir\/report\.json: directory \/no\/such\/dir does not exist/);
    const dir = triangulate("analyze", WIRE, "--html", tmpdir());
    assert.equal(dir.status, 2);
    assert.match(dir.stderr, /is a directory/);
    const both = triangulate("analyze", WIRE, "--json", "-", "--html", "-");
    assert.equal(both.status, 2);
    assert.match(both.stderr, /only one report can go to stdout/);
  });

  it("exits 1 naming every input that could not be read when none could", () => {
    const r = triangulate("analyze", "--quiet", "missing-one.txt", "/dev/null");
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cannot read missing-one\.txt: no such file or directory/);
    assert.match(r.stderr, /cannot read \/dev\/null: not a regular file/);
    assert.equal(r.stdout, "");
  });
});

describe("triangulate CLI: analysis", BOUND, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-cli-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the JSON report with the story schema and exits 0", () => {
    const out = join(dir, "story.json");
    const r = triangulate("analyze", "--quiet", WIRE, BLOG, "--json", out);
    assert.equal(r.stderr, "");
    assert.equal(r.status, 0);
    const report = JSON.parse(readFileSync(out, "utf8")) as { schema: string; articles: { id: string }[] };
    assert.equal(report.schema, "triangulate/story@1");
    assert.deepEqual(report.articles.map((a) => a.id).sort(), ["blog", "wire"]);
  });

  it("writes JSON to stdout with --json -", () => {
    const r = triangulate("analyze", "--quiet", WIRE, BLOG, "--json", "-");
    assert.equal(r.status, 0);
    assert.equal((JSON.parse(r.stdout) as { schema: string }).schema, "triangulate/story@1");
  });

  it("writes a self-contained HTML report", () => {
    const out = join(dir, "story.html");
    const r = triangulate("analyze", "--quiet", WIRE, BLOG, "--html", out);
    assert.equal(r.status, 0);
    const html = readFileSync(out, "utf8");
    assert.match(html, /<html/i);
    assert.match(html, /Lindqvist/);
  });

  it("prints a readable summary when no output flag is given", () => {
    const r = triangulate("analyze", "--quiet", WIRE, BLOG);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /wire/);
    assert.match(r.stdout, /blog/);
  });

  it("exits 1 naming the unreadable input and still analyses the others", () => {
    const out = join(dir, "partial.json");
    const binary = join(dir, "photo.txt");
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)));
    const r = triangulate("analyze", WIRE, binary, join(dir, "gone.html"), BLOG, "--json", out);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /photo\.txt: binary content/);
    assert.match(r.stderr, /gone\.html: no such file or directory/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, "no stack trace without --debug");
    const report = JSON.parse(readFileSync(out, "utf8")) as { articles: { id: string }[] };
    assert.deepEqual(report.articles.map((a) => a.id).sort(), ["blog", "wire"]);
  });

  it("reports progress on stderr (plain lines off a terminal) and none with --quiet", () => {
    const loud = triangulate("analyze", WIRE, BLOG, "--json", join(dir, "p.json"));
    assert.match(loud.stderr, /^triangulate: reading inputs: 2\/2 inputs \(\d+\.\d s\)$/m);
    assert.match(loud.stderr, /^triangulate: reading articles: 2\/2 articles \(\d+\.\d s\)$/m);
    const quiet = triangulate("analyze", "--quiet", WIRE, BLOG, "--json", join(dir, "q.json"));
    assert.equal(quiet.stderr, "");
  });
});
