/**
 * Where the article body lies among the lines: the contiguous stretch that holds the most running
 * text for the least furniture. Each line scores by what it is (prose earns its words, furniture
 * and stray fragments cost), and the body is the stretch of maximum total score — the idea of
 * Finn's Body Text Extraction, on lines instead of tags. A "READ ALSO" link or a caption inside
 * the article costs less than the paragraphs around it earn, so the body spans it; the menus
 * above and the footer below cost and earn nothing, so it stops short of them.
 *
 * Context adjusts what a line earns: the one-line summaries of a teaser list earn nothing (they
 * would otherwise outweigh the link wall between them and the article), a bare "Related" header
 * costs like a wall, and the items of a list the writer marked earn like short sentences.
 */
import { type Features, isHeadlineLike, isProse, isSentenceLike } from "./lines.js";
import { isRelatedHeader, type Kind } from "./patterns.js";
import type { Line } from "./prepare.js";

/** What a recognised piece of furniture costs: a flat cost plus a little per word. */
const JUNK_BASE_COST = 3;
const JUNK_WORD_COST = 0.25;
/**
 * A bare cross-link header ("Related", "Lire aussi", "推荐阅读") most often closes the article:
 * what follows must earn this much more to be joined to the body. A "Related" box in the middle
 * of a long article still is, since the paragraphs after it earn more.
 */
const RELATED_HEADER_COST = 40;
/** A short sentence ("Here is the audio in full.") earns half its words: body when among paragraphs. */
const SENTENCE_WORD_CREDIT = 0.5;
/** An unrecognised fragment (a heading, a name, a label) costs a little: neutral ground, not body text. */
const FRAGMENT_COST = 2;
/**
 * A teaser's summary (see teaserSummaries) earns nothing: the list of other stories next to the
 * article must not outweigh the menus and link walls between it and the article.
 */
const TEASER_CREDIT = 0;
/**
 * Teasers are only discounted when the page has an article of its own: a stretch earning this
 * much without them. A page that is itself a list of short items keeps them.
 */
const MIN_CORE_SCORE = 60;

export interface Region {
  /** First line of the body (inclusive). */
  start: number;
  /** Last line of the body (inclusive); end < start when there is no body. */
  end: number;
}

type Shape = "junk" | "prose" | "sentence" | "fragment" | "headline";

function shapeOf(line: Line, f: Features, kind: Kind | null): Shape {
  if (kind !== null) return "junk";
  if (isProse(f)) return "prose";
  if (isSentenceLike(f)) return "sentence";
  return isHeadlineLike(line, f) ? "headline" : "fragment";
}

const isFragment = (s: Shape | null) => s === "fragment" || s === "headline";

/** The score of every line in [0, limit): what it earns or costs in its context. */
export function lineScores(
  lines: readonly Line[],
  feats: readonly Features[],
  kinds: readonly (Kind | null)[],
  limit: number,
  teaserCredit: number = TEASER_CREDIT,
): number[] {
  const n = Math.min(limit, feats.length);
  const shapes: Shape[] = [];
  for (let i = 0; i < n; i++) shapes.push(shapeOf(lines[i]!, feats[i]!, kinds[i] ?? null));
  const teasers = teaserSummaries(shapes, feats, kinds);
  const listed = writtenLists(feats, kinds, n);
  const scores: number[] = new Array(n).fill(0);
  for (let i = 0; i < n; i++) {
    const f = feats[i]!;
    const shape = shapes[i]!;
    if (shape === "junk") {
      const header = kinds[i] === "related-links" && isRelatedHeader(lines[i]!);
      scores[i] = header ? -RELATED_HEADER_COST : -(JUNK_BASE_COST + JUNK_WORD_COST * f.words);
    } else if (isFragment(shape)) {
      scores[i] = listed[i] ? LIST_ITEM_WORD_CREDIT * f.words : -FRAGMENT_COST;
    } else {
      if (shape === "sentence") scores[i] = SENTENCE_WORD_CREDIT * f.words;
      else scores[i] = f.words * (teasers.has(i) ? teaserCredit : 1);
    }
  }
  return scores;
}

/**
 * Items of a list the writer marked ("• ", "- ", "+ ", "1. ") in a run of at least LIST_MIN_ITEMS:
 * a changelog, the points of a list article. A flattened menu carries no markers of its own.
 */
function writtenLists(feats: readonly Features[], kinds: readonly (Kind | null)[], n: number): boolean[] {
  const listed: boolean[] = new Array(n).fill(false);
  let runStart = 0;
  for (let i = 0; i <= n; i++) {
    const item =
      i < n && kinds[i] === null && feats[i]!.list !== null && feats[i]!.words >= LIST_ITEM_MIN_WORDS;
    if (item) continue;
    if (i - runStart >= LIST_MIN_ITEMS) for (let j = runStart; j < i; j++) listed[j] = true;
    runStart = i + 1;
  }
  return listed;
}

/** A written list has at least this many items in a row, each saying something (three words or more). */
const LIST_MIN_ITEMS = 3;
const LIST_ITEM_MIN_WORDS = 3;
/** A list item earns like a short sentence. */
const LIST_ITEM_WORD_CREDIT = 0.5;

