/**
 * The seed story end to end: the acceptance list of the story engine. Each assertion is a
 * behaviour a reader of the report relies on, checked on the real scraped versions.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { loadInputs } from "../../src/ingest/index.js";
import type { Report, ReportArticle } from "../../src/model/index.js";
import { analyzePages } from "../../src/pipeline.js";
import { toReport } from "../../src/report/index.js";
import { HAVE_SEEDS, SEEDS_DIR } from "../paths.js";

const A0 = "000_dfb6a1ec4f0a2c11";
const A1 = "001_75e2b103c327c860";
const A2 = "002_d853693f71f10907";
const A3 = "003_7708549499b8ad5e";

function article(report: Report, id: string): ReportArticle {
  const a = report.articles.find((x) => x.id === id);
  assert.ok(a, `article ${id} in report`);
  return a;
}

function removedText(a: ReportArticle, kinds: string[]): string {
  return a.removed
    .filter((r) => kinds.includes(r.kind))
    .map((r) => r.text)
    .join("\n");
}

/** Strip marks and spacing so "sentence stays in body" survives quote-style normalisation. */
function squash(s: string): string {
  return s
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .toLowerCase();
}

describe("seed story, end to end", { skip: !HAVE_SEEDS && "../shared/seeds absent" }, () => {
  let report: Report;

  before(async () => {
    const files = readdirSync(SEEDS_DIR).map((f) => join(SEEDS_DIR, f));
    const { pages, failures } = await loadInputs(files);
    assert.equal(failures.length, 0);
    report = toReport(analyzePages(pages), failures);
  });

  it("removes and labels each version's page junk", () => {
    const a0 = article(report, A0);
    const a1 = article(report, A1);
    const a2 = article(report, A2);
    const a3 = article(report, A3);
    assert.match(removedText(a1, ["comments"]), /John Whitehot/);
    assert.match(removedText(a1, ["comments"]), /Susan Johnston/);
    assert.match(removedText(a1, ["donation", "widget", "banner"]), /Support SouthFront/);
    assert.match(removedText(a1, ["caption"]), /Photo: Getty Images/);
    assert.match(removedText(a2, ["comments"]), /That info is quite old/);
    assert.match(removedText(a2, ["comments"]), /No 3rd round in France/);
    assert.match(removedText(a0, ["related-links"]), /READ ALSO/);
    assert.match(removedText(a0, ["share-counter"]), /1,229/);
    assert.match(removedText(a3, ["data-dump"]), /contenttypeid/);
    for (const a of [a0, a1, a2, a3]) {
      assert.doesNotMatch(a.body, /READ ALSO|John Whitehot|contenttypeid|Notify of|Support SouthFront/);
    }
    assert.doesNotMatch(a2.body, /That info is quite old/);
  });

  it("keeps every article sentence", () => {
    const kept: [string, string][] = [
      [A0, "Obama and John Kerry were counting on ISIS being an ‘ally’"],
      [A0, "Another interesting tidbit, Kerry mentions Russia ignoring the International rule of law."],
      [A0, "Here is the audio in full."],
      [A1, "Wikileaks released a leaked audio of US Secretary of State John Kerry’s meeting"],
      [A1, "CNN deleted the audio at all, explaining this with the request of some of the participants"],
      [A2, "A leaked audio of U.S. Secretary of State John Kerry’s meeting with Syrian Opposition members"],
      [A2, "has since chosen to remove it."],
      [A3, "The approximately 20 participants included representatives of four Syrian groups"],
      [A3, "The New York Times said State Department spokesman John Kirby declined to comment"],
    ];
    for (const [id, sentence] of kept) {
      assert.ok(squash(article(report, id).body).includes(squash(sentence)), `${id} keeps: ${sentence}`);
    }
  });

  it("finds 003's title and date", () => {
    const a3 = article(report, A3);
    assert.equal(a3.title, "Kerry Leaked Audio: US Policy in Syria “Lacked a Serious Threat of Military”");
    assert.ok(a3.published?.startsWith("2016-10-01"), `published ${a3.published}`);
    assert.doesNotMatch(a3.body, /Sat Oct 1, 2016/);
  });

  it("groups “I lost the argument…” across 000, 001, 002 under John Kerry", () => {
    const group = report.quoteGroups.find((g) =>
      /I lost the argument for use of force in Syria/.test(g.text),
    );
    assert.ok(group, "group exists");
    const articles = new Set(group.members.map((m) => m.article));
    for (const id of [A0, A1, A2]) assert.ok(articles.has(id), `member from ${id}`);
    assert.equal(group.speaker, "John Kerry");
  });

  it("attributes “We could probably manage…” to John Kerry in 000 and 001", () => {
    for (const id of [A0, A1]) {
      const q = article(report, id).quotes.find((x) => /We could probably manage that Assad/.test(x.text));
      assert.ok(q, `quote in ${id}`);
      assert.equal(q.speaker, "John Kerry", `speaker in ${id}`);
    }
  });

  it("attributes “how many Syrians” to Marcell Shehwaro", () => {
    const q = article(report, A3).quotes.find((x) => x.text === "how many Syrians");
    assert.ok(q);
    assert.equal(q.speaker, "Marcell Shehwaro");
    assert.equal(q.partial, true);
  });

  it("flags the 35-minute versus 40-minute conflict", () => {
    const group = report.figureGroups.find(
      (g) => g.members.some((m) => m.value === 35) && g.members.some((m) => m.value === 40),
    );
    assert.ok(group, "a group holds both 35 and 40");
    assert.equal(group.conflict, true);
    assert.ok(group.members.every((m) => m.unit === "minute"));
    assert.ok(!group.members.some((m) => m.value === 80), "80 soldiers is not a duration");
  });

  it("finds reuse 000–001 and 001–002, and 003 independent", () => {
    const pair = (x: string, y: string) =>
      report.reuse.find((r) => (r.a === x && r.b === y) || (r.a === y && r.b === x));
    assert.ok(pair(A0, A1)?.passages.length, "000–001 share passages");
    assert.ok(pair(A1, A2)?.passages.length, "001–002 share passages");
    for (const other of [A0, A1, A2]) {
      const p = pair(A3, other);
      assert.ok(!p || p.passages.length === 0, `003 shares nothing with ${other}`);
    }
  });

  it("does not support the ‘wanted ISIS to grow’ headlines, and supports 003's", () => {
    for (const id of [A0, A1]) {
      const headline = article(report, id).claims.find((c) => c.role === "headline");
      assert.ok(headline, `${id} headline claim`);
      const support = report.claimSupport.find((s) => s.article === id && s.claim === headline.id);
      assert.ok(support, `${id} headline verdict`);
      assert.ok(["unsupported", "contradicted"].includes(support.verdict), `${id}: ${support.verdict}`);
      assert.ok(
        support.reasons.some((r) => /want/i.test(r)),
        `${id} reason names the intent verb`,
      );
    }
    const h3 = article(report, A3).claims.find((c) => c.role === "headline");
    assert.ok(h3);
    const s3 = report.claimSupport.find((s) => s.article === A3 && s.claim === h3.id);
    assert.equal(s3?.verdict, "supported");
    assert.ok(s3.evidence.length > 0);
  });
});
