import { type Article, joinParagraphs, type Quote, type Reading } from "../../src/model/index.js";
import { findEntities } from "../../src/read/entities.js";
import { findQuotes } from "../../src/read/quotes.js";
import { splitSentences } from "../../src/read/sentences.js";

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

/** Sentences, entities and quotes of a small article (the part of the read stage tested here). */
export function read(paragraphs: string[]): Pick<Reading, "article" | "sentences" | "entities" | "quotes"> {
  const a = article(paragraphs);
  const sentences = splitSentences(a);
  const entities = findEntities(a, sentences);
  const quotes = findQuotes(a, sentences, entities);
  return { article: a, sentences, entities, quotes };
}

/** The quote whose text contains `fragment`. */
export function quoteWith(quotes: readonly Quote[], fragment: string): Quote | undefined {
  return quotes.find((q) => q.text.includes(fragment));
}
