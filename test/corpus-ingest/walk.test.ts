/**
 * The walk of ingest's inputs: lazy (a file is yielded before later directories are listed),
 * in order (a directory's names in code-point order, depth first), each file once by its real
 * path (symlinked files and directories, overlapping inputs, cycles), and ingest taking the
 * files in that order as they come, with a progress total that ends exact.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import {
  CorpusStore,
  exactDuplicateBinding,
  type IngestProgress,
  ingestCorpus,
} from "../../src/store/index.js";
import { type WalkTally, walkInputs } from "../../src/store/sources.js";
import { newsHtml } from "../store/fixtures.js";

async function walkAll(inputs: string[]): Promise<{ sources: string[]; tally: WalkTally }> {
  const tally: WalkTally = { failures: [], otherFiles: 0 };
  const sources: string[] = [];
  for await (const file of walkInputs(inputs, tally)) sources.push(file.source);
  return { sources, tally };
}

function write(path: string, text: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
}

describe("walkInputs", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-walk-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("yields a directory's files in code-point order, depth first, hidden and other files left out", async () => {
    const root = join(dir, "order");
    let n = 0;
    for (const rel of ["b.jsonl", "a.html", "a/9.txt", "a/10.txt", "a/z/deep.html", "B.html", "_x/é.html"])
      write(join(root, rel), rel.endsWith(".jsonl") ? "{}\n" : newsHtml(n++));
    write(join(root, ".hidden.html"), newsHtml(99));
    write(join(root, ".git", "x.html"), newsHtml(98));
    write(join(root, "notes.md"), "# notes\n");
    const { sources, tally } = await walkAll([root]);
    assert.deepEqual(
      sources,
      ["B.html", "_x/é.html", "a/10.txt", "a/9.txt", "a/z/deep.html", "a.html", "b.jsonl"].map((r) =>
        join(root, r),
      ),
    );
    assert.equal(tally.otherFiles, 1);
    assert.deepEqual(tally.failures, []);
  });

  it("yields its first file before it has listed the directories after it", async () => {
    const root = join(dir, "lazy");
    write(join(root, "a", "first.html"), newsHtml(1));
    mkdirSync(join(root, "b"));
    mkdirSync(join(root, "c"));
    const tally: WalkTally = { failures: [], otherFiles: 0 };
    const walk = walkInputs([root], tally);
    const first = await walk.next();
    assert.equal(first.done, false);
    assert.equal(first.value?.source, join(root, "a", "first.html"));
    // Written after the first file came out: a walk that listed the whole tree first would miss it.
    write(join(root, "c", "late.html"), newsHtml(2));
    const rest: string[] = [];
    for (let next = await walk.next(); !next.done; next = await walk.next()) rest.push(next.value.source);
    assert.deepEqual(rest, [join(root, "c", "late.html")]);
  });

  it("yields each file once, by its real path: file links, directory links, cycles, overlapping inputs", async () => {
    const root = join(dir, "links");
    write(join(root, "sub", "real.html"), newsHtml(1));
    write(join(root, "sub", "other.html"), newsHtml(2));
    write(join(root, "sub", "inner", "deep.html"), newsHtml(3));
    // Met before the file it names: the file is taken there, and not again in sub/.
    symlinkSync(join(root, "sub", "real.html"), join(root, "0-link.html"));
    // Met after it: passed over.
    symlinkSync(join(root, "sub", "other.html"), join(root, "z-link.html"));
    // A directory reached twice, and a cycle back to the top.
    symlinkSync(join(root, "sub"), join(root, "z-sub"));
    symlinkSync(root, join(root, "sub", "inner", "loop"));
    // The same tree named again through a link from outside, and one of its files by name.
    const outside = join(dir, "links-again");
    symlinkSync(root, outside);
    const { sources, tally } = await walkAll([root, outside, join(root, "sub", "other.html"), root]);
    assert.deepEqual(sources, [
      join(root, "0-link.html"),
      join(root, "sub", "inner", "deep.html"),
      join(root, "sub", "other.html"),
    ]);
    assert.deepEqual(tally.failures, []);

    // A file named first is not taken again by the walk of its directory, nor named after it.
    const named = join(dir, "named");
    write(join(named, "a.html"), newsHtml(1));
    write(join(named, "b.html"), newsHtml(2));
    const b = join(named, "b.html");
    assert.deepEqual((await walkAll([b, named, b])).sources, [b, join(named, "a.html")]);
    assert.deepEqual((await walkAll([named, b])).sources, [join(named, "a.html"), b]);
  });

  it("names what it cannot read: missing inputs, empty directories, trees too deep", async () => {
    const empty = join(dir, "empty");
    write(join(empty, "readme.md"), "notes\n");
    let deep = join(dir, "deep");
    for (let level = 0; level <= 33; level++) {
      write(join(deep, `f${level}.txt`), `Level ${level}\n\nText at level ${level}.\n`);
      deep = join(deep, "d");
    }
    const { sources, tally } = await walkAll([join(dir, "absent"), empty, join(dir, "deep")]);
    assert.equal(sources.length, 33, "levels 0 to 32");
    assert.equal(tally.otherFiles, 1);
    assert.deepEqual(
      tally.failures.map((f) => f.reason),
      [
        "no such file or directory",
        "directory holds no .jsonl, .ndjson, .warc, .html or .txt files",
        "directory nesting deeper than 32 levels; not read",
      ],
    );
  });
});

describe("ingestCorpus over a walked tree", () => {
  let dir: string;
  let root: string;
  const rels = ["a/1/x.html", "a/1/y.html", "a/2.html", "b/c/d/e.html", "b/f.txt", "c.html"];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-walk-ingest-"));
    root = join(dir, "pages");
    // Written in another order than they sort, so creation order tells nothing.
    for (const [i, rel] of [...rels].reverse().entries())
      write(
        join(root, rel),
        rel.endsWith(".txt") ? `Flood news ${i}\n\nThe river rose ${i} metres.\n` : newsHtml(i),
      );
    symlinkSync(join(root, "a"), join(root, "b", "a-again"));
    symlinkSync(join(root, "c.html"), join(root, "z-again.html"));
    symlinkSync(root, join(dir, "pages-link"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("stores the files in walk order, each once, with a progress total that ends exact", async () => {
    const dbPath = join(dir, "walk.db");
    const events: IngestProgress[] = [];
    const store = CorpusStore.open(dbPath);
    const summary = await ingestCorpus(store, [root, join(dir, "pages-link")], exactDuplicateBinding, {
      workers: 1,
      batchRecords: 2,
      onProgress: (p) => events.push({ ...p }),
    });
    store.close();
    assert.equal(summary.stored, rels.length);
    assert.equal(summary.duplicates, 0, "no file read twice through a link or a second name");
    assert.deepEqual(summary.inputFailures, []);
    const db = new Database(dbPath, { readonly: true });
    const order = db.prepare("SELECT source FROM articles ORDER BY seq").pluck().all();
    db.close();
    assert.deepEqual(
      order,
      rels.map((r) => join(root, r)),
    );

    const ingest = events.filter((e) => e.phase === "ingest");
    const bytes = rels.reduce((n, r) => n + statSync(join(root, r)).size, 0);
    for (let i = 1; i < ingest.length; i++) {
      assert.ok(ingest[i]!.total >= ingest[i - 1]!.total, "the total only grows");
      assert.ok(ingest[i]!.done <= ingest[i]!.total);
    }
    const last = ingest.at(-1)!;
    assert.deepEqual([last.done, last.total, last.counting], [bytes, bytes, false]);
  });
});
