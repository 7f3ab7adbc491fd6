import type { Entity, Span } from "../../model/index.js";
import { MEDIA_NOUNS, normTitle, ORG_CUES, PERSON_TITLES, ROLE_NOUNS } from "../entities/lexicon.js";
import type { Token } from "../nlp.js";
import { type Cue, cueAt, wentOnCue } from "./cues.js";
import type { MentionIndex, SpanSet } from "./mentions.js";

/** Who speaks, as found around one quotation. */
export interface Speaker {
  speaker: string | null;
  entity: Entity | null;
  mention: Span | null;
  cue: Span | null;
}

export interface Frame {
  body: string;
  mentions: MentionIndex;
  /** Positions inside quoted text: never subjects, cues or antecedents. */
  quoted: SpanSet;
}

/** Words between a subject and its verb that do not change who speaks ("Kerry also said", "had effectively told"). */
const SKIPPABLE = new Set([
  "also",
  "then",
  "later",
  "once",
  "again",
  "further",
  "just",
  "still",
  "reportedly",
  "repeatedly",
  "effectively",
  "previously",
  "earlier",
  "recently",
  "publicly",
  "privately",
  "had",
  "has",
  "have",
  "would",
  "will",
  "could",
  "did",
  "does",
  "do",
  "not",
  "n't",
  "never",
  "is",
  "was",
  "be",
  "being",
]);

/** Adverbs and auxiliaries skipped between a subject and its verb. */
const MAX_SKIPPED = 4;

/** Longest noun phrase taken as a subject ("US Secretary of State John Kerry" is 6 tokens). */
const MAX_NP_TOKENS = 10;

/** An appositive ("one woman, Marcell Shehwaro, asked") is at most this many tokens between commas. */
const MAX_APPOSITIVE_TOKENS = 15;

/** Tokens after a quotation scanned for a trailing attribution (", said State Department spokesman John Kirby"). */
const MAX_TRAILING_TOKENS = 12;

/** Reporting cues tried, nearest first, when looking for the one that has a subject. */
const MAX_GOVERNING_CUES = 3;

const PERSON_PRONOUNS = new Set(["he", "she", "him", "her"]);
const THING_PRONOUNS = new Set(["it", "they"]);
const NP_DETERMINERS = new Set(["the", "a", "an", "one", "another", "its", "his", "her", "their"]);
const NP_INNER = new Set(["of", "’s", "'s", "-", "&", "al", "el", "bin", "de", "van", "von"]);

function isWord(t: Token): boolean {
  return /[\p{L}\p{N}]/u.test(t.text);
}

function isCapitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text);
}

function skippable(t: Token): boolean {
  const lower = t.text.toLowerCase();
  return SKIPPABLE.has(lower) || (t.pos === "ADV" && !/^(?:how|why|when|where)$/.test(lower));
}

/** Can `t` be inside a subject noun phrase? */
function npToken(t: Token): boolean {
  if (NP_INNER.has(t.text.toLowerCase()) || isCapitalised(t)) return true;
  return (
    ["NOUN", "PROPN", "ADJ", "NUM"].includes(t.pos) ||
    (t.pos === "" && /^\p{Ll}/u.test(t.text) && t.text.length > 2)
  );
}

function span(tokens: readonly Token[], from: number, to: number): Span {
  return { start: (tokens[from] as Token).start, end: (tokens[to - 1] as Token).end };
}

/** The title-stripped capitalised words of a phrase, as the speaker's name when no entity matches. */
function bareName(tokens: readonly Token[], from: number, to: number, body: string): string | null {
  let s = from;
  while (s < to && !isCapitalised(tokens[s] as Token)) s++;
  let e = to;
  while (e > s && !isCapitalised(tokens[e - 1] as Token)) e--;
  while (s < e && PERSON_TITLES.has(normTitle((tokens[s] as Token).text))) s++;
  if (e <= s) return null;
  return body.slice((tokens[s] as Token).start, (tokens[e - 1] as Token).end);
}

export class SpeakerFinder {
  constructor(private readonly f: Frame) {}

  private fromEntity(entity: Entity, mention: Span, cue: Span | null): Speaker {
    return { speaker: entity.name, entity, mention, cue };
  }

  /**
   * "the Obama administration", "the Kerry plan": a name used as a modifier after "the" is not what
   * a following "he" points back to.
   */
  private isModifier(start: number, end: number): boolean {
    const before = this.f.body.slice(Math.max(0, start - 4), start);
    return /\bthe\s$/i.test(before) && /^\s+\p{Ll}/u.test(this.f.body.slice(end, end + 3));
  }

  private pronoun(t: Token, cue: Span | null): Speaker | null {
    const lower = t.text.toLowerCase();
    const mention = { start: t.start, end: t.end };
    const types = PERSON_PRONOUNS.has(lower)
      ? (["person"] as const)
      : THING_PRONOUNS.has(lower)
        ? (["organization"] as const)
        : null;
    if (!types) return null;
    const hit = this.f.mentions.nearestBefore(
      t.start,
      types,
      (m) => !this.f.quoted.has(m.start) && !this.isModifier(m.start, m.end),
    );
    return hit ? this.fromEntity(hit.entity, mention, cue) : { speaker: null, entity: null, mention, cue };
  }

