/**
 * Bounds on flattened text before any classification: the text is cut at MAX_BODY_CHARS (the
 * cut is reported), then split into lines, and lines longer than MAX_LINE_CHARS are split at word
 * boundaries. Everything downstream can then assume a bounded number of bounded lines.
 */
import { MAX_BODY_CHARS, MAX_LINE_CHARS } from "../../limits.js";
import type { Removed } from "../../model/index.js";

export interface Line {
  /** Position in the line list (blank lines excluded). */
  index: number;
  /** The line as written, trailing whitespace removed (indentation kept: comment threads nest by it). */
  raw: string;
  /** Whitespace collapsed to single spaces, trimmed: the form every feature and output uses. */
  text: string;
  /** Leading whitespace, in columns (a tab counts as TAB_COLUMNS). */
  indent: number;
  /** A blank line separates this line from the previous one. */
  blankBefore: boolean;
  /** A later piece of a physical line split at MAX_LINE_CHARS: the paragraph goes on. */
  continues: boolean;
}

/** The kind recorded for text cut at MAX_BODY_CHARS (not a RemovedKind of the model: it is not page junk). */
export const TRUNCATED_KIND = "truncated";

/** How much of the cut-off text the report shows, so a reader can see what was not analysed. */
const TRUNCATED_PREVIEW_CHARS = 300;

/** A cut this close before the limit can move back to a line end, so no line is cut mid-way. */
const CUT_BACKTRACK_CHARS = 10_000;

/** A long line is split at the last space found in this trailing share of the allowed length. */
const SPLIT_SEARCH_SHARE = 0.5;

/** Tabs in scraped text stand for list or quote indentation, about one level each. */
const TAB_COLUMNS = 4;

export interface PreparedText {
  lines: Line[];
  /** The cut, when the input was longer than MAX_BODY_CHARS. */
  truncated: Removed | null;
}

export function prepareText(content: string): PreparedText {
  let text = content;
  let truncated: Removed | null = null;
  if (text.length > MAX_BODY_CHARS) {
    const lastBreak = text.lastIndexOf("\n", MAX_BODY_CHARS);
    const cut = lastBreak > MAX_BODY_CHARS - CUT_BACKTRACK_CHARS ? lastBreak : MAX_BODY_CHARS;
    const rest = text.length - cut;
    const preview = text.slice(cut, cut + TRUNCATED_PREVIEW_CHARS).trim();
    truncated = {
      kind: TRUNCATED_KIND,
      text: `[${rest} characters after the first ${cut} were not analysed; they begin:] ${preview}`,
    };
    text = text.slice(0, cut);
  }
  return { lines: unwrapHardWrapped(splitLines(text)), truncated };
}

/** Hard-wrapped text (mail, RFCs, `<pre>` blocks) wraps at a fixed width of this range. */
const WRAP_MIN_WIDTH = 40;
const WRAP_MAX_WIDTH = 120;
/** A block needs this many lines to show a wrap width. */
const WRAP_MIN_LINES = 3;
/** A line this close to the block's width was wrapped; a shorter one ends its paragraph. */
const WRAP_FULL_SHARE = 0.8;
/** Most lines of a hard-wrapped block reach the width; a list of short lines with one long one does not. */
const WRAP_MIN_FULL_SHARE = 0.5;

/**
 * Joins the lines of hard-wrapped paragraphs: in a block of lines with no blank line between them
 * and a fixed width (40–120 characters), a line that reaches the width was cut by the wrap, so the
 * next line goes on the same paragraph; a shorter line ends it. A list item always starts anew.
 * Each paragraph is then classified whole, as a browser would have shown it.
 */
export function unwrapHardWrapped(lines: Line[]): Line[] {
  const out: Line[] = [];
  let blockStart = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i < lines.length && !lines[i]!.blankBefore) continue;
    joinBlock(lines, blockStart, i, out);
    blockStart = i;
  }
  for (const [n, line] of out.entries()) line.index = n;
  return out;
}

function joinBlock(lines: readonly Line[], from: number, to: number, out: Line[]): void {
  let width = 0;
  for (let i = from; i < to; i++) width = Math.max(width, lines[i]!.text.length);
  let full = 0;
  for (let i = from; i < to; i++) if (lines[i]!.text.length >= WRAP_FULL_SHARE * width) full += 1;
  const wrapped =
    to - from >= WRAP_MIN_LINES &&
    width >= WRAP_MIN_WIDTH &&
    width <= WRAP_MAX_WIDTH &&
    full >= WRAP_MIN_FULL_SHARE * (to - from);
  let current: Line | null = null;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const joins =
      wrapped &&
      current !== null &&
      !line.continues &&
      lines[i - 1]!.text.length >= WRAP_FULL_SHARE * width &&
      !LIST_START.test(line.text) &&
      current.text.length + line.text.length < MAX_LINE_CHARS;
    if (joins && current !== null) {
      current.text = `${current.text} ${line.text}`;
      current.raw = `${current.raw} ${line.text}`;
    } else {
      current = { ...line };
      out.push(current);
    }
  }
}

/** A bullet or a number starting a line begins a new item, whatever the wrap. */
const LIST_START = /^(?:[•◦▪‣∙·○●■□➢►▸*\-–—+]\s|\(?\d{1,3}[.)]\s)/;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let blankBefore = false;
  for (const physical of text.split(/\r\n|\r|\n/)) {
    const raw = physical.trimEnd();
    if (raw.trim() === "") {
      blankBefore = true;
      continue;
    }
    for (const [n, piece] of splitLongLine(raw).entries()) {
      const text = collapseSpaces(piece);
      if (text === "") continue;
      lines.push({
        index: lines.length,
        raw: piece,
        text,
        indent: n === 0 ? indentOf(piece) : 0,
        blankBefore: n === 0 && blankBefore,
        continues: n > 0,
      });
    }
    blankBefore = false;
  }
  return lines;
}

/** A 10 MB line with no newline still becomes bounded pieces, cut at spaces where there are any. */
function splitLongLine(line: string): string[] {
  if (line.length <= MAX_LINE_CHARS) return [line];
  const pieces: string[] = [];
  let start = 0;
  while (line.length - start > MAX_LINE_CHARS) {
    const limit = start + MAX_LINE_CHARS;
    const windowStart = start + Math.floor(MAX_LINE_CHARS * SPLIT_SEARCH_SHARE);
    // Search only the window, so a line with no spaces costs one pass, not one pass per piece.
    const space = line.slice(windowStart, limit).lastIndexOf(" ");
    const end = space > 0 ? windowStart + space : limit;
    pieces.push(line.slice(start, end));
    start = end;
  }
  pieces.push(line.slice(start));
  return pieces;
}

/**
 * Inline elements flattened without a space between them glue words: "Associated PressDecember
 * 2, 2016", "By Jane DoeMarch 3". A lower-case letter directly followed by a capital is split, so
 * a date or a name can be read out of the line (camel-case names like "McCain" split too, which
 * is harmless for finding a date).
 */
export function unglue(s: string): string {
  return s.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
}

export function collapseSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim();
}

function indentOf(line: string): number {
  let columns = 0;
  for (const ch of line) {
    if (ch === " " || ch === "\u00a0") columns += 1;
    else if (ch === "\t") columns += TAB_COLUMNS;
    else break;
  }
  return columns;
}
