/**
 * Where the reader-comment thread begins. Three kinds of evidence, each enough alone:
 * - a thread or reply-form cue after the body has started ("Notify of", "Leave a Reply", "12 Comments");
 * - a nested list running to the end of the page: indented numbered items with deeper bullets,
 *   the shape threaded comments take when flattened;
 * - a flat thread: short author-name lines alternating with text blocks to the end of the page,
 *   confirmed by a name that comes back, per-comment furniture ("Reply", "5 hours ago") or "X says:".
 * Once the thread starts, the rest of the page is the thread.
 */

import { parseDate } from "../dates.js";
import { type Features, hasSaysSuffix, isNameLike, isSentenceLike } from "./lines.js";
import { isCommentCount, isCommentMeta, isFormCue, isThreadCue, isWeakCue, type Kind } from "./patterns.js";
import { type Line, unglue } from "./prepare.js";

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
/** Names coming back confirm a thread when more than one of them does. */
const THREAD_MIN_REPEATED_NAMES = 2;
/** One name holding more of the chain than this is a repeated label, not a reader. */
const THREAD_MAX_NAME_SHARE = 0.5;
/** A comment's text has a few words, or is a sentence ("That too."). */
const COMMENT_TEXT_MIN_WORDS = 4;

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
  let headerLinks = 0;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined) break;
    if (isThreadCue(line) || isFormCue(line)) {
      const headerLink =
        headerLinks < MAX_HEADER_COUNT_LINKS && isCommentCount(line) && underHeaderStamp(lines, i);
      if (!headerLink) return i;
      headerLinks += 1;
      continue;
    }
    if (isWeakCue(line) && confirmedWeakCue(lines, i)) return i;
  }
  return null;
}

/** A page has one header, so only the first few comment counts can be its links (and the work stays bounded). */
const MAX_HEADER_COUNT_LINKS = 2;
/** The header's date or byline sits this close above a comment-count link that belongs to it. */
const HEADER_STAMP_LINES = 3;
/** A date stamp or byline line is short; a paragraph that mentions a date is not one. */
const HEADER_STAMP_MAX_CHARS = 100;
const BYLINE_START = /^(?:by|posted by|written by|von|par|por|di|door)\s+\p{Lu}/iu;

/**
 * "March 2, 2016 · 11 Comments", "By Jane Doe | 4 comments": a comment count right under the
 * header's date or byline is a link to the thread below the article, not its start.
 */
function underHeaderStamp(lines: readonly Line[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - HEADER_STAMP_LINES; j--) {
    const text = lines[j]?.text ?? "";
    if (text.length > HEADER_STAMP_MAX_CHARS) continue;
    if (BYLINE_START.test(text) || parseDate(unglue(text), { thorough: false }) !== null) return true;
  }
  return false;
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

/**
 * Author lines are names followed by the comment's text (furniture like "Reply" or a timestamp
 * may sit between). Lines already labelled ("Advertisement") are not names, and the text must
 * read like something a reader wrote, so a menu item followed by the next menu item, or a photo
 * label followed by a one-word credit, is not an author.
 */
function isAuthorLine({ lines, feats, kinds }: ThreadInput, i: number): boolean {
  const line = lines[i];
  if (line === undefined || kinds[i] !== null || !isNameLike(line)) return false;
  for (let j = i + 1; j < lines.length && j <= i + 1 + META_NEIGHBOURHOOD; j++) {
    const next = lines[j];
    const f = feats[j];
    if (next === undefined || f === undefined) return false;
    if (isCommentMeta(next)) continue;
    return kinds[j] === null && !isNameLike(next) && isCommentText(f);
  }
  return false;
}

/** A comment says something: a sentence, however short ("That too."), or a few words. */
function isCommentText(f: Features): boolean {
  return f.words >= COMMENT_TEXT_MIN_WORDS || isSentenceLike(f);
}

/**
 * A person's name ("Jens Holm", "Nuno Cardoso da Silva", "chris chuba") or a handle
 * ("tramfan88", "kebab_remover"): the names a repeat can confirm. Every word capitalised, or every
 * word lower-case, as people type their names; a sentence-case heading ("Delivery latency"), a
 * single word ("Image", "Introduction", "started") is as often a label the page repeats.
 */
function isPersonLike(text: string): boolean {
  const tokens = text.replace(SAYS_TAIL, "").split(" ");
  if (tokens.length === 1) return /[\d_]/.test(tokens[0] ?? "");
  const capitalised = tokens.filter((t) => /^\p{Lu}/u.test(t)).length;
  const particles = tokens.filter((t) => NAME_PARTICLE.test(t)).length;
  return capitalised + particles === tokens.length || capitalised === 0;
}
const SAYS_TAIL = /\s+(?:says|said|wrote|writes)\s*:?$/i;
/** Lower-case particles inside capitalised names: "da Silva", "von der Leyen", "van Gogh". */
const NAME_PARTICLE = /^(?:da|de|di|du|do|dos|das|del|della|der|den|la|le|van|von|ter|ten|bin|al|el)$/;

function hasMetaNearby({ lines }: ThreadInput, i: number): boolean {
  for (let j = Math.max(0, i - META_NEIGHBOURHOOD); j <= i + META_NEIGHBOURHOOD && j < lines.length; j++) {
    const line = lines[j];
    if (j !== i && line !== undefined && isCommentMeta(line)) return true;
  }
  return false;
}

/**
 * The chain of author lines that reaches the end of the page with no gap longer than a comment
 * (lines already labelled, a footer, do not count in the gap). It is a thread when authors carry
 * per-comment furniture or say "says:", or when several person-like names come back, the way
 * readers answer each other; a heading or label the page repeats is not enough on its own.
 */
function flatThreadStart(input: ThreadInput, from: number): number | null {
  const { lines, kinds } = input;
  const authors: number[] = [];
  let gap = 0;
  for (let i = lines.length - 1; i >= from; i--) {
    if (isAuthorLine(input, i)) {
      authors.push(i);
      gap = 0;
    } else if (kinds[i] === null && ++gap > MAX_COMMENT_LINES) {
      break;
    }
  }
  if (authors.length < THREAD_MIN_AUTHORS) return null;
  const counts = new Map<string, number>();
  let withMeta = 0;
  let says = 0;
  for (const i of authors) {
    const line = lines[i];
    if (line === undefined) continue;
    if (hasMetaNearby(input, i)) withMeta += 1;
    if (hasSaysSuffix(line)) says += 1;
    if (!isPersonLike(line.text)) continue;
    const name = line.text.toLowerCase();
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const confirmed =
    withMeta >= THREAD_MIN_META_AUTHORS || says >= THREAD_MIN_META_AUTHORS || readersAnswer(counts);
  return confirmed ? (authors.at(-1) ?? null) : null;
}

/**
 * Readers answering each other: at least THREAD_MIN_AUTHORS different names, more than one of
 * them back at least once, and no single name making most of the chain (a label repeated down a
 * page is one name many times).
 */
function readersAnswer(counts: ReadonlyMap<string, number>): boolean {
  if (counts.size < THREAD_MIN_AUTHORS) return false;
  let total = 0;
  let repeated = 0;
  let most = 0;
  for (const n of counts.values()) {
    total += n;
    if (n > 1) repeated += 1;
    most = Math.max(most, n);
  }
  return repeated >= THREAD_MIN_REPEATED_NAMES && most <= THREAD_MAX_NAME_SHARE * total;
}
