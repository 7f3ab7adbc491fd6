/** Date stamps as pages write them, in several languages and numeric orders, to ISO 8601. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalizeDate, parseDate } from "../../src/clean/dates.js";

const fast = { thorough: false } as const;

describe("parseDate: ISO and machine stamps", () => {
  it("keeps the time and zone a stamp gives, and no more", () => {
    assert.equal(normalizeDate("2016-12-22T10:43:37-08:00", fast), "2016-12-22T10:43:37-08:00");
    assert.equal(normalizeDate("2021-11-01T10:52:50+0100", fast), "2021-11-01T10:52:50+01:00");
    assert.equal(normalizeDate("2019-10-18T17:23:34.816Z", fast), "2019-10-18T17:23:34Z");
    assert.equal(normalizeDate("2017-11-03 03:01:00.000000", fast), "2017-11-03T03:01:00");
    assert.equal(normalizeDate("2015-07-10 09:53:00 -0400", fast), "2015-07-10T09:53:00-04:00");
    assert.equal(normalizeDate("2024-06-25", fast), "2024-06-25");
    assert.equal(normalizeDate("2013/12/28 10:28", fast), "2013-12-28T10:28:00");
  });

  it("refuses impossible and implausible calendar dates", () => {
    assert.equal(normalizeDate("2099-13-45"), null);
    assert.equal(normalizeDate("2015-02-29"), null);
    assert.equal(normalizeDate("1850-01-01"), null);
    assert.equal(normalizeDate("1994-12-31"), null);
    assert.equal(normalizeDate("2016-02-29"), "2016-02-29");
  });
});

describe("parseDate: written dates", () => {
  const cases: [string, string][] = [
    ["By JEFFREY GETTLEMAN JAN. 13, 2017", "2017-01-13"],
    ["Sept. 25, 2018", "2018-09-25"],
    ["March 11th, 2015 at 02:57", "2015-03-11T02:57:00"],
    ["Dan Goodin - Apr 16, 2015 8:02 pm UTC", "2015-04-16T20:02:00Z"],
    ["Sunday, Feb 1, 2015 11:57 AM UTC", "2015-02-01T11:57:00Z"],
    ["Dec 28 Sat 2013 00:28", "2013-12-28T00:28:00"],
    ["Published Thursday 27 July 2017", "2017-07-27"],
    ["30 avril 2015 à 07:19", "2015-04-30T07:19:00"],
    ["1er mai 2016", "2016-05-01"],
    ["24. März 2016, 14:05 Uhr", "2016-03-24T14:05:00"],
    ["1 de diciembre de 2017 3:00 AM PST", "2017-12-01T03:00:00-08:00"],
    ["21.dez.2018 às 12h55", "2018-12-21T12:55:00"],
    ["12 ottobre 2019", "2019-10-12"],
    ["3 listopadu 2021", "2021-11-03"],
    ["5 października 2020", "2020-10-05"],
    ["7 ноября 2016", "2016-11-07"],
    ["2016年10月14日07:17", "2016-10-14T07:17:00"],
    ["2017년 3월 9일", "2017-03-09"],
  ];
  for (const [text, iso] of cases) {
    it(`reads "${text}"`, () => assert.equal(parseDate(text, fast)?.iso, iso));
  }

  it("needs a year, a month and a day", () => {
    assert.equal(parseDate("Mar 27", fast), null);
    assert.equal(parseDate("Monday", fast), null);
    assert.equal(parseDate("Chapter 11 Bankruptcy 2016", fast), null);
  });
});

describe("parseDate: numeric order", () => {
  it("reads dots day first and slashes month first unless told otherwise", () => {
    assert.equal(normalizeDate("08.04.2015 12:46", fast), "2015-04-08T12:46:00");
    assert.equal(normalizeDate("2/26/2015 7:11 AM PST", fast), "2015-02-26T07:11:00-08:00");
    assert.equal(normalizeDate("07/12/2017", { ...fast, dayFirst: true }), "2017-12-07");
    assert.equal(normalizeDate("07/12/2017", { ...fast, dayFirst: false }), "2017-07-12");
  });

  it("swaps a reading whose month would be over 12, and widens two-digit years", () => {
    assert.equal(normalizeDate("10.15.15", fast), "2015-10-15");
    assert.equal(normalizeDate("13/02/2016", fast), "2016-02-13");
    assert.equal(normalizeDate("3/09/15 8:00am", fast), "2015-03-09T08:00:00");
  });

  it("does not read version numbers or addresses as dates", () => {
    assert.equal(parseDate("version 1.2.3.4 released", fast), null);
    assert.equal(parseDate("call 12.34.5678", fast), null);
  });
});

describe("parseDate: labels and relative dates", () => {
  it("marks update labels in several languages", () => {
    assert.equal(parseDate("Updated: Oct 2, 2016 4:05 PM EDT")?.isUpdate, true);
    assert.equal(parseDate("Mis à jour le 05.05.2015 à 20h13")?.isUpdate, true);
    assert.equal(parseDate("Aktualisiert am 24. März 2016")?.isUpdate, true);
    assert.equal(parseDate("Published: March 4, 2021 10:32 AM")?.isUpdate, false);
  });

  it("never turns a relative date into the parser's reference day", () => {
    for (const text of [
      "4 hours ago",
      "yesterday 12:35PM",
      "Today 7:30AM",
      "3 days ago",
      "52m ago in 2016",
    ]) {
      assert.equal(parseDate(text), null, text);
    }
    assert.equal(parseDate("Firefox now supports printing page ranges (e.g. 1-3, 6, 7) in 2020"), null);
  });

  it("stays fast and total on long or hostile strings", () => {
    const hostile = `${"1.".repeat(5_000)}2016 ${"Jan ".repeat(5_000)}`;
    const t0 = performance.now();
    assert.equal(parseDate(hostile), null);
    for (let i = 0; i < 1_000; i++) parseDate(`${"9/".repeat(40)}2016 ${"de ".repeat(20)}`, fast);
    assert.ok(performance.now() - t0 < 1_000);
  });
});
