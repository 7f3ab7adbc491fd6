/**
 * Claims: what the article asserts about the world, to be checked against the rest of the story.
 * The headline comes first; then body sentences that name someone or something (a name, a figure,
 * a date) and assert it with a verb. Questions, sentences that are only a quote, meta lines
 * ("Here is the audio in full.") and the writer's exclamations are not claims.
 */
import type { Article, Claim, DateMention, Figure, Quote, Sentence, Span } from "../model/index.js";
import { type WordToken, wordTokens, wordTokensOf, wordTokensWithin } from "../text/tokens.js";
import { findDates } from "./dates.js";
import { findFigures } from "./figures.js";

/** Body claims kept per article: enough for every assertion of a news story, few enough to review. */
const MAX_BODY_CLAIMS = 12;
/** Shorter sentences are asides ("Seems they lied.") rather than checkable statements. */
const MIN_CLAIM_WORDS = 6;
/** Outside a quote, this many words or fewer are only its attribution ("Kerry said during the meeting."). */
const MAX_ATTRIBUTION_WORDS = 6;
/**
 * A longer attribution still leaves a pure quote when it only names the speaker and the audience
 * ("John Kerry told the members of the Syrian Opposition.") and adds no clause of the writer's own.
 */
const MAX_LONG_ATTRIBUTION_WORDS = 12;
const ATTRIBUTION_VERB =
  /\b(?:said|says|told|tells|added|concluded|continued|asked|explained|stated|wrote|insisted|replied|recalled)\b/i;
const WRITER_CLAUSE = /\b(?:that|because|although|perhaps|indicating|suggesting|which|while|but|as)\b/i;
/** A sentence this much inside quotation marks is the quote, which the quote reader already covers. */
const QUOTED_SHARE = 0.5;
/** Paragraph-level pairing of quotation marks stops after this many characters without a close. */
const MAX_QUOTE_CHARS = 3_000;

/** Verbs of intent and cause: the claims a story most needs checked ("wanted, allowed, and encouraged"). */
const INTENT_VERBS =
  /\b(?:want(?:s|ed)?|allow(?:s|ed)?|encourag(?:e|es|ed)|hop(?:e|es|ed)|intend(?:s|ed)?|arm(?:s|ed)|fund(?:s|ed)|admit(?:s|ted)?|plan(?:s|ned)|sought|aim(?:s|ed)|calculat(?:es|ed)|counting\s+on|order(?:s|ed)|back(?:s|ed)|forc(?:e|es|ed)|push(?:es|ed)|caus(?:e|es|ed)|led\s+to|enabl(?:e|es|ed)|help(?:s|ed)|support(?:s|ed)|refus(?:e|es|ed)|den(?:y|ies|ied)|knew|tri(?:es|ed)\s+to)\b/i;
/** Causal connectives that make a sentence an explanation of events. */
const CAUSAL = /\b(?:because|in\s+order\s+to|so\s+that|as\s+a\s+result|leverage|to\s+force)\b/i;
/** Reported claims: the writer relays what someone asserted. */
const REPORTED =
  /\b(?:said|says|told|reported|revealed|according\s+to|admitted|claimed|confirmed|denied|announced|complained|stated)\b/i;
/** A finite verb of some kind: auxiliaries, common verbs, or a past-tense form. */
const VERB =
  /\b(?:is|are|was|were|has|have|had|will|would|could|can|did|does|do|took|made|got|gave|came|went|saw|knew|met|lost|won|told|said|says|shows?|exposed?s?)\b|\b\p{L}{3,}ed\b/iu;
