import { classWords } from "../context.js";
import { attr, type HElement, htmlToText, textOf } from "../dom.js";
import type { PageMeta } from "./page.js";
import { dateLine } from "./published.js";
import { titleKey, words } from "./text.js";

/** A standfirst says something (more than a label) and is shorter than a paragraph run-on. */
const DEK_MIN_WORDS = 4;
const DEK_MAX_WORDS = 80;
/** Elements after the h1 looked at for a standfirst: it sits right under the headline. */
const DEK_SIBLINGS = 3;

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
