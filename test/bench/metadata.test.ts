/** The metadata agreement rules of the clean bench. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  agreement,
  bylineContains,
  bylineLoose,
  calendarDate,
  langPrimary,
  type PredictedMetadata,
  publishedSameDay,
  titleExact,
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
});
