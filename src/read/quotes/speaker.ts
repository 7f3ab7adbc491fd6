import type { Entity, Span } from "../../model/index.js";
import { MEDIA_NOUNS, normTitle, ORG_CUES, PERSON_TITLES, ROLE_NOUNS } from "../entities/lexicon.js";
import type { Token } from "../nlp.js";
import {
  type Cue,
  cueAt,
  isAttitudeLemma,
  isExpressionNoun,
  mistaggedCueAt,
  reportingLemma,
  wentOnCue,
} from "./cues.js";
import type { MentionIndex, SpanSet } from "./mentions.js";
import {
  bareName,
  closeParen,
  finiteVerb,
  isCapitalised,
  isPronoun,
  isWord,
  lower,
  nounLike,
  npToken,
  openParen,
  participialAdjective,
  skippable,
  span,
} from "./tokens.js";
import {
  AUXILIARY_INSERTS,
  BARE_DAYS,
  CLOSING_SUBORDINATORS,
  DEICTIC_PRONOUNS,
  DEMONSTRATIVES,
  EDITORIAL_LABELS,
  INDEFINITE_HEADS,
  NP_DETERMINERS,
  NP_INNER,
  NP_PREPOSITIONS,
  PARTY_TAG,
  PERSON_HEADS,
  PERSON_PRONOUNS,
  PLACE_PREPOSITIONS,
  POSSESSIVE_PRONOUNS,
  PURE_PREPOSITIONS,
  RELATIVE_PRONOUNS,
  SUBORDINATORS,
  THING_PRONOUNS,
  TIME_LEADS,
  TIME_WORDS,
} from "./words.js";

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

/** Adverbs, auxiliaries and time phrases skipped between a subject and its verb. */
const MAX_SKIPPED = 6;

/** Longest noun phrase taken as a subject ("US Secretary of State John Kerry" is 6 tokens). */
const MAX_NP_TOKENS = 12;

/** One appositive or relative clause ("one woman, Marcell Shehwaro,", ", who attended the rally,") is at most this many tokens. */
const MAX_APPOSITIVE_TOKENS = 40;

/** Comma-separated pieces between a subject and its verb ("Renee Gold, 83, of Sarasota, Florida, said"). */
const MAX_APPOSITIVE_SEGMENTS = 5;

/** Tokens after a quotation scanned for a trailing attribution (", Jeff Weaver, Sanders' campaign manager, said in"). */
const MAX_TRAILING_TOKENS = 60;
/** Reflexive pronouns used for emphasis right after a subject ("Ford itself said"). */
const INTENSIFIERS: ReadonlySet<string> = new Set(["itself", "himself", "herself", "themselves"]);
/** Words that open a clause of their own inside a relative clause, whatever their tag. */
const CLAUSE_OPENING_WORDS: ReadonlySet<string> = new Set(
  "that as when so because if unless while after before since until whether where once than though although".split(
    " ",
  ),
);
/** Longest relative clause taken for an aside between a subject and its verb (", who …,"). */
const MAX_RELATIVE_ASIDE_TOKENS = 20;

/** A sentence that is only an attribution ("He said.", "said Kerry, the top US diplomat.") has at most this many words. */
const MAX_BARE_ATTRIBUTION_WORDS = 10;

/** Tokens after a trailing reporting verb searched for a clause of its own ("he claimed they had never met"). */
const MAX_COMPLEMENT_SCAN = 20;

/** Reporting cues looked at before a quotation, nearest first, when looking for the outermost one. */
const MAX_GOVERNING_CUES = 6;

/** A transcript label ("Rep. Trey Gowdy (R-S.C.):") is at most this many tokens. */
const MAX_LABEL_TOKENS = 10;

/** Tokens after a trailing attribution searched for ", according to …". */
const MAX_ACCORDING_REACH = 12;

/** A reporting verb this close before ", adding" / ", saying" is the clause the participle continues. */
const MAX_CUE_REACH = 3;

/** Fronted phrases skipped one after another before a main clause ("Once …, when …, I said"). */
const MAX_FRONTED_PHRASES = 3;

/** Tokens scanned back from a participle for the finite verb of its clause ("X released a statement Wednesday saying"). */
const MAX_CLAUSE_TOKENS = 60;

/** Is token `k` a hyphen glued to the words on both sides of it ("well-connected", "68-year-old")? */
function gluedHyphen(tokens: readonly Token[], k: number): boolean {
  const h = tokens[k];
  const a = tokens[k - 1];
  const b = tokens[k + 1];
  return (
    h?.text === "-" &&
    a !== undefined &&
    b !== undefined &&
    a.end === h.start &&
    h.end === b.start &&
    /^[\p{L}\p{N}]/u.test(b.text) &&
    /[\p{L}\p{N}]$/u.test(a.text)
  );
}

/** Pronouns naming the group a share is taken of ("many of them", "half of those polled"). */
const SHARE_PRONOUNS: ReadonlySet<string> = new Set(["them", "us", "those", "these", "you"]);

/** Participles that pick out the people a share is taken of ("those surveyed", "those polled"). */
const SHARE_PARTICIPLES: ReadonlySet<string> = new Set(
  "surveyed polled questioned asked interviewed sampled contacted".split(" "),
);

/** What a comma-delimited piece before a verb is, for finding the subject through appositives. */
type SegmentKind = "name" | "description" | "pronoun" | "relative" | "aside" | "adverbial" | "clause";

interface Segment {
  from: number;
  to: number;
  kind: SegmentKind;
}

/** A speaker named earlier in the article, for the pronouns that follow ("Kerry responded …, but he also said"). */
interface Salient {
  speaker: string;
  entity: Entity | null;
  at: number;
}

export class SpeakerFinder {
  private salient: Salient | null = null;

  constructor(private readonly f: Frame) {}

  /**
   * Record a speaker named by a quotation's attribution: the subject of the last reporting verb is
   * the likeliest antecedent of a following "he" or "she", even when the entity finder did not take
   * the name for a person (a lone surname opening a sentence).
   */
  noteSpeaker(s: Speaker | null): void {
    const m = s?.mention;
    if (!s?.speaker || !m) return;
    if (PERSON_PRONOUNS.has(this.f.body.slice(m.start, m.end).toLowerCase())) return;
    if (s.entity && s.entity.type !== "person") return;
    this.salient = { speaker: s.speaker, entity: s.entity, at: m.start };
  }

  private fromEntity(entity: Entity, mention: Span, cue: Span | null): Speaker {
    return { speaker: entity.name, entity, mention, cue };
  }

  private isQuoted(t: Token | undefined): boolean {
    return t !== undefined && this.f.quoted.has(t.start);
  }

  /**
   * "the Obama administration", "the Kerry plan": a name used as a modifier after "the" is not what
   * a following "he" points back to.
   */
  private isModifier(start: number, end: number): boolean {
    const before = this.f.body.slice(Math.max(0, start - 4), start);
    return /\bthe\s$/i.test(before) && /^\s+\p{Ll}/u.test(this.f.body.slice(end, end + 3));
  }

