import { ContextKinds } from "../context.js";
import { attr, BLOCK_TAGS, cleanText, type HElement, type HNode, type ParsedHtml, type Run } from "../dom.js";

/**
 * Cheap tests on the raw class and id before the word split (classWords costs a few microseconds
 * an element, and a page has thousands): only elements whose markup mentions an author or a date
 * are looked at closer.
 */
const RAW_BYLINE_HINT = /author|byline|by-line|writer|contributor/i;
const RAW_DATE_HINT = /date|time|publish|posted|stamp/i;

/** Elements with more text than this are containers (a whole post inside "date-outer"), not a stamp or a byline. */
export const MAX_FIELD_CHARS = 200;
/** Raw text before whitespace is collapsed: indented markup carries a few spaces for every visible one. */
const RAW_SPACE_FACTOR = 4;

/** Candidates kept per page: a byline and a date sit in the first few; archive pages list thousands. */
const MAX_FIELD_CANDIDATES = 200;

/** Places whose authors and dates belong to other texts: readers' comments, teasers, menus, ads, the footer. */
const FOREIGN_CONTEXT = new Set([
  "comments",
  "reply-form",
  "related-links",
  "navigation",
  "advertisement",
  "boilerplate",
  "newsletter",
]);
/**
 * Dates are foreign in the same places; a picture's caption also dates the picture, but that is
 * told by the <figure> around it (insideFigure): sites also call their byline bar a "credit".
 */
export const FOREIGN_DATE_CONTEXT = FOREIGN_CONTEXT;

interface FieldCandidate {
  element: HElement;
  /** Index of the text run the element starts in (runs are in document order). */
  run: number;
}

export interface PageScan {
  bylines: FieldCandidate[];
  dates: FieldCandidate[];
  contexts: ContextKinds;
}

const SCANS = new WeakMap<ParsedHtml, PageScan>();

export function scanPage(parsed: ParsedHtml, runs: readonly Run[]): PageScan {
  const cached = SCANS.get(parsed);
  if (cached !== undefined) return cached;
  const contexts = new ContextKinds();
  const bylines: FieldCandidate[] = [];
  const dates: FieldCandidate[] = [];
  const wrappers = wrapperForms(parsed);
  for (const e of parsed.elements) {
    if (e.tag === "meta" || e.tag === "link" || e.tag === "#root") {
      // Microdata <meta itemprop=datePublished> inside the body is positioned like any element.
      if (e.tag !== "meta" || !/^date(?:published|created|modified)$/i.test(attr(e, "itemprop") ?? ""))
        continue;
    }
    const { class: cls, id, itemprop: prop, rel: relAttr } = e.attrs;
    // Most elements carry none of what is looked at: skip them before building any string.
    if (cls === undefined && id === undefined && prop === undefined && relAttr === undefined) {
      if (e.tag !== "time" && e.attrs.pubdate === undefined) continue;
    }
    const raw = `${cls ?? ""} ${id ?? ""}`;
    const itemprop = (prop ?? "").toLowerCase();
    const rel = relAttr ?? "";
    const maybeByline = /\bauthor\b/i.test(rel) || /\bauthor\b/.test(itemprop) || RAW_BYLINE_HINT.test(raw);
    const maybeDate =
      e.tag === "time" ||
      itemprop.startsWith("date") ||
      e.attrs.pubdate !== undefined ||
      (e.tag === "abbr" && e.attrs.title !== undefined) ||
      RAW_DATE_HINT.test(raw);
    if (!maybeByline && !maybeDate) continue;
    const place = contexts.kindOf(e) ?? "";
    if (insideControl(e, wrappers)) continue;
    const candidate = { element: e, run: runIndexAt(runs, e.pos) };
    // Microdata says whose name it is wherever it sits; a class is only a hint.
    const bylineHere = !FOREIGN_CONTEXT.has(place) || (/\bauthor\b/.test(itemprop) && place !== "comments");
    if (maybeByline && bylineHere && bylines.length < MAX_FIELD_CANDIDATES) bylines.push(candidate);
    // Microdata in an <article>'s aside ("Nicolas Perriault — 2013-09-29") is still the article's date.
    const dateHere =
      !FOREIGN_DATE_CONTEXT.has(place) ||
      (itemprop.startsWith("date") &&
        place !== "comments" &&
        place !== "reply-form" &&
        ancestorTag(e, "article"));
    if (maybeDate && dateHere && dates.length < MAX_FIELD_CANDIDATES) dates.push(candidate);
  }
  const scan = { bylines, dates, contexts };
  SCANS.set(parsed, scan);
  return scan;
}

