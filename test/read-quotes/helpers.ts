import type { Article, Quote, Reading } from "../../src/model/index.js";
import { findEntities } from "../../src/read/entities.js";
import { findQuotes } from "../../src/read/quotes.js";
import { splitSentences } from "../../src/read/sentences.js";
import { makeArticle } from "../articles.js";

/** Sentences, entities and quotes of a small article (the part of the read stage tested here). */
export function read(paragraphs: string[]): Pick<Reading, "article" | "sentences" | "entities" | "quotes"> {
  const a = makeArticle(paragraphs);
  const sentences = splitSentences(a);
  const entities = findEntities(a, sentences);
  const quotes = findQuotes(a, sentences, entities);
  return { article: a, sentences, entities, quotes };
}

/** The quote whose text contains `fragment`. */
export function quoteWith(quotes: readonly Quote[], fragment: string): Quote | undefined {
  return quotes.find((q) => q.text.includes(fragment));
}

/** The text of a quote's speaker mention in its article, or null without one. */
export function mentionText(article: Article, q: Quote): string | null {
  return q.speakerMention === null ? null : article.body.slice(q.speakerMention.start, q.speakerMention.end);
}
