/**
 * The dateline that opens a wire-style first paragraph: "WASHINGTON (Reuters) - ", "BEIRUT,
 * LEBANON (2:20 P.M.) – ", "HAMBURG, March 3 (Wire) - ", "LONDON — ". It is metadata (where and
 * when the report was filed), not a sentence of the article, so it moves out of the body.
 * Shared by the text and HTML cleaners.
 */

/** Datelines are a place, a date and an agency at most; a longer opening is a sentence. */
const DATELINE_MAX_CHARS = 90;
const DATELINE_MAX_WORDS = 12;

/** The separator: a dash (or two hyphens) with space after it, optionally glued to a parenthesis. */
const SEPARATOR = /\s*(?:--|[-–—])\s+/g;

/** The place opens in capitals: "BEIRUT", "NEW YORK", "U.S.". Two letters at least, so "A" or "I" never start one. */
const CAPITAL_PLACE = /^\p{Lu}[\p{Lu}\p{M}.'’-]*\p{Lu}\.?(?:\s+\p{Lu}[\p{Lu}\p{M}.'’-]*\.?)*(?=[\s,(]|$)/u;

/** After the place: more capitalised place names ("Lebanon", "D.C."), day numbers and years, times. */
const DATELINE_WORD = /^(?:\p{Lu}[\p{L}\p{M}.'’-]*|\d{1,4}(?:st|nd|rd|th)?\.?|\d{1,2}:\d{2})$/u;

export interface Dateline {
  /** "BEIRUT, LEBANON (2:20 P.M.)": the dateline without its dash. */
  text: string;
  /** Where the paragraph's own text starts, after the dash. */
  rest: number;
}

/** The dateline opening a paragraph, or null when the paragraph starts with a sentence. */
export function findDateline(paragraph: string): Dateline | null {
  SEPARATOR.lastIndex = 0;
  const head = paragraph.slice(0, DATELINE_MAX_CHARS + 4);
  for (let m = SEPARATOR.exec(head); m !== null; m = SEPARATOR.exec(head)) {
    const prefix = head.slice(0, m.index).trim();
    if (prefix.length === 0 || prefix.length > DATELINE_MAX_CHARS) return null;
    const rest = m.index + m[0].length;
    if (rest >= paragraph.length) return null;
    if (isDatelinePrefix(prefix) && !bareAcronymBeforeLowercase(prefix, paragraph.slice(rest))) {
      return { text: prefix, rest };
    }
    // "NEW YORK-BASED firm" is a hyphenated word, not a separator; try the next dash.
  }
  return null;
}

function isDatelinePrefix(prefix: string): boolean {
  const place = CAPITAL_PLACE.exec(prefix);
  if (place === null) return false;
  const parens = prefix.match(/\([^()]*\)/g) ?? [];
  if (parens.length > 1 || /[()]/.test(prefix.replace(/\([^()]*\)/g, ""))) return false;
  // The remainder, parentheses aside, is a list of capitalised place or date words.
  const remainder = prefix
    .slice(place[0].length)
    .replace(/\([^()]*\)/g, " ")
    .replace(/[,/]/g, " ")
    .trim();
  const words = remainder === "" ? [] : remainder.split(/\s+/);
  if (words.length + place[0].split(/\s+/).length > DATELINE_MAX_WORDS) return false;
  return words.every((w) => DATELINE_WORD.test(w));
}

/**
 * "NATO – the alliance said": one capitalised word and a dash before a lower-case word is an
 * acronym opening a sentence; a dateline's story starts with a capital.
 */
function bareAcronymBeforeLowercase(prefix: string, after: string): boolean {
  return !/[\s,(]/.test(prefix) && /^["“‘'(]?\p{Ll}/u.test(after);
}
