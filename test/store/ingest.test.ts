/** Corpus ingest into the store: idempotent, de-duplicating, resumable, every bad record named. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import {
  CorpusStore,
  exactDuplicateBinding,
  type IngestSummary,
  ingestCorpus,
  StoreError,
} from "../../src/store/index.js";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/store/schema.js";
import { jsonlRecord, newsHtml, warcFile } from "./fixtures.js";

interface Counts {
  articles: number;
  features: number;
  assignments: number;
  storySizes: number;
  stored: number;
  duplicate: number;
  skipped: number;
  fts: number;
}

function counts(dbPath: string): Counts {
  const db = new Database(dbPath, { readonly: true });
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      articles: one("SELECT COUNT(*) AS n FROM articles"),
      features: one("SELECT COUNT(*) AS n FROM features"),
      assignments: one("SELECT COUNT(*) AS n FROM assignments"),
      storySizes: one("SELECT COALESCE(SUM(size), 0) AS n FROM stories"),
      stored: one("SELECT COUNT(*) AS n FROM records WHERE status = 'stored'"),
      duplicate: one("SELECT COUNT(*) AS n FROM records WHERE status = 'duplicate'"),
      skipped: one("SELECT COUNT(*) AS n FROM records WHERE status = 'skipped'"),
      fts: one("SELECT COUNT(*) AS n FROM articles_fts WHERE articles_fts MATCH 'harbour'"),
    };
  } finally {
    db.close();
  }
}

describe("the store's schema", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-schema-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("creates a WAL database at the current version, and reopens it without migrating again", () => {
    const path = join(dir, "a.db");
    CorpusStore.open(path).close();
    CorpusStore.open(path).close();
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
    assert.equal(db.pragma("user_version", { simple: true }), SCHEMA_VERSION);
    const applied = db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all();
    assert.deepEqual(
      applied,
      MIGRATIONS.map((m) => m.version),
    );
    db.close();
  });

  it("indexes each article's text once, also in a store written before the index moved to the batch (version 2)", async () => {
    const path = join(dir, "v2.db");
    const first = join(dir, "first.jsonl");
    const second = join(dir, "second.jsonl");
    writeFileSync(first, `${Array.from({ length: 30 }, (_, n) => jsonlRecord(n)).join("\n")}\n`);
    writeFileSync(second, `${Array.from({ length: 30 }, (_, n) => jsonlRecord(n + 30)).join("\n")}\n`);
    const ingest = async (input: string) => {
      const store = CorpusStore.open(path);
      try {
        await ingestCorpus(store, [input], exactDuplicateBinding, { workers: 0, batchRecords: 7 });
      } finally {
        store.close();
      }
    };
    await ingest(first);
    // Back to version 2 as that build left it: the per-article trigger in place.
    const old = new Database(path);
    old.exec(`CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
      END;
      DELETE FROM schema_migrations WHERE version > 2; PRAGMA user_version = 2;`);
    old.close();
    await ingest(second);
    const db = new Database(path, { readonly: true });
    const n = (sql: string) => db.prepare(sql).pluck().get() as number;
    assert.equal(db.pragma("user_version", { simple: true }), SCHEMA_VERSION);
    assert.equal(n("SELECT COUNT(*) FROM articles"), 60);
    // One index entry per article (FTS5 keeps a docsize row per indexed rowid), and every article found.
    assert.equal(n("SELECT COUNT(*) FROM articles_fts_docsize"), 60);
    assert.equal(n("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'harbour'"), 60);
    db.close();
  });

  it("refuses a store from a newer build, a file that is not a store, and a missing store opened for reading", () => {
    const newer = join(dir, "newer.db");
    CorpusStore.open(newer).close();
    const db = new Database(newer);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'now')").run(
      SCHEMA_VERSION + 1,
    );
    db.close();
    assert.throws(
      () => CorpusStore.open(newer),
      (err: Error) => {
        assert.ok(err instanceof StoreError);
        assert.match(
          err.message,
          new RegExp(`${newer.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} has schema version`),
        );
        return true;
      },
    );
    const junk = join(dir, "junk.db");
    writeFileSync(junk, "this is not a database, just some text long enough to be a header".repeat(20));
    assert.throws(() => CorpusStore.open(junk), /cannot (?:use|open) the store .*junk\.db/);
    assert.throws(
      () => CorpusStore.open(join(dir, "missing.db"), { readonly: true }),
      /no corpus store at .*missing\.db/,
    );
    assert.throws(() => CorpusStore.open(join(dir, "no-such-dir", "x.db")), /directory .* does not exist/);
  });
});

describe("ingestCorpus", () => {
  let dir: string;
  let corpus: string;
  let warc: string;
  let pages: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-ingest-store-"));
    corpus = join(dir, "corpus.jsonl");
    const lines = Array.from({ length: 120 }, (_, n) => jsonlRecord(n));
    lines.splice(50, 0, jsonlRecord(3)); // the same record again: stored once
    lines.splice(70, 0, "{broken");
    lines.splice(90, 0, jsonlRecord(5, { id: "copy-of-5", url: "https://elsewhere.example/5" })); // same text, other outlet
    writeFileSync(corpus, `${lines.join("\n")}\n`);
    warc = join(dir, "crawl.warc.gz");
    writeFileSync(
      warc,
      warcFile(
        [
          { url: "https://planet.example/1", body: newsHtml(1) },
          {
            url: "https://planet.example/img.png",
            httpHeaders: { "Content-Type": "image/png" },
            body: "PNG",
          },
          { url: "https://planet.example/2", body: newsHtml(2) },
        ],
        true,
      ).bytes,
    );
    pages = join(dir, "pages");
    mkdirSync(pages);
    writeFileSync(join(pages, "a.html"), newsHtml(10));
    writeFileSync(
      join(pages, "b.txt"),
      "Flood barrier approved\n\nThe council approved the barrier on Tuesday.\n",
    );
    writeFileSync(join(pages, "empty.txt"), "");
    writeFileSync(join(pages, "notes.md"), "# not ingested\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const workers of [0, 1]) {
    it(`stores each article once, links duplicates, names bad records (workers: ${workers})`, async () => {
      const dbPath = join(dir, `w${workers}.db`);
      const store = CorpusStore.open(dbPath);
      let summary: IngestSummary;
      try {
        summary = await ingestCorpus(
          store,
          [corpus, warc, pages, join(dir, "absent.jsonl")],
          exactDuplicateBinding,
          {
            workers,
            batchRecords: 25,
          },
        );
      } finally {
        store.close();
      }
      // 120 distinct JSON lines records, 2 WARC pages, 2 page files.
      assert.equal(summary.stored, 121 + 2 + 2);
      assert.equal(summary.duplicates, 1);
      assert.deepEqual(
        summary.skipped.map((s) => s.name),
        [`${corpus} line 71`, join(pages, "empty.txt")],
      );
      assert.match(summary.skipped[0]!.reason, /^not valid JSON/);
      assert.equal(summary.skipped[1]!.reason, "empty file");
      assert.equal(summary.ignored.get("not HTML (image/png)"), 1);
      assert.equal(summary.otherFiles, 1);
      assert.deepEqual(summary.inputFailures, [
        { source: join(dir, "absent.jsonl"), reason: "no such file or directory" },
      ]);
      const c = counts(dbPath);
      assert.equal(c.articles, 125);
      assert.equal(c.features, 125);
      assert.equal(c.assignments, 125);
      assert.equal(c.storySizes, 125);
      assert.equal(c.stored, 125);
      assert.equal(c.duplicate, 1);
      assert.equal(c.skipped, 1, "the unreadable page file is not settled: the next run tries it again");
      assert.ok(c.fts >= 120, "full-text index finds the harbour stories");
      // The same text at another outlet is a second article, in the first one's story.
      const db = new Database(dbPath, { readonly: true });
      const copy = db
        .prepare(
          "SELECT s.story, s.duplicate_of AS dup, o.story AS original FROM articles a JOIN assignments s ON s.article = a.seq JOIN articles b ON b.id = 'doc-5' JOIN assignments o ON o.article = b.seq WHERE a.id = 'copy-of-5'",
        )
        .get() as { story: string; dup: string; original: string };
      db.close();
      assert.equal(copy.dup, "doc-5");
      assert.equal(copy.story, copy.original);
    });
  }

  it("is idempotent: a second run over the same inputs stores nothing and settles nothing twice", async () => {
    const dbPath = join(dir, "twice.db");
    for (let run = 0; run < 2; run++) {
      const store = CorpusStore.open(dbPath);
      const summary = await ingestCorpus(store, [corpus, warc, pages], exactDuplicateBinding, { workers: 0 });
      store.close();
      if (run === 1) {
        assert.equal(summary.stored, 0);
        assert.equal(summary.duplicates, 0);
        assert.deepEqual(
          summary.skipped.map((s) => s.name),
          [join(pages, "empty.txt")],
        );
        assert.equal(summary.filesAlreadyIngested, 2);
        assert.equal(summary.alreadyIngested, 2, "the two good page files");
        assert.equal(summary.replayed, 0, "nothing new to add: no replay");
        assert.equal(summary.replayMismatches, 0);
      }
    }
    assert.equal(counts(dbPath).articles, 125);
    // A copy of the corpus under another name holds the same articles: all duplicates.
    const copy = join(dir, "copy.jsonl");
    writeFileSync(copy, `${Array.from({ length: 10 }, (_, n) => jsonlRecord(n)).join("\n")}\n`);
    const store = CorpusStore.open(dbPath);
    const summary = await ingestCorpus(store, [copy], exactDuplicateBinding, { workers: 0 });
    store.close();
    assert.equal(summary.stored, 0);
    assert.equal(summary.duplicates, 10);
  });

  it("resumes from a checkpoint: records committed before are passed over, the rest stored", async () => {
    const dbPath = join(dir, "resume.db");
    const half = join(dir, "half.jsonl");
    const all = Array.from({ length: 60 }, (_, n) => jsonlRecord(n));
    writeFileSync(half, `${all.slice(0, 30).join("\n")}\n`);
    let store = CorpusStore.open(dbPath);
    await ingestCorpus(store, [half], exactDuplicateBinding, { workers: 0 });
    store.close();
    // The file grows (a crawl still being written): a new version of the source, read again;
    // the 30 records already in the store are duplicates, the other 30 new.
    writeFileSync(half, `${all.join("\n")}\n`);
    store = CorpusStore.open(dbPath);
    const summary = await ingestCorpus(store, [half], exactDuplicateBinding, { workers: 0 });
    store.close();
    assert.equal(summary.stored, 30);
    assert.equal(summary.duplicates, 30);
    assert.equal(summary.replayed, 30);
    assert.equal(counts(dbPath).articles, 60);
  });

  it("refuses a second writer while the first lives, and takes over from a killed one", async () => {
    const dbPath = join(dir, "locked.db");
    const mark = (value: string) => {
      const db = new Database(dbPath);
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('writer', ?)").run(value);
      db.close();
    };
    CorpusStore.open(dbPath).close();
    mark(`${process.ppid}@${hostname()}`);
    let store = CorpusStore.open(dbPath);
    await assert.rejects(
      ingestCorpus(store, [corpus], exactDuplicateBinding, { workers: 0 }),
      new RegExp(`another triangulate ingest \\(process ${process.ppid}@.*\\) is writing to .*locked\\.db`),
    );
    store.close();
    // The largest pid Linux hands out is 2^22: this one names no process.
    mark(`${2 ** 22 + 1}@${hostname()}`);
    store = CorpusStore.open(dbPath);
    const summary = await ingestCorpus(store, [corpus], exactDuplicateBinding, { workers: 0 });
    assert.equal(summary.stored, 121);
    assert.equal(store.getMeta("writer"), null, "released when done");
    store.close();
  });

  it("names a directory with nothing to ingest", async () => {
    const empty = join(dir, "nothing-here");
    mkdirSync(empty);
    writeFileSync(join(empty, "readme.md"), "notes\n");
    const store = CorpusStore.open(join(dir, "empty.db"));
    const summary = await ingestCorpus(store, [empty], exactDuplicateBinding, { workers: 0 });
    store.close();
    assert.deepEqual(summary.inputFailures, [
      { source: empty, reason: "directory holds no .jsonl, .ndjson, .warc, .html or .txt files" },
    ]);
    assert.equal(summary.otherFiles, 1);
  });

  it("refuses to resume a store clustered by another clusterer", async () => {
    const dbPath = join(dir, "other.db");
    let store = CorpusStore.open(dbPath);
    await ingestCorpus(store, [corpus], exactDuplicateBinding, { workers: 0 });
    store.close();
    store = CorpusStore.open(dbPath);
    await assert.rejects(
      ingestCorpus(store, [corpus], { ...exactDuplicateBinding, id: "another@2" }, { workers: 0 }),
      /was clustered with exact-duplicates@1; this build clusters with another@2/,
    );
    store.close();
  });
});
