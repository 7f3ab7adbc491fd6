/**
 * Quotation marks in scraped news are a mess: straight and curly marks mixed, “ used to close, ”
 * used to open, stray ‘ before a ”, and ’ doubling as the apostrophe (Obama’s, don’t, ’90s). Marks
 * are classified by what flanks them, not by glyph alone, then paired in one linear pass.
 */

export type MarkFamily = "double" | "single" | "guillemet";
export type MarkRole = "open" | "close" | "either";

export interface Mark {
  pos: number;
  family: MarkFamily;
  role: MarkRole;
}

export interface QuotePair {
  family: MarkFamily;
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark (the quoted text is [open + 1, close)). */
  close: number;
  /** 0 for an outermost quotation, 1 for a quotation inside another. */
  depth: number;
}

const DOUBLE = new Set(["“", "”", '"', "„", "″"]);
const SINGLE = new Set(["‘", "’", "'", "‚"]);

/** Characters after which a mark is at the start of a word (it opens). */
const LEFT_CONTEXT = /[\s([{\u2014\u2013\-/“‘«"']/u;
/** Characters before which a mark is at the end of a word (it closes). */
const RIGHT_CONTEXT = /[\s.,;:!?)\]}\u2014\u2013\-/”’»"'…]/u;

function isLetterOrDigit(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

function leftFlanking(prev: string | undefined, next: string | undefined): boolean {
  return (prev === undefined || LEFT_CONTEXT.test(prev)) && next !== undefined && !/\s/.test(next);
}

function rightFlanking(prev: string | undefined, next: string | undefined): boolean {
  return prev !== undefined && !/\s/.test(prev) && (next === undefined || RIGHT_CONTEXT.test(next));
}

function glyphRole(c: string): MarkRole {
  if (c === "“" || c === "‘" || c === "„" || c === "‚" || c === "«") return "open";
  if (c === "”" || c === "’" || c === "»") return "close";
  return "either";
}

function roleByContext(c: string, prev: string | undefined, next: string | undefined): MarkRole {
  const left = leftFlanking(prev, next);
  const right = rightFlanking(prev, next);
  if (left && !right) return "open";
  if (right && !left) return "close";
  return glyphRole(c);
}

/**
 * Is this single mark an apostrophe rather than a quotation mark? Between letters (don’t,
 * Obama’s, O’Brien), or before a digit after a non-letter (’90s, ’16).
 */
function isApostrophe(prev: string | undefined, next: string | undefined): boolean {
  if (isLetterOrDigit(prev) && isLetterOrDigit(next)) return true;
  if (!isLetterOrDigit(prev) && next !== undefined && /\p{N}/u.test(next)) return true;
  return false;
}

/** Every quotation mark in `text`, classified, in order. */
export function findMarks(text: string): Mark[] {
  const out: Mark[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const isDouble = DOUBLE.has(c);
    const isSingle = !isDouble && SINGLE.has(c);
    const isGuillemet = c === "«" || c === "»";
    if (!isDouble && !isSingle && !isGuillemet) continue;
    const prev = i > 0 ? text[i - 1] : undefined;
    const next = text[i + 1];
    if (isGuillemet) {
      out.push({ pos: i, family: "guillemet", role: c === "«" ? "open" : "close" });
    } else if (isDouble) {
      out.push({ pos: i, family: "double", role: roleByContext(c, prev, next) });
    } else if (!isApostrophe(prev, next)) {
      // A closing single after "s" (“the Syrians’ lives”) is more often a plural possessive than a
      // close; the pairing below only accepts it when a single quotation is actually open.
      out.push({ pos: i, family: "single", role: roleByContext(c, prev, next) });
    }
  }
  return out;
}

interface Pending {
  pos: number;
  depth: number;
}

/**
 * Pair marks into quotations in one pass. An opening mark without a close within `maxChars` is
 * dropped (stray or unbalanced marks cannot swallow a whole article); a close without an open is
 * ignored. Single marks nest inside double ones; a single opened just before a double and never
 * closed (‘”I lost …”) is noise and simply never pairs.
 */
export function pairMarks(
  text: string,
  maxChars: number,
  marks: readonly Mark[] = findMarks(text),
): QuotePair[] {
  return pairAll(maxChars, marks).pairs;
}

/**
 * The opening double mark or guillemet still unclosed at the end of `text`, if any: a quotation that
 * runs on into the next paragraph (the follow-on paragraph convention).
 */
export function danglingOpen(text: string, maxChars: number): number | null {
  const { pending } = pairAll(maxChars, findMarks(text));
  const open = pending.double ?? pending.guillemet;
  return open && open.depth === 0 ? open.pos : null;
}

function pairAll(
  maxChars: number,
  marks: readonly Mark[],
): { pairs: QuotePair[]; pending: Record<MarkFamily, Pending | null> } {
  const out: QuotePair[] = [];
  const open: Record<MarkFamily, Pending | null> = { double: null, single: null, guillemet: null };
  const depthNow = (): number => (open.double ? 1 : 0) + (open.guillemet ? 1 : 0);
  for (const m of marks) {
    for (const f of ["double", "single", "guillemet"] as const) {
      const p = open[f];
      if (p && m.pos - p.pos > maxChars) open[f] = null;
    }
    const pending = open[m.family];
    const role: MarkRole = m.role === "either" ? (pending ? "close" : "open") : m.role;
    if (role === "close") {
      if (!pending) continue;
      out.push({ family: m.family, open: pending.pos, close: m.pos, depth: pending.depth });
      open[m.family] = null;
      // A single quotation opened inside this one cannot outlive it.
      if (m.family !== "single" && open.single && open.single.pos > pending.pos) open.single = null;
    } else {
      const depth = m.family === "single" ? depthNow() : open.single ? 0 : depthNow();
      open[m.family] = { pos: m.pos, depth: Math.min(depth, 1) };
    }
  }
  out.sort((a, b) => a.open - b.open);
  return { pairs: out, pending: open };
}

/** Outermost closed quotations no longer than `maxChars`. */
export function closedQuoteSpans(text: string, maxChars: number): QuotePair[] {
  const pairs = pairMarks(text, maxChars).filter((p) => p.depth === 0);
  const out: QuotePair[] = [];
  let reach = -1;
  for (const p of pairs) {
    if (p.open < reach) continue;
    out.push(p);
    reach = p.close;
  }
  return out;
}
