/**
 * One group per distinct quote across the versions of a story. Quotes are compared in the
 * folded word space (marks, case, brackets and ellipses do not count), aligned word by word,
 * and each member is placed against the group's reference wording.
 */
import type {
  DiffPart,
  Quote,
  QuoteGroup,
  QuoteGroupMember,
  QuoteRelation,
  Reading,
  StoryEntity,
} from "../model/index.js";
import { type WordToken, wordTokens } from "../text/tokens.js";
import { alignWords, indexOfRun, lcsLength, longestCommonRun, MAX_ALIGN_TOKENS, renderDiff } from "./diff.js";
import { storyEntityIndex } from "./entities.js";
import { contentConcepts, isStopword } from "./lexicon.js";
import { majoritySpeaker, sameSpeaker, speakersConflict, storySpeaker } from "./names.js";
import { UnionFind } from "./union-find.js";

/** Quotes this short ("lost an argument", "how many Syrians") only match near-identical text. */
export const SHORT_QUOTE_WORDS = 3;

/** Words that may differ between two short quotes still called the same ("lost an/the argument"). */
const SHORT_QUOTE_IGNORABLE = new Set(["a", "an", "the"]);

/** A trimmed piece must be at least this long to be placed inside a longer quote: shorter runs recur by chance. */
export const MIN_TRIM_WORDS = 4;

/**
 * Share of the longer quote's words the alignment must keep for "altered": a bracketed gloss
 * swapped ("[ISIS]" → "[the IS]") or a word or two changed keeps well above this.
 */
export const ALTERED_MIN_SHARE = 0.75;

/**
 * Two quotes sharing this many consecutive words verbatim are pieces of one utterance, cut at
 * different places by different outlets (a six-word verbatim run practically never recurs by chance).
 */
export const OVERLAP_MIN_RUN = 6;

/** Paraphrase (same speaker, other wording): share of the two quotes' topic words in common. */
export const PARAPHRASE_MIN_JACCARD = 0.5;
/** ... and at least this many topic words, so two short generic remarks are not tied together. */
export const PARAPHRASE_MIN_SHARED = 4;

/** Word n-gram length used to find candidate pairs without comparing every quote with every other. */
const SHINGLE = 3;

/**
 * An n-gram or topic word carried by more distinct quote wordings than this is boilerplate
 * ("the United States"), useless for finding candidates and a quadratic cost if used.
 */
const MAX_POSTING = 400;

/**
 * Topic words are far less distinctive than trigrams ("Syria" in every quote of a Syria story);
 * past this many wordings one is no paraphrase evidence and only costs pairs.
 */
const MAX_CONCEPT_POSTING = 60;

/** Hard stop on candidate pairs, so no story can make grouping quadratic in practice. */
const MAX_CANDIDATE_PAIRS = 200_000;

/** Ellipses marking a cut inside a quote: "…", "...", "(…)", "[...]". */
const ELLIPSIS = /[([]?\s?(?:…|\.{3,})\s?[)\]]?/gu;

interface Item {
  article: string;
  /** Reading order, then position in the body: "first appearance". */
  order: number;
  quote: Quote;
  tokens: WordToken[];
}

interface Variant {
  /** Position in first-appearance order. */
  index: number;
  norms: string[];
  /** Ellipsis-separated pieces, folded. */
  segments: string[][];
  /** Short-quote comparison key (articles dropped), or null for longer quotes. */
  shortKey: string | null;
  concepts: Set<string>;
  speaker: string | null;
  items: Item[];
  first: number;
  tokens: WordToken[];
  text: string;
}

function foldedSegments(text: string): string[][] {
  return text
    .split(ELLIPSIS)
    .map((piece) => wordTokens(piece).map((t) => t.norm))
    .filter((s) => s.length > 0);
}

