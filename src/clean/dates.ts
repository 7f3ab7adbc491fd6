/**
 * Publication-date normalisation, shared by the text and HTML cleaners: a date as a page writes it
 * ("Sat Oct 1, 2016 17:14:58", "1 October 2016", "30 avril 2015 à 07:19", "04.05.2015 à 13h36",
 * "2016年10月14日", "Updated: Oct 2, 2016 4:05 PM EDT") to ISO 8601, as precise as the page is and
 * no more.
 *
 * The common shapes are read by a few linear patterns of our own, with month names in the
 * languages news is most written in: a page's metadata holds dozens of date strings, and a general
 * parser costs a tenth of a millisecond for each. chrono-node (English) reads what they miss,
 * when the caller asks for a thorough reading.
 */

import type { ParsedComponents, ParsedResult } from "chrono-node";
import * as chrono from "chrono-node";

/**
 * Years outside this are parse accidents (a figure read as a year) or not news pages: news sites
 * began in the mid-1990s, and nothing on the web is dated a lifetime ahead.
 */
export const MIN_PLAUSIBLE_YEAR = 1995;
export const MAX_PLAUSIBLE_YEAR = 2100;

/** Longer strings are sentences that mention a date, not a date stamp; also bounds parser work. */
const MAX_DATE_TEXT_CHARS = 160;

/**
 * Fixed reference instant for the fallback parser: the output must not depend on when the program
 * runs. Only dates with an explicit year, month and day are accepted, and relative ones ("4 hours
 * ago", "yesterday", "now") are refused, so the reference never leaks in.
 */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** A weekday name before a date is at most this long with its comma and space ("Wednesday, "). */
const WEEKDAY_LOOKBACK_CHARS = 16;

/** Two-digit years up to this are 20xx ("3/09/15"), later ones 19xx ("12.05.98"). */
const TWO_DIGIT_YEAR_PIVOT = 69;

/** Labels that introduce a page's own date stamp, in the languages the month names cover. */
const DATE_LABEL =
  /^(?:(?:first |originally )?published(?: on| at)?|updated(?: on| at)?|last (?:updated|modified)(?: on)?|modified|posted(?: on| at)?|date|created|publié(?: le)?|mis à jour(?: le)?|veröffentlicht(?: am)?|aktualisiert(?: am)?|publicado(?: el| em)?|actualizado(?: el)?|atualizado(?: em)?|pubblicato(?: il)?|aggiornato(?: il)?)\s*[:\-–—|]?\s*/i;
const UPDATE_LABEL = /updated|modified|mis à jour|aktualisiert|actualizado|atualizado|aggiornato/i;

export interface ParsedDate {
  /** ISO 8601: "2016-10-01", or "2016-10-01T17:14:58" (with "Z"/"+hh:mm" when the page gives a zone). */
  iso: string;
  /** The characters the date was read from. */
  text: string;
  /** Characters of the input that are part of the date, label included. */
  coveredChars: number;
  /** The date was labelled as an update ("Updated:", "Last modified"), not the first publication. */
  isUpdate: boolean;
}

export interface DateOptions {
  /**
   * How to read "07.12.2017" and "03/04/2016": day first (true) or month first (false). Left out,
   * dotted dates are read day first (as Europe writes them) and slashed ones month first (as the
   * US does); either way a reading with a month above 12 is swapped.
   */
  dayFirst?: boolean;
  /** Also try the general (English) parser on what the patterns miss. Default true. */
  thorough?: boolean;
}

/** The first complete, plausible calendar date in a short text, or null. */
export function parseDate(text: string, options: DateOptions = {}): ParsedDate | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_DATE_TEXT_CHARS || !/\d/.test(trimmed)) return null;
  const label = DATE_LABEL.exec(trimmed);
  const isUpdate = label !== null && UPDATE_LABEL.test(label[0]);
  const found =
    findDate(trimmed, options.dayFirst) ?? (options.thorough === false ? null : chronoDate(trimmed));
  if (found === null) return null;
  const labelChars = label !== null && found.index <= label[0].length ? label[0].length : 0;
  return { iso: found.iso, text: found.text, coveredChars: found.text.length + labelChars, isUpdate };
}

