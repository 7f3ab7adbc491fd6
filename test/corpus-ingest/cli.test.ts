/** `triangulate ingest`, `stories` and `story`, spawned as a user runs them. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { StoriesListing } from "../../src/cli/stories.js";
import { REPO_ROOT } from "../paths.js";
import { jsonlRecord } from "../store/fixtures.js";

const MAIN = join(REPO_ROOT, "dist", "src", "cli", "main.js");

function triangulate(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One wire story carried word for word by five outlets, and three unrelated stories. */
const WIRE_TEXT =
  "Rescue teams pulled 14 miners from the flooded Vale shaft on Sunday after a 40-hour operation, the regional governor said.\n\n" +
  '"Every one of them is alive," governor Ana Ruiz told reporters at the pithead, adding that two were in hospital.\n\n' +
  "The shaft flooded on Friday when an underground river broke through a gallery wall, the mine's operator said.";

describe("the corpus commands", { timeout: 120_000 }, () => {
  let dir: string;
  let corpus: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-corpus-cli-"));
    corpus = join(dir, "news.jsonl");
    const lines = [
      ...["wire.example", "daily.example", "times.example", "post.example", "herald.example"].map((host, i) =>
        JSON.stringify({
          id: `mine-${i}`,
          url: `https://${host}/2024/03/miners-rescued`,
          title: "Fourteen miners rescued from flooded shaft",
          text: WIRE_TEXT,
          published: `2024-03-1${i}`,
        }),
      ),
      jsonlRecord(1),
      jsonlRecord(2, {
        text: "A new library opened in the old station building on Saturday, with 20,000 books.",
      }),
      jsonlRecord(3, { text: "The football club named a new coach on Thursday after a season of defeats." }),
    ];
    writeFileSync(corpus, `${lines.join("\n")}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("ingests into ./triangulate.db by default and says what it stored", () => {
    const r = triangulate(dir, "ingest", "news.jsonl", "--quiet");
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(join(dir, "triangulate.db")));
    assert.match(r.stdout, /^triangulate ingest: triangulate\.db$/m);
    assert.match(r.stdout, /stored {6}8 new articles/);
    assert.match(r.stdout, /skipped {5}0 bad records/);
    const again = triangulate(dir, "ingest", "news.jsonl", "--quiet");
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /stored {6}0 new articles/);
    assert.match(again.stdout, /1 files done by an earlier run/);
  });

  it("lists stories, largest first, as text and as JSON", () => {
    const text = triangulate(dir, "stories");
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^\d+ stories, 8 articles in triangulate\.db/);
    assert.match(text.stdout, /^ID +SIZE +OUTLETS +DATES +HEADLINE$/m);
    assert.match(
      text.stdout,
      /\s5 +5: daily\.example, herald\.example \+3 +2024-03-10 … 2024-03-14 +Fourteen miners/,
    );
    const json = triangulate(dir, "stories", "--json", "--limit", "2");
    assert.equal(json.status, 0, json.stderr);
    const listing = JSON.parse(json.stdout) as StoriesListing;
    assert.equal(listing.stories.length, 2);
    const [top] = listing.stories;
    assert.equal(top?.size, 5);
    assert.deepEqual(top?.outlets, [
      "daily.example",
      "herald.example",
      "post.example",
      "times.example",
      "wire.example",
    ]);
    assert.equal(top?.firstPublished, "2024-03-10");
    assert.equal(top?.headline, "Fourteen miners rescued from flooded shaft");
    assert.ok(listing.total >= 2);
    const page2 = JSON.parse(
      triangulate(dir, "stories", "--json", "--limit", "2", "--page", "2").stdout,
    ) as StoriesListing;
    assert.notEqual(page2.stories[0]?.id, top?.id);
    // The full-text index: stories whose articles match.
    const found = JSON.parse(
      triangulate(dir, "stories", "--json", "--search", '"flooded shaft" governor').stdout,
    ) as StoriesListing;
    assert.equal(found.total, 1);
    assert.equal(found.stories[0]?.id, top?.id);
    assert.equal(found.order, "matches");
    const none = triangulate(dir, "stories", "--search", "zeppelin");
    assert.match(none.stdout, /^0 stories matching "zeppelin"/);
    const bad = triangulate(dir, "stories", "--search", '"unbalanced');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /cannot search for/);
  });

  it("writes a story's report, and caps the versions it lines up", () => {
    const listing = JSON.parse(triangulate(dir, "stories", "--json").stdout) as StoriesListing;
    const id = listing.stories[0]!.id;
    const r = triangulate(dir, "story", id, "--json", "story.json", "--html", "story.html", "--quiet");
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(readFileSync(join(dir, "story.json"), "utf8")) as {
      schema: string;
      articles: { id: string; outlet: string }[];
      quoteGroups: { speaker: string | null }[];
      corpus: { story: string; size: number; analysed: number; cappedAt: number | null };
    };
    assert.equal(report.schema, "triangulate/story@1");
    assert.deepEqual(
      report.articles.map((a) => a.id),
      ["mine-0", "mine-1", "mine-2", "mine-3", "mine-4"],
    );
    assert.deepEqual(report.corpus, {
      story: id,
      db: "triangulate.db",
      size: 5,
      analysed: 5,
      cappedAt: null,
    });
    assert.ok(report.quoteGroups.some((g) => g.speaker === "Ana Ruiz"));
    assert.match(
      readFileSync(join(dir, "story.html"), "utf8"),
      /<p class="corpus-note">Story .* 5 articles\.<\/p>/,
    );

    const capped = triangulate(dir, "story", id, "--max-versions", "3", "--json", "-");
    assert.equal(capped.status, 0, capped.stderr);
    const small = JSON.parse(capped.stdout) as typeof report;
    assert.equal(small.articles.length, 3);
    assert.deepEqual(small.corpus, { story: id, db: "triangulate.db", size: 5, analysed: 3, cappedAt: 3 });
    assert.match(capped.stderr, new RegExp(`story ${id} has 5 articles; lining up the first 3`));
    const summary = triangulate(dir, "story", id, "--max-versions", "3", "--quiet");
    assert.match(summary.stdout, /^Story .* 5 articles; this report lines up 3 of them/);
  });

  it("names an unknown story, a missing store and a bad path", () => {
    const unknown = triangulate(dir, "story", "s999999");
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /no story "s999999" in triangulate\.db.*triangulate stories/);
    const missing = triangulate(dir, "stories", "--db", "nowhere.db");
    assert.equal(missing.status, 2);
    assert.match(
      missing.stderr,
      /no corpus store at nowhere\.db; create it with `triangulate ingest <inputs\.\.\.> --db nowhere\.db`/,
    );
    const badDir = triangulate(dir, "ingest", corpus, "--db", join(dir, "no", "such", "x.db"));
    assert.equal(badDir.status, 1);
    assert.match(badDir.stderr, /cannot create the store .*x\.db: directory .* does not exist/);
    const notStore = triangulate(dir, "stories", "--db", "news.jsonl");
    assert.equal(notStore.status, 1);
    assert.match(notStore.stderr, /the store news\.jsonl: file is not a database/);
    assert.equal(triangulate(dir, "ingest").status, 2);
    assert.equal(triangulate(dir, "ingest", corpus, "--workers", "lots").status, 2);
    const help = triangulate(dir, "ingest", "--help");
    assert.match(help.stdout, /--db <path> +the corpus store.*\(default: "triangulate\.db"\)/s);
  });
});
