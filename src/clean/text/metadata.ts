/**
 * Title, byline, date and dek from the lines around the top of the body; duplicate copies of the
 * title anywhere. The header sits right above the first paragraph, though the byline and the date
 * stamp often come after the standfirst or the lead photo's caption, so those two are also sought
 * among the first fragments of the body.
 */
import { normalizeForMatch, wordTokens } from "../../text/tokens.js";
import { type ParsedDate, parseDate } from "../dates.js";
import { type Features, isHeadlineLike, isProse } from "./lines.js";
import { isCaption, type Kind } from "./patterns.js";
import { type Line, unglue } from "./prepare.js";

/** The header of a page (title, byline, date) sits within its first lines; beyond is body or junk. */
const HEADER_WINDOW_LINES = 40;

/** A byline or date stamp may follow the first lines of the body region: a dek, a photo and its caption. */
const BODY_PEEK_LINES = 8;

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
/** Right above the byline or the date stamp is surer still than right above the first paragraph. */
const TITLE_META_PLACE_BONUS = 6;

function placeBonus(bonus: number, distance: number): number {
  return Number.isFinite(distance) ? Math.max(0, bonus - TITLE_PLACE_STEP * (distance - 1)) : 0;
}

/** A date stamp is mostly date: "Sat Oct 1, 2016 17:14:58", not a sentence mentioning one. */
const DATE_LINE_MIN_COVERAGE = 0.6;
/**
 * A short line whose date fills a good part of it is a stamp too: "AFP 30 avril 2015 à 07:19 (Mis
 * à jour : 30 avril 2015 à 07:38)", "11.03.17 in Gadgetry".
 */
const SHORT_STAMP_MAX_WORDS = 16;
const SHORT_STAMP_MIN_COVERAGE = 0.3;

/** A dek says more than a kicker and less than a paragraph. */
const DEK_MIN_WORDS = 6;
const DEK_MAX_WORDS = 60;
/** A standfirst right under a shorter headline is this much longer than it. */
const DEK_LONGER_SHARE = 1.3;
/** …and reads like one: a full sentence, or longer than most headlines. */
const DEK_PAIR_MIN_WORDS = 12;

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

/** Words that introduce the author, in the languages of the news ("By", "Par", "Von", "Por", "Di", "Door", "Av"). */
const BYLINE_PREFIX =
  /^(?:by|written by|words by|reporting by|reported by|story by|text by|posted by|author|authors|autor(?:in)?|auteur|par|von|por|di|door|av|af|text|texto|testo)\s*[:\-–]?\s+/i;
/** "Posted on March 10, 2015 by Jane Doe", "Tuesday 15 October 2019 by Jane Doe": the credit after a date. */
const INNER_BY = /\s(?:by|par|von|por|di|door)\s+(?=\p{Lu})/iu;
/** Where the name part of a byline ends: "By Jane Smith | Staff Writer", "By Jane Smith, October 1". */
const BYLINE_TAIL =
  /\s+(?:[|•·—–]|-|on|updated|published|posted|le|am|el|em|il)\s+.*$|,\s*(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b).*$|\s*@\S+.*$/i;
/** "Jane Smith, Reuters", "Jane Smith | AP", "Jane Smith, @jsmith": a name and an organisation or handle. */
const NAME_AND_ORG =
  /^(\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3})(?:,| \||\s[-–—]) (?:\p{Lu}[\p{L}&.'’ -]{1,40}|@[\w.]{2,30})$/u;
const NAME_START = /^\p{Lu}/u;
/** A person's name: two to four capitalised words, particles and initials allowed ("Nuno da Silva", "Bradley M. Kuhn"). */
const PERSON_NAME =
  /^\p{Lu}[\p{L}'’-]*\.?(?: (?:\p{Lu}[\p{L}'’-]*\.?|da|de|di|do|dos|du|del|der|van|von|la|le|al|el|bin|ter|ten)){1,3}$/u;
/** Job titles look like names ("Games Editor", "Staff Writer") and sit in the same place. */
const ROLE =
  /\b(?:editor|reporter|writer|correspondent|contributor|columnist|staff|team|desk|news|press|part|chapter|section|redaktion|rédaction|redacción|redação)\b/i;
