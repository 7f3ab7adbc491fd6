import type { Article, Entity, Quote, Sentence, Span } from "../model/index.js";
import { isTitleCase } from "./entities/candidates.js";
import { sentenceTokens, type Token } from "./nlp.js";
import { type Cue, cueAt, mistaggedCueAt, wentOnCue } from "./quotes/cues.js";
import { MentionIndex, SpanSet } from "./quotes/mentions.js";
import { type RawQuote, rawQuotes } from "./quotes/spans.js";
import { type Speaker, SpeakerFinder } from "./quotes/speaker.js";
import { BE_FORMS } from "./reported/clause.js";

/**
 * Direct and partial quotations with their speaker and reporting cue. Quotations come from the
 * marks alone; the speaker from the attribution around them, then from the sentences next to them,
 * then from the quotation they continue.
 */

/** A one-word quotation without attribution is a scare quote (‘ally’, “legitimate”), not speech. */
const MIN_UNATTRIBUTED_WORDS = 2;

/** Words this long or longer are capitalised in a title ("Meet the Press", "The Art of the Deal"). */
const TITLE_WORD_LENGTH = 4;

/** A quoted title of two words or more ("Meet the Press") is the name of a work, not speech. */
const MIN_TITLE_WORDS = 2;

/** The words title case leaves in lower case. */
const TITLE_LOWER_WORDS = new Set([
  "a",
  "an",
  "the",
  "and",
  "or",
  "nor",
  "but",
  "of",
  "on",
  "in",
  "at",
  "to",
  "for",
  "by",
  "with",
  "from",
  "vs",
]);

/**
 * Quoted names of shows, books, songs, campaigns and slogans (“Meet the Press”, “Fox & Friends”,
 * “Never Trump”): every longer word capitalised. PolNeAR, like any reader, does not take them for
 * speech unless a speaker is tied to them by the punctuation of speech (“…,” she said).
 */
function isTitleLike(text: string): boolean {
  // “Lock her up!”, “Mr. D’Souza?”: an exclamation or a question is said, whatever its capitals.
  if (/[!?][^\p{L}\p{N}]*$/u.test(text)) return false;
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu) ?? [];
  const capitalised = (w: string) => /^[\p{Lu}\p{N}]/u.test(w);
  const long = words.filter((w) => w.length >= TITLE_WORD_LENGTH);
  if (long.length >= MIN_TITLE_WORDS && long.every(capitalised)) return true;
  // Short-worded titles (“Morning Joe”, “Fox and Friends”, “New Day”) follow title case: every
  // word capitalised but the articles, conjunctions and prepositions. Speech that happens to open
  // with capitals (“No, I did not”) has some other word in lower case.
  return (
    words.filter(capitalised).length >= MIN_TITLE_WORDS &&
    words.every((w) => capitalised(w) || TITLE_LOWER_WORDS.has(w))
  );
}

/** Nouns for works with titles: a title-cased quotation beside one is the work's name. */
const KINDS_OF_WORK =
  /^(?:book|novel|memoir|autobiography|biography|film|movie|documentary|song|anthem|hymn|album|show|series|sitcom|program|programme|play|musical|poem|painting|slogan)s?$/;

/**
 * A title-cased quotation in a name's slot: after a possessive ("MSNBC’s “Morning Joe”", "the
 * law’s “Cadillac Tax”") or a preposition ("appeared on “Meet the Press”"), or before the noun it
 * modifies ("the “No Comparison” ad", "the “Fight for 15” movement"). Whatever attribution
 * surrounds it, it names a programme, a work or a campaign.
 */
