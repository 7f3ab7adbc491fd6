import type { Article, Entity, Quote, Sentence } from "../model/index.js";
import { isTitleCase } from "./entities/candidates.js";
import { sentenceTokens, type Token } from "./nlp.js";
import { MentionIndex, SpanSet } from "./quotes/mentions.js";
import { type RawQuote, rawQuotes } from "./quotes/spans.js";
import { type Speaker, SpeakerFinder } from "./quotes/speaker.js";

/**
 * Direct and partial quotations with their speaker and reporting cue. Quotations come from the
 * marks alone; the speaker from the attribution around them, then from the sentences next to them,
 * then from the quotation they continue.
 */

/** A one-word quotation without attribution is a scare quote (‘ally’, “legitimate”), not speech. */
const MIN_UNATTRIBUTED_WORDS = 2;

/** Words between two pieces of one utterance (“…,” he continued to say, “…”). */
const MAX_SPLIT_ATTRIBUTION_TOKENS = 12;

interface Located {
  raw: RawQuote;
  sentence: number;
  closeSentence: number;
}

/** Index of the sentence holding body offset `pos` (the last starting at or before it). */
function sentenceAt(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sentences[mid] as Sentence).start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Token indices [from, to) of `tokens` lying in [start, end). */
function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] {
  let from = 0;
  while (from < tokens.length && (tokens[from] as Token).start < start) from++;
  let to = from;
  while (to < tokens.length && (tokens[to] as Token).end <= end) to++;
  return [from, to];
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

const INTRODUCING_PUNCTUATION = /^[,:—–-]$/;

/**
 * A quotation is partial when the writer's own words run into it: asked “how many Syrians” had
 * to be killed. One introduced by a comma or colon, or opening its sentence and ending it, is whole.
 */
function isPartial(
  pre: readonly Token[],
  post: readonly Token[],
  text: string,
  attributedAfter: boolean,
): boolean {
  const preWords = pre.filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  if (preWords.length > 0) {
    const last = pre[pre.length - 1] as Token;
    return !INTRODUCING_PUNCTUATION.test(last.text);
  }
  const next = post[0];
  const endsClause = /[.,!?…—–-]$/.test(text);
  return next !== undefined && /^[\p{L}\p{N}]/u.test(next.text) && !endsClause && !attributedAfter;
}

export function findQuotes(
  article: Article,
  sentences: readonly Sentence[],
  entities: readonly Entity[],
): Quote[] {
  if (sentences.length === 0) return [];
  const raws = rawQuotes(article);
  const tokens = sentenceTokens(sentences);
  const quoted = new SpanSet(raws.map((r) => ({ start: r.start, end: r.end })));
  const finder = new SpeakerFinder({ body: article.body, mentions: new MentionIndex(entities), quoted });
  const located: Located[] = raws.map((raw) => ({
    raw,
    sentence: sentenceAt(sentences, raw.open),
    closeSentence: sentenceAt(sentences, Math.max(raw.open, raw.close - 1)),
  }));

  const quotes: Quote[] = [];
  const kept: Located[] = [];
  const keptIndex = new Map<number, number>();
  located.forEach((q, n) => {
    const toks = tokens[q.sentence] ?? [];
    const closeToks = tokens[q.closeSentence] ?? [];
    const [preFrom, preTo] = tokenRange(toks, (sentences[q.sentence] as Sentence).start, q.raw.open);
    const pre = toks.slice(preFrom, preTo).filter((t) => !quoted.has(t.start));
    const [postFrom] = tokenRange(closeToks, q.raw.close, Number.POSITIVE_INFINITY);
    let postTo = postFrom;
    while (postTo < closeToks.length && !quoted.has((closeToks[postTo] as Token).start)) postTo++;
    // Marks themselves are tokens; the next quotation's opening mark ends the trailing frame.
    const post = closeToks.slice(postFrom, postTo);

    // Capitals in a headline-style line ("Collusion REVEALED") say nothing about who speaks.
    const headline = isTitleCase(toks);
    const after = headline ? null : finder.trailing(closeToks, postFrom, postTo);
    const before = headline ? null : finder.governing(toks, preTo);
    const startsSentence = !pre.some((t) => /[\p{L}\p{N}]/u.test(t.text));
    let found: Speaker | null = startsSentence ? (after ?? before) : (before ?? after);

    const text = article.body.slice(q.raw.start, q.raw.end);
    const partial = isPartial(pre, post, text, after !== null);
    if (!found?.speaker && wordCount(text) < MIN_UNATTRIBUTED_WORDS) return;
    if (!found && startsSentence) found = neighbourAttribution(finder, tokens, sentences, q);
    keptIndex.set(n, quotes.length);
    kept.push(q);
    quotes.push({
      id: "",
      start: q.raw.start,
      end: q.raw.end,
      text,
      kind: partial ? "partial" : "direct",
      partial,
      speaker: found?.speaker ?? null,
      speakerMention: found?.mention ?? null,
      speakerEntity: found?.entity?.id ?? null,
      cue: found?.cue ? article.body.slice(found.cue.start, found.cue.end) : null,
      cueSpan: found?.cue ?? null,
      sentence: q.sentence,
      continues: null,
    });
  });
  quotes.forEach((q, i) => {
    q.id = `${article.id}:q${i}`;
  });
  linkPieces(quotes, kept, keptIndex, tokens);
  inheritSpeakers(quotes, kept);
  return quotes;
}

/** The previous sentence introduces the quotation (“Kerry said:”), or the next one is only “he said.” */
function neighbourAttribution(
  finder: SpeakerFinder,
  tokens: readonly Token[][],
  sentences: readonly Sentence[],
  q: Located,
): Speaker | null {
  const prev = sentences[q.sentence - 1];
  const prevToks = tokens[q.sentence - 1] ?? [];
  if (prev && /:\s*$/.test(prev.text)) {
    const c = finder.cueBefore(prevToks, 0, prevToks.length);
    const s = c ? finder.fromCue(prevToks, c, 0, prevToks.length) : null;
    if (s) return s;
  }
  const next = tokens[q.closeSentence + 1];
  return next ? finder.bareAttribution(next) : null;
}

/**
 * Give pieces of one utterance a shared `continues` id: a quotation carried over a paragraph break,
 * or one split by its attribution (“(We) thought, however,” he continued to say, “We could …”).
 */
function linkPieces(
  quotes: Quote[],
  kept: readonly Located[],
  keptIndex: Map<number, number>,
  tokens: readonly Token[][],
): void {
  for (let i = 1; i < quotes.length; i++) {
    const q = quotes[i] as Quote;
    const prev = quotes[i - 1] as Quote;
    const raw = (kept[i] as Located).raw;
    const prevLoc = kept[i - 1] as Located;
    let linked = raw.follows !== null && keptIndex.get(raw.follows) === i - 1;
    if (!linked && prevLoc.closeSentence === (kept[i] as Located).sentence && !/[.!?…]$/.test(prev.text)) {
      const toks = tokens[(kept[i] as Located).sentence] ?? [];
      const between = toks.filter(
        (t) => t.start >= prevLoc.raw.close && t.end <= raw.open && /[\p{L}\p{N}]/u.test(t.text),
      );
      linked = between.length > 0 && between.length <= MAX_SPLIT_ATTRIBUTION_TOKENS && q.cue !== null;
    }
    if (!linked) continue;
    const group = prev.continues ?? prev.id;
    prev.continues = group;
    q.continues = group;
  }
}

/**
 * Speakers carry within one utterance, and to a whole quotation that directly follows an attributed
 * one with no attribution of its own (news prose does not repeat “he said” after every sentence).
 */
function inheritSpeakers(quotes: Quote[], kept: readonly Located[]): void {
  const groups = new Map<string, Quote>();
  for (const q of quotes)
    if (q.continues && q.speaker && !groups.has(q.continues)) groups.set(q.continues, q);
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i] as Quote;
    if (q.speaker) continue;
    const source = q.continues ? groups.get(q.continues) : undefined;
    const prev = quotes[i - 1];
    const prevLoc = kept[i - 1];
    const here = kept[i] as Located;
    const adjacent =
      prev !== undefined &&
      prevLoc !== undefined &&
      !q.partial &&
      (prevLoc.closeSentence === here.sentence || prevLoc.closeSentence + 1 === here.sentence);
    const from = source ?? (adjacent && prev?.speaker ? prev : undefined);
    if (!from) continue;
    q.speaker = from.speaker;
    q.speakerEntity = from.speakerEntity;
  }
}
