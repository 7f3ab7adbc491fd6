import type { Article, Sentence } from "../model/index.js";
import { isAttitudeLemma, reportingLemma } from "./quotes/cues.js";
import { closedQuoteSpans } from "./quotes/marks.js";
import { paragraphStarts } from "./sentences/paragraphs.js";

/**
 * Rule-based sentence splitter working directly on body offsets. Library splitters (sbd,
 * wink) return re-spaced strings and trip on curly quotes (`.”`), so mapping their output back to
 * the body is lossy; a single linear scan keeps offsets exact and bounded.
 */

/**
 * A sentence longer than this is cut at a word boundary. Real news sentences stay well under
 * 1,000 characters; a scraped data dump or a run-on paragraph with no full stop must not become
 * one megabyte-long "sentence" that later stages scan repeatedly.
 */
export const MAX_SENTENCE_CHARS = 2_000;

/** How far back from the cap to look for a space, so a forced cut does not split a word. */
const CUT_SEARCH_CHARS = 300;

/**
 * Sentence ends inside a quotation shorter than this are not splits: “We tried. We failed,” he
 * said — is one reported utterance and its attribution. Longer quoted passages (a whole quoted
 * letter) are split as usual.
 */
const MAX_UNSPLIT_QUOTE_CHARS = 500;

/**
 * Titles that stand before a name and are no ordinary word: a full stop after them never ends a
 * sentence, even before "And" ("Mr. And Mrs. Smith" in a headline).
 */
const NAME_TITLES = new Set(["mr", "mrs", "ms", "messrs", "mmes"]);

/** Joiners that always have something after them: "Roe v. Wade", "Das Volk vs. The State". */
const LINKING_ABBREVIATIONS = new Set(["vs", "v", "cf"]);

/**
 * Titles, their plurals ("Sens. Ted Cruz and Marco Rubio"), abbreviations that stand before a name
 * or number, and company and name suffixes. A full stop after them ends a sentence only when a
 * typical sentence opener follows: "Del." is a delegate's title and Delaware ("… in Dover, Del.
 * The polls …"), "St." a saint and a street, "no." a number and a word ("He said no. But …"), and
 * "Inc." often closes a sentence ("… bought by Acme Inc. The deal …").
 */
const ABBREVIATIONS = new Set([
  "dr",
  "drs",
  "prof",
  "profs",
  "gen",
  "gens",
  "lt",
  "col",
  "maj",
  "capt",
  "cpt",
  "sgt",
  "cpl",
  "pvt",
  "pfc",
  "spc",
  "brig",
  "adm",
  "cmdr",
  "sen",
  "sens",
  "rep",
  "reps",
  "gov",
  "govs",
  "del",
  "dels",
  "pres",
  "rev",
  "msgr",
  "fr",
  "hon",
  "amb",
  "sec",
  "atty",
  "supt",
  "insp",
  "det",
  "st",
  "mt",
  "ft",
  "no",
  "nos",
  "approx",
  "est",
  "dept",
  "univ",
  "fig",
  "vol",
  "pp",
  "p",
  "al",
  "inc",
  "corp",
  "co",
  "ltd",
  "jr",
  "sr",
  "etc",
  "plc",
  "llc",
  "bros",
]);

/** Month abbreviations: "Sept. 22" or "Oct. 1" do not end a sentence before the day number. */
const MONTH_ABBREVIATIONS = new Set([
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
]);

/** Words that typically open a sentence; used to decide after "U.S." or "Inc." whether a new one starts. */
const SENTENCE_OPENERS = new Set([
  "the",
  "a",
  "an",
  "he",
  "she",
  "it",
  "they",
  "we",
  "i",
  "you",
  "this",
  "that",
  "these",
  "those",
  "there",
  "but",
  "and",
  "in",
  "on",
  "at",
  "after",
  "before",
  "when",
  "while",
  "however",
  "his",
  "her",
  "their",
  "its",
  "our",
  "as",
  "if",
  "for",
  "so",
  "yet",
  "some",
  "many",
  "most",
  "one",
  "last",
  "meanwhile",
  "earlier",
  "later",
  "since",
  "still",
  "what",
  "who",
  "why",
  "how",
]);

