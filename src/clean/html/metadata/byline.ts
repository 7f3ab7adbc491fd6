/**
 * The byline: a name marked as the author near the headline, a "By …" line there, or the
 * stated authors, cleaned of handles, job titles and dates.
 */
import { parseDate } from "../../dates.js";
import { classWords } from "../context.js";
import {
  attr,
  descendants,
  type HElement,
  htmlToText,
  isInside,
  type ParsedHtml,
  type Run,
  textOf,
} from "../dom.js";
import type { PageMeta } from "./page.js";
import { dateLine, firstHeadline } from "./published.js";
import { fieldText, headerWindow, inWindow, MAX_FIELD_CHARS, type PageScan, scanPage } from "./scan.js";
import { titleKey, words } from "./text.js";

const BYLINE_CLASS =
  /\b(?:byline|bylines|by line|author|authors|authorname|author name|writer|contributor)\b/;
/** Author-ish classes that are pictures, boxes, bios or job titles, not the name. */
const NOT_BYLINE_CLASS =
  /\b(?:bio|avatar|image|img|photo|pic|picture|box|about|description|desc|thumb|title|role|job|position|follow|social|more)\b/;
/** Meta tags naming the author, most common first. */
const META_AUTHOR_KEYS = [
  "author",
  "article:author_name",
  "article:author",
  "parsely-author",
  "sailthru.author",
  "byl",
  "dc.creator",
  "dcterms.creator",
];
const BY_PREFIX =
  /^(?:(?:written|posted|reported|words|story|text|reporting|photos?) by|by|von|par|por|door|av|di|de|від|автор)\s*:?\s+/i;
/** What follows the name in a byline line: the editor, the outlet, the place. */
const BYLINE_TAIL =
  /\s+(?:(?:edited|photos?|illustrations?|additional reporting|produced|updated) by\b|from\s*:|source\s*:|in\s*:).*$/i;
const BYLINE_SEPARATOR = /\s+(?:\||•|·|—|–)\s+.*$/;
/** "@alissamarie", "(http://ebb.org/bkuhn/)": a handle or a home page beside the name, not part of it. */
const HANDLE_OR_LINK = /\(?(?:https?:\/\/|www\.)[^\s)]{1,200}\)?|@[\p{L}\p{N}_]{1,40}(?![.\p{L}\p{N}])/gu;
/** Degrees after a name are credentials, not part of it: "Brenda Goodman, MA". */
const POST_NOMINALS = /,\s*(?:MA|MS|MSc|MD|PhD|Ph\.D\.|RN|MPH|DO|MBA|JD|LLM|BSc|BA)\.?$/;
/** A comma segment naming a job, not another author: "Andrew Hayden, Software Engineer on Google Play". */
const JOB_SEGMENT =
  /,\s*[^,]*\b(?:engineer|editor|reporter|correspondent|writer|columnist|contributor|staff|producer|director|manager|professor|analyst|researcher|developer|designer|student|intern|founder|ceo|chief|head|lead|senior|president|officer|spokes\w*)\b.*$/i;
/** Words of controls and teasers that author classes also mark: "Follow Author", "More from this writer". */
const NOT_A_NAME =
  /\b(?:follow|subscribe|sign in|sign up|log in|login|share|more|view|profile|all posts|articles|stories|contact|email|about|comments?|newsletter|menu)\b/i;
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
/** A date trailing a byline: ", March 4", " | Oct. 1, 2016 17:14", " - 2016-10-01", " on 3/09/15". */
const TRAILING_DATE = new RegExp(
  `\\s*(?:[,|•·–—-]|\\b(?:on|updated|published|posted)\\b)\\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?(?:${MONTH}\\s+\\d{1,2}\\b|\\d{1,2}\\s+${MONTH}|${MONTH}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{1,2}:\\d{2}).*$`,
  "i",
);
/** What is left of "Last Updated: January 7, 2025" once the date is cut: a label, not a name. */
const DATE_LABEL_ONLY = /^(?:last |first )?(?:updated|published|posted|modified|created|date)\b\W*$/i;

