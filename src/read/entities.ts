import type { Article, Entity, Mention, Sentence } from "../model/index.js";
import { type Candidate, lowerVocabulary, normKey, sentenceCandidates } from "./entities/candidates.js";
import { findKnownNames } from "./entities/known.js";
import { SURNAME_PARTICLES } from "./entities/lexicon.js";
import { type Group, Merger, typeOf } from "./entities/merge.js";
import { sentenceTokens } from "./nlp.js";

/**
 * People, organisations and places, with the variants of one name merged: "US Secretary of State
 * John Kerry", "Mr. Kerry", "Kerry’s" and "Kerry" become one entity named "John Kerry".
 *
 * Three passes over the sentences' tokens, each linear: candidates from capitalised runs in prose;
 * merging, full names first so a surname can find its owner; then the known-name pass, which finds
 * the established names again in headlines and at doubted sentence starts.
 */

/**
 * A lone word seen only at the start of sentences with no firm type ("Several", "Portions"): the
 * capital comes from the sentence, and nothing else says it is a name.
 */
function isSentenceCaseArtifact(g: Group): boolean {
  return g.onlyInitial && g.words.length === 1 && g.votes.every((v) => !v.strong);
}

/** An all-capitals person name ("HOLT" from a transcript label) is written as a name ("Holt"). */
function displayName(g: Group): string {
  const name = g.text.replace(/^the\s+/i, "");
  if (typeOf(g) !== "person" || !/^[\p{Lu}\s.'’-]+$/u.test(name) || /\./.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])\p{Ll}/gu, (m) => m.toUpperCase());
}

/** Candidates of the whole article in text order, and the article's lower-case vocabulary. */
function articleCandidates(
  article: Article,
  sentences: readonly Sentence[],
): { candidates: Candidate[]; vocabulary: ReadonlySet<string> } {
  const tokens = sentenceTokens(sentences);
  const ctx = { lowerVocabulary: lowerVocabulary(sentences, tokens), dropped: new Set<string>() };
  const out: Candidate[] = [];
  for (let s = 0; s < sentences.length; s++) {
    for (const c of sentenceCandidates(tokens[s] ?? [], s, article.body, ctx)) out.push(c);
  }
  return { candidates: trimDoubtedInitials(out, article.body), vocabulary: ctx.lowerVocabulary };
}

/**
 * A capitalised word opening a quotation proves nothing, and quoted speech often opens with a verb:
 * when the rest of its run is a name the article uses elsewhere and the whole run is not, the word
 * is not part of the name (“Notice Trump sniffing …” is "Trump"). Outside quotations a sentence
 * opening with an unknown first name and a known surname is the common case ("David Axelrod said").
 */
export function trimDoubtedInitials(candidates: readonly Candidate[], body: string): Candidate[] {
  const known = new Set<string>();
  for (const c of candidates) {
    if (c.type === "person" && c.words.length > 1) known.add(normKey(c.words.slice(-1)));
    if (!c.initial) known.add(normKey(c.words));
  }
  return candidates.map((c) => {
    if (!c.quoteInitial || c.titled || c.type !== "person" || c.words.length < 2) return c;
    const rest = c.words.slice(1);
    if (known.has(normKey(c.words)) || !known.has(normKey(rest))) return c;
    const start = body.indexOf(rest[0] as string, c.start + (c.words[0] as string).length);
    if (start < 0 || start >= c.end) return c;
    return { ...c, words: rest, text: body.slice(start, c.end).replace(/\s+/g, " "), start, initial: false };
  });
}

/** The group a full name or a firmly typed name joins, if any. */
function ownerOfName(merger: Merger, c: Candidate): Group | undefined {
  // A gendered surname ("Mrs. Clinton") is resolved by the surname rule, not by the last "Clinton" seen.
  if (c.gender !== null && c.words.length === 1) {
    const owner = merger.surnameOwner(normKey(c.words), c.gender);
    if (owner) return owner;
  }
  const named = merger.byName(c.words);
  if (named) return named;
  if (c.type === "person") {
    const single = c.words.length === 1 ? (c.words[0] as string) : null;
    return (
      merger.samePerson(c.words) ??
      merger.surnameOwner(normKey(c.words), c.gender) ??
      (single ? merger.firstNameOwner(single) : undefined)
    );
  }
  return merger.acronymMatch(c.words) ?? merger.orgSuffixOwner(c.words, c.start);
}

/** The group a lone, weakly typed word joins: a surname, a first name, a short form of an organisation. */
function ownerOfWord(merger: Merger, c: Candidate): Group | undefined {
  const w = c.words[0] as string;
  return (
    merger.surnameOwner(normKey(c.words), c.gender) ??
    (c.type === "person" ? merger.firstNameOwner(w) : undefined) ??
    merger.byName(c.words) ??
    merger.orgSuffixOwner(c.words, c.start) ??
    merger.orgPrefixOwner(w)
  );
}

export function findEntities(article: Article, sentences: readonly Sentence[]): Entity[] {
  const { candidates, vocabulary } = articleCandidates(article, sentences);
  const merger = new Merger(article.body);
  // Full names and firmly typed names first, so a lone "Kerry" in the headline can find "John Kerry" from the body.
  // A surname with its particle ("De Blasio") waits like a lone word for the full name it belongs to.
  const lone = (c: Candidate) =>
    (c.words.length === 1 && !c.strong) ||
    (c.words.length === 2 && SURNAME_PARTICLES.has((c.words[0] as string).toLowerCase()));
  for (const c of candidates) if (!lone(c)) merger.add(ownerOfName(merger, c), c);
  for (const c of candidates) if (lone(c)) merger.add(ownerOfWord(merger, c), c);
  findKnownNames(merger, sentenceTokens(sentences), article.body, vocabulary);
  const groups = merger.groups
    .filter((g) => g.mentions.length > 0 && !isSentenceCaseArtifact(g))
    .map((g) => ({ ...g, mentions: [...g.mentions].sort((a, b) => a.start - b.start) }))
    .sort((a, b) => (a.mentions[0] as Mention).start - (b.mentions[0] as Mention).start);
  return groups.map((g, n) => ({
    id: `${article.id}:e${n}`,
    type: typeOf(g),
    name: displayName(g),
    mentions: g.mentions,
    roles: g.roles,
  }));
}
