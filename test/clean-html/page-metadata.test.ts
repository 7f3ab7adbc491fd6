/**
 * Publication date and byline on realistic page headers: where structured metadata and the visible
 * header agree, disagree, or one of them is missing, and where other texts' dates and names
 * (related teasers, comments, captions, author widgets) sit close by.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { clean, PARAGRAPHS } from "./helpers.js";

const BODY = PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n");

/** A news page: head metadata, a site header, the article header, the body, then a sidebar. */
function newsPage(opts: { head?: string; header?: string; after?: string; lang?: string } = {}): string {
  return `<!doctype html><html${opts.lang ? ` lang="${opts.lang}"` : ""}><head><title>Council approves flood wall | Coastal Times</title>${opts.head ?? ""}</head>
<body><header class="site-header"><a href="/">Coastal Times</a><nav><a href="/local">Local</a> <a href="/world">World</a></nav></header>
<main><article>
<h1>Council approves flood wall</h1>
${opts.header ?? ""}
<div class="article-body">${BODY}</div>
</article>
${opts.after ?? ""}
</main><footer>© 2017 Coastal Times Media. All rights reserved.</footer></body></html>`;
}

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe("published date: structured metadata", () => {
  it("reads datePublished from a JSON-LD @graph, not the WebPage's or a teaser's", () => {
    const head = ld({
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebPage", "@id": "#page", datePublished: "2016-01-01T00:00:00Z" },
        {
          "@type": ["NewsArticle"],
          headline: "Council approves flood wall",
          datePublished: "2016-10-01T09:30:00+02:00",
          dateModified: "2016-10-02T08:00:00+02:00",
        },
      ],
    });
    const a = clean(newsPage({ head }));
    assert.equal(a.published, "2016-10-01T09:30:00+02:00");
  });

  it("prefers the publication meta over the modification one, whatever their order", () => {
    const head =
      '<meta property="article:modified_time" content="2016-10-03T12:00:00Z">' +
      '<meta property="og:updated_time" content="2016-10-03T12:00:00Z">' +
      '<meta property="article:published_time" content="2016-10-01T08:00:00Z">';
    assert.equal(clean(newsPage({ head })).published, "2016-10-01T08:00:00Z");
  });

  it("reads compact and site-specific stamps", () => {
    assert.equal(clean(newsPage({ head: '<meta name="pdate" content="20170113">' })).published, "2017-01-13");
    assert.equal(
      clean(newsPage({ head: '<meta name="cXenseParse:recs:publishtime" content="2016-05-04T10:00:00Z">' }))
        .published,
      "2016-05-04T10:00:00Z",
    );
    assert.equal(
      clean(newsPage({ head: '<meta name="sailthru.date" content="2016-05-04 10:00:00">' })).published,
      "2016-05-04T10:00:00",
    );
  });

  it("takes the day the header shows when a UTC stamp falls on the neighbouring day", () => {
    const head = '<meta property="article:published_time" content="2018-06-12T23:00:00.000Z">';
    const header = '<p class="meta">On 6/13/2018 by <a href="/u/lazhar">@lazharichir</a></p>';
    assert.equal(clean(newsPage({ head, header })).published, "2018-06-13");
    // Days further apart are not a time zone: the metadata stands.
    const far = '<p class="meta">Friday 25 December 2015</p>';
    const stamp = '<meta property="article:published_time" content="2015-09-17T16:57:43+01:00">';
    assert.equal(clean(newsPage({ head: stamp, header: far })).published, "2015-09-17T16:57:43+01:00");
  });

  it("refuses a publication date later than the page's own last modification", () => {
    const head =
      '<meta property="article:published_time" content="2031-01-01T00:00:00Z">' +
      '<meta property="article:modified_time" content="2016-10-02T00:00:00Z">';
    const header = '<time datetime="2016-10-01T07:00:00Z">1 October 2016</time>';
    assert.equal(clean(newsPage({ head, header })).published, "2016-10-01T07:00:00Z");
  });
});

