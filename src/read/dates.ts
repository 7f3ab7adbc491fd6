/**
 * Dates: absolute mentions ("22 September", "Sat Oct 1, 2016", "late September", "on Wednesday")
 * and relative ones ("last week", "yesterday", "days after"), resolved against the article's
 * publication date. chrono-node does the parsing; it is always given the publication date as its
 * reference, so the result never depends on the clock.
 */
import * as chrono from "chrono-node";
import type { Article, DateMention, Sentence } from "../model/index.js";

type Granularity = DateMention["granularity"];

/** chrono's regexes run on one chunk at a time; a paragraph longer than this is cut into chunks at whitespace. */
const MAX_CHUNK_CHARS = 4_000;
/** Upper bound on date mentions per article: a pasted calendar or log must not flood the reading. */
const MAX_DATES = 2_000;
/** Without a publication date chrono still needs a reference; only values it marks certain are kept then. */
const NEUTRAL_REFERENCE = Date.UTC(2000, 0, 1, 12);

/** Period words resolved by us, not chrono: chrono gives "this week" a single day. */
const PERIOD = /\b(?:(?:earlier|later)\s+)?(last|this|next|past|previous|coming)\s+(week|month|year)\b/gi;
/** Spans tied to another event, not to publication ("days after", "three weeks later"). */
const ANCHORED =
  /\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|some|\d{1,3})\s+)?(hours?|days?|weeks?|months?|years?)\s+(after|before|later|earlier)\b/gi;
/** The same two patterns without the global flag, to test a string without a shared `lastIndex`. */
const PERIOD_ANYWHERE = new RegExp(PERIOD.source, "i");
const ANCHORED_ANYWHERE = new RegExp(ANCHORED.source, "i");
/** What PERIOD, ANCHORED and YEAR_MENTION cannot match without. */
const PERIOD_UNIT = /week|month|year/i;
const ANCHOR_WORD = /after|before|later|earlier/i;
const YEAR_DIGITS = /(?:18|19|20)\d\d/;
/** A bare year after a temporal word ("in 2012", "since 2011", "early 2015"). */
const YEAR_MENTION =
  /\b(?:(early|mid|late|the end of|the beginning of)[-\s]+|(?:in|since|by|until|till|during|from|through|before|after)\s+)((?:18|19|20)\d\d)\b(?![-–/]?\d|%|,\d)/gi;
