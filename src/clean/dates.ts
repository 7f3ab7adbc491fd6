/**
 * Publication-date normalisation, shared by the text and HTML cleaners: a date as a page writes it
 * ("Sat Oct 1, 2016 17:14:58", "1 October 2016", "Updated: Oct 2, 2016 4:05 PM EDT") to ISO 8601,
 * as precise as the page is and no more.
 */

import type { ParsedComponents } from "chrono-node";
import * as chrono from "chrono-node";

/** Years outside this are parse accidents (a figure read as a year), not publication dates of news pages. */
export const MIN_PLAUSIBLE_YEAR = 1990;
export const MAX_PLAUSIBLE_YEAR = 2100;

/** Longer strings are sentences that mention a date, not a date stamp; also bounds parser work. */
const MAX_DATE_TEXT_CHARS = 160;

/**
 * Fixed reference instant for the parser: the output must not depend on when the program runs.
 * Only dates with an explicit year, month and day are accepted, so the reference never leaks in.
 */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/** Labels that introduce a page's own date stamp. */
const DATE_LABEL =
  /^(?:(?:first |originally )?published(?: on| at)?|updated(?: on| at)?|last (?:updated|modified)(?: on)?|modified|posted(?: on| at)?|date|created)\s*[:\-–—|]?\s*/i;

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

/** The first complete, plausible calendar date in a short text, or null. */
export function parseDate(text: string): ParsedDate | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_DATE_TEXT_CHARS) return null;
  const label = DATE_LABEL.exec(trimmed);
  const isUpdate = label !== null && /updated|modified/i.test(label[0]);
  for (const result of chrono.parse(trimmed, REFERENCE)) {
    const iso = toIso(result.start);
    if (iso === null) continue;
    const labelChars = label !== null && result.index <= label[0].length ? label[0].length : 0;
    return { iso, text: result.text, coveredChars: result.text.length + labelChars, isUpdate };
  }
  return null;
}

/** Just the ISO form: for callers holding a date attribute (meta tags, JSON-LD, <time datetime>). */
export function normalizeDate(text: string): string | null {
  return parseDate(text)?.iso ?? null;
}

function toIso(c: ParsedComponents): string | null {
  if (!c.isCertain("year") || !c.isCertain("month") || !c.isCertain("day")) return null;
  const year = c.get("year");
  const month = c.get("month");
  const day = c.get("day");
  if (year === null || month === null || day === null) return null;
  if (year < MIN_PLAUSIBLE_YEAR || year > MAX_PLAUSIBLE_YEAR) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
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
