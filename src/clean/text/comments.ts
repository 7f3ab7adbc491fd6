/**
 * Where the reader-comment thread begins. Three kinds of evidence, each enough alone:
 * - a thread or reply-form cue after the body has started ("Notify of", "Leave a Reply", "12 Comments");
 * - a nested list running to the end of the page: indented numbered items with deeper bullets,
 *   the shape threaded comments take when flattened;
 * - a flat thread: short author-name lines alternating with text blocks to the end of the page,
 *   confirmed by a name that comes back, per-comment furniture ("Reply", "5 hours ago") or "X says:".
 * Once the thread starts, the rest of the page is the thread.
 */
import { type Features, hasSaysSuffix, isNameLike } from "./lines.js";
import { isCommentMeta, isFormCue, isThreadCue, isWeakCue, type Kind } from "./patterns.js";
import type { Line } from "./prepare.js";

/** A weak cue needs a sure one this close after it: a heading and its form sit together. */
const WEAK_CUE_CONFIRM_LINES = 4;

/** Threaded comments indent replies; the top level itself is indented in flattened thread widgets. */
const THREAD_MIN_INDENT = 2;
/** Fewer list items than this is a short list in an article, not a discussion. */
const THREAD_MIN_LIST_ITEMS = 3;
/** Replies nest: at least two indentation levels among the items. */
const THREAD_MIN_LEVELS = 2;

/** A flat thread has at least this many author lines. */
const THREAD_MIN_AUTHORS = 3;
/** One comment rarely runs past this many lines; a longer gap means the names are not one thread. */
const MAX_COMMENT_LINES = 15;
/** Per-comment furniture sits within this many lines of the author name. */
const META_NEIGHBOURHOOD = 2;
/** Without a repeated name or "says:", this many author lines must carry furniture to be a thread. */
const THREAD_MIN_META_AUTHORS = 2;

export interface ThreadInput {
  lines: readonly Line[];
  feats: readonly Features[];
  kinds: readonly (Kind | null)[];
}

/** First line of the comment thread at or after `from`, or null when the page has none. */
export function findThreadStart(input: ThreadInput, from: number): number | null {
  const starts = [cueStart(input, from), nestedListStart(input, from), flatThreadStart(input, from)];
  const found = starts.filter((s): s is number => s !== null);
  return found.length === 0 ? null : Math.min(...found);
}

function cueStart(input: ThreadInput, from: number): number | null {
  const { lines } = input;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined) break;
    if (isThreadCue(line) || isFormCue(line)) return i;
    if (isWeakCue(line) && confirmedWeakCue(lines, i)) return i;
  }
  return null;
}

/** "Comments" heads the thread when another cue follows within a few lines ("Leave a Reply", "Name *"). */
function confirmedWeakCue(lines: readonly Line[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j <= i + WEAK_CUE_CONFIRM_LINES; j++) {
    const next = lines[j];
    if (next !== undefined && (isThreadCue(next) || isFormCue(next))) return true;
  }
  return false;
}

/**
 * The earliest list item from which every remaining line is indented or a list item, with
 * enough items on at least two levels. Lines already known as junk (a footer) do not interrupt.
 */
function nestedListStart({ lines, feats, kinds }: ThreadInput, from: number): number | null {
  let items = 0;
  const levels = new Set<number>();
  let best: number | null = null;
  for (let i = lines.length - 1; i >= from; i--) {
    const line = lines[i];
    const f = feats[i];
    if (line === undefined || f === undefined) break;
    if (kinds[i] !== null && line.indent < THREAD_MIN_INDENT) continue;
    if (line.indent < THREAD_MIN_INDENT) break;
    if (f.list === null) continue;
    items += 1;
    levels.add(line.indent);
    if (items >= THREAD_MIN_LIST_ITEMS && levels.size >= THREAD_MIN_LEVELS) best = i;
  }
  return best;
}

/** Author lines are names followed by text (furniture like "Reply" may sit between). */
function isAuthorLine({ lines, feats }: ThreadInput, i: number): boolean {
  const line = lines[i];
  if (line === undefined || !isNameLike(line)) return false;
  for (let j = i + 1; j < lines.length && j <= i + 1 + META_NEIGHBOURHOOD; j++) {
    const next = lines[j];
    const f = feats[j];
    if (next === undefined || f === undefined) return false;
    if (isCommentMeta(next)) continue;
    return !isNameLike(next) && f.words > 0;
  }
  return false;
}

function hasMetaNearby({ lines }: ThreadInput, i: number): boolean {
  for (let j = Math.max(0, i - META_NEIGHBOURHOOD); j <= i + META_NEIGHBOURHOOD && j < lines.length; j++) {
    const line = lines[j];
    if (j !== i && line !== undefined && isCommentMeta(line)) return true;
  }
  return false;
}

/**
 * The chain of author lines that reaches the end of the page with no gap longer than a comment;
 * it is a thread when names repeat, carry furniture, or say "says:".
 */
function flatThreadStart(input: ThreadInput, from: number): number | null {
  const { lines } = input;
  const authors: number[] = [];
  let gapEnd = lines.length;
  for (let i = lines.length - 1; i >= from; i--) {
    if (gapEnd - i > MAX_COMMENT_LINES) break;
    if (isAuthorLine(input, i)) {
      authors.push(i);
      gapEnd = i;
    }
  }
  if (authors.length < THREAD_MIN_AUTHORS) return null;
  const seen = new Set<string>();
  let repeated = false;
  let withMeta = 0;
  let says = 0;
  for (const i of authors) {
    const line = lines[i];
    if (line === undefined) continue;
    const name = line.text.toLowerCase();
    if (seen.has(name)) repeated = true;
    seen.add(name);
    if (hasMetaNearby(input, i)) withMeta += 1;
    if (hasSaysSuffix(line)) says += 1;
  }
  const confirmed = repeated || withMeta >= THREAD_MIN_META_AUTHORS || says >= THREAD_MIN_META_AUTHORS;
  return confirmed ? (authors.at(-1) ?? null) : null;
}
