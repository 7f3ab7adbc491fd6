import type { Article, Page } from "../model/index.js";
import { cleanHtml } from "./html/index.js";
import { cleanText } from "./text/index.js";

/** Pure: a decoded page in, the article out, with everything removed kept and labelled. */
export function cleanPage(page: Page): Article {
  return page.format === "html" ? cleanHtml(page) : cleanText(page);
}
