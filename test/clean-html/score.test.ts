/**
 * The content scorer and pruner on the page shapes that defeat simpler extractors: articles split
 * into sections, forms and teaser rails that outscore short articles, data tables, bulleted
 * articles, and class names that say the opposite of what they seem to.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHtml } from "../../src/clean/html/dom.js";
import { isDataTable } from "../../src/clean/html/prune.js";
import { collapsedLength, elementStats, linkDensity } from "../../src/clean/html/stats.js";
import { clean } from "./helpers.js";

const SENTENCES = [
  "The regional parliament voted on Tuesday to close the last coal power station in the valley by 2030, five years earlier than planned.",
  "Supporters said the decision would cut the region's emissions by a fifth, while the plant's owner said it would seek compensation.",
  "About 400 people work at the station, and the unions said they had not been consulted about the retraining programme.",
  "The energy minister, speaking in the capital, said the government would pay for new grid connections to the valley's wind farms.",
  "Residents of the nearby town, many of whom work at the plant or its suppliers, gave the news a mixed reception on Wednesday.",
  "A final vote on the compensation package is expected in the autumn, after an independent review of the plant's accounts.",
];

function page(body: string, title = "Coal plant to close early"): string {
  return `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
}

const nav = `<nav><ul>${["Home", "World", "Business", "Sport", "Culture"].map((x) => `<li><a href="/${x}">${x}</a></li>`).join("")}</ul></nav>`;

describe("element statistics", () => {
  it("counts visible text once per whitespace run, link text apart, hidden text not at all", () => {
    const parsed = parseHtml(
      '<div id="a"><p>One  two\n three</p><p><a href="#">link text</a> plain</p><p hidden>secret words</p></div>',
    );
    const stats = elementStats(parsed);
    const div = parsed.elements.find((e) => e.attrs.id === "a")!;
    assert.equal(collapsedLength("One  two\n three"), "One two three".length);
    // Each text node counts trimmed: "link text" and " plain" are 9 and 5 characters.
    assert.equal(stats.chars[div.id], "One two three".length + "link text".length + "plain".length);
    assert.equal(stats.linkChars[div.id], "link text".length);
    assert.ok(Math.abs(linkDensity(stats, div) - 9 / 27) < 1e-9);
    assert.equal(stats.paragraphs[div.id], 2, "the hidden paragraph is not counted");
  });
});

describe("content scoring", () => {
  it("gathers an article split into sections that share a class, in different wrappers", () => {
    // Long enough that the first scoring pass is kept (no retry with relaxed filters).
    const text = [...SENTENCES, ...SENTENCES.map((s) => s.replace("The ", "Then the "))];
    const section = (from: number, to: number) =>
      `<div class="post__content"><div class="inner">${text
        .slice(from, to)
        .map((s) => `<p>${s}</p>`)
        .join("")}</div></div>`;
    const a = clean(
      page(
        `${nav}<main><div id="post"><div class="lead">${section(0, 2)}</div>` +
          `<figure><img src="a.jpg"><figcaption>The plant at dawn</figcaption></figure>` +
          `<div class="wide"><div class="col">${section(2, text.length)}</div></div></div></main>`,
      ),
    );
    assert.deepEqual(a.paragraphs, text);
  });

  it("joins story-body-1 and story-body-2 across an advertisement slot", () => {
    const a = clean(
      page(
        `<article><h1>Coal plant to close early</h1><div class="story-body story-body-1">${SENTENCES.slice(
          0,
          3,
        )
          .map((s) => `<p class="story-text">${s}</p>`)
          .join("")}</div><div class="ad-slot"><a href="/ad">Advertisement</a></div>` +
          `<div class="story-body story-body-2">${SENTENCES.slice(3)
            .map((s) => `<p class="story-text">${s}</p>`)
            .join("")}</div></article>`,
      ),
    );
    assert.deepEqual(a.paragraphs, SENTENCES);
  });

  it("a newsletter form with a long consent label does not outscore a short article", () => {
    const form =
      '<div class="form-contents" id="form-contents"><form><label>I am happy for the publisher to handle my information as explained in the privacy policy, and to contact me.</label><input type="email"><button>Sign up now</button></form></div>';
    const a = clean(
      page(
        `${nav}<div class="main">${SENTENCES.slice(0, 3)
          .map((s) => `<p>${s}</p>`)
          .join("")}</div>${form}`,
      ),
    );
    assert.deepEqual(a.paragraphs, SENTENCES.slice(0, 3));
  });

  it("a teaser rail beside the article, mostly links, is not more of the article", () => {
    const teasers = ["Wind farm approved", "Grid upgrade delayed", "Miners march on the capital"]
      .map(
        (t) =>
          `<li><h3><a href="/x">${t}, and what it means for the valley and its people</a></h3><p>A short summary line.</p></li>`,
      )
      .join("");
    const a = clean(
      page(
        `<main><article class="l-article">${SENTENCES.map((s) => `<p>${s}</p>`).join("")}</article>` +
          `<section class="c-article-most-popular"><h2>Most Popular</h2><ol>${teasers}</ol></section></main>`,
      ),
    );
    assert.deepEqual(a.paragraphs, SENTENCES);
    assert.ok(a.removed.some((r) => r.kind === "related-links" && /Wind farm approved/.test(r.text)));
  });

  it("an article of bullet points is found, not just its one-line intro", () => {
    const items = SENTENCES.map((s) => `<li>${s}</li>`).join("");
    const a = clean(
      page(
        `${nav}<div class="entry"><p>What we know so far:</p><ul>${items}</ul></div><footer><p>© 2024 Valley Post</p></footer>`,
      ),
    );
    assert.deepEqual(a.paragraphs, ["What we know so far:", ...SENTENCES]);
  });

  it("keeps section headings written as h1 inside the article, and the title h1 only as the title", () => {
    const a = clean(
      page(
        `<article><h1>Coal plant to close early</h1><p>${SENTENCES[0]}</p><p>${SENTENCES[1]}</p><h1>What happens to the workers</h1><p>${SENTENCES[2]}</p><p>${SENTENCES[3]}</p></article>`,
      ),
    );
    assert.equal(a.title, "Coal plant to close early");
    assert.deepEqual(a.paragraphs, [
      SENTENCES[0],
      SENTENCES[1],
      "What happens to the workers",
      SENTENCES[2],
      SENTENCES[3],
    ]);
  });

  it("a class saying an item has no caption does not make it a caption", () => {
    const a = clean(
      page(
        `<article><div class="list-item no-caption"><h2>${SENTENCES[0]}</h2></div>${SENTENCES.slice(1)
          .map((s) => `<p>${s}</p>`)
          .join("")}</article>`,
      ),
    );
    assert.equal(a.paragraphs[0], SENTENCES[0]);
  });
});

describe("around the winner", () => {
  it("takes in a lead paragraph kept in its own container before the body", () => {
    const a = clean(
      page(
        `${nav}<div class="story"><div class="story-lead"><p>${SENTENCES[0]}</p></div>` +
          `<div class="story-main"><div class="text">${SENTENCES.slice(1)
            .map((s) => `<p>${s}</p>`)
            .join("")}</div></div></div>`,
      ),
    );
    assert.deepEqual(a.paragraphs, SENTENCES);
  });

  it("a short article followed by many class-less headline links keeps only the article", () => {
    const links = Array.from(
      { length: 50 },
      (_, i) =>
        `<div><a href="/related/${i}">Related story number ${i} you may like</a><span>${i} comments</span></div>`,
    ).join("");
    const a = clean(
      page(
        `<article><h1>Coal plant to close early</h1>${SENTENCES.slice(0, 3)
          .map((s) => `<p>${s}</p>`)
          .join("")}</article>${links}`,
      ),
    );
    assert.deepEqual(a.paragraphs, SENTENCES.slice(0, 3));
  });
});

describe("pruning inside the article", () => {
  it("keeps a data table and drops a layout table of links", () => {
    const rows = [
      ["Plant", "Capacity", "Closure"],
      ["Valley A", "600 MW", "2030"],
      ["Valley B", "450 MW", "2028"],
      ["Ridge", "300 MW", "2026"],
    ];
    const data = `<table><thead><tr>${rows[0]!.map((c) => `<th>${c}</th>`).join("")}</tr></thead><tbody>${rows
      .slice(1)
      .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`)
      .join("")}</tbody></table>`;
    const links = `<table><tr><td><a href="/1">Previous story</a></td><td><a href="/2">Next story</a></td></tr></table>`;
    const a = clean(
      page(
        `<article>${SENTENCES.slice(0, 3)
          .map((s) => `<p>${s}</p>`)
          .join("")}${data}${links}<p>${SENTENCES[3]}</p></article>`,
      ),
    );
    assert.ok(a.paragraphs.includes("600 MW"), "data cells kept");
    assert.ok(!a.paragraphs.some((p) => /Next story/.test(p)), "navigation table dropped");
    assert.equal(isDataTable(parseHtml(data).elements.find((e) => e.tag === "table")!), true);
    assert.equal(isDataTable(parseHtml(links).elements.find((e) => e.tag === "table")!), false);
  });

  it("a figure's labels and credits are removed as caption, not kept as paragraphs", () => {
    const figure =
      '<figure><span class="label">Image</span><img src="a.jpg"><span>The plant at dawn.</span><span>Credit Jane Roe for the Valley Post</span></figure>';
    const a = clean(
      page(
        `<article><p>${SENTENCES[0]}</p>${figure}${SENTENCES.slice(1, 4)
          .map((s) => `<p>${s}</p>`)
          .join("")}</article>`,
      ),
    );
    assert.deepEqual(a.paragraphs, SENTENCES.slice(0, 4));
    assert.ok(
      a.removed.some(
        (r) => r.kind === "caption" && /Image The plant at dawn\.\s?Credit Jane Roe/.test(r.text),
      ),
    );
  });

  it("drops a share bar and an image strip inside the article", () => {
    const share =
      '<div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>';
    const strip = `<div class="gallery">${[1, 2, 3].map((i) => `<img src="${i}.jpg"><span>${i}/3</span>`).join("")}</div>`;
    const a = clean(
      page(
        `<article>${share}${SENTENCES.slice(0, 4)
          .map((s) => `<p>${s}</p>`)
          .join("")}${strip}</article>`,
      ),
    );
    assert.deepEqual(a.paragraphs, SENTENCES.slice(0, 4));
  });
});
