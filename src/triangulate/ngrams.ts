import type { Reading } from "../model/index.js";
import { type WordToken, wordTokens } from "../text/tokens.js";
import { quotedSpans } from "./quoted.js";
import {
  ANCHOR_NGRAM_WORDS,
  BOILERPLATE_MAX_RUN_WORDS,
  BOILERPLATE_MIN_ARTICLE_SHARE,
  BOILERPLATE_MIN_ARTICLES,
  MAX_ANCHOR_REPEATS_PER_ARTICLE,
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

/**
 * A pair must share this many distinct anchor n-grams to be aligned at all. A kept passage has
 * at least MIN_PASSAGE_WORDS matched words, which exact runs of five words cannot reach with a
 * single n-gram; pairs sharing one stock phrase are dropped before any alignment work.
 */
const MIN_CANDIDATE_ANCHORS = 2;

/** Up to this many articles, pair counts live in a dense matrix (4M cells); beyond, in a map. */
const DENSE_PAIR_LIMIT = 2048;

export function buildReuseIndex(readings: readonly Reading[]): ReuseIndex {
  const vocabulary = new Map<string, number>();
  const texts = readings.map((reading, order) => prepareText(reading, order, vocabulary));
  const gramIds = new Map<string, number>();
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

/** Gram id of the n-gram starting at each position; -1 where fewer than n words remain. */
function gramIdsOf(words: Int32Array, gramIds: Map<string, number>): Int32Array {
  const out = new Int32Array(words.length).fill(-1);
  for (let i = 0; i + ANCHOR_NGRAM_WORDS <= words.length; i++) {
    const key = Array.prototype.join.call(words.subarray(i, i + ANCHOR_NGRAM_WORDS), " ");
    let id = gramIds.get(key);
    if (id === undefined) {
      id = gramIds.size;
      gramIds.set(key, id);
    }
    out[i] = id;
  }
  return out;
}

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
 * Boilerplate is masked (its words can no longer match): words covered by n-grams nearly every
 * article carries, forming a short unquoted run. The run test keeps a wire story that every
 * outlet republished (long runs) and quotations every outlet used (quoted).
 */
function maskBoilerplate(texts: ReuseText[], gramsAt: readonly Int32Array[], articleCount: Int32Array): void {
  const minArticles = Math.max(
    BOILERPLATE_MIN_ARTICLES,
    Math.ceil(BOILERPLATE_MIN_ARTICLE_SHARE * texts.length),
  );
  if (texts.length < minArticles) return;
  for (const [k, text] of texts.entries()) {
    const grams = gramsAt[k] as Int32Array;
    const common = new Uint8Array(text.words.length);
    for (let i = 0; i < grams.length; i++) {
      const g = grams[i] as number;
      if (g >= 0 && (articleCount[g] as number) >= minArticles) common.fill(1, i, i + ANCHOR_NGRAM_WORDS);
    }
    let runStart = -1;
    for (let i = 0; i <= common.length; i++) {
      if (i < common.length && common[i] === 1) {
        if (runStart < 0) runStart = i;
        continue;
      }
      if (runStart >= 0 && isBoilerplateRun(text.quoted, runStart, i)) text.words.fill(-1, runStart, i);
      runStart = -1;
    }
  }
}

function isBoilerplateRun(quoted: Uint8Array, start: number, end: number): boolean {
  return end - start <= BOILERPLATE_MAX_RUN_WORDS && !quoted.subarray(start, end).includes(1);
}

/** [gramId, position] pairs of n-grams free of masked words and not repeated past the cap. */
function anchorTable(words: Int32Array, grams: Int32Array): Int32Array {
  const usable: [number, number][] = [];
  for (let i = 0; i < grams.length; i++) {
    const g = grams[i] as number;
    if (g >= 0 && !words.subarray(i, i + ANCHOR_NGRAM_WORDS).includes(-1)) usable.push([g, i]);
  }
  usable.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: number[] = [];
  for (let s = 0; s < usable.length; ) {
    let e = s;
    while (e < usable.length && (usable[e] as [number, number])[0] === (usable[s] as [number, number])[0])
      e++;
    if (e - s <= MAX_ANCHOR_REPEATS_PER_ARTICLE) {
      for (let m = s; m < e; m++) out.push(...(usable[m] as [number, number]));
    }
    s = e;
  }
  return Int32Array.from(out);
}

/**
 * Pairs sharing enough anchors, found through posting lists: work grows with the number of
 * shared n-grams, not with the product of the texts.
 */
function candidatePairs(texts: readonly ReuseText[], gramCount: number): [number, number][] {
  const postings: number[][] = Array.from({ length: gramCount }, () => []);
  for (const t of texts) {
    for (let m = 0; m < t.anchors.length; m += 2) {
      const list = postings[t.anchors[m] as number] as number[];
      if (list[list.length - 1] !== t.order) list.push(t.order);
    }
  }
  const n = texts.length;
  const counter = pairCounter(n);
  for (const list of postings) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) counter.add(list[x] as number, list[y] as number);
    }
  }
  return counter.pairsWithAtLeast(MIN_CANDIDATE_ANCHORS);
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
