/**
 * Hostile text through the read stage: quote marks left open across a whole article, a 5 MB
 * paragraph with no sentence end, quotations nested six deep. Each must be read in bounded time,
 * without a crash, with every span inside the body and the output bounded. One case goes through
 * `triangulate read --raw` as a user would run it. The inputs are generated at test time.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Reading } from "../../src/model/index.js";
import { readArticle } from "../../src/read/index.js";
import { rawArticle } from "../../src/read/raw.js";
import { REPO_ROOT } from "../paths.js";

/** CPU-time bound for reading one hostile article: generous, a normal article reads in milliseconds. */
const READ_BOUND_MS = 20_000;
/** The 5 MB paragraph is twenty times the largest real article; it gets more room. */
const HUGE_BOUND_MS = 40_000;
const TEST_TIMEOUT = { timeout: 120_000 };
const MB = 1_000_000;

/** Paragraphs each opening a quotation (curly, straight, single) that never closes. */
function unbalancedArticle(): string {
  const out: string[] = [];
  for (let i = 0; i < 3_000; i++) {
    out.push(
      `Officials in Geneva said “the talks would resume on day ${i}, and Secretary of State John Kerry said "nothing ‘more could be done`,
    );
  }
  return out.join("\n\n");
}

/** One paragraph of about 5 MB with commas but no full stop, names and numbers throughout. */
function hugeParagraph(): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 5 * MB; i++) {
    const part = `the minister told John Smith of the Foreign Ministry that ${i % 90} million people “waited ${i % 7} hours”, `;
    parts.push(part);
    size += part.length;
  }
  return parts.join("");
}

/** Quotations nested six deep, alternating double and single marks, many times over. */
function nestedArticle(): string {
  const nest = "He said “one ‘two “three ‘four “five ‘six’ five” four’ three” two’ one” and left.";
  return Array.from({ length: 2_000 }, () => nest).join(" ");
}

function timedRead(id: string, text: string): { reading: Reading; ms: number } {
  // CPU time, not wall time: a busy machine must not fail the bound; a blow-up still does.
  const started = process.cpuUsage();
  const reading = readArticle(rawArticle(id, id, text).article);
  const used = process.cpuUsage(started);
  return { reading, ms: (used.user + used.system) / 1000 };
}

/** Every span of the reading lies inside the body, and each list is bounded by the body's size. */
function assertSane(reading: Reading): void {
  const body = reading.article.body;
  const spans = [
    ...reading.sentences,
    ...reading.quotes,
    ...reading.figures,
    ...reading.dates,
    ...reading.entities.flatMap((e) => e.mentions),
  ];
  for (const s of spans)
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= body.length, JSON.stringify(s));
  for (const e of reading.entities) {
    for (const m of e.mentions) assert.equal(body.slice(m.start, m.end), m.text);
  }
  // No list can outgrow the text: at most one item per few characters.
  const bound = body.length / 2;
  assert.ok(
    reading.quotes.length <= bound && reading.entities.length <= bound && reading.figures.length <= bound,
  );
}

describe("read stage on hostile text", TEST_TIMEOUT, () => {
  it("reads an article whose quotation marks never close, in bounded time", TEST_TIMEOUT, () => {
    const { reading, ms } = timedRead("unbalanced", unbalancedArticle());
    assert.ok(ms < READ_BOUND_MS, `${ms} ms`);
    assertSane(reading);
    // An opening mark that never closes quotes nothing: no quotation may swallow the article.
    for (const q of reading.quotes)
      assert.ok(q.end - q.start < 5_000, `quote of ${q.end - q.start} characters`);
    assert.ok(reading.entities.some((e) => e.name === "John Kerry"));
  });

  it("reads a 5 MB paragraph with no sentence end, in bounded time", TEST_TIMEOUT, () => {
    const { reading, ms } = timedRead("huge", hugeParagraph());
    assert.ok(ms < HUGE_BOUND_MS, `${ms} ms`);
    assertSane(reading);
    // Sentences are cut at the length cap, so none is megabytes long.
    assert.ok(reading.sentences.every((s) => s.end - s.start <= 2_000));
    assert.ok(reading.entities.some((e) => e.name === "John Smith"));
  });

  it("reads quotations nested six deep, in bounded time, with bounded quotes", TEST_TIMEOUT, () => {
    const text = nestedArticle();
    const { reading, ms } = timedRead("nested", text);
    assert.ok(ms < READ_BOUND_MS, `${ms} ms`);
    assertSane(reading);
    const marks = (text.match(/[“”‘’]/g) ?? []).length;
    assert.ok(reading.quotes.length <= marks / 2, `${reading.quotes.length} quotes for ${marks} marks`);
  });
});

describe("triangulate read --raw on hostile text", TEST_TIMEOUT, () => {
  let dir = "";
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "tri-read-hostile-"));
    writeFileSync(join(dir, "unbalanced.txt"), unbalancedArticle());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("writes one JSON line for the article and exits 0", TEST_TIMEOUT, () => {
    const out = join(dir, "read.jsonl");
    const cli = join(REPO_ROOT, "dist", "src", "cli", "main.js");
    const started = performance.now();
    const r = spawnSync(
      process.execPath,
      [cli, "read", "--raw", join(dir, "unbalanced.txt"), "--jsonl", out, "-q"],
      {
        encoding: "utf8",
        timeout: 90_000,
      },
    );
    const ms = performance.now() - started;
    assert.equal(r.status, 0, r.stderr);
    assert.ok(ms < READ_BOUND_MS + 10_000, `${ms} ms with process start`);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    assert.equal(lines.length, 1);
    const record = JSON.parse(lines[0] as string) as { id: string; entities: unknown[]; error?: string };
    assert.equal(record.id, "unbalanced");
    assert.equal(record.error, undefined);
  });
});