function collectVariants(readings: readonly Reading[]): Variant[] {
  const byKey = new Map<string, Variant>();
  let order = 0;
  readings.forEach((reading) => {
    const quotes = [...reading.quotes].sort((a, b) => a.start - b.start);
    for (const quote of quotes) {
      const tokens = wordTokens(quote.text);
      if (tokens.length === 0) continue;
      const norms = tokens.map((t) => t.norm);
      const item: Item = { article: reading.article.id, order: order++, quote, tokens };
      const key = norms.join(" ");
      const existing = byKey.get(key);
      if (existing) {
        existing.items.push(item);
        continue;
      }
      byKey.set(key, {
        index: 0,
        norms,
        segments: foldedSegments(quote.text),
        shortKey:
          norms.length <= SHORT_QUOTE_WORDS
            ? norms.filter((w) => !SHORT_QUOTE_IGNORABLE.has(w)).join(" ")
            : null,
        concepts: contentConcepts(quote.text),
        speaker: null,
        items: [item],
        first: item.order,
        tokens,
        text: quote.text,
      });
    }
  });
  const variants = [...byKey.values()].sort((a, b) => a.first - b.first);
  variants.forEach((v, i) => {
    v.index = i;
  });
  for (const v of variants) v.speaker = majoritySpeaker(v.items.map((i) => i.quote.speaker));
  return variants;
}

/** Are `part`'s ellipsis-separated pieces found, in order, each contiguous, inside `whole`? */
function containedInOrder(part: readonly string[][], whole: readonly string[]): boolean {
  let from = 0;
  for (const seg of part) {
    const at = indexOfRun(whole, seg, from);
    if (at < 0) return false;
    from = at + seg.length;
  }
  return part.length > 0;
}

function hasContentWord(norms: readonly string[]): boolean {
  return norms.some((w) => !isStopword(w));
}

function isParaphrase(a: Variant, b: Variant): boolean {
  if (!a.speaker || !b.speaker || !sameSpeaker(a.speaker, b.speaker)) return false;
  let shared = 0;
  for (const c of a.concepts) if (b.concepts.has(c)) shared++;
  const union = a.concepts.size + b.concepts.size - shared;
  return shared >= PARAPHRASE_MIN_SHARED && union > 0 && shared / union >= PARAPHRASE_MIN_JACCARD;
}

/**
 * Word-pair comparisons one story may spend on alignment. A story of a hundred versions with
 * thirty quotes each uses a small fraction; past it (hostile input: thousands of long, similar
 * quotes) only verbatim containment still links quotes.
 */
export const MAX_ALIGN_CELLS = 50_000_000;

/** Relations between wordings, computed once per pair, within the story's alignment budget. */
class Relator {
  private readonly memo = new Map<string, QuoteRelation | null>();
  private cells = MAX_ALIGN_CELLS;

