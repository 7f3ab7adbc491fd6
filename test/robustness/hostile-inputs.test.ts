/**
 * Hostile inputs through the real pipeline. Each must end, within the test's timeout, with a
 * result or a clear message naming the input. The big inputs are generated at test time.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadInputs } from "../../src/ingest/index.js";
import { MAX_BODY_CHARS } from "../../src/limits.js";
import type { Page, Report } from "../../src/model/index.js";
import { analyzePages } from "../../src/pipeline.js";
import { toReport } from "../../src/report/index.js";
import { FIXTURES_DIR, REPO_ROOT } from "../paths.js";

const BOUND = { timeout: 60_000 };
/** The CLI run reads every hostile input at once, 50 MB among them. */
const CLI_BOUND = { timeout: 180_000 };
const MB = 1024 * 1024;
const COMPANION = join(FIXTURES_DIR, "cli", "wire.txt");

const SENTENCES = [
  "The minister said on Tuesday that talks would resume within 48 hours.",
  '"We are not going to accept this," a spokesman told reporters in Geneva.',
  "According to the Associated Press, at least 35 people were killed in the strike.",
  "Officials declined to comment on the 40-minute recording, which was first published by the newspaper.",
  "Residents described hearing several explosions shortly after midnight.",
  "The agency’s report, released on 12 March 2024, put the cost at $1.2 billion.",
];

/** Deterministic pseudo-random paragraphs, so the big file is not one string repeated (which would flatter the reuse stage). */
function* paragraphs(): Generator<string> {
  let state = 12345;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  for (;;) {
    const count = 2 + (next() % 4);
    const parts: string[] = [];
    for (let i = 0; i < count; i++)
      parts.push(SENTENCES[next() % SENTENCES.length]!.replace(/\d+/, String(next() % 1000)));
    yield parts.join(" ");
  }
}

function writeGenerated(path: string, bytes: number, separator: string): void {
  const fd = openSync(path, "w");
  let written = 0;
  let batch = "";
  for (const p of paragraphs()) {
    batch += p + separator;
    if (batch.length >= MB) {
      written += writeSync(fd, batch);
      batch = "";
      if (written >= bytes) break;
    }
  }
  closeSync(fd);
}

const QUOTE_MARKS = "\"“”'‘’«»„";