/** A byline names people; longer text around an author class is a bio or a teaser. */
const MAX_BYLINE_WORDS = 12;
/** An element marked author/byline with more words than this is a bio box, not a byline. */
const MAX_BYLINE_ELEMENT_WORDS = 20;
/** Joined authors beyond this are a list of contributors, cut to keep the byline a line. */
const MAX_AUTHORS = 5;
/** A "By …" line under the headline is a byline if this short; longer, it is a sentence. */
const MAX_BY_LINE_WORDS = 15;

export interface Byline {
  byline: string | null;
  /** Texts of the page's author/byline elements, so they are neither body nor removed junk. */
  elementTexts: string[];
}

interface VisibleByline {
  name: string;
  run: number;
  element: HElement;
}

/**
 * What a reader sees under the headline wins: an element marked as the byline (rel=author,
 * itemprop=author, a byline or author class) near the headline, else a "By …" line there; the
 * page's metadata (JSON-LD author, meta author) when it names the same person, since it spells
 * the names out cleanly. Metadata alone when nothing is shown near the headline, then marked
 * elements elsewhere in the article.
 */
export function findByline(
  meta: PageMeta,
  parsed: ParsedHtml,
  runs: readonly Run[] = [],
  headline: HElement | null = null,
): Byline {
  const scan = scanPage(parsed, runs);
  const window = headerWindow(runs, headline ?? firstHeadline(parsed, scan), null);
  const elementTexts: string[] = [];
  const visible = visibleBylines(scan, elementTexts);

  const ldPeople = dedupe(meta.ld.authors.map(cleanByline).filter((a): a is string => a !== null));
  const stated =
    (ldPeople.length > 0 ? ldPeople.slice(0, MAX_AUTHORS).join(", ") : null) ??
    META_AUTHOR_KEYS.map((k) => cleanByline(meta.metas.get(k) ?? "")).find((c) => c !== null) ??
    null;

  const near = visible.find((v) => inWindow(v.run, window)) ?? byLineNear(runs, window, scan);
  if (near !== null && near !== undefined) {
    return { byline: stated !== null && sameNames(stated, near.name) ? stated : near.name, elementTexts };
  }
  if (stated !== null) return { byline: stated, elementTexts };
  const anywhere = visible[0]?.name ?? null;
  const organisation = dedupe(
    meta.ld.authorOrganizations.map(cleanByline).filter((a): a is string => a !== null),
  )[0];
  return { byline: anywhere ?? organisation ?? null, elementTexts };
}

/**
 * Marked elements, innermost first: "<p class=byline>by <a class=author>Lucas Nolan</a><span
 * class=date>…" gives the link's name; a container with several marked names gives them all.
 */
function visibleBylines(scan: PageScan, elementTexts: string[]): VisibleByline[] {
  const accepted: VisibleByline[] = [];
  for (const { element: e, run } of scan.bylines) {
    if (e.hidden || e.tag === "meta" || e.tag === "link") continue;
    const rel = /\bauthor\b/i.test(attr(e, "rel") ?? "");
    const itemprop = /\bauthor\b/i.test(attr(e, "itemprop") ?? "");
    const marks = classWords(e);
    const byClass = BYLINE_CLASS.test(marks) && !NOT_BYLINE_CLASS.test(marks);
    if (!rel && !itemprop && !byClass) continue;
    const text = fieldText(e, MAX_FIELD_CHARS, false);
    if (text === null || text === "" || words(text) > MAX_BYLINE_ELEMENT_WORDS) continue;
    elementTexts.push(text);
    const named = itemprop ? itemName(e) : null;
    const cleaned = cleanByline(named ?? fieldText(e, MAX_FIELD_CHARS, true) ?? text);
    if (cleaned === null || NOT_A_NAME.test(cleaned)) continue;
    accepted.push({ element: e, run, name: cleaned });
  }
  const out: VisibleByline[] = [];
  for (let i = 0; i < accepted.length; i++) {
    const outer = accepted[i]!;
    const inner: VisibleByline[] = [];
    for (let j = i + 1; j < accepted.length && isInside(accepted[j]!.element, outer.element); j++) {
      inner.push(accepted[j]!);
    }
    if (inner.length === 0) {
      out.push(outer);
      continue;
    }
    // The container's own text also holds its labels and dates; its marked parts hold the names.
    const innermost = inner.filter((c, k) => !inner.some((d, l) => l > k && isInside(d.element, c.element)));
    out.push({
      ...outer,
      name: dedupe(innermost.map((c) => c.name))
        .slice(0, MAX_AUTHORS)
        .join(", "),
    });
    i += inner.length;
  }
  return out;
}

