/**
 * Per-element text statistics of the page, in one pass: how much visible text each element holds,
 * how much of it is link text, and the counts the content scorer and the pruner ask about (commas,
 * paragraphs, images, list items, inputs, heading text, list text, embeds). Typed arrays indexed
 * by element id: the pass is linear, and every later question about a subtree is a lookup.
 */
import { BLOCK_TAGS, type HElement, type ParsedHtml } from "./dom.js";

export interface ElementStats {
  /** Visible text length, whitespace runs counted as one character. */
  chars: Float64Array;
  /** The part of `chars` inside <a> elements. */
  linkChars: Float64Array;
  /** Commas in the visible text (Latin, CJK and Arabic commas): a sign of running prose. */
  commas: Float64Array;
  paragraphs: Uint32Array;
  images: Uint32Array;
  listItems: Uint32Array;
  inputs: Uint32Array;
  embeds: Uint32Array;
  /** Text inside h1–h6. */
  headingChars: Float64Array;
  /** Text inside ul/ol. */
  listChars: Float64Array;
  /** Number of block elements among the element's children (a "div as paragraph" has none). */
  blockChildren: Uint32Array;
}

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const LISTS = new Set(["ul", "ol"]);
/** Elements that are media players in the page; their text says nothing. */
const EMBEDS = new Set(["embed", "object", "iframe", "video", "audio"]);
/** Document-level elements that hold metadata, not visible text. */
const NON_CONTENT = new Set(["head", "title", "meta", "link", "base"]);

const COMMA = /[,،、，﹐﹑､]/g;

/** Length of a text with each run of whitespace counted once and the ends trimmed. */
export function collapsedLength(text: string): number {
  let length = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isSpace = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (isSpace) {
      if (!space) length++;
      space = true;
    } else {
      length++;
      space = false;
    }
  }
  return space && length > 0 ? length - 1 : length;
}

export function countCommas(text: string): number {
  COMMA.lastIndex = 0;
  let n = 0;
  while (COMMA.exec(text) !== null) n++;
  return n;
}

export function elementStats(parsed: ParsedHtml): ElementStats {
  const n = parsed.elements.length;
  const s: ElementStats = {
    chars: new Float64Array(n),
    linkChars: new Float64Array(n),
    commas: new Float64Array(n),
    paragraphs: new Uint32Array(n),
    images: new Uint32Array(n),
    listItems: new Uint32Array(n),
    inputs: new Uint32Array(n),
    embeds: new Uint32Array(n),
    headingChars: new Float64Array(n),
    listChars: new Float64Array(n),
    blockChildren: new Uint32Array(n),
  };
  // Ids follow the opening tags in document order, so every child's id is above its parent's:
  // walking ids downwards visits children before parents.
  for (let id = n - 1; id >= 0; id--) {
    const e = parsed.elements[id]!;
    if (e.hidden || NON_CONTENT.has(e.tag)) continue;
    for (const child of e.children) {
      if (child.type === "text") {
        s.chars[id]! += collapsedLength(child.text);
        s.commas[id]! += countCommas(child.text);
      } else if (BLOCK_TAGS.has(child.tag)) {
        s.blockChildren[id]! += 1;
      }
    }
    const tag = e.tag;
    if (tag === "a") s.linkChars[id] = s.chars[id]!;
    else if (tag === "p") s.paragraphs[id]! += 1;
    else if (tag === "img") s.images[id]! += 1;
    else if (tag === "li") s.listItems[id]! += 1;
    else if (tag === "input") s.inputs[id]! += 1;
    else if (EMBEDS.has(tag)) s.embeds[id]! += 1;
    if (HEADINGS.has(tag)) s.headingChars[id] = s.chars[id]!;
    if (LISTS.has(tag)) s.listChars[id] = s.chars[id]!;
    const parent = e.parent;
    if (parent === null) continue;
    const p = parent.id;
    s.chars[p]! += s.chars[id]!;
    s.linkChars[p]! += s.linkChars[id]!;
    s.commas[p]! += s.commas[id]!;
    s.paragraphs[p]! += s.paragraphs[id]!;
    s.images[p]! += s.images[id]!;
    s.listItems[p]! += s.listItems[id]!;
    s.inputs[p]! += s.inputs[id]!;
    s.embeds[p]! += s.embeds[id]!;
    s.headingChars[p]! += s.headingChars[id]!;
    s.listChars[p]! += s.listChars[id]!;
  }
  return s;
}

export function linkDensity(s: ElementStats, e: HElement): number {
  const chars = s.chars[e.id]!;
  return chars === 0 ? 0 : s.linkChars[e.id]! / chars;
}
