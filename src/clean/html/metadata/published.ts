/**
 * The publication date: stated (JSON-LD, meta), shown by the headline, marked in the
 * article, or in the address, with sanity bounds against the page's own later dates.
 */
import { normalizeDate, parseDate } from "../../dates.js";
import { classWords } from "../context.js";
import { attr, type HElement, isInside, type ParsedHtml, type Run } from "../dom.js";
import type { PageMeta } from "./page.js";
import {
  ancestorTag,
  FOREIGN_DATE_CONTEXT,
  fieldText,
  headerWindow,
  MAX_FIELD_CHARS,
  type PageScan,
  scanPage,
} from "./scan.js";
import { words } from "./text.js";
import { MAX_HEADINGS } from "./title.js";

/** A date line is mostly date: "Published 1 October 2016, 17:14", not a sentence mentioning one. */
const DATE_LINE_MIN_COVER = 0.6;
export const DATE_LINE_MAX_WORDS = 12;

/** Meta names for the first publication, most specific first; "sailthru.date" is often the update. */
const META_DATE_KEYS = [
  "article:published_time",
  "og:published_time",
  "og:article:published_time",
  "article:published",
  "datepublished",
  "dc.date.issued",
  "dcterms.issued",
  "publishdate",
  "publish-date",
  "publish_date",
  "published_at",
  "pubdate",
  "parsely-pub-date",
  "cxenseparse:recs:publishtime",
  "article:publicationdate",
  "displaydate",
  "date",
  "dc.date",
  "dcterms.date",
  "dcterms.created",
  "datecreated",
  "sailthru.date",
];
/** Meta names of the last modification: an upper bound for the publication. */
const META_MODIFIED_KEYS = [
  "article:modified_time",
  "og:updated_time",
  "article:modified",
  "datemodified",
  "dc.date.modified",
  "dcterms.modified",
  "last-modified",
];
/** Meta names some sites fill with a compact stamp: "20170113", "20170113000004". */
const COMPACT_DATE_KEYS = ["pdate", "ptime"];
const COMPACT_DATE = /^((?:19|20)\d{2})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/;

/** "/2016/10/01/", "/2016-10-01/", "/20161001/", "-2016-10-01-": dates sites write into addresses. */
const URL_DATES = [
  /[/_=-]((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=[/_.&-]|$)/,
  /[/_=-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.&-]|$)/,
];

/** Class words marking an element as a date stamp, and as the publication's one. */
const DATE_CLASS =
  /\b(?:date|dates|datetime|published|publish|pubdate|posted|timestamp|time|dateline|post date|entry date|updated|modified)\b/;
const PUBLISHED_CLASS = /\b(?:published|publish|pubdate|posted|dt published|date published|publication)\b/;
const MODIFIED_CLASS = /\b(?:updated|modified|update|lastmod|edited)\b/;
/** Words just before a date in a line that make it the update's date. */
const UPDATE_WORDS =
  /(?:updated|modified|mis à jour|aktualisiert|actualizado|atualizado|aggiornato|edited)\W{0,4}$/i;
/** How far before a date in a line an "Updated" label is looked for. */
const UPDATE_LABEL_CHARS = 24;
/** A run holding a date stamp: short, or opening with the date ("Feb. 23, 2015 -- Life-threatening…"). */
const STAMP_RUN_MAX_WORDS = 25;
const STAMP_AT_START_CHARS = 3;
const MS_PER_DAY = 86_400_000;

interface DateFound {
  iso: string;
  /** The calendar day as written, "2016-10-01". */
  day: string;
  isUpdate: boolean;
  published: boolean;
}

export interface DateHints {
  /** The page's text runs: the header near the headline is read for a date stamp. */
  runs?: readonly Run[];
  /** The headline element, when the title finder matched one. */
  headline?: HElement | null;
}

/**
 * The first publication date. The page's metadata (JSON-LD datePublished, then meta tags) is
 * taken first: it is the most precise; but where the stamp shown near the headline gives the
 * neighbouring day, that day wins (a UTC time near midnight is the next or previous day where the
 * page was published, and that is the day its readers see). Without metadata: the stamp near the
 * headline, elements marked as published, a <time> in the article, the address, the <title>.
 * Every date must lie between the web's start and the page's own latest date (its last
 * modification, its copyright year) where the page states one.
 */
