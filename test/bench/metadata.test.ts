/** The metadata agreement rules of the clean bench. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  agreement,
  bylineContains,
  bylineLoose,
  bylineMatchesNames,
  calendarDate,
  langPrimary,
  type PredictedMetadata,
  publishedSameDay,
  scoreJudgedBylines,
  scoreJudgedDates,
  titleExact,
  titleHeadline,
  titleLoose,
} from "../../bench/clean/metadata.js";

const said = (p: Partial<PredictedMetadata>): PredictedMetadata => ({
  title: null,
  byline: null,
  published: null,
  lang: null,
  ...p,
});

describe("metadata agreement", () => {
  it("compares titles exactly after whitespace, loosely after case and punctuation", () => {
    const expected = { title: "United States  to Lift\nSudan Sanctions" };
    assert.equal(titleExact(expected, said({ title: " United States to Lift Sudan Sanctions" })), true);
    assert.equal(titleExact(expected, said({ title: "United States to lift Sudan sanctions!" })), false);
    assert.equal(titleLoose(expected, said({ title: "United States to lift Sudan sanctions!" })), true);
    assert.equal(titleLoose(expected, said({})), false);
    assert.equal(titleLoose({ title: null }, said({ title: "x" })), null);
  });

  it("ignores a leading By in bylines, and counts only pages with one", () => {
    assert.equal(bylineLoose({ byline: "By Joshua Sokol" }, said({ byline: "Joshua Sokol" })), true);
    assert.equal(bylineLoose({ byline: "Par Sébastien Farcis" }, said({ byline: "sébastien farcis" })), true);
    assert.equal(bylineLoose({ byline: null }, said({ byline: "Someone" })), null);
    const long = { byline: "By Kelli  Miller\n   WebMD Health News" };
    assert.equal(bylineLoose(long, said({ byline: "Kelli Miller" })), false);
    assert.equal(bylineContains(long, said({ byline: "Kelli Miller" })), true);
    assert.equal(bylineContains(long, said({ byline: "Kell" })), false);
  });

  it("takes the calendar date as written, whatever the offset or format", () => {
    assert.equal(calendarDate("2021-11-01T23:52:50-0800"), "2021-11-01");
    assert.equal(calendarDate("2017-11-03 03:01:00.000000"), "2017-11-03");
    assert.equal(calendarDate("Tue, 24 Feb 2015 19:56:33 GMT"), "2015-02-24");
    assert.equal(calendarDate("soon"), null);
    const expected = { publishedTime: "2015-07-24T05:36:09+01:00" };
    assert.equal(publishedSameDay(expected, said({ published: "2015-07-24" })), true);
    assert.equal(publishedSameDay(expected, said({ published: "2015-07-23T23:00:00Z" })), false);
  });

  it("compares the primary language subtag", () => {
    assert.equal(langPrimary({ lang: "en-US" }, said({ lang: "en" })), true);
    assert.equal(langPrimary({ lang: "pt-BR" }, said({ lang: "PT" })), true);
    assert.equal(langPrimary({ lang: "fr" }, said({ lang: "en" })), false);
    assert.equal(langPrimary({}, said({ lang: "en" })), null);
  });

  it("counts agreements over the pages that expect a value", () => {
    const rows = agreement([
      { expected: { title: "A", lang: "en" }, predicted: said({ title: "A", lang: "de" }) },
      { expected: { title: "B" }, predicted: said({ title: "C" }) },
    ]);
    const byField = new Map(rows.map((r) => [r.field, r]));
    assert.deepEqual(byField.get("title (exact)"), { field: "title (exact)", expected: 2, agreed: 1 });
    assert.deepEqual(byField.get("lang (primary subtag)"), {
      field: "lang (primary subtag)",
      expected: 1,
      agreed: 0,
    });
    assert.deepEqual(byField.get("byline (loose)"), { field: "byline (loose)", expected: 0, agreed: 0 });
  });

  it("compares headlines without a site-name suffix, and only a site's name", () => {
    const breitbart = {
      title: "'Neutral' Snopes Fact-Checker - Breitbart",
      siteNames: ["www.breitbart.com"],
    };
    assert.equal(titleHeadline(breitbart, said({ title: "'Neutral' Snopes Fact-Checker" })), true);
    const ehow = { title: "How to Build a Terrarium | eHow", siteName: "eHow" };
    assert.equal(titleHeadline(ehow, said({ title: "How to Build a Terrarium" })), true);
    const guardian = { title: "Māori tribes fearful | Eleanor Ainge Roy", byline: "Eleanor Ainge Roy" };
    assert.equal(titleHeadline(guardian, said({ title: "Māori tribes fearful" })), true);
    const dash = { title: "Trump - the rise", siteNames: ["news.example"] };
    assert.equal(titleHeadline(dash, said({ title: "Trump" })), false);
    assert.equal(titleHeadline(dash, said({ title: "Trump - the rise" })), true);
  });

  it("scores judged dates by day, and counts dates given for undated pages apart", () => {
    const judged = { a: "2016-10-01", b: "2016-10-02", c: null };
    const got = new Map([
      ["a", "2016-10-01T23:30:00-04:00"],
      ["b", "2016-10-01"],
      ["c", "2016-10-03"],
    ]);
    assert.deepEqual(scoreJudgedDates(judged, got), { valued: 2, right: 1, empty: 1, invented: 1 });
  });

  it("takes a byline as right when it holds every judged name and nothing but joining words", () => {
    assert.equal(
      bylineMatchesNames("By Stella Kim and Jennifer Jett", ["Stella Kim", "Jennifer Jett"]),
      true,
    );
    assert.equal(bylineMatchesNames("Stella Kim", ["Stella Kim", "Jennifer Jett"]), false);
    assert.equal(bylineMatchesNames("Ben Silverman Games Editor", ["Ben Silverman"]), false);
    const judged = { a: ["Jane Doe"], b: null };
    const got = new Map([
      ["a", "JANE DOE"],
      ["b", "Staff"],
    ]);
    assert.deepEqual(scoreJudgedBylines(judged, got), { valued: 1, right: 1, empty: 1, invented: 1 });
  });
});
