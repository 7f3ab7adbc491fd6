import type { Article, Entity, Quote, Sentence } from "../model/index.js";

export function findQuotes(_article: Article, _sentences: readonly Sentence[], _entities: readonly Entity[]): Quote[] {
  throw new Error("read/quotes: not implemented yet");
}
