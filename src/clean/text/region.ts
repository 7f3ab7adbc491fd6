/**
 * Where the article body lies among the lines: the contiguous stretch that holds the most running
 * text for the least furniture. Each line scores by what it is (prose earns its words, furniture
 * and stray fragments cost), and the body is the stretch of maximum total score — the idea of
 * Finn's Body Text Extraction, on lines instead of tags. A "READ ALSO" link or a caption inside
 * the article costs less than the paragraphs around it earn, so the body spans it; the menus
 * above and the footer below cost and earn nothing, so it stops short of them.
 */
import { type Features, isProse, isSentenceLike } from "./lines.js";
import type { Kind } from "./patterns.js";

/** What a recognised piece of furniture costs: a flat cost plus a little per word. */
const JUNK_BASE_COST = 3;
const JUNK_WORD_COST = 0.25;
/** A short sentence ("Here is the audio in full.") earns half its words: body when among paragraphs. */
const SENTENCE_WORD_CREDIT = 0.5;
/** An unrecognised fragment (a heading, a name, a label) costs a little: neutral ground, not body text. */
const FRAGMENT_COST = 2;

export interface Region {
  /** First line of the body (inclusive). */
  start: number;
  /** Last line of the body (inclusive); end < start when there is no body. */
  end: number;
}

export function lineScore(f: Features, kind: Kind | null): number {
  if (kind !== null) return -(JUNK_BASE_COST + JUNK_WORD_COST * f.words);
  if (isProse(f)) return f.words;
  if (isSentenceLike(f)) return SENTENCE_WORD_CREDIT * f.words;
  return -FRAGMENT_COST;
}

/**
 * The maximum-sum stretch of lines in [0, limit) (Kadane's algorithm, linear). Ties keep the
 * earliest stretch. Null when no line earns anything: the page has no running text at all.
 */
export function findBodyRegion(
  feats: readonly Features[],
  kinds: readonly (Kind | null)[],
  limit: number,
): Region | null {
  let best = 0;
  let bestStart = 0;
  let bestEnd = -1;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < limit; i++) {
    const f = feats[i];
    if (f === undefined) break;
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += lineScore(f, kinds[i] ?? null);
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  return bestEnd < bestStart ? null : { start: bestStart, end: bestEnd };
}