describe("published date: the visible header", () => {
  it("reads a date stamp line under the headline, in the page's language and numeric order", () => {
    const header = '<div class="info">Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13</div>';
    assert.equal(clean(newsPage({ header, lang: "fr" })).published, "2015-05-04T13:36:00");
    const us = '<h5 class="article-posted-date">2/26/2015 7:11 AM PST BY TMZ STAFF</h5>';
    assert.equal(clean(newsPage({ header: us, lang: "en-US" })).published, "2015-02-26T07:11:00-08:00");
    const uk = '<p class="stamp">Posted 07/12/2017</p>';
    assert.equal(clean(newsPage({ header: uk, lang: "en-GB" })).published, "2017-12-07");
  });

  it("skips the update stamp for the publication one", () => {
    const header =
      '<div class="c-byline">By Alissa Wilkinson <time class="c-byline__item" datetime="2018-07-24T18:15:58+00:00">Updated Jul 24, 2018</time></div>' +
      '<p class="dateline">Published Dec 15, 2017</p>';
    assert.equal(clean(newsPage({ header })).published, "2017-12-15");
  });

  it("prefers the element marked as published to an earlier, unmarked date near the headline", () => {
    const header =
      '<blockquote class="twitter-tweet"><p>Coverage at last</p>— Shay (@shay) August 22, 2013</blockquote>' +
      '<p>Posted <time itemprop="datePublished" datetime="2013-09-29">29 September</time></p>';
    assert.equal(clean(newsPage({ header })).published, "2013-09-29");
  });

  it("ignores dates of related teasers, comments and captions, and relative times", () => {
    const header =
      '<figure><img src="a.jpg"><figcaption>The harbour on 3 March 2009</figcaption></figure>' +
      '<span class="timestamp">4 hours ago</span>';
    const after =
      '<aside class="related"><ul><li><a href="/x">Older story</a> <time datetime="2014-07-17">Jul 17, 2014</time></li></ul></aside>' +
      '<section id="comments"><div class="comment">Nice <time datetime="2017-05-05">5 May 2017</time></div></section>';
    assert.equal(clean(newsPage({ header, after })).published, null);
  });

  it("falls back to dates in the address: paths, compact stamps, query strings", () => {
    const page = newsPage();
    const at = (url: string) => clean(page, { url }).published;
    assert.equal(at("https://news.example/world/2016/10/01/kerry-tape.html"), "2016-10-01");
    assert.equal(at("https://news.example/kerry-tape-20161001/"), "2016-10-01");
    assert.equal(at("https://news.example/story-2016-10-01-kerry"), "2016-10-01");
    assert.equal(at("https://headlines.example.jp/hl?a=20170309-35097838-cnetj-sci"), "2017-03-09");
    assert.equal(at("https://news.example/2016/99/01/x"), null);
  });

  it("takes the address date only up to the page's copyright year", () => {
    // The footer says © 2017: an address dated 2019 is an id that looks like a date.
    assert.equal(clean(newsPage(), { url: "https://news.example/a/2019/03/02/x" }).published, null);
  });

  it("reads a date from the <title> as the last resort", () => {
    const page = newsPage().replace(
      "<title>Council approves flood wall | Coastal Times</title>",
      "<title>Una solución para la cuestión mapuche - 07.12.2017 - LA NACION</title>",
    );
    assert.equal(clean(page.replace("<html>", '<html lang="es">')).published, "2017-12-07");
  });
});

describe("byline: the name a reader sees", () => {
  it("takes the innermost marked name, without the job title, handle or date beside it", () => {
    const header =
      '<div class="author"><a class="author-link" href="/a/ben">Ben Silverman</a><div class="author-title">Games Editor</div></div>';
    assert.equal(clean(newsPage({ header })).byline, "Ben Silverman");
    const glued =
      '<p class="byline"><span class="by-author"><span class="by">by</span> <a class="byauthor" href="/author/lnolan/">Lucas Nolan</a></span><span class="bydate">22 Dec 2016</span><a class="bycount" href="#c">651</a></p>';
    assert.equal(clean(newsPage({ header: glued })).byline, "Lucas Nolan");
    const handle =
      '<div class="c-byline">By <span class="c-byline__item">Alissa Wilkinson@alissamarie</span></div>';
    assert.equal(clean(newsPage({ header: handle })).byline, "Alissa Wilkinson");
  });

  it("joins several marked authors, and cuts credentials and the editor", () => {
    const header =
      '<p class="byline">By <a rel="author" href="/s/kim">Stella Kim</a> and <a rel="author" href="/s/jett">Jennifer Jett</a></p>';
    assert.equal(clean(newsPage({ header })).byline, "Stella Kim, Jennifer Jett");
    const webmd = '<div class="author">By Brenda Goodman, MA</div>';
    assert.equal(clean(newsPage({ header: webmd })).byline, "Brenda Goodman");
    const book = '<p class="byline">Written by Rob Ewaschuk Edited by Betsy Beyer</p>';
    assert.equal(clean(newsPage({ header: book })).byline, "Rob Ewaschuk");
  });

  it("prefers the visible byline to a metadata author naming someone else", () => {
    const head = ld({
      "@type": "NewsArticle",
      headline: "Flood wall",
      author: { "@type": "Person", name: "CC7567" },
    });
    const header = '<div class="author-info"><span class="author-name">James Akinaka</span> • 8h</div>';
    assert.equal(clean(newsPage({ head, header })).byline, "James Akinaka");
    const site = '<meta name="author" content="Organization for Transformative Works">';
    const rel =
      '<h3 class="byline heading"><a rel="author" href="/users/amhitn">AMournfulHowlInTheNight</a></h3>';
    assert.equal(clean(newsPage({ head: site, header: rel })).byline, "AMournfulHowlInTheNight");
  });

  it("keeps the metadata's spelling when it names the same person", () => {
    const head = '<meta name="author" content="Jeffrey Gettleman">';
    const header = '<p class="byline-dateline">By JEFFREY GETTLEMAN JAN. 13, 2017</p>';
    const a = clean(newsPage({ head, header }));
    assert.equal(a.byline, "Jeffrey Gettleman");
    assert.equal(a.published, "2017-01-13");
  });

  it("reads an unmarked 'By' line under the headline, but not a photo credit", () => {
    const header = "<figure><figcaption>Photo by Joan Bardeletti</figcaption></figure><p>By Maria Lopez</p>";
    assert.equal(clean(newsPage({ header })).byline, "Maria Lopez");
    const credit = '<p class="credit">Photo by Joan Bardeletti</p>';
    assert.equal(clean(newsPage({ header: credit })).byline, null);
  });

  it("does not take controls, teasers' authors or commenters for the byline", () => {
    const header =
      '<form class="follow-author-form"><button class="author-follow">Follow Author</button></form>';
    const after =
      '<aside class="related"><div class="author">Jane Roe</div></aside>' +
      '<div id="comments"><span class="comment-author">Troll 42</span></div>';
    assert.equal(clean(newsPage({ header, after })).byline, null);
  });

  it("falls back to an organisation credited as author when no person is named", () => {
    const head = ld({
      "@type": "NewsArticle",
      headline: "Flood wall",
      author: { "@type": "Organization", name: "Reuters" },
    });
    assert.equal(clean(newsPage({ head })).byline, "Reuters");
  });
});

