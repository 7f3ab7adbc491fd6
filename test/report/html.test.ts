/**
 * What a reader sees in the HTML report, checked on the parsed page: the header and timeline,
 * verdicts with linked evidence, the quote matrix with word-level differences, figure
 * conflicts, reuse, witnesses and each article with its marks and removed parts.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { renderHtml, toReport } from "../../src/report/index.js";
import { buildLongStory, buildStory, FAILURES } from "./fixture.js";

type Doc = ReturnType<typeof parseHTML>["document"];
type El = NonNullable<ReturnType<Doc["querySelector"]>>;

interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<unknown>;
}

/** Visible words of an element, with a space between adjacent elements' texts. */
function text(el: El | null | undefined): string {
  const walk = (node: DomNode): string =>
    Array.from(node.childNodes as ArrayLike<DomNode>)
      .map((child) => (child.nodeType === 3 ? (child.textContent ?? "") : ` ${walk(child)} `))
      .join("");
  if (!el) return "";
  return walk(el as unknown as DomNode)
    .replace(/\s+/g, " ")
    .replace(/ ([,.):])/g, "$1")
    .replace(/([(“]) /g, "$1")
    .trim();
}

function page(html: string) {
  const { document } = parseHTML(html);
  const all = (selector: string): El[] => [...document.querySelectorAll(selector)];
  const one = (selector: string): El => {
    const el = document.querySelector(selector);
    assert.ok(el, `found ${selector}`);
    return el;
  };
  return { document, all, one, text };
}

const html = renderHtml(toReport(buildStory(), FAILURES));
const { all, one, document } = page(html);