/** Separators between a name and a date stamp on one line: "Dan Goodin - Apr 16, 2015 8:02 pm UTC". */
const NAME_DATE_SEPARATOR = /^(.{3,60}?)\s*(?:[|•·—–]|\s-\s|,)\s*(.+)$/;
/** Relative stamps next to a byline ("2 hours ago", "1:39 PM ET", "14 min read"): no date, but they mark the byline. */
const RELATIVE_STAMP =
  /^(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?|\d+\s*(?:min(?:ute)?s?|h|hours?|days?)(?:\s+(?:ago|read))?|(?:před|vor|il y a|hace|há)\s.{1,20})$/i;

/** Finds the header around `bodyStart`, among the lines no pattern claimed. */
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
  const peekEnd = Math.min(lines.length, end + BODY_PEEK_LINES);
  const free = (i: number) => kinds[i] === null && !isUsed(header, i);
  const stampable = (i: number) => free(i) && (i < end || !isProse(feats[i]!));
  for (let i = start; i < peekEnd; i++) {
    const line = lines[i];
    if (line === undefined || !stampable(i)) continue;
    const credit = creditOf(line.text);
    const date = dateStamp(line.text, credit !== null);
    if (credit !== null && header.byline === null) header.byline = { line: i, text: credit };
    if (date !== null) takeDate(header, i, date);
    else if (credit !== null && header.byline?.line !== i) header.extra.push(i);
  }
  if (header.byline === null) header.byline = nameBesideStamp(lines, header, stampable, start, peekEnd);
  header.title = chooseTitle(lines, feats, header, start, end, free);
  const title = header.title === null ? undefined : lines[header.title];
  if (title !== undefined) {
    for (const line of lines) {
      if (line.index !== title.index && isTitleCopy(line.text, title.text))
        header.titleCopies.push(line.index);
    }
  }
  const afterTitle = header.title === null ? start : header.title + 1;
  for (let i = afterTitle; i < peekEnd && header.byline === null; i++) {
    const line = lines[i];
    if (line !== undefined && stampable(i) && NAME_AND_ORG.test(line.text))
      header.byline = { line: i, text: bylineName(line.text) };
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

/**
 * The author named on a credit line: "By Jane Smith | October 1, 2016", "Posted on March 10, 2015
 * by Jane Doe", "Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Par Sébastien Farcis".
 */
export function creditOf(text: string): string | null {
  const prefix = BYLINE_PREFIX.exec(text.replace(/^[/\s]+/, ""));
  if (prefix !== null) return nameFrom(text.replace(/^[/\s]+/, "").slice(prefix[0].length));
  const inner = INNER_BY.exec(text);
  if (inner !== null && parseDate(unglue(text.slice(0, inner.index)), { thorough: false }) !== null)
    return nameFrom(text.slice(inner.index + inner[0].length));
  const split = NAME_DATE_SEPARATOR.exec(text);
  if (split !== null && PERSON_NAME.test(split[1]!.trim()) && isStampText(split[2]!)) return split[1]!.trim();
  return null;
}

/** The rest of a stamp after the name: a date, or a relative time ("2 hours ago"). */
function isStampText(text: string): boolean {
  return RELATIVE_STAMP.test(text.trim()) || parseDate(unglue(text), { thorough: false }) !== null;
}

/** The name part of what follows "By": cut at a glued date, a separator, a handle. */
function nameFrom(rest: string): string | null {
  let name = rest;
  // "By JEFFREY GETTLEMAN JAN. 13, 2017": the date stamp shares the line without a separator.
  const date = parseDate(unglue(name), { thorough: false });
  const at = date === null ? -1 : unglue(name).indexOf(date.text);
  if (at > 0) name = unglue(name).slice(0, at);
  name = bylineName(name);
  const words = wordTokens(name).length;
  return NAME_START.test(name) && words > 0 && words <= BYLINE_MAX_WORDS ? name : null;
}

function bylineName(text: string): string {
  return text
    .replace(BYLINE_TAIL, "")
    .replace(/[,;:|–—-]+\s*$/, "")
    .trim();
}

/**
 * A person's name on its own line right beside the date stamp (above or below it), or right after
 * a bare "By"/"por" line: "Sarah Archer" over "1:39 PM ET", "Hazel Sheffield" over "Friday 25
 * December 2015".
 */
function nameBesideStamp(
  lines: readonly Line[],
  h: Header,
  stampable: (i: number) => boolean,
  start: number,
  end: number,
): { line: number; text: string } | null {
  for (let i = start; i < end; i++) {
    const line = lines[i];
    if (line === undefined || !stampable(i) || !PERSON_NAME.test(line.text) || ROLE.test(line.text)) continue;
    const prev = lines[i - 1]?.text ?? "";
    const next = lines[i + 1]?.text ?? "";
    const besideDate = h.date !== null && Math.abs(h.date.line - i) === 1;
    const besideStamp = RELATIVE_STAMP.test(next) || RELATIVE_STAMP.test(prev);
    const afterBy = /^(?:by|par|von|por|di|door|av|af)$/i.test(prev);
    if (besideDate || besideStamp || afterBy) return { line: i, text: line.text };
  }
  return null;
}

/** A date stamp line, or the date part of a byline line. */
function dateStamp(text: string, onBylineLine: boolean): ParsedDate | null {
  const unglued = unglue(text);
  const parsed = parseDate(unglued);
  if (parsed === null) return null;
  if (onBylineLine || parsed.coveredChars >= DATE_LINE_MIN_COVERAGE * unglued.length) return parsed;
  const words = wordTokens(text).length;
  const stampLike = words <= SHORT_STAMP_MAX_WORDS && !/[.!?]["'”’)]?$/.test(text);
  return stampLike && parsed.coveredChars >= SHORT_STAMP_MIN_COVERAGE * unglued.length ? parsed : null;
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
 * the body, where a browser warning or a site slogan does not. Photo captions and lines that
 * carry a date or a credit are not headlines. When the winner is the standfirst under a shorter
 * headline, the headline is the title.
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
  const meta = [h.byline?.line, h.date?.line].filter((i): i is number => i !== undefined && i < end);
  const candidate = (i: number) => {
    const line = lines[i];
    const f = feats[i];
    return line !== undefined && f !== undefined && free(i) && isTitleCandidate(line, f);
  };
  let best: number | null = null;
  let bestScore = 0;
  for (let i = start; i < end; i++) {
    if (!candidate(i)) continue;
    const line = lines[i]!;
    const f = feats[i]!;
    const repeated = nearby.some((other) => other.index !== i && isTitleCopy(other.text, line.text));
    const place = Math.max(
      placeBonus(TITLE_PLACE_BONUS, end - i),
      placeBonus(TITLE_META_PLACE_BONUS, Math.min(...meta.filter((m) => m > i)) - i),
    );
    const score = Math.min(f.words, TITLE_FULL_CREDIT_WORDS) + (repeated ? TITLE_REPEAT_BONUS : 0) + place;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best === null) return null;
  const above = best - 1;
  const f = feats[best]!;
  const dekLike = f.words >= DEK_PAIR_MIN_WORDS || f.endsWithPeriod;
  if (above >= start && dekLike && candidate(above) && feats[above]!.words * DEK_LONGER_SHARE <= f.words)
    return above;
  return best;
}

/** Headline-shaped, and neither a photo caption nor a line carrying a date or a credit. */
function isTitleCandidate(line: Line, f: Features): boolean {
  if (!isHeadlineLike(line, f) || isCaption(line, f) || TRAILING_CREDIT.test(line.text)) return false;
  return creditOf(line.text) === null && parseDate(unglue(line.text), { thorough: false }) === null;
}

/**
 * "… in Paris Benoit Tessier/Reuters", "… - Heinrich Aikawa/Instituto Lula", "Portrait by Jane
 * Doe", "… Photograph: Jane Doe": a caption ending in (or made of) its credit.
 */
const TRAILING_CREDIT =
  /\p{Lu}[\p{L}.'’-]+\/\s?\p{Lu}[\p{L}.&'’ -]{1,40}$|\b(?:photograph|photo|picture|image|credit)\s*:\s*\S.*$|^(?:portrait|illustration|photo(?:graph)?|image|picture|video|graphic|drawing)s? by\s/iu;

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
