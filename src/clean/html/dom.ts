/**
 * The page as a small, bounded tree: parsed once with htmlparser2 (a streaming tokenizer, so no
 * recursion however deep the markup), with script-like subtrees dropped, nesting and element
 * count capped, and every later walk iterative, so no page, however deep or large, costs more
 * than one pass per question asked of it.
 */
import { Parser } from "htmlparser2";
import { collapseSpaces } from "../text/prepare.js";

/**
 * Elements nested deeper than this are flattened into their ancestor at this depth (their text
 * kept, their tags dropped). Real pages stay near 40 levels; every upward walk (a block to its
 * ancestors) costs the depth, so the cap bounds them all.
 */
export const MAX_NESTING_DEPTH = 100;

/**
 * Elements beyond this count are flattened the same way: bounds the tree's memory on an 8 MB page
 * of tiny tags, while any real page (a few thousand elements) stays whole.
 */
export const MAX_ELEMENTS = 200_000;

/** Attribute values longer than this are dropped: serialized app state, not anything we read. */
const MAX_ATTRIBUTE_CHARS = 4_096;

/** JSON-LD beyond this (per page) is not read: metadata is a few kilobytes; the rest is catalogue dumps. */
const MAX_JSON_LD_CHARS = 1_000_000;

/** Subtrees whose text no reader sees as page text. */
const SKIPPED_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "iframe",
  "noembed",
  "noframes",
  "object",
  "canvas",
  "xmp",
  "plaintext",
]);

/** Document-level elements that hold metadata, not visible text. */
const NON_CONTENT_TAGS = new Set(["head", "title", "meta", "link", "base"]);