/** Inside a form or a button: "Follow author", "Subscribe to this writer" are controls, not bylines. */
function insideControl(element: HElement, wrappers: ReadonlySet<HElement>): boolean {
  for (let e: HElement | null = element; e !== null; e = e.parent) {
    if ((e.tag === "form" && !wrappers.has(e)) || e.tag === "button" || e.tag === "select") return true;
  }
  return false;
}

/** Headings looked at to find page-wrapping forms: the headline is among the first. */
const WRAPPER_HEADINGS = 10;

/**
 * Forms that hold a heading: ASP.NET and some CMSs wrap the whole page in one <form>, which makes
 * it the page, not a control.
 */
function wrapperForms(parsed: ParsedHtml): Set<HElement> {
  const forms = new Set<HElement>();
  let seen = 0;
  for (const e of parsed.elements) {
    if (e.tag !== "h1" && e.tag !== "h2") continue;
    for (let a = e.parent; a !== null; a = a.parent) if (a.tag === "form") forms.add(a);
    if (++seen >= WRAPPER_HEADINGS) break;
  }
  return forms;
}

/** Index of the first run starting at or after a document position (binary search). */
function runIndexAt(runs: readonly Run[], pos: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.lastPos < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Text of a small element, or null when it holds more than `maxChars` (then it is a container,
 * and reading it whole would cost as much as the page). `spaced` puts a space at every element
 * boundary: bylines glue fields ("Lucas Nolan" + "22 Dec 2016" + "651") without one.
 */
export function fieldText(element: HElement, maxChars: number, spaced: boolean): string | null {
  const parts: string[] = [];
  let chars = 0;
  const stack: HNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "text") {
      chars += node.text.length;
      if (chars > maxChars * RAW_SPACE_FACTOR) return null;
      parts.push(node.text);
      continue;
    }
    if (node.hidden && node !== element) continue;
    if (spaced || node.tag === "br" || BLOCK_TAGS.has(node.tag)) parts.push(" ");
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  const text = cleanText(parts.join(""));
  return text.length > maxChars ? null : text;
}

/**
 * Runs around the headline where the byline and the date stamp sit: a few above it (kicker,
 * date bar) and more below (standfirst, picture and caption, share bar come between).
 */
const HEADER_RUNS_BEFORE = 4;
const HEADER_RUNS_AFTER = 15;

/** The run window of the page's header, around the headline, else at the article's start. */
export function headerWindow(
  runs: readonly Run[],
  headline: HElement | null,
  article: HElement | null,
): { from: number; to: number } | null {
  const anchor = headline ?? article;
  if (anchor === null || runs.length === 0) return null;
  const at = runIndexAt(runs, anchor.pos);
  if (headline === null) return { from: at, to: at + HEADER_RUNS_AFTER };
  return { from: Math.max(0, at - HEADER_RUNS_BEFORE), to: at + HEADER_RUNS_AFTER };
}

export function inWindow(run: number, window: { from: number; to: number } | null): boolean {
  return window !== null && run >= window.from && run <= window.to;
}

export function ancestorTag(element: HElement, tag: string): boolean {
  for (let e = element.parent; e !== null; e = e.parent) if (e.tag === tag) return true;
  return false;
}
