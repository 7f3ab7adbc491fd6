/** The refined layer's names, what the store's clusterer features read, and ids of merged stories. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { docFeatures } from "../../src/corpus/index.js";
import {
  CorpusStore,
  clustererFeatures,
  ingestCorpus,
  nameRefinedStories,
  storyClustererBinding,
} from "../../src/store/index.js";
import { prepareArticle } from "../../src/store/prepare.js";
import { REPO_ROOT } from "../paths.js";
import { jsonlRecord } from "./fixtures.js";

const MAIN = join(REPO_ROOT, "dist", "src", "cli", "main.js");

describe("nameRefinedStories", () => {
  it("keeps an online story's id on the refined story holding its first article, and suffixes a split-off one", () => {
    // s1 (articles 0-4) was two events: refinement split off articles 3 and 4, and moved s2's article into s1.
    const online = ["s1", "s1", "s1", "s1", "s1", "s2", "s3"];
    const labels = ["x", "x", "x", "y", "y", "x", "z"];
    const named = nameRefinedStories(online, labels);
    assert.deepEqual(named.stories, ["s1", "s1", "s1", "s1-2", "s1-2", "s1", "s3"]);
    // Where each online story's articles mostly went: a later article the online pass puts there follows them.
    assert.deepEqual(named.map, [
      ["s1", "s1"],
      ["s2", "s1"],
      ["s3", "s3"],
    ]);
    assert.equal(named.moved, 3);
  });

  it("lets a split-off story that holds another online story's first article take that id", () => {
    const named = nameRefinedStories(["s1", "s1", "s1", "s2"], ["x", "x", "y", "y"]);
    assert.deepEqual(named.stories, ["s1", "s1", "s2", "s2"]);
  });

  it("names a merged story after the oldest online story in it, and maps the other there", () => {
    const named = nameRefinedStories(["s1", "s2", "s1", "s2"], ["x", "x", "x", "x"]);
    assert.deepEqual(named.stories, ["s1", "s1", "s1", "s1"]);
    assert.deepEqual(named.map, [
      ["s1", "s1"],
      ["s2", "s1"],
    ]);
  });

  it("numbers several split-off stories of one online story apart", () => {
    const named = nameRefinedStories(["s1", "s1", "s1"], ["a", "b", "c"]);
    assert.deepEqual(named.stories, ["s1", "s1-2", "s1-3"]);
  });
});

describe("the store's clusterer features", () => {
  const text =
    "PADANG, Indonesia, March 3, 2011 - A magnitude 6.4 earthquake struck off the coast of western Sumatra on Thursday, killing at least 41 people in Padang, officials said.\n\n" +
    '"We are still pulling people out of the Ambacang Hotel," said Rustam Effendi, head of the West Sumatra disaster agency.';

  it("read the dateline the cleaner took off a page's body", () => {
    const page = {
      id: "padang",
      source: "padang.txt",
      format: "text" as const,
      content: text,
      encoding: "utf-8",
      encodingEvidence: "default" as const,
      url: null,
    };
    const prepared = prepareArticle(page, {}, clustererFeatures);
    assert.ok("article" in prepared);
    assert.equal(prepared.article.dateline, "PADANG, Indonesia, March 3, 2011");
    const f = JSON.parse(prepared.article.featuresJson) as ReturnType<typeof docFeatures>;
    const asWritten = docFeatures({ id: "padang", text, title: null, published: null, url: null });
    assert.notEqual(asWritten.lead, null);
    assert.equal(f.lead, asWritten.lead);
  });

  it("read a JSON line's text, title and date as given, as triangulate cluster does", () => {
    const withTitle = `Quake kills 41 in Padang\n${text}`;
    const page = {
      id: "padang",
      source: "news.jsonl:1",
      format: "text" as const,
      content: withTitle,
      encoding: "utf-8",
      encodingEvidence: "default" as const,
      url: null,
    };
    const hints = { externalId: "padang", title: null, published: null, textGiven: true };
    const prepared = prepareArticle(page, hints, clustererFeatures);
    assert.ok("article" in prepared);
    const f = JSON.parse(prepared.article.featuresJson) as unknown;
    const asClusterReads = docFeatures({
      id: "padang",
      text: withTitle,
      title: null,
      published: null,
      url: null,
    });
    assert.deepEqual(f, JSON.parse(JSON.stringify(asClusterReads)));
  });
});

describe("story given the id of a story refinement merged into another", () => {
  it("writes the story it was merged into, and says so", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tri-merged-"));
    try {
      const input = join(dir, "two.jsonl");
      writeFileSync(
        input,
        `${[
          jsonlRecord(1),
          jsonlRecord(2, {
            title: "Library opens in the old station",
            text: "A new library opened in the old station building on Saturday, with 20,000 books.",
          }),
        ].join("\n")}\n`,
      );
      const db = join(dir, "two.db");
      const store = CorpusStore.open(db);
      try {
        await ingestCorpus(store, [input], storyClustererBinding, { workers: 0 });
        const online = [...store.replay()].map((r) => [r.seq, r.story!] as const);
        assert.deepEqual(
          online.map(([, s]) => s),
          ["s000001", "s000002"],
        );
        // As a refinement that merged the second story into the first leaves the layer.
        store.writeRefinedLayer({
          throughArticle: 2,
          assignments: online.map(([seq]) => [seq, "s000001"] as const),
          map: [
            ["s000001", "s000001"],
            ["s000002", "s000001"],
          ],
          moved: 1,
          assigner: storyClustererBinding.id,
          seconds: 0,
        });
        assert.equal(store.story("s000002"), null);
        assert.equal(store.refinedStoryOf("s000002"), "s000001");
        assert.equal(store.refinedStoryOf("s000001"), null);
      } finally {
        store.close();
      }
      const report = join(dir, "report.json");
      const r = spawnSync(process.execPath, [MAIN, "story", "s000002", "--db", db, "--json", report, "-q"], {
        encoding: "utf8",
        timeout: 60_000,
      });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /story s000002 was merged into story s000001 when the stories were refined/);
      const written = JSON.parse(readFileSync(report, "utf8")) as {
        articles: unknown[];
        corpus: { story: string };
      };
      assert.equal(written.corpus.story, "s000001");
      assert.equal(written.articles.length, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
