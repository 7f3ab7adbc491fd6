import type { Reading } from "../model/index.js";
import { type WordToken, wordTokens } from "../text/tokens.js";
import { quotedSpans } from "./quoted.js";
import {
  ANCHOR_NGRAM_WORDS,
  BOILERPLATE_MAX_RUN_WORDS,
  BOILERPLATE_MIN_ARTICLE_SHARE,
  BOILERPLATE_MIN_ARTICLES,
  MAX_ANCHOR_REPEATS_PER_ARTICLE,
  MAX_GAP_WORDS,
  MIN_CANDIDATE_ANCHORS,
} from "./reuse-params.js";

/**
 * Steps (a) and (b) of reuse detection: every article as a stream of word ids, an index of word
 * n-grams over the whole story, boilerplate masked, and the candidate pairs that share anchors.
 */

/** One article prepared for comparison. */
export interface ReuseText {
  /** Position of the article in the story. */
  order: number;
  body: string;
  tokens: WordToken[];
  /** Story-wide id of each token's folded form; -1 where the word may not be matched (boilerplate). */
  words: Int32Array;
  /** 1 where the token lies inside quotation marks. */
  quoted: Uint8Array;
  /**
   * Anchor n-grams usable in this article, as [gramId, position] pairs sorted by gram id then
   * position, so two articles' anchors meet in one merge pass.
   */
  anchors: Int32Array;
}

export interface ReuseIndex {
  texts: ReuseText[];
  /** Article pairs [a, b] (a < b, by story order) sharing at least MIN_CANDIDATE_ANCHORS anchors. */
  candidates: [number, number][];
}

/** Up to this many articles, pair counts live in a dense matrix (4M cells); beyond, in a map. */
const DENSE_PAIR_LIMIT = 2048;

export function buildReuseIndex(readings: readonly Reading[]): ReuseIndex {
  const vocabulary = new Map<string, number>();
  const texts = readings.map((reading, order) => prepareText(reading, order, vocabulary));
  const gramIds = new Map<number, number>();
  const gramsAt = texts.map((t) => gramIdsOf(t.words, gramIds));
  const articleCount = articleCountPerGram(gramsAt, gramIds.size);
  maskBoilerplate(texts, gramsAt, articleCount);
  for (const [k, t] of texts.entries()) t.anchors = anchorTable(t.words, gramsAt[k] as Int32Array);
  return { texts, candidates: candidatePairs(texts, gramIds.size) };
}

function prepareText(reading: Reading, order: number, vocabulary: Map<string, number>): ReuseText {
  const body = reading.article.body;
  const tokens = wordTokens(body);
  const words = new Int32Array(tokens.length);
  for (const [k, t] of tokens.entries()) {
    const form = matchForm(t.norm);
    let id = vocabulary.get(form);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(form, id);
    }
    words[k] = id;
  }
  const quoted = new Uint8Array(tokens.length);
  let k = 0;
  for (const span of quotedSpans(reading)) {
    while (k > 0 && (tokens[k - 1] as WordToken).end > span.start) k--;
    while (k < tokens.length && (tokens[k] as WordToken).end <= span.start) k++;
    for (let m = k; m < tokens.length && (tokens[m] as WordToken).start < span.end; m++) quoted[m] = 1;
  }
  return { order, body, tokens, words, quoted, anchors: new Int32Array(0) };
}

/**
 * Abbreviation dots do not make a different word when comparing copies: "U.S." and "US",
 * "U.N." and "UN" are the same word retyped by an editor following house style.
 */
function matchForm(norm: string): string {
  return norm.replace(/(?<=\p{L})\.(?=\p{L})/gu, "");
}

/**
 * Gram id of the n-gram starting at each position; -1 where fewer than n words remain. Ids come
 * from one map keyed by a 52-bit fingerprint of the n-gram's word ids (two independent 26-bit
 * multiplicative hashes), one numeric lookup per position instead of a string key. A collision
 * (odds about 1 in 10^4 for a story of a million words) cannot create a false match: alignment
 * compares the words themselves (see align.ts).
 */
