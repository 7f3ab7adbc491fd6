/**
 * Shape features of one flattened line, and the named shapes built on them (prose, sentence,
 * headline, user name, list item). Every later decision is a combination of these.
 */
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
  /** Written at least partly in a script without spaces (Chinese, Japanese): no function words to count. */
  unspaced: boolean;
  /** Spaced item separators inside the line (" • ", " | ", " ▪ ", " › "): a list flattened into one line. */
  separators: number;
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
/** Chinese and Japanese names and handles are a few characters; a longer run is a phrase. */
const NAME_MAX_UNSPACED_CHARS = 6;

/**
 * Function words of the languages news is most often written in with spaces between words
 * (English, French, German, Spanish, Portuguese, Italian, Dutch): articles, prepositions,
 * pronouns, auxiliaries. Prose and headlines have them; names, menu items and labels rarely do.
 */
const FUNCTION_WORDS = new Set(
  // English
  (
    "a an the of in on at to for with from by as and or but nor if than then that this these those " +
    "is are was were be been being am has have had do does did will would can could should may might must " +
    "it its he she they we you i me him her them us his their our your my not no yes what why how who " +
    "when where which there here so very just about into over after before up out all more most some any " +
    // French
    "le la les un une des du au aux et ou est sont était été être avoir a ont il elle ils elles nous vous " +
    "je on ce cette ces qui que qu dans sur pour par avec sans pas ne se sa son ses leur leurs mais " +
    // German
    "der die das den dem des ein eine einen einem einer und oder ist sind war waren wird werden hat haben " +
    "nicht mit von zu im auf für aus bei nach sich auch es sie er wir ich als wie dass noch nur " +
    // Spanish, Portuguese, Italian
    "el los las una unos unas y o es son era fue ser con por para del al se su sus lo como pero más muy " +
    "em os um uma é são foi com não na nas nos no pelo pela il gli di che è sono per non una dei delle " +
    // Dutch
    "het een en van op te zijn is niet met voor dat"
  ).split(" "),
);

/**
 * Lower-case words that are also particles of personal names ("Nuno Cardoso da Silva", "Ursula
 * von der Leyen", "Vincent van Gogh"): function words elsewhere, but not evidence against a name.
 */
const NAME_PARTICLES = new Set(
  "da de di du do dos das del della der den la le van von ter ten bin al el".split(" "),
);

/**
 * Letters of scripts written without spaces between words (Han, Hiragana, Katakana): a run of
 * them is one "token" to a word splitter, so they are counted by characters instead.
 */
const UNSPACED_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HAS_UNSPACED_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Characters of an unspaced script per word of a spaced one: a Chinese word is one to two
 * characters, so a 60-character Chinese sentence weighs like a 40-word English one.
 */
const UNSPACED_CHARS_PER_WORD = 1.5;

/** Sentence ends of Latin, CJK (。！？), Arabic (؟ ۔) and Indic (। ॥) writing, closing quotes after. */
const SENTENCE_END = /[.!?…:;。！？；：؟۔।॥]["'”’»)\]」』）〕】]*$/u;
/** "N.Y.C.", "U.S.": an initialism's last dot, which ends headlines as often as sentences. */
const INITIALISM_END = /(?:^|[\s.])\p{Lu}\.\p{Lu}\.$/u;
const PERIOD_END = /(?:[^.]|^)[.。۔।]["'”’»)\]」』）]*$/u;
/** A sentence break inside a line: ". The", "? «Il", or any CJK full stop followed by more text. */
const INNER_BREAK = /[.!?…]["'”’)]*\s+["'“‘«(]?\p{Lu}|[。！？؟।][」』”’)）]*(?=\S)/gu;
const URL = /\bhttps?:\/\/\S|\bwww\.\S/i;
const BULLET = /^[•◦▪‣∙·○●■□➢►▸*\-–—+](?:\s|$)/;
const NUMBERED = /^\(?\d{1,3}[.)]\s/;
const DIGITS = /\p{N}/gu;
const INLINE_SEPARATOR = /\s[•|▪·›»◦●■]\s/g;

/** A word as the shared tokenizer reads one (src/text/tokens.ts): letters and digits with inner joiners. */
const WORD = /[\p{L}\p{N}]+(?:[’'\-.,][\p{L}\p{N}]+)*/gu;

/** How many characters of a line the character-share features look at: shares stabilise long before. */
const SHARE_SAMPLE_CHARS = 4_000;

export function features(line: Line): Features {
  const text = line.text;
  let capitals = 0;
  let functionWords = 0;
  let words = 0;
  let tokens = 0;
  WORD.lastIndex = 0;
  // A line without Chinese or Japanese (nearly all) counts one word a token without a test each.
  const spacedOnly = !HAS_UNSPACED_LETTER.test(text);
  // Every line of every page is featured: words are matched here without the folding (accent
  // stripping) that comparing wordings needs; function words only need lower case.
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const token = m[0];
    tokens += 1;
    words += spacedOnly ? 1 : tokenWords(token);
    const first = token[0] ?? "";
    if (first !== first.toLowerCase()) capitals += 1;
    else if (FUNCTION_WORDS.has(token.toLowerCase())) functionWords += 1;
  }
  const sample = text.slice(0, SHARE_SAMPLE_CHARS);
  const chars = characterCounts(sample);
  const nonSpace = Math.max(1, chars.nonSpace);
  return {
    words,
    capitalShare: tokens === 0 ? 0 : capitals / tokens,
    endsSentence: SENTENCE_END.test(text),
    endsWithPeriod: PERIOD_END.test(text) && !INITIALISM_END.test(text),
    innerSentenceBreaks: countMatches(sample, INNER_BREAK),
    digitShare: (chars.ascii ? chars.digits : countMatches(sample, DIGITS)) / nonSpace,
    structureShare: chars.structure / nonSpace,
    hasUrl: URL.test(sample),
    list: NUMBERED.test(text) ? "number" : BULLET.test(text) ? "bullet" : null,
    functionWords,
    unspaced: !spacedOnly && HAS_UNSPACED_LETTER.test(sample),
    separators: countMatches(sample, INLINE_SEPARATOR),
  };
}

/**
 * How many words a token stands for: one, or, for a run of Chinese or Japanese characters, its
 * length over UNSPACED_CHARS_PER_WORD (at least one).
 */
function tokenWords(token: string): number {
  if (!HAS_UNSPACED_LETTER.test(token)) return 1;
  const unspaced = countMatches(token, UNSPACED_LETTER);
  const rest = token.length - unspaced > 0 ? 1 : 0;
  return Math.max(1, Math.round(unspaced / UNSPACED_CHARS_PER_WORD) + rest);
}

/**
 * Non-space and serialisation characters ({}[]":,<>=;) in one pass, and the digits when the text
 * is ASCII (where \p{N} is 0-9 alone).
 */
function characterCounts(s: string): { nonSpace: number; structure: number; digits: number; ascii: boolean } {
  let nonSpace = 0;
  let structure = 0;
  let digits = 0;
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) ascii = false;
    else if (c >= 48 && c <= 57) digits += 1;
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 160) continue;
    nonSpace += 1;
    // { } [ ] " : , < > = ;
    if (
      c === 123 ||
      c === 125 ||
      c === 91 ||
      c === 93 ||
      c === 34 ||
      c === 58 ||
      c === 44 ||
      c === 60 ||
      c === 62 ||
      c === 61 ||
      c === 59
    )
      structure += 1;
  }
  return { nonSpace, structure, digits, ascii };
}

function countMatches(s: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(s) !== null) n += 1;
  return n;
}

