/**
 * HTML to text with block boundaries kept: every block element starts and ends a line, so words
 * on either side of a boundary (`<p>end</p><p>Start</p>`) never fuse into one token, while inline
 * markup (`<b>`, `<a>`, `<span>`) never splits a word. Used for the gold text (expected.html), for
 * Readability's `content`, and, with a different skip rule, by the naive flattener (flatten.ts).
 */
import { Parser } from "htmlparser2";

/**
 * Elements that start and end a line. The CSS block-level (and table, list) elements of the
 * HTML rendering section, plus media and form controls whose text sits apart from the flow.
 */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  "address",
  "article",
  "aside",
  "audio",
  "blockquote",
  "body",
  "canvas",
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
  "noscript",
  "ol",
  "optgroup",
  "option",
  "p",
  "pre",
  "section",
  "select",
  "summary",
  "table",
  "tbody",
  "td",
  "textarea",
  "tfoot",
  "th",
  "thead",
  "title",
  "tr",
  "ul",
  "video",
]);

/** A line break inside a block: the text after it goes on the next line of the same block. */
const LINE_BREAK_ELEMENT = "br";

/** Inside these, source newlines are the text's own line breaks and are kept. */
const PREFORMATTED_ELEMENTS: ReadonlySet<string> = new Set(["pre", "listing", "plaintext", "xmp"]);

/**
 * Never rendered as text in a browser: code, style sheets, inert templates, and the raw-text
 * fallback of frames and embeds (htmlparser2 reads an iframe's content as text, a browser
 * ignores it). Dropped from every text this module produces.
 */
export const NON_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  "script",
  "style",
  "template",
  "iframe",
  "noembed",
  "noframes",
]);

export type Attributes = Readonly<Record<string, string>>;

/** Decides whether an element and everything inside it is left out of the text. */
export type SkipRule = (name: string, attribs: Attributes) => boolean;

export const skipNonText: SkipRule = (name) => NON_TEXT_ELEMENTS.has(name);

/** Marks a `<br>` in the running text of a block until the block is flushed. */
const BREAK_MARK = "\n";

/**
 * The blocks of an HTML text, in document order: each block's lines (a `<br>` or a newline in
 * `<pre>` starts a line) joined by "\n", whitespace collapsed and trimmed, empty lines and empty
 * blocks dropped.
 */
export function htmlBlocks(html: string, skip: SkipRule = skipNonText): string[] {
  const blocks: string[] = [];
  let pieces: string[] = [];
  /** One entry per open element: whether it was skipped (so its close restores the state). */
  const skipped: boolean[] = [];
  let skipDepth = 0;
  let preDepth = 0;

  const flush = () => {
    if (pieces.length === 0) return;
    const lines = pieces
      .join("")
      .split(BREAK_MARK)
      .map((line) => line.replace(/\s+/g, " ").trim())
      .filter((line) => line !== "");
    pieces = [];
    if (lines.length > 0) blocks.push(lines.join("\n"));
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const skipHere = skipDepth > 0 || skip(name, attribs);
        skipped.push(skipHere);
        if (skipHere) {
          skipDepth++;
          return;
        }
        if (PREFORMATTED_ELEMENTS.has(name)) preDepth++;
        if (name === LINE_BREAK_ELEMENT) pieces.push(BREAK_MARK);
        else if (BLOCK_ELEMENTS.has(name)) flush();
      },
      onclosetag(name) {
        // htmlparser2 closes every element it opened (implied closes included), so the stack
        // stays balanced; the guard only protects against a parser change.
        const wasSkipped = skipped.pop() ?? false;
        if (wasSkipped) {
          skipDepth--;
          return;
        }
        if (PREFORMATTED_ELEMENTS.has(name)) preDepth--;
        if (BLOCK_ELEMENTS.has(name)) flush();
      },
      ontext(text) {
        if (skipDepth > 0) return;
        // Outside <pre> a newline is just a space; inside, it is a line of the text.
        pieces.push(preDepth > 0 ? text : text.replace(/\s+/g, " "));
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}

/** The text of an HTML document or fragment, one block per line: the gold side of the metric. */
export function htmlToBlockText(html: string): string {
  return htmlBlocks(html).join("\n");
}