export function findPublished(
  meta: PageMeta,
  parsed: ParsedHtml,
  url: string | null,
  article: HElement | null,
  hints: DateHints = {},
): string | null {
  const runs = hints.runs ?? [];
  const dayFirst = dayFirstOf(meta);
  const latest = latestDay(meta, dayFirst);
  const plausible = (d: DateFound | null): d is DateFound =>
    d !== null && (latest === null || d.day <= latest);

  const stated = statedDates(meta, dayFirst).find(plausible) ?? null;
  const scan = scanPage(parsed, runs);
  const headline = hints.headline ?? firstHeadline(parsed, scan);
  const window = headerWindow(runs, headline, article);
  // What the header shows: a marked date element there, else a date stamp line there.
  const shownElement = headerElementDate(scan, window, dayFirst);
  const shown = plausible(shownElement) ? shownElement : headerTextDate(runs, window, scan, dayFirst);

  if (stated !== null) {
    if (plausible(shown) && stated.iso.includes("T") && daysApart(stated.day, shown.day) === 1) {
      return shown.day;
    }
    return stated.iso;
  }
  if (plausible(shownElement)) return shownElement.iso;

  // Page-wide: an element marked as the publication's date, else a <time> inside the article.
  let inArticle: DateFound | null = null;
  let anyTime: DateFound | null = null;
  for (const { element } of scan.dates) {
    const d = elementDate(element, dayFirst);
    if (d === null || d.isUpdate || !plausible(d)) continue;
    if (d.published) return d.iso;
    if (element.tag !== "time") continue;
    anyTime ??= d;
    if (inArticle === null && (isInsideOrNull(element, article) || ancestorTag(element, "article")))
      inArticle = d;
  }
  if (plausible(shown)) return shown.iso;
  if (inArticle !== null) return inArticle.iso;

  const copyright = copyrightYearEnd(runs);
  const bounded = (d: DateFound | null): d is DateFound =>
    plausible(d) && (copyright === null || d.day <= copyright);
  for (const address of [url, meta.canonical, meta.metas.get("og:url") ?? null]) {
    const d = address === null ? null : urlDate(address);
    if (bounded(d)) return d.iso;
  }
  if (anyTime !== null) return anyTime.iso;
  const fromTitle = meta.titleTag === null ? null : textDate(meta.titleTag, dayFirst, 0);
  if (bounded(fromTitle)) return fromTitle.iso;
  return null;
}

