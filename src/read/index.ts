import type { Article, Reading } from "../model/index.js";
import { findAttributions } from "./attributions.js";
import { findClaims } from "./claims.js";
import { findDates } from "./dates.js";
import { findEntities } from "./entities.js";
import { findFigures } from "./figures.js";
import { findQuotes } from "./quotes.js";
import { creditQuotesInReported, findReported } from "./reported.js";
import { splitSentences } from "./sentences.js";

/** Pure: an article in, who said what (and which figures, dates, claims) out. */
export function readArticle(article: Article): Reading {
  const sentences = splitSentences(article);
  const entities = findEntities(article, sentences);
  const found = findQuotes(article, sentences, entities);
  const reported = findReported(article, sentences, entities, found);
  const quotes = creditQuotesInReported(found, reported);
  const attributions = findAttributions(article, sentences, entities);
  const figures = findFigures(article, sentences);
  const dates = findDates(article, sentences);
  const claims = findClaims(article, sentences, quotes, { figures, dates });
  return { article, sentences, quotes, reported, entities, figures, dates, attributions, claims };
}
