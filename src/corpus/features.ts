/**
 * Per-article features for duplicates and story clustering, computed once in one pass over the
 * text and small enough to store beside the article (JSON, a few kilobytes): the normalised-text
 * hash and canonical URL (exact duplicates), a MinHash signature (near-duplicates), and the story
 * features: content words, capitalised names (and those of the lead apart), figures, dates, quote
 * shingles, publication day.
 *
 * Names are found by capitalisation, not by the reader (src/read): at a million articles the
 * reader's entity finder costs more than the whole budget, and a story only needs names as
 * discriminating keys, not resolved and typed. A capitalised word opening a sentence counts only
 * when the article never writes it in lower case ("Police said" is not a name).
 */

import {
  CITIES,
  COUNTRIES,
  DEMONYMS_IN_I,
  GIVEN_NAME_GROUP_WORDS,
  GROUP_WORDS,
  HYPHEN_NAME_PARTICLES,
  KNOWN_ORGANISATIONS,
  ORG_CUES,
  ORG_FOLLOWERS,
  PERSON_TITLES,
  PLACE_FOLLOWERS,
  PLACE_HEADS,
  ROLE_NOUNS,
  SURNAME_GROUP_WORDS,
  US_STATES,
} from "../read/entities/lexicon.js";
import { foldWord } from "../text/tokens.js";
import { combine, fmix32, hash32, hex32, u32ToBase64 } from "./hash.js";
import {
  FEATURES_VERSION,
  LEAD_CHARS,
  LEAD_WEIGHT,
  MAX_DATES,
  MAX_ENTITIES,
  MAX_FEATURE_CHARS,
  MAX_LEAD_NAMES,
  MAX_LEAD_PEOPLE,
  MAX_NUMBERS,
  MAX_QUOTE_KEYS,
  MAX_TERMS,
  MIN_QUOTE_WORDS,
  MINHASH_HASHES,
  MINHASH_SEED,
  QUOTE_SHINGLE_WORDS,
  SHINGLE_WORDS,
  TITLE_WEIGHT,
} from "./knobs.js";
import { CALENDAR_WORDS, MONTHS, STOPWORDS } from "./lexicon.js";
import { canonicalUrl } from "./url.js";

/** One article as the corpus side sees it (the cluster CLI's input line, or a stored article). */
export interface CorpusDoc {
  id: string;
  text: string;
  title?: string | null;
  /** ISO 8601 date or date-time. */
  published?: string | null;
  url?: string | null;
}

/** A key and how often the article has it (titles counted TITLE_WEIGHT times, the lead LEAD_WEIGHT times). */
export type Weighted = [key: string, count: number];

/** What the clusterer needs of one article. Plain JSON: store it, and replay it after a restart. */
export interface DocFeatures {
  /** FEATURES_VERSION when computed. */
  v: number;
  /** Words in the text (not the title). */
  words: number;
  /** 64-bit hash (16 hex digits) of the text's folded words, one space apart. */
  textHash: string;
  /** canonicalUrl(url), or null. */
  url: string | null;
  /** MinHash signature over word 5-shingles: MINHASH_HASHES uint32 values, base64; null for an empty text. */
  minhash: string | null;
  /** Publication day (days since 1970-01-01 UTC), or null. */
  published: number | null;
  /** The day of the article's first full date near its start (a dateline), or null. */
  lead: number | null;
  /** Content words (folded, plural -s stripped). */
  terms: Weighted[];
  /** Capitalised names: each word, and each multi-word name as written together. */
  entities: Weighted[];
  /** Figures by value ("6.1", "2500"). */
  numbers: Weighted[];
  /** Dates: "y:2013" (years), "ym:2013-05" (month of a year), "md:05-02" (day of a month), "ly:2013" (the first year written in the lead). */
  dates: Weighted[];
  /** Hashes of the 4-word runs of quoted passages. */
  quotes: Weighted[];
  /** Names (single words) in the lead: who the article's event is about. */
  leadNames: Weighted[];
  /** Surnames of the people the lead names (first + last name written together), in order. */
  leadPeople: string[];
}