function namesAWork(toks: readonly Token[], preTo: number, next: Token | undefined): boolean {
  let i = preTo - 1;
  while (i >= 0 && /^[“"‘'«]$/.test((toks[i] as Token).text)) i--;
  const before = toks[i];
  if (before && /^(?:[’']s|s’|’|')$/.test(before.text)) return true;
  // “the civil rights anthem “A Change Is Gonna Come””, “In his 2002 book, “Make Your Kid a
  // Millionaire,” he suggested”: the title stands beside the kind of work it names.
  const kind = before?.text === "," ? toks[i - 1] : before;
  if (kind && KINDS_OF_WORK.test(kind.text)) return true;
  // “an episode of “The Morning Show”,” “said on “Face the Nation”,” “starred in “The Road””:
  // a title-cased object of a preposition is what something is in or on. “As” and “like” compare
  // instead, and what follows them may be someone's words (“described it as “A Total Disaster””).
  if (before && before.pos === "ADP" && !/^(?:as|like)$/i.test(before.text)) return true;
  return next !== undefined && next.pos === "NOUN" && /^\p{Ll}/u.test(next.text);
}

/** Verbs whose first object is the one told, not what is said. */
const TELLING = /^(?:tell|tells|told|telling)$/i;

/** A quoted term modifying a noun is a few words long; a longer stretch is a phrase someone used. */
const MAX_MODIFIER_WORDS = 3;

/**
 * A short quotation directly before a common noun it modifies names a term, a slogan or a
 * feature (the “gun violence” narrative, its “safety check” feature, “Second Amendment people”
 * remark): without a reporting verb, the writer mentions the words rather than reporting them.
 */
function isQuotedModifier(text: string, next: Token | undefined): boolean {
  return (
    next !== undefined &&
    next.pos === "NOUN" &&
    /^\p{Ll}/u.test(next.text) &&
    wordCount(text) <= MAX_MODIFIER_WORDS
  );
}

/** Words allowed between a naming or chanting verb and its quoted object ("calling him “Little Marco”"). */
const MAX_OBJECT_GAP_WORDS = 3;

/**
 * Is the quotation the object of its reporting verb: “chanting “Lock Her Up””, “calling him
 * “Little Marco””, “a hat that read “Make America Great Again””? Then a title-cased quotation is
 * still attributed. A preposition or a possessive in between (“told ABC’s “Good Morning America””,
 * “said on “Meet the Press””) makes it the name of a programme instead.
 */
function objectOfCue(toks: readonly Token[], preTo: number, found: Speaker | null, quoted: SpanSet): boolean {
  const cue = found?.cue;
  if (!cue) return false;
  let words = 0;
  for (let i = preTo - 1; i >= 0; i--) {
    const t = toks[i] as Token;
    // “Fiorina told “Fox and Friends””: the object of a verb of telling is the hearer, not the words.
    if (t.end <= cue.end) return words > 0 || !TELLING.test(t.text);
    if (quoted.has(t.start)) return false;
    if (t.pos === "ADP" || /^[’']s?$/.test(t.text)) return false;
    if (/[\p{L}\p{N}]/u.test(t.text) && ++words > MAX_OBJECT_GAP_WORDS) return false;
  }
  return false;
}

/** A section heading quoting a line is short; a longer paragraph in single marks is speech. */
const MAX_HEADING_WORDS = 12;

/**
 * A paragraph that is nothing but a short quotation in single marks ('A change warrior.') is a
 * section heading: headline style puts quotations in single marks, and the line it quotes, with
 * its speaker, comes in the section below. Its speaker is not the previous paragraph's.
 */
function isQuotedHeading(body: string, raw: RawQuote): boolean {
  if (raw.family !== "single" || raw.runsOn) return false;
  const alone =
    (raw.open === 0 || body[raw.open - 1] === "\n") &&
    (raw.close === body.length || body[raw.close] === "\n");
  return alone && wordCount(body.slice(raw.start, raw.end)) <= MAX_HEADING_WORDS;
}

/** Sentences looked back within a paragraph for the transcript label whose turn holds a quotation. */
const MAX_TURN_SENTENCES = 30;

/** A sentence-final ", she said." attribution is at most this many tokens long. */
const MAX_FINAL_ATTRIBUTION_TOKENS = 30;

/** Commas tried, from the end of the sentence, for a sentence-final attribution with asides. */
const MAX_FINAL_COMMAS = 3;

/** A speaker label opening a quoted transcript turn starts within this many characters of the quotation. */
const MAX_LABEL_OFFSET = 2;

/** Longest reporting phrase ("went on to say", "lashed out at"). */
const MAX_CUE_PHRASE_TOKENS = 4;

/** Words between two pieces of one utterance (“…,” he continued to say, “…”). */
const MAX_SPLIT_ATTRIBUTION_TOKENS = 12;

interface Located {
  raw: RawQuote;
  sentence: number;
  closeSentence: number;
  /** No words of the writer's before the quotation in its sentence. */
  startsSentence: boolean;
  /** Last sentence holding the quotation or its attribution (“…?” Trump asked. puts it in the next). */
  lastSentence: number;
}

/**
 * The tokens of sentence `n`, with the next sentence's when `n` ends inside a parenthesis: the
 * splitter may end a sentence at the abbreviation in "Rep. Earl Blumenauer (D-Ore.) said".
 */
function withOpenParenthesis(tokens: readonly Token[][], sentences: readonly Sentence[], n: number): Token[] {
  const own = tokens[n] ?? [];
  let depth = 0;
  for (const t of own) {
    if (t.text === "(") depth++;
    else if (t.text === ")" && depth > 0) depth--;
  }
  const next = tokens[n + 1];
  if (depth === 0 || !next || sentences[n + 1]?.paragraph !== sentences[n]?.paragraph) return own;
  return own.concat(next);
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

/** Index of the first token of `tokens` (sorted by offset) for which `after(token)` holds; binary search. */
function firstWhere(tokens: readonly Token[], after: (t: Token) => boolean): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(tokens[mid] as Token)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The writer's tokens before a quotation: the last one, and whether any of them is a word. */
function writerBefore(
  toks: readonly Token[],
  preTo: number,
  quoted: SpanSet,
): { last: Token | undefined; hasWords: boolean } {
  let last: Token | undefined;
  for (let i = preTo - 1; i >= 0; i--) {
    const t = toks[i] as Token;
    if (quoted.has(t.start)) continue;
    last ??= t;
    if (/[\p{L}\p{N}]/u.test(t.text)) return { last, hasWords: true };
  }
  return { last, hasWords: false };
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
  before: { last: Token | undefined; hasWords: boolean },
  next: Token | undefined,
  text: string,
  tail: string,
  attributedAfter: boolean,
): boolean {
  if (before.hasWords) return !INTRODUCING_PUNCTUATION.test(before.last?.text ?? "");
  // The comma before the attribution is trimmed from the text but still closes the clause: “…,” he said.
  const endsClause = /[.,!?…—–-]$/.test(text) || /^[^\p{L}\p{N}]*[.,!?…—–-]/u.test(tail);
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
    startsSentence: false,
    lastSentence: 0,
  }));

  const firstSentence = firstSentenceOfParagraphs(sentences);
  // Each sentence's transcript label, looked up once however many quotations its turn holds.
  const labels = new Map<number, Speaker | null>();
  const headlines = new Map<number, boolean>();
  const quotes: Quote[] = [];
  const kept: Located[] = [];
  const keptIndex = new Map<number, number>();
  located.forEach((q, n) => {
    // A mark right after “=” delimits an attribute of markup left in the text (<tweet pic="…">).
    if (article.body[q.raw.open - 1] === "=") return;
    if (isQuotedHeading(article.body, q.raw)) return;
    const toks = tokens[q.sentence] ?? [];
    const closeToks = withOpenParenthesis(tokens, sentences, q.closeSentence);
    const preTo = firstWhere(toks, (t) => t.end > q.raw.open);
    const writer = writerBefore(toks, preTo, quoted);
    const postFrom = firstWhere(closeToks, (t) => t.start >= q.raw.close);
    let postTo = postFrom;
    // Marks themselves are tokens; the next quotation's opening mark ends the trailing frame.
    while (postTo < closeToks.length && !quoted.has((closeToks[postTo] as Token).start)) postTo++;

    // Capitals in a headline-style line ("Collusion REVEALED") say nothing about who speaks.
    let headline = headlines.get(q.sentence);
    if (headline === undefined) {
      headline = isTitleCase(toks);
      headlines.set(q.sentence, headline);
    }
    const startsSentence = !writer.hasWords;
    const after = headline
      ? null
      : (finder.trailing(closeToks, postFrom, postTo, !startsSentence) ??
        sentenceFinalAttribution(finder, closeToks, postFrom, postTo));
    const intro = headline ? null : introducingCue(toks, preTo, quoted);
    const introduced = intro ? finder.fromCue(toks, intro, 0, preTo) : null;
    const governed = headline ? { outer: null, inner: null } : finder.governingPair(toks, preTo);
    const before = introduced ?? governed.outer ?? (headline ? null : colonLabel(finder, toks, preTo));
    // The mention follows PolNeAR's outermost source (who the sentence says it); the speaker's
    // name is whoever uttered the quoted words, the innermost attribution around them.
    let found: Speaker | null = ownerOfThing(finder, toks, introduced ?? after ?? before);
    let start = q.raw.start;
    // A transcript turn: the label opening the paragraph speaks everything in it, including a
    // turn quoted whole ("WALLACE: Let’s start …" inside marks), whose text starts after the label.
    const turn = turnOf(finder, tokens, sentences, firstSentence, labels, q, quoted);
    if (turn) {
      found = turn.label;
      if (turn.textStart > start) start = turn.textStart;
    }
    const text = article.body.slice(start, q.raw.end);
    const tail = article.body.slice(q.raw.end, q.raw.close + 1);
    const partial = isPartial(
      writer,
      postFrom < postTo ? closeToks[postFrom] : undefined,
      text,
      tail,
      after !== null,
    );
    if (!found && startsSentence) found = neighbourAttribution(finder, tokens, sentences, q, quoted);
    const voice: Speaker | null = turn
      ? turn.label
      : ownerOfThing(finder, toks, introduced ?? governed.inner ?? found);
    finder.noteSpeaker(voice?.mention ? voice : found);
    q.startsSentence = startsSentence;
    q.lastSentence = Math.max(q.closeSentence, found?.cue ? sentenceAt(sentences, found.cue.start) : 0);
    if (!found && wordCount(text) < MIN_UNATTRIBUTED_WORDS) return;
    if (
      isTitleLike(text) &&
      (namesAWork(toks, preTo, closeToks[postFrom]) ||
        (!after && !introduced && !objectOfCue(toks, preTo, found, quoted)))
    )
      return;
    if (partial && !found?.cue && isQuotedModifier(text, closeToks[postFrom])) return;
    // Only once the quotation has passed as speech: the agent does not make a scare quote speech.
    if (!found && !startsSentence && !headline) found = agentOfSentence(finder, toks, preTo);
    keptIndex.set(n, quotes.length);
    kept.push(q);
    quotes.push({
      id: "",
      start,
      end: q.raw.end,
      text,
      kind: partial ? "partial" : "direct",
      partial,
      speaker: (voice?.mention ? voice.speaker : found?.speaker) ?? null,
      speakerMention: found?.mention ?? null,
      speakerEntity: (voice?.mention ? voice.entity?.id : found?.entity?.id) ?? null,
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

/** Tokens allowed between an introducing cue and the quotation: `said, “`, `said: “`; a comma or colon must be among them. */
const INTRODUCING_GAP = /^(?:[,:“"‘'«]|that)$/i;

/**
 * The reporting verb that introduces the quotation with a comma or colon right before it (`he
 * warned, “…”`, `Fallon fired back: “…”`): that verb is its attribution, even when another follows
 * the quotation (`“…,” Trump told NBC`) or an earlier one opens the sentence.
 */
function introducingCue(toks: readonly Token[], preTo: number, quoted: SpanSet): Cue | null {
  let i = preTo - 1;
  let punctuated = false;
  while (i >= 0 && INTRODUCING_GAP.test((toks[i] as Token).text) && !quoted.has((toks[i] as Token).start)) {
    if (/^[,:]$/.test((toks[i] as Token).text)) punctuated = true;
    i--;
  }
  if (!punctuated) return null;
  for (let from = i; from >= 0 && i - from < MAX_CUE_PHRASE_TOKENS; from--) {
    const c = cueAt(toks, from) ?? wentOnCue(toks, from) ?? mistaggedCueAt(toks, from);
    if (c && c.to === i + 1) return c;
  }
  return null;
}

/**
 * "Trump released a video that said, “…”", "She retweeted a message that read: “…”": a thing
 * speaks through "that" or "which", and the source is whoever put it out, the subject of the
 * clause the thing is named in.
 */
function ownerOfThing(finder: SpeakerFinder, toks: readonly Token[], found: Speaker | null): Speaker | null {
  const m = found?.mention;
  if (!found || !m) return found;
  const at = toks.findIndex((t) => t.start === m.start && t.end === m.end);
  if (at < 0 || !/^(?:that|which)$/i.test((toks[at] as Token).text)) return found;
  const owner = finder.clauseSubject(toks, at, 0, found.cue);
  return owner?.mention && owner.mention.end <= m.start ? { ...owner, cue: found.cue } : found;
}

/**
 * “The only way Wall Street will change is jail time” for criminal behavior, she said; Fundraising
 * was “stagnant for a month,” he said: a sentence closed by ", she said" is attributed as a whole,
 * writer's words and all, so every quotation in it is the final attribution's (its outermost).
 */
function sentenceFinalAttribution(
  finder: SpeakerFinder,
  toks: readonly Token[],
  from: number,
  to: number,
): Speaker | null {
  // The attribution may carry its own aside (", said Steve Elmendorf, a party strategist."), so
  // each of the last few commas is tried, the earliest that opens an attribution winning.
  let tried = 0;
  let found: Speaker | null = null;
  for (let i = to - 1; i >= from && to - i <= MAX_FINAL_ATTRIBUTION_TOKENS && tried < MAX_FINAL_COMMAS; i--) {
    if ((toks[i] as Token).text !== ",") continue;
    tried++;
    found = finder.trailing(toks, i + 1, to, true) ?? found;
  }
  return found;
}

/**
 * A quotation inside the writer's sentence with no reporting verb before it is still the words of
 * the sentence's agent when that is a person or an organisation: "He has coined a new phrase,
 * “undocumented Democrats”", "The ad targets a “corrupt political system”", "Clinton's broadside
 * against “printing money”". The subject of the sentence's first finite verb, if it names one.
 */
function agentOfSentence(finder: SpeakerFinder, toks: readonly Token[], preTo: number): Speaker | null {
  const s = finder.clauseSubject(toks, preTo, 0, null);
  if (!s?.mention) return null;
  const m = s.mention as Span;
  // "It owed its consultants $90,000 for “strategic advice”": a thing acts for nobody.
  const only = toks.find((t) => t.start === m.start && t.end === m.end);
  if (only && /^it$/i.test(only.text)) return null;
  if (beAfter(toks, m.end, preTo)) return null;
  const named = s.entity !== null ? s.entity.type !== "place" : s.speaker !== null;
  return named ? s : null;
}

/**
 * The subject's own verb is a form of "be". "Lopez was asked, “Will the plant close?”": the subject
 * of a passive is the one acted on, and the words are the asker's. "Guns are “the ultimate public
 * health crisis”", "While Reyes is “brand building”": a quotation after "be" describes the subject
 * in someone else's words, or the writer's.
 */
function beAfter(toks: readonly Token[], from: number, to: number): boolean {
  // The subject's own verb: the first verb after it.
  let k = 0;
  while (k < to && ((toks[k] as Token).start < from || !["VERB", "AUX"].includes((toks[k] as Token).pos)))
    k++;
  return k < to && BE_FORMS.has((toks[k] as Token).lower);
}

/** Index of each paragraph's first sentence. */
function firstSentenceOfParagraphs(sentences: readonly Sentence[]): Map<number, number> {
  const out = new Map<number, number>();
  sentences.forEach((s, i) => {
    if (!out.has(s.paragraph)) out.set(s.paragraph, i);
  });
  return out;
}

/**
 * The speaker label of the transcript turn holding the quotation ("PENCE: Well, look, Hillary
 * Clinton apparently thinks this is an episode of “Shark Tank.”"), and where the quoted text starts
 * when the quotation holds the whole turn with its label ("“WALLACE: Let’s start …”").
 */
function turnOf(
  finder: SpeakerFinder,
  tokens: readonly Token[][],
  sentences: readonly Sentence[],
  firstSentence: ReadonlyMap<number, number>,
  labels: Map<number, Speaker | null>,
  q: Located,
  quoted: SpanSet,
): { label: Speaker; textStart: number } | null {
  const sentence = sentences[q.sentence] as Sentence;
  const first = firstSentence.get(sentence.paragraph);
  if (first === undefined) return null;
  // The nearest label opening a sentence of this paragraph at or before the quotation: a
  // paragraph may hold several turns ("Clinton: “…” Bush: “…”").
  let label: Speaker | null = null;
  for (let n = q.sentence; n >= first && q.sentence - n < MAX_TURN_SENTENCES && !label; n--) {
    let own = labels.get(n);
    if (own === undefined) {
      own = finder.turnLabel(tokens[n] ?? [], 0);
      labels.set(n, own);
    }
    label = own;
  }
  const mention = label?.mention;
  if (!label || !mention || !label.cue) return null;
  if (mention.start >= q.raw.start) {
    // The label is inside the quotation: it must open it.
    if (!quoted.has(mention.start) || mention.start - q.raw.start > MAX_LABEL_OFFSET) return null;
    let textStart = label.cue.end;
    while (/\s/.test(sentence.text[textStart - sentence.start] ?? "")) textStart++;
    return textStart < q.raw.end ? { label, textStart } : null;
  }
  return label.cue.end <= q.raw.open ? { label, textStart: q.raw.start } : null;
}

/**
 * A quotation right after a colon with no reporting verb before it: "Clinton: “…”", "From the
 * report: “…”". The speaker is the label before the colon.
 */
function colonLabel(finder: SpeakerFinder, toks: readonly Token[], preTo: number): Speaker | null {
  let colon = preTo - 1;
  while (colon >= 0 && /^[“"‘'«]$/.test((toks[colon] as Token).text)) colon--;
  return colon > 0 && (toks[colon] as Token).text === ":" ? finder.label(toks, colon) : null;
}

/** The previous sentence introduces the quotation (“Kerry said:”), or the next one is only “he said.” */
function neighbourAttribution(
  finder: SpeakerFinder,
  tokens: readonly Token[][],
  sentences: readonly Sentence[],
  q: Located,
  quoted: SpanSet,
): Speaker | null {
  const prev = sentences[q.sentence - 1];
  const prevToks = tokens[q.sentence - 1] ?? [];
  if (prev && /:\s*$/.test(prev.text)) {
    const colon = prevToks.length - 1;
    const s = finder.governing(prevToks, colon) ?? finder.label(prevToks, colon);
    if (s) return s;
  }
  const next = tokens[q.closeSentence + 1];
  // An attribution after the quotation belongs to its paragraph.
  const after =
    next && sentences[q.closeSentence + 1]?.paragraph === sentences[q.closeSentence]?.paragraph
      ? (finder.bareAttribution(next) ?? attributionOpeningNext(finder, next, q, sentences))
      : null;
  if (after) return after;
  // “…, Schiff said. “The other factor …”: news prose names the speaker once, at the end of the
  // sentence before, and lets the quotation that follows in the paragraph carry on. After a
  // quotation of its own, that sentence's speaker passes on through the quotation instead.
  if (!prev || prev.paragraph !== sentences[q.sentence]?.paragraph) return null;
  if (prevToks.some((t) => quoted.has(t.start))) return null;
  return (
    sentenceFinalAttribution(finder, prevToks, 0, prevToks.length) ??
    finder.governing(prevToks, prevToks.length)
  );
}

/**
 * “…?” Trump asked the crowd: a question or exclamation ends the sentence for the splitter, so
 * the attribution that follows it opens the next sentence.
 */
function attributionOpeningNext(
  finder: SpeakerFinder,
  next: readonly Token[],
  q: Located,
  sentences: readonly Sentence[],
): Speaker | null {
  const closing = sentences[q.closeSentence];
  const following = sentences[q.closeSentence + 1];
  if (!closing || !following || following.paragraph !== closing.paragraph) return null;
  if (!/[?!]\s*[”"’'»]\s*$/.test(closing.text)) return null;
  return finder.trailing(next, 0, next.length, true);
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
    if (q.continues && attributed(q) && !groups.has(q.continues)) groups.set(q.continues, q);
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i] as Quote;
    if (attributed(q)) continue;
    const source = q.continues ? groups.get(q.continues) : undefined;
    const prev = quotes[i - 1];
    const prevLoc = kept[i - 1];
    const here = kept[i] as Located;
    // A quotation that opens its sentence carries on the previous one even when the writer's words
    // close it (“… like Trump did to Rubio” in the February debate).
    const adjacent =
      prev !== undefined &&
      prevLoc !== undefined &&
      (!q.partial || here.startsSentence) &&
      here.sentence >= prevLoc.closeSentence &&
      here.sentence <= prevLoc.lastSentence + 1;
    const from = source ?? (adjacent && prev && attributed(prev) ? prev : undefined);
    if (!from) continue;
    q.speaker = from.speaker;
    q.speakerEntity = from.speakerEntity;
    q.speakerMention = from.speakerMention;
    q.cue = from.cue;
    q.cueSpan = from.cueSpan;
  }
}

/** A quotation has an attribution once a speaker or a speaking mention ("the businessman") is found. */
function attributed(q: Quote): boolean {
  return q.speaker !== null || q.speakerMention !== null;
}