describe("hostile inputs", () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-hostile-"));
    writeGenerated(file("huge-50mb.txt"), 50 * MB, "\n\n");
    writeGenerated(file("one-line-10mb.txt"), 10 * MB, " ");
    writeFileSync(file("empty.txt"), "");
    writeFileSync(
      file("photo.txt"),
      Buffer.from(Array.from({ length: 256 * 1024 }, (_, i) => (i * 131 + (i >> 7)) % 256)),
    );
    const quotes = Array.from({ length: 1_000_000 }, (_, i) => QUOTE_MARKS[i % QUOTE_MARKS.length]).join("");
    writeFileSync(file("quotes.txt"), quotes);
    const invalid = Buffer.concat([
      Buffer.from("PARIS - Le ministre a déclaré ", "latin1"),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x82, 0xff, 0xfe, 0xfd, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
      Buffer.from(" que les négociations reprendraient « très bientôt ».\n\n", "latin1"),
      Buffer.from("A second paragraph says the talks lasted 40 minutes.\n", "utf8"),
    ]);
    writeFileSync(file("invalid-utf8.txt"), invalid);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  async function loadOne(name: string): Promise<{ page?: Page; reason?: string }> {
    const { pages, failures } = await loadInputs([file(name)]);
    assert.equal(pages.length + failures.length, 1, "exactly one outcome per input");
    if (failures[0]) {
      assert.equal(failures[0].source, file(name), "the failure names the input");
      return { reason: failures[0].reason };
    }
    return { page: pages[0]! };
  }

  async function analyseWithCompanion(page: Page): Promise<Report> {
    const { pages } = await loadInputs([COMPANION]);
    const report = toReport(analyzePages([page, ...pages]), []);
    JSON.stringify(report);
    assert.ok(
      report.articles.some((a) => a.id === page.id),
      `article ${page.id} in the report`,
    );
    return report;
  }

  describe("at ingest", () => {
    it("loads a 50 MB text file", BOUND, async () => {
      const { page } = await loadOne("huge-50mb.txt");
      assert.ok(page, "loaded");
      assert.equal(page.format, "text");
      assert.ok(page.content.length >= 50 * MB);
    });

    it("refuses a binary file, naming it", BOUND, async () => {
      const { reason } = await loadOne("photo.txt");
      assert.match(reason ?? "", /binary/);
    });

    it("refuses an empty file, naming it", BOUND, async () => {
      const { reason } = await loadOne("empty.txt");
      assert.match(reason ?? "", /empty/);
    });

    it("decodes invalid UTF-8 without crashing", BOUND, async () => {
      const { page } = await loadOne("invalid-utf8.txt");
      assert.ok(page, "loaded");
      assert.match(page.content, /talks lasted 40 minutes/);
      assert.match(page.content, /n.gociations/);
    });

    it("loads a million quote marks as text", BOUND, async () => {
      const { page } = await loadOne("quotes.txt");
      assert.ok(page, "loaded");
      assert.equal(page.content.length, 1_000_000);
    });

    it("loads a 10 MB line with no newline", BOUND, async () => {
      const { page } = await loadOne("one-line-10mb.txt");
      assert.ok(page, "loaded");
      assert.ok(!page.content.includes("\n"));
    });
  });

  describe("through clean, read, triangulate and report", () => {
    it("bounds a 50 MB text file", BOUND, async () => {
      const { page } = await loadOne("huge-50mb.txt");
      const report = await analyseWithCompanion(page!);
      const article = report.articles.find((a) => a.id === page!.id)!;
      assert.ok(article.body.length > 0);
      assert.ok(article.body.length <= MAX_BODY_CHARS, `body cut to ${MAX_BODY_CHARS} chars`);
    });

    it("bounds a 10 MB line with no newline", BOUND, async () => {
      const { page } = await loadOne("one-line-10mb.txt");
      const report = await analyseWithCompanion(page!);
      const article = report.articles.find((a) => a.id === page!.id)!;
      assert.ok(article.body.length <= MAX_BODY_CHARS);
    });

    it("survives a million quote marks", BOUND, async () => {
      const { page } = await loadOne("quotes.txt");
      await analyseWithCompanion(page!);
    });

    it("reads text decoded from invalid UTF-8", BOUND, async () => {
      const { page } = await loadOne("invalid-utf8.txt");
      const report = await analyseWithCompanion(page!);
      const article = report.articles.find((a) => a.id === page!.id)!;
      assert.match(article.body, /talks lasted 40 minutes/);
    });
  });

  it("the CLI names the refused inputs, exits 1 and reports the rest", CLI_BOUND, () => {
    const out = file("report.json");
    const inputs = [
      "huge-50mb.txt",
      "one-line-10mb.txt",
      "empty.txt",
      "photo.txt",
      "quotes.txt",
      "invalid-utf8.txt",
    ];
    const r = spawnSync(
      process.execPath,
      [join(REPO_ROOT, "dist", "src", "cli", "main.js"), "analyze", ...inputs.map(file), "--json", out],
      { encoding: "utf8", timeout: CLI_BOUND.timeout - 5000 },
    );
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /cannot read \S*empty\.txt: empty file/);
    assert.match(r.stderr, /cannot read \S*photo\.txt: binary content/);
    assert.doesNotMatch(r.stderr, /cannot analyse/, "every readable input is analysed");
    const report = JSON.parse(readFileSync(out, "utf8")) as Report;
    assert.equal(report.schema, "triangulate/story@1");
    assert.deepEqual(report.articles.map((a) => a.id).sort(), [
      "huge-50mb",
      "invalid-utf8",
      "one-line-10mb",
      "quotes",
    ]);
  });
});
