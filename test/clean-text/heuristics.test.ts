/**
 * The named heuristics of the text cleaner, each on the real-world case it exists for, and the
 * near misses that must not trigger it.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findDateline } from "../../src/clean/dateline.js";
import { parseDate } from "../../src/clean/dates.js";
import { cleanText } from "../../src/clean/text/index.js";
import { MAX_LINE_CHARS } from "../../src/limits.js";
import type { Article } from "../../src/model/index.js";

function clean(lines: string[]): Article {
  return cleanText({
    id: "t",
    source: "t.txt",
    format: "text",
    content: lines.join("\n\n"),
    encoding: "utf-8",
    encodingEvidence: "default",
    url: null,
  });
}

const PARA_1 =
  "The regional parliament voted on Tuesday to close the last coal power station in the valley by 2030, five years earlier than the national plan requires.";
const PARA_2 =
  "Supporters said the decision would cut the region's emissions by a fifth, while the plant's owner warned that it would seek compensation in court.";
const PARA_3 =
  "About 400 people work at the station, and the unions said they had not been consulted about the retraining programme the government announced.";

describe("datelines", () => {
  it("finds agency, place-and-time and bare-place datelines", () => {
    assert.equal(findDateline("WASHINGTON (Reuters) - The Senate voted.")?.text, "WASHINGTON (Reuters)");
    assert.equal(
      findDateline("BEIRUT, LEBANON (2:20 P.M.) – A leaked audio.")?.text,
      "BEIRUT, LEBANON (2:20 P.M.)",
    );
    assert.equal(
      findDateline("HAMBURG, March 3 (Wire) - The city council.")?.text,
      "HAMBURG, March 3 (Wire)",
    );
    assert.equal(findDateline("NEW YORK — Stocks fell on Monday.")?.text, "NEW YORK");
  });

  it("leaves sentences that merely start with capitals or contain a dash", () => {
    assert.equal(findDateline("US officials - speaking anonymously - said the talks failed."), null);
    assert.equal(findDateline("The vote – the first in a decade – passed easily."), null);
    assert.equal(findDateline("I think – and I said so – that it was wrong."), null);
    assert.equal(findDateline("Kerry said the talks - which began in May - had failed."), null);
    assert.equal(findDateline("NATO – the alliance said it would respond."), null);
  });

  it("moves the dateline out of the body", () => {
    const a = clean([`GENEVA (AFP) – ${PARA_1}`, PARA_2]);
    assert.equal(a.dateline, "GENEVA (AFP)");
    assert.ok(a.body.startsWith("The regional parliament"));
  });
});

describe("publication dates", () => {
  it("normalises the common date stamps, as precise as given", () => {
    assert.equal(parseDate("Sat Oct 1, 2016 17:14:58")?.iso, "2016-10-01T17:14:58");
    assert.equal(parseDate("1 October 2016")?.iso, "2016-10-01");
    assert.equal(parseDate("Published: March 4, 2021 10:32 AM")?.iso, "2021-03-04T10:32:00");
    assert.equal(parseDate("Updated: Oct 2, 2016")?.isUpdate, true);
  });

  it("refuses dates without a year and implausible years", () => {
    assert.equal(parseDate("Monday"), null);
    assert.equal(parseDate("October 1"), null);
    assert.equal(parseDate("March 4, 1870"), null);
  });

  it("prefers the first publication over an update stamp", () => {
    const a = clean([
      "Coal plant to close early",
      "Updated: March 9, 2021",
      "Published: March 2, 2021",
      PARA_1,
      PARA_2,
    ]);
    assert.equal(a.published, "2021-03-02");
  });
});

describe("header", () => {
  it("takes the headline above the byline over a longer browser warning at the top", () => {
    const a = clean([
      "Your browser is out of date and some features of this site may not work as intended",
      "Coal plant to close five years early",
      "By MARIA KELLER MARCH 2, 2021",
      PARA_1,
      PARA_2,
    ]);
    assert.equal(a.title, "Coal plant to close five years early");
    assert.equal(a.byline, "MARIA KELLER", "the glued date is not part of the name");
    assert.equal(a.published, "2021-03-02");
  });

  it("finds the header right above the body even below a long menu", () => {
    const menu = Array.from({ length: 60 }, (_, i) => `Section ${i + 1}`);
    const a = clean([...menu, "Coal plant to close five years early", "By Maria Keller", PARA_1, PARA_2]);
    assert.equal(a.title, "Coal plant to close five years early");
    assert.equal(a.byline, "Maria Keller");
    assert.ok(a.removed.some((r) => r.kind === "navigation" && r.text.includes("Section 60")));
  });
});

describe("comment threads", () => {
  it("a comment-count link under the headline does not end the article", () => {
    const a = clean(["Coal plant to close early", "3 Comments", PARA_1, PARA_2, PARA_3]);
    assert.equal(a.paragraphs.length, 3);
  });

  it("a sure thread cue after the body ends it, even without names", () => {
    const a = clean([PARA_1, PARA_2, "2 Comments", PARA_3]);
    assert.equal(a.paragraphs.length, 2);
    assert.match(a.removed.find((r) => r.kind === "comments")?.text ?? "", /About 400 people/);
  });

  it("a bare 'Comments' or 'Email' ends the article only when a sure cue follows", () => {
    const shareBar = clean([PARA_1, "Share", "Tweet", "Email", PARA_2, PARA_3]);
    assert.equal(shareBar.paragraphs.length, 3, "a share bar's Email button is not a reply form");
    const heading = clean([PARA_1, PARA_2, "Comments", "Leave a Reply", PARA_3]);
    assert.equal(heading.paragraphs.length, 2);
    assert.match(heading.removed.find((r) => r.kind === "comments")?.text ?? "", /^Comments/);
  });

  it("names alternating with text need confirmation to be a thread", () => {
    // Interview-style paragraphs headed by speakers' names, no furniture, no name twice.
    const a = clean([
      PARA_1,
      "Anna Berg",
      PARA_2,
      "Tom Ekdal",
      PARA_3,
      "Lea Holm",
      PARA_1.replace("Tuesday", "Monday"),
    ]);
    assert.ok(
      a.paragraphs.some((p) => p.startsWith("About 400 people")),
      "not taken for a thread",
    );
  });
});

describe("furniture stock phrases only on short lines", () => {
  it("a paragraph about a newsletter or a photo stays in the body", () => {
    const mention =
      "The ministry said it would publish the figures in its monthly newsletter, and a photo of the plant taken by a drone showed the cooling towers already dismantled.";
    const a = clean([PARA_1, mention, PARA_2]);
    assert.ok(a.paragraphs.includes(mention));
  });

  it("a subheading that begins with 'Support' stays; a donation appeal naming the outlet goes", () => {
    const a = clean([PARA_1, "Support for the rebels", PARA_2, "Support Valley Gazette", PARA_3]);
    assert.ok(a.paragraphs.includes("Support for the rebels"));
    assert.equal(a.removed.find((r) => r.kind === "donation")?.text, "Support Valley Gazette");
  });

  it("serialised data dumps are removed whatever their length", () => {
    const dump = `[{"id":"1","title":"${"x".repeat(80)}"},{"id":"2","title":"y"}]`;
    const a = clean([PARA_1, PARA_2, dump]);
    assert.equal(a.removed.find((r) => r.kind === "data-dump")?.text, dump);
  });
});

describe("bounds and degenerate pages", () => {
  it("an over-long line is split for classification but stays one paragraph", () => {
    const long = Array.from({ length: Math.ceil((MAX_LINE_CHARS * 2.5) / PARA_1.length) }, () => PARA_1).join(
      " ",
    );
    const a = clean([long, PARA_2]);
    assert.equal(a.paragraphs.length, 2);
    assert.equal(a.paragraphs[0], long);
  });

  it("a page with no running text keeps its unclaimed lines as body rather than dropping them", () => {
    const a = clean([
      "Storm warning for the whole northern coast",
      "Winds of 120 km/h",
      "Ferries cancelled",
      "Share on Facebook",
    ]);
    assert.equal(a.title, "Storm warning for the whole northern coast");
    assert.deepEqual(a.paragraphs, ["Winds of 120 km/h", "Ferries cancelled"]);
    assert.equal(a.removed.find((r) => r.kind === "widget")?.text, "Share on Facebook");
  });

  it("an empty page is an empty article", () => {
    const a = clean([""]);
    assert.equal(a.body, "");
    assert.deepEqual(a.removed, []);
  });
});
