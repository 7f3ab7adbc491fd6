/**
 * What the page says about the article besides its text: title, byline, date, outlet, language,
 * standfirst. Pages state these several times (Open Graph, JSON-LD, <title>, visible markup) and
 * not always alike; each finder takes the most specific statement that is there, in a fixed
 * order, and normalises it.
 */
import { normalizeDate, parseDate } from "../dates.js";
import { findOutlet } from "../outlet.js";
import { ContextKinds, classWords } from "./context.js";
import {
  attr,
  BLOCK_TAGS,
  cleanText,
  descendants,
  type HElement,
  type HNode,
  htmlToText,
  isInside,
  type ParsedHtml,
  type Run,
  textOf,
} from "./dom.js";

export interface PageMeta {
  /** <meta> content by lower-cased property, name, itemprop or http-equiv; the first one wins. */
  metas: Map<string, string>;
  ld: LinkedData;
  htmlLang: string | null;
  titleTag: string | null;
  /** <link rel=canonical> or og:url, when absolute. */
  canonical: string | null;
}

export interface LinkedData {
  headline: string | null;
  /** People (or untyped names) credited as the article's authors. */
  authors: string[];
  /** Organisations credited as authors: a byline only when no person is named anywhere. */
  authorOrganizations: string[];
  datePublished: string | null;
  dateModified: string | null;
  publisher: string | null;
  websiteName: string | null;
  description: string | null;
}

/** JSON values visited per page: metadata is a few dozen; catalogue dumps are cut off here. */
const MAX_JSON_LD_VALUES = 20_000;

/** A standfirst says something (more than a label) and is shorter than a paragraph run-on. */
const DEK_MIN_WORDS = 4;
const DEK_MAX_WORDS = 80;
/** Elements after the h1 looked at for a standfirst: it sits right under the headline. */
const DEK_SIBLINGS = 3;

/** A date line is mostly date: "Published 1 October 2016, 17:14", not a sentence mentioning one. */
const DATE_LINE_MIN_COVER = 0.6;
export const DATE_LINE_MAX_WORDS = 12;

/** Longer "titles" are a document swallowed by an unclosed <title> or <h1>, not a headline. */
const MAX_TITLE_CHARS = 300;

/** Headings considered for the title: the headline is among the first few. */
const MAX_HEADINGS = 10;

export function readMeta(parsed: ParsedHtml): PageMeta {
  const metas = new Map<string, string>();
  let htmlLang: string | null = null;
  let titleTag: string | null = null;
  let canonical: string | null = null;
  for (const e of parsed.elements) {
    if (e.tag === "meta") {
      const content = attr(e, "content");
      if (content === null || content.trim() === "") continue;
      for (const keyAttr of ["property", "name", "itemprop", "http-equiv"]) {
        const key = attr(e, keyAttr)?.trim().toLowerCase();
        if (key && !metas.has(key)) metas.set(key, content.trim());
      }
    } else if (e.tag === "html" && htmlLang === null) {
      htmlLang = attr(e, "lang") ?? attr(e, "xml:lang");
    } else if (e.tag === "title" && titleTag === null) {
      titleTag = textOf(e, true) || null;
    } else if (e.tag === "link" && canonical === null && /\bcanonical\b/i.test(attr(e, "rel") ?? "")) {
      canonical = absoluteUrl(attr(e, "href"));
    }
  }
  canonical ??= absoluteUrl(metas.get("og:url") ?? null);
  return { metas, ld: readLinkedData(parsed.jsonLd), htmlLang, titleTag, canonical };
}

