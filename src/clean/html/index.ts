import type { Article, Page } from "../../model/index.js";

/** Pure: an HTML page in, the article out. */
export function cleanHtml(_page: Page): Article {
  throw new Error("clean/html: not implemented yet");
}