/** Elements that start and end a text block: their boundaries split text runs. */
export const BLOCK_TAGS = new Set([
  "#root",
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "frameset",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "legend",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "optgroup",
  "option",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

/** Inline controls that render apart from their neighbours ("Comment" label, then a button "Post"). */
const SPACED_INLINE_TAGS = new Set(["button", "label", "input", "select", "textarea", "img"]);

const VOID_TAGS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

/** Tag names of well-formed markup; anything else is junk a scraper or an attacker left. */
const SAFE_TAG = /^[a-z][a-z0-9-]*$/;

/**
 * The attributes any stage reads (roles and names of page parts, metadata, dates, links, table
 * hints); the rest (styles, data-*, srcset, handlers) cost memory on every element and say
 * nothing the cleaner uses. Visibility is read from the raw attributes before they are dropped.
 */
const KEPT_ATTRIBUTES = new Set([
  "class",
  "id",
  "role",
  "itemprop",
  "itemtype",
  "content",
  "property",
  "name",
  "http-equiv",
  "lang",
  "xml:lang",
  "rel",
  "href",
  "datetime",
  "pubdate",
  "title",
  "summary",
  "datatable",
]);
/** C0/C1 controls other than whitespace: binary junk a decoder let through. */
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

export interface HElement {
  readonly type: "element";
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly parent: HElement | null;
  readonly children: HNode[];
  /** Index in ParsedHtml.elements: document order of the opening tag. */
  readonly id: number;
  readonly depth: number;
  /** Position among all nodes (elements and texts) in document order. */
  readonly pos: number;
  /** Hidden by the page itself (hidden, aria-hidden, inline display:none): not page text. */
  readonly hidden: boolean;
}

export interface HText {
  readonly type: "text";
  text: string;
  readonly parent: HElement;
  readonly pos: number;
}

export type HNode = HElement | HText;

export interface ParsedHtml {
  root: HElement;
  /** Every element, indexed by id. */
  elements: HElement[];
  /** Raw text of each <script type="application/ld+json">. */
  jsonLd: string[];
  /**
   * Position of the first node past MAX_ELEMENTS, when the page had that many: the rest of the page
   * is flattened text without structure, reported rather than taken for article.
   */
  elementCapPos: number | null;
}

type Frame = { kind: "element"; element: HElement } | { kind: "skip" } | { kind: "flat"; block: boolean };

/**
 * htmlparser2 keeps its open elements in an array it shifts at the front, so each open tag costs
 * the current depth: 1.6 million unclosed <div>s (8 MB) would take hours. Opening tags beyond this
 * depth are dropped before the parser sees them (their text stays); no real page comes near it.
 */
const MAX_PARSER_DEPTH = 1_000;

/**
 * A Parser that ignores opening tags while `tooDeep()`; their closing tags then match nothing
 * deeper. A dropped tag still separates words (`onDrop`), as the block it may have been would.
 */
class BoundedParser extends Parser {
  constructor(
    private readonly tooDeep: () => boolean,
    private readonly onDrop: () => void,
    ...args: ConstructorParameters<typeof Parser>
  ) {
    super(...args);
  }

  override onopentagname(start: number, endIndex: number): void {
    if (this.tooDeep()) this.onDrop();
    else super.onopentagname(start, endIndex);
  }
}

/** Never throws: htmlparser2 accepts any string, and every callback here is total. */
export function parseHtml(html: string): ParsedHtml {
  let nextPos = 0;
  const root: HElement = {
    type: "element",
    tag: "#root",
    attrs: {},
    parent: null,
    children: [],
    id: 0,
    depth: 0,
    pos: nextPos++,
    hidden: false,
  };
  const elements: HElement[] = [root];
  const jsonLd: string[] = [];
  let jsonLdChars = 0;
  const frames: Frame[] = [];
  let current = root;
  let skipping = 0;
  let jsonBuffer: string[] | null = null;
  let elementCapPos: number | null = null;

  const appendText = (text: string) => {
    const last = current.children[current.children.length - 1];
    // Text past the element cap starts a node of its own, so its position says where the cap fell.
    if (last !== undefined && last.type === "text" && !(elementCapPos !== null && last.pos < elementCapPos))
      last.text += text;
    else current.children.push({ type: "text", text, parent: current, pos: nextPos++ });
  };

  const parser = new BoundedParser(
    () => frames.length >= MAX_PARSER_DEPTH,
    () => {
      if (skipping === 0) appendText(" ");
    },
    {
      onopentag(name, attribs) {
        if (skipping > 0) {
          skipping += 1;
          frames.push({ kind: "skip" });
          return;
        }
        if (SKIPPED_TAGS.has(name)) {
          skipping = 1;
          frames.push({ kind: "skip" });
          if (name === "script" && /ld\+json/i.test(attribs.type ?? "")) jsonBuffer = [];
          return;
        }
        if (elements.length >= MAX_ELEMENTS) elementCapPos ??= nextPos;
        if (current.depth >= MAX_NESTING_DEPTH || elements.length >= MAX_ELEMENTS || !SAFE_TAG.test(name)) {
          const block = BLOCK_TAGS.has(name) || name === "br";
          // Keep words apart where a dropped block boundary separated them.
          if (block) appendText(" ");
          frames.push({ kind: "flat", block });
          return;
        }
        const attrs: Record<string, string> = {};
        for (const key in attribs) {
          if (!KEPT_ATTRIBUTES.has(key)) continue;
          const value = attribs[key]!;
          if (value.length <= MAX_ATTRIBUTE_CHARS) attrs[key] = value;
        }
        const element: HElement = {
          type: "element",
          tag: name,
          attrs,
          parent: current,
          children: [],
          id: elements.length,
          depth: current.depth + 1,
          pos: nextPos++,
          hidden: current.hidden || isHiddenByAttributes(attribs),
        };
        elements.push(element);
        current.children.push(element);
        frames.push({ kind: "element", element });
        if (!VOID_TAGS.has(name)) current = element;
      },
      onclosetag(name) {
        const frame = frames.pop();
        if (frame === undefined) return;
        if (frame.kind === "skip") {
          skipping -= 1;
          if (skipping === 0 && jsonBuffer !== null) {
            const text = jsonBuffer.join("");
            if (jsonLdChars + text.length <= MAX_JSON_LD_CHARS) {
              jsonLd.push(text);
              jsonLdChars += text.length;
            }
            jsonBuffer = null;
          }
        } else if (frame.kind === "flat") {
          if (frame.block) appendText(" ");
        } else if (!VOID_TAGS.has(name) && frame.element === current && current.parent !== null) {
          current = current.parent;
        }
      },
      ontext(data) {
        if (skipping > 0) {
          if (jsonBuffer !== null) jsonBuffer.push(data);
          return;
        }
        appendText(data);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { root, elements, jsonLd, elementCapPos };
}

function isHiddenByAttributes(attribs: Record<string, string>): boolean {
  if (attribs.hidden !== undefined) return true;
  // Readability keeps "fallback-image" aria-hidden nodes; so do we, to agree with it.
  if (attribs["aria-hidden"] === "true" && !(attribs.class ?? "").includes("fallback-image")) return true;
  const style = attribs.style;
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style);
}

export function attr(element: HElement, name: string): string | null {
  return Object.hasOwn(element.attrs, name) ? (element.attrs[name] ?? null) : null;
}

/** Text of a subtree (hidden parts included when asked), whitespace collapsed. Iterative. */
export function textOf(element: HElement, includeHidden = false): string {
  const parts: string[] = [];
  const stack: HNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "text") {
      parts.push(node.text);
      continue;
    }
    if (node.hidden && !includeHidden) continue;
    if (node.tag === "br" || BLOCK_TAGS.has(node.tag)) parts.push(" ");
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return cleanText(parts.join(""));
}

export function cleanText(text: string): string {
  return collapseSpaces(text.replace(CONTROL_CHARS, ""));
}

/** Every element of a subtree in document order, the root included. Iterative. */
export function* descendants(element: HElement): Generator<HElement> {
  const stack: HElement[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i]!;
      if (child.type === "element") stack.push(child);
    }
  }
}

export function isInside(element: HElement, ancestor: HElement): boolean {
  for (let e: HElement | null = element; e !== null; e = e.parent) if (e === ancestor) return true;
  return false;
}

/** One block of visible text: the inline content between two block boundaries. */
export interface Run {
  /** Whitespace collapsed, never empty. */
  text: string;
  /** Innermost block element around the text. */
  container: HElement;
  /** Document position of the run's first text. */
  pos: number;
  /** Document position of the run's last text. */
  lastPos: number;
}

/**
 * The visible text of a tree as runs, in document order. Two or more <br> in a row also end a run:
 * pages (and Readability) use them as paragraph breaks.
 */
export function textRuns(root: HElement): Run[] {
  const runs: Run[] = [];
  let parts: string[] = [];
  let runPos = -1;
  let lastPos = -1;
  let container = root;
  let brInRow = 0;
  const flush = () => {
    if (parts.length > 0) {
      const text = cleanText(parts.join(""));
      if (text !== "") runs.push({ text, container, pos: runPos, lastPos });
    }
    parts = [];
    runPos = -1;
    brInRow = 0;
  };
  // Each frame: an element and the index of its next child; exiting a block flushes.
  const stack: { element: HElement; next: number; block: boolean }[] = [];
  const enter = (element: HElement) => {
    const block = BLOCK_TAGS.has(element.tag);
    if (block) {
      flush();
      container = element;
    } else if (SPACED_INLINE_TAGS.has(element.tag)) parts.push(" ");
    stack.push({ element, next: 0, block });
  };
  enter(root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const child = frame.element.children[frame.next];
    if (child === undefined) {
      stack.pop();
      if (frame.block) {
        flush();
        container = nearestBlock(frame.element.parent) ?? root;
      } else if (SPACED_INLINE_TAGS.has(frame.element.tag)) parts.push(" ");
      continue;
    }
    frame.next += 1;
    if (child.type === "text") {
      if (runPos < 0) runPos = child.pos;
      lastPos = child.pos;
      parts.push(child.text);
      if (/\S/.test(child.text)) brInRow = 0;
      continue;
    }
    if (child.hidden || NON_CONTENT_TAGS.has(child.tag)) continue;
    if (child.tag === "br") {
      brInRow += 1;
      if (brInRow >= 2) flush();
      else parts.push(" ");
      continue;
    }
    enter(child);
  }
  flush();
  return runs;
}

export function nearestBlock(element: HElement | null): HElement | null {
  for (let e = element; e !== null; e = e.parent) if (BLOCK_TAGS.has(e.tag)) return e;
  return null;
}

/** Decodes entities and drops tags in a metadata string (JSON-LD values often carry "&amp;" or "<b>"). */
export function htmlToText(fragment: string): string {
  if (!/[<&]/.test(fragment)) return cleanText(fragment);
  return textOf(parseHtml(fragment).root);
}
