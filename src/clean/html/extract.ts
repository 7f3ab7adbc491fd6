/**
 * The article's text blocks. First Readability's content scoring, run on the bounded tree in
 * linear time (score.ts), with its conditional cleaning of the winner (prune.ts); when that finds
 * too little, the same with its stricter filters relaxed one by one, as Readability retries; then
 * the most paragraph-dense container, then every <p>, then every block. Each candidate block is
 * then judged: furniture inside the article (captions, share bars, "Advertisement"), the title,
 * byline and date lines repeated in the body, and the standfirst are not paragraphs.
 */
import { MAX_BODY_CHARS } from "../../limits.js";
import type { Kind } from "../text/patterns.js";
import { ContextKinds, textKind } from "./context.js";
import { attr, type HElement, isInside, MAX_NESTING_DEPTH, type ParsedHtml, type Run } from "./dom.js";
import { isBylineLine } from "./metadata/byline.js";
import { dateLine } from "./metadata/published.js";
import { titleKey, words } from "./metadata/text.js";
import { pruneArticle } from "./prune.js";
import { scoreCandidates, unlikelyElements } from "./score.js";
import { type ElementStats, elementStats, linkDensity } from "./stats.js";

/** Fewer words than this is not an article: the extractor latched onto a teaser or a widget. */
export const MIN_ARTICLE_WORDS = 25;

/**
 * A scored article shorter than this (characters) makes the scorer try again with a filter
 * relaxed (Readability's charThreshold): a short article is more often a filter's mistake than a
 * short article.
 */
const RETRY_BELOW_CHARS = 500;

/** A winner this close to the depth cap sits in markup the cap flattened: its structure says nothing. */
const DEGENERATE_DEPTH_MARGIN = 10;

/** A block more than half link text is a link, not running text, when attempts are compared. */
const PROSE_MAX_LINK_DENSITY = 0.5;

/** The scorer's filters, strictest first; each retry turns one more off (Readability's flags). */
const ATTEMPTS: readonly { skipUnlikely: boolean; weighClasses: boolean; cleanConditionally: boolean }[] = [
  { skipUnlikely: true, weighClasses: true, cleanConditionally: true },
  { skipUnlikely: false, weighClasses: true, cleanConditionally: true },
  { skipUnlikely: false, weighClasses: false, cleanConditionally: true },
  { skipUnlikely: false, weighClasses: false, cleanConditionally: false },
];

/**
 * An element holding more than this share of the article's text is the article itself, whatever
 * its class says ("post has-comments", "read-more-content"); only smaller parts are judged
 * furniture by their markup.
 */
const FURNITURE_MAX_SHARE = 0.3;

/** A repeat of the title or byline on the page is at most this much longer than it (entities, a "By" prefix). */
const KEY_LENGTH_SLACK = 2;

/** The first paragraph this long ends the header zone, where byline and date lines sit. */
const HEADER_PROSE_WORDS = 12;

/** Where a paragraph came from: what it said there, and the page element that held it. */
export interface Block {
  text: string;
  /** Id of the original element holding the text, when known. */
  sourceId: number | null;
  /** Furniture kind told by the markup around the block inside the article, if any. */
  context: Kind | null;
  /** Inside <pre> or <code>: a listing, whatever its characters. */
  preformatted: boolean;
}

export interface MetaTexts {
  title: string | null;
  byline: string | null;
  /** Texts of byline/author elements: they repeat the byline, not the story. */
  bylineElements: readonly string[];
  dek: string | null;
}

export type Method = "scored" | "container" | "paragraphs" | "blocks";

export interface Extraction {
  method: Method;
  /** Accepted paragraphs in order. */
  paragraphs: Block[];
  /** Blocks accounted for as metadata (title, byline, date and standfirst lines). */
  metadata: Block[];
  /** First page position the extraction did not see, when it was cut; null when it saw the whole page. */
  windowEnd: number | null;
  /** The smallest element holding every paragraph, when known. */
  articleRoot: HElement | null;
}