/** Lines that point at the page rather than the world ("Here is the audio in full.", "Watch the video below."). */
const META_LINE =
  /^(?:here\s+(?:is|are)\b|here['’]s\b|below\s+(?:is|are)\b|watch\b|listen\b|read\s+(?:more|also)\b|click\b|see\s+(?:also|below|more)\b|subscribe\b|follow\s+us\b|share\s+this\b|you\s+(?:might|may)\s+also\b)|\b(?:below|above)[.:]?$/i;
/** An acronym ("ISIS", "UN", "U.S.") names an organisation or place wherever it stands. */
const ACRONYM = /\b\p{Lu}(?:\.?\p{Lu})+\b/u;

/** Common words that open a sentence with a capital without naming anything. */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set(
  `the a an in on at it he she they we you this that these those but and or so yet as after before when
while although though if since because here there several some many one both all another earlier later
meanwhile however according for from with without by during until despite instead still now then today
yesterday what who why how where no not even also only just perhaps maybe most more few each every such
other its his her their our my your seems seem`.split(/\s+/),
);

interface Candidate {
  sentence: number;
  span: Span;
  text: string;
  score: number;
}

/** The article's figures and dates, when the caller has already read them: reading them is most of a claim pass. */
export interface ClaimFacts {
  figures: readonly Figure[];
  dates: readonly DateMention[];
}

export function findClaims(
  article: Article,
  sentences: readonly Sentence[],
  quotes: readonly Quote[],
  facts?: ClaimFacts,
): Claim[] {
  const claims: Claim[] = [];
  const title = article.title?.trim();
  if (title)
    claims.push({ id: `${article.id}:c0`, text: title, role: "headline", span: null, sentence: null });

  const quoted = quotedRegions(article.body, quotes);
  const figures = facts?.figures ?? findFigures(article, sentences);
  const dates = facts?.dates ?? findDates(article, sentences);
  const titleWords = title ? wordTokens(title).map((t) => t.norm) : null;

  const bodyWords = wordTokensOf(article, article.body);
  const figureSpans = byStart(figures);
  const dateSpans = byStart(dates);
  const candidates: Candidate[] = [];
  sentences.forEach((sentence, index) => {
    const lead = sentence.text.length - sentence.text.trimStart().length;
    const text = sentence.text.trim();
    const span = { start: sentence.start + lead, end: sentence.start + lead + text.length };
    const words = wordTokensWithin(article.body, bodyWords, span.start, text);
    if (words.length < MIN_CLAIM_WORDS) return;
    if (isQuestionOrExclamation(text) || META_LINE.test(text)) return;
    if (titleWords && words.length === titleWords.length && words.every((t, i) => t.norm === titleWords[i]))
      return;
    if (isOnlyQuote(span, words.length, quoted, article.body)) return;
    if (!VERB.test(text)) return;
    const hasFigure = anyWithin(figureSpans, span);
    const hasDate = anyWithin(dateSpans, span);
    const names = namedThings(words);
    if (names === 0 && !hasFigure && !hasDate) return;
    const score =
      (INTENT_VERBS.test(text) ? 3 : 0) +
      (CAUSAL.test(text) ? 1 : 0) +
      (REPORTED.test(text) ? 1 : 0) +
      (hasFigure ? 1 : 0) +
      (hasDate ? 1 : 0) +
      Math.min(names, 2);
    candidates.push({ sentence: index, span, text, score });
  });

  const kept = [...candidates]
    .sort((a, b) => b.score - a.score || a.sentence - b.sentence)
    .slice(0, MAX_BODY_CLAIMS)
    .sort((a, b) => a.sentence - b.sentence);
  for (const c of kept) {
    claims.push({
      id: `${article.id}:c${claims.length}`,
      text: c.text,
      role: "body",
      span: c.span,
      sentence: c.sentence,
    });
  }
  return claims;
}

function byStart(spans: readonly Span[]): Span[] {
  return [...spans].sort((a, b) => a.start - b.start);
}

/** Does a span of `sorted` (by start) lie inside `span`? A binary search, not a scan per sentence. */
function anyWithin(sorted: readonly Span[], span: Span): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as Span).start < span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < sorted.length && (sorted[k] as Span).start <= span.end; k++) {
    if ((sorted[k] as Span).end <= span.end) return true;
  }
  return false;
}

/** A question asks, an exclamation vents: neither asserts something checkable. */
function isQuestionOrExclamation(text: string): boolean {
  return /[?!]["”’'»)\]]*$/.test(text);
}

/**
 * Capitalised words and acronyms: a rough count of the people, organisations and places a
 * sentence names. The first word counts unless it is an ordinary sentence opener ("The", "In").
 */
function namedThings(words: readonly WordToken[]): number {
  let count = 0;
  words.forEach((t, i) => {
    if (!/^\p{Lu}/u.test(t.text) || t.text === "I") return;
    if (i > 0 || ACRONYM.test(t.text) || !isSentenceOpener(t.norm)) count++;
  });
  return count;
}

function isSentenceOpener(norm: string): boolean {
  return SENTENCE_OPENERS.has(norm) || /(?:ly|ing|ed)$/.test(norm);
}

/** A sentence that is mostly inside quotation marks with only "X said" outside it is the quote itself. */
function isOnlyQuote(span: Span, wordCount: number, regions: readonly Span[], body: string): boolean {
  let inside = 0;
  let outsideText = "";
  let cursor = span.start;
  const overlapping = regions
    .filter((r) => r.end > span.start && r.start < span.end)
    .sort((a, b) => a.start - b.start);
  for (const r of overlapping) {
    const s = Math.max(r.start, cursor);
    const e = Math.min(r.end, span.end);
    if (e <= s) continue;
    outsideText += ` ${body.slice(cursor, s)}`;
    inside += wordTokens(body.slice(s, e)).length;
    cursor = e;
  }
  outsideText += ` ${body.slice(cursor, span.end)}`;
  const outside = wordCount - inside;
  if (inside / wordCount < QUOTED_SHARE) return false;
  if (outside <= MAX_ATTRIBUTION_WORDS) return true;
  return (
    outside <= MAX_LONG_ATTRIBUTION_WORDS &&
    ATTRIBUTION_VERB.test(outsideText) &&
    !WRITER_CLAUSE.test(outsideText)
  );
}

function opensHere(body: string, i: number): boolean {
  return i === 0 || /[\s‘'([—–-]/.test(body[i - 1]!);
}

/**
 * Stretches inside quotation marks: the quote reader's spans, plus “…” and "…" pairs found in
 * each paragraph (so claim selection stands even where the quote reader found no speaker).
 */
function quotedRegions(body: string, quotes: readonly Quote[]): Span[] {
  const regions: Span[] = quotes.map((q) => ({ start: q.start, end: q.end }));
  // Curly marks nest (“… “legitimate” …”), so they are counted; straight marks can only alternate.
  let depth = 0;
  let open = 0;
  let straight: number | null = null;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "\n" && body[i + 1] === "\n") {
      depth = 0;
      straight = null;
    } else if (c === "“" || (c === "”" && depth === 0 && opensHere(body, i))) {
      // A ” where a quote can only open (line start, after a space or ‘) is a mistyped “.
      if (depth === 0) open = i;
      depth++;
    } else if (c === "”" && depth > 0) {
      depth--;
      if (depth === 0 && i - open <= MAX_QUOTE_CHARS) regions.push({ start: open, end: i + 1 });
    } else if (c === '"') {
      if (straight === null) straight = i;
      else {
        if (i - straight <= MAX_QUOTE_CHARS) regions.push({ start: straight, end: i + 1 });
        straight = null;
      }
    }
  }
  return regions;
}
