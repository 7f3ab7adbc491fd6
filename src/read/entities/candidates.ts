import type { EntityType, Sentence } from "../../model/index.js";
import type { Token } from "../nlp.js";
import {
  CALENDAR_WORDS,
  COUNTRIES,
  NAME_CONNECTORS,
  NEVER_NAMES,
  normTitle,
  ORG_CUES,
  PERSON_TITLES,
  PLACE_ACRONYMS,
  PLACE_PREPOSITIONS,
  ROLE_NOUNS,
} from "./lexicon.js";

/**
 * One capitalised name found in a sentence, with the title words before it removed. Strength says
 * how sure the type is: "strong" (a title, an organisation word, a country, an acronym) or "weak"
 * (guessed from shape alone), so merging can let firm evidence win.
 */
export interface Candidate {
  /** Name words, titles and possessive removed ("John", "Kerry"). */
  words: string[];
  /** The name as written, spacing normalised ("Bashar Al-Assad"). */
  text: string;
  /** Span of the name words in the body. */
  start: number;
  end: number;
  /** Span of the whole run including titles ("US Secretary of State John Kerry"). */
  runStart: number;
  type: EntityType;
  strong: boolean;
  role: string | null;
  sentence: number;
  /** The name opens its sentence, where every word is capitalised anyway. */
  initial: boolean;
}

/** Parts of speech that are never part of a name, whatever the capitalisation. */
const NON_NAME_POS = new Set([
  "DET",
  "PRON",
  "ADP",
  "CCONJ",
  "SCONJ",
  "AUX",
  "PART",
  "NUM",
  "PUNCT",
  "SYM",
  "INTJ",
]);

/** Single words that are organisations on their own ("Congress said", "the Pentagon"). */
const STANDALONE_ORGS = new Set([
  "congress",
  "senate",
  "parliament",
  "pentagon",
  "kremlin",
  "cabinet",
  "nato",
]);

/** Acronyms longer than this are shouted words ("LEGITIMATE"), not organisation names. */
const MAX_ACRONYM_LETTERS = 6;

/** Words this long are content words, capitalised in a headline and mostly lower case in prose. */
const TITLE_CASE_WORD_LENGTH = 4;
/** A line whose long words are this share or less lower case is a headline or title-case line. */
const TITLE_CASE_LOWER_SHARE = 0.1;
/** Lines with fewer long words than this are too short to judge their casing. */
const TITLE_CASE_MIN_WORDS = 3;

/** Words before a name scanned for a role ("State Department spokesman"). */
const MAX_ROLE_WORDS = 5;

/** Name runs longer than this are a run-on of capitals (a list, a slogan), not one name. */
const MAX_RUN_TOKENS = 8;

export function isAcronym(word: string): boolean {
  const letters = word.replace(/\./g, "");
  if (letters.length < 2 || letters.length > MAX_ACRONYM_LETTERS) return false;
  return /^(?:\p{Lu}\.){2,}$/u.test(word) || /^\p{Lu}{2,}s?$/u.test(word);
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) && /\p{L}/u.test(word);
}

function isPossessive(word: string): boolean {
  return word === "’s" || word === "'s" || word === "’" || word === "'";
}

/** A headline or navigation line in title case: capitals there say nothing about names. */
export function isTitleCase(tokens: readonly Token[]): boolean {
  // Long words only: prose keeps function words ("of", "in", "the") and verbs ("arrived") in lower
  // case even in a sentence crowded with names, while a headline capitalises every long word.
  const long = tokens.filter((t) => /^\p{L}/u.test(t.text) && t.text.length >= TITLE_CASE_WORD_LENGTH);
  if (long.length < TITLE_CASE_MIN_WORDS) return false;
  const lower = long.filter((t) => !isCapitalised(t.text)).length;
  return lower / long.length <= TITLE_CASE_LOWER_SHARE;
}

/** Index of the first word token of the sentence (after opening quotes and brackets). */
function firstWordIndex(tokens: readonly Token[]): number {
  let i = 0;
  while (i < tokens.length && !/[\p{L}\p{N}]/u.test((tokens[i] as Token).text)) i++;
  return i;
}

interface NameContext {
  /** Lower-case words the article uses in lower case somewhere: "although", "the", "several". */
  lowerVocabulary: ReadonlySet<string>;
}

const ARTICLE_PREFIXED = /^(?:al|el|ad|as|ar|an|bin|ibn|abu)[-‐‑]\p{Lu}/u;

