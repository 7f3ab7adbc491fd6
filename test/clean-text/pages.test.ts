/**
 * The text cleaner on whole flattened pages of three common shapes: a wire story wrapped in site
 * furniture, a blog post with a flat comment thread, and a forum-style nested thread with no
 * heading at all. Each checks that every article paragraph stays and every piece of junk is
 * removed under the right label.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { cleanText } from "../../src/clean/text/index.js";
import type { Article, Page } from "../../src/model/index.js";
import { FIXTURES_DIR } from "../paths.js";

function page(name: string): Page {
  const content = readFileSync(join(FIXTURES_DIR, "clean-text", `${name}.txt`), "utf8");
  return {
    id: name,
    source: name,
    format: "text",
    content,
    encoding: "utf-8",
    encodingEvidence: "default",
    url: null,
  };
}

function removedOf(a: Article, kind: string): string {
  return a.removed
    .filter((r) => r.kind === kind)
    .map((r) => r.text)
    .join("\n");
}

describe("clean text: wire story in site furniture", () => {
  const a = cleanText(page("wire-furniture"));

  it("reads the header: title, byline, date, dek, dateline", () => {
    assert.equal(a.title, "Glacier melt forces Swiss village to evacuate for the second time this year");
    assert.equal(a.byline, "Anna Petrova");
    assert.equal(a.published, "2021-03-04T10:32:00");
    assert.equal(a.dateline, "GENEVA (Reuters)");
    assert.match(a.dek ?? "", /^Residents of Blatten were told to leave/);
    assert.equal(a.outlet, "Alpine Post");
    assert.equal(a.lang, "en");
  });

  it("keeps every paragraph, the subheading and the short quote paragraph", () => {
    assert.deepEqual(
      a.paragraphs.map((p) => p.slice(0, 30)),
      [
        "Around 300 residents of the Sw",
        '"We have measured the rock mov',
        "The cantonal government said i",
        "What happens next",
        "Lauber said the next days woul",
        "Local mayor Ruth Imboden told ",
      ],
    );
    assert.equal(a.body, a.paragraphs.join("\n\n"));
  });

  it("labels each piece of furniture", () => {
    assert.match(
      removedOf(a, "navigation"),
      /^Skip to main content\nHome\nWorld\nPolitics\nBusiness\nScience & Tech$/,
    );
    assert.match(removedOf(a, "cookie-banner"), /We use cookies[^\n]*\nAccept all\nManage preferences/);
    assert.equal(removedOf(a, "advertisement"), "Advertisement");
    assert.match(
      removedOf(a, "caption"),
      /^Rescue workers load belongings.*\(Photo: Reuters \/ Denis Balibouse\)$/,
    );
    assert.match(removedOf(a, "related-links"), /^Related:\nAlpine glaciers lost[^\n]*\nWhy Swiss villages/);
    assert.equal(removedOf(a, "widget"), "Share on Facebook | Tweet | Email");
    assert.match(removedOf(a, "newsletter"), /morning newsletter[^\n]*\nSubscribe$/);
    assert.match(removedOf(a, "boilerplate"), /All rights reserved\.\nPrivacy Policy\nTerms of Use/);
    assert.match(removedOf(a, "metadata"), /By Anna Petrova\nPublished: March 4, 2021 10:32 AM/);
  });

  it("loses nothing: every input line is in a field, the body or removed", () => {
    const kept = [a.title, a.dek, a.dateline, a.body, ...a.removed.map((r) => r.text)].join("\n");
    for (const line of page("wire-furniture").content.split("\n")) {
      const words = line.replace(/^GENEVA \(Reuters\) – /, "").trim();
      if (words) assert.ok(kept.includes(words), `line kept somewhere: ${words}`);
    }
  });
});

describe("clean text: blog post with a flat comment thread", () => {
  const a = cleanText(page("blog-flat-thread"));

  it("ends the article at the reply form, not at the comment-count link under the headline", () => {
    assert.equal(a.paragraphs.length, 4);
    assert.match(a.paragraphs[3] ?? "", /^The transport department did not respond/);
    assert.equal(a.byline, "Harbour Watch staff");
  });

  it("removes the form and the whole thread, names and timestamps included", () => {
    assert.match(removedOf(a, "reply-form"), /Leave a Reply\nYour email address will not be published/);
    const thread = removedOf(a, "comments");
    for (const s of [
      "Petra Lind",
      "tramfan88",
      "Georg Hahn",
      "March 6, 2021 at 8:03 am",
      "Buses would be cheaper",
    ]) {
      assert.ok(thread.includes(s), `thread holds ${s}`);
    }
    assert.doesNotMatch(a.body, /Petra Lind|Buses would be cheaper|Leave a Reply/);
  });
});

describe("clean text: nested, bulleted thread after the article", () => {
  const a = cleanText(page("forum-nested-thread"));

  it("reads title and date stamp", () => {
    assert.equal(a.title, "Farmers block motorway in protest over diesel subsidy cuts");
    assert.equal(a.published, "2024-01-08T06:41:10");
  });

  it("keeps the three paragraphs and removes the thread with its nesting", () => {
    assert.equal(a.paragraphs.length, 3);
    assert.match(a.paragraphs[2] ?? "", /"much lower for most farms"\.$/);
    const thread = removedOf(a, "comments");
    assert.match(thread, /^1\. About time somebody/);
    assert.match(thread, /\n {4}• Bakers don't feed the whole country/, "a reply keeps its indentation");
    assert.doesNotMatch(a.body, /tractors, not hundreds|sick child/);
  });
});
