/**
 * A page flattened "as a naive scraper would": all the text a reader could see, each block on
 * its own line with a blank line between blocks, inline text kept together. No boilerplate
 * removal at all: menus, comments and footers stay in, which is exactly what the text path of
 * the clean stage exists to sort out. No CSS is evaluated (a naive scraper has none), so only
 * markup that is never shown is dropped.
 */
import { type Attributes, htmlBlocks, NON_TEXT_ELEMENTS, type SkipRule } from "./html-text.js";

/**
 * Besides the never-rendered elements: the head (title, meta) is not on the page, noscript only
 * shows with scripts off, and an svg's text is labels of a drawing, not prose.
 */
const INVISIBLE_ELEMENTS: ReadonlySet<string> = new Set([
  ...NON_TEXT_ELEMENTS,
  "head",
  "title",
  "noscript",
  "svg",
]);

/** The HTML `hidden` attribute hides an element whatever its value ("", "hidden", "until-found"). */
const HIDDEN_ATTRIBUTE = "hidden";

const skipInvisible: SkipRule = (name: string, attribs: Attributes) =>
  INVISIBLE_ELEMENTS.has(name) || Object.hasOwn(attribs, HIDDEN_ATTRIBUTE);

/** Blank line between blocks, as scrapers write paragraphs; a `<br>` stays a single newline. */
const BLOCK_SEPARATOR = "\n\n";

export function flattenHtml(html: string): string {
  return htmlBlocks(html, skipInvisible).join(BLOCK_SEPARATOR);
}