/** "I’m", "We’re", "Don’t": capitalised contractions are never names. */
const CONTRACTION = /[’'](?:m|re|ve|ll|d|t)$/i;

/**
 * An all-capitals ordinary word ("LEGITIMATE", "REALLY") is emphasis, not an acronym: too long to
 * be one, or a word the article also writes in lower case. Country abbreviations are exempt ("US"
 * next to "us").
 */
function isShouted(word: string, ctx: NameContext): boolean {
  if (!/^\p{Lu}{2,}$/u.test(word)) return false;
  if (word.length > MAX_ACRONYM_LETTERS) return true;
  return !PLACE_ACRONYMS.has(word.toLowerCase()) && ctx.lowerVocabulary.has(word.toLowerCase());
}

/** Can this token be part of a name? Sentence-initial words must prove it (the capital is forced). */
function nameLike(tok: Token, sentenceInitial: boolean, ctx: NameContext, inRun = false): boolean {
  const w = tok.text;
  // "al-Assad", "bin-Salman": a lower-case Arabic article glued to a capitalised name.
  if (ARTICLE_PREFIXED.test(w)) return true;
  if (!isCapitalised(w) || CONTRACTION.test(w)) return false;
  const lower = w.toLowerCase();
  if (NEVER_NAMES.has(lower)) return false;
  // "May", "August": a month on its own, a surname inside a name ("Theresa May").
  if (CALENDAR_WORDS.has(lower) && !inRun) return false;
  if (isShouted(w, ctx)) return false;
  if (tok.pos !== "" && NON_NAME_POS.has(tok.pos) && !isAcronym(w)) return false;
  if (sentenceInitial) {
    if (isAcronym(w) || PERSON_TITLES.has(normTitle(w))) return true;
    if (ctx.lowerVocabulary.has(lower)) return false;
    return tok.pos === "" || tok.pos === "PROPN";
  }
  return true;
}

/** Is `tok` a hyphen glued to both neighbours ("Al-Assad" split by the tagger)? */
function gluedHyphen(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return (
    t.text === "-" && prev !== undefined && next !== undefined && prev.end === t.start && t.end === next.start
  );
}

/** Maximal runs [from, to) of name-like tokens, joined by connectors and glued hyphens. */
function nameRuns(tokens: readonly Token[], ctx: NameContext): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const first = firstWordIndex(tokens);
  let i = 0;
  while (i < tokens.length) {
    if (!nameLike(tokens[i] as Token, i === first, ctx)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && j - i < MAX_RUN_TOKENS) {
      const t = tokens[j] as Token;
      if (nameLike(t, false, ctx, true)) {
        j++;
      } else if (
        NAME_CONNECTORS.has(t.text) &&
        j + 2 < tokens.length &&
        gluedHyphen(tokens, j + 1) &&
        nameLike(tokens[j + 2] as Token, false, ctx)
      ) {
        j += 3; // "al - Assad" as the tagger splits "al-Assad"
      } else if (
        (NAME_CONNECTORS.has(t.text) || gluedHyphen(tokens, j)) &&
        j + 1 < tokens.length &&
        nameLike(tokens[j + 1] as Token, false, ctx)
      ) {
        j += 2;
      } else {
        break;
      }
    }
    out.push([i, j]);
    i = j;
  }
  return out;
}

/**
 * Split a run into its leading role ("US Secretary of State") and the name ("John Kerry"). The
 * role ends at the last title word that still leaves a name after it; "of X" after a title is the
 * title's complement, keeping at least one name word (two when there are enough).
 */
function splitRole(run: readonly Token[]): { role: Token[]; name: Token[]; titled: boolean } {
  let cut = -1;
  for (let k = 0; k < run.length - 1; k++) {
    if (PERSON_TITLES.has(normTitle((run[k] as Token).text))) cut = k + 1;
  }
  if (cut < 0) return { role: [], name: [...run], titled: false };
  if (run[cut]?.text === "of") {
    const rest = run.length - cut - 1;
    const complement = Math.max(1, rest - 2);
    cut = Math.min(run.length - 1, cut + 1 + complement);
  }
  return { role: run.slice(0, cut), name: run.slice(cut), titled: true };
}

/** Lower-case role words just before a run: "State Department spokesman", "a civil engineer named". */
function roleBefore(tokens: readonly Token[], runStart: number, body: string): string | null {
  let i = runStart - 1;
  if (i >= 0 && /^(named|called)$/i.test((tokens[i] as Token).text)) i--;
  const head = tokens[i];
  if (!head || !ROLE_NOUNS.has(head.text.toLowerCase())) return null;
  let from = i;
  while (from - 1 >= 0 && i - from < MAX_ROLE_WORDS) {
    const t = tokens[from - 1] as Token;
    const tagOk = t.pos === "" ? /^\p{L}/u.test(t.text) : ["ADJ", "NOUN", "PROPN"].includes(t.pos);
    if (!tagOk || NEVER_NAMES.has(t.text.toLowerCase())) break;
    from--;
  }
  const det = tokens[from - 1];
  if (det && /^(a|an|the)$/i.test(det.text)) from--;
  return body.slice((tokens[from] as Token).start, head.end);
}

function normKey(words: readonly string[]): string {
  return words.map((w) => w.replace(/\./g, "").toLowerCase()).join(" ");
}

/**
 * "Syrian civilians", "Russian and Syrian forces", "the Syrians": nationality words are tagged as
 * proper nouns but name no one. Recognised by their suffix when plural or used as a modifier.
 */
