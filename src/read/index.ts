import type { Article, Reading } from "../model/index.js";

/** Pure: an article in, who said what (and which figures, dates, claims) out. */
export function readArticle(_article: Article): Reading {
  throw new Error("read: not implemented yet");
}
