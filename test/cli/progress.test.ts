/** Progress on stderr: what a log file and a terminal see for the stages of a story and for labelled steps. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createProgress, createStepProgress, formatDuration } from "../../src/cli/progress.js";

/** Collects what is written; isTTY picks the bar or the plain lines, as on a real stderr. */
function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let out = "";
  const stream = {
    isTTY,
    columns: 120,
    write(chunk: string) {
      out += chunk;
      return true;
    },
    cursorTo() {
      return true;
    },
    clearLine() {
      return true;
    },
    moveCursor() {
      return true;
    },
    on() {
      return stream;
    },
    removeListener() {
      return stream;
    },
  };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => out };
}

/** Durations vary with the machine; the lines' words and counts do not. */
const lines = (text: string) =>
  text
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => l.replace(/\(\d+\.\d s\)/, "(T)"));

describe("progress of a story's stages", () => {
  it("prints a line as each stage ends, with its count and unit, off a terminal", () => {
    const { stream, text } = fakeStream(false);
    const progress = createProgress(stream, "auto");
    for (const stage of ["clean", "read"] as const) {
      progress.update(stage, 0, 3);
      for (let done = 1; done <= 3; done++) progress.update(stage, done, 3);
    }
    progress.update("triangulate", 0, 1);
    progress.update("triangulate", 1, 1);
    progress.stop();
    assert.deepEqual(lines(text()), [
      "triangulate: cleaning pages: 3/3 pages (T)",
      "triangulate: reading articles: 3/3 articles (T)",
      "triangulate: lining up versions: 1/1 story (T)",
    ]);
  });

  it("still names a failed input when quiet, and prints nothing else", () => {
    const { stream, text } = fakeStream(false);
    const progress = createProgress(stream, "quiet");
    progress.update("read", 0, 2);
    progress.note("triangulate: cannot read photo.txt: binary content");
    progress.update("read", 2, 2);
    progress.stop();
    assert.equal(text(), "triangulate: cannot read photo.txt: binary content\n");
  });

  it("holds a failure back until the bar being drawn on a terminal ends, so the bar does not overdraw it", () => {
    const { stream, text } = fakeStream(true);
    const progress = createProgress(stream, "auto");
    progress.update("clean", 0, 2);
    progress.update("clean", 1, 2);
    progress.note("triangulate: cannot clean page.html: clean failed: too deep");
    assert.doesNotMatch(text(), /cannot clean/);
    progress.update("clean", 2, 2);
    assert.match(text(), /cleaning pages[\s\S]*cannot clean page\.html: clean failed: too deep\n$/);
  });

  it("ignores a stage with nothing to do", () => {
    const { stream, text } = fakeStream(false);
    const progress = createProgress(stream, "auto");
    progress.update("read", 0, 0);
    progress.stop();
    assert.equal(text(), "");
  });
});

describe("progress of labelled steps", () => {
  it("prints a step's end once, with what it did, and its notes after the prefix", () => {
    const { stream, text } = fakeStream(false);
    const steps = createStepProgress(stream, {
      quiet: false,
      prefix: "triangulate: refine: ",
      plainEveryMs: 60_000,
    });
    steps.note("feeding 4 stored articles to a fresh clusterer");
    for (let done = 0; done <= 4; done++)
      steps.update({ label: "round 1", unit: "articles", done, total: 4, detail: "1 moved" });
    steps.update({ label: "round 1", unit: "articles", done: 4, total: 4, detail: "1 moved" });
    assert.deepEqual(lines(text()), [
      "triangulate: refine: feeding 4 stored articles to a fresh clusterer",
      "triangulate: refine: round 1: 4/4 articles, 1 moved (T)",
    ]);
  });

  it("draws a step's bar once on a terminal when its end is reported twice", () => {
    const { stream, text } = fakeStream(true);
    const steps = createStepProgress(stream, { quiet: false, prefix: "", plainEveryMs: 0 });
    steps.update({ label: "writing stories", unit: "articles", done: 0, total: 2 });
    steps.update({ label: "writing stories", unit: "articles", done: 2, total: 2 });
    const once = text();
    steps.update({ label: "writing stories", unit: "articles", done: 2, total: 2 });
    assert.match(once, /writing stories/);
    assert.equal(text(), once);
  });

  it("is silent when quiet, notes included", () => {
    const { stream, text } = fakeStream(false);
    const steps = createStepProgress(stream, { quiet: true, prefix: "x: ", plainEveryMs: 0 });
    steps.note("feeding");
    steps.update({ label: "round 1", unit: "articles", done: 1, total: 1 });
    assert.equal(text(), "");
  });

  it("shows the rate of a slow step with a decimal rather than as 0/s", async () => {
    const { stream, text } = fakeStream(false);
    const steps = createStepProgress(stream, { quiet: false, prefix: "", plainEveryMs: 1000 });
    steps.update({ label: "reading articles", unit: "articles", done: 0, total: 40 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    steps.update({ label: "reading articles", unit: "articles", done: 1, total: 40 });
    assert.match(text(), /^reading articles: 1\/40 articles \(2%\), 0\.\d\/s, ETA \d+\.\d s\n$/);
  });
});

describe("formatDuration", () => {
  it("writes seconds, minutes and hours as a reader says them", () => {
    assert.equal(formatDuration(4.25), "4.3 s");
    assert.equal(formatDuration(125), "2m05s");
    assert.equal(formatDuration(3 * 3600 + 7 * 60), "3h07m");
    assert.equal(formatDuration(Number.NaN), "?");
  });
});
