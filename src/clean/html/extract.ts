/**
 * The article's text blocks: Mozilla's Readability on a linkedom DOM of the bounded tree, then,
 * when it finds (almost) nothing or fails, the most paragraph-dense container, then every <p>,
 * then every block. Each candidate block is then judged: furniture inside the article (captions,
 * share bars, "Advertisement"), the title, byline and date lines repeated in the body, and the
 * standfirst are not paragraphs.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { MAX_BODY_CHARS } from "../../limits.js";
import type { Kind } from "../text/patterns.js";
import { ContextKinds, textKind } from "./context.js";
import {
  attr,
  BLOCK_TAGS,
  type HElement,
  ID_ATTRIBUTE,
  isInside,
  type ParsedHtml,
  parseHtml,
  type Run,
  serializeBody,
  textRuns,
} from "./dom.js";
import { dateLine, isBylineLine, titleKey, words } from "./metadata.js";

/** Fewer words than this is not an article: the extractor latched onto a teaser or a widget. */
export const MIN_ARTICLE_WORDS = 25;

/**
 * Readability's estimated work (text characters times nesting depth) allowed per page, one to two
 * seconds on a laptop for the worst shapes (long link lists, tag soup). Real pages need one to
 * three million (a long Wikipedia article ten); the rest of a bigger page is reported as not
 * analysed rather than let one input stall the run.
 */
export const READABILITY_COST_BUDGET = 12_000_000;

/**
 * linkedom's DOM costs ~100 bytes of heap per byte of markup: bounds memory where the cost model
 * does not. Twice the largest real page seen (a long Wikipedia article).
 */
export const READABILITY_MAX_HTML_CHARS = 2_000_000;

/**
 * An element holding more than this share of the article's text is the article itself, whatever
 * its class says ("post has-comments"); only smaller parts are judged furniture by their markup.
 */
const FURNITURE_MAX_SHARE = 0.3;

/** The first paragraph this long ends the header zone, where byline and date lines sit. */
const HEADER_PROSE_WORDS = 12;

/** Readability's wrapper (depth 1) is the article, not a part; what it holds is judged by share (above). */
const ARTICLE_WRAPPER_DEPTH = 1;

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

export type Method = "readability" | "container" | "paragraphs" | "blocks";

export interface Extraction {
  method: Method;
  /** Accepted paragraphs in order. */
  paragraphs: Block[];
  /** Blocks accounted for as metadata (title, byline, date and standfirst lines). */
  metadata: Block[];
  /** First page position Readability did not see (cost budget), when it was used and cut. */
  windowEnd: number | null;
  /** The smallest element holding every paragraph, when known. */
  articleRoot: HElement | null;
}

export function extractArticle(parsed: ParsedHtml, runs: readonly Run[], meta: MetaTexts): Extraction {
  const attempts: Extraction[] = [];
  const readability = readabilityBlocks(parsed, runs);
  if (readability !== null) {
    attempts.push(select("readability", readability.blocks, meta, parsed, readability.windowEnd));
  }
  // Readability saw only the start of a huge page: the container found in the whole page may hold more.
  const cut = readability !== null && readability.windowEnd !== null;
  if (cut || !enough(attempts)) {
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
  if (cut && attempts.length === 2 && wordsOf(attempts[1]!) > wordsOf(attempts[0]!)) return attempts[1]!;
  // The first attempt that found an article; else whichever found most.
  const found = attempts.find((a) => wordsOf(a) >= MIN_ARTICLE_WORDS);
  if (found !== undefined) return found;
  let best = attempts[0]!;
  for (const a of attempts) if (wordsOf(a) > wordsOf(best)) best = a;
  return best;
}

function enough(attempts: readonly Extraction[]): boolean {
  return attempts.some((a) => wordsOf(a) >= MIN_ARTICLE_WORDS);
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

/**
 * Readability's article as blocks, each traced back to its page element through ID_ATTRIBUTE, or
 * by its text where Readability re-created the element without attributes (a div holding one
 * wrapped paragraph becomes a bare <p>). Furniture is then judged on the page's own markup.
 */
function readabilityBlocks(
  parsed: ParsedHtml,
  pageRuns: readonly Run[],
): { blocks: Block[]; windowEnd: number | null } | null {
  const { html, windowEnd } = serializeBody(parsed, READABILITY_COST_BUDGET, READABILITY_MAX_HTML_CHARS);
  let content: string | null | undefined;
  try {
    const { document }: { document: unknown } = parseHTML(html);
    const article = new Readability(document, { keepClasses: true, disableJSONLD: true }).parse();
    content = article?.content;
  } catch {
    // Readability and linkedom throw on documents they cannot handle; the fallbacks can.
    return null;
  }
  if (!content) return null;
  const out = parseHtml(content);
  const runs = textRuns(out.root);
  const byText = new Map<string, Run[]>();
  for (const r of pageRuns) {
    const list = byText.get(r.text);
    if (list === undefined) byText.set(r.text, [r]);
    else list.push(r);
  }
  const sources = runs.map((r) => {
    const id = sourceId(r.container, parsed);
    return id !== null ? (parsed.elements[id] ?? null) : (byText.get(r.text)?.shift()?.container ?? null);
  });
  const total = runs.reduce((n, r) => n + r.text.length, 0);
  const onPage = new Map<HElement, number>();
  const inOutput = new Map<HElement, number>();
  runs.forEach((r, i) => {
    for (let e = sources[i] ?? null; e !== null; e = e.parent)
      onPage.set(e, (onPage.get(e) ?? 0) + r.text.length);
    for (let e: HElement | null = r.container; e !== null; e = e.parent) {
      inOutput.set(e, (inOutput.get(e) ?? 0) + r.text.length);
    }
  });
  const large = (share: Map<HElement, number>) => (e: HElement) =>
    (share.get(e) ?? 0) > FURNITURE_MAX_SHARE * total;
  const pageContexts = new ContextKinds(large(onPage));
  const outputContexts = new ContextKinds((e) => e.depth <= ARTICLE_WRAPPER_DEPTH || large(inOutput)(e));
  const blocks = runs.map((r, i) => {
    const source = sources[i] ?? null;
    return {
      text: r.text,
      sourceId: source?.id ?? null,
      context: source !== null ? pageContexts.kindOf(source) : outputContexts.kindOf(r.container),
      preformatted: isPreformatted(source ?? r.container),
    };
  });
  return { blocks, windowEnd };
}

function isPreformatted(container: HElement): boolean {
  for (let e: HElement | null = container; e !== null; e = e.parent)
    if (e.tag === "pre" || e.tag === "code") return true;
  return false;
}

/** The page element a Readability block came from: the nearest tagged ancestor that was a block there. */
function sourceId(container: HElement, parsed: ParsedHtml): number | null {
  for (let e: HElement | null = container; e !== null; e = e.parent) {
    const raw = attr(e, ID_ATTRIBUTE);
    if (raw === null) continue;
    const original = parsed.elements[Number(raw)];
    if (original !== undefined && BLOCK_TAGS.has(original.tag)) return original.id;
  }
  return null;
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
  const paragraphs: Block[] = [];
  const metadata: Block[] = [];
  let headerZone = true;
  let length = 0;
  for (const block of blocks) {
    if (block.context !== null) continue;
    const key = titleKey(block.text);
    const isMeta =
      (titleK !== null && key === titleK) ||
      (dekK !== null && key === dekK) ||
      bylineKeys.has(key) ||
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
    if (words(block.text) >= HEADER_PROSE_WORDS) headerZone = false;
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
