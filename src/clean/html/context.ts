/**
 * What kind of page furniture a block is, told by the markup around it (a <nav>, a class
 * "comments", a <figcaption>) or, failing that, by its text alone through the flattened-text
 * cleaner's line patterns, so both cleaners speak one vocabulary of removed kinds.
 */

import { features } from "../text/lines.js";
import type { Kind } from "../text/patterns.js";
import { kindAlone } from "../text/patterns.js";
import { collapseSpaces, type Line } from "../text/prepare.js";
import { attr, type HElement } from "./dom.js";

/**
 * Class and id words, each rule matched against whole words of them (class "ad-slot" is words
 * "ad slot"), so "head", "shadow" or "download" never read as "ad". Order matters: the first rule
 * an element matches names it.
 */
const CLASS_RULES: readonly { kind: Kind; words: RegExp }[] = [
  { kind: "comments", words: /\b(?:comments?|commentlist|disqus|respond|replies|reply)\b/ },
  { kind: "cookie-banner", words: /\b(?:cookies?|consent|gdpr|cmp)\b/ },
  { kind: "newsletter", words: /\b(?:newsletters?|subscribe|subscription|signup|sign up)\b/ },
  {
    kind: "navigation",
    words: /\b(?:nav|navbar|navigation|menu|menus|breadcrumbs?|topnav|subnav|pagination)\b/,
  },
  {
    kind: "related-links",
    words:
      /\b(?:related|recommended|recommendations|more stories|read more|readmore|also read|read next|outbrain|taboola|most popular|most read|most viewed|most shared|popular posts|trending)\b/,
  },
  {
    kind: "caption",
    words: /\b(?:caption|captions|figcaption|credit|credits|slideshow|gallery|carousel|lightbox)\b/,
  },
  { kind: "widget", words: /\b(?:share|shares|sharing|sharebar|social|sharethis|addthis)\b/ },
  {
    kind: "advertisement",
    words:
      /\b(?:ad|ads|adv|advert|adverts|advertising|advertisement|adsbygoogle|adslot|adunit|adbox|sponsor|sponsored|promo|promoted|dfp)\b/,
  },
  {
    kind: "author-bio",
    words: /\b(?:bio|author bio|author info|about author|about the author|author box)\b/,
  },
];

/**
 * WordPress and similar write taxonomy into classes ("tag-advertising", "category-menu"): words of
 * the site's vocabulary, not of the element's role.
 */
const TAXONOMY_CLASS = /^(?:tag|category|categories|format|status|type|postid|topic|section)-/;

/**
 * State modifiers say what an element has or lacks, not what it is: "no-caption", "has-comments",
 * "with-sidebar", "is-sticky".
 */
const STATE_CLASS = /^(?:no|has|with|without|is|show|hide|hidden)[-_]/;

/**
 * Class names and ids of more words than this are slugs of headings ("sharing-with-a-single-
 * developer"), not names of page parts.
 */
const MAX_CLASS_WORDS = 4;

const ROLE_KINDS: Readonly<Record<string, Kind>> = {
  navigation: "navigation",
  search: "navigation",
  menu: "navigation",
  menubar: "navigation",
  contentinfo: "boilerplate",
  complementary: "related-links",
};

const TAG_KINDS: Readonly<Record<string, Kind>> = {
  nav: "navigation",
  footer: "boilerplate",
  aside: "related-links",
  figcaption: "caption",
  // A figure's words are its caption, credit and labels ("Photo", "1 / 5"), never the story.
  figure: "caption",
};

/** Each element's own kind, once: every ContextKinds of a page (one per extraction attempt) asks. */
const ownKinds = new WeakMap<HElement, Kind | null>();

/** The element's own kind from its tag, role, itemprop, class and id; null when it says nothing. */
export function ownKind(element: HElement): Kind | null {
  const known = ownKinds.get(element);
  if (known !== undefined) return known;
  const kind = ownKindOf(element);
  ownKinds.set(element, kind);
  return kind;
}

function ownKindOf(element: HElement): Kind | null {
  // The page-wide wrappers carry classes about the whole page ("single-post has-comments").
  if (element.tag === "html" || element.tag === "body" || element.tag === "#root") return null;
  const byTag = TAG_KINDS[element.tag];
  if (byTag !== undefined) return byTag;
  const role = attr(element, "role")?.toLowerCase();
  if (role !== undefined) {
    const byRole = ROLE_KINDS[role];
    if (byRole !== undefined) return byRole;
  }
  if (attr(element, "itemprop")?.toLowerCase() === "comment") return "comments";
  const words = classWords(element);
  if (words === "") return null;
  for (const rule of CLASS_RULES) if (rule.words.test(words)) return rule.kind;
  return null;
}

