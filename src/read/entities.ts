import type { Article, Entity, EntityType, Mention, Sentence } from "../model/index.js";
import {
  type Candidate,
  isAcronym,
  lowerVocabulary,
  normKey,
  sentenceCandidates,
} from "./entities/candidates.js";
import { ORG_CUES } from "./entities/lexicon.js";
import { sentenceTokens } from "./nlp.js";

/**
 * People, organisations and places, with the variants of one name merged: "US Secretary of State
 * John Kerry", "Mr. Kerry", "Kerry’s" and "Kerry" become one entity named "John Kerry".
 */

interface Group {
  words: string[];
  mentions: Mention[];
  roles: string[];
  votes: { type: EntityType; strong: boolean }[];
  /** Every mention opened a sentence (so its capital proves nothing). */
  onlyInitial: boolean;
  /** The fullest written form so far ("Bashar Al-Assad"). */
  text: string;
}

/** "Al-Assad" and "Assad" are one surname: Arabic article prefixes are often dropped. */
function surnameKey(word: string): string {
  return word
    .replace(/\./g, "")
    .toLowerCase()
    .replace(/^(?:al|el|ad|as|ar|an)[-‐‑]/, "");
}

function initials(words: readonly string[]): string {
  return words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("")
    .toLowerCase();
}

function dropArticle(words: readonly string[]): string[] {
  return words[0]?.toLowerCase() === "the" ? words.slice(1) : [...words];
}

function typeOf(g: Group): EntityType {
  const strong = g.votes.filter((v) => v.strong);
  const pool = strong.length > 0 ? strong : g.votes;
  const count: Record<EntityType, number> = { person: 0, organization: 0, place: 0 };
  for (const v of pool) count[v.type]++;
  // Ties go to person: an unmarked capitalised name in news copy is most often a person.
  if (count.person >= count.organization && count.person >= count.place) return "person";
  return count.organization >= count.place ? "organization" : "place";
}

class Merger {
  readonly groups: Group[] = [];
  private readonly byKey = new Map<string, Group>();

  constructor(private readonly body: string) {}

  add(g: Group | undefined, c: Candidate): void {
    const group = g ?? this.create(c);
    group.mentions.push({ start: c.start, end: c.end, text: this.body.slice(c.start, c.end) });
    group.votes.push({ type: c.type, strong: c.strong });
    group.onlyInitial &&= c.initial;
    if (c.role && !group.roles.includes(c.role)) group.roles.push(c.role);
    if (c.words.length > group.words.length) {
      group.words = [...c.words];
      group.text = c.text;
    }
    this.byKey.set(normKey(dropArticle(c.words)), group);
  }

  private create(c: Candidate): Group {
    const g: Group = {
      words: [...c.words],
      text: c.text,
      mentions: [],
      roles: [],
      votes: [],
      onlyInitial: true,
    };
    this.groups.push(g);
    return g;
  }

  byName(words: readonly string[]): Group | undefined {
    return this.byKey.get(normKey(dropArticle(words)));
  }

  /** A full name with the same first and last word ("John F. Kerry" = "John Kerry"). */
  samePerson(words: readonly string[]): Group | undefined {
    const first = words[0]?.toLowerCase();
    const last = surnameKey(words[words.length - 1] as string);
    return this.groups.find(
      (g) =>
        g.words.length > 1 &&
        g.words[0]?.toLowerCase() === first &&
        surnameKey(g.words[g.words.length - 1] as string) === last &&
        typeOf(g) === "person",
    );
  }

  /** Organisation whose initials are this acronym ("UN" for "United Nations"), or the reverse. */
  acronymMatch(words: readonly string[]): Group | undefined {
    if (words.length === 1 && isAcronym(words[0] as string)) {
      const key = (words[0] as string).replace(/\./g, "").toLowerCase();
      return this.groups.find((g) => g.words.length > 1 && initials(dropArticle(g.words)) === key);
    }
    const init = initials(dropArticle(words));
    if (init.length < 2) return undefined;
    return this.groups.find(
      (g) => g.words.length === 1 && (g.words[0] as string).replace(/\./g, "").toLowerCase() === init,
    );
  }

