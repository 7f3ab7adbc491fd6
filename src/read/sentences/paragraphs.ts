import type { Article } from "../../model/index.js";

/** The separator `joinParagraphs` puts between paragraphs in `article.body`. */
export const PARAGRAPH_SEPARATOR_CHARS = 2;

/** Body offset at which each paragraph starts (body = paragraphs joined by "\n\n"). */
export function paragraphStarts(article: Article): number[] {
  const out: number[] = [];
  let at = 0;
  for (const p of article.paragraphs) {
    out.push(at);
    at += p.length + PARAGRAPH_SEPARATOR_CHARS;
  }
  return out;
}
