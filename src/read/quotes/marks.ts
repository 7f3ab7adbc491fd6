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
  /** Characters of the mark: 2 for a double mark typed as two apostrophes. */
  width?: number;
}

export interface QuotePair {
  family: MarkFamily;
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark (the quoted text is [open + 1, close)). */
  close: number;
  /** 0 for an outermost quotation, 1 for a quotation inside another. */
  depth: number;
  /** Characters of the closing mark (2 for two apostrophes); the quotation ends at close + closeWidth. */
  closeWidth?: number;
}

const DOUBLE = new Set(["“", "”", '"', "„", "″"]);
/** The double marks, the single ones (‘ ’ ' ‚) and the guillemets. */
const MARK_CHARS = /["“”„″‘’'‚«»]/;

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

/**
 * Two straight apostrophes typed for a double quotation mark (''It's done,'' he said), as in
 * newswire text from ASCII-only systems. A run of three is a double and a single mark: when it
 * opens, the double comes first (the single opens a quotation inside); when it closes, the single
 * comes first (... exploit it,''' he recalled).
 */
function apostropheRun(text: string, i: number, out: Mark[]): number {
  let n = 0;
  while (text[i + n] === "'") n++;
  if (n < 2) return 0;
  const prev = i > 0 ? text[i - 1] : undefined;
  const next = text[i + n];
  const role = roleByContext("'", prev, next);
  const closing = role === "close";
  const singles = n % 2;
  let at = i;
  const push = (family: MarkFamily, width: number) => {
    out.push({ pos: at, family, role, width });
    at += width;
  };
  if (closing && singles) push("single", 1);
  for (let k = 0; k < (n - singles) / 2; k++) push("double", 2);
  if (!closing && singles) push("single", 1);
  return n;
}

/** Every quotation mark in `text`, classified, in order. */
export function findMarks(text: string): Mark[] {
  const out: Mark[] = [];
  // Jump from mark to mark: walking every character of the text cost more than the rest.
  const candidates = new RegExp(MARK_CHARS.source, "g");
  for (let m = candidates.exec(text); m !== null; m = candidates.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (c === "'" && text[i + 1] === "'") {
      candidates.lastIndex = i + apostropheRun(text, i, out);
      continue;
    }
    const isDouble = DOUBLE.has(c);
    const isGuillemet = c === "«" || c === "»";
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

/**
 * Double quotations nested in double quotations (“He wore a “Settle For Hillary” shirt”) are
 * kept open this deep; a deeper opening mark is taken for noise and never pairs.
 */
const MAX_NESTED_DOUBLES = 3;

interface Open extends Pending {
  /** Opening positions of the double quotations enclosing this one, outermost first. */
  ancestors: number[];
}

function pairAll(
  maxChars: number,
  marks: readonly Mark[],
): { pairs: QuotePair[]; pending: Record<MarkFamily, Pending | null> } {
  const out: (QuotePair & { ancestors: number[] })[] = [];
  const open: Record<MarkFamily, Open | null> = { double: null, single: null, guillemet: null };
  // Doubles opened inside an open double, innermost last (open.double is the innermost).
  const outerDoubles: Open[] = [];
  const closedOpens = new Set<number>();
  const depthNow = (): number => (open.double ? 1 : 0) + (open.guillemet ? 1 : 0);
  for (const m of marks) {
    for (const f of ["double", "single", "guillemet"] as const) {
      const p = open[f];
      if (p && m.pos - p.pos > maxChars) open[f] = null;
    }
    while (outerDoubles.length > 0 && m.pos - (outerDoubles[0] as Open).pos > maxChars) outerDoubles.shift();
    if (!open.double && outerDoubles.length > 0) open.double = outerDoubles.pop() ?? null;
    const pending = open[m.family];
    const role: MarkRole = m.role === "either" ? (pending ? "close" : "open") : m.role;
    if (role === "close") {
      if (!pending) continue;
      out.push({
        family: m.family,
        open: pending.pos,
        close: m.pos,
        depth: pending.depth,
        closeWidth: m.width ?? 1,
        ancestors: pending.ancestors,
      });
      closedOpens.add(pending.pos);
      open[m.family] = m.family === "double" ? (outerDoubles.pop() ?? null) : null;
      // A single quotation opened inside this one cannot outlive it.
      if (m.family !== "single" && open.single && open.single.pos > pending.pos) open.single = null;
    } else if (m.family === "double" && pending && m.role === "open") {
      // A definite opening mark inside an open double quotation opens a nested one.
      if (outerDoubles.length + 1 >= MAX_NESTED_DOUBLES) continue;
      outerDoubles.push(pending);
      open.double = { pos: m.pos, depth: 1, ancestors: [...pending.ancestors, pending.pos] };
    } else {
      const depth = m.family === "single" ? depthNow() : open.single ? 0 : depthNow();
      const ancestors =
        m.family === "single" && open.double ? [...open.double.ancestors, open.double.pos] : [];
      open[m.family] = { pos: m.pos, depth: Math.min(depth, 1), ancestors };
    }
  }
  // A quotation inside one that never closed is outermost after all (“A “B” C, unbalanced).
  const pairs: QuotePair[] = out.map(({ ancestors, ...p }) => {
    if (p.family !== "double" || p.depth === 0) return p;
    return ancestors.some((a) => closedOpens.has(a)) ? p : { ...p, depth: 0 };
  });
  pairs.sort((a, b) => a.open - b.open);
  const bottom = outerDoubles[0] ?? open.double;
  return { pairs, pending: { ...open, double: bottom } };
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