/**
 * "By Jane Doe" opening a line: the unmarked byline. Only the unambiguous openers ("de", "di" also
 * open sentences), and not a credit ("Photo by").
 */
const BY_LINE_OPENER = /^(?:(?:written|posted|reported|words|story|text) by|by|von|par|por)\s*:?\s+\S/i;

/** A "By Jane Doe" run in the header window, for pages that mark nothing. */
function byLineNear(
  runs: readonly Run[],
  window: { from: number; to: number } | null,
  scan: PageScan,
): VisibleByline | null {
  if (window === null) return null;
  for (let i = window.from; i <= window.to && i < runs.length; i++) {
    const run = runs[i]!;
    if (!BY_LINE_OPENER.test(run.text) || words(run.text) > MAX_BY_LINE_WORDS) continue;
    if (scan.contexts.kindOf(run.container) !== null) continue;
    const name = cleanByline(run.text);
    if (name !== null && !NOT_A_NAME.test(name)) {
      return { name, run: i, element: run.container };
    }
  }
  return null;
}

/** One names the other's people: "Jane Doe" and "JANE DOE, John Roe" agree. */
function sameNames(a: string, b: string): boolean {
  const x = ` ${titleKey(a)} `;
  const y = ` ${titleKey(b)} `;
  return x.trim() !== "" && y.trim() !== "" && (x.includes(y) || y.includes(x));
}

/** itemprop=author often wraps an itemprop=name (or carries the name in a content attribute). */
function itemName(element: HElement): string | null {
  const content = attr(element, "content");
  if (content !== null && content.trim() !== "") return content;
  for (const d of descendants(element)) {
    if (d !== element && attr(d, "itemprop")?.toLowerCase() === "name") {
      const t = attr(d, "content") ?? textOf(d);
      if (t.trim() !== "") return t;
    }
  }
  return null;
}

function dedupe(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = v.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** "By JANE DOE | Oct 1, 2016" → "JANE DOE"; null when what is left is not a name line. */
export function cleanByline(raw: string): string | null {
  let s = htmlToText(raw);
  if (s.length > MAX_FIELD_CHARS || /^https?:\/\//i.test(s)) return null;
  s = s.replace(BY_PREFIX, "");
  s = s.replace(HANDLE_OR_LINK, " ").replace(/\s+/g, " ").trim();
  s = s.replace(BYLINE_TAIL, "");
  s = s.replace(BYLINE_SEPARATOR, "");
  const date = parseDate(s, { thorough: false });
  if (date !== null) {
    const at = s.indexOf(date.text);
    if (at > 0) s = s.slice(0, at);
  }
  s = s.replace(TRAILING_DATE, "");
  s = s.replace(/^[\s,;:|–—-]+|[\s,;:|–—-]+$/g, "").trim();
  // The word that introduced the cut date: "kovarex, TOGos on" [2019-02-15].
  s = s.replace(/[\s,]+(?:on|at|le|am|el|em|il|op|den|dne)$/i, "").trim();
  s = s.replace(POST_NOMINALS, "").replace(JOB_SEGMENT, "").trim();
  if (s === "" || !/\p{L}/u.test(s) || words(s) > MAX_BYLINE_WORDS || dateLine(s) !== null) return null;
  if (DATE_LABEL_ONLY.test(s)) return null;
  return s;
}

/** "By Jane Doe", "Jane Doe, Reuters, Oct 1": a short line that is the byline plus glue words. */
export function isBylineLine(text: string, byline: string): boolean {
  if (words(text) > MAX_BYLINE_ELEMENT_WORDS) return false;
  const t = titleKey(text);
  const b = titleKey(byline);
  if (b === "" || !` ${t} `.includes(` ${b} `)) return false;
  const rest = ` ${t} `
    .replace(` ${b} `, " ")
    .replace(
      /\b(?:by|and|written|posted|updated|published|on|at|staff|reporter|correspondent|\d+|am|pm|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*)\b/g,
      " ",
    );
  return words(rest) <= 2;
}