/**
 * Teaser summaries: a short paragraph right under a headline with a fragment (a source, a date,
 * the next headline) right after it, the pattern repeating within a few lines — a list of links
 * to other stories, each with its one-line summary, or a gallery's captions under slide titles.
 * A list that carries straight on from the article's paragraphs (a listicle: "“Thumper” ($20)",
 * then its review) is the article, not teasers.
 */
function teaserSummaries(
  shapes: readonly Shape[],
  feats: readonly Features[],
  kinds: readonly (Kind | null)[],
): Set<number> {
  const candidates: number[] = [];
  for (let i = 0; i < shapes.length; i++) {
    if (shapes[i] !== "prose" || feats[i]!.words > TEASER_MAX_WORDS) continue;
    const above = neighbourShape(shapes, i, -1);
    if (above !== "headline" && above !== "sentence") continue;
    const next = neighbourShape(shapes, i, 1);
    if (next === null || isFragment(next)) candidates.push(i);
  }
  const teasers = new Set<number>();
  const attached = articleProse(shapes, kinds);
  let chain: number[] = [];
  const flush = () => {
    const first = chain[0];
    if (chain.length >= TEASER_MIN_CHAIN && first !== undefined) {
      const before = previousProse(shapes, kinds, first);
      if (before === null || !attached[before]) for (const i of chain) teasers.add(i);
    }
    chain = [];
  };
  for (const i of candidates) {
    const last = chain.at(-1);
    if (last !== undefined && i - last > TEASER_REPEAT_LINES) flush();
    chain.push(i);
  }
  flush();
  return teasers;
}

/**
 * Paragraphs that belong to the article's own run of text: one right after another paragraph, or
 * one whose previous paragraph does and sits only a heading (or a caption, an ad) above it.
 */
function articleProse(shapes: readonly Shape[], kinds: readonly (Kind | null)[]): boolean[] {
  const attached: boolean[] = new Array(shapes.length).fill(false);
  for (let i = 0; i < shapes.length; i++) {
    if (shapes[i] !== "prose") continue;
    if (i > 0 && shapes[i - 1] === "prose") {
      attached[i] = true;
      attached[i - 1] = true;
      continue;
    }
    const before = previousProse(shapes, kinds, i);
    attached[i] = before !== null && attached[before] === true;
  }
  return attached;
}

/**
 * The paragraph above `i` when only headings, short sentences and in-article furniture (an
 * advertisement, a caption) stand between, at most ATTACHED_MAX_LINES of them; null otherwise.
 */
function previousProse(shapes: readonly Shape[], kinds: readonly (Kind | null)[], i: number): number | null {
  for (let j = i - 1; j >= 0 && j >= i - 1 - ATTACHED_MAX_LINES; j--) {
    const s = shapes[j]!;
    if (s === "prose") return j;
    if (s === "junk" && !IN_ARTICLE_KINDS.has(kinds[j] ?? "")) return null;
  }
  return null;
}

/** Furniture that sits between an article's paragraphs without ending the article. */
const IN_ARTICLE_KINDS: ReadonlySet<string> = new Set(["advertisement", "caption"]);

/** Teasers come in lists: at least two, each starting within a few lines of the last. */
const TEASER_MIN_CHAIN = 2;
/** A list item's heading and a credit line may sit between the article's last paragraph and the next. */
const ATTACHED_MAX_LINES = 3;
/** A teaser's summary is a few sentences at most; a longer paragraph under a subheading is article text. */
const TEASER_MAX_WORDS = 120;
/** The next teaser of a list starts within a few lines. */
const TEASER_REPEAT_LINES = 6;

/** How far a paragraph's neighbour is sought past labelled furniture ("Advertisement", a caption). */
const NEIGHBOUR_SKIP_LINES = 3;

function neighbourShape(shapes: readonly Shape[], i: number, step: 1 | -1): Shape | null {
  for (let j = i + step, k = 0; j >= 0 && j < shapes.length && k < NEIGHBOUR_SKIP_LINES; j += step, k++) {
    const s = shapes[j]!;
    if (s !== "junk") return s;
  }
  return null;
}

/**
 * The body: the maximum-sum stretch of lines in [0, limit), teasers discounted unless that leaves
 * no article (see MIN_CORE_SCORE). Null when no line earns anything: no running text at all.
 */
export function findBodyRegion(
  lines: readonly Line[],
  feats: readonly Features[],
  kinds: readonly (Kind | null)[],
  limit: number,
): Region | null {
  const scores = lineScores(lines, feats, kinds, limit);
  const core = maxStretch(scores, 0, scores.length);
  if (core !== null && core.score >= MIN_CORE_SCORE) return core;
  const full = lineScores(lines, feats, kinds, limit, 1);
  return maxStretch(full, 0, full.length) ?? core;
}

/** The maximum-sum stretch of scores[from, to) (Kadane's algorithm, linear); ties keep the earliest. */
function maxStretch(
  scores: readonly number[],
  from: number,
  to: number,
): (Region & { score: number }) | null {
  let best = 0;
  let bestStart = from;
  let bestEnd = from - 1;
  let sum = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += scores[i]!;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  return bestEnd < bestStart ? null : { start: bestStart, end: bestEnd, score: best };
}
