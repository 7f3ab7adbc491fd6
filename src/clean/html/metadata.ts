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
  descendants,
  type HElement,
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
  authors: string[];
  datePublished: string | null;
  publisher: string | null;
  websiteName: string | null;
  description: string | null;
}

/** JSON values visited per page: metadata is a few dozen; catalogue dumps are cut off here. */
const MAX_JSON_LD_VALUES = 20_000;

/** A byline names people; longer text around an author class is a bio or a teaser. */
const MAX_BYLINE_WORDS = 12;
/** An element marked author/byline with more words than this is a bio box, not a byline. */
const MAX_BYLINE_ELEMENT_WORDS = 20;
/** Joined JSON-LD authors beyond this are a list of contributors, cut to keep the byline a line. */
const MAX_AUTHORS = 5;

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
  const article = nodes.find((n) => types(n).some((t) => ARTICLE_TYPE.test(t)));
  const website = nodes.find((n) => types(n).includes("WebSite"));
  const names = (v: Json | undefined): string[] => {
    const out: string[] = [];
    for (const item of Array.isArray(v) ? v : [v]) {
      const resolved = resolve(item);
      if (typeof resolved === "string") out.push(resolved);
      else if (isObject(resolved)) for (const name of strings(resolved.name)) out.push(name);
    }
    return out.map(htmlToText).filter((s) => s !== "" && !/^https?:\/\//i.test(s));
  };
  return {
    headline: first(strings(article?.headline ?? article?.name)),
    authors: names(article?.author ?? article?.creator),
    datePublished: first(strings(article?.datePublished)),
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
  return names.filter((n): n is string => n !== undefined && n !== null && n.trim() !== "").map(htmlToText);
}

/** Letters and digits only, lower-cased: how names are compared. */
function squash(s: string): string {
  return s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Words only, lower-cased and spaced: how titles are compared. */
export function titleKey(s: string): string {
  return s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

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
  const spaced = t.split(/\s+/).length;
  const cjk = t.match(CJK)?.length ?? 0;
  return spaced + Math.ceil(cjk / CJK_CHARS_PER_WORD);
}

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
    const repeated = stated.some(
      (c) => titleKey(c.cleaned) === key || (long && titleKey(c.text).startsWith(`${key} `)),
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
// Byline

const BYLINE_CLASS =
  /\b(?:byline|bylines|by line|author|authors|authorname|author name|writer|contributor)\b/;
/** Furniture an author-looking element may sit in without being the article's byline (commenters, teasers). */
const NOT_BYLINE_CONTEXT = new Set(["comments", "reply-form", "related-links", "navigation"]);
/** Meta tags naming the author, most common first. */
const META_AUTHOR_KEYS = [
  "author",
  "article:author_name",
  "parsely-author",
  "sailthru.author",
  "byl",
  "dc.creator",
];
/** Author-ish classes that are pictures, boxes or bios, not the byline. */
const NOT_BYLINE_CLASS = /\b(?:bio|avatar|image|img|photo|pic|picture|box|about|description|desc|thumb)\b/;
const BY_PREFIX =
  /^(?:(?:written|posted|reported|words|story|text|reporting|photos?) by|by|von|par|por|door|av|di|de)\s*:?\s+/i;
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
/** A date trailing a byline: ", March 4", " | Oct. 1, 2016 17:14", " - 2016-10-01". */
const TRAILING_DATE = new RegExp(
  `\\s*(?:[,|•·–—-]|\\b(?:on|updated|published|posted)\\b)\\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?(?:${MONTH}\\s+\\d{1,2}\\b|\\d{1,2}\\s+${MONTH}|${MONTH}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{1,2}:\\d{2}).*$`,
  "i",
);
/** A full date right after the name, with no separator: "Joshua Sokol May 20, 2019". */
const TRAILING_FULL_DATE = new RegExp(
  `\\s+(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4})\\b.*$`,
  "i",
);
/** What is left of "Last Updated: January 7, 2025" once the date is cut: a label, not a name. */
const DATE_LABEL_ONLY = /^(?:last |first )?(?:updated|published|posted|modified|created|date)\b\W*$/i;
const BYLINE_SEPARATOR = /\s+(?:\||•|·)\s+.*$/;

export interface Byline {
  byline: string | null;
  /** Texts of the page's author/byline elements, so they are neither body nor removed junk. */
  elementTexts: string[];
}

/** JSON-LD author(s), meta author, rel=author, then elements marked byline/author. */
export function findByline(meta: PageMeta, parsed: ParsedHtml): Byline {
  const contexts = new ContextKinds();
  const fromElements: string[] = [];
  const elementTexts: string[] = [];
  let fromRel: string | null = null;
  for (const e of parsed.elements) {
    if (e.hidden || e.tag === "meta" || e.tag === "link") continue;
    const rel = /\bauthor\b/i.test(attr(e, "rel") ?? "");
    const itemprop = /\bauthor\b/i.test(attr(e, "itemprop") ?? "");
    const marks = classWords(e);
    const byClass = BYLINE_CLASS.test(marks) && !NOT_BYLINE_CLASS.test(marks);
    if (!rel && !itemprop && !byClass) continue;
    // Microdata and rel=author are explicit, even in an aside; a class is only a hint.
    const place = contexts.kindOf(e) ?? "";
    if (
      place === "comments" ||
      place === "reply-form" ||
      (!rel && !itemprop && NOT_BYLINE_CONTEXT.has(place))
    ) {
      continue;
    }
    const text = textOf(e);
    if (text === "" || words(text) > MAX_BYLINE_ELEMENT_WORDS) continue;
    elementTexts.push(text);
    const named = itemprop ? itemName(e) : null;
    const cleaned = cleanByline(named ?? text);
    if (cleaned === null) continue;
    if (rel && fromRel === null) fromRel = cleaned;
    else fromElements.push(cleaned);
  }
  const ldAuthors = dedupe(meta.ld.authors.map(cleanByline).filter((a): a is string => a !== null));
  const candidates = [
    ldAuthors.length > 0 ? ldAuthors.slice(0, MAX_AUTHORS).join(", ") : null,
    ...META_AUTHOR_KEYS.map((k) => cleanByline(meta.metas.get(k) ?? "")),
    fromRel,
    ...fromElements,
  ];
  return { byline: candidates.find((c): c is string => c !== null && c !== undefined) ?? null, elementTexts };
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
  if (/^https?:\/\//i.test(s)) return null;
  s = s.replace(BY_PREFIX, "");
  s = s.replace(BYLINE_SEPARATOR, "");
  s = s.replace(TRAILING_DATE, "").replace(TRAILING_FULL_DATE, "");
  s = s.replace(/^[\s,;:|–—-]+|[\s,;:|–—-]+$/g, "").trim();
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

/** Meta names for the first publication, most specific first. */
const META_DATE_KEYS = [
  "article:published_time",
  "og:published_time",
  "og:article:published_time",
  "datepublished",
  "date",
  "pubdate",
  "publishdate",
  "publish-date",
  "publish_date",
  "dc.date",
  "dc.date.issued",
  "dcterms.date",
  "dcterms.issued",
  "dcterms.created",
  "parsely-pub-date",
  "sailthru.date",
];

/** "/2016/10/01/", "/2016-10-01/": the date many sites write into article addresses. */
const URL_DATE = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)/;

/** The first publication date: JSON-LD, meta tags, <time> in the article, the address. */
export function findPublished(
  meta: PageMeta,
  parsed: ParsedHtml,
  url: string | null,
  article: HElement | null,
): string | null {
  const stated = [meta.ld.datePublished, ...META_DATE_KEYS.map((k) => meta.metas.get(k))];
  for (const s of stated) {
    const iso = s ? normalizeDate(s) : null;
    if (iso !== null) return iso;
  }
  const fromTime = timeElementDate(parsed, article);
  if (fromTime !== null) return fromTime;
  for (const address of [url, meta.canonical]) {
    const m = address === null ? null : URL_DATE.exec(address);
    if (m) {
      const iso = normalizeDate(`${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`);
      if (iso !== null) return iso;
    }
  }
  return null;
}

function timeElementDate(parsed: ParsedHtml, article: HElement | null): string | null {
  const contexts = new ContextKinds();
  let best: { rank: number; iso: string } | null = null;
  for (const e of parsed.elements) {
    const itemprop = attr(e, "itemprop")?.toLowerCase() === "datepublished";
    if ((e.tag !== "time" && !itemprop) || e.tag === "meta") continue;
    if (contexts.kindOf(e) !== null) continue;
    const value = attr(e, "datetime") ?? attr(e, "content") ?? textOf(e, true);
    const iso = normalizeDate(value);
    if (iso === null) continue;
    const published = itemprop || /\b(?:published|pubdate|publish|posted)\b/.test(classWords(e));
    const inArticle =
      (article !== null && isInside(e, article)) || ancestorTag(e, "article") || attr(e, "pubdate") !== null;
    const rank = published ? 0 : inArticle ? 1 : 2;
    if (best === null || rank < best.rank) best = { rank, iso };
    if (rank === 0) break;
  }
  return best?.iso ?? null;
}

function ancestorTag(element: HElement, tag: string): boolean {
  for (let e = element.parent; e !== null; e = e.parent) if (e.tag === tag) return true;
  return false;
}

/** A short line that is mostly a date stamp; its ISO date, or null. */
export function dateLine(text: string): string | null {
  if (!/\d/.test(text) || words(text) > DATE_LINE_MAX_WORDS) return null;
  const parsed = parseDate(text);
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
