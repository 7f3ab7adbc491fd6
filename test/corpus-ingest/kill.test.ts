/**
 * `triangulate ingest` killed with SIGKILL at random moments, then run again to completion:
 * the store must end exactly as one uninterrupted run leaves it (every record settled once,
 * the same articles, ids and stories), and pass SQLite's integrity checks.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { REPO_ROOT } from "../paths.js";
import { jsonlRecord, newsHtml, rowsAsJson, warcFile } from "../store/fixtures.js";

const MAIN = join(REPO_ROOT, "dist", "src", "cli", "main.js");

/** Records in the generated corpus: a few thousand small ones keep a full run to a few seconds. */
const JSONL_RECORDS = 1500;
const WARC_RECORDS = 100;
/** Kills before the final run. */
const KILLS = 3;
/** Small transactions, so kills land between and inside many commits. */
const BATCH = "40";

function ingest(inputs: string[], db: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    process.execPath,
    [MAIN, "ingest", ...inputs, "--db", db, "--batch", BATCH, "--quiet"],
    {
      encoding: "utf8",
      timeout: 60_000,
    },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts an ingest and SIGKILLs it after `ms`; resolves to whether it was still running when killed. */
function ingestKilledAfter(inputs: string[], db: string, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [MAIN, "ingest", ...inputs, "--db", db, "--batch", BATCH, "--quiet"],
      {
        stdio: "ignore",
      },
    );
    let exited = false;
    child.on("exit", (_code, signal) => {
      exited = true;
      resolve(signal === "SIGKILL");
    });
    setTimeout(() => {
      if (!exited) child.kill("SIGKILL");
    }, ms);
  });
}

interface StoreState {
  articles: string[];
  records: string[];
  stories: string[];
  refined: string[];
  integrity: string;
  ftsIntegrity: boolean;
  orphans: number;
  storyMismatch: number;
}

function state(db: string): StoreState {
  const d = new Database(db);
  try {
    const rows = (sql: string) => rowsAsJson(d, sql);
    let ftsIntegrity = true;
    try {
      d.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
    } catch {
      ftsIntegrity = false;
    }
    return {
      articles: rows(
        `SELECT a.seq, a.id, a.content_hash, a.record, s.story, s.duplicate_of, s.near_duplicate_of, length(f.data) > 2
         FROM articles a LEFT JOIN assignments s ON s.article = a.seq LEFT JOIN features f ON f.article = a.seq ORDER BY a.seq`,
      ),
      records: rows("SELECT key, status, article, reason FROM records ORDER BY key"),
      stories: rows(
        "SELECT id, size, first_published, last_published, headline, first_article FROM stories ORDER BY id",
      ),
      refined: [
        ...rows("SELECT article, story FROM refined_assignments ORDER BY article"),
        ...rows("SELECT * FROM refined_stories ORDER BY id"),
        ...rows("SELECT * FROM refined_map ORDER BY online"),
      ],
      integrity: d.pragma("integrity_check", { simple: true }) as string,
      ftsIntegrity,
      orphans: (
        d
          .prepare(
            `SELECT COUNT(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM assignments s WHERE s.article = a.seq)
               OR NOT EXISTS (SELECT 1 FROM features f WHERE f.article = a.seq)`,
          )
          .get() as { n: number }
      ).n,
      storyMismatch: (
        d
          .prepare(
            `SELECT COUNT(*) AS n FROM stories t
             WHERE t.size != (SELECT COUNT(*) FROM assignments s WHERE s.story = t.id)`,
          )
          .get() as { n: number }
      ).n,
    };
  } finally {
    d.close();
  }
}

describe("ingest killed at random moments", { timeout: 120_000 }, () => {
  let dir: string;
  let inputs: string[];
  let badRecords = 0;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-kill-"));
    const lines: string[] = [];
    for (let n = 0; n < JSONL_RECORDS; n++) {
      lines.push(jsonlRecord(n));
      if (n % 250 === 7) lines.push(jsonlRecord(n)); // the same record twice
      if (n % 500 === 11) {
        lines.push("{cut off"); // a bad line
        badRecords++;
      }
    }
    const jsonl = join(dir, "corpus.jsonl");
    writeFileSync(jsonl, `${lines.join("\n")}\n`);
    const warc = join(dir, "crawl.warc.gz");
    const specs = Array.from({ length: WARC_RECORDS }, (_, n) => ({
      url: `https://planet.example/news/${n}`,
      body: newsHtml(n),
    }));
    const { bytes, offsets } = warcFile(specs, true);
    // One corrupt member in the middle: named and skipped on every run, never doubled.
    const broken = Buffer.from(bytes);
    for (let i = offsets[70]! + 20; i < offsets[70]! + 50; i++) broken[i] = broken[i]! ^ 0x5a;
    writeFileSync(warc, broken);
    badRecords++;
    inputs = [jsonl, warc];
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("finishes with nothing lost, nothing doubled and an intact database", async () => {
    const reference = join(dir, "reference.db");
    const startedAt = Date.now();
    const full = ingest(inputs, reference);
    const fullMs = Date.now() - startedAt;
    assert.equal(full.status, 1, full.stderr); // 1: bad records were named
    assert.match(full.stdout, new RegExp(`skipped {5}${badRecords} bad records`));
    const expected = state(reference);

    const killed = join(dir, "killed.db");
    let interrupted = 0;
    // Each kill at a random moment of what a whole run takes: during start-up and replay,
    // between commits, inside them.
    const moments: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      const ms = Math.round(fullMs * (0.1 + 0.6 * Math.random()));
      moments.push(ms);
      if (await ingestKilledAfter(inputs, killed, ms)) interrupted++;
    }
    assert.ok(interrupted > 0, `at least one run was killed mid-way (kills at ${moments.join(", ")} ms)`);
    const last = ingest(inputs, killed);
    // 1 while it still meets bad records; 0 if earlier runs settled them all.
    assert.ok(last.status === 0 || last.status === 1, last.stderr);
    assert.match(last.stdout, /store {7}\d/);

    const got = state(killed);
    assert.equal(got.integrity, "ok");
    assert.equal(got.ftsIntegrity, true);
    assert.equal(got.orphans, 0, "every article has its features and story");
    assert.equal(got.storyMismatch, 0, "story sizes match their members");
    assert.equal(got.records.length, expected.records.length, "every record settled exactly once");
    assert.deepEqual(got.records, expected.records);
    assert.deepEqual(got.articles, expected.articles);
    assert.deepEqual(got.stories, expected.stories);
    assert.ok(expected.refined.length > 0, "the reference run refined its stories");
    assert.deepEqual(got.refined, expected.refined);
    assert.equal(expected.articles.length, JSONL_RECORDS + WARC_RECORDS - 1);
  });
});