/** Just the ISO form: for callers holding a date attribute (meta tags, JSON-LD, <time datetime>). */
export function normalizeDate(text: string, options: DateOptions = {}): string | null {
  return parseDate(text, options)?.iso ?? null;
}

// ---------------------------------------------------------------------------------------------
// Patterns

interface Found {
  iso: string;
  text: string;
  index: number;
}

const YEAR = "((?:19|20)\\d{2})";
/** A month or weekday name: letters of any script, maybe abbreviated with a dot. */
const NAME = "(\\p{L}{3,12})\\.?";

/** "2016-10-01", "2016/10/01", "2016.10.01", with an ISO time and zone when there is one. */
const YMD = new RegExp(
  `(?<![\\d.])${YEAR}([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?\\s?(Z|[+-]\\d{2}:?\\d{2}(?!\\d))?)?`,
  "gu",
);
/** "2016年10月14日", "2016년 10월 14일". */
const CJK_YMD = new RegExp(`${YEAR}\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]?`, "gu");
/** "October 1, 2016", "Oct. 1st 2016", "Dec 28 Sat 2013" (a weekday may sit between). */
const MONTH_DAY_YEAR = new RegExp(
  `(?<!\\p{L})${NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+${NAME})?,?\\s+${YEAR}(?!\\d)`,
  "gu",
);
/** "Fri Mar 13 21:30:09 EST 2015": the time and zone between day and year (Java's and Unix date's format). */
const MONTH_DAY_TIME_YEAR = new RegExp(
  `(?<!\\p{L})${NAME}\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s+(?:([A-Z]{3,4})\\s+)?${YEAR}(?!\\d)`,
  "gu",
);
/** "1 October 2016", "1er mai 2016", "1 de diciembre de 2017", "24. März 2016", "21.dez.2018". */
const DAY_MONTH_YEAR = new RegExp(
  `(?<![\\d.])(\\d{1,2})(?:st|nd|rd|th|er|º|°)?\\.?\\s*(?:de\\s+)?${NAME},?\\s*(?:de\\s+|del\\s+)?${YEAR}(?!\\d)`,
  "gu",
);
/** "07.12.2017", "3/09/15", "10.15.15": numeric, order resolved by the separator or the caller. */
const NUMERIC = /(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[./]\d)/g;

/** A time right after a date: ", 8:02 pm UTC", " at 6:01 am", " à 13h36", ": 12:41 PM ET", " @ 11:10 PM". */
const TIME_AFTER =
  /^(?:\s*(?:,|:|at|à|às|a las|um|@|-|–|—|\||•|·)?\s*)(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?(?:\s*(UTC|GMT|[ECMP][SD]T|BST|CEST|CET|JST|AEST|AEDT)\b)?(?:\s?([+-]\d{2}:?\d{2})(?!\d))?/i;

/** Zones pages name by abbreviation; the bare "ET"/"PT" change with daylight saving, so they give none. */
const ZONES: Readonly<Record<string, string>> = {
  UTC: "Z",
  GMT: "Z",
  EST: "-05:00",
  EDT: "-04:00",
  CST: "-06:00",
  CDT: "-05:00",
  MST: "-07:00",
  MDT: "-06:00",
  PST: "-08:00",
  PDT: "-07:00",
  BST: "+01:00",
  CET: "+01:00",
  CEST: "+02:00",
  JST: "+09:00",
  AEST: "+10:00",
  AEDT: "+11:00",
};

/**
 * Month names and their usual abbreviations, accents folded, in English, French, German, Spanish,
 * Portuguese, Italian, Dutch, the Scandinavian languages, Polish and Czech (genitive, as dates
 * write them), Russian, Turkish, Romanian and Indonesian. Portuguese "out" (outubro) is left out:
 * it is an English word between two numbers too often.
 */
const MONTH_NAMES: readonly string[] = [
  "january jan januar janvier janv janner enero ene janeiro gennaio gen januari stycznia ledna января ocak ianuarie",
  "february feb februar fevrier fevr fev febrero fevereiro febbraio februari lutego unora февраля subat februarie",
  "march mar marz mars marzo marco maart mrt marts marca brezna марта mart martie maret",
  "april apr avril avr abril abr aprile kwietnia dubna апреля nisan aprilie",
  "may mai mayo maio maggio mag mei maj maja kvetna мая mayis",
  "june jun juni juin junio junho giugno giu czerwca cervna июня haziran iunie",
  "july jul juli juillet juil julio julho luglio lug lipca cervence июля temmuz iulie",
  "august aug aout agosto ago augustus augusti sierpnia srpna августа agustos agustus",
  "september sep sept septembre septiembre setiembre setembro settembre set wrzesnia zari сентября eylul septembrie",
  "october oct oktober okt octobre octubre outubro ottobre ott pazdziernika rijna октября ekim octombrie",
  "november nov novembre noviembre novembro listopada listopadu ноября kasim noiembrie",
  "december dec dezember dez decembre diciembre dic dezembro dicembre grudnia prosince декабря aralik decembrie desember",
];
const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((names, i) => {
  for (const name of names.split(" ")) MONTHS.set(name, i + 1);
});

/** Weekday names a date may open with or (on some blogs) carry inside: "Sat Oct 1", "Dec 28 Sat 2013". */
const WEEKDAYS = new Set(
  (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun " +
    "lundi mardi mercredi jeudi vendredi samedi dimanche lun mer jeu ven sam dim " +
    "montag dienstag mittwoch donnerstag freitag samstag sonntag mo di mi do fr sa so " +
    "lunes martes miercoles jueves viernes sabado domingo " +
    "segunda terca quarta quinta sexta feira " +
    "lunedi martedi mercoledi giovedi venerdi sabato domenica " +
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"
  ).split(" "),
);

function fold(word: string): string {
  return word
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\.$/, "");
}

