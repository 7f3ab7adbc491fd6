import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderSummary, toReport } from "../../src/report/index.js";
import { SUMMARY_WIDTH } from "../../src/report/summary.js";
import { buildLongStory, buildStory, FAILURES } from "./fixture.js";

const summary = renderSummary(toReport(buildStory(), FAILURES));

function sectionOf(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}`);
  assert.ok(start >= 0, `section ${heading}`);
  const end = text.indexOf("\n\n", start + 1);
  return text.slice(start + 1, end < 0 ? undefined : end);
}

function assertFits(text: string): void {
  for (const line of text.split("\n")) {
    assert.ok(Array.from(line).length <= SUMMARY_WIDTH, `line fits ${SUMMARY_WIDTH} columns: ${line}`);
  }
}

describe("renderSummary", () => {
  it("fits 100 columns and carries no terminal control codes", () => {
    assertFits(summary);
    assertFits(renderSummary(toReport(buildLongStory(100), [])));
    assert.doesNotMatch(summary, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
  });

  it("opens with the headline, the event date and the unreadable inputs", () => {
    assert.match(summary, /^TRIANGULATE: 3 versions of one story\nHeadline: Leaked tape: Health minister/);
    assert.match(summary, /\nEvent date: 2023-03-10\n/);
    assert.match(summary, /Could not read: \/data\/scrapes\/broken\/page\.pdf: binary content/);
  });

  it("lists versions with outlet, date, words kept and removed, and the late re-publication", () => {
    const versions = sectionOf(summary, "VERSIONS (3)");
    assert.match(versions, /\[1\] a01_courier · Northern Courier · 2023-03-14 · 118 words kept, 18 removed/);
    assert.match(
      versions,
      /\[2\] b02_dailypulse · The Daily Pulse · 2023-06-02 · 62 words kept, 41 removed\n {6}"Minister WANTED/,
    );
    assert.match(versions, /! late re-publication \(84 days after the event\)/);
  });

  it("shows each quote group with the relation per article and the altered words", () => {
    const quotes = sectionOf(summary, "QUOTE GROUPS (4)");
    assert.match(
      quotes,
      /qg1 Helen Marsh: "We cannot keep every rural ward open, and I lost that argument in cabinet"/,
    );
    assert.match(quotes, /\[1\] identical · \[2\] trimmed · \[3\] altered \[cannot\] -> \[can’t\]/);
  });

  it("shows figure conflicts first, reuse with shares and direction, witnesses", () => {
    assert.match(
      sectionOf(summary, "FIGURES"),
      /recording length: CONFLICT \[1\] 25-minute · \[2\] 30-minute · \[3\] 25 minute/,
    );
    assert.match(
      sectionOf(summary, "TEXT REUSE (1 pair)"),
      /\[1\] <-> \[2\]: 42% of \[1\] and 66% of \[2\] shared in 2 passages; \[1\] copied by \[2\] \(\[1\] was\s+published\s+80 days earlier\)/,
    );
    const witnesses = sectionOf(summary, "WITNESSES (2)");
    assert.match(witnesses, /W1 copies of one text: \[1\] \(original\), \[2\]/);
    assert.match(witnesses, /W2 independent: \[3\]$/);
  });

  it("lists claim verdicts, headlines and weakest first, each with its first reason", () => {
    const claims = sectionOf(summary, "CLAIMS (5)").split("\n");
    assert.match(claims[1] ?? "", /^ {2}UNSUPPORTED {2}\[2\] headline "Minister WANTED rural hospitals/);
    assert.match(claims[2] ?? "", /^ {15}- No quote of Helen Marsh contains an intent verb like 'wanted'\.$/);
    assert.ok(!claims.some((l) => l.includes("changes its meaning")), "only the first reason");
  });

  it("neutralises hostile text: escape sequences, line breaks and huge words", () => {
    const report = toReport(buildStory(), []);
    report.articles[0]!.title = "Fake\u001b[2J\u001b]0;owned\u0007 title\nwith a break";
    report.quoteGroups[0]!.text = "x".repeat(5000);
    report.claimSupport[0]!.reasons[0] = `\u202eevil ${"y".repeat(400)}`;
    const text = renderSummary(report);
    assert.doesNotMatch(text, /[\u001b\u0007\u202e]/);
    assert.match(text, /"Fake \[2J \]0;owned title with a break"/);
    assertFits(text);
  });

  it("is deterministic", () => {
    assert.equal(renderSummary(toReport(buildStory(), FAILURES)), summary);
  });
});
