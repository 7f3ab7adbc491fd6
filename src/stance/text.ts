/**
 * Headlines and bodies as the stance features see them. A body is read once by the project's
 * reader (sentences, quotes with speakers, entities, figures, attributions) and its words are
 * weighed by a vocabulary's inverse document frequency; a headline is short and only tokenised.
 * Both are cached by the caller: a body is paired with dozens of headlines.
 */
import type { Article, Reading, Sentence } from "../model/index.js";
import { readArticle } from "../read/index.js";
import { rawArticle } from "../read/raw.js";
import { wordTokens } from "../text/tokens.js";
import { isStopword, stem } from "../triangulate/lexicon.js";
import { addCues, type CueCounts, countCues, NO_CUES } from "./cues.js";

/** Term weights: inverse document frequency over the training headlines and bodies. */
export interface Vocabulary {
  idf: ReadonlyMap<string, number>;
  /** Weight of a term the training texts never had (or had once): as rare as a term can be. */
  unseen: number;
}

/** Terms seen in fewer documents than this are dropped from the shipped vocabulary (they weigh as unseen). */
export const MIN_DOCUMENT_FREQUENCY = 2;

/** Sentences at the top of a body: news puts the claim and the outlet's stance on it first. */
export const LEAD_SENTENCES = 3;

/** Characters of a body the reader looks at; FNC-1 bodies reach 30,000, an outlier should not stall a run. */
export const MAX_BODY_CHARS = 60_000;

/** The comparable terms of a text: stems of its non-function words (numbers kept: "16-foot" vs "20"). */
export function termsOf(norms: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of norms) {
    if (n.length < 2 || isStopword(n)) continue;
    out.push(stem(n.replace(/-/g, "")));
  }
  return out;
}

/** Document frequencies, the form a vocabulary ships in: terms sorted, each with its count. */
export interface VocabularyCounts {
  documents: number;
  terms: string[];
  df: number[];
}

