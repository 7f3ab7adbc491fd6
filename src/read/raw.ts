/**
 * A text taken as the article exactly as given, with no cleaning: the reader's evaluation
 * interface scores offsets into the file's own text. The reader works on paragraphs joined by
 * "\n\n"; this adapter builds that body from the text's blank-line-separated blocks and maps every
 * body offset back to the text, so nothing of the text is altered or lost in between.
 */
import { type Article, joinParagraphs } from "../model/index.js";
import { PARAGRAPH_SEPARATOR_CHARS } from "./sentences/paragraphs.js";

export interface RawArticle {
  article: Article;
  /** The text offset of a body offset (an end offset maps to the end of the same character run). */
  toText(bodyOffset: number): number;
}

/** Paragraph boundaries: a line break, optional spaces, and at least one more line break. */
const BLANK_LINES = /\n[^\S\n]*\n\s*/g;

export function rawArticle(id: string, source: string, text: string): RawArticle {
  const paragraphs: string[] = [];
  /** Text offset of each paragraph's first character. */
  const textStarts: number[] = [];
  const push = (from: number, to: number) => {
    const piece = text.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed === "") return;
    paragraphs.push(trimmed);
    textStarts.push(from + lead);
  };
  let from = 0;
  BLANK_LINES.lastIndex = 0;
  for (let m = BLANK_LINES.exec(text); m !== null; m = BLANK_LINES.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);

  const bodyStarts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    bodyStarts.push(at);
    at += p.length + PARAGRAPH_SEPARATOR_CHARS;
  }
  const body = joinParagraphs(paragraphs);
  const toText = (offset: number): number => {
    // The paragraph holding the offset: the last starting at or before it (binary search).
    let lo = 0;
    let hi = bodyStarts.length - 1;
    let p = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (bodyStarts[mid]! <= offset) {
        p = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const within = Math.min(offset - (bodyStarts[p] ?? 0), paragraphs[p]?.length ?? 0);
    return (textStarts[p] ?? 0) + within;
  };
  return {
    article: {
      id,
      source,
      outlet: null,
      title: null,
      dek: null,
      byline: null,
      published: null,
      dateline: null,
      lang: null,
      paragraphs,
      body,
      removed: [],
    },
    toText,
  };
}
