/**
 * The body metric of article-extraction benchmarks: the text is cut into word tokens, the tokens
 * into overlapping 4-token shingles, and a prediction is scored against the gold text by the
 * multiset overlap of their shingles. Shingles rather than bags of words, so that keeping the
 * right words in the wrong order, or a stray word repeated in a menu, does not count as a match.
 * Pure functions only: no I/O, no DOM.
 */

/** Tokens per shingle: the value the standard benchmarks use (long enough to encode word order). */
export const SHINGLE_SIZE = 4;

/**
 * Scripts written without spaces between words: each ideograph, kana or hangul syllable is its
 * own token, or a whole Chinese paragraph would be one "word" and match nothing. Script
 * extensions rather than scripts, so the kana prolonged-sound mark (ー, script Common) counts;
 * the lookahead keeps out the CJK punctuation (。「」) that shares those script extensions.
 */
const UNSPACED_CHAR = String.raw`(?:(?=[\p{L}\p{N}])[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}\p{Script_Extensions=Hangul}])`;

/**
 * A letter, digit, or combining mark that is not from an unspaced script. Marks belong to the
 * word they sit on (Devanagari vowel signs, accents NFC cannot compose); without them "हिन्दी"
 * would split at every vowel sign.
 */
const WORD_CHAR = String.raw`(?:(?!${UNSPACED_CHAR})[\p{L}\p{N}\p{M}])`;

/** Apostrophes that may sit inside a word ("don't", "l’homme"): ASCII and the typographic one. */
const INNER_APOSTROPHE = "['\u2019]";

/**
 * One token: an unspaced-script character alone, or a maximal run of word characters with inner
 * apostrophes kept. A leading or trailing apostrophe is a quote mark, not part of the word.
 */
const TOKEN = new RegExp(`${UNSPACED_CHAR}|${WORD_CHAR}+(?:${INNER_APOSTROPHE}${WORD_CHAR}+)*`, "gu");

/** NFC first, so a precomposed "é" and "e" + combining accent are one spelling. */
export function tokenize(text: string): string[] {
  return text.normalize("NFC").match(TOKEN) ?? [];
}

/** A multiset of shingles: shingle key → how many times it occurs. */
export type Multiset = Map<string, number>;

/** Tokens never contain spaces, so a space joins them without ambiguity. */
const KEY_SEPARATOR = " ";

/**
 * Overlapping shingles of `size` tokens, counted. A text shorter than one shingle yields a single
 * shingle of all its tokens (so a three-word body still scores); no tokens, no shingles.
 */
export function shingles(tokens: readonly string[], size: number = SHINGLE_SIZE): Multiset {
  const counts: Multiset = new Map();
  if (tokens.length === 0) return counts;
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  if (tokens.length < size) {
    add(tokens.join(KEY_SEPARATOR));
    return counts;
  }
  for (let i = 0; i + size <= tokens.length; i++) add(tokens.slice(i, i + size).join(KEY_SEPARATOR));
  return counts;
}

export function multisetSize(m: Multiset): number {
  let n = 0;
  for (const c of m.values()) n += c;
  return n;
}

/** Size of the multiset intersection: each shingle counts as often as it occurs in both. */
export function overlap(a: Multiset, b: Multiset): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const [key, count] of small) n += Math.min(count, large.get(key) ?? 0);
  return n;
}

export interface PageScore {
  precision: number;
  recall: number;
  f1: number;
}

export function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/**
 * Precision and recall of one page's predicted text against its gold text. Null when the gold
 * text has no tokens: there is nothing to recall, so the page cannot be scored (it is still
 * counted, and reported as unscored). An empty prediction against a non-empty gold scores 0/0.
 */
export function scorePage(predicted: string, gold: string): PageScore | null {
  const goldSet = shingles(tokenize(gold));
  const goldSize = multisetSize(goldSet);
  if (goldSize === 0) return null;
  const predSet = shingles(tokenize(predicted));
  const predSize = multisetSize(predSet);
  if (predSize === 0) return { precision: 0, recall: 0, f1: 0 };
  const common = overlap(predSet, goldSet);
  const precision = common / predSize;
  const recall = common / goldSize;
  return { precision, recall, f1: f1Of(precision, recall) };
}

export interface Aggregate {
  /** Pages given, scored or not. */
  pages: number;
  /** Pages with a non-empty gold text. */
  scored: number;
  meanPrecision: number;
  meanRecall: number;
  /** F1 of the mean precision and mean recall: the headline figure of the standard benchmarks. */
  f1: number;
  /** Mean and median of the per-page F1: how a typical page fares, less swayed by a few pages. */
  meanPageF1: number;
  medianPageF1: number;
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Every scored page weighs the same, whatever its length: a short page missed is a page missed. */
export function aggregate(scores: readonly (PageScore | null)[]): Aggregate {
  const scored = scores.filter((s): s is PageScore => s !== null);
  const meanPrecision = mean(scored.map((s) => s.precision));
  const meanRecall = mean(scored.map((s) => s.recall));
  return {
    pages: scores.length,
    scored: scored.length,
    meanPrecision,
    meanRecall,
    f1: f1Of(meanPrecision, meanRecall),
    meanPageF1: mean(scored.map((s) => s.f1)),
    medianPageF1: median(scored.map((s) => s.f1)),
  };
}
