/**
 * Hostile HTML: every input ends, in bounded time, with an article (possibly empty) and never an
 * exception. The big inputs are generated here.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_REMOVED_CHARS } from "../../src/clean/html/removed.js";
import { MAX_BODY_CHARS, MAX_HTML_CHARS } from "../../src/limits.js";
import type { Article } from "../../src/model/index.js";
import { articlePage, clean, PARAGRAPHS } from "./helpers.js";

/** Generous against slow CI machines; the stage takes a few seconds at most on any of these. */
const BOUND = { timeout: 30_000 };

function timed(content: string): { article: Article; ms: number } {
  const start = Date.now();
  const article = clean(content);
  return { article, ms: Date.now() - start };
}

function removedChars(article: Article): number {
  return article.removed.reduce((n, r) => n + r.text.length, 0);
}

describe("cleanHtml robustness", () => {
  it("reads malformed HTML: unclosed tags everywhere, stray closers, broken attributes", BOUND, () => {
    const html =
      "<html><head><title>Flood wall approved</title><body><nav><a href=/>Home</a> | <a href=/news>News</nav>" +
      "<div class=story><font><p>" +
      PARAGRAPHS.map((p) => `${p.replace("council", "<b>council").replace("said", "<i>said")}<p>`).join("") +
      "</span></td></i></table><ul><li>Unclosed item one<li>Unclosed item two</ul>" +
      "<div><p class='x\"y' data-=1 =oops>&amp &copy &#xZZ; &nbsp;done <a href=\"/unterminated>tail";
    const a = clean(html);
    for (const p of PARAGRAPHS) assert.ok(a.body.includes(p), `kept: ${p}`);
    assert.equal(a.title, "Flood wall approved");
    assert.ok(a.body.includes("Unclosed item two"));
  });

  it("does not take a document swallowed by an unclosed <title> for the title", () => {
    const a = clean(
      `<html><head><title>Flood wall approved<body>${PARAGRAPHS.map((p) => `<p>${p}`).join("")}`,
    );
    assert.equal(a.title, null);
  });

  it("handles 100,000 nested <div>s in bounded time (no recursion on depth)", BOUND, () => {
    const depth = 100_000;
    const html = `<html><body>${"<div>".repeat(depth)}${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}${"</div>".repeat(depth)}<footer>© Coastal Times</footer></body></html>`;
    const { article, ms } = timed(html);
    for (const p of PARAGRAPHS) assert.ok(article.body.includes(p), `kept: ${p}`);
    assert.ok(ms < 10_000, `took ${ms} ms`);
  });

  it("handles 1.5 million unclosed nested tags (8 MB of '<div>')", BOUND, () => {
    const { article, ms } = timed(`${"<div><span>".repeat(750_000)}The end of a long descent.`);
    assert.equal(article.body, "The end of a long descent.");
    assert.ok(ms < 15_000, `took ${ms} ms`);
  });

  it("returns an empty article for a page that is only script (and for an empty page)", () => {
    for (const html of [
      `<script>${"var x = 1; document.write('<p>injected text</p>');".repeat(10_000)}</script>`,
      "<html><head><style>p { color: red }</style></head><body><script>alert(1)</script><noscript>Enable JS</noscript></body></html>",
      "",
    ]) {
      const a = clean(html);
      assert.equal(a.body, "");
      assert.deepEqual(a.paragraphs, []);
      assert.equal(a.title, null);
      assert.ok(!JSON.stringify(a).includes("injected"), "script text is never page text");
    }
  });

  it("survives binary junk", BOUND, () => {
    const junk = Array.from({ length: 200_000 }, (_, i) =>
      String.fromCharCode((i * 131 + (i >> 7)) % 256),
    ).join("");
    const a = clean(junk);
    assert.equal(typeof a.body, "string");
    assert.doesNotMatch(a.body, /[\u0000-\u0008\u000e-\u001f]/);
  });

  it("bounds an 8+ MB page: finishes, keeps the article start, reports the cut", BOUND, () => {
    const filler = PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n");
    const repeats = Math.ceil((MAX_HTML_CHARS + 500_000) / filler.length);
    const html = articlePage(
      [],
      "<title>A very long story</title>",
      `<nav><a href="/">Home</a></nav><article><h1>A very long story</h1>${filler.repeat(repeats)}</article>`,
    );
    assert.ok(html.length > MAX_HTML_CHARS);
    const { article, ms } = timed(html);
    assert.ok(article.body.startsWith(PARAGRAPHS[0]!), article.body.slice(0, 200));
    assert.ok(article.body.length > 100_000, `body ${article.body.length}`);
    assert.ok(article.body.length <= MAX_BODY_CHARS);
    const truncated = article.removed.filter((r) => r.kind === "truncated");
    assert.ok(truncated.length >= 1, JSON.stringify(article.removed.map((r) => r.kind)));
    assert.ok(truncated.some((r) => /characters of HTML after the first \d+ were not analysed/.test(r.text)));
    assert.ok(removedChars(article) < 10_000, "the cut is summarised, not copied");
    assert.ok(ms < 20_000, `took ${ms} ms`);
  });

  it("bounds pathological shapes: a huge link list, tag soup, a giant table", BOUND, () => {
    const shapes = [
      `<ul>${'<li><a href="/x">Some link text</a></li>'.repeat(200_000)}</ul>`,
      `<p>${"<b>x</b>".repeat(1_000_000)}</p>`,
      `<table>${"<tr><td>cell one</td><td>cell two text</td></tr>".repeat(150_000)}</table>`,
    ];
    for (const shape of shapes) {
      const { article, ms } = timed(`<html><body>${shape}</body></html>`);
      assert.ok(article.body.length <= MAX_BODY_CHARS);
      assert.ok(removedChars(article) <= MAX_REMOVED_CHARS + 1_000);
      assert.ok(ms < 20_000, `took ${ms} ms`);
    }
  });

  it("caps the removed text and says so", BOUND, () => {
    const junk = `<aside><ul>${'<li><a href="/more">Another headline you might like to read today</a></li>'.repeat(20_000)}</ul></aside>`;
    const a = clean(articlePage(PARAGRAPHS, "", junk));
    assert.deepEqual(a.paragraphs, PARAGRAPHS);
    assert.ok(removedChars(a) <= MAX_REMOVED_CHARS + 1_000);
    const last = a.removed[a.removed.length - 1]!;
    assert.equal(last.kind, "truncated");
    assert.match(last.text, /removed blocks \(\d+ characters\) are not listed in full/);
  });

  it("gives the same article for the same page", () => {
    const html = articlePage(
      PARAGRAPHS,
      "<title>Flood wall | Coastal Times</title>",
      "<nav>Home | News | Sport</nav>",
    );
    assert.deepEqual(clean(html), clean(html));
  });
});