export function countVocabulary(documents: Iterable<readonly string[]>): VocabularyCounts {
  const df = new Map<string, number>();
  let n = 0;
  for (const terms of documents) {
    n++;
    for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const kept = [...df].filter(([, d]) => d >= MIN_DOCUMENT_FREQUENCY).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { documents: n, terms: kept.map(([t]) => t), df: kept.map(([, d]) => d) };
}

export function vocabularyFrom(counts: VocabularyCounts): Vocabulary {
  const n = counts.documents;
  const idf = new Map<string, number>();
  counts.terms.forEach((t, i) => {
    idf.set(t, Math.log((n + 1) / ((counts.df[i] ?? 0) + 1)) + 1);
  });
  return { idf, unseen: Math.log(n + 1) + 1 };
}

export function idfOf(vocab: Vocabulary, term: string): number {
  return vocab.idf.get(term) ?? vocab.unseen;
}

/** L2-normalised tf-idf vector (sublinear term frequency). */
export function tfidf(terms: readonly string[], vocab: Vocabulary): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  const v = new Map<string, number>();
  let norm = 0;
  for (const [t, f] of tf) {
    const w = (1 + Math.log(f)) * idfOf(vocab, t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/** Cosine of two normalised vectors; iterate over the smaller. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) dot += w * o;
  }
  return dot;
}

/** Negation this many words before a term governs it ("did not die"), as the claim checks read it. */
export const NEGATION_SCOPE = 3;

export interface TextUnit {
  text: string;
  norms: string[];
  stems: string[];
  terms: string[];
  termSet: Set<string>;
  vec: Map<string, number>;
  cues: CueCounts;
  /** Terms with a negation cue within NEGATION_SCOPE words before them. */
  negatedTerms: Set<string>;
  numbers: Set<number>;
}

function numbersIn(norms: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const n of norms) {
    if (!/^\d/.test(n)) continue;
    const v = Number(n.replace(/,/g, "").replace(/[^\d.].*$/, ""));
    if (Number.isFinite(v)) out.add(v);
  }
  return out;
}

export function textUnit(text: string, vocab: Vocabulary): TextUnit {
  const norms = wordTokens(text).map((t) => t.norm);
  const stems = norms.map((n) => stem(n.replace(/-/g, "")));
  const terms = termsOf(norms);
  const negatedTerms = new Set<string>();
  let lastNegation = Number.NEGATIVE_INFINITY;
  norms.forEach((n, i) => {
    if (i - lastNegation <= NEGATION_SCOPE && n.length >= 2 && !isStopword(n))
      negatedTerms.add(stems[i] as string);
    if (n === "not" || n === "no" || n === "never" || n.endsWith("n't") || n === "cannot") lastNegation = i;
  });
  return {
    text,
    norms,
    stems,
    terms,
    termSet: new Set(terms),
    vec: tfidf(terms, vocab),
    cues: countCues(norms, stems),
    negatedTerms,
    numbers: numbersIn(norms),
  };
}

export interface SentenceUnit extends TextUnit {
  /** The sentence holds (part of) a direct or partial quote. */
  quoted: boolean;
  question: boolean;
}

export interface BodyDoc {
  id: string;
  sentences: SentenceUnit[];
  whole: TextUnit;
  /** The first LEAD_SENTENCES sentences together. */
  lead: TextUnit;
  cues: CueCounts;
  words: number;
  quotes: number;
  /** Terms inside quotation marks, and the terms of the quotes' speakers' names. */
  quotedTerms: Set<string>;
  speakerTerms: Set<string>;
  /** Terms of named people, organisations and places, and of the five most mentioned. */
  entityTerms: Set<string>;
  topEntityTerms: string[][];
  figures: Set<number>;
  attributions: number;
  bigrams: Set<string>;
  /** The reader failed on this body; it was scored on its words alone. */
  readFailed: boolean;
}

export function bigramsOf(terms: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < terms.length; i++) out.add(`${terms[i]} ${terms[i + 1]}`);
  return out;
}

/** Entities shown by how often they are mentioned: the body's main actors. */
const TOP_ENTITIES = 5;

function nameTerms(name: string): string[] {
  return termsOf(wordTokens(name).map((t) => t.norm));
}

/**
 * A body read once: the reader's sentences, quotes, entities and figures, with term vectors. If
 * the reader fails on a body, the body is still scored on its words (sentences split at end
 * marks, no quotes or entities) and `readFailed` says so: one odd body must not sink a whole run.
 */
export function bodyDoc(id: string, text: string, vocab: Vocabulary): BodyDoc {
  const clipped = text.length > MAX_BODY_CHARS ? text.slice(0, MAX_BODY_CHARS) : text;
  const { article } = rawArticle(id, `body ${id}`, clipped);
  let reading: BodyReading;
  let readFailed = false;
  try {
    reading = readArticle(article);
  } catch {
    readFailed = true;
    reading = wordsOnly(article);
  }
  return { ...bodyDocOf(id, reading, vocab), readFailed };
}

/** Sentence ends for the fallback reading: an end mark (and closing quote) before a space. */
const SENTENCE_END = /(?<=[.!?][”"’']?)\s+/g;

function wordsOnly(article: Article): BodyReading {
  const sentences: Sentence[] = [];
  let offset = 0;
  article.paragraphs.forEach((p, paragraph) => {
    let start = 0;
    for (const m of p.matchAll(SENTENCE_END)) {
      sentences.push({
        text: p.slice(start, m.index),
        start: offset + start,
        end: offset + m.index,
        paragraph,
      });
      start = m.index + m[0].length;
    }
    if (start < p.length)
      sentences.push({ text: p.slice(start), start: offset + start, end: offset + p.length, paragraph });
    offset += p.length + 2;
  });
  return { article, sentences, quotes: [], entities: [], figures: [], attributions: [] };
}

/** What a body's features take from a reading. */
export type BodyReading = Pick<
  Reading,
  "article" | "sentences" | "quotes" | "entities" | "figures" | "attributions"
>;

/** The same from a reading the story already has (its sentence indices are the reading's). */
export function bodyDocOf(id: string, reading: BodyReading, vocab: Vocabulary): BodyDoc {
  const quotedSentences = new Set<number>();
  const quotedTerms = new Set<string>();
  const speakerTerms = new Set<string>();
  for (const q of reading.quotes) {
    quotedSentences.add(q.sentence);
    const terms = termsOf(wordTokens(q.text).map((w) => w.norm));
    for (const t of terms) quotedTerms.add(t);
    if (q.speaker) for (const t of nameTerms(q.speaker)) speakerTerms.add(t);
  }
  const sentences: SentenceUnit[] = reading.sentences.map((s, i) => ({
    ...textUnit(s.text, vocab),
    quoted: quotedSentences.has(i),
    question: /\?\s*["”’']?\s*$/.test(s.text),
  }));
  const body = reading.article.body;
  if (sentences.length === 0) sentences.push({ ...textUnit(body, vocab), quoted: false, question: false });
  const whole = textUnit(body, vocab);
  const lead = textUnit(
    reading.sentences
      .slice(0, LEAD_SENTENCES)
      .map((s) => s.text)
      .join(" "),
    vocab,
  );
  const entityTerms = new Set<string>();
  for (const e of reading.entities) for (const t of nameTerms(e.name)) entityTerms.add(t);
  const topEntityTerms = [...reading.entities]
    .sort((a, b) => b.mentions.length - a.mentions.length || a.id.localeCompare(b.id))
    .slice(0, TOP_ENTITIES)
    .map((e) => nameTerms(e.name))
    .filter((t) => t.length > 0);
  let cues = NO_CUES;
  for (const s of sentences) cues = addCues(cues, s.cues);
  return {
    id,
    sentences,
    whole,
    lead,
    cues,
    words: whole.norms.length,
    quotes: reading.quotes.length,
    quotedTerms,
    speakerTerms,
    entityTerms,
    topEntityTerms,
    figures: new Set(reading.figures.map((f) => f.value)),
    attributions: reading.attributions.length,
    bigrams: bigramsOf(whole.terms),
    readFailed: false,
  };
}

export interface HeadlineDoc extends TextUnit {
  question: boolean;
  /** The headline carries quotation marks (a quoted claim, or scare quotes). */
  quoteMarks: boolean;
  bigrams: Set<string>;
}

export function headlineDoc(text: string, vocab: Vocabulary): HeadlineDoc {
  const unit = textUnit(text, vocab);
  return {
    ...unit,
    question: text.includes("?"),
    quoteMarks: /["“”‘’']\p{L}/u.test(text) && /[“”"‘’]/.test(text),
    bigrams: bigramsOf(unit.terms),
  };
}