function gramIdsOf(words: Int32Array, gramIds: Map<number, number>): Int32Array {
  const out = new Int32Array(words.length).fill(-1);
  for (let i = 0; i + ANCHOR_NGRAM_WORDS <= words.length; i++) {
    let h1 = 0x2545f491;
    let h2 = 0x6b43a9b5;
    for (let k = 0; k < ANCHOR_NGRAM_WORDS; k++) {
      const w = words[i + k] as number;
      h1 = Math.imul(h1 ^ w, 0x9e3779b1);
      h2 = Math.imul(h2 + w, 0x85ebca77) ^ (h2 >>> 13);
    }
    const fingerprint = (h1 >>> 6) * FINGERPRINT_HALF + (h2 >>> 6);
    let id = gramIds.get(fingerprint);
    if (id === undefined) {
      id = gramIds.size;
      gramIds.set(fingerprint, id);
    }
    out[i] = id;
  }
  return out;
}

/** 2^26: each half of the fingerprint is a 26-bit hash, so the whole is an exact integer. */
const FINGERPRINT_HALF = 2 ** 26;

function articleCountPerGram(gramsAt: readonly Int32Array[], gramCount: number): Int32Array {
  const count = new Int32Array(gramCount);
  const lastSeen = new Int32Array(gramCount).fill(-1);
  for (const [k, grams] of gramsAt.entries()) {
    for (const g of grams) {
      if (g < 0 || lastSeen[g] === k) continue;
      lastSeen[g] = k;
      count[g] = (count[g] as number) + 1;
    }
  }
  return count;
}

/**
 * Boilerplate is masked (its words can no longer match). A boilerplate n-gram is one nearly
 * every article carries that, in at least one article, stands as an island: a short unquoted
 * stretch of shared text with nothing shared around it (the "Follow us on Twitter" line at the
 * end of an otherwise independent report). A wire story that every outlet republished is common
 * to all articles too, but never an island: its sentences sit inside long shared stretches. A
 * quotation every outlet used is left to the quotation rule (MIN_PAIR_OWN_WORDS).
 */
function maskBoilerplate(texts: ReuseText[], gramsAt: readonly Int32Array[], articleCount: Int32Array): void {
  const minArticles = Math.max(
    BOILERPLATE_MIN_ARTICLES,
    Math.ceil(BOILERPLATE_MIN_ARTICLE_SHARE * texts.length),
  );
  if (texts.length < minArticles) return;
  const boilerplate = new Uint8Array(articleCount.length);
  for (const [k, text] of texts.entries()) {
    const grams = gramsAt[k] as Int32Array;
    for (const [start, end] of sharedIslands(grams, articleCount)) {
      if (text.quoted.subarray(start, end).includes(1)) continue;
      for (let i = start; i < end; i++) {
        const g = grams[i] as number;
        if (g >= 0 && (articleCount[g] as number) >= minArticles) boilerplate[g] = 1;
      }
    }
  }
  for (const [k, text] of texts.entries()) {
    const grams = gramsAt[k] as Int32Array;
    for (let i = 0; i < grams.length; i++) {
      const g = grams[i] as number;
      if (g >= 0 && boilerplate[g] === 1) text.words.fill(-1, i, i + ANCHOR_NGRAM_WORDS);
    }
  }
}

/**
 * Word ranges [start, end) of shared text (covered by an n-gram another article also has) no
 * longer than BOILERPLATE_MAX_RUN_WORDS, counting gaps of up to MAX_GAP_WORDS unshared words as
 * part of the stretch, as alignment does: a copy's edits do not cut its copied text into islands.
 */
function sharedIslands(grams: Int32Array, articleCount: Int32Array): [number, number][] {
  const shared = new Uint8Array(grams.length);
  for (let i = 0; i < grams.length; i++) {
    const g = grams[i] as number;
    if (g >= 0 && (articleCount[g] as number) >= 2) shared.fill(1, i, i + ANCHOR_NGRAM_WORDS);
  }
  const islands: [number, number][] = [];
  let start = -1;
  let last = -1;
  for (let i = 0; i <= shared.length; i++) {
    if (i < shared.length && shared[i] !== 1) continue;
    if (start >= 0 && (i === shared.length || i - last - 1 > MAX_GAP_WORDS)) {
      if (last + 1 - start <= BOILERPLATE_MAX_RUN_WORDS) islands.push([start, last + 1]);
      start = -1;
    }
    if (i < shared.length) {
      if (start < 0) start = i;
      last = i;
    }
  }
  return islands;
}

/** Positions stay below this in an anchor sort key (a body is at most MAX_BODY_CHARS long). */
const POSITION_LIMIT = 2 ** 21;