function absoluteUrl(href: string | null): string | null {
  if (href === null || !/^https?:\/\//i.test(href.trim())) return null;
  try {
    return new URL(href.trim()).href;
  } catch {
    return null;
  }
}

/** The page's own address: where it was fetched from, else where it says it lives. */
export function pageUrl(url: string | null, source: string, meta: PageMeta): string | null {
  return url ?? absoluteUrl(source) ?? meta.canonical;
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report)$/;

function readLinkedData(scripts: readonly string[]): LinkedData {
  const nodes: JsonObject[] = [];
  for (const script of scripts) {
    const value = parseJson(script);
    if (value !== undefined)
      for (const n of objectsOf(value, MAX_JSON_LD_VALUES - nodes.length)) nodes.push(n);
  }
  const byId = new Map<string, JsonObject>();
  for (const n of nodes) {
    const id = n["@id"];
    if (typeof id === "string" && !byId.has(id)) byId.set(id, n);
  }
  const resolve = (v: Json | undefined): Json | undefined => {
    if (isObject(v) && typeof v["@id"] === "string" && v.name === undefined) return byId.get(v["@id"]) ?? v;
    return v;
  };
  // The page's own article comes first (breadth first); teasers listed after it rarely carry a date.
  const articles = nodes.filter((n) => types(n).some((t) => ARTICLE_TYPE.test(t)));
  const article = articles.find((n) => n.datePublished !== undefined) ?? articles[0];
  const website = nodes.find((n) => types(n).includes("WebSite"));
  const named = (v: Json | undefined): { name: string; organization: boolean }[] => {
    const out: { name: string; organization: boolean }[] = [];
    for (const item of Array.isArray(v) ? v : [v]) {
      const resolved = resolve(item);
      if (typeof resolved === "string") out.push({ name: resolved, organization: false });
      else if (isObject(resolved)) {
        const organization = types(resolved).some((t) =>
          /Organization|NewsMediaOrganization|Corporation/.test(t),
        );
        for (const name of strings(resolved.name)) out.push({ name, organization });
      }
    }
    return out
      .map((n) => ({ ...n, name: htmlToText(n.name) }))
      .filter((n) => n.name !== "" && !/^https?:\/\//i.test(n.name));
  };
  const names = (v: Json | undefined): string[] => named(v).map((n) => n.name);
  const credited = named(article?.author ?? article?.creator);
  return {
    headline: first(strings(article?.headline ?? article?.name)),
    authors: credited.filter((n) => !n.organization).map((n) => n.name),
    authorOrganizations: credited.filter((n) => n.organization).map((n) => n.name),
    datePublished: first(strings(article?.datePublished)),
    dateModified: first(strings(article?.dateModified)),
    publisher: first(names(article?.publisher)),
    websiteName: first(names(website?.name)),
    description: first(strings(article?.description)),
  };
}

function parseJson(text: string): Json | undefined {
  // Pages wrap JSON-LD in comments or CDATA and leave raw newlines in strings; both are harmless to drop.
  const cleaned = text
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, "")
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, "")
    .replace(/[\u0000-\u001f]+/g, " ");
  try {
    return JSON.parse(cleaned) as Json;
  } catch {
    return undefined;
  }
}

/** Every object with a @type, breadth first (top-level entities before the ones they mention). */
function objectsOf(root: Json, budget: number): JsonObject[] {
  const out: JsonObject[] = [];
  const queue: Json[] = [root];
  for (let i = 0; i < queue.length && i < budget; i++) {
    const v = queue[i]!;
    // Element by element: spreading a 100,000-item array into push() overflows the call stack.
    if (Array.isArray(v)) for (const item of v) queue.push(item);
    else if (isObject(v)) {
      if (v["@type"] !== undefined) out.push(v);
      for (const child of Object.values(v))
        if (typeof child === "object" && child !== null) queue.push(child);
    }
  }
  return out;
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function types(n: JsonObject): string[] {
  return strings(n["@type"]);
}

function strings(v: Json | undefined): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  return [];
}