/** A decade written out ("the 1990s", "the late 1970s"), or by its last two digits ("the ’80s"). */
const DECADE = /\b(?:(early|mid|late)[-\s]+)?((?:1[5-9]|20)\d0)s\b/gi;
const SHORT_DECADE = /(?<![\p{L}\p{N}])(?:(early|mid|late)[-\s]+)?['’](\d0)s\b/giu;
/** What both decade patterns end in: "0s" in any case, and the long s that the Unicode-aware one folds to "s". */
const DECADE_ENDING = /0[sſ]/i;
/** Years of a decade each part covers: the early 1990s are 1990–1993, the mid 1990s 1994–1996, the late 1997–1999. */
const DECADE_PARTS: Readonly<Record<string, readonly [number, number]>> = {
  early: [0, 3],
  mid: [4, 6],
  late: [7, 9],
};

/** Modifiers that narrow a month to part of it: "late September" stays a month-precision value. */
const PART_OF_MONTH = /\b(early|mid|late|the end of|the beginning of|end of|beginning of)[-\s]+$/i;
/**
 * chrono reads these alone as dates; in news text they rarely are ("now", "the sun", "the March
 * rally", "May said"). With a preposition ("in May") or a day ("May 5") they are kept.
 */
const NOT_DATES = /^(?:now|sun|sat|wed|mon|tue|thu|fri|march|may|second|sec)$/i;
const TEMPORAL_LEAD = /\b(?:in|on|since|by|until|till|from|during|of|through)\s+$/i;
const WEEKDAY_OR_MONTH =
  /\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/gi;
const RELATIVE_WORDS =
  /\b(?:ago|last|next|this|yesterday|today|tomorrow|tonight|past|coming|earlier|later)\b/i;
const FORWARD_WORDS = /\b(?:next|coming|tomorrow|in\s+\d+|in\s+(?:a|an|one|two|three)\s)/i;

interface Reference {
  /** Publication date at noon UTC, or null when the article gives none. */
  date: Date | null;
}

export function findDates(article: Article, _sentences: readonly Sentence[]): DateMention[] {
  const ref: Reference = { date: publicationDate(article.published) };
  const found: DateMention[] = [];
  for (const chunk of chunks(article.body)) {
    found.push(...datesInChunk(chunk.text, chunk.start, ref));
  }
  return dropOverlaps(found).slice(0, MAX_DATES);
}

function publicationDate(published: string | null): Date | null {
  const m = published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(published) : null;
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Paragraphs of the body, long ones cut at whitespace, with their offsets. */
function* chunks(body: string): Generator<{ text: string; start: number }> {
  let start = 0;
  while (start < body.length) {
    let end = body.indexOf("\n\n", start);
    if (end < 0) end = body.length;
    while (end - start > MAX_CHUNK_CHARS) {
      let cut = body.lastIndexOf(" ", start + MAX_CHUNK_CHARS);
      if (cut <= start) cut = start + MAX_CHUNK_CHARS;
      yield { text: body.slice(start, cut), start };
      start = cut;
    }
    if (end > start) yield { text: body.slice(start, end), start };
    start = end + 2;
  }
}

function datesInChunk(text: string, offset: number, ref: Reference): DateMention[] {
  const out: DateMention[] = [];
  // Each pattern tries its many openings at every word; a scan for a word it cannot match without
  // rules out most paragraphs first.
  for (const m of PERIOD_UNIT.test(text) ? text.matchAll(PERIOD) : [])
    out.push(periodMention(m, offset, ref));
  for (const m of ANCHOR_WORD.test(text) ? text.matchAll(ANCHORED) : []) {
    out.push({
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      text: m[0],
      value: null,
      relative: true,
      granularity: unitGranularity(m[1]!),
    });
  }
  for (const m of YEAR_DIGITS.test(text) ? text.matchAll(YEAR_MENTION) : []) {
    const yearAt = m.index + m[0].length - m[2]!.length;
    const start = m[1] ? m.index : yearAt;
    out.push({
      start: offset + start,
      end: offset + m.index + m[0].length,
      text: text.slice(start, m.index + m[0].length),
      value: m[2]!,
      relative: false,
      granularity: "year",
    });
  }
  // Both decade patterns need "0s"; most paragraphs have none, and the short one's look-behind is slow to scan.
  if (DECADE_ENDING.test(text)) {
    for (const m of text.matchAll(DECADE)) out.push(decadeMention(m, Number(m[2]), offset));
    for (const m of text.matchAll(SHORT_DECADE)) {
      const tens = Number(m[2]);
      // "the ’80s": the latest such decade not after publication; unknown without a publication date.
      const pubYear = ref.date?.getUTCFullYear();
      let start: number | null = null;
      if (pubYear !== undefined) {
        start = Math.floor(pubYear / 100) * 100 + tens;
        if (start > pubYear) start -= 100;
      }
      out.push(decadeMention(m, start, offset));
    }
  }
  const instant = ref.date ?? new Date(NEUTRAL_REFERENCE);
  for (const [from, to] of chronoWindows(text)) {
    for (const r of chrono.parse(text.slice(from, to), { instant, timezone: 0 }, { forwardDate: false })) {
      const mention = fromChrono(r, from + r.index, text, offset, ref);
      if (mention) out.push(mention);
    }
  }
  return out;
}

/**
 * Words some date expression chrono reads must contain: a digit, a month or weekday, a casual day
 * word, a unit of time, "ago". Text with none of them holds no date, so chrono (some forty
 * patterns over every character) runs only on windows around these words.
 */
const DATE_TRIGGER =
  /\d|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tues?(?:day)?|wed(?:nesday)?|thu(?:rs)?(?:day)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|today|tonight|tomorrow|yesterday|now|noon|midnight|morning|afternoon|evening|night|ago|weekend|(?:second|minute|hour|day|week|month|quarter|year|decade)s?)\b/gi;

/** Characters around a trigger that a date expression can span ("Saturday, October 1, 2016 at 5:14 p.m." is 38). */
const TRIGGER_MARGIN = 80;

/** Windows [from, to) of the text around date triggers, cut at spaces and merged where they touch. */
export function chronoWindows(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  DATE_TRIGGER.lastIndex = 0;
  for (let m = DATE_TRIGGER.exec(text); m !== null; m = DATE_TRIGGER.exec(text)) {
    let from = Math.max(0, m.index - TRIGGER_MARGIN);
    let to = Math.min(text.length, m.index + m[0].length + TRIGGER_MARGIN);
    while (from > 0 && !/\s/.test(text[from - 1] as string)) from--;
    while (to < text.length && !/\s/.test(text[to] as string)) to++;
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
    // Skip the triggers inside this window: the next window starts past it.
    if (DATE_TRIGGER.lastIndex < to - TRIGGER_MARGIN)
      DATE_TRIGGER.lastIndex = Math.max(DATE_TRIGGER.lastIndex, to - TRIGGER_MARGIN);
  }
  return out;
}

/**
 * A decade as an ISO 8601 interval of years ("1990/1999"), narrowed by "early", "mid" or "late";
 * granularity "year", the precision of its ends.
 */
function decadeMention(m: RegExpMatchArray, decadeStart: number | null, offset: number): DateMention {
  const part = m[1] ? DECADE_PARTS[m[1].toLowerCase()] : undefined;
  const [from, to] = part ?? [0, 9];
  return {
    start: offset + m.index!,
    end: offset + m.index! + m[0].length,
    text: m[0],
    value: decadeStart === null ? null : `${decadeStart + from}/${decadeStart + to}`,
    relative: false,
    granularity: "year",
  };
}

function unitGranularity(unit: string): Granularity {
  const u = unit.toLowerCase();
  if (u.startsWith("hour")) return "time";
  if (u.startsWith("week")) return "week";
  if (u.startsWith("month")) return "month";
  if (u.startsWith("year")) return "year";
  return "day";
}

/** "last week" → the Monday of the week before publication; "this month" → "2016-10"; "last year" → "2015". */
function periodMention(m: RegExpMatchArray, offset: number, ref: Reference): DateMention {
  const which = m[1]!.toLowerCase();
  const unit = m[2]!.toLowerCase() as "week" | "month" | "year";
  const step = which === "next" || which === "coming" ? 1 : which === "this" ? 0 : -1;
  const base = {
    start: offset + m.index!,
    end: offset + m.index! + m[0].length,
    text: m[0],
    relative: true,
    granularity: unit,
  };
  const d = ref.date;
  if (!d) return { ...base, value: null };
  if (unit === "year") return { ...base, value: String(d.getUTCFullYear() + step) };
  if (unit === "month") {
    const shifted = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1));
    return { ...base, value: isoMonth(shifted) };
  }
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  const monday = new Date(d.getTime() - (sinceMonday - 7 * step) * 86_400_000);
  return { ...base, value: isoDay(monday) };
}

