/**
 * The online pass's warm-up in the store: the first articles' statistics are counted before any
 * of them is clustered, as `triangulate cluster --online` does, and a run that stops at any
 * point (here: its clusterer fails at each add in turn, which loses the uncommitted batch as a
 * kill does) and is run again ends with the stories of one uninterrupted run.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { type Added, WarmFeeder } from "../../src/corpus/batch.js";
import { type CorpusDoc, type DocFeatures, docFeatures, StoryClusterer } from "../../src/corpus/index.js";
import {
  type AssignerBinding,
  CorpusStore,
  ingestCorpus,
  type Placed,
  storyClustererBinding,
} from "../../src/store/index.js";
import { QUAKE_A, QUAKE_B, QUAKE_B_RECALL, REHAB } from "../corpus/fixtures.js";
import { REPO_ROOT } from "../paths.js";
import { rowsAsJson } from "./fixtures.js";

const DOCS: readonly CorpusDoc[] = [...QUAKE_A, QUAKE_B_RECALL, ...QUAKE_B, ...REHAB];
/** Articles of a first, smaller run. */
const FIRST = 4;

function placed(added: readonly Added[]): Placed[] {
  return added.map(({ id, result: r }) => ({
    id,
    assignment: { story: r.story, duplicateOf: r.duplicateOf, nearDuplicateOf: r.nearDuplicateOf },
  }));
}

/**
 * The store's clusterer with a warm-up of `warmup` articles, whose add fails once it has been
 * called `failAt` times, and whose end fails with `failEnd`.
 */
function binding(warmup: number, failAt = Number.POSITIVE_INFINITY, failEnd = false): AssignerBinding {
  return {
    ...storyClustererBinding,
    id: `test/warm-${warmup}`,
    create() {
      const feeder = new WarmFeeder(new StoryClusterer(), warmup);
      let adds = 0;
      return {
        add(id, featuresJson) {
          if (++adds >= failAt) throw new Error("the clusterer stops here");
          return placed(feeder.push(id, JSON.parse(featuresJson) as DocFeatures));
        },
        end() {
          if (failEnd) throw new Error("the clusterer stops here");
          return placed(feeder.end());
        },
        get warming() {
          return feeder.warming;
        },
      };
    },
  };
}

/** Online stories, duplicate links and story rows: everything the online pass wrote. */
function onlineLayer(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const rows = (sql: string) => rowsAsJson(db, sql);
    return [
      ...rows(
        "SELECT a.id, s.story, s.duplicate_of, s.near_duplicate_of FROM articles a JOIN assignments s ON s.article = a.seq ORDER BY a.seq",
      ),
      ...rows("SELECT * FROM stories ORDER BY id"),
      ...rows("SELECT key, value FROM meta WHERE key = 'warmup'"),
    ];
  } finally {
    db.close();
  }
}

