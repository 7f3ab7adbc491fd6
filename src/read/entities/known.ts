import type { Mention } from "../../model/index.js";
import type { Token } from "../nlp.js";
import { initialPositions, isHeadline, isLabelLine } from "./candidates.js";
import { normWord, PERSON_TITLES, SURNAME_PARTICLES } from "./lexicon.js";
import { type Group, type Merger, surnameOf, typeOf } from "./merge.js";

/**
 * The known-name pass: once the article's names are established from its prose, they are found
 * again wherever their words stand uncovered: in headlines and title-case lines (skipped by the
 * first pass, whose capitals prove nothing), at sentence starts the first pass had to doubt ("Bill
 * Clinton calls …" when the article writes "bill" in lower case), and as all-capital labels. Only
 * word sequences some entity was already named by are matched, so nothing new is invented.
 */

/** Longest name looked up, in words. */
const MAX_NAME_WORDS = 8;

interface Word {
  norm: string;
  start: number;
  end: number;
  capitalised: boolean;
  initial: boolean;
}

type Kind = "name" | "surname" | "first";

interface Entry {
  seq: string[];
  group: Group;
  kind: Kind;
}

function isCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /^\p{Lu}/u.test(word);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Does the token hold a letter or digit? An ASCII one, nearly always first, is found without the Unicode pattern. */
function hasLetterOrDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
    if (c >= 128) return LETTER_OR_DIGIT.test(text);
  }
  return false;
}

function withoutDots(word: string): string {
  return word.includes(".") ? word.replace(/\./g, "") : word;
}

/** Words of a token stream: tokens glued by hyphens are one word ("Ki-moon"); a possessive is dropped. */
function wordsOf(tokens: readonly Token[]): Word[] {
  const initial = initialPositions(tokens);
  const out: Word[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!hasLetterOrDigit(t.text)) {
      const prev = out[out.length - 1];
      const next = tokens[i + 1];
      // A glued hyphen joins its neighbours into one word.
      if (/^[-‐‑]$/.test(t.text) && prev && prev.end === t.start && next && next.start === t.end) {
        prev.norm += `-${normWord(next.text)}`;
        prev.end = next.end;
        i++;
      }
      continue;
    }
    const capitalised = isCapital(t.text);
    // Only capitalised words and the lower-case words inside names ("de", "of") are ever matched.
    const norm =
      capitalised || SURNAME_PARTICLES.has(t.text) || t.text === "of" ? withoutDots(normWord(t.text)) : "";
    out.push({ norm, start: t.start, end: t.end, capitalised, initial: initial[i] === true });
  }
  return out;
}

function splitWords(text: string): string[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => withoutDots(normWord(w)));
}

function buildIndex(merger: Merger): Map<string, Entry[]> {
  const index = new Map<string, Entry[]>();
  const seen = new Map<Group, Set<string>>();
  const put = (seq: string[], group: Group, kind: Kind) => {
    const head = seq[0];
    if (head === undefined || seq.length > MAX_NAME_WORDS) return;
    const key = seq.join(" ");
    let keys = seen.get(group);
    if (keys === undefined) {
      keys = new Set();
      seen.set(group, keys);
    }
    if (keys.has(key)) return;
    keys.add(key);
    const list = index.get(head);
    if (list === undefined) index.set(head, [{ seq, group, kind }]);
    else list.push({ seq, group, kind });
  };
  const firstNames = new Map<string, Group[]>();
  for (const g of merger.groups) {
    if (g.mentions.length === 0) continue;
    // A name is mentioned again and again in the same spelling; one split per spelling is enough.
    const spellings = new Set<string>();
    for (const m of g.mentions) {
      if (spellings.has(m.text)) continue;
      spellings.add(m.text);
      put(splitWords(m.text), g, "name");
    }
    put(splitWords(g.words.join(" ")), g, "name");
    // "U.N." in a headline for "the United Nations" named in the body.
    const capitals = g.words.filter((w) => /^\p{Lu}/u.test(w));
    if (
      typeOf(g) === "organization" &&
      capitals.length >= 2 &&
      capitals.length === g.words.filter((w) => w !== "of" && w !== "for").length
    )
      put([capitals.map((w) => (w[0] as string).toLowerCase()).join("")], g, "name");
    if (g.words.length > 1 && typeOf(g) === "person") {
      put(surnameOf(g.words).split(" "), g, "surname");
      const first = splitWords(g.words[0] as string)[0] as string;
      firstNames.set(first, [...(firstNames.get(first) ?? []), g]);
    }
  }
  for (const [first, groups] of firstNames)
    if (groups.length === 1) put([first], groups[0] as Group, "first");
  return index;
}