function monthOf(word: string | undefined): number | null {
  return word === undefined ? null : (MONTHS.get(fold(word)) ?? null);
}

/** The earliest date any pattern finds in the text. */
function findDate(text: string, dayFirst: boolean | undefined): Found | null {
  let best: Found | null = null;
  const consider = (f: Found | null) => {
    if (f !== null && (best === null || f.index < best.index)) best = f;
  };
  consider(firstMatch(YMD, text, (m) => fromYmd(m)));
  consider(firstMatch(CJK_YMD, text, (m) => assemble(m, text, +m[1]!, +m[2]!, +m[3]!, false)));
  consider(
    firstMatch(MONTH_DAY_YEAR, text, (m) => {
      if (m[3] !== undefined && !WEEKDAYS.has(fold(m[3]))) return null;
      const month = monthOf(m[1]);
      return month === null ? null : assemble(m, text, +m[4]!, month, +m[2]!, true);
    }),
  );
  consider(
    firstMatch(MONTH_DAY_TIME_YEAR, text, (m) => {
      const month = monthOf(m[1]);
      const date = month === null ? null : calendarDate(+m[7]!, month, +m[2]!);
      const time = clock(+m[3]!, +m[4]!, m[5] === undefined ? 0 : +m[5]);
      if (date === null || time === null) return null;
      const zone = m[6] === undefined ? "" : (ZONES[m[6]] ?? "");
      return { iso: `${date}T${time}${zone}`, text: m[0], index: m.index };
    }),
  );
  consider(
    firstMatch(DAY_MONTH_YEAR, text, (m) => {
      const month = monthOf(m[2]);
      return month === null ? null : assemble(m, text, +m[3]!, month, +m[1]!, true);
    }),
  );
  consider(firstMatch(NUMERIC, text, (m) => fromNumeric(m, text, dayFirst)));
  return best;
}

/** The first match the reader accepts; at most a few matches in a text of MAX_DATE_TEXT_CHARS. */
function firstMatch(pattern: RegExp, text: string, read: (m: RegExpExecArray) => Found | null): Found | null {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const found = read(m);
    if (found !== null) return found;
    // Retry one character on: "Sat 1 Oct 2016" first offers "Sat" as a month.
    pattern.lastIndex = m.index + 1;
  }
  return null;
}

function fromYmd(m: RegExpExecArray): Found | null {
  const date = calendarDate(+m[1]!, +m[3]!, +m[4]!);
  if (date === null) return null;
  let iso = date;
  if (m[5] !== undefined) {
    const time = clock(+m[5], +m[6]!, m[7] === undefined ? 0 : +m[7]);
    if (time === null) return null;
    iso += `T${time}${m[8] === undefined ? "" : offset(m[8])}`;
  }
  return { iso, text: m[0], index: m.index };
}

