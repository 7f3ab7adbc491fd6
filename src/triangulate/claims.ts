/**
 * Claim support: for every claim of every version, the evidence the story holds for it (quotes
 * of the cited speaker, what independent versions say, figures) and the named ways it falls
 * short. Verdicts describe what the versions show, never what is true in the world.
 */
import type {
  Claim,
  ClaimSupport,
  FigureGroup,
  Quote,
  QuoteGroup,
  Reading,
  Verdict,
  Witness,
} from "../model/index.js";
import { RELATED_SENTENCE_COSINE, rankSentences } from "../stance/features.js";
import type { RelatedStance } from "../stance/labels.js";
import { type StancePredictor, shippedPredictor } from "../stance/model.js";
import { type WordToken, wordTokens } from "../text/tokens.js";
import { alignWords, indexOfRun, lcsLength } from "./diff.js";
import {
  ANAPHORIC_DETERMINERS,
  BE_FORMS,
  concept,
  contentConcepts,
  DENIAL_VERBS,
  FRAMING_WORDS,
  INTENT_ADVERBS,
  INTENT_VERBS,
  isStopword,
  LET_VERB,
  LET_WINDOW,
  NEGATION_CUES,
  NUMBER_WORDS,
  normalizeUnit,
  OBSERVATION_VERBS,
  PERMISSION_VERBS,
  QUALIFIERS,
  stem,
} from "./lexicon.js";
import { mentionsSpeaker, sameSpeaker } from "./names.js";

export interface ClaimEvidence {
  quoteGroups: readonly QuoteGroup[];
  figureGroups: readonly FigureGroup[];
  witnesses: readonly Witness[];
  /**
   * The stance model that reads each claim against the other witnesses' bodies: the shipped one
   * when absent (loaded once per process), none when null (the named detectors alone).
   */
  stance?: StancePredictor | null;
}

/** Share of a claim's topic words a passage must carry to say "the same thing". */
export const STRONG_OVERLAP = 0.6;
/** Share of a claim's topic words a passage must carry to bear on part of it. */
export const WEAK_OVERLAP = 0.35;
/** Fewer shared topic words than this is coincidence, whatever the share. */
export const MIN_SHARED_CONCEPTS = 2;
/**
 * Partial evidence needs more: two words a whole story shares ("Syria", "Kerry") would
 * otherwise make every sentence bear on every other.
 */
export const WEAK_MIN_SHARED = 3;

/** A negation this many words before a shared predicate word governs it ("did not send"). */
export const NEGATION_WINDOW = 3;

/** Quoted words in a claim shorter than this ("‘ally’") are scare quotes, not a quotation to check. */
export const MIN_QUOTED_WORDS = 2;

/** Floor on a topic word's weight: a word every passage has still says something. */
const MIN_CONCEPT_WEIGHT = 0.05;

/** Clauses of the speaker's own words shown when an intent is not in them: enough to see what they say. */
const MAX_SHOWN_CLAUSES = 4;

/** Clauses sharing this share of the shorter one's words are versions of one clause ("[ISIS]" / "DAESH [the IS]"). */
const SAME_CLAUSE_SHARE = 0.75;

/** Evidence passages quoted inside reasons are cut to this many characters. */
const EXCERPT_CHARS = 140;

/** Topic words carried by more passages than this do not nominate candidates (they still score). */
const MAX_EVIDENCE_POSTING = 2000;

/** Below this, a number matched in a quote without its unit word is likely a coincidence ("four"). */
const MIN_BARE_NUMBER = 10;

/** Four-digit numbers in this span are years; the timeline deals with them. */
const YEAR_MIN = 1800;
const YEAR_MAX = 2100;

/**
 * Other witnesses whose bodies the stance model reads for one claim, at most: each read costs
 * about a millisecond, and a story of a hundred versions with dozens of claims each must stay quick.
 */
export const MAX_STANCE_WITNESSES = 20;

/**
 * Bodies shorter than this many words are not read by the stance model: it learned from FNC-1's
 * full articles (96 in 100 are this long or longer; median 301 words), and on a one-line wire it
 * guesses. Short passages are the named detectors' job.
 */
export const MIN_STANCE_BODY_WORDS = 40;

/**
 * The model decides disagree with the rare class weighted up (it is tuned for FNC-1's macro-F1);
 * to call a claim contradicted on the model alone it must also put at least this probability on
 * disagree, since a false "contradicted" misleads a reader more than a missed one.
 */
export const STANCE_CONTRADICT_MIN = 0.5;

/**
 * Stance-model reads a story may spend on body claims, in all: headlines are always read against
 * every witness (up to MAX_STANCE_WITNESSES), body claims in story order until this runs out
 * (about 1.5 s), so a story of a hundred long versions stays within its 10 s budget.
 */
export const MAX_BODY_CLAIM_STANCE_READS = 1500;

/** Best-matching sentences of a body quoted as the model's evidence. */
const STANCE_EVIDENCE_SENTENCES = 2;

// ---------------------------------------------------------------------------------------------
// The story's passages, indexed once

/** Per-word facts the polarity check needs, computed once per passage. */
interface WordFacts {
  concepts: string[];
  /** Lower-case content words: candidates for the predicate (names are capitalised). */
  predicate: boolean[];
  /** A negation cue within NEGATION_WINDOW words before, or a denial verb earlier in the passage. */
  negated: boolean[];
  /** First index of each concept. */
  firstIndex: Map<string, number>;
}