export function extractArticle(parsed: ParsedHtml, pageRuns: readonly Run[], meta: MetaTexts): Extraction {
  const cap = parsed.elementCapPos;
  if (cap !== null) {
    const extraction = extractArticle(
      { ...parsed, elementCapPos: null },
      pageRuns.filter((r) => r.pos < cap),
      meta,
    );
    return { ...extraction, windowEnd: minPos(extraction.windowEnd, cap) };
  }
  const runs = pageRuns;
  const stats = elementStats(parsed);
  const scored = scoredArticle(parsed, runs, meta, stats);
  if (scored?.degenerate) {
    // Markup nested to the tree's depth cap (tags never closed) puts each paragraph inside the
    // previous one: no container holds the article, so the page's blocks, furniture aside, are it.
    return select("blocks", blocksOf(runs, new ContextKinds()), meta, parsed, null);
  }
  const attempts: Extraction[] = scored === null ? [] : [scored.extraction];
  if (!enough(attempts)) {
    const container = bestContainer(parsed, runs);
    if (container !== null) {
      const contexts = new ContextKinds((e) => isInside(container, e));
      const inside = runs.filter((r) => isInside(r.container, container));
      attempts.push(select("container", blocksOf(inside, contexts), meta, parsed, null));
    }
  }
  if (!enough(attempts)) {
    const contexts = new ContextKinds();
    const ps = runs.filter((r) => r.container.tag === "p");
    attempts.push(select("paragraphs", blocksOf(ps, contexts), meta, parsed, null));
  }
  if (!enough(attempts)) {
    attempts.push(select("blocks", blocksOf(runs, new ContextKinds()), meta, parsed, null));
  }
  // The first attempt that found an article; else whichever found most.
  const found = attempts.find((a) => hasWords(a, MIN_ARTICLE_WORDS));
  if (found !== undefined) return found;
  let best = attempts[0]!;
  for (const a of attempts) if (wordsOf(a) > wordsOf(best)) best = a;
  return best;
}

/** The scorer's article, retried with relaxed filters while it is short; the longest result wins. */
function scoredArticle(
  parsed: ParsedHtml,
  runs: readonly Run[],
  meta: MetaTexts,
  stats: ElementStats,
): { extraction: Extraction; degenerate: boolean } | null {
  let unlikely: Uint8Array | null = null;
  let best: Extraction | null = null;
  let bestChars = -1;
  for (const options of ATTEMPTS) {
    if (options.skipUnlikely) unlikely ??= unlikelyElements(parsed);
    const skipped = options.skipUnlikely ? unlikely : null;
    const scored = scoreCandidates(parsed, runs, stats, skipped, options);
    if (scored === null) continue;
    if (scored.top.depth >= MAX_NESTING_DEPTH - DEGENERATE_DEPTH_MARGIN) {
      return { extraction: select("scored", [], meta, parsed, null), degenerate: true };
    }
    const pruned = pruneArticle(parsed, scored.article, stats, scored.scores, options.cleanConditionally);
    const roots = scored.article;
    const inArticle = (e: HElement) => roots.some((root) => isInside(e, root));
    // An element holding much of the article is the article, whatever its class says ("read-more-content").
    const articleChars = roots.reduce((n, root) => n + stats.chars[root.id]!, 0);
    const holdsArticle = (e: HElement) =>
      stats.chars[e.id]! > FURNITURE_MAX_SHARE * articleChars || roots.some((root) => isInside(root, e));
    const inside = runs.filter(
      (r) =>
        pruned[r.container.id] === 0 &&
        (skipped === null || skipped[r.container.id] === 0) &&
        inArticle(r.container),
    );
    const extraction = select("scored", blocksOf(inside, new ContextKinds(holdsArticle)), meta, parsed, null);
    const chars = proseChars(extraction, parsed, stats);
    if (chars > bestChars) {
      best = extraction;
      bestChars = chars;
    }
    if (chars >= RETRY_BELOW_CHARS) break;
  }
  return best === null ? null : { extraction: best, degenerate: false };
}

/**
 * How much running text an attempt holds: blocks that are mostly link text do not count, so a
 * relaxed attempt that only adds a list of headline links never wins over a short article.
 */
function proseChars(extraction: Extraction, parsed: ParsedHtml, stats: ElementStats): number {
  let n = 0;
  for (const p of extraction.paragraphs) {
    const e = p.sourceId === null ? undefined : parsed.elements[p.sourceId];
    if (e === undefined || linkDensity(stats, e) <= PROSE_MAX_LINK_DENSITY) n += p.text.length;
  }
  return n;
}

function minPos(a: number | null, b: number): number {
  return a === null ? b : Math.min(a, b);
}

function enough(attempts: readonly Extraction[]): boolean {
  return attempts.some((a) => hasWords(a, MIN_ARTICLE_WORDS));
}

/** Whether the paragraphs hold at least n words; stops counting once they do. */
function hasWords(extraction: Extraction, n: number): boolean {
  let count = 0;
  for (const p of extraction.paragraphs) {
    count += words(p.text);
    if (count >= n) return true;
  }
  return false;
}

function wordsOf(extraction: Extraction): number {
  let n = 0;
  for (const p of extraction.paragraphs) n += words(p.text);
  return n;
}