  /** "the prime minister said" after "British Prime Minister Theresa May": the person with that role. */
  private byDescription(
    tokens: readonly Token[],
    from: number,
    to: number,
    range: Span,
    cue: Span | null,
  ): Speaker | null {
    let s = from;
    while (s < to && NP_DETERMINERS.has((tokens[s] as Token).text.toLowerCase())) s++;
    if (s >= to) return null;
    const description = this.f.body
      .slice((tokens[s] as Token).start, (tokens[to - 1] as Token).end)
      .toLowerCase()
      .replace(/\s+/g, " ");
    const hit = this.f.mentions.byRole(range.start, description, (m) => !this.f.quoted.has(m.start));
    return hit ? this.fromEntity(hit.entity, range, cue) : null;
  }

  /** Who a subject phrase [from, to) names. */
  resolve(tokens: readonly Token[], from: number, to: number, cue: Span | null): Speaker | null {
    if (to <= from) return null;
    const first = tokens[from] as Token;
    if (to - from === 1 && (first.pos === "PRON" || PERSON_PRONOUNS.has(first.text.toLowerCase()))) {
      return this.pronoun(first, cue);
    }
    const range = span(tokens, from, to);
    const inside = this.f.mentions.within(range);
    const pick = (type: Entity["type"]) => inside.filter((m) => m.entity.type === type).pop();
    const head = tokens[to - 1] as Token;
    // "Obama’s spokesman said": a lower-case head noun is the speaker, not the name before it.
    const describedHead = !isCapitalised(head) && head.pos !== "PROPN";
    if (!describedHead) {
      const hit = pick("person") ?? pick("organization") ?? pick("place");
      if (hit) return this.fromEntity(hit.entity, { start: hit.start, end: hit.end }, cue);
      const name = bareName(tokens, from, to, this.f.body);
      if (name) return { speaker: name, entity: null, mention: range, cue };
    }
    const described = this.byDescription(tokens, from, to, range, cue);
    if (described) return described;
    const headWord = head.text.toLowerCase();
    if (MEDIA_NOUNS.has(headWord) || ORG_CUES.has(headWord)) {
      // "the newspaper reported": the organisation named most recently.
      const org = this.f.mentions.nearestBefore(
        range.start,
        ["organization"],
        (m) => !this.f.quoted.has(m.start),
      );
      if (org) return this.fromEntity(org.entity, range, cue);
    }
    return { speaker: null, entity: null, mention: range, cue };
  }

  /** Start of the noun phrase ending at token `i` (inclusive), or -1. */
  private npStart(tokens: readonly Token[], i: number, floor: number): number {
    const t = tokens[i];
    if (!t || this.f.quoted.has(t.start)) return -1;
    if (t.pos === "PRON" || PERSON_PRONOUNS.has(t.text.toLowerCase())) return i;
    if (!npToken(t)) return -1;
    let s = i;
    while (s - 1 >= floor && i - s < MAX_NP_TOKENS) {
      const p = tokens[s - 1] as Token;
      if (this.f.quoted.has(p.start)) break;
      if (NP_DETERMINERS.has(p.text.toLowerCase())) {
        s--;
        break;
      }
      if (!npToken(p)) break;
      s--;
    }
    while (s < i && NP_INNER.has((tokens[s] as Token).text.toLowerCase())) s++;
    return s;
  }

  /** The subject before a verb at `verb`, looking no further back than `floor`. */
  subjectBefore(tokens: readonly Token[], verb: number, floor: number, cue: Span | null): Speaker | null {
    let i = verb - 1;
    let skipped = 0;
    while (i >= floor && skipped < MAX_SKIPPED && skippable(tokens[i] as Token)) {
      i--;
      skipped++;
    }
    if (i < floor) return null;
    const t = tokens[i] as Token;
    if (t.text === ",") {
      // "One, a civil engineer named Mustafa Alsyofi, said" / "Kerry, the top US diplomat, said"
      let j = i - 1;
      while (j >= floor && i - j <= MAX_APPOSITIVE_TOKENS && (tokens[j] as Token).text !== ",") j--;
      if (j < floor || (tokens[j] as Token).text !== ",") return null;
      const last = tokens[i - 1] as Token;
      if (isCapitalised(last)) {
        // The appositive is the name itself ("one woman, Marcell Shehwaro,") or ends in one that a
        // role introduces ("a civil engineer named Mustafa Alsyofi,"); "a teacher from Homs," is not.
        const s = this.npStart(tokens, i - 1, j + 1);
        const lead = (tokens[s - 1] as Token | undefined)?.text.toLowerCase() ?? "";
        if (s >= 0 && (s === j + 1 || lead === "named" || lead === "called" || ROLE_NOUNS.has(lead))) {
          return this.resolve(tokens, s, i, cue);
        }
      }
      const s = this.npStart(tokens, j - 1, floor);
      return s >= 0 ? this.resolve(tokens, s, j, cue) : null;
    }
    const s = this.npStart(tokens, i, floor);
    return s >= 0 ? this.resolve(tokens, s, i + 1, cue) : null;
  }

