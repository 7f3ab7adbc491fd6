/**
 * The store's refined layer, through the commands as a user runs them: `triangulate ingest`
 * refines the stories as `triangulate cluster` does, a later article joins a refined story,
 * and a refinement killed midway leaves the previous stories whole.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import type { StoriesListing } from "../../src/cli/stories.js";
import type { CorpusDoc } from "../../src/corpus/index.js";
import { QUAKE_A, QUAKE_B, QUAKE_B_RECALL, REHAB } from "../corpus/fixtures.js";
import { REPO_ROOT } from "../paths.js";
import { jsonlRecord, rowsAsJson } from "../store/fixtures.js";

const MAIN = join(REPO_ROOT, "dist", "src", "cli", "main.js");

function triangulate(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function jsonl(docs: readonly CorpusDoc[]): string {
  return `${docs.map((d) => JSON.stringify({ id: d.id, title: d.title ?? null, text: d.text })).join("\n")}\n`;
}

/** A partition as sorted lists of ids, whatever the stories are called. */
function partition(pairs: readonly (readonly [string, string])[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const [id, story] of pairs) groups.set(story, [...(groups.get(story) ?? []), id]);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

function storedStories(db: string, table: "assignments" | "refined_assignments"): [string, string][] {
  const d = new Database(db, { readonly: true });
  try {
    return d
      .prepare(`SELECT a.id, t.story FROM articles a JOIN ${table} t ON t.article = a.seq ORDER BY a.seq`)
      .raw()
      .all() as [string, string][];
  } finally {
    d.close();
  }
}

// Sumatra's quake, then a Bakersfield report recalling it (online, it can only join Sumatra's
// story), then the rest of Bakersfield's, and an unrelated story.
const ORDER = [...QUAKE_A, QUAKE_B_RECALL, ...QUAKE_B, REHAB[0]!, REHAB[1]!];

/** A Bakersfield follow-up that arrives after the stories were refined. */
const LATER: CorpusDoc = {
  id: "b4",
  title: "Kern County opens shelters after Bakersfield earthquake",
  text: `Kern County opened three shelters on Friday for families whose homes were damaged by Tuesday's magnitude 5.9 earthquake near Bakersfield, Sheriff Donny Youngblood said.

The US Geological Survey recorded more than 60 aftershocks since the quake, the largest of magnitude 4.2. Governor Jerry Brown's emergency declaration frees state money for repairs in the county.`,
};

describe("ingest refines the stored stories", { timeout: 120_000 }, () => {
  let dir: string;
  let corpus: string;
  let db: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-refine-"));
    corpus = join(dir, "quakes.jsonl");
    db = join(dir, "quakes.db");
    writeFileSync(corpus, jsonl(ORDER));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("stores the stories triangulate cluster gives for the same articles", () => {
    const ingested = triangulate("ingest", corpus, "--db", db, "--quiet");
    assert.equal(ingested.status, 0, ingested.stderr);
    assert.match(ingested.stdout, /refined {5}9 articles/);

    const out = join(dir, "clustered.jsonl");
    const clustered = triangulate("cluster", corpus, "--out", out, "-q");
    assert.equal(clustered.status, 0, clustered.stderr);
    const batch = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string; story: string })
      .map((l): [string, string] => [l.id, l.story]);

    const refined = storedStories(db, "refined_assignments");
    assert.deepEqual(partition(refined), partition(batch));
    assert.deepEqual(partition(refined), [
      ["a1", "a2", "a3"],
      ["b0", "b1", "b2", "b3"],
      ["r1", "r2"],
    ]);
    // The online pass alone put the recalling report with Sumatra: refinement is what moved it.
    const online = new Map(storedStories(db, "assignments"));
    assert.equal(online.get("b0"), online.get("a1"));

    const listed = triangulate("stories", "--db", db, "--json");
    assert.equal(listed.status, 0, listed.stderr);
    const listing = JSON.parse(listed.stdout) as StoriesListing;
    assert.equal(listing.layer, "refined");
    assert.equal(listing.total, 3);
    assert.deepEqual(
      listing.stories.map((s) => [s.size, s.headline]),
      [
        [4, "Magnitude 5.9 earthquake rattles Bakersfield, California"],
        [3, "Magnitude 6.4 earthquake strikes near Padang, Sumatra"],
        [2, null],
      ],
    );
    // Sumatra's story keeps the id it had online (its first article's); Bakersfield's takes the
    // id of the online story its later reports started, which the recalling report now joins.
    const ids = new Map(refined);
    assert.equal(ids.get("a1"), online.get("a1"));
    assert.notEqual(online.get("b1"), online.get("a1"));
    assert.equal(ids.get("b0"), online.get("b1"));
  });

  it("puts a later article in the refined story its online story went to, and says the layer is stale", () => {
    const later = join(dir, "later.jsonl");
    writeFileSync(later, jsonl([LATER]));
    const ingested = triangulate("ingest", later, "--db", db, "--quiet", "--no-refine");
    assert.equal(ingested.status, 0, ingested.stderr);
    assert.match(ingested.stdout, /not refined 1 article arrived since the stories were refined/);
    const refined = new Map(storedStories(db, "refined_assignments"));
    assert.equal(refined.get("b4"), refined.get("b1"));

    const listed = triangulate("stories", "--db", db);
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, /1 article added since joined stories through the online pass/);
    const json = JSON.parse(triangulate("stories", "--db", db, "--json").stdout) as StoriesListing;
    assert.equal(json.refinement?.since, 1);
    assert.equal(json.stories[0]!.size, 5);

    const report = join(dir, "bakersfield.json");
    const story = triangulate("story", refined.get("b4")!, "--db", db, "--json", report, "--quiet");
    assert.equal(story.status, 0, story.stderr);
    const articles = (JSON.parse(readFileSync(report, "utf8")) as { articles: { id: string }[] }).articles;
    assert.deepEqual(articles.map((a) => a.id).sort(), ["b0", "b1", "b2", "b3", "b4"]);

    // Refining again takes it in for good, and says how each step went (stderr is not a terminal: a line as each ends).
    const again = triangulate("ingest", "--refine", "--db", db);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /refined {5}10 articles/);
    const steps = again.stderr
      .split("\n")
      .filter((l) => l.startsWith("triangulate: refine: "))
      .map((l) => l.replace(/ \(\d+\.\d s\)$|, \d+\.\d s$/, ""));
    assert.deepEqual(steps, [
      "triangulate: refine: feeding 10 stored articles to a fresh clusterer, then refining their stories",
      "triangulate: refine: feeding articles: 10/10 articles",
      "triangulate: refine: round 1: 10/10 articles, 1 moved",
      "triangulate: refine: round 2: 10/10 articles, 0 moved",
      "triangulate: refine: merging stories alike: 3/3 stories, 0 merged",
      "triangulate: refine: placing lone articles: 10/10 articles, 0 moved",
      "triangulate: refine: writing stories: 10/10 articles",
      "triangulate: refine: done",
    ]);
    const after = JSON.parse(triangulate("stories", "--db", db, "--json").stdout) as StoriesListing;
    assert.equal(after.refinement?.since, 0);
    assert.equal(new Map(storedStories(db, "refined_assignments")).get("b4"), refined.get("b1"));
  });
});

