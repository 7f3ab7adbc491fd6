/**
 * Title, byline, date and dek from the lines before the first paragraph; duplicate copies of the
 * title anywhere.
 */
import { normalizeForMatch, wordTokens } from "../../text/tokens.js";
import { type ParsedDate, parseDate } from "../dates.js";
import { type Features, isHeadlineLike, isProse } from "./lines.js";
import type { Kind } from "./patterns.js";
import type { Line } from "./prepare.js";

/** The header of a page (title, byline, date) sits within its first lines; beyond is body or junk. */
const HEADER_WINDOW_LINES = 40;

/** Title candidates score by length up to this many words: a headline says more than a site name. */
const TITLE_FULL_CREDIT_WORDS = 8;
/** A line the page repeats (og-title and h1, or a sticky header) is very likely the headline. */
const TITLE_REPEAT_BONUS = 4;

/**
 * Being right above the byline, the date stamp or the body counts like a repeat, enough to beat
 * a longer slogan elsewhere in the header; each line further up (a kicker, a share bar) costs.
 */
const TITLE_PLACE_BONUS = 4;
const TITLE_PLACE_STEP = 2;

/** A date stamp is mostly date: "Sat Oct 1, 2016 17:14:58", not a sentence mentioning one. */
const DATE_LINE_MIN_COVERAGE = 0.6;

/** A dek says more than a kicker and less than a paragraph. */
const DEK_MIN_WORDS = 6;
const DEK_MAX_WORDS = 60;

/** "Jane Smith", "Jane Smith and John Doe": a byline's name part is a few words. */
const BYLINE_MAX_WORDS = 12;

/** "Title | Outlet": a repeated title may carry the site name after a separator. */
const TITLE_SUFFIX_MAX_WORDS = 5;

export interface Header {
  title: number | null;
  dek: number | null;
  byline: { line: number; text: string } | null;
  date: { line: number; parsed: ParsedDate } | null;
  /** Other metadata lines (a second date stamp, an "Updated:" line) that are neither article nor junk. */
  extra: number[];
  /** Repeats of the title anywhere on the page (a sticky header, an og:title flattened into the text). */
  titleCopies: number[];
}

const BYLINE_PREFIX =
  /^(?:by|written by|words by|reporting by|reported by|story by|author|posted by)\s*[:\-–]?\s+/i;
/** Where the name part of a byline ends: "By Jane Smith | Staff Writer", "By Jane Smith, October 1". */
const BYLINE_TAIL =
  /\s+(?:[|•·—–]|-|on|updated|published|posted)\s+.*$|,\s*(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b).*$/i;
