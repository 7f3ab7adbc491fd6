import { type Article, joinParagraphs, type Quote, type Reading } from "../../src/model/index.js";
import { readArticle } from "../../src/read/index.js";

export function article(paragraphs: string[], id = "t"): Article {
  return {
    id,
    source: "test",
    outlet: null,
    title: null,
    dek: null,
    byline: null,
    published: null,
    dateline: null,
    lang: "en",
    paragraphs,
    body: joinParagraphs(paragraphs),
    removed: [],
  };
}

/** The whole read stage on a small hand-written article. */
export function read(paragraphs: string[]): Reading {
  return readArticle(article(paragraphs));
}

/** The indirect attributions of a reading. */
export function reported(r: Reading): Quote[] {
  return r.reported ?? [];
}

/** The indirect attribution whose content contains `fragment`. */
export function withContent(r: Reading, fragment: string): Quote | undefined {
  return reported(r).find((q) => q.text.includes(fragment));
}

/** The text of a quote's speaker mention. */
export function mentionOf(r: Reading, q: Quote): string | null {
  return q.speakerMention === null
    ? null
    : r.article.body.slice(q.speakerMention.start, q.speakerMention.end);
}
