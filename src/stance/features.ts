/**
 * Features of a headline–body pair, in a fixed order (FEATURE_NAMES). Three families, as in the
 * FNC-1 literature (Riedel et al. 2017; Hanselowski et al. 2018; Talos): how much of the headline
 * the body carries and where (tf-idf cosines with the body, its lead and its best sentences;
 * shared terms, bigrams, entities, figures, quoted words and speakers), how the body and the
 * sentences that match the headline take a position (refuting, negating, hedging, confirming,
 * reporting and intent cues, questions, quotes), and how the headline itself is framed.
 */
import { CUE_NAMES, type CueCounts, HEDGING, REFUTING } from "./cues.js";
import type { BodyDoc, HeadlineDoc, SentenceUnit, Vocabulary } from "./text.js";
import { cosine, idfOf } from "./text.js";

/** Best-matching sentences whose cues are counted: the claim's neighbourhood in the body. */
export const TOP_SENTENCES = 3;

/** A sentence with at least this tf-idf cosine to the headline is about the claim. */
export const RELATED_SENTENCE_COSINE = 0.15;

/** Best sentences whose neighbours' cues are counted, and how many sentences either side. */
export const NEAR_OF_TOP = 2;
export const NEAR_WINDOW = 1;

/** Sentence positions past this are "deep in the body" alike. */
const MAX_POSITION = 30;

class FeatureWriter {
  readonly values: number[] = [];
  readonly names: string[] = [];
  add(name: string, value: number): void {
    this.names.push(name);
    this.values.push(Number.isFinite(value) ? value : 0);
  }
  cues(prefix: string, c: CueCounts, scale = 1): void {
    for (const k of CUE_NAMES) this.add(`${prefix}.${k}`, c[k] * scale);
  }
}

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

function sumCues(sentences: readonly SentenceUnit[]): CueCounts {
  const out = {} as CueCounts;
  for (const k of CUE_NAMES) out[k] = 0;
  for (const s of sentences) for (const k of CUE_NAMES) out[k] += s.cues[k];
  return out;
}

/** Shared terms whose negation differs between headline and sentence ("did not die" vs "died"). */
function polarityClashes(h: HeadlineDoc, s: SentenceUnit): number {
  let n = 0;
  for (const t of h.termSet) {
    if (!s.termSet.has(t)) continue;
    if (h.negatedTerms.has(t) !== s.negatedTerms.has(t)) n++;
  }
  return n;
}

/** The body's sentences by tf-idf cosine to the headline, best first (ties: earlier first). */
export function rankSentences(h: HeadlineDoc, b: BodyDoc): { sims: number[]; order: number[] } {
  const sims = b.sentences.map((s) => cosine(h.vec, s.vec));
  const order = sims.map((_, i) => i).sort((x, y) => (sims[y] as number) - (sims[x] as number) || x - y);
  return { sims, order };
}

