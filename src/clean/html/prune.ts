/**
 * What inside the article's container is still not the article: Readability's "clean
 * conditionally" on the bounded tree. A table, list, section or div that holds few commas (so
 * little prose) goes when its shape says furniture: more images than paragraphs (a gallery strip),
 * more list items than paragraphs (a link list), input fields (a form), too many links for its
 * weight, or a lone embed. Data tables stay whole. Elements that are never article text in any
 * article (forms, buttons, asides, navigation) go whatever their shape.
 */
import type { HElement, ParsedHtml } from "./dom.js";
import { classWeight } from "./score.js";
import { type ElementStats, linkDensity } from "./stats.js";

/** Elements judged by their shape. */
const CONDITIONAL_TAGS = new Set([
  "div",
  "section",
  "table",
  "ul",
  "ol",
  "form",
  "fieldset",
  "header",
  "aside",
]);
/** Elements never part of an article's text. */
const ALWAYS_PRUNED = new Set([
  "form",
  "fieldset",
  "object",
  "embed",
  "footer",
  "aside",
  "iframe",
  "input",
  "textarea",
  "select",
  "button",
  "nav",
]);
/** This many commas mark prose: such an element stays whatever else it holds. */
const PROSE_COMMAS = 10;
/** A list whose text is nearly all list text is a list, not a container that happens to hold one. */
const LIST_TEXT_SHARE = 0.9;
/** Below this many characters a non-list block with no or many images is a stray label. */
const STRAY_BLOCK_CHARS = 25;
/** Heading-heavy blocks (a section header) are not strays even when short. */
const HEADING_SHARE = 0.9;
/** Link density allowed in a block without a strong content class, and with one. */
const MAX_LINK_DENSITY = 0.2;
const MAX_LINK_DENSITY_WEIGHTED = 0.5;
/** A class weight this high says content outright (Readability's positive class). */
const STRONG_WEIGHT = 25;
/** One embed with less text than this is a player, not a passage. */
const EMBED_MAX_CHARS = 75;
/** Elements with class or id words like "share" and little text are share bars. */
const SHARE_NAME = /share|sharedaddy/i;
const SHARE_MAX_CHARS = 500;

/**
 * Elements under the article roots that are not article text. Judged bottom-up in document order
 * reversed, as Readability does, so an inner gallery goes before its wrapper is weighed.
 */
export function pruneArticle(
  parsed: ParsedHtml,
  roots: readonly HElement[],
  stats: ElementStats,
  scores: Float64Array,
  cleanConditionally: boolean,
): Uint8Array {
  const pruned = new Uint8Array(parsed.elements.length);
  for (const root of roots) {
    const first = root.id;
    const last = lastDescendantId(root);
    const inDataTable = dataTableMembers(parsed, first, last);
    for (let id = last; id >= first; id--) {
      const e = parsed.elements[id]!;
      if (e === root || inDataTable[id - first] === 1) continue;
      if (shouldPrune(e, stats, scores, cleanConditionally)) pruned[id] = 1;
    }
  }
  // Inside a pruned element is pruned: parents precede children in id order.
  for (const e of parsed.elements) if (e.parent !== null && pruned[e.parent.id] === 1) pruned[e.id] = 1;
  return pruned;
}

/**
 * Readability's test for a table of data (kept whole) rather than a table used for layout: it
 * says so (summary, caption, header cells, column groups), or it is big enough to be a grid.
 */
export function isDataTable(table: HElement): boolean {
  const role = table.attrs.role;
  if (role === "presentation" || table.attrs.datatable === "0") return false;
  if (table.attrs.summary) return true;
  let rows = 0;
  let columns = 0;
  const stack = [...table.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== "element") continue;
    if (DATA_TABLE_MARKERS.has(node.tag)) return true;
    if (node.tag === "caption" && node.children.length > 0) return true;
    if (node.tag === "table") return false;
    if (node.tag === "tr") {
      rows += 1;
      let cells = 0;
      for (const c of node.children) if (c.type === "element" && (c.tag === "td" || c.tag === "th")) cells++;
      columns = Math.max(columns, cells);
    }
    for (const c of node.children) stack.push(c);
  }
  if (rows === 1 || columns === 1) return false;
  return (
    rows >= DATA_TABLE_MIN_ROWS || columns > DATA_TABLE_MIN_COLUMNS || rows * columns > DATA_TABLE_MIN_CELLS
  );
}

