import type { Coverage, QuoteGroup, Reading, ReusePair, Sentence, Span, Witness } from "../model/index.js";
import { wordTokens } from "../text/tokens.js";

export interface CoverageInput {
  quoteGroups: readonly QuoteGroup[];
  reuse: readonly ReusePair[];
  witnesses: readonly Witness[];
}

/**
 * A sentence at least this much inside passages shared with another article is shared content:
 * a copier who keeps half a sentence and rewrites the rest ("Kerry admits [in the meeting] that
 * the primary goal…, and [a new clause]") still repeats its point.
 */
const COVERED_SENTENCE_SHARE = 0.25;

/**
 * A sentence is unique only if it shares less than this share of content words with every
 * sentence of another article, measured on the shorter of the two: a paraphrase keeps most of
 * the nouns and verbs ("the audio was leaked to the newspaper" / "the newspaper obtained the
 * leaked audio"), and a long sentence that folds in another article's short one repeats it.
 */
const UNIQUE_MAX_OVERLAP = 0.5;

/** Sentences with fewer content words than this ("Here is the audio.") carry too little to call unique. */
const MIN_UNIQUE_CONTENT_WORDS = 3;

/**
 * Words found in more than this share of the story's sentences (the subject's name, the place)
 * say nothing about which point a sentence makes and are not compared…
 */
const COMMON_WORD_SENTENCE_SHARE = 0.2;
/** …unless the story is so small that the share is a handful of sentences. */
const COMMON_WORD_MIN_SENTENCES = 6;

/** Function words and reporting verbs: shared by any two English sentences. */
const STOPWORDS = new Set(
  (
    "a an the and or but nor so yet of in on at to for from by with without about as into onto over under " +
    "after before since until than then that this these those there here it its it's he she they them his her " +
    "their we us our you your i me my is are was were be been being has have had do does did will would can " +
    "could should may might must shall not no also just only very more most some any all each other such " +
    "which who whom whose what when where why how if while because though although said says say told tells " +
    "according mr mrs ms"
  ).split(" "),
);

/**
 * What each article carries that the others do not: quote groups only its witness has, and
 * sentences no reuse passage covers and no other article's sentence substantially repeats.
 */
export function findCoverage(readings: readonly Reading[], input: CoverageInput): Coverage[] {
  const uniqueQuotes = quotesOnlyOneWitnessHas(input.quoteGroups, input.witnesses);
  const contentOf = readings.map((r) => r.sentences.map((s) => contentWords(s.text)));
  const common = commonWords(contentOf);
  const index = sentenceIndex(contentOf, common);
  return readings.map((reading, k) => {
    const shared = sharedSpans(reading.article.id, input.reuse);
    const uniqueSentences: number[] = [];
    for (const [n, sentence] of reading.sentences.entries()) {
      if (coveredShare(sentence, shared) >= COVERED_SENTENCE_SHARE) continue;
      const words = [...(contentOf[k]?.[n] ?? [])].filter((w) => !common.has(w));
      if (words.length < MIN_UNIQUE_CONTENT_WORDS) continue;
      if (bestOverlapElsewhere(words, k, index) < UNIQUE_MAX_OVERLAP) uniqueSentences.push(n);
    }
    return {
      article: reading.article.id,
      uniqueQuotes: uniqueQuotes.get(reading.article.id) ?? [],
      uniqueSentences,
    };
  });
}

function quotesOnlyOneWitnessHas(
  groups: readonly QuoteGroup[],
  witnesses: readonly Witness[],
): Map<string, string[]> {
  const witnessOf = new Map<string, string>();
  for (const w of witnesses) for (const id of w.articles) witnessOf.set(id, w.id);
  const out = new Map<string, string[]>();
  for (const g of groups) {
    const articles = [...new Set(g.members.map((m) => m.article))];
    const carriers = new Set(articles.map((id) => witnessOf.get(id) ?? id));
    if (carriers.size !== 1) continue;
    for (const id of articles) {
      const list = out.get(id);
      if (list) list.push(g.id);
      else out.set(id, [g.id]);
    }
  }
  return out;
}

function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of wordTokens(text)) {
    if (STOPWORDS.has(t.norm)) continue;
    if (t.norm.length >= 3 || /\p{N}/u.test(t.norm)) out.add(t.norm);
  }
  return out;
}

function commonWords(contentOf: readonly Set<string>[][]): Set<string> {
  const sentenceCount = new Map<string, number>();
  let total = 0;
  for (const article of contentOf) {
    for (const words of article) {
      total++;
      for (const w of words) sentenceCount.set(w, (sentenceCount.get(w) ?? 0) + 1);
    }
  }
  const limit = Math.max(COMMON_WORD_MIN_SENTENCES, COMMON_WORD_SENTENCE_SHARE * total);
  return new Set([...sentenceCount].filter(([, n]) => n > limit).map(([w]) => w));
}

/** Every sentence of the story, numbered across articles, with its compared (not common) words. */
interface SentenceIndex {
  /** Numbers of the sentences holding each word. */
  postings: Map<string, number[]>;
  articleOf: number[];
  size: number[];
}

function sentenceIndex(contentOf: readonly Set<string>[][], common: ReadonlySet<string>): SentenceIndex {
  const index: SentenceIndex = { postings: new Map(), articleOf: [], size: [] };
  for (const [k, article] of contentOf.entries()) {
    for (const words of article) {
      const id = index.articleOf.length;
      index.articleOf.push(k);
      let size = 0;
      for (const w of words) {
        if (common.has(w)) continue;
        size++;
        const list = index.postings.get(w);
        if (list) list.push(id);
        else index.postings.set(w, [id]);
      }
      index.size.push(size);
    }
  }
  return index;
}

/**
 * Highest overlap between these words and one sentence of another article, as a share of the
 * smaller word set. Sentences too small to be called unique are not compared either: three
 * words of theirs inside a long sentence say nothing.
 */
function bestOverlapElsewhere(words: readonly string[], article: number, index: SentenceIndex): number {
  const hits = new Map<number, number>();
  for (const w of words) {
    for (const id of index.postings.get(w) ?? []) {
      if (index.articleOf[id] !== article) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
  }
  let best = 0;
  for (const [id, count] of hits) {
    const size = index.size[id] as number;
    if (size < MIN_UNIQUE_CONTENT_WORDS) continue;
    best = Math.max(best, count / Math.min(size, words.length));
  }
  return best;
}

/** The article's characters inside passages shared with any other article, as sorted disjoint spans. */
function sharedSpans(articleId: string, reuse: readonly ReusePair[]): Span[] {
  const spans: Span[] = [];
  for (const pair of reuse) {
    if (pair.a === articleId) spans.push(...pair.passages.map((p) => p.aSpan));
    if (pair.b === articleId) spans.push(...pair.passages.map((p) => p.bSpan));
  }
  spans.sort((x, y) => x.start - y.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged;
}

/** Share of the sentence's characters inside the (sorted, disjoint) shared spans. */
function coveredShare(sentence: Sentence, spans: readonly Span[]): number {
  const length = sentence.end - sentence.start;
  if (length <= 0) return 0;
  let inside = 0;
  for (const s of spans) {
    if (s.start >= sentence.end) break;
    inside += Math.max(0, Math.min(s.end, sentence.end) - Math.max(s.start, sentence.start));
  }
  return inside / length;
}
