/**
 * Which blocks are the article: Readability's choice, furniture inside it taken out and labelled,
 * and the fallbacks when Readability keeps (almost) nothing.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { articlePage, clean, PARAGRAPHS, removedLines, removedOf } from "./helpers.js";

const ps = (paragraphs: readonly string[]) => paragraphs.map((p) => `<p>${p}</p>`).join("\n");

describe("cleanHtml extraction: furniture inside the article", () => {
  const html = `<html><body><article class="post has-comments">
    <p>${PARAGRAPHS[0]}</p>
    <p>Advertisement</p>
    <p>${PARAGRAPHS[1]}</p>
    <figure><img src="a.jpg" alt=""><figcaption>The harbour at high tide. (AFP)</figcaption></figure>
    <p>Share this article</p>
    <p>${PARAGRAPHS[2]}</p>
    <p>READ ALSO: Storm season forecast for the north coast</p>
    <p>${PARAGRAPHS[3]}</p>
  </article></body></html>`;
  const a = clean(html);

  it("keeps the story paragraphs, in order", () => {
    assert.deepEqual(a.paragraphs, PARAGRAPHS);
  });

  it("labels the in-body furniture", () => {
    assert.deepEqual(removedOf(a, "advertisement"), ["Advertisement"]);
    assert.deepEqual(removedOf(a, "caption"), ["The harbour at high tide. (AFP)"]);
    assert.deepEqual(removedOf(a, "widget"), ["Share this article"]);
    assert.deepEqual(removedOf(a, "related-links"), ["READ ALSO: Storm season forecast for the north coast"]);
  });

  it("does not read the article container's own classes as furniture", () => {
    assert.ok(!a.removed.some((r) => r.kind === "comments"));
  });
});

describe("cleanHtml extraction: class words", () => {
  it("matches furniture classes as whole words: 'head', 'shadow', 'download' are not 'ad'", () => {
    const html = `<html><body>
      <div class="header-shadow"><article>${ps(PARAGRAPHS)}</article></div>
      <div class="download-links">Get the app for iPhone and Android phones today</div>
      <div class="ad-slot">Sponsored by the Harbour Bank</div>
      <div id="gdpr-consent">Manage your privacy settings here</div>
      <div class="newsletterBox">Our morning briefing, every weekday at seven</div>
    </body></html>`;
    const a = clean(html);
    assert.deepEqual(a.paragraphs, PARAGRAPHS);
    const lines = removedLines(a);
    assert.deepEqual(
      lines.find((l) => l.line.startsWith("Get the app"))?.kind,
      "boilerplate",
      JSON.stringify(a.removed),
    );
    assert.deepEqual(lines.find((l) => l.line.startsWith("Sponsored by"))?.kind, "advertisement");
    assert.deepEqual(lines.find((l) => l.line.startsWith("Manage your privacy"))?.kind, "cookie-banner");
    assert.deepEqual(lines.find((l) => l.line.startsWith("Our morning briefing"))?.kind, "newsletter");
  });

  it("labels page parts by role and tag when classes say nothing", () => {
    const html = `<html><body>
      <div role="navigation"><a href="/">Front page</a> <a href="/w">World desk</a></div>
      <article>${ps(PARAGRAPHS)}</article>
      <div class="author-bio">Jane Doe covers the harbour and city hall for the paper.</div>
      <aside><p>An unrelated box about the ferry timetable changes this winter</p></aside>
      <footer><p>Made with care in Hamburg</p></footer>
    </body></html>`;
    const a = clean(html);
    const kindOf = (start: string) => removedLines(a).find((l) => l.line.startsWith(start))?.kind;
    assert.equal(kindOf("Front page"), "navigation");
    assert.equal(kindOf("Jane Doe covers"), "author-bio");
    assert.equal(kindOf("An unrelated box"), "related-links");
    assert.equal(kindOf("Made with care"), "boilerplate");
  });

  it("labels blocks with no telling markup by their words, else as boilerplate", () => {
    const html = `<html><body>
      <div>Skip to main content</div>
      <article>${ps(PARAGRAPHS)}</article>
      <div>1,229 shares</div>
      <div>Lorem ipsum filler under the story</div>
    </body></html>`;
    const a = clean(html);
    const kindOf = (start: string) => removedLines(a).find((l) => l.line.startsWith(start))?.kind;
    assert.equal(kindOf("Skip to main content"), "navigation");
    assert.equal(kindOf("1,229 shares"), "share-counter");
    assert.equal(kindOf("Lorem ipsum filler"), "boilerplate");
  });
});

describe("cleanHtml extraction: fallbacks", () => {
  it("falls back to the most paragraph-dense container when Readability keeps nothing", () => {
    // Readability drops every <button>; card layouts put whole stories inside them.
    const cards = PARAGRAPHS.map((p) => `<button class="card"><p>${p}</p></button>`).join("\n");
    const html = `<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main>${cards}</main><footer>© 2016 Coastal Times</footer></body></html>`;
    const a = clean(html);
    assert.deepEqual(a.paragraphs, PARAGRAPHS);
    assert.deepEqual(removedOf(a, "navigation"), ["Home News"]);
    assert.deepEqual(removedOf(a, "boilerplate"), ["© 2016 Coastal Times"]);
  });

  it("falls back to every text block when there is no paragraph markup at all", () => {
    const html = `<html><body>${PARAGRAPHS.map((p) => `<button>${p}</button><br><br>`).join("")}</body></html>`;
    const a = clean(html);
    for (const p of PARAGRAPHS) assert.ok(a.body.includes(p), p);
  });

  it("reads plain text handed in as HTML", () => {
    const a = clean(PARAGRAPHS.join("\n\n"));
    assert.equal(a.body, PARAGRAPHS.join(" "));
  });

  it("splits <br><br> runs into paragraphs", () => {
    const a = clean(`<html><body><div class="story">${PARAGRAPHS.join("<br><br>\n")}</div></body></html>`);
    assert.deepEqual(a.paragraphs, PARAGRAPHS);
    assert.deepEqual(a.removed, []);
  });

  it("does not count hidden text as article or as removed", () => {
    const a = clean(
      articlePage(
        PARAGRAPHS,
        "",
        '<div hidden><p>Secret draft text</p></div><p style="display: none">Also hidden</p>',
      ),
    );
    assert.ok(!a.body.includes("Secret"));
    assert.ok(!a.removed.some((r) => r.text.includes("Secret") || r.text.includes("Also hidden")));
  });

  it("keeps Chinese articles whole (word counts work without spaces)", () => {
    const zh = [
      "市议会周二批准了一项耗资一千五百万欧元的港区防洪墙计划，此前各方争论了数月之久。",
      "反对派领导人表示，该区居民从未就防洪墙的路线和费用征求过意见，他们对此感到不满。",
      "官员说，工程预计明年春天开工，大约需要三年时间才能完成，届时港区将得到更好的保护。",
    ];
    const a = clean(articlePage(zh).replace("<html>", '<html lang="zh-CN">'));
    assert.deepEqual(a.paragraphs, zh);
    assert.equal(a.lang, "zh");
  });
});
