import type { Article, Page } from "../model/index.js";

/** Pure: a decoded page in, the article out, with everything removed kept and labelled. */
export function cleanPage(_page: Page): Article {
  throw new Error("clean: not implemented yet");
}