describe("the online pass's warm-up in the store", () => {
  let dir: string;
  let corpus: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-warmup-"));
    corpus = join(dir, "quakes.jsonl");
    const lines = DOCS.map((d) => JSON.stringify({ id: d.id, title: d.title ?? null, text: d.text }));
    writeFileSync(corpus, `${lines.join("\n")}\n`);
    writeFileSync(join(dir, "first.jsonl"), `${lines.slice(0, FIRST).join("\n")}\n`);
    writeFileSync(join(dir, "rest.jsonl"), `${lines.slice(FIRST).join("\n")}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function ingest(path: string, b: AssignerBinding, input = corpus): Promise<void> {
    const store = CorpusStore.open(path);
    try {
      await ingestCorpus(store, [input], b, { workers: 0, batchRecords: 2 });
    } finally {
      store.close();
    }
  }

  it("gives the stories cluster --online gives: the warm-up counts every article's statistics before the first is clustered", async () => {
    const path = join(dir, "real.db");
    await ingest(path, storyClustererBinding);
    const feeder = new WarmFeeder(new StoryClusterer());
    const expected: Added[] = [];
    for (const d of DOCS) expected.push(...feeder.push(d.id, docFeatures(d)));
    expected.push(...feeder.end());
    const got = onlineLayer(path).slice(0, DOCS.length);
    assert.deepEqual(
      got,
      expected.map((a) => JSON.stringify([a.id, a.result.story, null, null])),
    );
    // Without the warm-up the first report of Bakersfield's quake joins Sumatra's story online.
    const cold = new StoryClusterer();
    const coldStory = new Map(DOCS.map((d) => [d.id, cold.add(d.id, docFeatures(d)).story]));
    assert.equal(coldStory.get("b1"), coldStory.get("a1"));
    const warmStory = new Map(expected.map((a) => [a.id, a.result.story]));
    assert.notEqual(warmStory.get("b1"), warmStory.get("a1"));
  });

  for (const warmup of [4, 100]) {
    it(`ends with the stories of one run wherever a run stops (warm-up of ${warmup} articles)`, async () => {
      const reference = join(dir, `reference-${warmup}.db`);
      await ingest(reference, binding(warmup));
      const expected = onlineLayer(reference);
      assert.equal(expected.at(-1), JSON.stringify(["warmup", String(Math.min(warmup, DOCS.length))]));
      for (let failAt = 1; failAt <= DOCS.length; failAt++) {
        const path = join(dir, `stopped-${warmup}-${failAt}.db`);
        await assert.rejects(ingest(path, binding(warmup, failAt)), /stops here/);
        // A store left mid-warm-up has articles without a story; the next run places them.
        await ingest(path, binding(warmup));
        assert.deepEqual(onlineLayer(path), expected, `stopped at add ${failAt}`);
      }
    });
  }

  it("replays a warm-up that a finished run ended early where it ended, wherever the next run stops", async () => {
    const first = join(dir, "first.jsonl");
    const rest = join(dir, "rest.jsonl");
    const reference = join(dir, "reference-two-runs.db");
    await ingest(reference, binding(100), first);
    await ingest(reference, binding(100), rest);
    const expected = onlineLayer(reference);
    // The first run's end ended the warm-up: its articles were clustered on their own statistics, the rest online.
    const feeder = new WarmFeeder(new StoryClusterer(), 100);
    const direct: Added[] = [];
    for (const d of DOCS.slice(0, FIRST)) direct.push(...feeder.push(d.id, docFeatures(d)));
    direct.push(...feeder.end());
    for (const d of DOCS.slice(FIRST)) direct.push(...feeder.push(d.id, docFeatures(d)));
    assert.deepEqual(
      expected.slice(0, DOCS.length),
      direct.map((a) => JSON.stringify([a.id, a.result.story, null, null])),
    );
    assert.equal(expected.at(-1), JSON.stringify(["warmup", String(FIRST)]));
    // The second run's adds: the first run's articles replayed, then its own.
    for (let failAt = 1; failAt <= DOCS.length; failAt++) {
      const path = join(dir, `two-runs-${failAt}.db`);
      await ingest(path, binding(100), first);
      await assert.rejects(ingest(path, binding(100, failAt), rest), /stops here/);
      await ingest(path, binding(100), rest);
      assert.deepEqual(onlineLayer(path), expected, `second run stopped at add ${failAt}`);
    }
  });

  it("ends a warm-up a stopped run left when the next run has nothing new to add", async () => {
    const reference = join(dir, "reference-nothing-new.db");
    await ingest(reference, binding(100));
    const path = join(dir, "nothing-new.db");
    // Stops after every record was committed, before the end of the run ends the warm-up.
    await assert.rejects(ingest(path, binding(100, Number.POSITIVE_INFINITY, true)), /stops here/);
    const store = CorpusStore.open(path);
    assert.equal(store.unplacedCount(), DOCS.length);
    store.close();
    const listed = spawnSync(
      process.execPath,
      [join(REPO_ROOT, "dist", "src", "cli", "main.js"), "stories", "--db", path],
      { encoding: "utf8" },
    );
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(
      listed.stdout,
      new RegExp(`\\(${DOCS.length} articles are in no story yet: an interrupted ingest`),
    );
    await ingest(path, binding(100));
    assert.deepEqual(onlineLayer(path), onlineLayer(reference));
  });
});