function wordFacts(tokens: readonly WordToken[]): WordFacts {
  const concepts: string[] = [];
  const predicate: boolean[] = [];
  const negated: boolean[] = [];
  const firstIndex = new Map<string, number>();
  let denial = false;
  let lastCue = Number.NEGATIVE_INFINITY;
  tokens.forEach((t, i) => {
    const c = concept(t.norm);
    concepts.push(c);
    predicate.push(!isStopword(t.norm) && t.text[0] === t.text[0]?.toLowerCase());
    negated.push(denial || i - lastCue <= NEGATION_WINDOW);
    if (!firstIndex.has(c)) firstIndex.set(c, i);
    if (NEGATION_CUES.has(t.norm)) lastCue = i;
    if (DENIAL_VERBS.has(stem(t.norm))) denial = true;
  });
  return { concepts, predicate, negated, firstIndex };
}

interface Passage {
  kind: "quote" | "claim";
  id: string;
  article: string;
  witness: string;
  text: string;
  tokens: WordToken[];
  norms: string[];
  concepts: Set<string>;
  speaker: string | null;
  quote: Quote | null;
  /** Word facts, computed on first use (most passages are never checked for polarity). */
  words: () => WordFacts;
  /** Numbers written in the passage, in digits or words; computed on first use. */
  numbers: () => Set<number>;
  /** The passage cut into clauses; computed on first use. */
  clauses: () => ClauseBase[];
}

interface StoryIndex {
  readings: readonly Reading[];
  witnessOf: (article: string) => string;
  witnessMates: (article: string) => string[];
  /** Passages grouped by kind and exact wording, in first-appearance order. */
  forms: Passage[][];
  quotes: Passage[];
  /** Topic word → indices into `forms`. */
  byConcept: Map<string, number[]>;
  speakers: string[];
  groupOfQuote: Map<string, QuoteGroup>;
  figureGroups: readonly FigureGroup[];
  readingOf: Map<string, Reading>;
  /** Rarity weight of a topic word across the story's passages (inverse document frequency). */
  weight: (concept: string) => number;
  /** One reading per witness (its original, else its first article), in story order. */
  witnessReadings: { witness: string; reading: Reading }[];
  stance: StancePredictor | null;
  /** Stance-model reads left for body claims (MAX_BODY_CLAIM_STANCE_READS). */
  bodyClaimReads: number;
}

function passage(
  kind: Passage["kind"],
  id: string,
  article: string,
  witness: string,
  text: string,
  speaker: string | null,
  quote: Quote | null,
): Passage {
  const tokens = wordTokens(text);
  let facts: WordFacts | null = null;
  let numbers: Set<number> | null = null;
  let clauses: ClauseBase[] | null = null;
  return {
    clauses: () => {
      clauses ??= clausesOf(text);
      return clauses;
    },
    numbers: () => {
      numbers ??= numbersOf(tokens);
      return numbers;
    },
    words: () => {
      facts ??= wordFacts(tokens);
      return facts;
    },
    kind,
    id,
    article,
    witness,
    text,
    tokens,
    norms: tokens.map((t) => t.norm),
    concepts: contentConcepts(text),
    speaker,
    quote,
  };
}

function buildIndex(readings: readonly Reading[], evidence: ClaimEvidence): StoryIndex {
  const witnessMap = new Map<string, Witness>();
  for (const w of evidence.witnesses) for (const a of w.articles) witnessMap.set(a, w);
  const witnessOf = (article: string) => witnessMap.get(article)?.id ?? `article:${article}`;
  const witnessMates = (article: string) =>
    witnessMap.get(article)?.articles.filter((a) => a !== article) ?? [];
  const passages: Passage[] = [];
  for (const r of readings) {
    const id = r.article.id;
    for (const q of r.quotes) passages.push(passage("quote", q.id, id, witnessOf(id), q.text, q.speaker, q));
    for (const c of r.claims) passages.push(passage("claim", c.id, id, witnessOf(id), c.text, null, null));
  }
  // Copies repeat passages word for word: index each wording once.
  const formOf = new Map<string, Passage[]>();
  for (const p of passages) {
    const key = `${p.kind}\u0000${p.text}`;
    const form = formOf.get(key);
    if (form) form.push(p);
    else formOf.set(key, [p]);
  }
  const forms = [...formOf.values()];
  const byConcept = new Map<string, number[]>();
  forms.forEach((form, i) => {
    for (const c of form[0]?.concepts ?? []) {
      const list = byConcept.get(c);
      if (list) list.push(i);
      else byConcept.set(c, [i]);
    }
  });
  const speakers: string[] = [];
  for (const p of passages) if (p.speaker && !speakers.includes(p.speaker)) speakers.push(p.speaker);
  const groupOfQuote = new Map<string, QuoteGroup>();
  for (const g of evidence.quoteGroups) for (const m of g.members) groupOfQuote.set(m.quote, g);
  return {
    readings,
    witnessOf,
    witnessMates,
    forms,
    quotes: passages.filter((p) => p.kind === "quote"),
    byConcept,
    speakers,
    groupOfQuote,
    figureGroups: evidence.figureGroups,
    readingOf: new Map(readings.map((r) => [r.article.id, r])),
    weight: (c) => Math.log((forms.length + 1) / ((byConcept.get(c)?.length ?? 0) + 1)) + MIN_CONCEPT_WEIGHT,
    witnessReadings: witnessReadings(readings, witnessMap, witnessOf),
    stance: evidence.stance === undefined ? shippedPredictor() : evidence.stance,
    bodyClaimReads: MAX_BODY_CLAIM_STANCE_READS,
  };
}