function isDemonym(word: string, next: Token | undefined): boolean {
  if (/(?:ians|eans|ans|is)$/.test(word) && /(?:ian|ean|an|i)s$/.test(word)) return true;
  if (!/(?:ian|ean|ese|ish|an|i)$/.test(word)) return false;
  return next !== undefined && /^\p{Ll}/u.test(next.text) && next.pos !== "VERB" && next.pos !== "AUX";
}

/** Nouns that make the name after "of" a place: "the city of Aleppo", "the province of Idlib". */
const PLACE_NOUNS = new Set([
  "city",
  "town",
  "village",
  "province",
  "region",
  "district",
  "capital",
  "county",
  "state",
  "island",
  "port",
]);

function placeByNoun(tokens: readonly Token[], from: number): boolean {
  const of = tokens[from - 1];
  const noun = tokens[from - 2];
  return of?.text === "of" && noun !== undefined && PLACE_NOUNS.has(noun.text.toLowerCase());
}

/** Sentences with this share of letters and spaces or less are data (JSON, code), not prose. */
const MIN_PROSE_SHARE = 0.8;

function isProse(tokens: readonly Token[]): boolean {
  let letters = 0;
  let all = 0;
  for (const t of tokens) {
    all += t.text.length;
    if (/^[\p{L}’'.-]+$/u.test(t.text)) letters += t.text.length;
  }
  return all === 0 || letters / all > MIN_PROSE_SHARE;
}

/** Decide the type of a name from its own words and what precedes it. */
function classify(
  name: readonly Token[],
  titled: boolean,
  prev: Token | undefined,
): { type: EntityType; strong: boolean } {
  const words = name.map((t) => t.text);
  const key = normKey(words);
  const lowers = words.map((w) => normTitle(w));
  if (COUNTRIES.has(key) || (words.length === 1 && PLACE_ACRONYMS.has(lowers[0] as string))) {
    return { type: "place", strong: true };
  }
  if (words.length > 1 && lowers.some((w) => ORG_CUES.has(w))) return { type: "organization", strong: true };
  if (words.length === 1 && (STANDALONE_ORGS.has(key) || isAcronym(words[0] as string))) {
    return { type: "organization", strong: true };
  }
  if (titled) return { type: "person", strong: true };
  if (prev && PLACE_PREPOSITIONS.has(prev.text.toLowerCase())) return { type: "place", strong: false };
  return { type: "person", strong: false };
}

/** Candidates in one sentence. */
export function sentenceCandidates(
  tokens: readonly Token[],
  sentence: number,
  body: string,
  ctx: NameContext,
): Candidate[] {
  if (isTitleCase(tokens) || !isProse(tokens)) return [];
  const out: Candidate[] = [];
  for (const [from, to] of nameRuns(tokens, ctx)) {
    const run = tokens.slice(from, to);
    // "the US President said": a role without a name.
    if (PERSON_TITLES.has(normTitle((run[run.length - 1] as Token).text))) continue;
    let { role, name, titled } = splitRole(run);
    // "Justice Department": the title word is part of an organisation name, not a person's title.
    if (titled && name.some((t) => ORG_CUES.has(normTitle(t.text)))) {
      role = [];
      name = [...run];
      titled = false;
    }
    // A trailing possessive never belongs to the name.
    while (name.length > 0 && isPossessive((name[name.length - 1] as Token).text)) name = name.slice(0, -1);
    if (name.length === 0) continue;
    const single = name.length === 1 ? (name[0] as Token) : null;
    // A lone capitalised adjective or common noun ("International", "Syrian") is not a name.
    if (single && !titled && single.pos !== "" && single.pos !== "PROPN" && !isAcronym(single.text)) continue;
    if (single && isDemonym(single.text, tokens[to])) continue;
    const { type, strong } = placeByNoun(tokens, from)
      ? { type: "place" as const, strong: true }
      : classify(name, titled, tokens[from - 1]);
    const roleText =
      role.length > 0 ? body.slice((role[0] as Token).start, (role[role.length - 1] as Token).end) : null;
    out.push({
      words: name.map((t) => t.text),
      text: body.slice((name[0] as Token).start, (name[name.length - 1] as Token).end).replace(/\s+/g, " "),
      start: (name[0] as Token).start,
      end: (name[name.length - 1] as Token).end,
      runStart: (run[0] as Token).start,
      type,
      strong,
      role: roleText ?? (type === "person" ? roleBefore(tokens, from, body) : null),
      sentence,
      initial: from === firstWordIndex(tokens),
    });
  }
  return out;
}

/** Lower-case word forms the article uses (to tell a sentence-initial "Although" from a name). */
export function lowerVocabulary(sentences: readonly Sentence[], tokens: readonly Token[][]): Set<string> {
  const out = new Set<string>();
  for (let s = 0; s < sentences.length; s++) {
    for (const t of tokens[s] ?? []) if (/^\p{Ll}/u.test(t.text)) out.add(t.text);
  }
  return out;
}

export { normKey };