describe("title: short headlines and metadata that is not a headline", () => {
  it("takes a short h1 that opens the <title> over a JSON-LD headline that is a description", () => {
    const page = `<html><head><title>New Zealand - Wikipedia</title>${ld({ "@type": "Article", headline: "constitutional monarchy in Oceania" })}</head><body><h1>New Zealand</h1>${BODY}</body></html>`;
    assert.equal(clean(page).title, "New Zealand");
  });

  it("does not take a logo h1 that ends the <title> for the headline", () => {
    const page = `<html><head><title>Outside the web: standalone binaries · V8</title></head><body><h1><a href="/">V8</a></h1><article><h1>Outside the web: standalone binaries</h1>${BODY}</article></body></html>`;
    assert.equal(clean(page).title, "Outside the web: standalone binaries");
  });
});

describe("metadata on hostile pages", () => {
  it("stays bounded with thousands of date and author elements and deep nesting", () => {
    const stamps = Array.from(
      { length: 20_000 },
      (_, i) => `<span class="date author">By X${i} ${i % 28}.1.2016</span>`,
    ).join("");
    const deep = `${'<div class="byline">'.repeat(500)}By Jane Doe${"</div>".repeat(500)}`;
    const times = '<time datetime="2016-10-01">'.repeat(5_000);
    const page = newsPage({ header: `${deep}${stamps}${times}` });
    const t0 = performance.now();
    const a = clean(page);
    assert.ok(performance.now() - t0 < 5_000, `took ${performance.now() - t0} ms`);
    assert.equal(typeof a.published, "string");
  });

  it("survives absurd metadata values", () => {
    const long = "9".repeat(100_000);
    const head =
      `<meta property="article:published_time" content="${long}">` +
      `<meta name="author" content="${"By ".repeat(10_000)}">` +
      ld({
        "@type": "NewsArticle",
        datePublished: "1.".repeat(50_000),
        author: Array(10_000).fill({ name: "A" }),
      });
    const a = clean(newsPage({ head }));
    assert.equal(a.title, "Council approves flood wall");
    assert.equal(a.byline, "A");
  });
});

describe("metadata on pages wrapped in a form", () => {
  it("reads the byline and date of an ASP.NET page, whose whole body is one <form>", () => {
    const page = newsPage({
      // Only the markup says these are the byline and the date: no "By", no written date.
      header:
        '<p><span class="author">Maria Lopez</span> <time datetime="2016-03-03T10:00:00Z">Thursday</time></p>',
    })
      .replace("<body>", '<body><form id="aspnetForm" method="post" action="./story.aspx">')
      .replace("</body>", "</form></body>");
    const a = clean(page);
    assert.equal(a.byline, "Maria Lopez");
    assert.equal(a.published, "2016-03-03T10:00:00Z");
  });
});