/** Copies of one text count once: each witness is read through its original (or its first article). */
function witnessReadings(
  readings: readonly Reading[],
  witnessMap: ReadonlyMap<string, Witness>,
  witnessOf: (article: string) => string,
): { witness: string; reading: Reading }[] {
  const out = new Map<string, Reading>();
  for (const r of readings) {
    const id = r.article.id;
    const w = witnessOf(id);
    const original = witnessMap.get(id)?.original;
    if (!out.has(w) || original === id) out.set(w, r);
  }
  return [...out].map(([witness, reading]) => ({ witness, reading }));
}

// ---------------------------------------------------------------------------------------------
// Findings: what each detector concludes, combined into one verdict

type FindingKind =
  /** Evidence that carries the claim. */
  | "support"
  /** Evidence for part of it. */
  | "partial"
  /** A flaw that keeps an otherwise supported claim at "partly" (unsourced number, cut quote). */
  | "flaw"
  /** The claim's core (an intent) is in no source: unsupported whatever else agrees. */
  | "fail"
  /** Evidence that says the opposite. */
  | "contradict"
  /** A remark for the reader that changes nothing. */
  | "note";

interface Finding {
  kind: FindingKind;
  reason: string;
  evidence: string[];
}

function verdictOf(findings: readonly Finding[]): Verdict {
  const has = (k: FindingKind) => findings.some((f) => f.kind === k);
  if (has("contradict")) return "contradicted";
  if (has("fail")) return "unsupported";
  if (has("support")) return has("flaw") ? "partly" : "supported";
  if (has("partial")) return "partly";
  return "unsupported";
}

// ---------------------------------------------------------------------------------------------
// Helpers for reasons

function excerpt(text: string): string {
  const t = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.,;:]+$/, "");
  return t.length <= EXCERPT_CHARS ? t : `${t.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

/** The text in quotation marks; its own double quotes become single ones, as nested quotes do. */
function q(text: string): string {
  const nested = excerpt(text).replace(/[“”"]/g, (m, at: number, all: string) => {
    if (m === "“") return "‘";
    if (m === "”") return "’";
    // A straight mark opens at the start or after a space or bracket, and closes otherwise.
    return at === 0 || /[\s([]/.test(all[at - 1] ?? "") ? "‘" : "’";
  });
  return `“${nested}”`;
}

function listWords(words: readonly string[], conjunction = "and"): string {
  const quoted = words.map((w) => `“${w}”`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted.at(-1)}`;
}

function label(claim: Claim): string {
  return claim.role === "headline" ? "The headline" : "The claim";
}

/** The claim's own words around token i, as written. */
function windowText(
  text: string,
  tokens: readonly WordToken[],
  i: number,
  before: number,
  after: number,
): string {
  const first = tokens[Math.max(0, i - before)];
  const last = tokens[Math.min(tokens.length - 1, i + after)];
  return first && last ? text.slice(first.start, last.end) : text;
}

function attributionNote(index: StoryIndex, p: Passage): string {
  const reading = index.readingOf.get(p.article);
  if (!reading || !p.quote) return "";
  const sentence = p.quote.sentence;
  const attr = reading.attributions.find((a) => a.sentence === sentence);
  return attr ? `, which that version credits to ${attr.outlet} (“${attr.cue}”)` : "";
}

function speakerPhrase(p: Passage): string {
  return p.speaker ? `a quote of ${p.speaker}` : "an unattributed quote";
}

// ---------------------------------------------------------------------------------------------
// The claim as the detectors see it

interface ClaimView {
  claim: Claim;
  article: string;
  witness: string;
  text: string;
  tokens: WordToken[];
  norms: string[];
  /** Story speakers the claim names (in full or by surname). */
  cited: string[];
  /** Topic words minus framing verbs and the cited speakers' names: what the claim says about the world. */
  topic: Set<string>;
  negated: boolean;
  words: WordFacts;
  /** Each topic word with its rarity weight, and their sum. */
  topicWeights: [string, number][];
  topicWeight: number;
  /** Memo of speaker name → named by the claim. */
  citedMemo: Map<string, boolean>;
}

function viewClaim(index: StoryIndex, claim: Claim, article: string): ClaimView {
  const tokens = wordTokens(claim.text);
  const norms = tokens.map((t) => t.norm);
  const concepts = contentConcepts(claim.text);
  const cited = index.speakers.filter((s) => mentionsSpeaker(norms, s));
  const nameWords = new Set(cited.flatMap((s) => wordTokens(s).map((t) => concept(t.norm))));
  const topic = new Set([...concepts].filter((c) => !FRAMING_WORDS.has(c) && !nameWords.has(c)));
  const topicWeights: [string, number][] = [...topic].map((c) => [c, index.weight(c)]);
  return {
    claim,
    article,
    witness: index.witnessOf(article),
    text: claim.text,
    tokens,
    norms,
    cited: dedupeSpeakers(cited),
    topic,
    negated: norms.some((n) => NEGATION_CUES.has(n)),
    words: wordFacts(tokens),
    topicWeights,
    topicWeight: topicWeights.reduce((sum, [, w]) => sum + w, 0),
    citedMemo: new Map(),
  };
}

function dedupeSpeakers(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    const i = out.findIndex((o) => sameSpeaker(o, n));
    if (i < 0) out.push(n);
    else if (n.length > (out[i] ?? "").length) out[i] = n;
  }
  return out;
}

function speakerCited(view: ClaimView, speaker: string | null): boolean {
  if (speaker === null) return false;
  let known = view.citedMemo.get(speaker);
  if (known === undefined) {
    known = view.cited.some((c) => sameSpeaker(c, speaker));
    view.citedMemo.set(speaker, known);
  }
  return known;
}

/**
 * How much of the claim a passage carries: shared topic words, and their share of the claim
 * weighted by rarity in the story, so the words every version repeats ("leaked", "audio", the
 * place) count for little and the specific ones ("ceasefire", "convoy") for much.
 */