  relate(other: Variant, ref: Variant): QuoteRelation | null {
    const key = `${other.index}>${ref.index}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const relation = relate(other, ref, this.spend(other, ref));
    this.memo.set(key, relation);
    return relation;
  }

  private spend(a: Variant, b: Variant): boolean {
    // Two quadratic passes (LCS and longest common run).
    const cost = 2 * Math.min(a.norms.length, MAX_ALIGN_TOKENS) * Math.min(b.norms.length, MAX_ALIGN_TOKENS);
    if (cost > this.cells) return false;
    this.cells -= cost;
    return true;
  }
}

/**
 * How `other` stands to the reference wording `ref`, or null when they are not one quote.
 * Without `mayAlign`, only the cheap verbatim checks run.
 */
function relate(other: Variant, ref: Variant, mayAlign: boolean): QuoteRelation | null {
  if (other === ref) return "identical";
  if (other.shortKey !== null || ref.shortKey !== null) {
    // Short quotes: only the same few words, give or take an article.
    return other.shortKey !== null && other.shortKey === ref.shortKey ? "altered" : null;
  }
  if (other.norms.length < ref.norms.length && isTrimOf(other, ref)) return "trimmed";
  if (other.norms.length > ref.norms.length && isTrimOf(ref, other)) return "extended";
  if (!mayAlign) return isParaphrase(other, ref) ? "paraphrased" : null;
  const steps = alignWords(ref.norms, other.norms);
  const kept = lcsLength(steps);
  const longer = Math.max(ref.norms.length, other.norms.length);
  if (kept / longer >= ALTERED_MIN_SHARE) return "altered";
  if (longestCommonRun(ref.norms, other.norms) >= OVERLAP_MIN_RUN) return "altered";
  if (isParaphrase(other, ref)) return "paraphrased";
  return null;
}

function isTrimOf(part: Variant, whole: Variant): boolean {
  return (
    part.norms.length >= MIN_TRIM_WORDS &&
    hasContentWord(part.norms) &&
    containedInOrder(part.segments, whole.norms)
  );
}

/** Pairs of wordings worth comparing: those sharing a rare word trigram, a short-quote key, or (same speaker) topic words. */
function candidatePairs(variants: readonly Variant[]): [number, number][] {
  const postings = new Map<string, number[]>();
  const add = (key: string, index: number) => {
    const list = postings.get(key);
    if (!list) postings.set(key, [index]);
    else if (list.at(-1) !== index) list.push(index);
  };
  variants.forEach((v, index) => {
    if (v.shortKey !== null) {
      add(`s:${v.shortKey}`, index);
      return;
    }
    for (let i = 0; i + SHINGLE <= v.norms.length; i++) {
      const gram = v.norms.slice(i, i + SHINGLE);
      if (hasContentWord(gram)) add(`g:${gram.join(" ")}`, index);
    }
    if (v.speaker) for (const c of v.concepts) add(`c:${c}`, index);
  });
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  const sharedConcepts = new Map<string, number>();
  // Verbatim evidence (trigrams, short keys) first, so the pair cap never starves it.
  const ordered = [...postings].sort(([a], [b]) => Number(a.startsWith("c:")) - Number(b.startsWith("c:")));
  for (const [key, list] of ordered) {
    const cap = key.startsWith("c:") ? MAX_CONCEPT_POSTING : MAX_POSTING;
    if (list.length < 2 || list.length > cap) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x] ?? 0;
        const b = list[y] ?? 0;
        const pairKey = `${a},${b}`;
        if (key.startsWith("c:")) {
          // Topic words alone make a candidate only once enough of them are shared.
          const n = (sharedConcepts.get(pairKey) ?? 0) + 1;
          sharedConcepts.set(pairKey, n);
          if (n < PARAPHRASE_MIN_SHARED) continue;
        }
        if (seen.has(pairKey)) continue;
        seen.add(pairKey);
        pairs.push([a, b]);
        if (pairs.length >= MAX_CANDIDATE_PAIRS) return pairs;
      }
    }
  }
  return pairs;
}

function distinctArticles(v: Variant): number {
  return new Set(v.items.map((i) => i.article)).size;
}

/**
 * Past this many wordings in one connected set, the agreement scan (quadratic in wordings)
 * gives way to counting the articles carrying each wording.
 */
const MAX_REFERENCE_SCAN = 40;

/**
 * How well a wording explains the others: each quote carrying it word for word counts twice
 * (it agrees in full), each quote that is a cut of it once (it agrees on part). A cut quote
 * that dropped words in the middle without an ellipsis ("... and the entire true narrative"
 * for "... and not necessarily the entire true narrative") agrees with neither, so the
 * fuller wording stays the reference and the cut shows as an alteration.
 */
function agreement(relator: Relator, v: Variant, others: readonly Variant[]): number {
  let score = 2 * v.items.length;
  for (const u of others) if (u !== v && relator.relate(u, v) === "trimmed") score += u.items.length;
  return score;
}

function byLengthThenOrder(a: Variant, b: Variant): Variant {
  if (a.norms.length !== b.norms.length) return a.norms.length > b.norms.length ? a : b;
  return a.first <= b.first ? a : b;
}

/**
 * The reference wording: the one most versions agree with, then the longest (the faithful
 * fuller quote over its cuts), then the earliest. A longer wording only one version carries
 * loses to one that several carry verbatim: that version extended the quote.
 */
function chooseReference(relator: Relator, candidates: readonly Variant[]): Variant {
  const score =
    candidates.length <= MAX_REFERENCE_SCAN
      ? (v: Variant) => agreement(relator, v, candidates)
      : (v: Variant) => distinctArticles(v);
  let best = candidates[0] as Variant;
  let bestScore = score(best);
  for (const v of candidates.slice(1)) {
    const sc = score(v);
    if (sc > bestScore || (sc === bestScore && byLengthThenOrder(best, v) === v)) {
      best = v;
      bestScore = sc;
    }
  }
  return best;
}

function diffAgainst(ref: Variant, item: Item): DiffPart[] {
  const norms = item.tokens.map((t) => t.norm);
  const steps = alignWords(ref.norms, norms);
  return renderDiff(
    steps,
    { text: ref.text, tokens: ref.tokens },
    { text: item.quote.text, tokens: item.tokens },
  );
}

interface Built {
  first: number;
  ref: Variant;
  members: { item: Item; relation: QuoteRelation }[];
}

/** Split one connected set of wordings into groups, each placed against its own reference. */
function peel(relator: Relator, component: Variant[]): Built[] {
  const out: Built[] = [];
  let remaining = component;
  while (remaining.length > 0) {
    const ref = chooseReference(relator, remaining);
    const members: Built["members"] = [];
    const rest: Variant[] = [];
    for (const v of remaining) {
      const relation = relator.relate(v, ref);
      if (relation === null) rest.push(v);
      else for (const item of v.items) members.push({ item, relation });
    }
    members.sort((a, b) => a.item.order - b.item.order);
    out.push({ first: members[0]?.item.order ?? ref.first, ref, members });
    remaining = rest;
  }
  return out;
}

/**
 * Group the story's quotes. With the story's entities, a group's speaker is named as the story
 * names them: a version that only says "Kerry" counts for "John Kerry" even when no other member
 * of the group spells the name out.
 */
export function groupQuotes(
  readings: readonly Reading[],
  entities: readonly StoryEntity[] = [],
): QuoteGroup[] {
  const storyOf = storyEntityIndex(entities);
  const variants = collectVariants(readings);
  const relator = new Relator();
  const uf = new UnionFind(variants.length);
  for (const [a, b] of candidatePairs(variants)) {
    const va = variants[a];
    const vb = variants[b];
    if (!va || !vb) continue;
    const [longer, shorter] = va.norms.length >= vb.norms.length ? [va, vb] : [vb, va];
    if (relator.relate(shorter, longer) !== null) uf.union(a, b);
  }
  const components = new Map<number, Variant[]>();
  variants.forEach((v, i) => {
    const root = uf.find(i);
    const list = components.get(root);
    if (list) list.push(v);
    else components.set(root, [v]);
  });
  const built = [...components.values()]
    .flatMap((component) => peel(relator, component))
    .sort((a, b) => a.first - b.first);
  return built.map((g, index): QuoteGroup => {
    const members: QuoteGroupMember[] = g.members.map(({ item, relation }) => ({
      article: item.article,
      quote: item.quote.id,
      relation,
      speaker: item.quote.speaker,
      diff: relation === "identical" ? [] : diffAgainst(g.ref, item),
    }));
    const speakers = g.members.map(({ item }) => storySpeaker(item.quote, storyOf));
    return {
      id: `qg${index + 1}`,
      speaker: majoritySpeaker(speakers),
      text: g.ref.text,
      members,
      speakerConflict: speakersConflict(speakers),
    };
  });
}