export function pairFeatures(
  h: HeadlineDoc,
  b: BodyDoc,
  vocab: Vocabulary,
): { values: number[]; names: string[] } {
  const f = new FeatureWriter();
  const { sims, order } = rankSentences(h, b);
  const top = order.slice(0, TOP_SENTENCES).map((i) => b.sentences[i] as SentenceUnit);
  const best = order[0] ?? 0;
  const bestSentence = b.sentences[best] as SentenceUnit;
  const n = b.sentences.length;

  // How much of the headline the body carries, and where.
  f.add("cos.body", cosine(h.vec, b.whole.vec));
  f.add("cos.lead", cosine(h.vec, b.lead.vec));
  f.add("cos.best", sims[best] ?? 0);
  f.add("cos.second", sims[order[1] ?? best] ?? 0);
  f.add(
    "cos.topMean",
    top.reduce((a, _, k) => a + (sims[order[k] as number] as number), 0) / Math.max(1, top.length),
  );
  f.add("cos.first", sims[0] ?? 0);
  f.add("best.position", n > 1 ? best / (n - 1) : 0);
  f.add("best.index", Math.min(best, MAX_POSITION));
  const related = b.sentences.filter((_, i) => (sims[i] as number) >= RELATED_SENTENCE_COSINE);
  f.add("related.sentences", related.length);
  f.add("related.share", share(related.length, n));
  const firstRelated = sims.findIndex((x) => x >= RELATED_SENTENCE_COSINE);
  f.add("related.firstIndex", firstRelated < 0 ? MAX_POSITION : Math.min(firstRelated, MAX_POSITION));

  const hTerms = [...h.termSet];
  const inBody = hTerms.filter((t) => b.whole.termSet.has(t));
  let idfAll = 0;
  let idfIn = 0;
  let maxMissing = 0;
  for (const t of hTerms) {
    const w = idfOf(vocab, t);
    idfAll += w;
    if (b.whole.termSet.has(t)) idfIn += w;
    else maxMissing = Math.max(maxMissing, w);
  }
  f.add("terms.headline", hTerms.length);
  f.add("terms.shared", inBody.length);
  f.add("terms.share", share(inBody.length, hTerms.length));
  f.add("terms.idfShare", share(idfIn, idfAll));
  f.add("terms.maxMissingIdf", maxMissing);
  f.add("terms.leadShare", share(hTerms.filter((t) => b.lead.termSet.has(t)).length, hTerms.length));
  f.add("terms.bestShare", share(hTerms.filter((t) => bestSentence.termSet.has(t)).length, hTerms.length));
  let bodyHits = 0;
  for (const t of b.whole.terms) if (h.termSet.has(t)) bodyHits++;
  f.add("terms.bodyHitRate", share(bodyHits, b.whole.terms.length) * 100);
  const sharedBigrams = [...h.bigrams].filter((g) => b.bigrams.has(g)).length;
  f.add("bigrams.shared", sharedBigrams);
  f.add("bigrams.share", share(sharedBigrams, h.bigrams.size));

  // Who and what: entities, speakers, figures, quoted words.
  f.add("entities.headlineShare", share(hTerms.filter((t) => b.entityTerms.has(t)).length, hTerms.length));
  const topHits = b.topEntityTerms.filter((e) => e.some((t) => h.termSet.has(t))).length;
  f.add("entities.topInHeadline", topHits);
  f.add("entities.firstInHeadline", b.topEntityTerms[0]?.some((t) => h.termSet.has(t)) ? 1 : 0);
  f.add("speakers.inHeadline", hTerms.filter((t) => b.speakerTerms.has(t)).length);
  f.add("numbers.headline", h.numbers.size);
  const numbersIn = [...h.numbers].filter((x) => b.whole.numbers.has(x) || b.figures.has(x)).length;
  f.add("numbers.share", h.numbers.size > 0 ? numbersIn / h.numbers.size : -1);
  f.add("quotes.rate", share(b.quotes, b.words) * 100);
  f.add("quotes.termShare", share(hTerms.filter((t) => b.quotedTerms.has(t)).length, hTerms.length));
  f.add("quotes.best", bestSentence.quoted ? 1 : 0);
  f.add("quotes.topShare", share(top.filter((s) => s.quoted).length, top.length));
  f.add("attributions.rate", share(b.attributions, n));

  // How the body takes a position: over the whole, in its lead, near the claim.
  f.cues("body", b.cues, 1 / Math.max(1, n));
  f.cues("lead", b.lead.cues);
  f.cues("top", sumCues(top));
  f.cues("best", bestSentence.cues);
  // A debunk often states the claim in one sentence and refutes it in the next ("… the photo
  // shows a shark on the highway. The image is a hoax."): the best sentences' neighbours count too.
  const near = new Set<number>();
  for (const i of order.slice(0, NEAR_OF_TOP))
    for (let j = i - NEAR_WINDOW; j <= i + NEAR_WINDOW; j++) if (j >= 0 && j < n) near.add(j);
  f.cues("near", sumCues([...near].sort((x, y) => x - y).map((j) => b.sentences[j] as SentenceUnit)));
  const headlineCueWords = h.norms.filter((w) => REFUTING.has(w) || HEDGING.has(w));
  f.add(
    "headlineCues.inBody",
    headlineCueWords.length > 0
      ? share(headlineCueWords.filter((w) => b.whole.norms.includes(w)).length, headlineCueWords.length)
      : -1,
  );
  const withCue = (k: keyof CueCounts) => related.filter((s) => s.cues[k] > 0).length;
  f.add("related.refutingShare", share(withCue("refuting") + withCue("refutingPhrases"), related.length));
  f.add("related.negationShare", share(withCue("negation"), related.length));
  f.add("related.hedgingShare", share(withCue("hedging"), related.length));
  f.add("related.confirmingShare", share(withCue("confirming"), related.length));
  f.add("related.quotedShare", share(related.filter((s) => s.quoted).length, related.length));
  f.add("related.questionShare", share(related.filter((s) => s.question).length, related.length));
  f.add("body.questionRate", share(b.sentences.filter((s) => s.question).length, n));
  let clashes = 0;
  for (const s of top) clashes += polarityClashes(h, s);
  f.add("polarity.clashes", clashes);
  f.add("polarity.bestClash", polarityClashes(h, bestSentence));

  // How the headline is framed.
  f.cues("headline", h.cues);
  f.add("headline.question", h.question ? 1 : 0);
  f.add("headline.quoteMarks", h.quoteMarks ? 1 : 0);
  f.add("headline.words", h.norms.length);
  f.add("body.words", Math.log1p(b.words));
  f.add("body.sentences", n);

  return f;
}

let names: string[] | null = null;

/** Feature names, in the order pairFeatures writes them. */
export function featureNames(): string[] {
  if (names === null) {
    names = [...pairFeatures(emptyHeadline(), emptyBody(), { idf: new Map(), unseen: 1 }).names];
  }
  return names;
}

function emptyUnit() {
  return {
    text: "",
    norms: [],
    stems: [],
    terms: [],
    termSet: new Set<string>(),
    vec: new Map<string, number>(),
    cues: Object.fromEntries(CUE_NAMES.map((k) => [k, 0])) as unknown as CueCounts,
    negatedTerms: new Set<string>(),
    numbers: new Set<number>(),
  };
}

function emptyHeadline(): HeadlineDoc {
  return { ...emptyUnit(), question: false, quoteMarks: false, bigrams: new Set() };
}

function emptyBody(): BodyDoc {
  return {
    id: "",
    sentences: [{ ...emptyUnit(), quoted: false, question: false }],
    whole: emptyUnit(),
    lead: emptyUnit(),
    cues: emptyUnit().cues,
    words: 0,
    quotes: 0,
    quotedTerms: new Set(),
    speakerTerms: new Set(),
    entityTerms: new Set(),
    topEntityTerms: [],
    figures: new Set(),
    attributions: 0,
    bigrams: new Set(),
    readFailed: false,
  };
}
