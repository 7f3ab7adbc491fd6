/**
 * Metadata fallbacks: each field found where a page states it less explicitly (a bare <title>, a
 * <time>, the address, a byline element, a copyright line) and normalised the same way.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { articlePage, clean, PARAGRAPHS } from "./helpers.js";

describe("cleanHtml metadata: title", () => {
  it("strips a site-name suffix from <title> when the address names the site", () => {
    const a = clean(articlePage(PARAGRAPHS, "<title>Council approves flood wall - Coastal Times</title>"), {
      url: "https://www.coastaltimes.example/local/flood-wall",
    });
    assert.equal(a.title, "Council approves flood wall");
  });

  it("strips a suffix after a pipe even when the site is unknown, but keeps a dash it cannot confirm", () => {
    const piped = clean(
      articlePage(PARAGRAPHS, "<title>Council approves flood wall | Coastal Times</title>"),
    );
    assert.equal(piped.title, "Council approves flood wall");
    const dashed = clean(articlePage(PARAGRAPHS, "<title>Council approves flood wall - report</title>"));
    assert.equal(dashed.title, "Council approves flood wall - report");
  });

  it("strips a leading site name and an og:site_name suffix", () => {
    const head =
      '<meta property="og:site_name" content="Coastal Times"><title>Coastal Times — Council approves flood wall</title>';
    assert.equal(clean(articlePage(PARAGRAPHS, head)).title, "Council approves flood wall");
  });

  it("prefers the visible h1 when a metadata title repeats it", () => {
    const head = '<meta property="og:title" content="council approves flood wall | Coastal Times">';
    const a = clean(articlePage(PARAGRAPHS, head, "<h1>Council Approves Flood Wall</h1>"));
    assert.equal(a.title, "Council Approves Flood Wall");
  });

  it("takes og:title over an h1 that does not match it (a logo, a section name)", () => {
    const head = '<meta property="og:title" content="Council approves flood wall">';
    const a = clean(articlePage(PARAGRAPHS, head, '<h1><a href="/">Coastal Times</a></h1>'));
    assert.equal(a.title, "Council approves flood wall");
  });

  it("takes the <title> over an h1 that is a site or section label", () => {
    const a = clean(
      articlePage(PARAGRAPHS, "<title>Council approves flood wall</title>", "<h1>Local news</h1>"),
    );
    assert.equal(a.title, "Council approves flood wall");
  });

  it("takes an h1 headline when there is nothing else, and does not repeat it in the body", () => {
    const html = `<html><body><h1>Council approves flood wall after months of debate</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</body></html>`;
    const a = clean(html);
    assert.equal(a.title, "Council approves flood wall after months of debate");
    assert.deepEqual(a.paragraphs, PARAGRAPHS);
    assert.ok(!a.removed.some((r) => r.text.includes("Council approves")));
  });
});

describe("cleanHtml metadata: published date", () => {
  it("reads a <time datetime> in the article, preferring the one marked as published", () => {
    const extra =
      '<p class="meta">Updated <time datetime="2016-10-03">3 October</time></p>' +
      '<p class="meta">Published <time itemprop="datePublished" datetime="2016-10-01T09:30:00+02:00">1 October</time></p>';
    const a = clean(articlePage(PARAGRAPHS, "<title>Flood wall</title>", extra));
    assert.equal(a.published, "2016-10-01T09:30:00+02:00");
  });

  it("reads a plain <time datetime> when nothing marks the published one", () => {
    const html = `<html><body><article><time datetime="2016-10-01">Oct 1</time>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
    assert.equal(clean(html).published, "2016-10-01");
  });

  it("falls back to a date in the address", () => {
    const a = clean(articlePage(PARAGRAPHS), {
      url: "https://news.example/world/2016/10/01/kerry-tape.html",
    });
    assert.equal(a.published, "2016-10-01");
    const canonical = clean(
      articlePage(PARAGRAPHS, '<link rel="canonical" href="https://news.example/2016-09-30/kerry-tape">'),
    );
    assert.equal(canonical.published, "2016-09-30");
  });

  it("takes meta tags before <time>, and rejects implausible dates", () => {
    const head =
      '<meta property="article:published_time" content="2099-13-45"><meta name="parsely-pub-date" content="2016-10-01T17:14:58Z">';
    const a = clean(articlePage(PARAGRAPHS, head, '<time datetime="2015-01-01">old</time>'));
    assert.equal(a.published, "2016-10-01T17:14:58Z");
    const none = clean(articlePage(PARAGRAPHS, '<meta name="date" content="1850-01-01">'));
    assert.equal(none.published, null);
  });

  it("ignores dates in the comment thread", () => {
    const extra = '<div class="comments"><p>Reader <time datetime="2017-05-05">5 May 2017</time></p></div>';
    const html = `<html><body><article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</article>${extra}</body></html>`;
    assert.equal(clean(html).published, null);
  });
});

describe("cleanHtml metadata: byline", () => {
  it("reads an element marked byline, strips 'By' and the trailing date, and keeps it out of the body", () => {
    const extra = '<div class="article-byline">By JANE DOE | October 1, 2016</div>';
    const a = clean(articlePage(PARAGRAPHS, "", extra));
    assert.equal(a.byline, "JANE DOE");
    assert.ok(!a.body.includes("JANE DOE"));
    assert.ok(!a.removed.some((r) => r.text.includes("JANE DOE")), JSON.stringify(a.removed));
  });

  it("reads meta author, rel=author and microdata author", () => {
    assert.equal(
      clean(articlePage(PARAGRAPHS, '<meta name="author" content="By Omar Haddad">')).byline,
      "Omar Haddad",
    );
    const rel = '<p>By <a rel="author" href="/staff/jd">Jane Doe</a></p>';
    assert.equal(clean(articlePage(PARAGRAPHS, "", rel)).byline, "Jane Doe");
    const micro = '<span itemprop="author" itemscope><span itemprop="name">Ana Sandoiu</span></span>';
    assert.equal(clean(articlePage(PARAGRAPHS, "", micro)).byline, "Ana Sandoiu");
  });

  it("does not take a commenter's name for the byline", () => {
    const html = `<html><body><article>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</article><div class="comments"><span class="comment-author">Troll 42</span><p>First!</p></div></body></html>`;
    assert.equal(clean(html).byline, null);
  });
});

describe("cleanHtml metadata: outlet, language, standfirst", () => {
  it("names the outlet by og:site_name, JSON-LD publisher, address host, then copyright line", () => {
    const og = clean(articlePage(PARAGRAPHS, '<meta property="og:site_name" content="Coastal Times">'));
    assert.equal(og.outlet, "Coastal Times");
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Flood wall","publisher":{"@type":"Organization","name":"Harbour &amp; Coast Media"}}</script>`;
    assert.equal(clean(articlePage(PARAGRAPHS, ld)).outlet, "Harbour & Coast Media");
    const host = clean(articlePage(PARAGRAPHS), { url: "https://www.coastaltimes.example/a" });
    assert.equal(host.outlet, "coastaltimes.example");
    const footer = clean(
      articlePage(PARAGRAPHS, "", "<footer>Copyright 2016 Coastal Times. All rights reserved.</footer>"),
    );
    assert.equal(footer.outlet, "Coastal Times");
  });

  it("survives broken JSON-LD", () => {
    const ld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>';
    const a = clean(articlePage(PARAGRAPHS, `${ld}<title>Flood wall approved</title>`));
    assert.equal(a.title, "Flood wall approved");
  });

  it("takes the primary subtag of <html lang>, else guesses from the body", () => {
    const french = [
      "Le conseil municipal a approuvé mardi la construction d'une digue pour protéger le quartier du port.",
      "Les habitants disent ne jamais avoir été consultés sur le tracé du mur ni sur son coût final.",
    ];
    const declared = clean(articlePage(french).replace("<html>", '<html lang="fr-CA">'));
    assert.equal(declared.lang, "fr");
    assert.equal(clean(articlePage(PARAGRAPHS)).lang, "en");
    assert.equal(clean("<p>Hallo Welt</p>").lang, null);
  });

  it("overrules a template's lang attribute that the body plainly contradicts", () => {
    const english = clean(articlePage(PARAGRAPHS).replace("<html>", '<html lang="fr-CA">'));
    assert.equal(english.lang, "en");
  });

  it("takes og:description as the standfirst only when it is not the opening paragraph", () => {
    const copy = `<meta property="og:description" content="${PARAGRAPHS[0]!.slice(0, 80)}...">`;
    assert.equal(clean(articlePage(PARAGRAPHS, copy)).dek, null);
    const own =
      '<meta property="og:description" content="The harbour district will get its wall after all, but not everyone is happy.">';
    assert.equal(
      clean(articlePage(PARAGRAPHS, own)).dek,
      "The harbour district will get its wall after all, but not everyone is happy.",
    );
  });

  it("takes a subheadline right after the h1 as the standfirst, not as a paragraph", () => {
    const html = `<html><body><article><h1>Council approves flood wall</h1><h2>The vote ends two years of argument over the harbour</h2>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
    const a = clean(html);
    assert.equal(a.dek, "The vote ends two years of argument over the harbour");
    assert.deepEqual(a.paragraphs, PARAGRAPHS);
  });
});

describe("cleanHtml metadata: dateline", () => {
  const cases: [string, string, string][] = [
    [
      "WASHINGTON (Reuters) - The Senate voted on Tuesday to approve the bill.",
      "WASHINGTON (Reuters)",
      "The Senate",
    ],
    ["NEW YORK — The city opened its first flood barrier on Monday morning.", "NEW YORK", "The city"],
    [
      "GENEVA, Switzerland (AP) — Talks resumed in Geneva on Friday.",
      "GENEVA, Switzerland (AP)",
      "Talks resumed",
    ],
  ];
  for (const [first, dateline, rest] of cases) {
    it(`moves "${dateline}" out of the body`, () => {
      const a = clean(articlePage([first, ...PARAGRAPHS]));
      assert.equal(a.dateline, dateline);
      assert.ok(a.paragraphs[0]!.startsWith(rest), a.paragraphs[0]);
    });
  }

  it("leaves an acronym opening a sentence alone", () => {
    const a = clean(
      articlePage(["NATO – the alliance – met on Tuesday to discuss the plan.", ...PARAGRAPHS]),
    );
    assert.equal(a.dateline, null);
    assert.ok(a.paragraphs[0]!.startsWith("NATO"));
  });
});
