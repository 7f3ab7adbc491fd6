/**
 * A full news page (nav, cookie banner, JSON-LD NewsArticle, og tags, share bar, figure, related
 * aside, newsletter box, advert, comment thread with reply form, footer): the article comes out
 * whole and alone, and every piece of furniture is in `removed` under the right kind.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cleanHtml } from "../../src/clean/html/index.js";
import { joinParagraphs } from "../../src/model/index.js";
import { clean, fixture, htmlPage, removedLines, removedOf } from "./helpers.js";

const NEWS = fixture("clean-html", "news.html");
const article = clean(NEWS, { id: "news", source: "news.html" });

const EXPECTED_PARAGRAPHS = [
  "A recording of a private meeting between the US secretary of state and members of the Syrian opposition has been made public, and several of those present have now described the exchange as tense.",
  "The 40-minute recording, first published by a US newspaper, captures a discussion on the margins of a diplomatic gathering in New York last month.",
  "“We are not going to accept this,” one participant said, according to two people who heard the recording, adding that the discussion grew heated towards the end.",
  "What was said",
  "In the recording, the secretary argues that military options are limited and that a diplomatic solution remains the only realistic path forward for the talks.",
  "“There is no one at the table who believes this can be solved by force alone,” he says at one point.",
  "The meeting lasted about 40 minutes and took place in September.",
  "At least 20 opposition figures and aid workers attended the session.",
  "Officials declined to comment on the recording, which was first reported on Friday.",
];

describe("cleanHtml: a full news page", () => {
  it("keeps id and source from the page", () => {
    assert.equal(article.id, "news");
    assert.equal(article.source, "news.html");
  });

  it("reads the metadata from og, JSON-LD, <html lang> and the visible header", () => {
    assert.equal(article.title, "Kerry tape: opposition leaders describe tense meeting");
    assert.equal(article.outlet, "The Daily Planet");
    assert.equal(article.byline, "Jane Doe, Omar Haddad");
    assert.equal(article.published, "2016-10-01T17:14:58Z");
    assert.equal(article.lang, "en");
    assert.equal(
      article.dek,
      "Participants say the secretary of state told them there was little Washington could do.",
    );
  });

  it("keeps every body block in order: paragraphs, subhead, quote, list items", () => {
    assert.deepEqual(article.paragraphs, EXPECTED_PARAGRAPHS);
    assert.equal(article.body, joinParagraphs(EXPECTED_PARAGRAPHS));
  });

  it("moves the dateline out of the first paragraph", () => {
    assert.equal(article.dateline, "BEIRUT, LEBANON (2:20 P.M.)");
    assert.ok(!article.body.includes("BEIRUT"));
  });

  it("does not repeat the title, standfirst, byline or date line as paragraphs", () => {
    for (const p of article.paragraphs) {
      assert.notEqual(p, article.title);
      assert.notEqual(p, article.dek);
      assert.doesNotMatch(p, /^By Jane Doe/);
      assert.doesNotMatch(p, /^1 October 2016/);
    }
  });

  it("labels each piece of furniture by its place in the markup", () => {
    const expected: [string, string][] = [
      [
        "cookie-banner",
        "We use cookies to improve your experience. By continuing you agree to our cookie policy.",
      ],
      ["cookie-banner", "Accept all"],
      ["navigation", "World"],
      ["navigation", "Home › World › Middle East"],
      ["widget", "Facebook Twitter Email"],
      ["caption", "Delegates leave the meeting in New York. (Photo: Jane Roe / Wire Agency)"],
      ["related-links", "Related stories"],
      ["related-links", "Ceasefire collapses after a week of fighting"],
      ["newsletter", "Sign up for our morning briefing newsletter"],
      ["advertisement", "Advertisement"],
      ["comments", "3 Comments"],
      ["comments", "Jens Holm"],
      ["comments", "This is exactly what I expected from this administration, sadly."],
      ["reply-form", "Leave a Reply"],
      ["reply-form", "Comment Post Comment"],
      ["boilerplate", "© 2016 The Daily Planet. All rights reserved."],
      ["boilerplate", "Privacy policy"],
    ];
    const lines = removedLines(article);
    for (const [kind, line] of expected) {
      assert.ok(
        lines.some((l) => l.kind === kind && l.line === line),
        `removed ${kind}: ${line}\n${JSON.stringify(article.removed, null, 1)}`,
      );
      assert.ok(!article.body.includes(line), `not in body: ${line}`);
    }
  });

  it("removes no article text and lists no metadata as junk", () => {
    for (const { line } of removedLines(article)) {
      for (const p of article.paragraphs) assert.ok(!p.includes(line) || line.length < 12, `${line} is body`);
    }
    const all = article.removed.map((r) => r.text).join("\n");
    assert.ok(!all.includes("Kerry tape"), "the headline is metadata, not removed");
    assert.ok(!all.includes("By Jane Doe"), "the byline is metadata, not removed");
    assert.ok(!all.includes("1 October 2016, 17:14"), "the date line is metadata, not removed");
    assert.ok(!all.includes("window.analytics"), "scripts are not page text");
    assert.ok(!all.includes("font-family"), "styles are not page text");
  });

  it("merges neighbouring removed blocks of one kind", () => {
    const kinds = article.removed.map((r) => r.kind);
    for (let i = 1; i < kinds.length; i++)
      assert.notEqual(kinds[i], kinds[i - 1], `entries ${i - 1} and ${i}`);
    assert.deepEqual(removedOf(article, "comments").slice(0, 2), ["3 Comments", "Jens Holm"]);
  });

  it("is deterministic", () => {
    assert.deepEqual(cleanHtml(htmlPage(NEWS, { id: "news", source: "news.html" })), article);
  });
});

describe("cleanHtml: the CLI's blog fixture", () => {
  const blog = clean(fixture("cli", "blog.html"), { id: "blog", source: "blog.html" });

  it("finds the headline and the three paragraphs", () => {
    assert.equal(blog.title, "Hamburg finally votes for flood wall");
    assert.deepEqual(blog.paragraphs, [
      "After months of bickering, the city council approved a 15 million euro flood barrier for the harbour district on Tuesday.",
      '"We cannot wait for the next storm surge," Mayor Peter Lindqvist told councillors, according to the Wire news agency.',
      "Opposition leader Anna Brandt said the residents were never consulted.",
    ]);
    assert.equal(blog.lang, "en");
  });

  it("removes the nav, the related list and the footer, and names the outlet from the copyright line", () => {
    assert.deepEqual(removedOf(blog, "navigation"), ["Home | Local | Weather"]);
    assert.deepEqual(removedOf(blog, "related-links"), [
      "Related",
      "Storm season forecast",
      "Harbour rents climb again",
    ]);
    assert.deepEqual(removedOf(blog, "boilerplate"), ["© Harbour Watch. Share: Facebook 212 Twitter 48"]);
    assert.equal(blog.outlet, "Harbour Watch");
  });

  it("takes the byline line as the byline, not as a paragraph or junk", () => {
    assert.equal(blog.byline, "Harbour Watch staff");
    assert.ok(!blog.removed.some((r) => r.text.includes("Harbour Watch staff")));
  });
});
