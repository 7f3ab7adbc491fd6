import { attr, htmlToText, type ParsedHtml, textOf } from "../dom.js";

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

export function first(values: readonly string[]): string | null {
  for (const v of values) {
    const t = htmlToText(v);
    if (t !== "") return t;
  }
  return null;
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