/** Elements that only tables of data carry. */
const DATA_TABLE_MARKERS = new Set(["col", "colgroup", "tfoot", "thead", "th"]);
/** Grids this large are data whatever their markup. */
const DATA_TABLE_MIN_ROWS = 10;
const DATA_TABLE_MIN_COLUMNS = 4;
const DATA_TABLE_MIN_CELLS = 10;

/** Marks (by id − first) the elements in [first, last] that are data tables or inside one. */
function dataTableMembers(parsed: ParsedHtml, first: number, last: number): Uint8Array {
  const marks = new Uint8Array(last - first + 1);
  for (let id = first; id <= last; id++) {
    const e = parsed.elements[id]!;
    const parent = e.parent;
    if (parent !== null && parent.id >= first && marks[parent.id - first] === 1) marks[id - first] = 1;
    else if (e.tag === "table" && isDataTable(e)) marks[id - first] = 1;
  }
  return marks;
}

function lastDescendantId(e: HElement): number {
  let last: HElement = e;
  for (;;) {
    let next: HElement | null = null;
    for (let i = last.children.length - 1; i >= 0; i--) {
      const c = last.children[i]!;
      if (c.type === "element") {
        next = c;
        break;
      }
    }
    if (next === null) return last.id;
    last = next;
  }
}

function shouldPrune(e: HElement, stats: ElementStats, scores: Float64Array, conditional: boolean): boolean {
  if (ALWAYS_PRUNED.has(e.tag)) return true;
  const chars = stats.chars[e.id]!;
  const names = `${e.attrs.class ?? ""} ${e.attrs.id ?? ""}`;
  if (SHARE_NAME.test(names) && chars < SHARE_MAX_CHARS) return true;
  if ((e.tag === "h2" || e.tag === "h3") && classWeight(e) < 0) return true;
  if (!conditional || !CONDITIONAL_TAGS.has(e.tag)) return false;
  const weight = classWeight(e);
  // A list's own score is its base penalty plus its items' votes; short lists of facts score
  // below zero without being furniture, so only its class speaks here.
  const score = e.tag === "ul" || e.tag === "ol" ? 0 : scores[e.id]!;
  if (weight + score < 0) return true;
  if (stats.commas[e.id]! >= PROSE_COMMAS) return false;
  const isList =
    e.tag === "ul" || e.tag === "ol" || (chars > 0 && stats.listChars[e.id]! / chars > LIST_TEXT_SHARE);
  const p = stats.paragraphs[e.id]!;
  const img = stats.images[e.id]!;
  const li = stats.listItems[e.id]! - 100;
  const input = stats.inputs[e.id]!;
  const embeds = stats.embeds[e.id]!;
  const headingShare = chars === 0 ? 0 : stats.headingChars[e.id]! / chars;
  const density = linkDensity(stats, e);
  const inFigure = hasAncestor(e, "figure");
  return (
    (img > 1 && p / img < 0.5 && !inFigure) ||
    (!isList && li > p) ||
    input > Math.floor(p / 3) ||
    (!isList &&
      headingShare < HEADING_SHARE &&
      chars < STRAY_BLOCK_CHARS &&
      (img === 0 || img > 2) &&
      !inFigure) ||
    (!isList && weight < STRONG_WEIGHT && density > MAX_LINK_DENSITY) ||
    (weight >= STRONG_WEIGHT && density > MAX_LINK_DENSITY_WEIGHTED) ||
    (embeds === 1 && chars < EMBED_MAX_CHARS) ||
    embeds > 1
  );
}

function hasAncestor(e: HElement, tag: string): boolean {
  for (let a = e.parent; a !== null; a = a.parent) if (a.tag === tag) return true;
  return false;
}