function fromChrono(
  r: chrono.ParsedResult,
  /** Where the result starts in `text` (chrono's own index is into the window it read). */
  index: number,
  text: string,
  offset: number,
  ref: Reference,
): DateMention | null {
  const s = r.start;
  const lead = PART_OF_MONTH.exec(text.slice(Math.max(0, index - 20), index));
  const before = text.slice(Math.max(0, index - 20), index);
  if (!lead && !TEMPORAL_LEAD.test(before) && NOT_DATES.test(r.text.trim().replace(/[.,]$/, ""))) return null;
  if (!namesCapitalised(r.text)) return null;
  const hasDay = s.isCertain("day") || s.isCertain("weekday");
  const hasMonth = s.isCertain("month");
  const hasYear = s.isCertain("year");
  const relative = RELATIVE_WORDS.test(r.text);
  // Clock times alone ("2:20 P.M.", "at 10") are not dates.
  if (!hasDay && !hasMonth && !hasYear && !relative) return null;
  // Periods and event-anchored spans are read by their own patterns above.
  if (PERIOD_ANYWHERE.test(r.text) || ANCHORED_ANYWHERE.test(r.text)) return null;

  let start = index + leadingPreposition(r.text);
  let granularity: Granularity = hasDay || relative ? "day" : hasMonth ? "month" : "year";
  if (lead && hasMonth && !s.isCertain("day")) start -= lead[0].length;
  if (s.isCertain("hour") && hasDay) granularity = "time";

  const trimmed = trimTrailing(text, start, index + r.text.length);
  const value = resolveValue(r, ref, granularity, relative);
  return {
    start: offset + start,
    end: offset + trimmed,
    text: text.slice(start, trimmed),
    value,
    relative,
    granularity,
  };
}