/** Capitalised words a speaker's name may take before its verb: "Rep. Ann Lee Ford asked". */
const MAX_SPEAKER_WORDS = 4;

/** Words after the verb searched for a "that" opening a report of its own. */
const REPORT_LOOKAHEAD_WORDS = 3;

/** Subject pronouns: capitalised after a closed quotation, they open a sentence (“Why?” She said …). */
const PRONOUNS = new Set(["he", "she", "they", "we", "i", "it", "you"]);

/** Opening marks looked through before the first letter of a sentence ('' and “‘ runs). */
const MAX_OPENING_MARKS = 3;

const TERMINATORS = new Set([".", "!", "?", "…"]);
const CLOSERS = new Set(["”", "’", '"', "'", ")", "]", "»", "›"]);
const QUOTE_CLOSERS = new Set(["”", "’", '"', "'"]);
const OPENERS = new Set(["“", "‘", '"', "'", "(", "[", "«", "‹"]);

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\u00a0" || c === "\r" || c === "\u2009" || c === "\u202f";
}

function isUpper(c: string | undefined): boolean {
  return c !== undefined && /\p{Lu}/u.test(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /\p{L}/u.test(c);
}

/** The word (letters and inner dots) ending just before `dot`: "Mr" for "Mr.", "U.S" for "U.S.". */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  const floor = Math.max(0, dot - 30);
  while (i > floor && (isLetter(text[i - 1]) || (text[i - 1] === "." && isLetter(text[i - 2])))) i--;
  return text.slice(i, dot);
}

/** The next word after position `from` (skipping opening marks), lower-cased. */
function wordAfter(text: string, from: number): string {
  let i = from;
  while (i < text.length && OPENERS.has(text[i] ?? "")) i++;
  let j = i;
  while (j < text.length && j - i < 30 && isLetter(text[j])) j++;
  return text.slice(i, j).toLowerCase();
}

/** Does a full stop at `dot` (text[dot] === ".") end the sentence, given what follows at `next`? */
function periodEndsSentence(text: string, dot: number, next: number): boolean {
  if (text[dot - 1] === "." || text[dot + 1] === ".") return true; // an ellipsis "..." is handled as a terminator
  const word = wordBefore(text, dot);
  if (word === "") return true;
  const lower = word.toLowerCase();
  if (NAME_TITLES.has(lower) || LINKING_ABBREVIATIONS.has(lower)) return false;
  // A single initial ("John F. Kennedy", "J. Smith") or a dotted acronym ("U.S.", "U.N.", "a.m.").
  const initial = word.length === 1 && isUpper(word);
  const abbreviation =
    initial || word.includes(".") || ABBREVIATIONS.has(lower) || MONTH_ABBREVIATIONS.has(lower);
  return !abbreviation || SENTENCE_OPENERS.has(wordAfter(text, next));
}

/**
 * Does a named speaker and a verb of speech follow at `next`, attributing the question or
 * exclamation just closed: “Who are they?” Trump asked. — one sentence. A capitalised pronoun
 * (“Why?” She said …) or a verb opening a report of its own (“No!” Ann replied to him that …)
 * starts a new one.
 */
function attributionFollows(text: string, next: number): boolean {
  const words = text.slice(next, next + 160).split(/\s+/, MAX_SPEAKER_WORDS + 1 + REPORT_LOOKAHEAD_WORDS);
  if (PRONOUNS.has((words[0] as string).toLowerCase())) return false;
  let i = 0;
  while (i < MAX_SPEAKER_WORDS && i < words.length && isUpper((words[i] as string)[0])) i++;
  if (i === 0 || i >= words.length) return false;
  const verb = (words[i] as string).replace(/[.,;:!?]+$/, "");
  if (!/^\p{Ll}+$/u.test(verb)) return false;
  const lemma = reportingLemma(verb);
  // "put" reports speech only as "as she put it": “Why?” Nega put his house up for sale.
  if (lemma === null || lemma === "put" || isAttitudeLemma(lemma)) return false;
  return !words.slice(i + 1, i + 1 + REPORT_LOOKAHEAD_WORDS).some((w) => w.toLowerCase() === "that");
}