  /** A pronoun subject, resolved to the nearest person (he, she) or organisation (it, they) before it. */
  private pronoun(t: Token, cue: Span | null): Speaker | null {
    const w = t.lower;
    const mention = { start: t.start, end: t.end };
    if (DEICTIC_PRONOUNS.has(w) && w !== "we") return { speaker: null, entity: null, mention, cue };
    const types = PERSON_PRONOUNS.has(w)
      ? (["person"] as const)
      : THING_PRONOUNS.has(w)
        ? (["organization", "person"] as const)
        : null;
    if (!types) return null;
    const hit = this.f.mentions.nearestBefore(
      t.start,
      w === "it" ? ["organization"] : types,
      (m) => !this.f.quoted.has(m.start) && !this.isModifier(m.start, m.end),
    );
    const salient = this.salient;
    if (PERSON_PRONOUNS.has(w) && salient && salient.at < t.start && (!hit || salient.at > hit.start))
      return { speaker: salient.speaker, entity: salient.entity, mention, cue };
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
    while (s < to && NP_DETERMINERS.has((tokens[s] as Token).lower)) s++;
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
    if (to - from === 1 && (first.pos === "PRON" || isPronoun(first))) {
      // "Everyone knows": an indefinite pronoun names nobody in particular, but it is the source.
      if (INDEFINITE_HEADS.has(lower(first)))
        return { speaker: null, entity: null, mention: span(tokens, from, to), cue };
      return this.pronoun(first, cue);
    }
    const range = span(tokens, from, to);
    let headAt = to - 1;
    // "Sen. Ted Cruz (R-Texas)": the head is before the parenthesis.
    if ((tokens[headAt] as Token).text === ")") {
      const open = openParen(tokens, headAt, from);
      if (open > from) headAt = open - 1;
    }
    const head = tokens[headAt] as Token;
    // "Rubio's response said", "his remarks showed": the author of words speaks through them, and
    // the possessor is the source mention.
    if (AUTHORED_NOUNS.has(lower(head))) {
      const owner = this.author(tokens, from, headAt, cue);
      if (owner) return owner;
    }
    // Names inside the parenthesis ("(D-Ore.)") are not who speaks.
    const inside = this.f.mentions.within({ start: range.start, end: head.end });
    const pick = (type: Entity["type"]) => inside.filter((m) => m.entity.type === type).pop();
    // "Obama’s spokesman said": a lower-case head noun is the speaker, not the name before it.
    const describedHead = !isCapitalised(head) && head.pos !== "PROPN";
    if (!describedHead) {
      const hit = pick("person") ?? pick("organization") ?? pick("place");
      if (hit) return this.fromEntity(hit.entity, { start: hit.start, end: hit.end }, cue);
      const name = bareName(tokens, from, headAt + 1, this.f.body);
      if (name) return { speaker: name, entity: null, mention: range, cue };
    }
    const described = this.byDescription(tokens, from, headAt + 1, range, cue);
    if (described) return described;
    const headWord = head.lower;
    const definite = lower(first) === "the";
    if (definite && (ROLE_NOUNS.has(headWord) || PERSON_HEADS.has(headWord))) {
      // "the businessman replied" after "Donald Trump …": a definite person description points back
      // to the person in focus.
      const person = this.f.mentions.nearestBefore(
        range.start,
        ["person"],
        (m) => !this.f.quoted.has(m.start) && !this.isModifier(m.start, m.end),
      );
      if (person) return this.fromEntity(person.entity, range, cue);
    }
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

  /** The possessor in [from, head) of an authored noun ("the campaign's [statement]", "his [remarks]"), resolved. */
  private author(tokens: readonly Token[], from: number, head: number, cue: Span | null): Speaker | null {
    for (let k = from; k < head; k++) {
      const t = tokens[k] as Token;
      const w = lower(t);
      if (k === from && POSSESSIVE_PRONOUNS.has(w)) {
        const text = w === "his" ? "he" : w === "her" ? "she" : "they";
        const as = { ...t, text, lower: text, pos: "PRON" };
        const r = this.pronoun(as, cue);
        return r ? { ...r, mention: { start: t.start, end: t.end } } : null;
      }
      if ((w === "’s" || w === "'s" || w === "’" || w === "'") && k > from) {
        const r = this.resolve(tokens, from, k, cue);
        if (!r?.mention) return null;
        const owner = span(tokens, from, k);
        const speaker = r.speaker ?? this.f.body.slice(owner.start, owner.end);
        return { ...r, speaker, mention: span(tokens, from, k + 1) };
      }
    }
    return null;
  }

  /**
   * A relative pronoun subject ("Mike Pence, who called their son …"): the mention is "who" itself,
   * as PolNeAR marks it, and the speaker is the phrase it hangs from.
   */
  private relative(tokens: readonly Token[], at: number, floor: number, cue: Span | null): Speaker {
    const t = tokens[at] as Token;
    const mention = { start: t.start, end: t.end };
    let j = at - 1;
    if (lower(tokens[j]) === ",") j--;
    const s = j >= floor ? this.npStart(tokens, j, floor) : -1;
    const antecedent = s >= 0 ? this.resolve(tokens, s, j + 1, cue) : null;
    return {
      speaker: antecedent?.speaker ?? null,
      entity: antecedent?.entity ?? null,
      mention,
      cue,
    };
  }

  /**
   * A preposition at `prep` inside a noun phrase, after a noun ("a spokesman for the campaign",
   * "a narrator in the ad") or after an adjective that follows one ("a source familiar with the
   * matter", "an aide close to the senator"): the index to continue the phrase from, or -1.
   */
  private prepositionInside(tokens: readonly Token[], prep: number, floor: number): number {
    const p = tokens[prep];
    if (!p || prep - 1 < floor || !NP_PREPOSITIONS.has(lower(p))) return -1;
    const before = tokens[prep - 1] as Token;
    if (this.isQuoted(before)) return -1;
    if (nounLike(before)) return prep - 1;
    // "85% of Democrats": a percentage is a number and its sign.
    if (before.text === "%" && tokens[prep - 2]?.pos === "NUM" && prep - 2 >= floor) return prep - 2;
    if (before.pos === "ADJ" && prep - 2 >= floor && nounLike(tokens[prep - 2] as Token)) return prep - 2;
    return -1;
  }

  /** Start of the noun phrase ending at token `i` (inclusive), or -1. */
  private npStart(tokens: readonly Token[], i: number, floor: number): number {
    let t = tokens[i];
    if (!t || this.isQuoted(t)) return -1;
    const share = this.shareOfPronoun(tokens, i, floor);
    if (share >= 0) return share;
    // "Both want …", "while another says …", "Most believe …", "Not everyone agrees": a quantifier
    // opening its clause and standing alone is the whole phrase, whatever its tag; one floating
    // after its noun ("Clinton and Sanders both said", "have all argued") is not.
    if (INDEFINITE_HEADS.has(lower(t)) || lower(t) === "another") {
      const q = quantifierStart(tokens, i, floor);
      if (q >= 0) return q;
      // "the one", "the others": after a determiner it heads an ordinary phrase.
      if (["DET", "ADJ", "PRON", "ADV"].includes(t.pos)) return -1;
    }
    // Tried and dropped: an object pronoun closing a phrase's complement ("a source close to him
    // said"). PolNeAR train source hits 13974 -> 13974 (one won, one lost), dev 1629 -> 1630 of 2066.
    if (t.pos === "PRON" || isPronoun(t)) return isPronoun(t) ? i : -1;
    // "26% say": a percentage is a number and its sign.
    if (t.text === "%" && tokens[i - 1]?.pos === "NUM" && i - 1 >= floor) return i - 1;
    let end = i;
    if (t.text === ")") {
      const open = openParen(tokens, i, floor);
      if (open <= floor) return -1;
      end = open - 1;
      t = tokens[end] as Token;
    }
    if (!npToken(t) || NP_INNER.has(t.lower)) return -1;
    let s = end;
    while (s - 1 >= floor && i - s < MAX_NP_TOKENS) {
      let p = tokens[s - 1] as Token;
      if (this.isQuoted(p)) break;
      if (p.text === ")") {
        const open = openParen(tokens, s - 1, floor);
        if (open < floor || open === s - 1) break;
        s = open;
        continue;
      }
      // "the self-described socialist", "a well-connected Democrat": the tagger splits a hyphenated
      // modifier into its words and the hyphen.
      if (gluedHyphen(tokens, s - 1) && s - 2 >= floor) {
        s -= 2;
        continue;
      }
      const w = p.lower;
      // "that Michael Bloomberg": before a name, "that" is a conjunction, not a determiner.
      if (DEMONSTRATIVES.has(w) && isCapitalised(tokens[s] as Token)) break;
      // "information that officials said": before a plural noun, "that" opens a clause.
      if ((w === "that" || w === "this") && pluralNoun(tokens[s] as Token)) break;
      if (NP_DETERMINERS.has(w) || POSSESSIVE_PRONOUNS.has(w)) {
        s--;
        // "executive director of the Campaign Legal Center", "a narrator in the ad": a determiner
        // after a preposition that follows a noun is inside the phrase.
        const inner = this.prepositionInside(tokens, s - 1, floor);
        if (inner < 0) break;
        s = inner;
        continue;
      }
      // "about 6 in 10 voters", "more than 40 percent": a word that rounds the number belongs to it.
      if ((tokens[s] as Token).pos === "NUM" || lower(tokens[s]) === "half") {
        if (APPROXIMATORS.has(w)) {
          s--;
          continue;
        }
        if (w === "than" && s - 2 >= floor && /^(?:more|fewer|less)$/i.test((tokens[s - 2] as Token).text)) {
          s -= 2;
          continue;
        }
      }
      // "six in 10 voters", "nine out of 10": a ratio of two numbers is one quantity.
      const ratio = ratioStart(tokens, s - 1, floor);
      if (ratio >= 0) {
        s = ratio;
        continue;
      }
      // "a spokesman for Bernie Sanders", "Vice President for news and talk Dave Gorab": a
      // preposition after a noun stays inside the phrase.
      const inner = this.prepositionInside(tokens, s - 1, floor);
      if (inner >= 0) {
        s = inner;
        continue;
      }
      // "one unaligned Florida strategist": a participle used as an adjective inside the phrase.
      if (!npToken(p) && !(participialAdjective(p) && s - 2 >= floor && npToken(tokens[s - 2] as Token)))
        break;
      // "and" joins two names or two nouns ("Google and Yahoo said", "the senator and candidate"),
      // never a clause to a name ("asked for a photo and Clinton said").
      if (w === "and") {
        const right = tokens[s] as Token;
        p = tokens[s - 2] as Token;
        if (!p || this.isQuoted(p)) break;
        const names = isCapitalised(p) && isCapitalised(right);
        // "the Florida senator and Republican presidential candidate": descriptions joined.
        const headNoun = !isCapitalised(tokens[end] as Token) && nounLike(tokens[end] as Token);
        const nouns = (!isCapitalised(right) || headNoun) && (p.pos === "NOUN" || p.pos === "PROPN");
        if (!names && !nouns) break;
      }
      s--;
    }
    while (s < end && NP_INNER.has((tokens[s] as Token).lower)) s++;
    return s;
  }

  /**
   * "Many of them said", "Half of those surveyed say", "three-fourths of us believe": a share of a
   * group named by a pronoun (and the participle that picks the group out) is one noun phrase,
   * starting where the share does; -1 when the phrase ending at `i` is not one.
   */
  private shareOfPronoun(tokens: readonly Token[], i: number, floor: number): number {
    let k = i;
    if (SHARE_PARTICIPLES.has(lower(tokens[k])) && lower(tokens[k - 1]) === "those") k--;
    if (!SHARE_PRONOUNS.has(lower(tokens[k])) || lower(tokens[k - 1]) !== "of" || k - 2 < floor) return -1;
    return this.npStart(tokens, k - 2, floor);
  }

  /** Classify the piece [from, to) of a comma chain before a verb. */
  private segmentKind(tokens: readonly Token[], from: number, to: number): SegmentKind {
    const first = tokens[from] as Token;
    const w = first.lower;
    if (to - from === 1 && isPronoun(first)) return "pronoun";
    if (RELATIVE_PRONOUNS.has(w) || w === "whose") return "relative";
    // "a state delegate who is part of the drive": a relative clause inside an appositive only
    // modifies its head, so the piece is what the words before the pronoun are.
    for (let k = from + 1; k < to; k++) {
      const r = lower(tokens[k]);
      if ((r === "who" || r === "whose") && !this.isQuoted(tokens[k]))
        return this.segmentKind(tokens, from, k);
    }
    if (
      to - from <= 2 &&
      tokens.slice(from, to).every((t) => t.pos === "NUM" || t.pos === "ADV" || !isWord(t))
    )
      return "aside";
    if (SUBORDINATORS.has(w)) return "adverbial";
    // "Friday, Texas, leading a coalition of states, asked …": a bare day is when.
    if (to - from === 1 && BARE_DAYS.test(first.text)) return "adverbial";
    // "McConnell, R-Ky., said": a party-and-state tag.
    if (PARTY_TAG.test(this.f.body.slice(first.start, (tokens[to - 1] as Token).end))) return "aside";
    if (first.pos === "ADP" || first.pos === "SCONJ") return "adverbial";
    // "Ted Cruz, by contrast, said": a first name the tagger reads as a participle opens a name.
    const next = tokens[from + 1];
    const named = isCapitalised(first) && next?.pos === "PROPN" && !TIME_WORDS.test(next.text);
    if ((first.pos === "VERB" && /(?:ing|ed|en)$/.test(w) && !named) || first.pos === "ADV") return "aside";
    const s = this.npStart(tokens, to - 1, from);
    if (s !== from) {
      // "a teacher from Homs", "executive director at the center": a noun phrase and its place.
      for (let k = from + 1; k < to - 1; k++) {
        const t = tokens[k] as Token;
        if (t.pos !== "ADP" || !PLACE_PREPOSITIONS.has(t.lower)) continue;
        if (this.npStart(tokens, k - 1, from) === from && this.npStart(tokens, to - 1, k + 1) >= k + 1) {
          const head = tokens[k - 1] as Token;
          return isCapitalised(head) ? "name" : "description";
        }
        break;
      }
      // "China, Pyongyang's only ally and its economic lifeline, said": a phrase opened by a
      // possessive or a determiner and ending in a noun is a description even where the tagger
      // stumbles inside it.
      const opener = lower(first);
      const possessed = isCapitalised(first) && /^[’']s$/.test(lower(tokens[from + 1]));
      const last = tokens[to - 1] as Token;
      if (
        (possessed || NP_DETERMINERS.has(opener) || POSSESSIVE_PRONOUNS.has(opener)) &&
        nounLike(last) &&
        !this.hasFiniteVerb(tokens, from, to)
      )
        return "description";
      return "clause";
    }
    let head = tokens[to - 1] as Token;
    if (head.text === ")") head = tokens[Math.max(from, openParen(tokens, to - 1, from) - 1)] as Token;
    return isCapitalised(head) || head.pos === "PROPN" ? "name" : "description";
  }

  /** Does [from, to) hold a finite verb other than one the tagger may have misread in a noun phrase? */
  private hasFiniteVerb(tokens: readonly Token[], from: number, to: number): boolean {
    for (let k = from; k < to; k++) {
      const t = tokens[k] as Token;
      if (t.pos === "AUX" || (finiteVerb(tokens, k) && /(?:ed|s)$/.test(t.text) && !this.isQuoted(t)))
        return true;
    }
    return false;
  }

  /**
   * The subject before a verb whose nearest preceding token is the comma at `comma`: walks back over
   * appositives, ages, places and relative clauses ("Renee Gold, 83, of Sarasota, Florida, said",
   * "Kerry, the top US diplomat, said", "Small, who attended the rally, said") to the phrase that
   * names the speaker, preferring a name to a description ("one woman, Marcell Shehwaro, asked").
   */
  private throughAppositives(
    tokens: readonly Token[],
    comma: number,
    floor: number,
    cue: Span | null,
  ): { speaker: Speaker; start: number } | null {
    const segments: Segment[] = [];
    let end = comma;
    while (segments.length < MAX_APPOSITIVE_SEGMENTS) {
      let j = end - 1;
      while (j >= floor && end - j <= MAX_APPOSITIVE_TOKENS) {
        const x = (tokens[j] as Token).text;
        if (
          x === "," ||
          x === ";" ||
          x === ":" ||
          (x === "“" && !this.isQuoted(tokens[j]) && !this.isQuoted(tokens[j + 1]))
        )
          break;
        j--;
      }
      if (end - j > MAX_APPOSITIVE_TOKENS) return null;
      const from = j + 1;
      if (from >= end) return null;
      segments.push({ from, to: end, kind: this.segmentKind(tokens, from, end) });
      if (j < floor || (tokens[j] as Token).text !== ",") break;
      end = j;
    }
    // A place after "of"/"from" belongs to it: "of Sarasota, Florida".
    for (let n = segments.length - 2; n >= 0; n--) {
      const outer = segments[n + 1] as Segment;
      const seg = segments[n] as Segment;
      const day = outer.to - outer.from === 1 && BARE_DAYS.test((tokens[outer.from] as Token).text);
      // Only after a place name: "As part of his plea, Tom Reyes, 44, said" names the subject.
      const place = isCapitalised(tokens[outer.to - 1] as Token);
      if (seg.kind === "name" && outer.kind === "adverbial" && !day && place) seg.kind = "aside";
    }
    // The chain holds up to the first piece that cannot sit between a subject and its verb; a noun
    // phrase ending that piece can still be the subject ("Yesterday in Iowa the candidate, 74, said").
    let usable = segments.length;
    for (let n = 0; n < segments.length; n++) {
      const seg = segments[n] as Segment;
      if (seg.kind !== "clause") continue;
      usable = n;
      const s = this.npStart(tokens, seg.to - 1, seg.from);
      // Only the outermost piece, which no comma opens, may end in the subject.
      const outermost = n === segments.length - 1 && lower(tokens[seg.from - 1]) !== ",";
      // "Lopez shot back at the mayor, saying …", "The agency obfuscated facts, admitted …": a
      // phrase right after a verb or a preposition is its object, not a subject ("after Mr. Trump,
      // asked …" opens a clause of its own).
      const lead = tokens[s - 1];
      const object =
        s > seg.from && lead !== undefined && (lead.pos === "VERB" || PURE_PREPOSITIONS.has(lower(lead)));
      if (s > seg.from && outermost && !object) {
        segments[n] = { from: s, to: seg.to, kind: this.segmentKind(tokens, s, seg.to) };
        if ((segments[n] as Segment).kind !== "clause") usable = n + 1;
      }
      break;
    }
    let subject: Segment | null = null;
    let name: Segment | null = null;
    for (let n = 0; n < usable; n++) {
      const seg = segments[n] as Segment;
      if (seg.kind === "name" || seg.kind === "description" || seg.kind === "pronoun") {
        subject = seg;
        if (seg.kind === "name" || seg.kind === "pronoun") name = seg;
      }
    }
    if (subject === null) return null;
    // "One, a civil engineer named Mustafa Alsyofi, said": the name inside the appositive.
    if (subject.kind === "description") {
      const named = this.namedIn(tokens, segments, usable);
      const pick = name ?? named;
      if (pick) {
        const s = this.resolve(tokens, pick.from, pick.to, cue);
        if (s) return { speaker: s, start: subject.from };
      }
    }
    const s = this.resolve(tokens, subject.from, subject.to, cue);
    return s ? { speaker: s, start: subject.from } : null;
  }

  /** A name introduced inside an appositive ("a civil engineer named Mustafa Alsyofi"). */
  private namedIn(tokens: readonly Token[], segments: readonly Segment[], usable: number): Segment | null {
    for (let n = 0; n < usable; n++) {
      const seg = segments[n] as Segment;
      for (let k = seg.from; k < seg.to - 1; k++) {
        const w = lower(tokens[k]);
        if ((w === "named" || w === "called" || ROLE_NOUNS.has(w)) && isCapitalised(tokens[k + 1] as Token)) {
          const s = this.npStart(tokens, seg.to - 1, k + 1);
          if (s === k + 1) return { from: s, to: seg.to, kind: "name" };
        }
      }
    }
    return null;
  }

  /** Index of the last token of the subject before a verb at `verb`, skipping adverbs, auxiliaries and time phrases. */
  private beforeSkips(tokens: readonly Token[], verb: number, floor: number): number {
    let i = verb - 1;
    let skipped = 0;
    while (i >= floor && skipped < MAX_SKIPPED) {
      const t = tokens[i] as Token;
      // "has since said", "have both argued", "have in the past said": a word or a short phrase
      // between an auxiliary and its verb.
      const inner = auxiliaryInsertStart(tokens, i, floor);
      if (inner >= 0) {
        skipped += i - inner + 1;
        i = inner - 1;
        continue;
      }
      if (skippable(t) && !(INDEFINITE_HEADS.has(lower(t)) && quantifierStart(tokens, i, floor) >= 0)) {
        i--;
        skipped++;
        continue;
      }
      // "Ford itself said", "the president himself told": an intensifying pronoun after its noun.
      if (INTENSIFIERS.has(t.lower) && i - 1 >= floor && nounLike(tokens[i - 1] as Token)) {
        i--;
        skipped++;
        continue;
      }
      // "Trump on Tuesday said", "Clinton last week told"
      if (TIME_WORDS.test(t.text) && i - 1 >= floor && TIME_LEADS.has(lower(tokens[i - 1]))) {
        i -= 2;
        skipped += 2;
        continue;
      }
      // "A news report published Wednesday said", "Reyes yesterday told": a bare day is when, not who.
      const lead = tokens[i - 1];
      if (
        BARE_DAYS.test(t.text) &&
        i - 1 >= floor &&
        lead !== undefined &&
        !TIME_WORDS.test(lead.text) &&
        lead.pos !== "DET" &&
        lead.pos !== "ADP"
      ) {
        i--;
        skipped++;
        continue;
      }
      if (TIME_WORDS.test(t.text) && TIME_WORDS.test(tokens[i - 1]?.text ?? "") && i - 2 >= floor) {
        // "on Tuesday night"
        if (TIME_LEADS.has(lower(tokens[i - 2]))) {
          i -= 3;
          skipped += 3;
          continue;
        }
        // "Broaddrick Sunday night recounted": a bare day and time after a name.
        if (isCapitalised(tokens[i - 2] as Token) && (tokens[i - 2] as Token).pos === "PROPN") {
          i -= 2;
          skipped += 2;
          continue;
        }
      }
      // "Trump at the time said", "Bush in a Medium post wrote": an adjunct of time or of the
      // medium between the subject and its verb.
      const adjunct = this.adjunctStart(tokens, i, floor);
      if (adjunct >= 0) {
        skipped += i - adjunct + 1;
        i = adjunct - 1;
        continue;
      }
      break;
    }
    return i;
  }

  /**
   * Start of an adjunct ending at token `end` that stands between a subject and its verb: "at the
   * time", "in a statement", "in his Medium post", or -1.
   */
  private adjunctStart(tokens: readonly Token[], end: number, floor: number): number {
    const head = lower(tokens[end]);
    if (head === "time" && lower(tokens[end - 1]) === "the" && lower(tokens[end - 2]) === "at")
      return end - 2;
    if (!MEDIUM_NOUNS.has(head)) return -1;
    for (let k = end - 1; k > floor && end - k <= MAX_MEDIUM_TOKENS; k--) {
      const w = lower(tokens[k]);
      if (w === "in" || w === "during") {
        const before = tokens[k - 1] as Token;
        return isCapitalised(before) || before.pos === "PRON" ? k : -1;
      }
      if (!npToken(tokens[k] as Token) && !NP_DETERMINERS.has(w) && !POSSESSIVE_PRONOUNS.has(w)) return -1;
    }
    return -1;
  }

  /** The subject before a verb at `verb` and where it starts, looking no further back than `floor`. */
  private subjectWithStart(
    tokens: readonly Token[],
    verb: number,
    floor: number,
    cue: Span | null,
  ): { speaker: Speaker; start: number } | null {
    const i = this.beforeSkips(tokens, verb, floor);
    if (i < floor) return null;
    const t = tokens[i] as Token;
    if (this.isQuoted(t)) return null;
    if (t.text === ",") return this.throughAppositives(tokens, i, floor, cue);
    // "Humphrey, who calls Trump a “sociopath,” said": the appositive's comma stands inside the
    // closing quotation mark.
    if (/^[”"’]$/.test(t.text) && tokens[i - 1]?.text === "," && i - 1 > floor)
      return this.throughAppositives(tokens, i - 1, floor, cue);
    const w = t.lower;
    if (RELATIVE_PRONOUNS.has(w) && (w !== "that" || t.pos === "PRON")) {
      return { speaker: this.relative(tokens, i, floor, cue), start: i };
    }
    let s = this.npStart(tokens, i, floor);
    let e = i + 1;
    // "A poll released on Tuesday showed …": a past participle right before the verb (its
    // adjuncts skipped) closes a reduced relative; the subject is the noun phrase it modifies.
    if (s < 0 && t.pos === "VERB" && /(?:ed|en|wn)$/i.test(t.text) && i - 1 >= floor) {
      const head = tokens[i - 1] as Token;
      const hs = nounLike(head) ? this.npStart(tokens, i - 1, floor) : -1;
      if (hs >= 0 && !PURE_PREPOSITIONS.has(lower(tokens[hs - 1]))) {
        s = hs;
        e = i;
      }
    }
    if (s < 0) return null;
    const head = this.relativeHead(tokens, s, floor);
    if (head) [s, e] = head;
    const before = tokens[s - 1];
    // "with Trump reportedly yelling": the subject of a participle may follow "with".
    const participle = /ing$/i.test((tokens[verb] as Token | undefined)?.text ?? "");
    if (
      s > floor &&
      before &&
      PURE_PREPOSITIONS.has(before.text) &&
      !(participle && /^with(?:out)?$/.test(before.text))
    ) {
      // "In a Facebook message posted Friday": the object of a preposition is no subject; but
      // "Protesters marching through the streets chanted": a participle phrase after the subject.
      const head = this.modifiedHead(tokens, s - 1, floor);
      if (!head) return null;
      [s, e] = head;
    }
    const found = this.resolve(tokens, s, e, cue);
    return found ? { speaker: found, start: s } : null;
  }

  /**
   * The noun phrase a relative clause without commas modifies, when the phrase at `s` ends that
   * clause: in "A White House official who spoke anonymously to discuss internal strategy said",
   * "internal strategy" is the object of the clause's verb and "A White House official" the
   * subject of "said". Returns the head phrase's token range, or null.
   */
  private relativeHead(tokens: readonly Token[], s: number, floor: number): [number, number] | null {
    // "he" or "they" is a clause's own subject ("who gained attention when he yelled").
    if (/^(?:he|she|they|we|i|you|it)$/.test(lower(tokens[s]))) return null;
    let verb = false;
    for (let k = s - 1; k > floor && s - k <= MAX_RELATIVE_ASIDE_TOKENS; k--) {
      const t = tokens[k] as Token;
      if (this.isQuoted(t) || /^[,;:.!?—–()“”"-]$/.test(t.text)) return null;
      // "who a year ago embodied the qualities that his party's elders imagined": another clause
      // opens between the relative pronoun and the phrase, which is that clause's subject.
      if (t.pos === "SCONJ" || t.pos === "CCONJ" || CLAUSE_OPENING_WORDS.has(t.lower)) return null;
      if (t.pos === "VERB" || t.pos === "AUX") verb = true;
      if ((t.lower !== "who" && t.lower !== "which") || t.pos !== "PRON") continue;
      const last = tokens[k - 1] as Token;
      if (!verb || !nounLike(last)) return null;
      let hs = this.npStart(tokens, k - 1, floor);
      // "the ex-wife of Alan Grayson who filed …": the clause may modify the whole "of" phrase,
      // and the speaker is its head, not the name inside it.
      while (hs > floor + 1 && lower(tokens[hs - 1]) === "of") {
        const outer = this.npStart(tokens, hs - 2, floor);
        if (outer < 0) break;
        hs = outer;
      }
      return hs < 0 ? null : [hs, k];
    }
    return null;
  }

  /**
   * The noun phrase a participle phrase ending in a preposition's object modifies: "Protesters
   * [marching through] the streets", "officials [speaking on] condition of anonymity". `prep` is the
   * preposition; returns the head phrase's token range.
   */
  private modifiedHead(tokens: readonly Token[], prep: number, floor: number): [number, number] | null {
    const participle = tokens[prep - 1];
    if (!participle || prep - 1 < floor) return null;
    // "Sanders during a Sunday rally thanked …": a prepositional phrase between subject and verb.
    if (isCapitalised(participle) && nounLike(participle)) {
      const s = this.npStart(tokens, prep - 1, floor);
      if (s >= 0 && !PURE_PREPOSITIONS.has(lower(tokens[s - 1]))) return [s, prep];
      return null;
    }
    if (prep - 1 <= floor || participle.pos !== "VERB" || !/(?:ing|ed)$/i.test(participle.text)) return null;
    const end = prep - 2;
    const s = this.npStart(tokens, end, floor);
    if (s < 0 || (tokens[s - 1] && (tokens[s - 1] as Token).pos === "ADP")) return null;
    return [s, end + 1];
  }

  /** The subject before a verb at `verb`, looking no further back than `floor`. */
  subjectBefore(tokens: readonly Token[], verb: number, floor: number, cue: Span | null): Speaker | null {
    return this.subjectWithStart(tokens, verb, floor, cue)?.speaker ?? null;
  }

  /** End (exclusive) of the noun phrase starting at `k`, or `k` when there is none. */
  private npEnd(tokens: readonly Token[], k: number, limit: number): number {
    let e = k;
    while (e < limit && e - k < MAX_NP_TOKENS) {
      const x = tokens[e] as Token;
      if (this.isQuoted(x)) break;
      if (x.text === "(" && e > k) {
        const close = closeParen(tokens, e, limit);
        if (close < 0) break;
        e = close + 1;
        continue;
      }
      // "said one well-connected Democrat": a hyphenated modifier, split by the tagger, is one word.
      if (gluedHyphen(tokens, e + 1) && e + 2 < limit) {
        e += 2;
        continue;
      }
      const w = x.lower;
      // "the senator", "one of those advisers": a determiner opens the phrase or its "of" part.
      const afterOf = e > k && lower(tokens[e - 1]) === "of";
      if ((e === k || afterOf) && (NP_DETERMINERS.has(w) || POSSESSIVE_PRONOUNS.has(w) || w === "those")) {
        e++;
        continue;
      }
      if (!npToken(x) && !(participialAdjective(x) && npToken(tokens[e + 1] ?? x) && e > k)) break;
      if (w === "and" && !isCapitalised(tokens[e + 1] ?? x)) break;
      e++;
    }
    while (e > k && NP_INNER.has((tokens[e - 1] as Token).lower)) e--;
    // "a source close to the campaign", "a person familiar with the matter": an adjective taking a
    // preposition modifies the phrase from after it; the phrase ends at its noun.
    const last = tokens[e - 1];
    if (
      e - k >= 2 &&
      last?.pos === "ADJ" &&
      /^\p{Ll}/u.test(last.text) &&
      tokens[e]?.pos === "ADP" &&
      nounLike(tokens[e - 2] as Token)
    )
      e--;
    return e;
  }

  /** The subject after a verb ("said Mr. Kerry", "according to Wikileaks"). */
  subjectAfter(tokens: readonly Token[], from: number, limit: number, cue: Span | null): Speaker | null {
    let k = from;
    while (k < limit && skippable(tokens[k] as Token)) k++;
    const t = tokens[k];
    if (!t || k >= limit || this.isQuoted(t)) return null;
    if (isPronoun(t)) return this.pronoun(t, cue);
    // "said one of those advisers", "said several in the room": a quantifier heads a phrase.
    if (t.pos === "PRON" && !INDEFINITE_HEADS.has(lower(t))) return null;
    const e = this.npEnd(tokens, k, limit);
    if (e - k === 1 && NP_DETERMINERS.has(t.lower)) return null;
    return this.resolve(tokens, k, e, cue);
  }

  /** The nearest reporting cue before token `end` (exclusive) in [floor, end), skipping quoted text. */
  cueBefore(tokens: readonly Token[], floor: number, end: number, scanFrom = end): Cue | null {
    for (let i = scanFrom - 1; i >= floor; i--) {
      const t = tokens[i] as Token;
      if (this.isQuoted(t)) continue;
      const c = cueAt(tokens, i) ?? wentOnCue(tokens, i) ?? mistaggedCueAt(tokens, i);
      if (c && c.to <= end) return c;
    }
    return null;
  }

  /**
   * The subject of the clause a participle, infinitive or coordinated cue hangs from: "Trump went
   * after Bush, calling him …", "The town released a statement Wednesday saying …", "Suu Kyi said it
   * was too early but added, …": the main clause's first finite verb before `at` (not one inside its
   * complement, "it was too early"), after any fronted "When …," or "At the rally," phrase, and
   * that verb's subject.
   */
  clauseSubject(tokens: readonly Token[], at: number, floor: number, cue: Span | null): Speaker | null {
    let start = Math.max(floor, at - MAX_CLAUSE_TOKENS);
    for (let k = at - 1; k >= start; k--) {
      const x = tokens[k] as Token;
      if ((x.text === ";" || x.text === ":") && !this.isQuoted(x)) {
        start = k + 1;
        break;
      }
    }
    // A relative clause right before the cue holds its verb: "the Daily Beast, which ran an article
    // naming him …" is the Beast's naming, not the sentence subject's.
    for (let k = at - 1; k > start; k--) {
      const x = tokens[k] as Token;
      if (this.isQuoted(x)) continue;
      if (x.text === ",") {
        if (/^(?:which|who)$/.test(lower(tokens[k + 1]))) {
          const found = this.firstClauseSubject(tokens, k + 1, at, cue);
          if (found) return found;
        }
        break;
      }
    }
    // Fronted phrases may follow one another: "Once in my early 20s, when my mother mentioned
    // the devil, I laughed and said".
    let from = start;
    for (let fronted = 0; fronted < MAX_FRONTED_PHRASES; fronted++) {
      const first = tokens[from];
      // "Ever since she endorsed Clinton, …", "Even as …": an adverb may lead the subordinator.
      const led = first?.pos === "ADV" && SUBORDINATORS.has(lower(tokens[from + 1]));
      if (!first || !(SUBORDINATORS.has(lower(first)) || first.pos === "ADP" || led)) break;
      let comma = -1;
      for (let k = from; k < at - 1; k++) {
        if ((tokens[k] as Token).text === "," && !this.isQuoted(tokens[k])) {
          comma = k;
          break;
        }
      }
      if (comma < 0) break;
      from = comma + 1;
    }
    // "Protest groups object, and the union has sued the city, saying …": a participle hangs from
    // the nearest of two coordinated clauses, the one whose subject follows ", and".
    for (let k = at - 2; k > from; k--) {
      const x = tokens[k] as Token;
      if (this.isQuoted(x) || !/^(?:and|but)$/.test(lower(x)) || tokens[k - 1]?.text !== ",") continue;
      const found = this.firstClauseSubject(tokens, k + 1, at, cue);
      const m = found?.mention;
      // The subject must open the conjunct, not stand inside its complement ("and said the union …").
      if (m && !this.verbBetween(tokens, k + 1, m.start)) return found;
    }
    if (from > start) {
      const found = this.firstClauseSubject(tokens, from, at, cue);
      if (found) return found;
    }
    return this.firstClauseSubject(tokens, start, at, cue);
  }

  /** Is there a finite verb from token `from` up to body offset `end`? */
  private verbBetween(tokens: readonly Token[], from: number, end: number): boolean {
    for (let j = from; j < tokens.length && (tokens[j] as Token).start < end; j++)
      if (finiteVerb(tokens, j)) return true;
    return false;
  }

  /** The subject of the first finite verb in [from, to) that has one. */
  private firstClauseSubject(
    tokens: readonly Token[],
    from: number,
    to: number,
    cue: Span | null,
  ): Speaker | null {
    for (let v = from; v < to; v++) {
      const t = tokens[v] as Token;
      if (this.isQuoted(t) || !finiteVerb(tokens, v)) continue;
      // An auxiliary belongs to the verb after it: "has released", "was quoted as saying".
      let verb = v;
      while (verb - 1 >= from && (tokens[verb - 1] as Token).pos === "AUX") verb--;
      // "Mr. Trump, who said last week …, issued a statement saying": the verb of a relative clause
      // between commas is not the clause's; its own verb comes after the closing comma.
      const rel = tokens[verb - 1];
      if (rel && /^(?:who|which)$/.test(lower(rel)) && tokens[verb - 2]?.text === ",") {
        let close = verb + 1;
        while (close < to && ((tokens[close] as Token).text !== "," || this.isQuoted(tokens[close]))) close++;
        if (close < to - 1) {
          v = close;
          continue;
        }
      }
      const found = this.subjectBefore(tokens, verb, from, cue);
      if (found) return found;
      // Skip the rest of this verb group.
      while (
        v + 1 < to &&
        ((tokens[v + 1] as Token).pos === "AUX" || (tokens[v + 1] as Token).pos === "VERB")
      )
        v++;
    }
    return null;
  }

  /**
   * The subject of a participle or infinitive cue, which hangs from the clause before it: "…, saying",
   * "released a statement saying", "was quoted as saying", "vowing to “fight”". Null when the cue is
   * not one.
   */
  private hangingSubject(
    tokens: readonly Token[],
    c: Cue,
    floor: number,
    cue: Span,
  ): Speaker | null | undefined {
    const verb = tokens[c.from] as Token;
    const prevAt = c.from - 1;
    const prev = tokens[prevAt];
    if (prev === undefined || prevAt < floor) return undefined;
    const w = lower(prev);
    if (w === "to" || w === "as") return this.clauseSubject(tokens, prevAt, floor, cue);
    if (!/ing$/i.test(verb.text)) return undefined;
    // "continued by saying", "erred in saying", "after saying": the participle is a preposition's object.
    if ((prev.pos === "ADP" || prev.pos === "SCONJ") && w !== "like")
      return this.clauseSubject(tokens, prevAt, floor, cue);
    if (prev.text === ",") {
      // "…, Nefzi said, adding, “…”": a participle after a reporting clause shares its subject.
      const reporting = this.cueBefore(tokens, Math.max(floor, prevAt - MAX_CUE_REACH), prevAt);
      if (reporting && reporting.to >= prevAt - MAX_CUE_REACH) {
        const s = this.fromCue(tokens, reporting, floor, prevAt);
        if (s) return s;
      }
      // "Trump went after Bush, calling him …"; "Trump, speaking at a rally, …" has no verb before.
      return (
        this.clauseSubject(tokens, prevAt, floor, cue) ??
        this.throughAppositives(tokens, prevAt, floor, cue)?.speaker
      );
    }
    // "footage of Hillary Clinton asking, …", "with Sen. John McCain calling it …": a person named
    // right before the participle is doing the saying.
    if (prev.pos === "PROPN" || prev.pos === "PRON") {
      const s = this.npStart(tokens, prevAt, floor);
      const governed =
        s > 0 && PURE_PREPOSITIONS.has(lower(tokens[s - 1])) && !/^with(?:out)?$/.test(lower(tokens[s - 1]));
      if (s >= 0 && !governed) {
        const who = this.resolve(tokens, s, prevAt + 1, cue);
        const person =
          who?.entity?.type === "person" ||
          PERSON_PRONOUNS.has(lower(prev)) ||
          /^(?:him|them)$/i.test(prev.text);
        if (who && person && !/^(?:him|them|her)$/i.test(prev.text)) return who;
      }
    }
    // "The town released a statement Wednesday saying", "emailed supporters saying".
    if (prev.pos === "NOUN" || prev.pos === "PROPN" || prev.pos === "PRON" || prev.pos === "NUM")
      return this.clauseSubject(tokens, c.from, floor, cue) ?? undefined;
    return undefined;
  }

  /** Attribution from a cue: its subject before, or after when inverted or "according to". */
  fromCue(tokens: readonly Token[], c: Cue, floor: number, limit: number): Speaker | null {
    const cue = span(tokens, c.from, c.to);
    if (c.kind === "according") return this.subjectAfter(tokens, c.to, limit, cue);
    const hanging = this.hangingSubject(tokens, c, floor, cue);
    if (hanging !== undefined) return hanging;
    const before = this.subjectBefore(tokens, c.from, floor, cue);
    if (before) return before;
    const coordinated = this.coordinatedSubject(tokens, c, floor, cue);
    if (coordinated) return coordinated;
    const fronted = this.frontedSubject(tokens, c, limit, cue);
    if (fronted !== undefined) return fronted;
    // Inversion only before a name or a described speaker: "said Mr. Kerry", "said the official".
    const next = tokens[c.to];
    // "Cruz said Tuesday that …" is no inversion: a day is when, not who.
    const inverted =
      next !== undefined &&
      !TIME_WORDS.test(next.text) &&
      (isCapitalised(next) || /^(?:the|a|an|one|another|his|her|their|its)$/i.test(next.text));
    return inverted ? this.subjectAfter(tokens, c.to, limit, cue) : null;
  }

  /**
   * A second verb sharing the subject of the first: "The League denounced the rhetoric and said it
   * would “redirect” the money", "Trump paused, then added".
   */
  private coordinatedSubject(tokens: readonly Token[], c: Cue, floor: number, cue: Span): Speaker | null {
    const at = this.beforeSkips(tokens, c.from, floor);
    const t = tokens[at];
    if (t === undefined || !/^(?:and|but|or|then)$/i.test(t.text)) return null;
    return this.clauseSubject(tokens, at, floor, cue);
  }

  /**
   * A participle opening the sentence hangs from the main clause after it: "Asked about the
   * polls, Clinton said …", "Citing “obligations,” the spokeswoman told …". The subject is the noun
   * phrase after the participial phrase's comma, when a verb follows it; undefined when the cue is
   * not such a participle.
   */
  private frontedSubject(
    tokens: readonly Token[],
    c: Cue,
    limit: number,
    cue: Span,
  ): Speaker | null | undefined {
    const verb = tokens[c.from] as Token;
    if (!/(?:ing|ed)$/i.test(verb.text)) return undefined;
    for (let k = c.from - 1; k >= 0; k--) if (isWord(tokens[k] as Token)) return undefined;
    for (let k = c.to; k < limit && k - c.to < MAX_CLAUSE_TOKENS; k++) {
      const t = tokens[k] as Token;
      if (t.text !== "," || this.isQuoted(t)) continue;
      const e = this.npEnd(tokens, k + 1, limit);
      if (e === k + 1) return null;
      let v = e;
      while (v < limit && skippable(tokens[v] as Token)) v++;
      const next = tokens[v];
      if (next === undefined || (next.pos !== "VERB" && next.pos !== "AUX")) return null;
      return this.resolve(tokens, k + 1, e, cue);
    }
    return null;
  }

  /**
   * Does a new clause start in [from, end)? ", and the League said …", "; …", "— which he added …",
   * or "and" + a subject + a verb ("a woman asked for a photo and Clinton said, “…”").
   */
  private clauseBreakBetween(tokens: readonly Token[], from: number, end: number): boolean {
    for (let k = from; k < end - 1; k++) {
      const t = tokens[k] as Token;
      if (this.isQuoted(t)) continue;
      if (t.text === ";" || t.text === "—" || t.text === "–") return true;
      // ", which he declared “a total disaster”": a relative clause with its own reporting verb;
      // "said … that he hoped for turnout, which “will help …”" is still what was said.
      if (t.text === "," && /^(?:which|who)$/.test(lower(tokens[k + 1])))
        if (this.cueBefore(tokens, k + 2, end)) return true;
      const w = t.lower;
      if (!/^(?:and|but|or|yet|while)$/.test(w)) continue;
      // "says he wishes …, but that he and his team “did everything”": a second complement.
      if (lower(tokens[k + 1]) === "that") continue;
      if (lower(tokens[k - 1]) === ",") return true;
      // "David and Charles Koch wanted": names joined by "and" are one subject.
      if (isCapitalised(tokens[k - 1] as Token) && isCapitalised(tokens[k + 1] ?? t)) continue;
      const e = this.npEnd(tokens, k + 1, end);
      if (e === k + 1) continue;
      let v = e;
      while (v < end && skippable(tokens[v] as Token)) v++;
      if (v < end && finiteVerb(tokens, v)) return true;
    }
    return false;
  }

  /**
   * Can this cue's content hold a later quotation? Verbs of saying can; verbs of attitude or
   * intention only with a clause after them ("believes that …", "wants to …"), not with a noun
   * object ("Cleveland sought the convention in the hopes of shedding what Gilbert called “…”").
   */
  private takesClause(tokens: readonly Token[], c: Cue): boolean {
    const lemma = reportingLemma((tokens[c.from] as Token).text);
    if (lemma === null || !isAttitudeLemma(lemma)) return true;
    return /^(?:that|to|,|:)$/.test(lower(tokens[c.to]));
  }

  /** Is the cue inside a clause that closes before `end` (a fronted "When …," or a ", who …," aside)? */
  private closedBefore(tokens: readonly Token[], c: Cue, found: Speaker, end: number): boolean {
    let comma = -1;
    for (let k = c.to; k < end; k++) {
      if ((tokens[k] as Token).text === "," && !this.isQuoted(tokens[k])) {
        comma = k;
        break;
      }
    }
    if (this.clauseBreakBetween(tokens, c.to, end)) return true;
    if (comma < 0) return false;
    // A relative clause: "Pence, who called their son …, said".
    const m = found.mention;
    if (m && /^(?:who|which)$/i.test(this.f.body.slice(m.start, m.end))) return true;
    // A fronted subordinate clause: "When Trump used the words, …, he was echoing Ryan".
    for (let k = c.from - 1; k >= 0; k--) {
      const t = tokens[k] as Token;
      if (this.isQuoted(t)) continue;
      if (t.text === "," || t.text === ";") return false;
      if (CLOSING_SUBORDINATORS.has(t.lower)) return true;
    }
    return false;
  }

  /**
   * The attribution governing text that starts at token `end`. PolNeAR marks the outermost
   * attribution ("Rep. Israel said Clinton called on members to be “closely coordinated”" is Israel's),
   * so of the cues before the text that have a source, the first in the sentence wins, unless it
   * sits in a clause that closes before the text. A cue without a source ("beyond saying that …")
   * defers to the clause it hangs from.
   */
  governing(tokens: readonly Token[], end: number): Speaker | null {
    return this.governingPair(tokens, end).outer;
  }

  /**
   * The outermost attribution governing text that starts at `end` (as `governing`), and the
   * innermost: the nearest cue with a source, whose subject uttered the quoted words ("It said one
   * woman, Marcell Shehwaro, asked “how many Syrians”": outer "It", inner Marcell Shehwaro).
   */
  governingPair(tokens: readonly Token[], end: number): { outer: Speaker | null; inner: Speaker | null } {
    const found: { c: Cue; s: Speaker }[] = [];
    let limit = end;
    for (let tries = 0; tries < MAX_GOVERNING_CUES; tries++) {
      const c = this.cueBefore(tokens, 0, end, limit);
      if (!c) break;
      const s = this.inFrontedPhrase(tokens, c, end) ? null : this.fromCue(tokens, c, 0, end);
      if (s) found.push({ c, s });
      limit = c.from;
    }
    if (found.length === 0) {
      const noun = this.nounCue(tokens, end);
      return { outer: noun, inner: noun };
    }
    const inner = (found[0] as { c: Cue; s: Speaker }).s;
    for (let n = found.length - 1; n > 0; n--) {
      const x = found[n] as { c: Cue; s: Speaker };
      if (!this.takesClause(tokens, x.c)) continue;
      if (!this.closedBefore(tokens, x.c, x.s, end)) return { outer: x.s, inner };
    }
    return { outer: inner, inner };
  }

  /**
   * Is the cue inside a prepositional phrase opening the sentence and closed by a comma before
   * `end`? "In a Facebook message posted Friday, Cruz said …", "In a statement announcing the pick,
   * the union called …", "With leaders worried about turnout, Obama is …": the phrase says where or
   * when, and its verb attributes nothing.
   */
  private inFrontedPhrase(tokens: readonly Token[], c: Cue, end: number): boolean {
    let first = 0;
    while (first < c.from && !isWord(tokens[first] as Token)) first++;
    if (first >= c.from || !PURE_PREPOSITIONS.has(lower(tokens[first]))) return false;
    const comma = (k: number) => /^[,;:]$/.test((tokens[k] as Token).text) && !this.isQuoted(tokens[k]);
    for (let k = first; k < c.from; k++) if (comma(k)) return false;
    for (let k = c.to; k < end; k++) if (comma(k)) return (tokens[k] as Token).text === ",";
    return false;
  }

  /**
   * A noun of expression with its owner: "Trump’s claim that “…”", "his words: “…”", "a statement
   * from the campaign: “…”", "The town released a statement saying" is a verb cue and is found there.
   */
  nounCue(tokens: readonly Token[], end: number): Speaker | null {
    for (let i = end - 1; i >= 0 && end - i <= MAX_TRAILING_TOKENS; i--) {
      const t = tokens[i] as Token;
      if (this.isQuoted(t)) continue;
      if (!isExpressionNoun(t.text) || (t.pos !== "NOUN" && t.pos !== "")) continue;
      const cue = { start: t.start, end: t.end };
      // Owner before: "Trump’s claim", "his latest remarks", "the senator’s words".
      let j = i - 1;
      while (j >= 0 && (tokens[j] as Token).pos === "ADJ") j--;
      const owner = tokens[j];
      if (owner && POSSESSIVE_PRONOUNS.has(lower(owner))) {
        const mention = { start: owner.start, end: owner.end };
        const pronounLike = lower(owner) === "his" ? "he" : lower(owner) === "her" ? "she" : "they";
        const r = this.pronoun({ ...owner, text: pronounLike, lower: pronounLike }, cue);
        return r ? { ...r, mention } : { speaker: null, entity: null, mention, cue };
      }
      if (owner && /^[’']s?$/.test(owner.text) && j - 1 >= 0) {
        const s = this.npStart(tokens, j - 1, 0);
        if (s >= 0) return this.resolve(tokens, s, j, cue);
      }
      // Owner after: "a statement from the campaign", "remarks by the president".
      const by = lower(tokens[i + 1]);
      if ((by === "from" || by === "by" || by === "of") && i + 2 < end) {
        const s = this.subjectAfter(tokens, i + 2, end, cue);
        if (s?.mention) return s;
      }
    }
    return null;
  }

  /**
   * Attribution right after a quotation: `,” Kerry said`, `,” said Mr. Kerry`, `,” he continued to
   * say, “`, `,” John Kerry told the members`, `,” Jeff Weaver, Sanders' campaign manager, said`,
   * `,” according to the Post`. The subject must start right after the quotation.
   */
  trailing(tokens: readonly Token[], from: number, limit: number, parenthetical = false): Speaker | null {
    let k = from;
    let dashed = false;
    while (k < limit && /^[,—–―-]$/.test((tokens[k] as Token).text)) {
      if ((tokens[k] as Token).text !== ",") dashed = true;
      k++;
    }
    if (dashed) {
      const signed = this.signature(tokens, k, limit);
      if (signed) return signed;
    }
    // "…,” as Cruz said on the radio: the "as" of an attribution aside.
    if (lower(tokens[k]) === "as" && k + 1 < limit) k++;
    const stop = Math.min(limit, k + MAX_TRAILING_TOKENS);
    let depth = 0;
    for (let i = k; i < stop; i++) {
      const t = tokens[i] as Token;
      // "…,” Warren, who has not endorsed a candidate, told reporters": a relative clause set off
      // by commas describes the subject; its verb ("endorsed") reports nothing of the quotation.
      const aside = i > k && depth === 0 ? this.relativeAsideEnd(tokens, i, limit) : -1;
      if (aside > 0) {
        i = aside;
        continue;
      }
      if (t.text === "(") depth++;
      else if (t.text === ")") depth = Math.max(0, depth - 1);
      // "Rep. Gwen Moore (D-Wis.) said", "McConnell, R-Ky., said": the full stop of an
      // abbreviation inside a parenthesis or before a comma ends nothing.
      const abbreviation = t.text === "." && /^[,)]$/.test(tokens[i + 1]?.text ?? "");
      if (this.isQuoted(t) || (/^[.;:!?]$/.test(t.text) && depth === 0 && !abbreviation)) break;
      const c = cueAt(tokens, i) ?? wentOnCue(tokens, i) ?? (i > k ? mistaggedCueAt(tokens, i, true) : null);
      if (!c) {
        if (!isWord(t) && !/^(?:[’']s?|-|,|\(|\))$/.test(t.text) && depth === 0 && !abbreviation) break;
        if (RELATIVE_PRONOUNS.has(lower(t)) && i === k) break;
        continue;
      }
      const cue = span(tokens, c.from, c.to);
      if (c.kind === "according") return i === k ? this.subjectAfter(tokens, c.to, limit, cue) : null;
      if (i === k) {
        // "…,” said Mr. Kerry" — a participle there ("…,” noting that …") hangs from the sentence.
        if (/ing$/i.test(t.text)) return null;
        const after = this.subjectAfter(tokens, c.to, limit, cue);
        return after &&
          (!parenthetical || !this.hasComplement(tokens, this.npEnd(tokens, c.to, limit), limit))
          ? after
          : null;
      }
      const found = this.trailingSubject(tokens, c, k, cue);
      if (!found) return null;
      if (parenthetical && this.hasComplement(tokens, c.to, limit)) return null;
      return this.accordingAfter(tokens, c.to, limit) ?? found;
    }
    return null;
  }

  /**
   * "…,” Welch said, according to Vermont Edition.": the outlet relaying the attribution is the
   * outermost source.
   */
  private accordingAfter(tokens: readonly Token[], from: number, limit: number): Speaker | null {
    for (let k = from; k < limit - 2 && k - from < MAX_ACCORDING_REACH; k++) {
      const t = tokens[k] as Token;
      if (this.isQuoted(t) || /^[.;:!?“"]$/.test(t.text)) return null;
      if (t.text !== "," || lower(tokens[k + 1]) !== "according" || lower(tokens[k + 2]) !== "to") continue;
      const cue = span(tokens, k + 1, k + 3);
      return this.subjectAfter(tokens, k + 3, limit, cue);
    }
    return null;
  }

  /**
   * The subject of a trailing reporting verb, which must start right after the quotation (at `k`):
   * "…,” Kerry said", "…,” another friend, Mariam Emara told CNN", "…,” Braynard is quoted as
   * saying", or a name then a long aside before the verb ("…,” Nate Silver, the polling guru who
   * founded fivethirtyeight.com, tweeted").
   */
  private trailingSubject(tokens: readonly Token[], c: Cue, k: number, cue: Span): Speaker | null {
    const before = lower(tokens[c.from - 1]);
    if ((before === "as" || before === "to") && /ing$/i.test((tokens[c.from] as Token).text)) {
      const s = this.clauseSubject(tokens, c.from - 1, k, cue);
      return s?.mention && s.mention.start === (tokens[k] as Token).start ? s : null;
    }
    const found = this.subjectWithStart(tokens, c.from, k, cue);
    if (found && (found.start === k || this.appositiveRun(tokens, k, found.start))) return found.speaker;
    // A name right after the quotation and a comma opening an aside; any noun phrase when the aside
    // is a relative clause ("…,” an intelligence source, who was not authorized to speak, told").
    const e = this.npEnd(tokens, k, c.from);
    if (
      e > k &&
      lower(tokens[e]) === "," &&
      ((isCapitalised(tokens[k] as Token) && isCapitalised(tokens[e - 1] as Token)) ||
        this.relativeAsideEnd(tokens, e, c.from) === c.from - 1)
    )
      return this.resolve(tokens, k, e, cue);
    return null;
  }

  /**
   * The closing comma of a relative clause that a comma at `comma` opens (", who has not endorsed
   * a candidate,"), or -1: none, or the clause runs on past `limit`, the end of the sentence or a
   * quotation, when it is no aside but where the sentence goes on.
   */
  private relativeAsideEnd(tokens: readonly Token[], comma: number, limit: number): number {
    if ((tokens[comma] as Token).text !== ",") return -1;
    const w = lower(tokens[comma + 1]);
    if (w !== "who" && w !== "which" && w !== "whose") return -1;
    for (let j = comma + 2; j < limit && j - comma <= MAX_RELATIVE_ASIDE_TOKENS; j++) {
      const t = tokens[j] as Token;
      if (this.isQuoted(t) || /^[.;:!?“"”]$/.test(t.text)) return -1;
      if (t.text === ",") return j;
    }
    return -1;
  }

  /**
   * Are the tokens [from, to) noun phrases each closed by a comma, so that the subject at `to` is
   * their appositive? "…,” another friend, Mariam Emara told CNN", "the bespectacled, 71-year-old
   * diplomat said".
   */
  private appositiveRun(tokens: readonly Token[], from: number, to: number): boolean {
    if (to <= from || (tokens[to - 1] as Token).text !== ",") return false;
    let end = to - 1;
    while (end > from) {
      let start = end - 1;
      while (start > from && (tokens[start - 1] as Token).text !== ",") start--;
      const s = this.npStart(tokens, end - 1, start);
      if (s !== start) return false;
      if (start === from) return true;
      end = start - 1;
    }
    return false;
  }

  /**
   * A quotation signed with a dash, as in collected reader quotes and epigraphs: “…” ― Sonya
   * Herridge; “…” —Albert Einstein. The name runs from `k` to the end of the sentence or the next
   * quotation, with an optional appositive ("― Jorge Falcon, 34, of Phoenix").
   */
  private signature(tokens: readonly Token[], k: number, limit: number): Speaker | null {
    const dash = tokens[k - 1] as Token;
    const e = this.npEnd(tokens, k, limit);
    if (e === k || !isCapitalised(tokens[k] as Token)) return null;
    const next = tokens[e];
    if (next !== undefined && !/^[.,;“"‘'«]$/.test(next.text) && !this.isQuoted(next)) return null;
    return this.resolve(tokens, k, e, { start: dash.start, end: dash.end });
  }

  /**
   * Does the reporting verb ending before `from` take a clause of its own ("he claimed they had
   * never met")? Then it is a new attribution, not a parenthetical "…,” the Times reported."
   */
  private hasComplement(tokens: readonly Token[], from: number, limit: number): boolean {
    for (let k = from; k < limit && k - from < MAX_COMPLEMENT_SCAN; k++) {
      const t = tokens[k] as Token;
      const w = t.lower;
      if (this.isQuoted(t) || /^[.,;:!?—–“”"-]$/.test(t.text)) return false;
      // "said the man who built his career on …": a relative clause describes the speaker.
      if (
        CLOSING_SUBORDINATORS.has(w) ||
        RELATIVE_PRONOUNS.has(w) ||
        w === "whose" ||
        w === "as" ||
        w === "according"
      )
        return false;
      if (w === "that" && t.pos !== "DET") return true;
      if (finiteVerb(tokens, k) && !/(?:ed|en)$/i.test(w)) return true;
    }
    return false;
  }

  /** A sentence that is only an attribution ("he said." / "said Kerry."). */
  bareAttribution(tokens: readonly Token[]): Speaker | null {
    const words = tokens.filter(isWord);
    if (words.length === 0 || words.length > MAX_BARE_ATTRIBUTION_WORDS) return null;
    if (tokens.some((t) => this.f.quoted.has(t.start))) return null;
    // "The U.S. knew their presence was illegal." has a clause of its own: not a bare attribution.
    return this.trailing(tokens, 0, tokens.length, true);
  }

  /**
   * A transcript turn's speaker label at token `from`: "WALLACE: Let’s start …", "Chris Matthews:
   * Seriously …", "Rep. Trey Gowdy (R-S.C.): …", "Q: …". Capitalised words (or one all-capitals
   * name) and a colon, not an editorial label ("Update:", "Editor’s note:"). Quoted text may hold
   * it (a transcript quoted whole), so the quoted mask is not consulted.
   */
  turnLabel(tokens: readonly Token[], from: number): Speaker | null {
    let i = from;
    while (i < tokens.length && /^[“"‘'«]$/.test((tokens[i] as Token).text)) i++;
    let j = i;
    let depth = 0;
    while (j < tokens.length && j - i < MAX_LABEL_TOKENS) {
      const t = tokens[j] as Token;
      if (t.text === "(") depth++;
      else if (t.text === ")") depth--;
      else if (t.text === ":" && depth === 0) break;
      else if (
        depth === 0 &&
        !isCapitalised(t) &&
        !/^[.’'-]$/.test(t.text) &&
        !/^(?:of|de|van|von|al|bin)$/.test(t.text)
      )
        return null;
      j++;
    }
    const colon = tokens[j];
    if (j === i || colon?.text !== ":" || depth !== 0) return null;
    if (EDITORIAL_LABELS.has(lower(tokens[i]))) return null;
    // A label is followed by a space ("Trump:You base …" is a tweet's text, not a turn).
    const next = tokens[j + 1];
    if (next === undefined || next.start === colon.end) return null;
    const cue = { start: colon.start, end: colon.end };
    const s = this.resolve(tokens, i, j, cue);
    if (!s?.mention) return null;
    // A speaker: a transcript's capitals (WALLACE, Q), a known person or organisation, or a title.
    const shouted = tokens.slice(i, j).every((t) => !/\p{Ll}/u.test(t.text));
    const known = s.entity !== null && s.entity.type !== "place";
    const titled = PERSON_TITLES.has(normTitle((tokens[i] as Token).text));
    return shouted || known || titled ? s : null;
  }

  /**
   * A speaker label before a colon: "Clinton: “…”", "Rep. Trey Gowdy (R-S.C.): “…”", "From the
   * report: “…”", "Here’s Clinton in December 1992: “…”", "WALLACE: …" in a transcript. The label is
   * the noun phrase right before the colon, or the subject of the clause the colon ends.
   */
  label(tokens: readonly Token[], colon: number): Speaker | null {
    if ((tokens[colon] as Token | undefined)?.text !== ":" || colon === 0) return null;
    const cue = { start: (tokens[colon] as Token).start, end: (tokens[colon] as Token).end };
    // "RED STATES LEAN RED - Jeffrey M. Jones: “…”": a dash sets a name off from a heading.
    let floor = colon - 1;
    while (floor > 0 && !/^[-—–]$/.test((tokens[floor - 1] as Token).text)) floor--;
    const named = tokens.slice(floor, colon).every((t) => isCapitalised(t) || t.text === ".");
    if (floor === colon || !named) floor = 0;
    const clause = this.clauseSubject(tokens, colon, floor, cue);
    if (clause) return clause;
    const s = this.npStart(tokens, colon - 1, floor);
    if (s < 0) return null;
    // "Here’s Clinton in December 1992:" — the name before the time phrase.
    let e = colon;
    for (let k = s; k < colon; k++) {
      if (lower(tokens[k]) === "in" && k > s) {
        e = k;
        break;
      }
    }
    let from = s;
    if (/^(?:from|here)$/i.test((tokens[from] as Token).text)) from++;
    return from < e ? this.resolve(tokens, from, e, cue) : null;
  }
}

/**
 * "six in 10", "nine out of 10": with `prep` the "in" or "of" after a number and before another,
 * the index of the first number, or -1.
 */
/** Words that round the number after them ("about 6 in 10", "nearly half"). */
const APPROXIMATORS: ReadonlySet<string> = new Set(
  "about around nearly almost roughly approximately just only over under some".split(" "),
);

/** A plural common noun ("officials", "experts"), which "that" cannot determine. */
function pluralNoun(t: Token): boolean {
  return t.pos === "NOUN" && /[^s]s$/i.test(t.text);
}

/** Nouns for words someone wrote or spoke, which speak for their author ("his statement said"). */
const AUTHORED_NOUNS: ReadonlySet<string> = new Set(
  "statement statements remarks comments response reply letter email message post tweet tweets speech answer memo testimony announcement".split(
    " ",
  ),
);

/** Nouns of the medium words came in ("in a statement", "in his op-ed"). */
const MEDIUM_NOUNS: ReadonlySet<string> = new Set(
  "statement interview speech post letter tweet op-ed column email memo appearance call".split(" "),
);

/** Words of a medium adjunct ("in a lengthy Facebook post"). */
const MAX_MEDIUM_TOKENS = 5;

function ratioStart(tokens: readonly Token[], prep: number, floor: number): number {
  const w = lower(tokens[prep]);
  if ((w !== "in" && w !== "of") || tokens[prep + 1]?.pos !== "NUM") return -1;
  const out = w === "of" && lower(tokens[prep - 1]) === "out" ? prep - 1 : prep;
  const first = out - 1;
  return first >= floor && tokens[first]?.pos === "NUM" ? first : -1;
}

/** Words that may stand before a quantifier subject and belong to it ("Not everyone", "No one", "almost all"). */
const QUANTIFIER_LEADS: ReadonlySet<string> = new Set(["not", "no", "almost", "nearly", "virtually"]);

/**
 * Start of a quantifier subject at `i` ("most", "everyone", "another") when it opens its clause
 * (after punctuation, a conjunction or a subordinator, with "not" or "almost" before it kept), or -1.
 */
function quantifierStart(tokens: readonly Token[], i: number, floor: number): number {
  // "most recently", "most notably": a degree adverb before another adverb.
  if ((tokens[i] as Token).pos === "ADV" && ["ADV", "ADJ"].includes(tokens[i + 1]?.pos ?? "")) return -1;
  let s = i;
  if (s - 1 >= floor && QUANTIFIER_LEADS.has(lower(tokens[s - 1]))) s--;
  const p = tokens[s - 1];
  // "Farmers and others": after a noun, "and" joins a quantifier tagged as a noun to it in one
  // phrase ("…, and both have shown" keeps its determiner tag and opens a clause).
  const joined =
    p?.pos === "CCONJ" &&
    (tokens[i] as Token).pos === "NOUN" &&
    s - 2 >= floor &&
    nounLike(tokens[s - 2] as Token);
  const opens =
    p === undefined ||
    s === floor ||
    (["PUNCT", "CCONJ", "SCONJ"].includes(p.pos) && !joined) ||
    SUBORDINATORS.has(lower(p));
  return opens ? s : -1;
}

/** Longest phrase between an auxiliary and its verb ("have in the past said"). */
const MAX_INSERT_TOKENS = 3;

/** Heads of a phrase of time or manner between an auxiliary and its verb ("in fact", "in recent weeks"). */
const INSERT_HEADS: ReadonlySet<string> = new Set(
  "fact past turn effect general particular public private time times day days week weeks month months year years".split(
    " ",
  ),
);

/**
 * Start of what stands between an auxiliary and its verb and ends at `end`: one of
 * AUXILIARY_INSERTS or a short phrase of time or manner ("in fact", "in recent weeks"), or -1.
 */
function auxiliaryInsertStart(tokens: readonly Token[], end: number, floor: number): number {
  if (AUXILIARY_INSERTS.has(lower(tokens[end])) && tokens[end - 1]?.pos === "AUX" && end - 1 >= floor)
    return end;
  if (!INSERT_HEADS.has(lower(tokens[end]))) return -1;
  for (let k = end - 1; k > floor && end - k < MAX_INSERT_TOKENS; k--) {
    const t = tokens[k] as Token;
    if (t.pos === "ADP") return k < end && tokens[k - 1]?.pos === "AUX" ? k : -1;
    if (!["DET", "ADJ", "NOUN", "NUM"].includes(t.pos)) return -1;
  }
  return -1;
}