/** "Jane Smith, Reuters", "Jane Smith | AP": a name and an organisation, nothing else. */
const NAME_AND_ORG =
  /^(\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3})(?:,| \||\s[-–—]) \p{Lu}[\p{L}&.'’ -]{1,40}$/u;
const NAME_START = /^\p{Lu}/u;

/** Finds the header among the lines before `bodyStart` that no pattern claimed. */
export function findHeader(
  lines: readonly Line[],
  feats: readonly Features[],
  kinds: readonly (Kind | null)[],
  bodyStart: number,
): Header {
  const header: Header = { title: null, dek: null, byline: null, date: null, extra: [], titleCopies: [] };
  // The header sits right above the body; a long menu may push the body far down the page.
  const end = bodyStart;
  const start = Math.max(0, end - HEADER_WINDOW_LINES);
  const free = (i: number) => kinds[i] === null && !isUsed(header, i);
  for (let i = start; i < end; i++) {
    const line = lines[i];
    if (line === undefined || !free(i)) continue;
    const byline = prefixedByline(line.text);
    const date = dateStamp(line.text, byline !== null);
    if (byline !== null && header.byline === null) header.byline = { line: i, text: byline };
    if (date !== null) takeDate(header, i, date);
    else if (byline !== null && header.byline?.line !== i) header.extra.push(i);
  }
  header.title = chooseTitle(lines, feats, header, start, end, free);
  const title = header.title === null ? undefined : lines[header.title];
  if (title !== undefined) {
    for (const line of lines) {
      if (line.index !== title.index && isTitleCopy(line.text, title.text))
        header.titleCopies.push(line.index);
    }
  }
  const afterTitle = header.title === null ? start : header.title + 1;
  for (let i = afterTitle; i < end && header.byline === null; i++) {
    const line = lines[i];
    if (line !== undefined && free(i) && NAME_AND_ORG.test(line.text))
      header.byline = { line: i, text: line.text };
  }
  if (header.title !== null) header.dek = chooseDek(lines, feats, header, end, free);
  return header;
}

function isUsed(h: Header, i: number): boolean {
  return (
    h.title === i ||
    h.dek === i ||
    h.byline?.line === i ||
    h.date?.line === i ||
    h.extra.includes(i) ||
    h.titleCopies.includes(i)
  );
}

/** "By Jane Smith | October 1, 2016" → "Jane Smith". */
function prefixedByline(text: string): string | null {
  const prefix = BYLINE_PREFIX.exec(text);
  if (prefix === null) return null;
  let name = text.slice(prefix[0].length);
  // "By JEFFREY GETTLEMAN JAN. 13, 2017": the date stamp shares the line without a separator.
  const date = parseDate(name);
  const at = date === null ? -1 : name.indexOf(date.text);
  if (at > 0) name = name.slice(0, at);
  name = name
    .replace(BYLINE_TAIL, "")
    .replace(/[,;:|–—-]+\s*$/, "")
    .trim();
  const words = wordTokens(name).length;
  return NAME_START.test(name) && words > 0 && words <= BYLINE_MAX_WORDS ? name : null;
}

/** A date stamp line, or the date part of a byline line. */
function dateStamp(text: string, onBylineLine: boolean): ParsedDate | null {
  const parsed = parseDate(text);
  if (parsed === null) return null;
  if (onBylineLine || parsed.coveredChars >= DATE_LINE_MIN_COVERAGE * text.length) return parsed;
  return null;
}

/** The first publication date wins over an "Updated:" one; any further stamps are kept as extra. */
function takeDate(h: Header, i: number, parsed: ParsedDate): void {
  if (h.date === null) {
    h.date = { line: i, parsed };
  } else if (h.date.parsed.isUpdate && !parsed.isUpdate) {
    h.extra.push(h.date.line);
    h.date = { line: i, parsed };
  } else if (h.byline?.line !== i) {
    h.extra.push(i);
  }
}

/**
 * The most headline-like free line of the header: longer is better, repeated (the page's title
 * bar and its h1) much better, and the headline sits just above the byline, the date stamp or
 * the body, where a browser warning or a site slogan does not.
 */
function chooseTitle(
  lines: readonly Line[],
  feats: readonly Features[],
  h: Header,
  start: number,
  end: number,
  free: (i: number) => boolean,
): number | null {
  const nearby = lines.slice(start, Math.min(lines.length, end + HEADER_WINDOW_LINES));
  const meta = [h.byline?.line, h.date?.line].filter((i): i is number => i !== undefined);
  let best: number | null = null;
  let bestScore = 0;
  for (let i = start; i < end; i++) {
    const line = lines[i];
    const f = feats[i];
    if (line === undefined || f === undefined || !free(i) || !isHeadlineLike(line, f)) continue;
    const repeated = nearby.some((other) => other.index !== i && isTitleCopy(other.text, line.text));
    const below = Math.min(end, ...meta.filter((m) => m > i)) - i;
    const place = Math.max(0, TITLE_PLACE_BONUS - TITLE_PLACE_STEP * (below - 1));
    const score = Math.min(f.words, TITLE_FULL_CREDIT_WORDS) + (repeated ? TITLE_REPEAT_BONUS : 0) + place;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** A dek follows the title; with a full stop it is only a dek when a byline or date separates it from the body. */
function chooseDek(
  lines: readonly Line[],
  feats: readonly Features[],
  h: Header,
  end: number,
  free: (i: number) => boolean,
): number | null {
  const title = h.title ?? 0;
  const metaAfter = (i: number) =>
    (h.byline !== null && h.byline.line > i) || (h.date !== null && h.date.line > i);
  for (let i = title + 1; i < end; i++) {
    const line = lines[i];
    const f = feats[i];
    if (line === undefined || f === undefined || !free(i)) continue;
    if (f.words < DEK_MIN_WORDS || f.words > DEK_MAX_WORDS) return null;
    if (isProse(f) && f.endsWithPeriod && !metaAfter(i)) return null;
    return i;
  }
  return null;
}

/** Same words as the title, or the title followed by a short "| Site" suffix. */
export function isTitleCopy(text: string, title: string): boolean {
  if (text.length < title.length || text.length > title.length * 2 + 40) return false;
  const a = normalizeForMatch(text);
  const b = normalizeForMatch(title);
  if (b.length === 0) return false;
  if (a === b) return true;
  if (!a.startsWith(`${b} `)) return false;
  return (
    a.slice(b.length).trim().split(" ").length <= TITLE_SUFFIX_MAX_WORDS &&
    /\s[|–—-]\s/.test(text.slice(title.length - 1))
  );
}