describe("renderHtml: page shell", () => {
  it("needs no network: no external resource, a strict CSP pinned to our style and script", () => {
    assert.doesNotMatch(html, /\s(src|srcset|action)=/);
    assert.equal(all("link").length, 0);
    const csp = one('meta[http-equiv="Content-Security-Policy"]').getAttribute("content") ?? "";
    assert.match(csp, /^default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
    assert.ok(
      csp.includes(`style-src ${hash(one("style").textContent ?? "")}`),
      "style hash matches the sheet",
    );
    assert.ok(
      csp.includes(`script-src ${hash(one("script").textContent ?? "")}`),
      "script hash matches the script",
    );
    assert.equal(all("[style]").length, 0, "no style attributes (the CSP would block them)");
  });

  it("is deterministic", () => {
    assert.equal(renderHtml(toReport(buildStory(), FAILURES)), html);
  });

  it("names unreadable inputs first", () => {
    assert.match(text(one("section.failures")), /1 input could not be read.*page\.pdf: binary content/);
  });
});

describe("renderHtml: header and timeline", () => {
  it("leads with the earliest version's headline, lists the others with their verdicts", () => {
    assert.equal(
      text(one("h1")),
      "Leaked tape: Health minister says she lost cabinet fight over rural wards",
    );
    const others = all("ul.headlines > li").map(text);
    assert.equal(others.length, 2);
    assert.match(others.find((h) => /WANTED/.test(h)) ?? "", /unsupported.*The Daily Pulse/i);
    assert.match(text(one(".kicker")), /3 versions of one story from 3 sources/);
  });

  it("shows the event date and each publication in order, flagging the late re-publication", () => {
    const rows = all("ol.timeline li").map(text);
    assert.match(rows[0] ?? "", /^10 Mar 2023 the event from “March 10” 1 ?Northern Courier$/);
    assert.match(rows[1] ?? "", /14 Mar 2023, 08:30 \+4 days 1 ?Northern Courier/);
    assert.match(rows[3] ?? "", /2 Jun 2023 \+84 days 2 ?The Daily Pulse late re-publication/);
  });
});

describe("renderHtml: claims", () => {
  it("puts headlines first, weakest verdict first, each with a coloured badge and reasons", () => {
    const cards = all("#claims article.claim");
    assert.equal(cards.length, 5);
    assert.ok(cards[0]?.classList.contains("c-unsupported"));
    assert.equal(text(cards[0]?.querySelector(".badge") ?? null), "unsupported");
    assert.ok(cards[0]?.querySelector(".badge")?.classList.contains("v-unsupported"));
    assert.match(text(cards[0]?.querySelector(".reasons") ?? null), /intent verb like 'wanted'/);
    assert.match(text(cards[0]?.querySelector(".claim-text") ?? null), /Minister WANTED/);
    const bodyClaims = one("#claims details.body-claims");
    assert.equal(bodyClaims.querySelectorAll("article.claim").length, 2);
  });

  it("shows evidence as the quoted words with the article, linked to the quote in the article", () => {
    const link = one("#claims article.claim .evidence a.ev-quote");
    assert.equal(text(link), "“We cannot keep every rural ward open, and I lost that argument in cabinet”");
    const target = document.getElementById((link.getAttribute("href") ?? "").slice(1));
    assert.equal(target?.tagName, "MARK");
    assert.equal(text(target), "We cannot keep every rural ward open, and I lost that argument in cabinet");
    assert.ok(target?.closest("details.article"), "target sits in an article");
  });

  it("links figure-group evidence to the figure row, and shows unknown ids as plain text", () => {
    const report = toReport(buildStory(), []);
    report.claimSupport[0]!.evidence.push("nowhere:q7");
    const p = page(renderHtml(report));
    const figureLink = p.all("#claims a").find((a) => /rural wards under review/.test(a.textContent ?? ""));
    assert.ok(figureLink);
    assert.equal(p.document.getElementById((figureLink.getAttribute("href") ?? "").slice(1))?.tagName, "TR");
    assert.ok(p.all("#claims .evidence code").some((c) => c.textContent === "nowhere:q7"));
  });
});

describe("renderHtml: quote matrix", () => {
  it("has one row per quote group and one column per version", () => {
    const rows = all("table.matrix tbody tr");
    assert.equal(rows.length, 4);
    assert.equal(all("table.matrix thead th").length, 4);
    const first = rows[0]!;
    assert.match(text(first.querySelector(".qcol")), /^Helen Marsh “?We cannot keep every rural ward open/);
    assert.deepEqual(
      [...first.querySelectorAll("td")].map((td) => text(td.querySelector("button") ?? td)),
      ["identical", "trimmed", "altered"],
    );
    assert.equal(text(rows[2]!.querySelectorAll("td")[1]!), "—");
  });

  it("shows the word-level difference: removed words struck, added words marked", () => {
    const altered = one("table.matrix tbody tr button.r-altered");
    const pop = document.getElementById(altered.getAttribute("popovertarget") ?? "");
    assert.ok(pop?.hasAttribute("popover"));
    assert.equal(text(pop.querySelector("del")), "cannot");
    assert.equal(text(pop.querySelector("ins")), "can’t");
    assert.match(altered.getAttribute("title") ?? "", /− cannot\s+\+ can’t/);
    const trimmed = one("table.matrix tbody tr button.r-trimmed");
    const trimmedPop = document.getElementById(trimmed.getAttribute("popovertarget") ?? "");
    assert.equal(text(trimmedPop?.querySelector("del") ?? null), "and I lost that argument in cabinet");
  });
});

describe("renderHtml: figures, reuse, witnesses", () => {
  it("flags the recording-length conflict with each version's value", () => {
    const row = one("table.figures tr.is-conflict");
    assert.match(
      text(row),
      /recording length 25-minute 1 ?Northern Courier 3 ?Metro Wire 30-minute 2 ?The Daily Pulse conflict/,
    );
    assert.match(text(all("table.figures tbody tr")[1] ?? null), /agree/);
  });

  it("shows each reuse pair's shares, direction and collapsible passages", () => {
    const pair = one("#reuse .pair");
    assert.match(
      text(pair.querySelector(".pair-head")),
      /1 ?Northern Courier → 2 ?The Daily Pulse likely copied: 1 ?Northern Courier was published 80 days earlier/,
    );
    assert.equal(
      pair.querySelectorAll(".pair-head .tag").length,
      3,
      "the article id in the reason is shown as a tag",
    );
    const meters = [...pair.querySelectorAll("meter")].map((m) => Number(m.getAttribute("value")));
    assert.equal(meters.length, 2);
    assert.ok(meters[1]! > meters[0]!, "the copy is mostly shared text");
    assert.match(text(pair.querySelector("details summary")), /2 shared passages/);
  });

  it("groups copies into one witness and names the original", () => {
    const items = all("ul.witnesses li").map(text);
    assert.match(
      items[0] ?? "",
      /copies of one text \(2\) 1 ?Northern Courier \(original\) 2 ?The Daily Pulse/,
    );
    assert.match(items[1] ?? "", /^independent 3 ?Metro Wire$/);
  });
});

describe("renderHtml: articles", () => {
  it("shows each version's metadata and clean text, open when there are few", () => {
    const articles = all("details.article");
    assert.equal(articles.length, 3);
    assert.ok(articles.every((a) => a.hasAttribute("open")));
    const metro = articles[2]!;
    assert.match(
      text(metro.querySelector("dl.meta")),
      /Published 15 Mar 2023, 11:02 By Tom Ellery Dateline LONDON \(11:02 A\.M\.\)/,
    );
    assert.equal(metro.querySelector("dl.meta a"), null, "a file path is not a link");
    assert.ok(articles[0]!.querySelector('dl.meta a[href^="https://www.northern-courier.example/"]'));
    assert.equal(metro.querySelectorAll(".body p").length, 3);
  });

  it("marks each quote with its speaker and underlines figures", () => {
    const metro = all("details.article")[2]!;
    const metroMarks = [...metro.querySelectorAll("mark.q")];
    assert.equal(metroMarks.length, 2);
    assert.equal(metroMarks[1]!.getAttribute("title"), "Gareth Bowen (called)");
    assert.ok(metroMarks[1]!.classList.contains("partial"));
    assert.deepEqual([...metro.querySelectorAll(".fig")].map(text), ["25 minute"]);
  });

  it("nests a figure inside a quote without breaking the quote's text", () => {
    const report = toReport(buildStory(), []);
    const a = report.articles[0]!;
    const q = a.quotes[0]!;
    const inner = a.body.indexOf("rural ward", q.start);
    a.figures.push({ text: "rural ward", value: 1, unit: "ward", start: inner, end: inner + 10 });
    const p = page(renderHtml(report));
    const mark = p.document.getElementById(
      (p.all("#claims a.ev-quote")[0]?.getAttribute("href") ?? "").slice(1),
    );
    assert.ok(mark);
    const pieces = p.all("details.article")[0]!.querySelectorAll("mark.q");
    const joined = [...pieces].map((m) => m.textContent).join("");
    assert.ok(joined.includes(q.text), "the quote reads whole across its pieces");
    assert.ok(
      [...pieces].some((m) => m.querySelector(".fig")),
      "figure inside the mark",
    );
  });

  it("keeps the removed parts, grouped by kind with counts, collapsed", () => {
    const pulse = all("details.article")[1]!;
    const removed = pulse.querySelector("details.removed");
    assert.ok(removed && !removed.hasAttribute("open"));
    assert.match(
      text(removed.querySelector("summary")),
      /5 parts, 41 words \(related-links 1, comments 3, reply-form 1\)/,
    );
    const kinds = [...removed.querySelectorAll("details.kind")];
    const comments = kinds.find((k) => /comments/.test(text(k.querySelector("summary"))));
    assert.equal(comments?.querySelectorAll("li").length, 3);
    assert.match(text(comments?.querySelector("pre") ?? null), /never cared about us up north/);
  });

  it("says what only one version carries", () => {
    const metro = all("details.article")[2]!;
    assert.match(
      text(metro.querySelector(".coverage")),
      /1 quote \(“a betrayal of every nurse in the county”\) and 1 sentence/,
    );
  });

  it("names the copies that share a quote only one witness carries, not 'only in this version'", () => {
    const courier = text(all("details.article")[0]!.querySelector(".coverage"));
    assert.match(courier, /^Only in this version: 2 sentences\. Only in this text and its copies \(2 /);
    assert.match(courier, /: 1 quote \(“/);
  });
});

describe("renderHtml: long stories", () => {
  const long = renderHtml(toReport(buildLongStory(100), []));
  const p = page(long);

  it("collapses the articles and keeps every version as a matrix column", () => {
    const articles = p.all("details.article");
    assert.equal(articles.length, 100);
    assert.ok(articles.every((a) => !a.hasAttribute("open")));
    assert.equal(p.all("table.matrix thead th").length, 101);
    assert.ok(p.one(".matrix-wrap table.matrix"));
  });

  it("folds long lists: timeline, headline tags, reuse pairs", () => {
    assert.match(p.text(p.one(".timeline-box details.more summary")), /92 more publications/);
    assert.ok(p.all("header.story .h1-by .tag").length <= 5);
    assert.match(p.text(p.one("header.story .h1-by")), /and \d+ more versions/);
    assert.equal(p.all("#reuse > .pairs > .pair").length, 10);
  });

  it("keeps every in-page link pointing at an element", () => {
    const ids = new Set(p.all("[id]").map((e) => e.id));
    const dangling = p.all('a[href^="#"]').filter((a) => !ids.has((a.getAttribute("href") ?? "").slice(1)));
    assert.deepEqual(
      dangling.map((a) => a.getAttribute("href")),
      [],
    );
    assert.equal(ids.size, p.all("[id]").length, "ids are unique");
  });
});