/** JSON-LD, then meta tags, in order of specificity, each read if it is a date. */
function statedDates(meta: PageMeta, dayFirst: boolean | undefined): DateFound[] {
  const out: DateFound[] = [];
  const add = (value: string | null | undefined) => {
    // The patterns read every stamp format seen in metadata; the general parser is not worth its cost here.
    const iso = value ? normalizeDate(value, { dayFirst, thorough: false }) : null;
    if (iso !== null) out.push({ iso, day: iso.slice(0, 10), isUpdate: false, published: true });
  };
  add(meta.ld.datePublished);
  for (const key of META_DATE_KEYS) add(meta.metas.get(key));
  for (const key of COMPACT_DATE_KEYS) {
    const m = COMPACT_DATE.exec(meta.metas.get(key)?.trim() ?? "");
    if (m)
      add(m[4] === undefined ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`);
  }
  return out;
}

/** The latest day the page states for itself (last modification), or null. */
function latestDay(meta: PageMeta, dayFirst: boolean | undefined): string | null {
  let latest: string | null = null;
  for (const value of [meta.ld.dateModified, ...META_MODIFIED_KEYS.map((k) => meta.metas.get(k))]) {
    const iso = value ? normalizeDate(value, { dayFirst, thorough: false }) : null;
    if (iso !== null && (latest === null || iso.slice(0, 10) > latest)) latest = iso.slice(0, 10);
  }
  // A publication one day after the modification is a time zone apart, not a contradiction.
  return latest === null ? null : addDays(latest, 1);
}

/** "© 2002–2015 The Company": nothing on the page is dated after the end of that year. */
function copyrightYearEnd(runs: readonly Run[]): string | null {
  let year = 0;
  // The copyright line sits in the footer: the last runs of the page.
  for (let i = runs.length - 1; i >= 0 && i >= runs.length - COPYRIGHT_RUNS; i--) {
    const text = runs[i]!.text;
    if (text.length > COPYRIGHT_LINE_MAX_CHARS || !/©|\(c\)|copyright/i.test(text)) continue;
    for (const m of text.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)) year = Math.max(year, +m[1]!);
  }
  return year === 0 ? null : `${year}-12-31`;
}
/** Runs at the page's end searched for a copyright line. */
const COPYRIGHT_RUNS = 60;
const COPYRIGHT_LINE_MAX_CHARS = 200;

/** A marked date element in the header window, the publication's one first. */
function headerElementDate(
  scan: PageScan,
  window: { from: number; to: number } | null,
  dayFirst: boolean | undefined,
): DateFound | null {
  if (window === null) return null;
  let first: DateFound | null = null;
  for (const { element, run } of scan.dates) {
    if (run > window.to) break;
    // A <meta itemprop> shows nothing: in the header it is as often a video's or a teaser's stamp.
    if (run < window.from || element.tag === "meta") continue;
    const d = elementDate(element, dayFirst);
    if (d === null || d.isUpdate) continue;
    if (d.published) return d;
    first ??= d;
  }
  return first;
}

/** A short run in the header window that is, or opens with, a date stamp (not an update's). */
function headerTextDate(
  runs: readonly Run[],
  window: { from: number; to: number } | null,
  scan: PageScan,
  dayFirst: boolean | undefined,
): DateFound | null {
  if (window === null) return null;
  for (let i = window.from; i <= window.to && i < runs.length; i++) {
    const text = runs[i]!.text;
    if (!/\d/.test(text)) continue;
    const place = scan.contexts.kindOf(runs[i]!.container);
    if ((place !== null && FOREIGN_DATE_CONTEXT.has(place)) || insideFigure(runs[i]!.container)) continue;
    const d = textDate(text, dayFirst, STAMP_AT_START_CHARS);
    if (d !== null && !d.isUpdate) return d;
  }
  return null;
}

/** A date in a line of text: the whole of a short stamp line, or the opening of a longer one. */
function textDate(text: string, dayFirst: boolean | undefined, atStartChars: number): DateFound | null {
  const short = words(text) <= STAMP_RUN_MAX_WORDS;
  const head = short ? text : text.slice(0, MAX_DATE_LINE_CHARS);
  const parsed = parseDate(head, { dayFirst, thorough: false });
  if (parsed === null) return null;
  const at = head.indexOf(parsed.text);
  if (!short && at > atStartChars) return null;
  const before = head.slice(Math.max(0, at - UPDATE_LABEL_CHARS), at);
  const isUpdate = parsed.isUpdate || UPDATE_WORDS.test(before);
  return { iso: parsed.iso, day: parsed.iso.slice(0, 10), isUpdate, published: false };
}
/** Text read from a long run when looking for a date that opens it. */
const MAX_DATE_LINE_CHARS = 60;

/** The date a date-like element states: its machine-readable attribute, else its text. */
function elementDate(element: HElement, dayFirst: boolean | undefined): DateFound | null {
  const itemprop = (attr(element, "itemprop") ?? "").toLowerCase();
  const marks = classWords(element);
  if (element.tag !== "time" && !itemprop.startsWith("date") && element.attrs.pubdate === undefined) {
    if (!DATE_CLASS.test(marks) && !(element.tag === "abbr" && PUBLISHED_CLASS.test(marks))) return null;
  }
  const published =
    itemprop === "datepublished" ||
    itemprop === "datecreated" ||
    element.attrs.pubdate !== undefined ||
    PUBLISHED_CLASS.test(marks);
  const modified = itemprop === "datemodified" || (!published && MODIFIED_CLASS.test(marks));
  for (const value of [attr(element, "datetime"), attr(element, "content"), attr(element, "title")]) {
    const iso = value ? normalizeDate(value, { dayFirst, thorough: false }) : null;
    if (iso === null) continue;
    // "<span>Updated</span> <time datetime=…>": the label is shown beside the machine stamp.
    const labelled = !published && !modified && updateLabelled(element);
    return { iso, day: iso.slice(0, 10), isUpdate: modified || labelled, published };
  }
  if (element.hidden || insideFigure(element)) return null;
  const text = fieldText(element, MAX_FIELD_CHARS, true);
  if (text === null || !/\d/.test(text)) return null;
  const d = textDate(text, dayFirst, STAMP_AT_START_CHARS);
  return d === null ? null : { ...d, isUpdate: d.isUpdate || modified, published: published && !d.isUpdate };
}

/** The element's text, or its parent's up to it, says "Updated" (or a translation) right before the date. */
function updateLabelled(element: HElement): boolean {
  const own = fieldText(element, MAX_FIELD_CHARS, true) ?? "";
  if (UPDATE_AT_START.test(own)) return true;
  const parent = element.parent;
  if (parent === null) return false;
  const around = fieldText(parent, MAX_FIELD_CHARS, true);
  if (around === null || own === "") return false;
  const at = around.indexOf(own);
  return at > 0 && UPDATE_WORDS.test(around.slice(Math.max(0, at - UPDATE_LABEL_CHARS), at));
}
const UPDATE_AT_START =
  /^\W*(?:last )?(?:updated|modified|mis à jour|aktualisiert|actualizado|atualizado|aggiornato|edited)\b/i;

function urlDate(address: string): DateFound | null {
  let path: string;
  try {
    const parsed = new URL(address);
    // "/hl?a=20170309-35097838-cnetj-sci": some sites put the dated id in the query.
    path = parsed.pathname + parsed.search;
  } catch {
    return null;
  }
  for (const pattern of URL_DATES) {
    const m = pattern.exec(path);
    if (m === null) continue;
    const iso = normalizeDate(`${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`);
    if (iso !== null) return { iso, day: iso, isUpdate: false, published: false };
  }
  return null;
}

/** The first visible h1 outside page furniture: the headline when the title finder matched none. */
export function firstHeadline(parsed: ParsedHtml, scan: PageScan): HElement | null {
  let seen = 0;
  for (const e of parsed.elements) {
    if (e.tag !== "h1" || e.hidden) continue;
    if (scan.contexts.kindOf(e) === null) return e;
    if (++seen >= MAX_HEADINGS) break;
  }
  return null;
}

/**
 * How the page writes numeric dates: English outside the US, and every other language, write the
 * day first ("07.12.2017", "03/04/2016" for 3 April); the US and an undeclared page are left to
 * the separator.
 */
function dayFirstOf(meta: PageMeta): boolean | undefined {
  const tag = (
    meta.htmlLang ??
    meta.metas.get("og:locale") ??
    meta.metas.get("content-language") ??
    ""
  ).trim();
  const m = /^([a-z]{2,3})(?:[-_]([a-z]{2}))?/i.exec(tag);
  if (m === null) return undefined;
  const lang = m[1]!.toLowerCase();
  const region = m[2]?.toLowerCase();
  if (lang !== "en") return true;
  if (region === undefined || region === "us") return undefined;
  return true;
}

function daysApart(a: string, b: string): number {
  return Math.round(Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / MS_PER_DAY);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

function insideFigure(element: HElement): boolean {
  for (let e: HElement | null = element; e !== null; e = e.parent) {
    if (e.tag === "figure" || e.tag === "figcaption") return true;
  }
  return false;
}

function isInsideOrNull(element: HElement, container: HElement | null): boolean {
  return container !== null && isInside(element, container);
}

/** A short line that is mostly a date stamp; its ISO date, or null. */
export function dateLine(text: string): string | null {
  if (!/\d/.test(text) || words(text) > DATE_LINE_MAX_WORDS) return null;
  const parsed = parseDate(text, { thorough: false });
  if (parsed === null || parsed.coveredChars < DATE_LINE_MIN_COVER * text.length) return null;
  return parsed.iso;
}