// Letters and digits, with inner apostrophes, hyphens and decimal separators kept, as in
// src/text/tokens.ts (one definition of a word): "Obama's", "40-minute", "4.8".
const WORD = /[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const YEAR = /^(?:19|20)\d\d$/;
const ISO_DATE = /^((?:19|20)\d\d)-(\d\d)-(\d\d)$/;
const LEADING_NUMBER = /^\d+(?:[.,]\d+)*/;
const PUBLISHED = /^(\d{4})-(\d{2})-(\d{2})/;
const QUOTE = /["“”]([^"“”\n]{12,2000})["“”]/g;
/** Lower-case words that may sit inside a name: "Bank of America", "Rio de Janeiro". */
const NAME_JOINERS: ReadonlySet<string> = new Set(["of", "de", "del", "la", "van", "von", "da", "al", "bin"]);

interface Token {
  norm: string;
  start: number;
  end: number;
  hash: number;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Opens a sentence or a line. */
  initial: boolean;
  /** Only spaces separate it from the previous token. */
  tight: boolean;
  /** First character is a digit. */
  digit: boolean;
  /** On a line in title case ("Lindsay Lohan Checks Into Rehab"), where capitals prove nothing. */
  title: boolean;
}

function isUpper(c: number, ch: string): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

function tokenize(text: string): Token[] {
  const ascii = !NON_ASCII.test(text);
  const out: Token[] = [];
  let prevEnd = 0;
  let lineStart = 0;
  const closeLine = () => {
    markTitleLine(out, lineStart);
    lineStart = out.length;
  };
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    let initial = out.length === 0;
    let tight = out.length > 0;
    for (let i = prevEnd; i < start; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) closeLine();
      if (c === 46 || c === 33 || c === 63 || c === 10 || c === 58) initial = true;
      if (c !== 32 && c !== 9 && c !== 160) tight = false;
    }
    let norm = ascii || isAscii(raw) ? raw.toLowerCase() : foldWord(raw);
    if (norm.endsWith("'s")) norm = norm.slice(0, -2);
    else if (norm.endsWith("'")) norm = norm.slice(0, -1);
    const c0 = raw.charCodeAt(0);
    out.push({
      norm,
      start,
      end: start + raw.length,
      hash: hash32(norm),
      cap: isUpper(c0, raw[0] ?? ""),
      initial,
      tight: tight && !initial,
      digit: c0 >= 48 && c0 <= 57,
      title: false,
    });
    prevEnd = start + raw.length;
  }
  closeLine();
  return out;
}

/** A line of at least TITLE_LINE_WORDS words of four letters or more, nearly all capitalised, is in title case. */
const TITLE_LINE_WORDS = 3;
const TITLE_LINE_SHARE = 0.75;

function markTitleLine(tokens: Token[], from: number): void {
  let words = 0;
  let caps = 0;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.digit || t.norm.length < 4) continue;
    words++;
    if (t.cap) caps++;
  }
  if (words < TITLE_LINE_WORDS || caps < TITLE_LINE_SHARE * words) return;
  for (let i = from; i < tokens.length; i++) tokens[i]!.title = true;
}

/** Harman's S-stemmer: plural endings only, so "quakes" = "quake" but "news" and "bus" stay. */
export function stem(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && !w.endsWith("eies") && !w.endsWith("aies")) return `${w.slice(0, -3)}y`;
  if (w.endsWith("es") && !w.endsWith("aes") && !w.endsWith("ees") && !w.endsWith("oes"))
    return w.slice(0, -1);
  if (w.endsWith("s") && !w.endsWith("us") && !w.endsWith("ss") && !w.endsWith("is")) return w.slice(0, -1);
  return w;
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The `limit` heaviest keys, ties broken by the key itself, so the same text always gives the same list. */
function top(map: Map<string, number>, limit: number): Weighted[] {
  const all = [...map.entries()];
  // Among equal counts the longer word goes first: length is the cheapest proxy for rarity.
  all.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return all.slice(0, limit);
}

function isTerm(w: string): boolean {
  return (
    w.length >= 2 && w.charCodeAt(0) > 57 && !STOPWORDS.has(w) && !MONTHS.has(w) && !CALENDAR_WORDS.has(w)
  );
}

function addTerms(map: Map<string, number>, norm: string, by: number): void {
  if (norm.indexOf("-") < 0) {
    if (isTerm(norm)) bump(map, stem(norm), by);
    return;
  }
  for (const part of norm.split("-")) if (isTerm(part)) bump(map, stem(part), by);
}