  /**
   * The full-named person a lone surname refers to: the one mentioned most recently before it,
   * else the first introduced later (a headline may use the surname before the body names him).
   */
  surnameOwner(word: string, at: number): Group | undefined {
    const key = surnameKey(word);
    let best: Group | undefined;
    let bestBefore = -1;
    let bestAfter = Number.POSITIVE_INFINITY;
    for (const g of this.groups) {
      if (g.words.length < 2 || surnameKey(g.words[g.words.length - 1] as string) !== key) continue;
      if (typeOf(g) !== "person") continue;
      let before = -1;
      let after = Number.POSITIVE_INFINITY;
      for (const m of g.mentions) {
        if (m.start < at) before = Math.max(before, m.start);
        else after = Math.min(after, m.start);
      }
      if (before > bestBefore || (bestBefore < 0 && before < 0 && after < bestAfter)) {
        best = g;
        bestBefore = before;
        bestAfter = after;
      }
    }
    return best;
  }

  /** "the Times" after "The New York Times": a lone organisation word that ends a known organisation. */
  orgHeadOwner(word: string): Group | undefined {
    const lower = word.toLowerCase();
    if (!ORG_CUES.has(lower)) return undefined;
    return this.groups.find(
      (g) =>
        g.words.length > 1 &&
        g.words[g.words.length - 1]?.toLowerCase() === lower &&
        typeOf(g) === "organization",
    );
  }
}

/**
 * A lone word seen only at the start of sentences with no firm type ("Several", "Portions"): the
 * capital comes from the sentence, and nothing else says it is a name.
 */
function isSentenceCaseArtifact(g: Group): boolean {
  return g.onlyInitial && g.words.length === 1 && g.votes.every((v) => !v.strong);
}

/** Candidates of the whole article in text order. */
function articleCandidates(article: Article, sentences: readonly Sentence[]): Candidate[] {
  const tokens = sentenceTokens(sentences);
  const ctx = { lowerVocabulary: lowerVocabulary(sentences, tokens) };
  const out: Candidate[] = [];
  for (let s = 0; s < sentences.length; s++) {
    out.push(...sentenceCandidates(tokens[s] ?? [], s, article.body, ctx));
  }
  return out;
}

export function findEntities(article: Article, sentences: readonly Sentence[]): Entity[] {
  const candidates = articleCandidates(article, sentences);
  const merger = new Merger(article.body);
  // Full names first, so a lone "Kerry" in the headline can find "John Kerry" from the body.
  const multi = candidates.filter((c) => c.words.length > 1 || c.type !== "person");
  const single = candidates.filter((c) => c.words.length === 1 && c.type === "person");
  for (const c of multi) {
    const g =
      merger.byName(c.words) ??
      (c.type === "person" ? merger.samePerson(c.words) : merger.acronymMatch(c.words));
    merger.add(g, c);
  }
  for (const c of single) {
    const w = c.words[0] as string;
    merger.add(merger.surnameOwner(w, c.start) ?? merger.byName(c.words) ?? merger.orgHeadOwner(w), c);
  }
  const groups = merger.groups
    .filter((g) => g.mentions.length > 0 && !isSentenceCaseArtifact(g))
    .map((g) => ({ ...g, mentions: [...g.mentions].sort((a, b) => a.start - b.start) }))
    .sort((a, b) => (a.mentions[0] as Mention).start - (b.mentions[0] as Mention).start);
  return groups.map((g, n) => ({
    id: `${article.id}:e${n}`,
    type: typeOf(g),
    name: g.text.replace(/^the\s+/i, ""),
    mentions: g.mentions,
    roles: g.roles,
  }));
}
