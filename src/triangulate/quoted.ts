import type { Reading, Span } from "../model/index.js";

/**
 * Where an article's text stands inside quotation marks. Reuse detection discounts those words:
 * two outlets quoting one speaker print the same words without copying each other.
 *
 * The read stage's direct and partial quotes are the primary source; a plain scan for double
 * quotation marks and guillemets backs it up, so a quotation the reader could not attribute (no
 * speaker found, so perhaps not emitted) still counts as quoted wording.
 */
export function quotedSpans(reading: Reading): Span[] {
  const spans: Span[] = reading.quotes
    .filter((q) => q.kind !== "indirect")
    .map((q) => ({ start: q.start, end: q.end }));
  spans.push(...scanDoubleQuotes(reading.article.body));
  return spans.sort((x, y) => x.start - y.start || x.end - y.end);
}

const DOUBLE_MARKS = new Set(["“", "”", '"', "„", "«", "»"]);

/** Whitespace, opening brackets and dashes: after these a mark starts a quotation. */
const OPENING_CONTEXT = /[\s([{\u2014\u2013‘'/-]/u;

/**
 * One linear pass pairing double marks by what flanks them rather than by glyph, since scraped
 * text uses ” to open and " for both. A quotation left open closes at the paragraph's end:
 * news style reopens a quotation running over paragraphs, and an unpaired stray mark must not
 * swallow the rest of the article.
 */
function scanDoubleQuotes(body: string): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let k = 0; k < body.length; k++) {
    const c = body[k] as string;
    if (c === "\n") {
      if (open >= 0 && body[k + 1] === "\n") {
        spans.push({ start: open, end: k });
        open = -1;
      }
      continue;
    }
    if (!DOUBLE_MARKS.has(c)) continue;
    const prev = body[k - 1];
    const next = body[k + 1];
    const opensHere =
      (prev === undefined || OPENING_CONTEXT.test(prev)) && next !== undefined && !/\s/.test(next);
    if (open < 0) {
      if (opensHere) open = k + 1;
    } else if (!opensHere || c === "”" || c === "»") {
      spans.push({ start: open, end: k });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ start: open, end: body.length });
  return spans;
}