/** [gramId, position] pairs of n-grams free of masked words and not repeated past the cap. */
function anchorTable(words: Int32Array, grams: Int32Array): Int32Array {
  const keys = new Float64Array(Math.min(grams.length, POSITION_LIMIT));
  let count = 0;
  for (let i = 0; i < keys.length; i++) {
    const g = grams[i] as number;
    if (g >= 0 && !words.subarray(i, i + ANCHOR_NGRAM_WORDS).includes(-1))
      keys[count++] = g * POSITION_LIMIT + i;
  }
  const sorted = keys.subarray(0, count).sort();
  const out = new Int32Array(2 * count);
  let used = 0;
  for (let s = 0; s < sorted.length; ) {
    const g = Math.floor((sorted[s] as number) / POSITION_LIMIT);
    let e = s;
    while (e < sorted.length && Math.floor((sorted[e] as number) / POSITION_LIMIT) === g) e++;
    if (e - s <= MAX_ANCHOR_REPEATS_PER_ARTICLE) {
      for (let m = s; m < e; m++) {
        out[used++] = g;
        out[used++] = (sorted[m] as number) % POSITION_LIMIT;
      }
    }
    s = e;
  }
  return out.slice(0, used);
}

/**
 * Pairs sharing enough anchors, found through posting lists: work grows with the number of
 * shared n-grams, not with the product of the texts.
 */
function candidatePairs(texts: readonly ReuseText[], gramCount: number): [number, number][] {
  const postings = articlesPerGram(texts, gramCount);
  const counter = pairCounter(texts.length);
  for (let g = 0; g < gramCount; g++) {
    const from = postings.offsets[g] as number;
    const to = postings.offsets[g + 1] as number;
    for (let x = from; x < to; x++) {
      for (let y = x + 1; y < to; y++)
        counter.add(postings.articles[x] as number, postings.articles[y] as number);
    }
  }
  return counter.pairsWithAtLeast(MIN_CANDIDATE_ANCHORS);
}

/** For each gram, the articles (in story order) using it as an anchor, as one flat table. */
function articlesPerGram(
  texts: readonly ReuseText[],
  gramCount: number,
): { offsets: Int32Array; articles: Int32Array } {
  const offsets = new Int32Array(gramCount + 1);
  const lastSeen = new Int32Array(gramCount).fill(-1);
  const eachUse = (visit: (g: number, order: number) => void) => {
    lastSeen.fill(-1);
    for (const t of texts) {
      for (let m = 0; m < t.anchors.length; m += 2) {
        const g = t.anchors[m] as number;
        if (lastSeen[g] === t.order) continue;
        lastSeen[g] = t.order;
        visit(g, t.order);
      }
    }
  };
  eachUse((g) => {
    offsets[g + 1] = (offsets[g + 1] as number) + 1;
  });
  for (let g = 0; g < gramCount; g++) offsets[g + 1] = (offsets[g + 1] as number) + (offsets[g] as number);
  const fill = offsets.slice(0, gramCount);
  const articles = new Int32Array(offsets[gramCount] as number);
  eachUse((g, order) => {
    articles[fill[g] as number] = order;
    fill[g] = (fill[g] as number) + 1;
  });
  return { offsets, articles };
}

interface PairCounter {
  add(a: number, b: number): void;
  /** Pairs [a, b] with a < b counted at least `min` times, in (a, b) order. */
  pairsWithAtLeast(min: number): [number, number][];
}

function pairCounter(n: number): PairCounter {
  if (n <= DENSE_PAIR_LIMIT) {
    const cells = new Int32Array(n * n);
    return {
      add: (a, b) => {
        cells[a * n + b] = (cells[a * n + b] as number) + 1;
      },
      pairsWithAtLeast: (min) => {
        const out: [number, number][] = [];
        for (let a = 0; a < n; a++) {
          for (let b = a + 1; b < n; b++) if ((cells[a * n + b] as number) >= min) out.push([a, b]);
        }
        return out;
      },
    };
  }
  const cells = new Map<number, number>();
  return {
    add: (a, b) => {
      cells.set(a * n + b, (cells.get(a * n + b) ?? 0) + 1);
    },
    pairsWithAtLeast: (min) =>
      [...cells.entries()]
        .filter(([, count]) => count >= min)
        .map(([key]) => key)
        .sort((x, y) => x - y)
        .map((key): [number, number] => [Math.floor(key / n), key % n]),
  };
}