function overlap(view: ClaimView, p: Passage): { shared: number; share: number } {
  let shared = 0;
  let got = 0;
  for (const [c, w] of view.topicWeights) {
    if (p.concepts.has(c)) {
      shared++;
      got += w;
    }
  }
  return { shared, share: view.topicWeight > 0 ? got / view.topicWeight : 0 };
}

/** Passages of other articles (and quotes of any article) sharing enough topic words to be candidates. */
function candidates(index: StoryIndex, view: ClaimView): Passage[] {
  const counts = new Map<number, number>();
  for (const c of view.topic) {
    const list = index.byConcept.get(c);
    if (!list || list.length > MAX_EVIDENCE_POSTING) continue;
    for (const i of list) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const out: Passage[] = [];
  for (const [i, n] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (n < MIN_SHARED_CONCEPTS) continue;
    for (const p of index.forms[i] ?? []) {
      if (p.kind === "claim" && p.article === view.article) continue;
      out.push(p);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Detectors

/** Words the claim itself puts in quotation marks. */
function quotedSegments(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[“"]([^“”"]{1,400})[”"]/g)) if (m[1]) out.push(m[1]);
  for (const m of text.matchAll(/(?:^|[\s(])‘([^‘’]{1,400})’(?=$|[\s.,;:!?)])/g)) if (m[1]) out.push(m[1]);
  return out.filter((s) => wordTokens(s).length >= MIN_QUOTED_WORDS);
}

/** The words just before a matched run in a quote, when they negate or hedge it. */
function droppedLead(p: Passage, at: number): string | null {
  for (let k = Math.max(0, at - 2); k < at; k++) {
    const w = p.norms[k] ?? "";
    if (NEGATION_CUES.has(w) || QUALIFIERS.has(w)) return p.tokens[k]?.text ?? w;
  }
  return null;
}

/** Quotes holding every one of these topic words, found through the rarest one's postings. */
function quotesWithAll(index: StoryIndex, concepts: ReadonlySet<string>): Passage[] {
  let rarest: number[] | undefined;
  for (const c of concepts) {
    const list = index.byConcept.get(c) ?? [];
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  if (!rarest) return index.quotes;
  return rarest
    .flatMap((i) => index.forms[i] ?? [])
    .filter((p) => p.kind === "quote" && [...concepts].every((c) => p.concepts.has(c)));
}

function checkQuotedWords(index: StoryIndex, view: ClaimView): Finding[] {
  const findings: Finding[] = [];
  for (const segment of quotedSegments(view.text)) {
    const pieces = segment
      .split(/…|\.{3,}/)
      .map((s) => wordTokens(s).map((t) => t.norm))
      .filter((s) => s.length > 0);
    const hits: { p: Passage; at: number }[] = [];
    for (const p of quotesWithAll(index, contentConcepts(segment))) {
      let from = 0;
      let first = -1;
      for (const piece of pieces) {
        const at = indexOfRun(p.norms, piece, from);
        if (at < 0) {
          first = -2;
          break;
        }
        if (first === -1) first = at;
        from = at + piece.length;
      }
      if (first >= 0) hits.push({ p, at: first });
    }
    if (hits.length === 0) {
      findings.push({
        kind: "flaw",
        reason: `${label(view.claim)} puts “${segment}” in quotation marks, but no quote in any version contains these words.`,
        evidence: [],
      });
      continue;
    }
    const bySpeaker = hits.filter(
      (h) => view.cited.length === 0 || h.p.speaker === null || speakerCited(view, h.p.speaker),
    );
    if (bySpeaker.length === 0) {
      const other = hits[0]?.p;
      findings.push({
        kind: "partial",
        reason: `${label(view.claim)}'s quoted words “${segment}” appear in a quote, but of ${other?.speaker ?? "someone else"}, not of ${view.cited.join(" or ")}.`,
        evidence: hits.map((h) => h.p.id),
      });
      continue;
    }
    const best = bySpeaker[0];
    if (!best) continue;
    findings.push({
      kind: "support",
      reason: `${label(view.claim)}'s quoted words “${segment}” appear in ${speakerPhrase(best.p)} in ${best.p.article} (${q(best.p.text)})${attributionNote(index, best.p)}.`,
      evidence: bySpeaker.map((h) => h.p.id),
    });
    const cut = view.negated
      ? undefined
      : bySpeaker.map((h) => ({ hit: h, lead: droppedLead(h.p, h.at) })).find((x) => x.lead !== null);
    if (cut?.lead) {
      findings.push({
        kind: "flaw",
        reason: `The quotation is cut: in ${cut.hit.p.article} the words “${segment}” follow “${cut.lead}”, which ${label(view.claim).toLowerCase()} leaves out (${q(cut.hit.p.text)}).`,
        evidence: [cut.hit.p.id],
      });
    }
  }
  return findings;
}

/** The claim's intent word (as written) and its token index, if it ascribes a purpose. */
function findIntent(view: ClaimView): { word: string; at: number } | null {
  for (let i = 0; i < view.norms.length; i++) {
    const n = view.norms[i] ?? "";
    if (INTENT_ADVERBS.has(n)) return { word: view.tokens[i]?.text ?? n, at: i };
    const st = stem(n);
    if (INTENT_VERBS.has(st)) {
      // Passive ("was allowed", "were legally allowed"): the subject received, it did not intend.
      if (BE_FORMS.has(view.norms[i - 1] ?? "") || BE_FORMS.has(view.norms[i - 2] ?? "")) continue;
      if (PERMISSION_VERBS.has(st) && !n.endsWith("ed")) continue;
      return { word: view.tokens[i]?.text ?? n, at: i };
    }
    if (n === LET_VERB) {
      const after = view.norms.slice(i + 1, i + 1 + LET_WINDOW);
      if (after.some((w) => concept(w) === concept("grow")))
        return { word: view.tokens[i]?.text ?? n, at: i };
    }
  }
  return null;
}

function voicesIntent(p: Passage, topic: ReadonlySet<string>): boolean {
  const intent = p.norms.some((n) => INTENT_VERBS.has(stem(n)) || INTENT_ADVERBS.has(n));
  if (!intent) return false;
  let shared = 0;
  for (const c of topic) if (p.concepts.has(c)) shared++;
  return shared >= Math.min(MIN_SHARED_CONCEPTS, topic.size);
}

interface ClauseBase {
  text: string;
  norms: string[];
  /** Folded words joined: clauses with one key are one clause. */
  key: string;
  concepts: Set<string>;
  observes: boolean;
}

function clausesOf(text: string): ClauseBase[] {
  const out: ClauseBase[] = [];
  for (const raw of text.split(/[.;:!?…]+|,\s|\s[–—]\s/)) {
    const clause = raw.replace(/^[\s“”"'‘’()]+|[\s“”"'‘’()]+$/g, "");
    const tokens = wordTokens(clause);
    if (tokens.length < 2) continue;
    out.push({
      text: clause,
      norms: tokens.map((t) => t.norm),
      key: tokens.map((t) => t.norm).join(" "),
      concepts: contentConcepts(clause),
      observes: tokens.some((t) => OBSERVATION_VERBS.has(stem(t.norm))),
    });
  }
  return out;
}

interface Clause extends ClauseBase {
  score: number;
  order: number;
}

/** The clauses of the speaker's quotes that speak to the claim's topic or say what they perceived. */
function telltaleClauses(quotes: readonly Passage[], topic: ReadonlySet<string>): string[] {
  const clauses: Clause[] = [];
  let order = 0;
  const seen = new Set<string>();
  const distinct = new Map(quotes.map((p) => [p.text, p]));
  for (const p of distinct.values()) {
    for (const base of p.clauses()) {
      if (seen.has(base.key)) continue;
      seen.add(base.key);
      let score = 0;
      for (const c of base.concepts) if (topic.has(c)) score++;
      // Perception verbs ("we were watching") are the telling contrast to an intent; count them double.
      if (base.observes) score += 2;
      if (score > 0) clauses.push({ ...base, score, order: order++ });
    }
  }
  clauses.sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen: Clause[] = [];
  for (const c of clauses) {
    const subsumed = chosen.some((k) => sameClause(k, c));
    if (!subsumed) chosen.push(c);
    if (chosen.length >= MAX_SHOWN_CLAUSES) break;
  }
  return chosen.map((c) => c.text);
}

/** Two clauses saying the same (one's topic words within the other's, or mostly the same words): show one. */
function sameClause(a: Clause, b: Clause): boolean {
  if ([...a.concepts].every((x) => b.concepts.has(x)) || [...b.concepts].every((x) => a.concepts.has(x)))
    return true;
  const kept = lcsLength(alignWords(a.norms, b.norms));
  return kept / Math.min(a.norms.length, b.norms.length) >= SAME_CLAUSE_SHARE;
}

function checkIntent(index: StoryIndex, view: ClaimView): Finding[] {
  const intent = findIntent(view);
  if (!intent) return [];
  const topic = new Set([...view.topic].filter((c) => !INTENT_VERBS.has(c)));
  const relevant =
    view.cited.length > 0
      ? index.quotes.filter((p) => speakerCited(view, p.speaker))
      : index.quotes.filter((p) => {
          const o = overlap(view, p);
          return o.shared >= WEAK_MIN_SHARED && o.share >= WEAK_OVERLAP;
        });
  const voiced = relevant.filter((p) => voicesIntent(p, topic));
  const first = voiced[0];
  if (first) {
    return [
      {
        kind: "partial",
        reason: `${label(view.claim)} ascribes an intent (“${intent.word}”); ${speakerPhrase(first)} in ${first.article} voices one: ${q(first.text)}.`,
        evidence: voiced.map((p) => p.id),
      },
    ];
  }
  const said = windowText(view.text, view.tokens, intent.at, 3, 5);
  const examples = [...new Set([intent.word.toLowerCase(), "wanted", "encouraged", "allowed"])].slice(0, 3);
  const whose = view.cited.length > 0 ? `of ${view.cited.join(" or ")} ` : "";
  const clauses = telltaleClauses(relevant, topic);
  const tail =
    clauses.length > 0
      ? `; the quotes only say ${listWords(clauses)}`
      : relevant.length > 0
        ? `; none of the ${relevant.length} quotes ${whose}voices such an intent`
        : "";
  return [
    {
      kind: "fail",
      reason: `${label(view.claim)} says “${said}”: no quote ${whose}in any version contains an intent verb such as ${listWords(examples, "or")}${tail}.`,
      evidence: [],
    },
  ];
}

interface ClaimNumber {
  value: number;
  text: string;
  unit: string | null;
  /** The figure of the claim's own article, when the read stage found one. */
  figureStart: number | null;
}

const MULTIPLIERS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

function claimNumbers(view: ClaimView, reading: Reading | undefined): ClaimNumber[] {
  const span = view.claim.span;
  if (span && reading) {
    return reading.figures
      .filter((f) => f.start >= span.start && f.end <= span.end && !anaphoric(reading.article.body, f.start))
      .map((f) => ({ value: f.value, text: f.text, unit: f.unit, figureStart: f.start }));
  }
  const out: ClaimNumber[] = [];
  for (const m of view.text.matchAll(
    /\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(thousand|million|billion|trillion))?\b/gi,
  )) {
    const base = Number((m[1] ?? "").replace(/,/g, ""));
    const value = base * (MULTIPLIERS[(m[2] ?? "").toLowerCase()] ?? 1);
    if (!Number.isFinite(value)) continue;
    if (Number.isInteger(value) && value >= YEAR_MIN && value <= YEAR_MAX && !m[2]) continue;
    out.push({ value, text: m[0], unit: null, figureStart: null });
  }
  return out;
}

/** Characters looked at before a figure for its determiner. */
const ANAPHORA_LOOKBEHIND = 12;

/** Is the count at `start` introduced by "these", "both", ...: a back-reference, not a new figure? */
function anaphoric(body: string, start: number): boolean {
  const from = Math.max(0, start - ANAPHORA_LOOKBEHIND);
  const window = body.slice(from, start);
  const before = wordTokens(window).at(-1);
  return (
    before !== undefined && ANAPHORIC_DETERMINERS.has(before.norm) && window.slice(before.end).trim() === ""
  );
}

function numberIn(p: Passage, value: number): boolean {
  return p.numbers().has(value);
}

function numbersOf(tokens: readonly WordToken[]): Set<number> {
  const out = new Set<number>();
  for (const t of tokens) {
    const word = NUMBER_WORDS.get(t.norm);
    if (word !== undefined) out.add(word);
    else if (/^\d/.test(t.norm)) {
      const v = Number(t.norm.replace(/,/g, ""));
      if (Number.isFinite(v)) out.add(v);
    }
  }
  return out;
}

/** Quotes of the claim's article whose span holds the figure: the number is the speaker's own. */
function quotesHolding(index: StoryIndex, article: string, start: number | null): Passage[] {
  if (start === null) return [];
  return index.quotes.filter(
    (p) => p.article === article && p.quote !== null && p.quote.start <= start && start < p.quote.end,
  );
}

function checkNumbers(index: StoryIndex, view: ClaimView): Finding[] {
  const reading = index.readingOf.get(view.article);
  const findings: Finding[] = [];
  for (const n of claimNumbers(view, reading)) {
    const group = index.figureGroups.find((g) =>
      g.members.some(
        (m) =>
          m.article === view.article &&
          (n.figureStart !== null ? m.start === n.figureStart : m.value === n.value),
      ),
    );
    const others = group?.members.filter((m) => index.witnessOf(m.article) !== view.witness) ?? [];
    const agreeing = others.filter((m) => m.value === n.value);
    const disagreeing = others.filter((m) => m.value !== n.value);
    if (group?.conflict && disagreeing.length > 0) {
      const list = disagreeing.map((m) => `${m.article} gives “${m.text}”`).join(", ");
      findings.push({
        kind: "contradict",
        reason: `${label(view.claim)} gives “${n.text}” for the ${group.measure}; ${list}.`,
        evidence: [group.id],
      });
      continue;
    }
    const holding = quotesHolding(index, view.article, n.figureStart);
    const unitConcept = n.unit ? concept(normalizeUnit(n.unit) ?? n.unit) : null;
    // A bare small number in some quote ("four" people versus "four" groups) is coincidence.
    const quoted = index.quotes.filter(
      (p) =>
        !holding.includes(p) &&
        numberIn(p, n.value) &&
        (unitConcept ? p.concepts.has(unitConcept) : n.value >= MIN_BARE_NUMBER),
    );
    const fromOthers = index.readings.filter(
      (r) =>
        index.witnessOf(r.article.id) !== view.witness &&
        r.figures.some((f) => f.value === n.value && normalizeUnit(f.unit) === normalizeUnit(n.unit)),
    );
    const sources = [
      ...[...holding, ...quoted].map((p) => `${speakerPhrase(p)} in ${p.article}`),
      ...new Set([...agreeing.map((m) => m.article), ...fromOthers.map((r) => r.article.id)]),
    ];
    if (sources.length > 0) {
      findings.push({
        kind: "note",
        reason: `The number in “${n.text}” is also given by ${[...new Set(sources)].join(", ")}.`,
        evidence: [...(group ? [group.id] : []), ...holding.map((p) => p.id), ...quoted.map((p) => p.id)],
      });
      continue;
    }
    const mates = index
      .witnessMates(view.article)
      .filter((a) => index.readingOf.get(a)?.figures.some((f) => f.value === n.value));
    const copies = mates.length > 0 ? ` (only ${mates.join(", ")}, copies of the same text, repeat it)` : "";
    findings.push({
      kind: "flaw",
      reason: `${label(view.claim)} gives “${n.text}”; no quote and no independent version gives this number${copies}.`,
      evidence: [],
    });
  }
  return findings;
}

/** A shared predicate word whose polarity differs between claim and evidence, as the evidence writes it. */
function polarityClash(view: ClaimView, p: Passage): string | null {
  const pw = p.words();
  const vw = view.words;
  for (let i = 0; i < pw.concepts.length; i++) {
    const c = pw.concepts[i];
    if (c === undefined || !pw.predicate[i] || !view.topic.has(c)) continue;
    const j = vw.firstIndex.get(c);
    if (j === undefined) continue;
    if (pw.negated[i] !== vw.negated[j]) return windowText(p.text, p.tokens, i, NEGATION_WINDOW, 2);
  }
  return null;
}

/** Quotes cut so that a negation or hedge is gone: the claim's article quotes less than another version. */
function cutQuoteFlaw(index: StoryIndex, view: ClaimView, quote: Passage): Finding | null {
  if (quote.article !== view.article) return null;
  const group = index.groupOfQuote.get(quote.id);
  const member = group?.members.find((m) => m.quote === quote.id);
  if (!group || !member || (member.relation !== "trimmed" && member.relation !== "altered")) return null;
  const dropped = member.diff
    .filter((d) => d.op === "removed")
    .flatMap((d) => wordTokens(d.text).map((t) => t.norm))
    .filter((w) => NEGATION_CUES.has(w) || QUALIFIERS.has(w));
  if (dropped.length === 0) return null;
  const fuller = group.members.find((m) => m.relation === "identical");
  return {
    kind: "flaw",
    reason: `${view.article}'s quote ${q(quote.text)} leaves out ${listWords([...new Set(dropped)])}, which the fuller wording${fuller ? ` in ${fuller.article}` : ""} has (${q(group.text)}).`,
    evidence: [quote.id],
  };
}

function checkOverlap(index: StoryIndex, view: ClaimView, skipQuotes: boolean): Finding[] {
  const findings: Finding[] = [];
  const strongQuotes: Passage[] = [];
  const weakQuotes: Passage[] = [];
  const independent: Passage[] = [];
  const copies: Passage[] = [];
  const weakReports: Passage[] = [];
  // Copies repeat passages word for word: measure each distinct wording once.
  const measured = new Map<string, { shared: number; share: number; clash?: string | null }>();
  const contradictions = new Map<string, Finding>();
  for (const p of candidates(index, view)) {
    let m = measured.get(p.text);
    if (!m) {
      m = overlap(view, p);
      measured.set(p.text, m);
    }
    const { shared, share } = m;
    if (shared < MIN_SHARED_CONCEPTS) continue;
    const strong = share >= STRONG_OVERLAP;
    const weak = share >= WEAK_OVERLAP && shared >= WEAK_MIN_SHARED;
    // A quote of someone other than the person the claim names is no evidence either way.
    if (p.kind === "quote" && view.cited.length > 0 && p.speaker !== null && !speakerCited(view, p.speaker))
      continue;
    if (strong) {
      if (m.clash === undefined) m.clash = polarityClash(view, p);
      const clash = m.clash;
      if (clash && (p.kind === "quote" || p.witness !== view.witness)) {
        const key = `${p.kind}\u0000${p.speaker}\u0000${clash}`;
        const known = contradictions.get(key);
        if (known) known.evidence.push(p.id);
        else
          contradictions.set(key, {
            kind: "contradict",
            reason: `${label(view.claim)} says ${q(view.text)}, but ${p.kind === "quote" ? speakerPhrase(p) : "the version"} in ${p.article} says “${clash}”.`,
            evidence: [p.id],
          });
        continue;
      }
    }
    if (p.kind === "quote") {
      if (strong) strongQuotes.push(p);
      else if (weak) weakQuotes.push(p);
      continue;
    }
    if (p.witness === view.witness) {
      if (strong) copies.push(p);
    } else if (strong) independent.push(p);
    else if (weak) weakReports.push(p);
  }
  findings.push(...contradictions.values());
  if (!skipQuotes && strongQuotes[0]) {
    const p = strongQuotes[0];
    findings.push({
      kind: "support",
      reason: `${speakerPhrase(p)[0]?.toUpperCase()}${speakerPhrase(p).slice(1)} in ${p.article} says much the same: ${q(p.text)}.`,
      evidence: strongQuotes.map((x) => x.id),
    });
  } else if (!skipQuotes && weakQuotes[0]) {
    const p = weakQuotes[0];
    findings.push({
      kind: "partial",
      reason: `${speakerPhrase(p)[0]?.toUpperCase()}${speakerPhrase(p).slice(1)} in ${p.article} bears on part of it: ${q(p.text)}.`,
      evidence: weakQuotes.map((x) => x.id),
    });
  }
  for (const p of [...strongQuotes, ...weakQuotes]) {
    const flaw = cutQuoteFlaw(index, view, p);
    if (flaw) findings.push(flaw);
  }
  const witnesses = [...new Set(independent.map((p) => p.witness))];
  if (independent[0]) {
    const articles = [...new Set(independent.map((p) => p.article))];
    findings.push({
      kind: "support",
      reason: `${witnesses.length} independent version${witnesses.length > 1 ? "s say" : " says"} the same (${articles.join(", ")}): ${q(independent[0].text)}.`,
      evidence: independent.map((p) => p.id),
    });
  } else if (weakReports[0]) {
    findings.push({
      kind: "partial",
      reason: `An independent version (${weakReports[0].article}) reports part of it: ${q(weakReports[0].text)}.`,
      evidence: weakReports.map((p) => p.id),
    });
  }
  if (copies.length > 0 && independent.length === 0) {
    const articles = [...new Set(copies.map((p) => p.article))];
    findings.push({
      kind: "note",
      reason: `Only ${articles.join(", ")}, ${articles.length > 1 ? "copies" : "a copy"} of the same text as ${view.article}, ${articles.length > 1 ? "repeat" : "repeats"} it; copies of one witness count once.`,
      evidence: [],
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// The stance model: how each other witness's body, and the claim's own body for its headline, take
// the claim (agree → support, discuss → partial, disagree → contradict, unrelated → nothing)

interface StanceRead {
  reading: Reading;
  stance: RelatedStance;
  disagree: number;
  /** The body's sentences that best match the claim, as written. */
  sentences: string[];
  /** Claim and quote ids of those sentences, where the reader found some there. */
  ids: string[];
}

function stanceOf(predictor: StancePredictor, view: ClaimView, reading: Reading): StanceRead | null {
  const body = predictor.readingBody(reading);
  if (body.words < MIN_STANCE_BODY_WORDS) return null;
  const headline = predictor.headline(view.text);
  const { stance, p } = predictor.predict(headline, body);
  if (stance === "unrelated") return null;
  const { sims, order } = rankSentences(headline, body);
  const best = order
    .slice(0, STANCE_EVIDENCE_SENTENCES)
    .filter((i) => (sims[i] ?? 0) >= RELATED_SENTENCE_COSINE && reading.sentences[i] !== undefined);
  // A stance with no sentence about the claim would be a verdict without evidence to show.
  if (best.length === 0) return null;
  const ids = best.flatMap((i) => [
    ...reading.claims.filter((c) => c.sentence === i).map((c) => c.id),
    ...reading.quotes.filter((qt) => qt.sentence === i).map((qt) => qt.id),
  ]);
  return {
    reading,
    stance,
    disagree: p.disagree,
    sentences: best.map((i) => reading.sentences[i]?.text ?? ""),
    ids: [...new Set(ids)],
  };
}

function shown(read: StanceRead): string {
  return read.sentences[0] ? `: ${q(read.sentences[0])}` : "";
}

function checkStance(index: StoryIndex, view: ClaimView): Finding[] {
  const predictor = index.stance;
  if (!predictor) return [];
  const findings: Finding[] = [];
  const own = index.readingOf.get(view.article);
  if (view.claim.role === "headline" && own) {
    const read = stanceOf(predictor, view, own);
    if (read?.stance === "disagree" && read.disagree >= STANCE_CONTRADICT_MIN) {
      findings.push({
        kind: "contradict",
        reason: `${view.article}'s own body disputes its headline (stance model)${shown(read)}.`,
        evidence: read.ids,
      });
    } else if (read) {
      const how =
        read.stance === "agree"
          ? "bears it out"
          : read.stance === "discuss"
            ? "reports it without settling it"
            : "leans against it";
      findings.push({
        kind: "note",
        reason: `${view.article}'s own body ${how} (stance model); one version alone is one witness${shown(read)}.`,
        evidence: [],
      });
    }
  }
  const reads: StanceRead[] = [];
  let asked = 0;
  for (const { witness, reading } of index.witnessReadings) {
    if (witness === view.witness) continue;
    if (asked >= MAX_STANCE_WITNESSES) break;
    if (view.claim.role !== "headline") {
      if (index.bodyClaimReads <= 0) break;
      index.bodyClaimReads--;
    }
    asked++;
    const read = stanceOf(predictor, view, reading);
    if (read) reads.push(read);
  }
  const list = (rs: readonly StanceRead[]) => rs.map((r) => r.reading.article.id).join(", ");
  const versions = (n: number) => `${n} independent version${n > 1 ? "s" : ""}`;
  const agree = reads.filter((r) => r.stance === "agree");
  const discuss = reads.filter((r) => r.stance === "discuss");
  const disagree = reads.filter((r) => r.stance === "disagree");
  const firm = disagree.filter((r) => r.disagree >= STANCE_CONTRADICT_MIN);
  if (agree[0]) {
    findings.push({
      kind: "support",
      reason: `The stance model reads ${versions(agree.length)} as agreeing (${list(agree)})${shown(agree[0])}.`,
      evidence: agree.flatMap((r) => r.ids),
    });
  }
  if (discuss[0]) {
    findings.push({
      kind: "partial",
      reason: `The stance model reads ${versions(discuss.length)} as reporting it without taking it as established (${list(discuss)})${shown(discuss[0])}.`,
      evidence: discuss.flatMap((r) => r.ids),
    });
  }
  if (firm[0]) {
    findings.push({
      kind: "contradict",
      reason: `The stance model reads ${versions(firm.length)} as disputing it (${list(firm)})${shown(firm[0])}.`,
      evidence: firm.flatMap((r) => r.ids),
    });
  }
  const leaning = disagree.filter((r) => r.disagree < STANCE_CONTRADICT_MIN);
  if (leaning[0]) {
    findings.push({
      kind: "note",
      reason: `The stance model finds ${versions(leaning.length)} leaning against it, not firmly enough to call it contradicted (${list(leaning)})${shown(leaning[0])}.`,
      evidence: [],
    });
  }
  return findings;
}

function supportOne(index: StoryIndex, claim: Claim, article: string): ClaimSupport {
  const view = viewClaim(index, claim, article);
  const quoted = checkQuotedWords(index, view);
  const findings: Finding[] = [
    ...quoted,
    ...checkIntent(index, view),
    ...checkNumbers(index, view),
    ...checkOverlap(
      index,
      view,
      quoted.some((f) => f.kind === "support"),
    ),
    ...checkStance(index, view),
  ];
  const verdict = verdictOf(findings);
  const reasons = findings.map((f) => f.reason);
  if (verdict === "unsupported" && !findings.some((f) => f.kind === "fail")) {
    reasons.push(
      `No quote and no independent version in the story carries what ${label(claim).toLowerCase()} says.`,
    );
  }
  const evidence = [...new Set(findings.filter((f) => f.kind !== "flaw").flatMap((f) => f.evidence))];
  return { article, claim: claim.id, verdict, evidence, reasons };
}

function headlineFirst(claims: readonly Claim[]): Claim[] {
  return [...claims].sort((a, b) => Number(b.role === "headline") - Number(a.role === "headline"));
}

export function supportClaims(readings: readonly Reading[], evidence: ClaimEvidence): ClaimSupport[] {
  const index = buildIndex(readings, evidence);
  return readings.flatMap((r) => headlineFirst(r.claims).map((c) => supportOne(index, c, r.article.id)));
}