interface Covered {
  start: number;
  end: number;
  mention: Mention;
}

/**
 * Mentions sorted by start, asked about spans in increasing order (sentences and words come in
 * text order): a cursor moves forward only, so the whole pass is linear.
 */
class Coverage {
  private readonly spans: Covered[] = [];
  private cursor = 0;

  constructor(groups: readonly Group[]) {
    for (const group of groups)
      for (const mention of group.mentions)
        this.spans.push({ start: mention.start, end: mention.end, mention });
    this.spans.sort((a, b) => a.start - b.start);
  }

  /** Mentions overlapping [start, end); `start` never decreases between calls of `advance` = true. */
  overlapping(start: number, end: number, advance = true): Covered[] {
    let k = this.cursor;
    while (k < this.spans.length && (this.spans[k] as Covered).end <= start) k++;
    if (advance) this.cursor = k;
    const out: Covered[] = [];
    for (; k < this.spans.length; k++) {
      const s = this.spans[k] as Covered;
      if (s.start >= end) break;
      out.push(s);
    }
    return out;
  }
}

/** Find the established names again in the article's uncovered words. */
export function findKnownNames(
  merger: Merger,
  sentenceTokens: readonly (readonly Token[])[],
  body: string,
  lowerVocabulary: ReadonlySet<string>,
): void {
  const index = buildIndex(merger);
  if (index.size === 0) return;
  const coverage = new Coverage(merger.groups);
  const removed = new Set<Mention>();
  const additions: { group: Group; start: number; end: number; initial: boolean }[] = [];
  for (const tokens of sentenceTokens) {
    const headline = isHeadline(tokens) || isLabelLine(tokens);
    const words = wordsOf(tokens);
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as Word;
      if (!w.capitalised) continue;
      const match = longestMatch(words, i, index);
      if (!match) continue;
      const last = words[i + match.seq.length - 1] as Word;
      const covering = coverage.overlapping(w.start, last.end);
      // Only mentions lying wholly inside the match may be replaced by it ("Clinton" by "Bill Clinton").
      if (covering.some((c) => c.start < w.start || c.end > last.end)) continue;
      if (covering.length > 0 && match.seq.length === 1) continue;
      // Already a mention with exactly this span: nothing to find again.
      if (covering.some((c) => c.start === w.start && c.end === last.end)) {
        i += match.seq.length - 1;
        continue;
      }
      if (!headline) {
        // In prose the first pass has judged every capital: only what it doubted is taken back.
        if (match.seq.length === 1 && w.initial && lowerVocabulary.has(w.norm)) continue;
        const next = words[i + match.seq.length];
        if (
          next?.capitalised &&
          coverage.overlapping(next.start, next.end, false).length === 0 &&
          !next.initial
        )
          continue;
        // Mid-sentence, only a surname that is also a title word was doubted ("called on Dean to apologize").
        if (covering.length === 0 && !w.initial && !(match.kind === "surname" && PERSON_TITLES.has(w.norm)))
          continue;
      }
      const group = resolve(match, merger);
      if (!group) continue;
      for (const c of covering) removed.add(c.mention);
      additions.push({ group, start: w.start, end: last.end, initial: w.initial });
      i += match.seq.length - 1;
    }
  }
  for (const g of merger.groups) {
    if (g.mentions.some((m) => removed.has(m))) g.mentions = g.mentions.filter((m) => !removed.has(m));
  }
  for (const a of additions) {
    merger.add(a.group, {
      start: a.start,
      end: a.end,
      words: [],
      text: body.slice(a.start, a.end),
      type: typeOf(a.group),
      strong: false,
      role: null,
      initial: a.initial,
      kin: false,
    });
  }
}

function longestMatch(words: readonly Word[], i: number, index: Map<string, Entry[]>): Entry | undefined {
  const entries = index.get((words[i] as Word).norm);
  if (!entries) return undefined;
  let best: Entry | undefined;
  for (const e of entries) {
    if (best && e.seq.length <= best.seq.length) continue;
    if (i + e.seq.length > words.length) continue;
    let ok = true;
    for (let k = 0; k < e.seq.length && ok; k++) {
      const w = words[i + k] as Word;
      ok = w.norm === e.seq[k] && (w.capitalised || SURNAME_PARTICLES.has(w.norm) || w.norm === "of");
    }
    if (ok) best = e;
  }
  return best;
}

/** The group a matched sequence names: a shared surname goes by the surname rule, a shared name to the first named. */
function resolve(match: Entry, merger: Merger): Group | undefined {
  if (match.kind === "surname" || match.seq.length === 1) {
    const owner = merger.surnameOwner(match.seq.join(" "));
    if (owner) return owner;
  }
  return match.group;
}
