/**
 * Shape features of one flattened line, and the named shapes built on them (prose, sentence,
 * headline, user name, list item). Every later decision is a combination of these.
 */
import { wordTokens } from "../../text/tokens.js";
import type { Line } from "./prepare.js";

export interface Features {
  words: number;
  /** Words starting with an upper-case letter, over all words. */
  capitalShare: number;
  /** Ends like a sentence: . ! ? … (or : ;) possibly followed by closing quotes or brackets. */
  endsSentence: boolean;
  /** Ends with a full stop (not ? or !): headlines rarely do, paragraphs nearly always do. */
  endsWithPeriod: boolean;
  /** Sentence boundaries inside the line (". X", "? X"). */
  innerSentenceBreaks: number;
  /** Share of digits among non-space characters. */
  digitShare: number;
  /** Share of serialisation punctuation {}[]":,<>=; among non-space characters. */
  structureShare: number;
  hasUrl: boolean;
  list: ListMarker | null;
  /** Lower-cased function words ("the", "of", "was"): prose and headlines have them, names do not. */
  functionWords: number;
}

export type ListMarker = "bullet" | "number";

/** A line this long is prose whatever its ending: a truncated or quote-ending paragraph. */
export const PROSE_LONG_WORDS = 25;

/** A sentence-ending line of this many words is a paragraph, not a label, heading or button. */
export const PROSE_MIN_WORDS = 10;

/** Headlines: long enough to say something ("Kerry admits defeat"), short enough not to be a paragraph. */
export const HEADLINE_MIN_WORDS = 3;
export const HEADLINE_MAX_WORDS = 25;

/** Comment author names: "Jens Holm", "Nuno Cardoso da Silva" (the particle is lower-case). */
export const NAME_MAX_TOKENS = 4;
/** Longer "names" are labels or sentences. */
const NAME_MAX_CHARS = 40;

const FUNCTION_WORDS = new Set(
  (
    "a an the of in on at to for with from by as and or but nor if than then that this these those " +
    "is are was were be been being am has have had do does did will would can could should may might must " +
    "it its he she they we you i me him her them us his their our your my not no yes what why how who " +
    "when where which there here so very just about into over after before up out all more most some any"
  ).split(" "),
);

const SENTENCE_END = /[.!?…:;]["'”’»)\]]*$/;
const PERIOD_END = /(?:[^.]|^)\.["'”’»)\]]*$/;
const INNER_BREAK = /[.!?…]["'”’)]*\s+["'“‘(]?\p{Lu}/gu;
const URL = /\bhttps?:\/\/\S|\bwww\.\S/i;
const BULLET = /^[•◦▪‣∙·○●■□➢►▸*\-–—](?:\s|$)/;
const NUMBERED = /^\(?\d{1,3}[.)]\s/;
const STRUCTURE_CHARS = /[{}[\]":,<>=;]/g;
const DIGITS = /\p{N}/gu;
const NON_SPACE = /\S/g;

/** How many characters of a line the character-share features look at: shares stabilise long before. */
const SHARE_SAMPLE_CHARS = 4_000;

export function features(line: Line): Features {
  const text = line.text;
  const tokens = wordTokens(text);
  let capitals = 0;
  let functionWords = 0;
  for (const t of tokens) {
    const first = t.text[0] ?? "";
    if (first !== first.toLowerCase()) capitals += 1;
    else if (FUNCTION_WORDS.has(t.norm)) functionWords += 1;
  }
  const sample = text.slice(0, SHARE_SAMPLE_CHARS);
  const nonSpace = Math.max(1, countMatches(sample, NON_SPACE));
  return {
    words: tokens.length,
    capitalShare: tokens.length === 0 ? 0 : capitals / tokens.length,
    endsSentence: SENTENCE_END.test(text),
    endsWithPeriod: PERIOD_END.test(text),
    innerSentenceBreaks: countMatches(sample, INNER_BREAK),
    digitShare: countMatches(sample, DIGITS) / nonSpace,
    structureShare: countMatches(sample, STRUCTURE_CHARS) / nonSpace,
    hasUrl: URL.test(sample),
    list: NUMBERED.test(text) ? "number" : BULLET.test(text) ? "bullet" : null,
    functionWords,
  };
}

function countMatches(s: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(s) !== null) n += 1;
  return n;
}

/** A paragraph of running text: the backbone of the article region. */
export function isProse(f: Features): boolean {
  return (
    f.words >= PROSE_LONG_WORDS ||
    (f.words >= PROSE_MIN_WORDS && (f.endsSentence || f.innerSentenceBreaks > 0))
  );
}

/** A short line that still reads as a sentence ("Here is the audio in full."): real when inside the body. */
export function isSentenceLike(f: Features): boolean {
  return f.words >= 2 && f.endsSentence && f.functionWords > 0;
}

/** Title case or sentence case, 3–25 words, no closing full stop: how headlines and subheads look. */
export function isHeadlineLike(line: Line, f: Features): boolean {
  if (f.words < HEADLINE_MIN_WORDS || f.words > HEADLINE_MAX_WORDS) return false;
  if (f.endsWithPeriod || f.hasUrl || f.digitShare > HEADLINE_MAX_DIGIT_SHARE) return false;
  const first = line.text.match(/\p{L}/u)?.[0] ?? "";
  return first !== first.toLowerCase();
}

/** Headlines carry a year or a figure at most; a line mostly of digits is a counter or a date. */
const HEADLINE_MAX_DIGIT_SHARE = 0.3;

const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’\-.]*|[\p{Ll}\p{N}_.-]*\p{L}[\p{L}\p{N}_.-]*)$/u;
const NAME_FORBIDDEN = /[!?,;:"“”()[\]{}<>|/\\@#$%&*+=…]|\.$/;
/** "John says:" and "Jane Doe said…" are how blog engines head a comment. */
const SAYS_SUFFIX = /\s+(?:says|said|wrote|writes)\s*:?$/i;

/**
 * A line that can be a comment author: 1–4 capitalised or handle-like tokens, no sentence
 * punctuation, no function words ("Jens Holm", "chris chuba", "kebab_remover99").
 */
export function isNameLike(line: Line): boolean {
  const text = line.text.replace(SAYS_SUFFIX, "");
  if (text.length === 0 || text.length > NAME_MAX_CHARS || NAME_FORBIDDEN.test(text)) return false;
  const tokens = text.split(" ");
  if (tokens.length > NAME_MAX_TOKENS) return false;
  return tokens.every((t) => NAME_TOKEN.test(t) && !FUNCTION_WORDS.has(t.toLowerCase()));
}

export function hasSaysSuffix(line: Line): boolean {
  return SAYS_SUFFIX.test(line.text) && line.text.length <= NAME_MAX_CHARS + 8;
}