/** Class and id split into lower-case words: "commentList share_bar" → " comment list share bar ". */
export function classWords(element: HElement): string {
  const known = classWordsMemo.get(element);
  if (known !== undefined) return known;
  const words = classWordsOf(element);
  classWordsMemo.set(element, words);
  return words;
}

/** Markup names are read by the context rules and the metadata scan alike: split once per element. */
const classWordsMemo = new WeakMap<HElement, string>();

function classWordsOf(element: HElement): string {
  const cls = element.attrs.class;
  const id = element.attrs.id;
  if (!cls && !id) return "";
  const raw = `${cls ?? ""} ${id ?? ""}`;
  const tokens: string[] = [];
  for (const t of raw.split(/\s+/)) {
    if (t === "") continue;
    const lower = t.toLowerCase();
    if (TAXONOMY_CLASS.test(lower) || STATE_CLASS.test(lower)) continue;
    const split = SPLIT_CLASS.test(t)
      ? t
          .replace(/([a-z])([A-Z])/g, "$1 $2")
          .replace(/[-_]+/g, " ")
          .toLowerCase()
      : lower;
    if (split.split(" ").length <= MAX_CLASS_WORDS) tokens.push(split);
  }
  return ` ${tokens.join(" ")} `;
}

/** A class token that needs splitting into words: camelCase, hyphens or underscores. */
const SPLIT_CLASS = /[a-z][A-Z]|[-_]/;

/**
 * The kind an element's place in the page gives it: the innermost furniture ancestor names it,
 * except that anything inside a comment thread is the thread ("comments", or "reply-form" inside
 * a form there), since threads carry their own share buttons and menus. Memoised per element, so a
 * walk over every block costs one step per element.
 */
export class ContextKinds {
  private readonly memo = new Map<HElement, { kind: Kind | null; inForm: boolean; inComments: boolean }>();

  /** `ignored` elements (those holding the article itself) say nothing about what lies inside them. */
  constructor(private readonly ignored: (element: HElement) => boolean = () => false) {}

  kindOf(element: HElement): Kind | null {
    return this.resolve(element).kind;
  }

  private resolve(element: HElement): { kind: Kind | null; inForm: boolean; inComments: boolean } {
    // Collect the unresolved ancestors first, then resolve top-down: no recursion.
    const chain: HElement[] = [];
    for (let e: HElement | null = element; e !== null && !this.memo.has(e); e = e.parent) chain.push(e);
    for (let i = chain.length - 1; i >= 0; i--) {
      const e = chain[i]!;
      const parent = e.parent === null ? undefined : this.memo.get(e.parent);
      let kind = parent?.kind ?? null;
      const inForm = (parent?.inForm ?? false) || e.tag === "form";
      let inComments = parent?.inComments ?? false;
      const own = this.ignored(e) ? null : ownKind(e);
      if (own === "comments") inComments = true;
      if (inComments) kind = inForm ? "reply-form" : "comments";
      else if (own !== null) kind = own;
      this.memo.set(e, { kind, inForm, inComments });
    }
    return this.memo.get(element)!;
  }
}

/**
 * Blocks longer than this are prose or data, never a stock phrase of furniture (those are a few
 * words): the full line features are only computed for shorter blocks.
 */
const FURNITURE_MAX_CHARS = 300;
/** Serialized data is dense in these; prose, even quote-heavy prose, is not. */
const STRUCTURE = /[{}[\]":,<>=;]/g;
const DUMP_MIN_STRUCTURE_SHARE = 0.12;
const STRUCTURE_SAMPLE_CHARS = 2_000;

/**
 * Page furniture repeats within a page and across a site ("Share", "Advertisement", menu items):
 * the verdicts on recent short texts are kept. A pure function's memo: outputs do not change.
 */
const TEXT_KIND_MEMO_SIZE = 4_096;
const textKindMemo = new Map<string, Kind | null>();

/** The kind of a block judged by its words alone, with the text cleaner's rules for a line. */
export function textKind(text: string): Kind | null {
  if (text.length > FURNITURE_MAX_CHARS) {
    const sample = text.slice(0, STRUCTURE_SAMPLE_CHARS);
    const structure = sample.match(STRUCTURE)?.length ?? 0;
    return structure / sample.length >= DUMP_MIN_STRUCTURE_SHARE ? fullTextKind(text) : null;
  }
  const known = textKindMemo.get(text);
  if (known !== undefined) return known;
  const kind = fullTextKind(text);
  if (textKindMemo.size >= TEXT_KIND_MEMO_SIZE) textKindMemo.clear();
  textKindMemo.set(text, kind);
  return kind;
}

function fullTextKind(text: string): Kind | null {
  const line: Line = {
    index: 0,
    raw: text,
    text: collapseSpaces(text),
    indent: 0,
    blankBefore: false,
    continues: false,
  };
  return kindAlone(line, features(line));
}