  /** The subject after a verb ("said Mr. Kerry", "according to Wikileaks"). */
  subjectAfter(tokens: readonly Token[], from: number, limit: number, cue: Span | null): Speaker | null {
    let k = from;
    while (k < limit && skippable(tokens[k] as Token)) k++;
    const t = tokens[k];
    if (!t || k >= limit || this.f.quoted.has(t.start)) return null;
    if (t.pos === "PRON" || PERSON_PRONOUNS.has(t.text.toLowerCase())) return this.pronoun(t, cue);
    let e = k;
    while (e < limit && e - k < MAX_NP_TOKENS) {
      const x = tokens[e] as Token;
      if (this.f.quoted.has(x.start)) break;
      if (!(NP_DETERMINERS.has(x.text.toLowerCase()) && e === k) && !npToken(x)) break;
      e++;
    }
    while (e > k && NP_INNER.has((tokens[e - 1] as Token).text.toLowerCase())) e--;
    if (e - k === 1 && NP_DETERMINERS.has(t.text.toLowerCase())) return null;
    return this.resolve(tokens, k, e, cue);
  }

  /** The nearest reporting cue before token `end` (exclusive) in [floor, end), skipping quoted text. */
  cueBefore(tokens: readonly Token[], floor: number, end: number, scanFrom = end): Cue | null {
    for (let i = scanFrom - 1; i >= floor; i--) {
      const t = tokens[i] as Token;
      if (this.f.quoted.has(t.start)) continue;
      const c = cueAt(tokens, i) ?? wentOnCue(tokens, i);
      if (c && c.to <= end) return c;
    }
    return null;
  }

  /** Attribution from a cue: its subject before, or after when inverted or "according to". */
  fromCue(tokens: readonly Token[], c: Cue, floor: number, limit: number): Speaker | null {
    const cue = span(tokens, c.from, c.to);
    if (c.kind === "according") return this.subjectAfter(tokens, c.to, limit, cue);
    const before = this.subjectBefore(tokens, c.from, floor, cue);
    if (before) return before;
    // Inversion only before a name or a described speaker: "said Mr. Kerry", "said the official".
    const next = tokens[c.to];
    const inverted = next !== undefined && (isCapitalised(next) || /^(?:the|a|an)$/i.test(next.text));
    return inverted ? this.subjectAfter(tokens, c.to, limit, cue) : null;
  }

  /**
   * The attribution governing text that starts at token `end`: the nearest cue before it with a
   * subject. A cue without one (“beyond saying that …”) defers to the clause it hangs from (“the
   * State Department declined to comment … beyond saying”).
   */
  governing(tokens: readonly Token[], end: number): Speaker | null {
    let limit = end;
    for (let tries = 0; tries < MAX_GOVERNING_CUES; tries++) {
      const c = this.cueBefore(tokens, 0, end, limit);
      if (!c) return null;
      const found = this.fromCue(tokens, c, 0, end);
      if (found) return found;
      limit = c.from;
    }
    return null;
  }

  /**
   * Attribution right after a quotation: `,” Kerry said`, `,” said Mr. Kerry`, `,” he continued to
   * say, “`, `,” John Kerry told the members`.
   */
  trailing(tokens: readonly Token[], from: number, limit: number): Speaker | null {
    let k = from;
    while (k < limit && /^[,—–-]$/.test((tokens[k] as Token).text)) k++;
    const stop = Math.min(limit, k + MAX_TRAILING_TOKENS);
    for (let i = k; i < stop; i++) {
      const t = tokens[i] as Token;
      if (this.f.quoted.has(t.start) || /^[.;:!?]$/.test(t.text)) break;
      const c = cueAt(tokens, i) ?? wentOnCue(tokens, i);
      if (!c) {
        if (!isWord(t) && t.text !== "’s" && t.text !== "-") break;
        continue;
      }
      const cue = span(tokens, c.from, c.to);
      if (c.kind === "according") return this.subjectAfter(tokens, c.to, limit, cue);
      if (i === k) return this.subjectAfter(tokens, c.to, limit, cue);
      return this.subjectBefore(tokens, c.from, k, cue);
    }
    return null;
  }

  /** A sentence that is only an attribution ("he said." / "said Kerry."). */
  bareAttribution(tokens: readonly Token[]): Speaker | null {
    const words = tokens.filter(isWord);
    if (words.length === 0 || words.length > MAX_TRAILING_TOKENS / 2) return null;
    if (tokens.some((t) => this.f.quoted.has(t.start))) return null;
    return this.trailing(tokens, 0, tokens.length);
  }
}