/** Days since 1970-01-01 UTC of a calendar date, or null when it is not a real date. */
export function epochDay(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCDate() !== day) return null;
  return Math.floor(t / 86_400_000);
}

function publishedDay(published: string | null | undefined): number | null {
  const m = published ? PUBLISHED.exec(published.trim()) : null;
  if (!m) return null;
  return epochDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

function dayNumber(t: Token | undefined): number | null {
  if (t === undefined || !t.digit || t.norm.length > 2) return null;
  const n = Number(t.norm);
  return Number.isInteger(n) && n >= 1 && n <= 31 ? n : null;
}

function yearNumber(t: Token | undefined): number | null {
  return t !== undefined && YEAR.test(t.norm) ? Number(t.norm) : null;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function canonicalNumber(norm: string): string | null {
  const m = LEADING_NUMBER.exec(norm);
  if (!m) return null;
  const value = Number(m[0].replace(/,/g, ""));
  return Number.isFinite(value) ? String(value) : null;
}

function minhash(tokens: readonly Token[]): Uint32Array | null {
  if (tokens.length === 0) return null;
  const sig = new Uint32Array(MINHASH_HASHES).fill(0xffffffff);
  const seeds = SEEDS;
  const n = Math.max(1, tokens.length - SHINGLE_WORDS + 1);
  for (let j = 0; j < n; j++) {
    let h = MINHASH_SEED;
    const end = Math.min(tokens.length, j + SHINGLE_WORDS);
    for (let k = j; k < end; k++) h = combine(h, tokens[k]!.hash);
    for (let i = 0; i < MINHASH_HASHES; i++) {
      const v = fmix32(h ^ seeds[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

const SEEDS: Uint32Array = (() => {
  const s = new Uint32Array(MINHASH_HASHES);
  let x = MINHASH_SEED;
  for (let i = 0; i < MINHASH_HASHES; i++) {
    x = fmix32(x + 0x9e3779b9);
    s[i] = x;
  }
  return s;
})();

/** The MinHash signature of a text alone (what the near-duplicate detector costs without story features). */
export function minhashOf(text: string): Uint32Array | null {
  return minhash(tokenize(text.length > MAX_FEATURE_CHARS ? text.slice(0, MAX_FEATURE_CHARS) : text));
}

/**
 * Whether the group word at `i` stands where a name has it: "Christian" before one singular word
 * ("Christian Bale", not "Christian Zionists"), "White" or "Black" after a first word ("Betty White").
 */
function nameShapedGroupWord(run: readonly string[], from: number, i: number): boolean {
  const w = run[i]!;
  if (i === from)
    return GIVEN_NAME_GROUP_WORDS.has(w) && run.length === from + 2 && !run[i + 1]!.endsWith("s");
  return i === run.length - 1 && SURNAME_GROUP_WORDS.has(w);
}

/**
 * The surname of a run of lead name words if it reads as a person's first and last name: two or
 * three words after the last title or role ("Sen.", "Coach", "Interior Secretary"), none of them a place, an
 * organisation word or a group. "Tara Reid" is Reid; "New York", "Miami Dolphins", "Bank of
 * America" are no one. What two reports of one event share and two sibling events (two players
 * arrested) do not is the person the lead is about, and later mentions give the surname alone.
 */
function personSurname(run: readonly string[]): string | null {
  // The name follows the run's last title: "Interior Secretary Dirk Kempthorne", "California
  // Gov. Jerry Brown", "Attorney General Eric Holder" (the words before a title are its office).
  let from = 0;
  for (let i = run.length - 1; i >= 0; i--) {
    if (PERSON_TITLES.has(run[i]!) || ROLE_NOUNS.has(run[i]!)) {
      from = i + 1;
      break;
    }
  }
  const n = run.length - from;
  if (n < 2 || n > 3) return null;
  for (let i = from; i < run.length; i++) {
    const w = run[i]!;
    if (
      NAME_JOINERS.has(w) ||
      COUNTRIES.has(w) ||
      US_STATES.has(w) ||
      CITIES.has(w) ||
      PLACE_HEADS.has(w) ||
      PLACE_FOLLOWERS.has(w) ||
      ORG_CUES.has(w) ||
      ORG_FOLLOWERS.has(w) ||
      KNOWN_ORGANISATIONS.has(w) ||
      (GROUP_WORDS.has(w) && !nameShapedGroupWord(run, from, i)) ||
      DEMONYMS_IN_I.has(w)
    )
      return null;
    // Places of two words: "San Diego Chargers" is a team, "Los Angeles" a city.
    if (i > from) {
      const pair = `${run[i - 1]} ${w}`;
      if (CITIES.has(pair) || US_STATES.has(pair) || COUNTRIES.has(pair)) return null;
    }
  }
  const last = run[run.length - 1]!;
  return last.length >= 2 ? last : null;
}

/**
 * The entity keys of the lead's people, each kept only if the article also names it alone: news
 * gives a person's full name once and the surname after it, while a place or a team ("Boko
 * Haram", "Red Sox") is written whole every time. "al-Baghdadi" also counts as "Baghdadi", which
 * other reports write apart from its particle.
 */
function leadPeopleKeys(surnames: readonly string[], alone: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const s of surnames) {
    const dash = s.indexOf("-");
    const bare = dash > 0 && HYPHEN_NAME_PARTICLES.has(s.slice(0, dash)) ? s.slice(dash + 1) : null;
    if (!alone.has(s) && (bare === null || !alone.has(bare))) continue;
    out.push(s);
    if (bare !== null) out.push(bare);
  }
  return out;
}

/** Pure: the features of one article. Same input, same output, on any machine. */
export function docFeatures(doc: CorpusDoc): DocFeatures {
  const text = doc.text.length > MAX_FEATURE_CHARS ? doc.text.slice(0, MAX_FEATURE_CHARS) : doc.text;
  const tokens = tokenize(text);

  let h1 = 0x2545f491;
  let h2 = 0x9e3779b9;
  const lowerSeen = new Set<string>();
  const capInside = new Set<string>();
  for (const t of tokens) {
    h1 = combine(h1, t.hash);
    h2 = combine(h2 ^ 0x5bd1e995, t.hash);
    if (t.digit) continue;
    if (!t.cap) lowerSeen.add(t.norm);
    else if (!t.initial && !t.title) capInside.add(t.norm);
  }
  const textHash = hex32(h1) + hex32(h2);

  const terms = new Map<string, number>();
  const entities = new Map<string, number>();
  const numbers = new Map<string, number>();
  const dates = new Map<string, number>();
  const quotes = new Map<string, number>();
  const leadNames = new Map<string, number>();
  const leadPeople: string[] = [];
  const alone = new Set<string>();
  let lead: number | null = null;
  let leadYear = false;

  // A capitalised word is a name unless it is a function or calendar word; opening a sentence,
  // it must also be written capitalised inside one, or go on into a name ("Tara Reid checked").
  const capitalised = (t: Token | undefined): boolean =>
    t?.cap === true &&
    !t.digit &&
    !STOPWORDS.has(t.norm) &&
    !CALENDAR_WORDS.has(t.norm) &&
    !MONTHS.has(t.norm);
  // On a title-case line, only words the text capitalises elsewhere are names.
  const isName = (t: Token, next: Token | undefined): boolean =>
    capitalised(t) &&
    (t.title
      ? capInside.has(t.norm)
      : !t.initial ||
        (!lowerSeen.has(t.norm) && (capInside.has(t.norm) || (next?.tight === true && capitalised(next)))));

  const dayUsed = new Set<number>();
  let run: string[] = [];
  let runStart = 0;
  const flushRun = () => {
    if (run.length === 1) alone.add(run[0]!);
    else if (run.length > 1) {
      bump(entities, run.join(" "));
      if (runStart < LEAD_CHARS && leadPeople.length < MAX_LEAD_PEOPLE) {
        const surname = personSurname(run);
        if (surname !== null && !leadPeople.includes(surname)) leadPeople.push(surname);
      }
    }
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.digit) {
      flushRun();
      const iso = ISO_DATE.exec(t.norm);
      if (iso) {
        const [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
        bump(dates, `y:${y}`);
        bump(dates, `ym:${y}-${pad2(mo)}`);
        bump(dates, `md:${pad2(mo)}-${pad2(d)}`);
        if (!leadYear && t.start < LEAD_CHARS) {
          bump(dates, `ly:${y}`);
          leadYear = true;
        }
        if (lead === null && t.start < LEAD_CHARS) lead = epochDay(y, mo, d);
        continue;
      }
      if (YEAR.test(t.norm)) {
        bump(dates, `y:${t.norm}`);
        // The first year of the lead is the event's (a dateline, "in May 2012"); later years are
        // background. Its own key lets two reports of one event share it and two editions of one
        // event (the 2008 and the 2013 election) differ on it, while a background mention of the
        // other year still matches only the plain year key.
        if (!leadYear && t.start < LEAD_CHARS) {
          bump(dates, `ly:${t.norm}`);
          leadYear = true;
        }
        continue;
      }
      if (dayUsed.has(i)) continue;
      const value = canonicalNumber(t.norm);
      if (value !== null) bump(numbers, value);
      continue;
    }
    const by = t.start < LEAD_CHARS ? LEAD_WEIGHT : 1;
    addTerms(terms, t.norm, by);
    const month = t.cap ? MONTHS.get(t.norm) : undefined;
    if (month !== undefined) {
      flushRun();
      // "May 2, 2013", "May 2", "May 2013", "2 May 2013": a month counts only beside a number.
      let day = dayNumber(tokens[i + 1]);
      let dayAt = i + 1;
      let year = yearNumber(tokens[day === null ? i + 1 : i + 2]);
      if (day === null && i > 0 && dayNumber(tokens[i - 1]) !== null) {
        day = dayNumber(tokens[i - 1]);
        dayAt = i - 1;
        year = yearNumber(tokens[i + 1]);
      }
      if (day !== null) {
        dayUsed.add(dayAt);
        const counted = dayAt < i ? canonicalNumber(tokens[dayAt]!.norm) : null;
        if (counted !== null) numbers.set(counted, (numbers.get(counted) ?? 1) - 1);
        bump(dates, `md:${pad2(month)}-${pad2(day)}`);
      }
      if (year !== null) bump(dates, `ym:${year}-${pad2(month)}`);
      if (day !== null && year !== null && lead === null && t.start < LEAD_CHARS) {
        lead = epochDay(year, month, day);
      }
      continue;
    }
    if (isName(t, tokens[i + 1])) {
      if (run.length > 0 && !t.tight) flushRun();
      bump(entities, t.norm, by);
      if (t.start < LEAD_CHARS) bump(leadNames, t.norm);
      if (run.length === 0) runStart = t.start;
      run.push(t.norm);
      continue;
    }
    if (
      run.length > 0 &&
      t.tight &&
      NAME_JOINERS.has(t.norm) &&
      tokens[i + 1]?.tight &&
      isName(tokens[i + 1]!, tokens[i + 2])
    ) {
      run.push(t.norm);
      continue;
    }
    flushRun();
  }
  flushRun();
  for (const [k, v] of numbers) if (v <= 0) numbers.delete(k);

  if (doc.title) {
    for (const t of tokenize(doc.title.slice(0, 1_000))) if (!t.digit) addTerms(terms, t.norm, TITLE_WEIGHT);
  }

  // Quotes: 4-word runs of every quoted passage, found by offsets in the token list.
  let ti = 0;
  for (const m of text.matchAll(QUOTE)) {
    const qs = m.index + 1;
    const qe = m.index + m[0].length - 1;
    while (ti < tokens.length && tokens[ti]!.start < qs) ti++;
    let tj = ti;
    while (tj < tokens.length && tokens[tj]!.end <= qe) tj++;
    const n = tj - ti;
    if (n >= MIN_QUOTE_WORDS) {
      for (let j = ti; j + QUOTE_SHINGLE_WORDS <= tj; j++) {
        let h = 0x71d67fff;
        for (let k = j; k < Math.min(tj, j + QUOTE_SHINGLE_WORDS); k++) h = combine(h, tokens[k]!.hash);
        bump(quotes, hex32(h));
      }
    }
    ti = tj;
  }

  const sig = minhash(tokens);
  return {
    v: FEATURES_VERSION,
    words: tokens.length,
    textHash,
    url: canonicalUrl(doc.url),
    minhash: sig === null ? null : u32ToBase64(sig),
    published: publishedDay(doc.published),
    lead,
    terms: top(terms, MAX_TERMS),
    entities: top(entities, MAX_ENTITIES),
    numbers: top(numbers, MAX_NUMBERS),
    dates: top(dates, MAX_DATES),
    quotes: top(quotes, MAX_QUOTE_KEYS),
    leadNames: top(leadNames, MAX_LEAD_NAMES),
    leadPeople: leadPeopleKeys(leadPeople, alone),
  };
}