/** After whitespace, does the text at `next` look like the start of a new sentence? */
function looksLikeStart(text: string, next: number): boolean {
  const c = text[next];
  if (isUpper(c) || isDigit(c)) return true;
  if (c !== undefined && OPENERS.has(c)) {
    // NYT copy types a double mark as two apostrophes (''We tried''): skip the whole run of marks.
    let i = next + 1;
    while (i < text.length && i - next < MAX_OPENING_MARKS && OPENERS.has(text[i] as string)) i++;
    const d = text[i];
    return isUpper(d) || isDigit(d) || d === "." || d === "…";
  }
  return false;
}

/** A mask of positions inside short closed quotations, where sentence ends do not split. */
function protectedRanges(text: string): Array<[number, number]> {
  return closedQuoteSpans(text, MAX_UNSPLIT_QUOTE_CHARS).map(
    (s) => [s.open + 1, s.close] as [number, number],
  );
}

/** Split points (exclusive ends) for one paragraph's text, each a candidate sentence end. */
function boundaries(text: string): number[] {
  const ranges = protectedRanges(text);
  let r = 0;
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // By character code: nearly every character is neither a line break nor one of TERMINATORS.
    const code = text.charCodeAt(i);
    if (code === 10) {
      out.push(i);
      i++;
      continue;
    }
    if (code !== 46 && code !== 33 && code !== 63 && code !== 0x2026) {
      i++;
      continue;
    }
    const c = text[i] as string;
    // Collect the whole terminator run ("?!", "...") and the closing marks after it.
    let j = i;
    while (j < n && (TERMINATORS.has(text[j] as string) || text[j] === ".")) j++;
    const runEnd = j;
    while (j < n && CLOSERS.has(text[j] as string)) j++;
    const end = j;
    let k = end;
    while (k < n && isSpace(text[k])) k++;
    if (k === end && k < n) {
      i = runEnd; // no space after: decimals (4.8), domains (cnn.com), "U.S.-led"
      continue;
    }
    while (r < ranges.length && (ranges[r] as [number, number])[1] <= i) r++;
    const range = ranges[r];
    // A terminator followed by the quotation's own closing mark ends the quotation, not inside it.
    const insideQuote = range !== undefined && range[0] <= i && end <= range[1];
    const single = runEnd - i === 1 && c === ".";
    const quoteClosed = end > runEnd && text[i] !== "." && QUOTE_CLOSERS.has(text[end - 1] as string);
    const ends =
      k >= n ||
      (!insideQuote &&
        looksLikeStart(text, k) &&
        (!single || periodEndsSentence(text, i, k)) &&
        !(quoteClosed && attributionFollows(text, k)));
    if (ends) out.push(end);
    i = Math.max(end, i + 1);
  }
  return out;
}

/** Trim whitespace off [start, end) in `text`, returning the inner span (possibly empty). */
function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return [s, e];
}

/** Cut an over-long span into pieces of at most MAX_SENTENCE_CHARS, preferring spaces. */
function capLength(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  while (end - s > MAX_SENTENCE_CHARS) {
    let cut = s + MAX_SENTENCE_CHARS;
    const floor = cut - CUT_SEARCH_CHARS;
    let b = cut;
    while (b > floor && !/\s/.test(text[b] as string)) b--;
    if (b > floor) cut = b;
    out.push([s, cut]);
    s = cut;
  }
  out.push([s, end]);
  return out;
}

/** Sentences of one paragraph, with offsets relative to the paragraph. */
export function splitParagraph(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  const pushSpan = (a: number, b: number) => {
    const [s, e] = trimSpan(text, a, b);
    if (e <= s) return;
    for (const piece of capLength(text, s, e)) {
      const [ps, pe] = trimSpan(text, piece[0], piece[1]);
      if (pe > ps) out.push([ps, pe]);
    }
  };
  for (const b of boundaries(text)) {
    pushSpan(from, b);
    from = b;
  }
  pushSpan(from, text.length);
  return out;
}

export function splitSentences(article: Article): Sentence[] {
  const starts = paragraphStarts(article);
  const out: Sentence[] = [];
  article.paragraphs.forEach((para, p) => {
    const base = starts[p] as number;
    for (const [s, e] of splitParagraph(para)) {
      out.push({ start: base + s, end: base + e, text: para.slice(s, e), paragraph: p });
    }
  });
  return out;
}