/** Everything the refined layer is, as comparable rows. */
function layer(db: string): { rows: string[]; integrity: string; sizes: number } {
  const d = new Database(db, { readonly: true });
  try {
    const rows = (sql: string) => rowsAsJson(d, sql);
    return {
      rows: [
        ...rows("SELECT article, story FROM refined_assignments ORDER BY article"),
        ...rows("SELECT * FROM refined_stories ORDER BY id"),
        ...rows("SELECT * FROM refined_map ORDER BY online"),
        ...rows("SELECT through_article, articles, stories, moved FROM refinement"),
      ],
      integrity: d.pragma("integrity_check", { simple: true }) as string,
      // Stories whose size is not their members' count: a half-written layer.
      sizes: (
        d
          .prepare(
            `SELECT COUNT(*) AS n FROM refined_stories t
             WHERE t.size != (SELECT COUNT(*) FROM refined_assignments r WHERE r.story = t.id)`,
          )
          .get() as { n: number }
      ).n,
    };
  } finally {
    d.close();
  }
}

/** Starts `ingest --refine` and SIGKILLs it `ms` after it starts refining; resolves to whether it was killed. */
function refineKilledAfter(db: string, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, "ingest", "--refine", "--db", db], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let exited = false;
    let armed = false;
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      if (armed || !chunk.includes("refine: feeding")) return;
      armed = true;
      setTimeout(() => {
        if (!exited) child.kill("SIGKILL");
      }, ms);
    });
    child.on("exit", (_code, signal) => {
      exited = true;
      resolve(signal === "SIGKILL");
    });
  });
}

describe("a refinement killed midway", { timeout: 180_000 }, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-refine-kill-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves the previous stories whole, and the next run refines", async () => {
    // Enough articles that refining takes most of a second, so the kills land inside it.
    const first = join(dir, "first.jsonl");
    const second = join(dir, "second.jsonl");
    writeFileSync(first, `${Array.from({ length: 1500 }, (_, n) => jsonlRecord(n)).join("\n")}\n`);
    writeFileSync(second, `${Array.from({ length: 300 }, (_, n) => jsonlRecord(1500 + n)).join("\n")}\n`);
    const db = join(dir, "storms.db");
    assert.equal(triangulate("ingest", first, "--db", db, "--quiet").status, 0);
    assert.equal(triangulate("ingest", second, "--db", db, "--quiet", "--no-refine").status, 0);
    const before = layer(db);
    assert.equal(before.sizes, 0);

    const reference = join(dir, "reference.db");
    for (const file of [first, second])
      triangulate("ingest", file, "--db", reference, "--quiet", "--no-refine");
    assert.equal(triangulate("ingest", "--refine", "--db", reference, "--quiet").status, 0);
    const refined = layer(reference);

    let killed = 0;
    for (const ms of [0, 200, 400, 700]) {
      if (await refineKilledAfter(db, ms)) killed++;
      const now = layer(db);
      assert.equal(now.integrity, "ok");
      assert.equal(now.sizes, 0, `a kill ${ms} ms into the refinement left story sizes that do not match`);
      assert.ok(
        JSON.stringify(now.rows) === JSON.stringify(before.rows) ||
          JSON.stringify(now.rows) === JSON.stringify(refined.rows),
        `a kill ${ms} ms into the refinement left a layer that is neither the previous one nor the new one`,
      );
      if (JSON.stringify(now.rows) === JSON.stringify(refined.rows)) break;
    }
    assert.ok(killed > 0, "at least one refinement was killed");
    const rerun = triangulate("ingest", "--refine", "--db", db, "--quiet");
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.deepEqual(layer(db).rows, refined.rows);
    assert.equal(existsSync(`${db}.refine`), false, "the key log of a killed refinement is cleared");
  });
});