function first(values: readonly string[]): string | null {
  for (const v of values) {
    const t = htmlToText(v);
    if (t !== "") return t;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Site name and title

/** The names the site goes by, for recognising its name around a title and for the outlet. */
export function siteNames(meta: PageMeta, url: string | null, runs: readonly Run[]): string[] {
  const names = [
    meta.metas.get("og:site_name"),
    meta.ld.publisher,
    meta.ld.websiteName,
    meta.metas.get("application-name"),
    meta.metas.get("twitter:site")?.replace(/^@/, ""),
  ];
  const copyrightLines = runs.filter((r) => /©|\(c\)|copyright/i.test(r.text)).map((r) => r.text);
  names.push(findOutlet(null, copyrightLines) ?? undefined);
  if (url !== null) names.push(findOutlet(url, []) ?? undefined);
  return names
    .filter((n): n is string => n !== undefined && n !== null && n.trim() !== "")
    .map(htmlToText)
    .filter((n) => words(n) <= MAX_SITE_NAME_WORDS);
}

/**
 * Site names are a few words ("The New York Times Company"); a longer "name" is a page filling the
 * field with its headline (application-name, a publisher's name), and would hide that headline.
 */
const MAX_SITE_NAME_WORDS = 6;

/** Letters and digits only, lower-cased: how names are compared. */
function squash(s: string): string {
  return s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Words only, lower-cased and spaced: how titles are compared. */
export function titleKey(s: string): string {
  // Normalisation is the costly step and changes nothing in plain ASCII, which most lines are.
  return (ASCII.test(s) ? s : s.normalize("NFKD"))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const ASCII = /^[\x00-\x7f]*$/;

/** A site name may add this much to its host label ("BBC News" for bbc.co.uk, "Dropbox Blog"). */
const MAX_SITE_NAME_EXTRA_CHARS = 8;

/** "Harbour Watch" is "harbourwatch.com", "BBC News" is "bbc.co.uk", "The Guardian" is og:site_name "The Guardian". */
export function isSiteName(text: string, names: readonly string[]): boolean {
  const s = squash(text);
  if (s.length < 2) return false;
  for (const name of names) {
    const n = squash(name);
    if (n === s) return true;
    // Host names: compare with the registered label ("harbourwatch" of "www.harbourwatch.co.uk").
    if (/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(name)) {
      for (const label of name.toLowerCase().split(".").slice(0, -1)) {
        if (label.length < 3 || /^(?:www|com|co|org|net|gov|ac|news)$/.test(label)) continue;
        // "bbcnews" is the site of bbc.co.uk; "howwedesigneddropboxsatf" is a headline mentioning it.
        if (s.includes(label) && s.length <= label.length + MAX_SITE_NAME_EXTRA_CHARS) return true;
        if (s.length >= 4 && label.includes(s)) return true;
      }
    }
  }
  return false;
}

/** Separators between a headline and the site's name; the dash kinds need a known site name. */
const SEPARATOR = / (?:\||·|•|»|›|::|~|\/|-|–|—|:) /g;
/** Without a known site name, only these (never used inside a headline) are cut. */
const STRONG_SEPARATOR = /^ (?:\||·|•|»|›|::|~) $/;
/** An unknown suffix after a strong separator is a site or section name if this short. */
const MAX_UNKNOWN_SUFFIX_WORDS = 4;
const MIN_HEADLINE_WORDS = 3;

/** The title without a leading or trailing site name ("Headline | Site", "Site - Headline"). */
export function stripSiteName(title: string, names: readonly string[]): string {
  const text = title.replace(/\s+/g, " ").trim();
  const seps = [...text.matchAll(SEPARATOR)];
  const last = seps[seps.length - 1];
  if (last?.index !== undefined) {
    const head = text.slice(0, last.index).trim();
    const tail = text.slice(last.index + last[0].length).trim();
    if (head !== "" && isSiteName(tail, names)) return head;
    if (
      STRONG_SEPARATOR.test(last[0]) &&
      words(tail) <= MAX_UNKNOWN_SUFFIX_WORDS &&
      words(head) >= MIN_HEADLINE_WORDS
    )
      return head;
  }
  const firstSep = seps[0];
  if (firstSep?.index !== undefined) {
    const head = text.slice(0, firstSep.index).trim();
    const tail = text.slice(firstSep.index + firstSep[0].length).trim();
    if (tail !== "" && isSiteName(head, names)) return tail;
  }
  return text;
}

/** Chinese and Japanese words average about this many characters, and are written without spaces. */
const CJK_CHARS_PER_WORD = 2;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Words of a text, counting unspaced Chinese and Japanese by characters so their thresholds work alike. */
export function words(s: string): number {
  const t = s.trim();
  if (t === "") return 0;
  let spaced = 1;
  for (const _ of t.matchAll(/\s+/g)) spaced++;
  // Most text has no CJK at all: a test is cheaper than collecting every match.
  const cjk = ASCII.test(t) || !CJK_ANY.test(t) ? 0 : (t.match(CJK)?.length ?? 0);
  return spaced + Math.ceil(cjk / CJK_CHARS_PER_WORD);
}

const CJK_ANY = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export interface TitleChoice {
  title: string | null;
  /** The visible headline element, when one matches (or is) the title. */
  h1: HElement | null;
}

/**
 * og:title, JSON-LD headline, twitter:title, <h1>, <title>, in that order, each stripped of the
 * site name; but a candidate that the page's own <h1> repeats wins, and then the visible h1 text
 * is the title (metadata titles are often rewritten for search engines; the h1 is what readers saw).
 */
export function chooseTitle(meta: PageMeta, names: readonly string[], parsed: ParsedHtml): TitleChoice {
  const contexts = new ContextKinds();
  const headings: { element: HElement; text: string }[] = [];
  for (const e of parsed.elements) {
    if (headings.length >= MAX_HEADINGS) break;
    if ((e.tag !== "h1" && e.tag !== "h2") || e.hidden) continue;
    const text = headingText(e);
    if (
      text === "" ||
      text.length > MAX_TITLE_CHARS ||
      isSiteName(text, names) ||
      contexts.kindOf(e) !== null
    ) {
      continue;
    }
    headings.push({ element: e, text });
  }
  const stated = [
    { raw: meta.metas.get("og:title"), fromMeta: true },
    { raw: meta.ld.headline, fromMeta: true },
    { raw: meta.metas.get("twitter:title"), fromMeta: true },
    { raw: meta.metas.get("dc.title"), fromMeta: true },
    { raw: meta.titleTag, fromMeta: false },
  ]
    .map(({ raw, fromMeta }) => {
      // A site suffix may double a headline's length; anything longer is not a title (and not worth parsing).
      const text = raw && raw.length <= 2 * MAX_TITLE_CHARS ? htmlToText(raw) : "";
      return { text, cleaned: stripSiteName(text, names), fromMeta };
    })
    .filter((c) => c.cleaned !== "" && c.cleaned.length <= MAX_TITLE_CHARS);
  // h1s first: an h2 is the headline only where the h1 is the site's logo.
  const ordered = [
    ...headings.filter((h) => h.element.tag === "h1"),
    ...headings.filter((h) => h.element.tag === "h2"),
  ];
  for (const h of ordered) {
    const key = titleKey(h.text);
    if (key === "") continue;
    const long = words(h.text) >= MIN_HEADLINE_WORDS;
    // "Headline | Some Section | Site" starts with the h1 even when the suffix is not a known name.
    // "New Zealand - Wikipedia": a short h1 is the headline when it opens a title as a whole segment
    // (a last segment equal to the h1 is the site's logo: "Headline · V8").
    const repeated = stated.some(
      (c) =>
        titleKey(c.cleaned) === key ||
        (long && titleKey(c.text).startsWith(`${key} `)) ||
        firstSegment(c.text) === key,
    );
    if (repeated) return { title: h.text, h1: h.element };
  }
  const fromMeta = stated.find((c) => c.fromMeta);
  if (fromMeta !== undefined) return { title: fromMeta.cleaned, h1: null };
  const h1 = ordered.find((h) => h.element.tag === "h1");
  const titleTag = stated[0]?.cleaned ?? null;
  if (h1 !== undefined && (titleTag === null || !looksLikeLabel(h1.element, h1.text))) {
    return { title: h1.text, h1: h1.element };
  }
  return { title: titleTag, h1: null };
}

/** The first separator-delimited segment of a title, as a title key ("" when there is no separator). */
function firstSegment(title: string): string {
  const parts = title.split(SEPARATOR);
  return parts.length < 2 ? "" : titleKey(parts[0]!);
}

/**
 * An h1 the <title> does not repeat, that links home or is a few words ("Allergies Health
 * Center", "Hi, I'm Nicolas."), is the site's logo or a section name; the <title> is then the better headline.
 */
function looksLikeLabel(h1: HElement, text: string): boolean {
  if (words(text) <= MIN_HEADLINE_WORDS) return true;
  for (const d of descendants(h1)) {
    const href = attr(d, "href");
    if (d.tag === "a" && href !== null && /^(?:\/|https?:\/\/[^/]+\/?|index\.html?)$/i.test(href.trim()))
      return true;
  }
  return false;
}

/** Heading text without the permalink marks some sites append ("Title¶", "Title #"). */
function headingText(element: HElement): string {
  return textOf(element)
    .replace(/\s*[¶§#🔗]+$/u, "")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// One pass over the page for the byline and date finders

/**
 * Cheap tests on the raw class and id before the word split (classWords costs a few microseconds
 * an element, and a page has thousands): only elements whose markup mentions an author or a date
 * are looked at closer.
 */
const RAW_BYLINE_HINT = /author|byline|by-line|writer|contributor/i;
const RAW_DATE_HINT = /date|time|publish|posted|stamp/i;

/** Elements with more text than this are containers (a whole post inside "date-outer"), not a stamp or a byline. */
const MAX_FIELD_CHARS = 200;
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
const FOREIGN_DATE_CONTEXT = FOREIGN_CONTEXT;

interface FieldCandidate {
  element: HElement;
  /** Index of the text run the element starts in (runs are in document order). */
  run: number;
}

interface PageScan {
  bylines: FieldCandidate[];
  dates: FieldCandidate[];
  contexts: ContextKinds;
}

const SCANS = new WeakMap<ParsedHtml, PageScan>();

function scanPage(parsed: ParsedHtml, runs: readonly Run[]): PageScan {
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
function fieldText(element: HElement, maxChars: number, spaced: boolean): string | null {
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
function headerWindow(
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

function inWindow(run: number, window: { from: number; to: number } | null): boolean {
  return window !== null && run >= window.from && run <= window.to;
}

// ---------------------------------------------------------------------------------------------
// Byline

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

// ---------------------------------------------------------------------------------------------
// Dates

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
function firstHeadline(parsed: ParsedHtml, scan: PageScan): HElement | null {
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

function ancestorTag(element: HElement, tag: string): boolean {
  for (let e = element.parent; e !== null; e = e.parent) if (e.tag === tag) return true;
  return false;
}

/** A short line that is mostly a date stamp; its ISO date, or null. */
export function dateLine(text: string): string | null {
  if (!/\d/.test(text) || words(text) > DATE_LINE_MAX_WORDS) return null;
  const parsed = parseDate(text, { thorough: false });
  if (parsed === null || parsed.coveredChars < DATE_LINE_MIN_COVER * text.length) return null;
  return parsed.iso;
}

// ---------------------------------------------------------------------------------------------
// Standfirst, dateline, language

const DEK_CLASS =
  /\b(?:dek|deck|standfirst|subhead|subheadline|sub headline|subtitle|sub title|strapline|summary|lede|lead|intro|excerpt|description|teaser|abstract)\b/;

/** A standfirst element right under the headline: an <h2>, or an element marked as one. */
export function findDekElement(h1: HElement | null): HElement | null {
  if (h1 === null) return null;
  // Headlines are often wrapped alone in a div; the standfirst is the wrapper's sibling then.
  let start = h1;
  while (start.parent !== null && onlyElementChild(start.parent) === start && start.parent.tag !== "body") {
    start = start.parent;
  }
  const parent = start.parent;
  if (parent === null) return null;
  const siblings = parent.children;
  let seen = 0;
  for (let i = siblings.indexOf(start) + 1; i < siblings.length && seen < DEK_SIBLINGS; i++) {
    const s = siblings[i]!;
    if (s.type !== "element" || s.hidden) continue;
    const text = textOf(s);
    if (text === "") continue;
    seen += 1;
    const marked =
      DEK_CLASS.test(classWords(s)) ||
      /^(?:description|alternativeheadline)$/i.test(attr(s, "itemprop") ?? "");
    if (!marked && s.tag !== "h2") continue;
    const n = words(text);
    if (n >= DEK_MIN_WORDS && n <= DEK_MAX_WORDS && dateLine(text) === null) return s;
  }
  return null;
}

function onlyElementChild(parent: HElement): HElement | null {
  let only: HElement | null = null;
  for (const c of parent.children) {
    if (c.type === "text") {
      if (c.text.trim() !== "") return null;
    } else if (only !== null) return null;
    else only = c;
  }
  return only;
}

/** A description counts as a standfirst only when it is not the opening of the body. */
const DEK_COPY_PREFIX_CHARS = 60;

export function dekFromDescription(
  meta: PageMeta,
  paragraphs: readonly string[],
  title: string | null,
): string | null {
  const raw = meta.metas.get("og:description") ?? meta.metas.get("description") ?? meta.ld.description;
  if (raw === undefined || raw === null) return null;
  const dek = htmlToText(raw);
  if (words(dek) < DEK_MIN_WORDS) return null;
  const key = titleKey(dek.replace(/(?:\.\.\.|…)\s*$/, ""));
  if (title !== null && titleKey(title) === key) return null;
  const opening = titleKey(paragraphs.slice(0, 3).join(" "));
  const prefix = key.slice(0, DEK_COPY_PREFIX_CHARS);
  if (opening.includes(prefix) || key.startsWith(opening.slice(0, DEK_COPY_PREFIX_CHARS))) return null;
  return dek;
}

/**
 * "WASHINGTON (Reuters) - ", "BEIRUT, LEBANON (2:20 P.M.) – ", "GENEVA, Switzerland (AP) — ": an
 * all-capitals place, maybe a region or date after a comma, maybe an agency or time in brackets,
 * then a dash.
 */
const DATELINE =
  /^(\p{Lu}{2}[\p{Lu}\p{M}.'’]*(?:[ -]\p{Lu}[\p{Lu}\p{M}.'’]*)*(,[^()–—\-:]{1,40})?\s*(\([^()]{1,40}\))?)\s*[-–—]{1,2}\s+(?=\S)/u;
/** What follows a dateline is the first sentence of the story; a bare "NATO – …" is not a dateline. */
const MIN_AFTER_DATELINE_WORDS = 3;

export function splitDateline(paragraph: string): { dateline: string; rest: string } | null {
  const m = DATELINE.exec(paragraph);
  if (m === null) return null;
  const rest = paragraph.slice(m[0].length).trim();
  if (words(rest) < MIN_AFTER_DATELINE_WORDS) return null;
  // Without a region or bracket, an acronym opening a sentence looks alike; a dateline is followed by a capital.
  if (m[2] === undefined && m[3] === undefined && !/^["“‘'(]?\p{Lu}/u.test(rest)) return null;
  return { dateline: m[1]!.trim(), rest };
}

const LANG_TAG = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i;

/** The primary subtag of what the page declares, or null when it declares nothing usable. */
export function declaredLang(meta: PageMeta): string | null {
  for (const v of [meta.htmlLang, meta.metas.get("content-language"), meta.metas.get("og:locale")]) {
    const m = v ? LANG_TAG.exec(v.trim().split(",")[0]!.trim()) : null;
    if (m) return m[1]!.toLowerCase();
  }
  return null;
}
