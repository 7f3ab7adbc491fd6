/** Hand-built articles for tests of the stages after the cleaner. */
import { type Article, joinParagraphs } from "../src/model/index.js";

export function makeArticle(
  paragraphs: string[],
  opts: {
    id?: string;
    source?: string;
    outlet?: string | null;
    title?: string | null;
    published?: string | null;
  } = {},
): Article {
  return {
    id: opts.id ?? "t",
    source: opts.source ?? "test",
    outlet: opts.outlet ?? null,
    title: opts.title ?? null,
    dek: null,
    byline: null,
    published: opts.published ?? null,
    dateline: null,
    lang: "en",
    paragraphs,
    body: joinParagraphs(paragraphs),
    removed: [],
  };
}