/** A paragraph of running text: the backbone of the article region. */
export function isProse(f: Features): boolean {
  if (isInlineList(f) || isTitleCase(f)) return false;
  return (
    f.words >= PROSE_LONG_WORDS ||
    (f.words >= PROSE_MIN_WORDS && (f.endsSentence || f.innerSentenceBreaks > 0))
  );
}

/** In Title Case Headlines Most Words Are Capitalised; German prose, capitalising nouns, stays near a third. */
const TITLE_CASE_MIN_SHARE = 0.75;

/**
 * A headline in Title Case, even one ending in "!" or "?": "Model Explains Why There Are So Many
 * Irish People In America!" links to a story, it is not a paragraph of one.
 */
export function isTitleCase(f: Features): boolean {
  return (
    f.words <= HEADLINE_MAX_WORDS && f.words >= HEADLINE_MIN_WORDS && f.capitalShare >= TITLE_CASE_MIN_SHARE
  );
}

/** Items of a menu or a topic list run together read a few words each between separators. */
const INLINE_LIST_MIN_SEPARATORS = 2;
const INLINE_LIST_MAX_ITEM_WORDS = 6;

/**
 * A list flattened into one line: "Billig kontra Apple • Zaubern mit Skripten • HomeKit • …", a
 * magazine's table of contents or a footer's links, long enough to pass for a paragraph.
 */
export function isInlineList(f: Features): boolean {
  return (
    f.separators >= INLINE_LIST_MIN_SEPARATORS && f.words / (f.separators + 1) <= INLINE_LIST_MAX_ITEM_WORDS
  );
}

/** A short line that still reads as a sentence ("Here is the audio in full."): real when inside the body. */
export function isSentenceLike(f: Features): boolean {
  return f.words >= 2 && f.endsSentence && (f.functionWords > 0 || f.unspaced) && !isTitleCase(f);
}

/** Title case or sentence case, 3–25 words, no closing full stop: how headlines and subheads look. */
export function isHeadlineLike(line: Line, f: Features): boolean {
  if (f.words < HEADLINE_MIN_WORDS || f.words > HEADLINE_MAX_WORDS) return false;
  if (f.endsWithPeriod || f.hasUrl || f.digitShare > HEADLINE_MAX_DIGIT_SHARE) return false;
  return startsCapitalised(line.text);
}

/**
 * The first letter is a capital, or from a script without case (Chinese, Arabic, Hebrew, Thai,
 * Devanagari), where every headline "starts capitalised".
 */
export function startsCapitalised(text: string): boolean {
  const first = text.match(/\p{L}/u)?.[0] ?? "";
  return first !== "" && (first !== first.toLowerCase() || /\p{Lo}/u.test(first));
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
  if (countMatches(text, UNSPACED_LETTER) > NAME_MAX_UNSPACED_CHARS) return false;
  const tokens = text.split(" ");
  if (tokens.length > NAME_MAX_TOKENS) return false;
  return tokens.every(
    (t) => NAME_TOKEN.test(t) && (NAME_PARTICLES.has(t) || !FUNCTION_WORDS.has(t.toLowerCase())),
  );
}

export function hasSaysSuffix(line: Line): boolean {
  return SAYS_SUFFIX.test(line.text) && line.text.length <= NAME_MAX_CHARS + 8;
}