/** chrono includes "on" / "in" before the date; the mention starts at the date itself. */
function leadingPreposition(matched: string): number {
  return /^(?:on|in|at|by|since|from)\s+/i.exec(matched)?.[0].length ?? 0;
}

/** chrono keeps a trailing comma or space ("On Wednesday,"); the mention ends at its last word. */
function trimTrailing(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s,;:]/.test(text[e - 1]!)) e--;
  return e;
}

/** Month and weekday names must be capitalised: "may", "march", "sun" in lower case are words. */
function namesCapitalised(matched: string): boolean {
  for (const m of matched.matchAll(WEEKDAY_OR_MONTH)) {
    if (!/^\p{Lu}/u.test(m[0])) return false;
  }
  return true;
}

function resolveValue(
  r: chrono.ParsedResult,
  ref: Reference,
  granularity: Granularity,
  relative: boolean,
): string | null {
  const s = r.start;
  const pub = ref.date;
  if (relative) {
    // Relative mentions mean something only against a publication date.
    if (!pub) return null;
    return dayOrTime(s, granularity);
  }
  const month = s.get("month");
  const day = s.get("day");
  if (s.isCertain("weekday") && !s.isCertain("day")) {
    if (!pub) return null;
    return FORWARD_WORDS.test(r.text)
      ? dayOrTime(s, granularity)
      : isoDay(latestWeekday(pub, s.get("weekday")!));
  }
  let year: number | null = s.isCertain("year") ? s.get("year") : null;
  if (year === null && month !== null)
    year = pub ? inferYear(pub, month, s.isCertain("day") ? (day ?? 1) : 1) : null;
  if (year === null) return null;
  if (granularity === "year") return String(year);
  if (granularity === "month" || month === null) return `${year}-${pad(month ?? 1)}`;
  const date = isoDayParts(year, month, day ?? 1);
  if (granularity === "time")
    return `${date}T${pad(s.get("hour") ?? 0)}:${pad(s.get("minute") ?? 0)}:${pad(s.get("second") ?? 0)}`;
  return date;
}

function dayOrTime(s: chrono.ParsedComponents, granularity: Granularity): string {
  const date = isoDayParts(s.get("year")!, s.get("month")!, s.get("day")!);
  if (granularity !== "time") return date;
  return `${date}T${pad(s.get("hour") ?? 0)}:${pad(s.get("minute") ?? 0)}:${pad(s.get("second") ?? 0)}`;
}

/** A date written without its year is the most recent such date not after publication. */
function inferYear(pub: Date, month: number, day: number): number {
  const year = pub.getUTCFullYear();
  const candidate = Date.UTC(year, month - 1, day, 12);
  return candidate > pub.getTime() ? year - 1 : year;
}

/** "on Wednesday" in a report is the latest Wednesday on or before publication. */
function latestWeekday(pub: Date, weekday: number): Date {
  const back = (pub.getUTCDay() - weekday + 7) % 7;
  return new Date(pub.getTime() - back * 86_400_000);
}

function dropOverlaps(mentions: DateMention[]): DateMention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: DateMention[] = [];
  for (const m of sorted) {
    const prev = out[out.length - 1];
    if (prev && m.start < prev.end) continue;
    out.push(m);
  }
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function isoDayParts(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
}

function isoDay(d: Date): string {
  return isoDayParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function isoMonth(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}
