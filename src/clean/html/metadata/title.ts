import { findOutlet } from "../../outlet.js";
import { ContextKinds } from "../context.js";
import { attr, descendants, type HElement, htmlToText, type ParsedHtml, type Run, textOf } from "../dom.js";
import type { PageMeta } from "./page.js";
import { squash, titleKey, words } from "./text.js";

/** Longer "titles" are a document swallowed by an unclosed <title> or <h1>, not a headline. */
const MAX_TITLE_CHARS = 300;

/** Headings considered for the title: the headline is among the first few. */
export const MAX_HEADINGS = 10;

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
