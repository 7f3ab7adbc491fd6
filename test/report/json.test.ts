import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toReport } from "../../src/report/index.js";
import { validateReport } from "./contract.js";
import { A, B, buildLongStory, buildStory, C, FAILURES } from "./fixture.js";

describe("toReport", () => {
  it("produces a report that satisfies the triangulate/story@1 contract", () => {
    const report = toReport(buildStory(), FAILURES);
    assert.deepEqual(validateReport(JSON.parse(JSON.stringify(report))), []);
    assert.equal(report.schema, "triangulate/story@1");
    assert.deepEqual(
      report.articles.map((a) => a.id),
      [A, B, C],
    );
  });

  it("keeps quote offsets as offsets into the clean body", () => {
    const report = toReport(buildStory(), []);
    const courier = report.articles[0]!;
    const q = courier.quotes[0]!;
    assert.equal(courier.body.slice(q.start, q.end), q.text);
    assert.match(q.text, /^We cannot keep every rural ward open/);
    assert.equal(q.speaker, "Helen Marsh");
    assert.equal(courier.quotes[2]?.partial, true);
  });

  it("carries every stage result through to the report", () => {
    const report = toReport(buildStory(), FAILURES);
    const group = report.quoteGroups.find((g) => g.id === "qg1");
    assert.deepEqual(
      group?.members.map((m) => m.relation),
      ["identical", "trimmed", "altered"],
    );
    assert.equal(report.figureGroups.find((g) => g.id === "fg1")?.conflict, true);
    assert.equal(report.reuse[0]?.direction, "a->b");
    assert.equal(report.claimSupport.find((s) => s.claim === `${B}:c0`)?.verdict, "unsupported");
    assert.equal(report.timeline.publications.find((p) => p.article === B)?.lateRepublication, true);
    assert.deepEqual(report.failures, FAILURES);
    assert.equal(report.articles[0]?.byline, "Priya Nandakumar, Health Correspondent");
    assert.equal(report.articles[2]?.dateline, "LONDON (11:02 A.M.)");
    assert.equal(report.articles[0]?.removed.length, 3);
  });

  it("exposes no stage-internal fields (only contract names and documented additions)", () => {
    const report = toReport(buildStory(), []);
    assert.deepEqual(Object.keys(report.articles[0]!.quotes[0]!), [
      "id",
      "text",
      "speaker",
      "cue",
      "partial",
      "start",
      "end",
    ]);
    assert.deepEqual(Object.keys(report.articles[0]!.figures[0]!), ["text", "value", "unit", "start", "end"]);
    assert.deepEqual(Object.keys(report.articles[0]!.claims[0]!), ["id", "text", "role"]);
    assert.deepEqual(Object.keys(report.figureGroups[0]!.members[0]!), ["article", "text", "value", "unit"]);
  });

  it("rounds shares to four decimals and keeps them within 0..1", () => {
    const story = buildStory();
    story.reuse[0]!.shareOfA = 0.1 + 0.2;
    story.reuse[0]!.shareOfB = 1.0000001;
    const [pair] = toReport(story, []).reuse;
    assert.equal(pair?.shareOfA, 0.3);
    assert.equal(pair?.shareOfB, 1);
  });

  it("is deterministic: the same story serialises to the same bytes", () => {
    const one = JSON.stringify(toReport(buildStory(), FAILURES));
    const two = JSON.stringify(toReport(buildStory(), FAILURES));
    assert.equal(one, two);
    const long = buildLongStory(100);
    assert.equal(JSON.stringify(toReport(long, [])), JSON.stringify(toReport(long, [])));
  });

  it("does not share mutable state with the story", () => {
    const story = buildStory();
    const report = toReport(story, []);
    report.claimSupport[0]!.reasons.push("edited");
    report.witnesses[0]!.articles.pop();
    assert.equal(story.claimSupport[0]!.reasons.length, 1);
    assert.equal(story.witnesses[0]!.articles.length, 2);
  });
});

describe("the contract validator", () => {
  it("rejects a broken report, so the test above can fail", () => {
    const report = JSON.parse(JSON.stringify(toReport(buildStory(), [])));
    report.articles[0].quotes[0].end = 10_000;
    report.articles[1].quotes[0].start += 3;
    report.quoteGroups[0].members[0].relation = "copied";
    report.claimSupport[0].verdict = "true";
    report.reuse[0].direction = "both";
    report.articles[2].claims[0].role = "lede";
    delete report.figureGroups[0].conflict;
    const errors = validateReport(report);
    for (const needle of [
      "outside body",
      "body.slice",
      "relation",
      "verdict",
      "direction",
      "role",
      "conflict",
    ]) {
      assert.ok(
        errors.some((e) => e.includes(needle)),
        `reports ${needle}: ${errors.join("; ")}`,
      );
    }
  });
});
