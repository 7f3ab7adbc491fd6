import type { Article, Page } from "../../model/index.js";

/** Pure: a page already flattened to text (one block per line) in, the article out. */
export function cleanText(_page: Page): Article {
  throw new Error("clean/text: not implemented yet");
}