function fromNumeric(m: RegExpExecArray, text: string, dayFirst: boolean | undefined): Found | null {
  const a = +m[1]!;
  const b = +m[3]!;
  const yearText = m[4]!;
  let year = +yearText;
  if (yearText.length === 2) year += year <= TWO_DIGIT_YEAR_PIVOT ? 2000 : 1900;
  let first = dayFirst ?? m[2] === ".";
  // "10.15.15" cannot be day first; "13/02/2016" cannot be month first.
  if (first && b > 12 && a <= 12) first = false;
  else if (!first && a > 12 && b <= 12) first = true;
  return first ? assemble(m, text, year, b, a, true) : assemble(m, text, year, a, b, true);
}

/** A checked date plus the time written right after it, if any. */
function assemble(
  m: RegExpExecArray,
  text: string,
  year: number,
  month: number,
  day: number,
  withWeekday: boolean,
): Found | null {
  const date = calendarDate(year, month, day);
  if (date === null) return null;
  let start = m.index;
  let end = m.index + m[0].length;
  if (withWeekday) {
    const before = /(\p{L}{2,13})\.?,?\s*$/u.exec(
      text.slice(Math.max(0, start - WEEKDAY_LOOKBACK_CHARS), start),
    );
    if (before !== null && WEEKDAYS.has(fold(before[1]!))) start -= before[0].length;
  }
  let iso = date;
  const t = TIME_AFTER.exec(text.slice(end));
  if (t !== null) {
    let hour = +t[1]!;
    const meridiem = t[4]?.toLowerCase();
    if (meridiem === "p" && hour < 12) hour += 12;
    if (meridiem === "a" && hour === 12) hour = 0;
    const time = clock(hour, +t[2]!, t[3] === undefined ? 0 : +t[3]);
    if (time !== null) {
      // "GMT-0700": the offset, when written, is the zone; a name alone maps through ZONES.
      const named = t[5] === undefined ? "" : (ZONES[t[5].toUpperCase()] ?? "");
      iso += `T${time}${t[6] === undefined ? named : offset(t[6])}`;
      end += t[0].length;
    }
  }
  return { iso, text: text.slice(start, end), index: start };
}

function calendarDate(year: number, month: number, day: number): string | null {
  if (year < MIN_PLAUSIBLE_YEAR || year > MAX_PLAUSIBLE_YEAR || month < 1 || month > 12 || day < 1)
    return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function clock(hour: number, minute: number, second: number): string | null {
  if (hour > 23 || minute > 59 || second > 59) return null;
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/** "Z", "+0100", "-05:00" → "Z", "+01:00", "-05:00". */
function offset(zone: string): string {
  if (zone === "Z") return "Z";
  const digits = zone.replace(":", "");
  return `${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
}

// ---------------------------------------------------------------------------------------------
// Fallback

/** Only texts naming a year can hold a complete date; the rest is not worth the parser's time. */
const HAS_YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/;

function chronoDate(text: string): Found | null {
  if (!HAS_YEAR.test(text)) return null;
  for (const result of chrono.parse(text, REFERENCE)) {
    if (isRelative(result)) continue;
    const iso = toIso(result.start);
    if (iso !== null) return { iso, text: result.text, index: result.index };
  }
  return null;
}

/** "4 hours ago", "yesterday", "now": chrono marks these certain, but they are the reference's days. */
function isRelative(result: ParsedResult): boolean {
  for (const tag of result.tags()) if (/relative|casual/i.test(tag)) return true;
  return false;
}

function toIso(c: ParsedComponents): string | null {
  if (!c.isCertain("year") || !c.isCertain("month") || !c.isCertain("day")) return null;
  const year = c.get("year");
  const month = c.get("month");
  const day = c.get("day");
  if (year === null || month === null || day === null) return null;
  const date = calendarDate(year, month, day);
  if (date === null) return null;
  if (!c.isCertain("hour")) return date;
  const time = `${pad(c.get("hour") ?? 0)}:${pad(c.get("minute") ?? 0)}:${pad(c.get("second") ?? 0)}`;
  return `${date}T${time}${c.isCertain("timezoneOffset") ? zone(c.get("timezoneOffset") ?? 0) : ""}`;
}

function zone(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "Z";
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
