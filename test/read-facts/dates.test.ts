import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { DateMention } from "../../src/model/index.js";
import { findDates } from "../../src/read/dates.js";
import { sentencesOf } from "./helpers.js";

/** A Saturday: "last week" is the week of Monday 19 September. */
const PUBLISHED = "2016-10-01T17:14:58";

function datesIn(text: string, published: string | null = PUBLISHED): DateMention[] {
  const { article, sentences } = sentencesOf([text], { published });
  return findDates(article, sentences);
}

function only(text: string, published: string | null = PUBLISHED): DateMention {
  const got = datesIn(text, published);
  assert.equal(got.length, 1, JSON.stringify(got));
  return got[0]!;
}

describe("findDates", () => {
  it("resolves a day and month without a year to the latest such date before publication", () => {
    const d = only("The 40-minute discussion took place on 22 September at the mission.");
    assert.equal(d.text, "22 September");
    assert.equal(d.value, "2016-09-22");
    assert.equal(d.relative, false);
    assert.equal(d.granularity, "day");
  });

  it("reads month-first dates", () => {
    assert.equal(only("The audio of the meeting on September 22 was leaked.").value, "2016-09-22");
  });

  it("puts a later month in the year before publication", () => {
    assert.equal(only("Both sides signed the Dec. 30 ceasefire agreement.").value, "2015-12-30");
  });

  it("keeps an explicit year and time", () => {
    const d = only("Sat Oct 1, 2016 17:14:58");
    assert.equal(d.value, "2016-10-01T17:14:58");
    assert.equal(d.granularity, "time");
  });

  it("reads “late September” at month precision", () => {
    const d = only("The audio was originally leaked to the paper in late September.");
    assert.equal(d.text, "late September");
    assert.equal(d.value, "2016-09");
    assert.equal(d.granularity, "month");
  });

  it("resolves “last week” to the week before publication", () => {
    const d = only("Kerry complained in a meeting last week with a small number of Syrian civilians.");
    assert.equal(d.text, "last week");
    assert.equal(d.relative, true);
    assert.equal(d.granularity, "week");
    assert.equal(d.value, "2016-09-19");
  });

  it("resolves “this week” and “yesterday”", () => {
    assert.equal(only("The audio was released by Wikileaks this week.").value, "2016-09-26");
    const y = only("Yesterday the minister resigned.");
    assert.equal(y.value, "2016-09-30");
    assert.equal(y.relative, true);
  });

  it("reads a weekday as the latest one on or before publication", () => {
    const d = only("On Wednesday, Wikileaks released new evidence.");
    assert.equal(d.text, "Wednesday");
    assert.equal(d.value, "2016-09-28");
  });

  it("keeps spans anchored to another event unresolved", () => {
    const d = only("The conversation took place days after a brief cease-fire crumbled.");
    assert.equal(d.text, "days after");
    assert.equal(d.relative, true);
    assert.equal(d.value, null);
  });

  it("leaves relative dates null without a publication date, but keeps full dates", () => {
    const got = datesIn("He spoke last week about the vote of 3 May 2015.", null);
    assert.deepEqual(
      got.map((d) => [d.text, d.value]),
      [
        ["last week", null],
        ["3 May 2015", "2015-05-03"],
      ],
    );
    assert.equal(only("The meeting on 22 September was secret.", null).value, null);
  });

  it("reads a bare year after a temporal word", () => {
    const d = only("The rebels took the town in 2012 with foreign help.");
    assert.equal(d.value, "2012");
    assert.equal(d.granularity, "year");
  });

  it("does not read clock times, verbs or numbers as dates", () => {
    assert.deepEqual(datesIn("BEIRUT (2:20 P.M.) The talks may 5 times fail now."), []);
    assert.deepEqual(datesIn("The March rally drew 35 minute speeches."), []);
  });

  it("gives spans that index the body", () => {
    const { article, sentences } = sentencesOf(
      ["Intro.", "It happened on 22 September, days after the truce, last week."],
      {
        published: PUBLISHED,
      },
    );
    const got = findDates(article, sentences);
    assert.equal(got.length, 3);
    for (const d of got) assert.equal(article.body.slice(d.start, d.end), d.text);
  });

  it("never reads the clock: the same text gives the same values for another publication date", () => {
    assert.equal(only("He left last week.", "2020-01-08").value, "2019-12-30");
    assert.equal(only("He left on 22 September.", "2020-01-08").value, "2019-09-22");
  });
});
