import type { Reading, ReusedPassage, ReusePair } from "../model/index.js";
import { foldWord } from "../text/tokens.js";
import { type AlignedPassage, alignPair } from "./align.js";
import { buildReuseIndex, type ReuseText } from "./ngrams.js";
import { MIN_PAIR_OWN_WORDS } from "./reuse-params.js";

/**
 * Text reuse between the articles of one story, passim-style (knobs in reuse-params.ts):
 *   (a) index every article's word n-grams (folded words);
 *   (b) candidate pairs are those sharing anchor n-grams, boilerplate masked;
 *   (c) per pair, anchors become exact runs, nearby runs are joined into passages with the words
 *       between them aligned, tolerating small edits;
 *   (d) passages shorter than MIN_PASSAGE_WORDS are dropped, and a pair counts only when its
 *       passages hold MIN_PAIR_OWN_WORDS words outside quotation marks.
 *
 * Pairs come in story order (a before b), only pairs with at least one passage.
 *
 * `direction` says which way the text flowed: "a->b" means b copied from a (a is the source),
 * "b->a" the reverse. It is decided by, in order:
 *   1. publication dates, when both are known and differ (the earlier one is the source);
 *   2. an explicit credit: one article attributes its reporting to the other's outlet;
 *   3. otherwise null. Textual shape alone (one version longer, trimmed or padded) is not used:
 *      a longer version may be the original or an expansion, and guessing would mislead.
 * `directionReason` says which rule decided, or why none could.
 */
export function findReuse(readings: readonly Reading[]): ReusePair[] {
  const index = buildReuseIndex(readings);
  const out: ReusePair[] = [];
  for (const [x, y] of index.candidates) {
    const a = index.texts[x] as ReuseText;
    const b = index.texts[y] as ReuseText;
    const aligned = alignPair(a, b);
    if (aligned.reduce((sum, p) => sum + p.own, 0) < MIN_PAIR_OWN_WORDS) continue;
    const ra = readings[x] as Reading;
    const rb = readings[y] as Reading;
    const { direction, reason } = copyDirection(ra, rb);
    out.push({
      a: ra.article.id,
      b: rb.article.id,
      passages: aligned.map((p) => passageText(p, a, b)),
      shareOfA: shareCovered(
        a,
        aligned.map((p) => [p.aFirst, p.aLast]),
      ),
      shareOfB: shareCovered(
        b,
        aligned.map((p) => [p.bFirst, p.bLast]),
      ),
      direction,
      directionReason: reason,
    });
  }
  return out;
}

function passageText(p: AlignedPassage, a: ReuseText, b: ReuseText): ReusedPassage {
  const aSpan = tokenSpan(a, p.aFirst, p.aLast);
  const bSpan = tokenSpan(b, p.bFirst, p.bLast);
  return {
    a: a.body.slice(aSpan.start, aSpan.end),
    b: b.body.slice(bSpan.start, bSpan.end),
    aSpan,
    bSpan,
  };
}

function tokenSpan(t: ReuseText, first: number, last: number): { start: number; end: number } {
  return { start: t.tokens[first]?.start ?? 0, end: t.tokens[last]?.end ?? 0 };
}

/** Share of the body's characters inside the passages (passages of one pair never overlap). */
function shareCovered(t: ReuseText, ranges: [number, number][]): number {
  if (t.body.length === 0) return 0;
  let chars = 0;
  for (const [first, last] of ranges) {
    const span = tokenSpan(t, first, last);
    chars += span.end - span.start;
  }
  return roundShare(chars / t.body.length);
}

/** Shares are reported to four decimals: enough to compare, stable across platforms. */
function roundShare(x: number): number {
  return Math.round(Math.min(1, x) * 10_000) / 10_000;
}

interface Direction {
  direction: "a->b" | "b->a" | null;
  reason: string;
}

export function copyDirection(a: Reading, b: Reading): Direction {
  const pa = a.article.published;
  const pb = b.article.published;
  const order = pa && pb ? comparePublished(pa, pb) : null;
  if (order !== null && order !== 0) {
    const [first, then] = order < 0 ? [a, b] : [b, a];
    return {
      direction: order < 0 ? "a->b" : "b->a",
      reason: `${first.article.id} was published first (${first.article.published}, ${then.article.id} on ${then.article.published})`,
    };
  }
  const aCreditsB = creditsOutlet(a, b.article.outlet);
  const bCreditsA = creditsOutlet(b, a.article.outlet);
  if (aCreditsB !== bCreditsA) {
    const [source, copy] = bCreditsA ? [a, b] : [b, a];
    return {
      direction: bCreditsA ? "a->b" : "b->a",
      reason: `${copy.article.id} credits ${source.article.outlet}, the outlet of ${source.article.id}`,
    };
  }
  return { direction: null, reason: undecidedReason(a, b, order) };
}

function undecidedReason(a: Reading, b: Reading, order: number | null): string {
  if (order === 0)
    return "both published at the same time as far as the dates tell, and neither credits the other";
  const undated = [a, b].filter((r) => !r.article.published).map((r) => r.article.id);
  return `no publication date for ${undated.join(" and ")}, and neither credits the other`;
}

/**
 * Order of two ISO publication stamps: by instant when both carry a time, otherwise by calendar
 * day (a date-only stamp says nothing about the hour, so the same day is a tie). Null when either
 * cannot be read.
 */
function comparePublished(x: string, y: string): number | null {
  const bothTimed = x.includes("T") && y.includes("T");
  const tx = Date.parse(bothTimed ? x : x.slice(0, 10));
  const ty = Date.parse(bothTimed ? y : y.slice(0, 10));
  if (Number.isNaN(tx) || Number.isNaN(ty)) return null;
  return Math.sign(tx - ty);
}

/** True when the reading attributes reporting to this outlet ("according to Example News"). */
function creditsOutlet(reading: Reading, outlet: string | null): boolean {
  if (!outlet) return false;
  const target = outletKey(outlet);
  return target.length > 0 && reading.attributions.some((at) => outletKey(at.outlet) === target);
}

/** "The Example Times", "example times", "exampletimes.com" all give "exampletimes". */
function outletKey(outlet: string): string {
  return foldWord(outlet)
    .replace(/^(?:www\.)?/, "")
    .replace(/\.(?:com|org|net|info|news|co\.uk|co|uk)$/, "")
    .replace(/^the\s+/, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}
