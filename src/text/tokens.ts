/**
 * Word-level text helpers shared by the stages that compare wording (quote alignment, reuse,
 * claim matching). One definition of "a word" keeps their numbers comparable.
 */

export interface WordToken {
  /** The word as written. */
  text: string;
  /** Lower-cased, accents and typographic variants folded: the form used to compare. */
  norm: string;
  start: number;
  end: number;
}

// Letters and digits (any script), with inner apostrophes, hyphens and decimal separators kept:
// "Obama’s", "40-minute", "4.8" are one word each.
const WORD = /[\p{L}\p{N}]+(?:[’'\-.,][\p{L}\p{N}]+)*/gu;

const FOLD: Record<string, string> = { "’": "'", "‘": "'", ʼ: "'" };

const ASCII_WORD = /^[\x00-\x7f]*$/;

/** Lower-case, strip diacritics, fold curly apostrophes: "Obama’s" → "obama's", "Café" → "cafe". */
export function foldWord(word: string): string {
  // Nearly every word of English news is ASCII: nothing to decompose, no curly apostrophe.
  if (ASCII_WORD.test(word)) return word.toLowerCase();
  return word
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘ʼ]/g, (c) => FOLD[c] ?? c)
    .toLowerCase();
}

export function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    out.push({ text: m[0], norm: foldWord(m[0]), start, end: start + m[0].length });
  }
  return out;
}

/** Compare-form of a whole passage: folded words joined by single spaces. */
export function normalizeForMatch(text: string): string {
  return wordTokens(text)
    .map((t) => t.norm)
    .join(" ");
}