function blocksOf(runs: readonly Run[], contexts: ContextKinds): Block[] {
  return runs.map((r) => ({
    text: r.text,
    sourceId: r.container.id,
    context: contexts.kindOf(r.container),
    preformatted: isPreformatted(r.container),
  }));
}

function isPreformatted(container: HElement): boolean {
  for (let e: HElement | null = container; e !== null; e = e.parent)
    if (e.tag === "pre" || e.tag === "code") return true;
  return false;
}

/**
 * The fallback container: the element that directly holds the most paragraph text (a parent's
 * paragraphs count fully, a grandparent's half, as in Readability), unless a semantic article
 * element ([itemprop=articleBody], <article>, <main>) holds enough.
 */
function bestContainer(parsed: ParsedHtml, runs: readonly Run[]): HElement | null {
  const contexts = new ContextKinds();
  const direct = new Map<HElement, number>();
  const under = new Map<HElement, number>();
  for (const r of runs) {
    if (r.container.tag !== "p" || contexts.kindOf(r.container) !== null) continue;
    const n = words(r.text);
    const parent = r.container.parent;
    if (parent !== null) {
      direct.set(parent, (direct.get(parent) ?? 0) + n);
      if (parent.parent !== null) direct.set(parent.parent, (direct.get(parent.parent) ?? 0) + n / 2);
    }
    for (let e: HElement | null = r.container; e !== null; e = e.parent)
      under.set(e, (under.get(e) ?? 0) + n);
  }
  const semantic = parsed.elements.filter(
    (e) =>
      !e.hidden &&
      (/^articlebody$/i.test(attr(e, "itemprop") ?? "") ||
        e.tag === "article" ||
        e.tag === "main" ||
        attr(e, "role") === "main"),
  );
  let best: HElement | null = null;
  for (const e of semantic) {
    if (
      (under.get(e) ?? 0) >= MIN_ARTICLE_WORDS &&
      (best === null || (under.get(e) ?? 0) > (under.get(best) ?? 0))
    ) {
      best = e;
    }
  }
  if (best !== null) return best;
  for (const [e, n] of direct) if (best === null || n > (direct.get(best) ?? 0)) best = e;
  return best;
}

/** Judges each block in order; see the module comment. */
function select(
  method: Method,
  blocks: readonly Block[],
  meta: MetaTexts,
  parsed: ParsedHtml,
  windowEnd: number | null,
): Extraction {
  const titleK = meta.title === null ? null : titleKey(meta.title);
  const dekK = meta.dek === null ? null : titleKey(meta.dek);
  const bylineKeys = new Set(meta.bylineElements.map(titleKey));
  // A block's key is worth computing only when its length is near one of the metadata texts'.
  const keyed = [meta.title, meta.dek, ...meta.bylineElements].filter((t): t is string => t !== null);
  const maxKeyedChars = keyed.reduce((n, t) => Math.max(n, t.length), 0) * KEY_LENGTH_SLACK;
  const paragraphs: Block[] = [];
  const metadata: Block[] = [];
  let headerZone = true;
  let length = 0;
  for (const block of blocks) {
    if (block.context !== null) continue;
    const key = block.text.length <= maxKeyedChars ? titleKey(block.text) : null;
    const isMeta =
      (key !== null &&
        ((titleK !== null && key === titleK) || (dekK !== null && key === dekK) || bylineKeys.has(key))) ||
      (headerZone &&
        ((meta.byline !== null && isBylineLine(block.text, meta.byline)) || dateLine(block.text) !== null));
    if (isMeta) {
      metadata.push(block);
      continue;
    }
    const kind = textKind(block.text);
    // Code listings in an article look like serialized data, and are the article.
    if (kind !== null && !(kind === "data-dump" && block.preformatted)) continue;
    paragraphs.push(block);
    if (headerZone && words(block.text) >= HEADER_PROSE_WORDS) headerZone = false;
    // The body is cut at MAX_BODY_CHARS anyway; one paragraph past it tells the cut where it falls.
    length += block.text.length + 2;
    if (length > MAX_BODY_CHARS) break;
  }
  return { method, paragraphs, metadata, windowEnd, articleRoot: commonAncestor(paragraphs, parsed) };
}

function commonAncestor(blocks: readonly Block[], parsed: ParsedHtml): HElement | null {
  let common: HElement | null = null;
  for (const b of blocks) {
    const e = b.sourceId === null ? undefined : parsed.elements[b.sourceId];
    if (e === undefined) continue;
    if (common === null) {
      common = e;
      continue;
    }
    while (common !== null && !isInside(e, common)) common = common.parent;
  }
  return common;
}
