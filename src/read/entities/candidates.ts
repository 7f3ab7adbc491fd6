import type { EntityType, Sentence } from "../../model/index.js";
import type { Token } from "../nlp.js";
import {
  CALENDAR_WORDS,
  CITIES,
  COUNTRIES,
  DEMONYMS_IN_I,
  GIVEN_NAME_GROUP_WORDS,
  GROUP_WORDS,
  HYPHEN_NAME_PARTICLES,
  KINSHIP_NOUNS,
  KNOWN_ORGANISATIONS,
  LAW_HEADS,
  MODIFIER_SUFFIXES,
  NAME_CONNECTORS,
  NEVER_NAMES,
  NOT_ENTITY_WORDS,
  normTitle,
  normWord,
  ORG_CONNECTOR_HEADS,
  ORG_CUES,
  ORG_FOLLOWERS,
  PERSON_TITLES,
  PLACE_ACRONYMS,
  PLACE_FOLLOWERS,
  PLACE_HEADS,
  PLACE_PREPOSITIONS,
  ROLE_MODIFIERS,
  ROLE_NOUNS,
  SURNAME_PARTICLES,
  US_STATES,
} from "./lexicon.js";

/**
 * One capitalised name found in a sentence, with the title words before it removed. Strength says
 * how sure the type is: "strong" (a title, an organisation word, a gazetteer entry, an acronym) or
 * "weak" (guessed from shape alone), so merging can let firm evidence win.
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
  /** A title stood before the name ("Mr. Ban", "Sen. Graham"). */
  titled: boolean;
  /** Introduced by a kinship noun ("his wife Hillary Clinton", "X, the nominee's eldest daughter"). */
  kin: boolean;
  /** The name opens a quotation (“Notice Trump sniffing …”), where speech often starts with a verb. */
  quoteInitial: boolean;
  /** Gender a title or kinship noun gives ("Mrs. Clinton", "his wife"), or null. */
  gender: Gender;
}

export type Gender = "female" | "male" | null;

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

/** Single words that are organisations on their own ("Congress said", "the Pentagon", "the House"). */
const STANDALONE_ORGS = new Set([
  "treasury",
  "congress",
  "senate",
  "house",
  "parliament",
  "pentagon",
  "kremlin",
  "cabinet",
  "nato",
  "navy",
  "army",
  "marines",
  "interpol",
  "opec",
]);

/** Acronyms longer than this are shouted words ("LEGITIMATE"), not organisation names. */
const MAX_ACRONYM_LETTERS = 6;

/** Words this long are content words, capitalised in a headline and mostly lower case in prose. */
const TITLE_CASE_WORD_LENGTH = 4;
/** A line whose long words are this share or less lower case is a headline or title-case line. */
const TITLE_CASE_LOWER_SHARE = 0.1;
/** Lines with fewer long words than this are too short to judge their casing. */
const TITLE_CASE_MIN_WORDS = 3;
/**
 * A headline for the name finder: one lower-case long word in nine is still a headline ("Donald
 * Trump Is Right, ‘Thousands of Shootings’ in Chicago this Year"); prose crowded with names keeps
 * more of its verbs and function words in lower case.
 */
const HEADLINE_LOWER_SHARE = 0.12;
/**
 * A line of at most this many words, every word capitalised, is a signature, a byline or a
 * section label ("Michael Pravica.", "Human Rights."): its words are judged one by one, like
 * words opening a sentence, rather than skipped as a headline.
 */
const MAX_LABEL_LINE_WORDS = 5;
/** Words a heading before a colon may have ("Veto Power Impedes Peace Efforts: …"). */
const MAX_COLON_HEADING_TOKENS = 10;

/** The lower-case words a title-case heading keeps ("Little Relief for Refugees", "The Gap Goes On"). */
const HEADING_FUNCTION_WORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "for",
  "to",
  "by",
  "on",
  "in",
  "at",
  "and",
  "or",
  "vs",
]);

/** Words before a name scanned for a role ("State Department spokesman"). */
const MAX_ROLE_WORDS = 5;

/** Name runs longer than this are a run-on of capitals (a list, a slogan), not one name. */
const MAX_RUN_TOKENS = 8;

/** Words after a name scanned for an appositive kinship noun ("Ivanka Trump, the nominee's eldest daughter,"). */
const MAX_APPOSITIVE_TOKENS = 7;

/** Months that are also names ("Theresa May", "June Carter"): kept inside a name run, never alone. */
const NAME_MONTHS = new Set(["may", "june", "april", "august"]);

const TERMINATOR_TOKEN = /^[.!?…]+$/;
const OPENING_QUOTE = new Set(["“", "‘", "«", '"', "'"]);

export function isAcronym(word: string): boolean {
  const letters = word.replace(/\./g, "");
  if (letters.length < 2 || letters.length > MAX_ACRONYM_LETTERS) return false;
  return /^(?:\p{Lu}\.){2,}$/u.test(word) || /^\p{Lu}{2,}s?$/u.test(word);
}

function isLetterStart(word: string): boolean {
  const c = word.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 128) return false;
  return /^\p{L}/u.test(word);
}

function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true; // A–Z: the common case, without a Unicode regex
  if (c < 128) return false;
  return /^\p{Lu}/u.test(word);
}

function isPossessive(word: string): boolean {
  return word === "’s" || word === "'s" || word === "’" || word === "'";
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Holds a letter or digit. Punctuation tokens, a third of all, are ASCII and decided without the Unicode pattern. */
function isWord(tok: Token): boolean {
  const text = tok.text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return true;
    if (c >= 128) return LETTER_OR_DIGIT.test(text);
  }
  return false;
}

/** Long words of a line and how many of them are lower case. */
function casing(tokens: readonly Token[]): { long: number; lower: number } {
  let long = 0;
  let lower = 0;
  for (const t of tokens) {
    if (t.text.length < TITLE_CASE_WORD_LENGTH || !isLetterStart(t.text)) continue;
    long++;
    if (!isCapitalised(t.text)) lower++;
  }
  return { long, lower };
}

/** A headline or navigation line in title case: capitals there say nothing about names. */
export function isTitleCase(tokens: readonly Token[]): boolean {
  // Long words only: prose keeps function words ("of", "in", "the") and verbs ("arrived") in lower
  // case even in a sentence crowded with names, while a headline capitalises every long word.
  const { long, lower } = casing(tokens);
  if (long < TITLE_CASE_MIN_WORDS) return false;
  return lower / long <= TITLE_CASE_LOWER_SHARE;
}

/** Headline verdicts per sentence token array (the name finder and the known-name pass both ask). */
const headlineCache = new WeakMap<readonly Token[], boolean>();

/** The name finder's headline test: title case with one slip allowed in nine long words, and no lower-case verb. */
export function isHeadline(tokens: readonly Token[]): boolean {
  const hit = headlineCache.get(tokens);
  if (hit !== undefined) return hit;
  const verdict = headlineVerdict(tokens);
  headlineCache.set(tokens, verdict);
  return verdict;
}

function headlineVerdict(tokens: readonly Token[]): boolean {
  const { long, lower } = casing(tokens);
  if (long < TITLE_CASE_MIN_WORDS || lower / long > HEADLINE_LOWER_SHARE) return false;
  // A headline capitalises its verbs; prose crowded with names keeps them in lower case ("told", "met").
  return !tokens.some((t) => (t.pos === "VERB" || t.pos === "AUX") && /^\p{Ll}/u.test(t.text));
}

/** A short line of capitalised words only: a signature, byline or section label ("Toni LeAnn Williams."). */
export function isLabelLine(tokens: readonly Token[]): boolean {
  // A label line is a handful of tokens; most sentences are decided by their length alone.
  if (tokens.length > MAX_LABEL_LINE_WORDS * 3) return false;
  const words = tokens.filter(isWord);
  return (
    words.length > 0 &&
    words.length <= MAX_LABEL_LINE_WORDS &&
    words.every((t) => isCapitalised(t.text) || NAME_CONNECTORS.has(t.text))
  );
}

/**
 * Tokens of a title-case heading that opens the sentence before a colon ("Little Relief for
 * Refugees: The refugee crisis …"): how many leading tokens to leave to the known-name pass.
 */
export function colonHeadingLength(tokens: readonly Token[]): number {
  const limit = Math.min(tokens.length, MAX_COLON_HEADING_TOKENS + 1);
  for (let i = 1; i < limit; i++) {
    if (tokens[i]?.text !== ":") continue;
    const head = tokens.slice(0, i).filter(isWord);
    const capitalised = head.filter((t) => isCapitalised(t.text)).length;
    const rest = head.filter((t) => !isCapitalised(t.text));
    return capitalised >= 2 && rest.every((t) => HEADING_FUNCTION_WORDS.has(t.text)) ? i + 1 : 0;
  }
  return 0;
}

/**
 * Positions where a word opens a sentence or a quoted sentence inside the splitter's sentence:
 * the first word, and the first word after a full stop, question mark, opening quote or colon.
 * There the capital is forced, so it proves nothing.
 */
export function initialPositions(tokens: readonly Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  let open = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (isWord(t)) {
      out[i] = open;
      open = false;
      continue;
    }
    if (TERMINATOR_TOKEN.test(t.text) || t.text === ":") open = true;
    else if (OPENING_QUOTE.has(t.text)) {
      const next = tokens[i + 1];
      const prev = tokens[i - 1];
      // An opening mark is glued to the word after it and not to the one before.
      if (next !== undefined && next.start === t.end && (prev === undefined || prev.end < t.start))
        open = true;
    }
  }
  return out;
}

export interface NameContext {
  /** Lower-case words the article uses in lower case somewhere: "although", "the", "several". */
  lowerVocabulary: ReadonlySet<string>;
  /** Initials of names dropped as no entity ("aca" after "Affordable Care Act"), so their acronyms go too. */
  dropped?: Set<string>;
}

const ARTICLE_PREFIXED = /^(?:al|el|ad|as|ar|an|bin|ibn|abu)[-‐‑]\p{Lu}/u;

/** ARTICLE_PREFIXED, asked of every token: the first letter (a, e, b or i) rules nearly all of them out. */
function isArticlePrefixed(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c === 97 || c === 98 || c === 101 || c === 105) && ARTICLE_PREFIXED.test(w);
}

/** "I’m", "We’re", "Don’t": capitalised contractions are never names. */
const CONTRACTION = /[’'](?:m|re|ve|ll|d|t)$/i;

/**
 * An all-capitals ordinary word ("LEGITIMATE", "REALLY") is emphasis, not an acronym: too long to
 * be one, or a word the article also writes in lower case. Country abbreviations and organisations
 * of the gazetteer are exempt ("US" next to "us", "FACEBOOK" as a section label).
 */
function isShouted(word: string, ctx: NameContext): boolean {
  if (!/^\p{Lu}{2,}$/u.test(word)) return false;
  const lower = word.toLowerCase();
  if (KNOWN_ORGANISATIONS.has(lower)) return false;
  if (word.length > MAX_ACRONYM_LETTERS) return true;
  return !PLACE_ACRONYMS.has(lower) && ctx.lowerVocabulary.has(lower);
}

/** Can this token be part of a name? Sentence-initial words must prove it (the capital is forced). */
function nameLike(tok: Token, sentenceInitial: boolean, ctx: NameContext, inRun = false): boolean {
  const w = tok.text;
  // "al-Assad", "bin-Salman": a lower-case Arabic article glued to a capitalised name.
  if (isArticlePrefixed(w)) return true;
  if (!isCapitalised(w) || CONTRACTION.test(w)) return false;
  const lower = normWord(w);
  if (NEVER_NAMES.has(lower)) return false;
  // "May", "August": a month on its own, a surname inside a name ("Theresa May"); weekdays never.
  if (CALENDAR_WORDS.has(lower) && !(inRun && NAME_MONTHS.has(lower) && !w.endsWith("."))) return false;
  if (KNOWN_ORGANISATIONS.has(lower)) return true;
  // "USA TODAY": inside a name an all-capitals word is the name's own spelling.
  if (!inRun && isShouted(w, ctx)) return false;
  if (tok.pos !== "" && NON_NAME_POS.has(tok.pos) && !isAcronym(w)) return false;
  if (sentenceInitial) {
    if (isAcronym(w) || PERSON_TITLES.has(normTitle(w))) return true;
    if (ctx.lowerVocabulary.has(lower) || ROLE_NOUNS.has(lower)) return false;
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
    (t.text === "-" || t.text === "‐" || t.text === "‑") &&
    prev !== undefined &&
    next !== undefined &&
    prev.end === t.start &&
    t.end === next.start
  );
}

/**
 * Name-internal lower-case parts after a glued hyphen: a particle between capitals
 * ("Lashkar-e-Taiba", "Jaish-e-Mohammed") or the second syllable of a given name inside a run
 * ("Ban Ki-moon", "Kim Jong-un"), but never a modifier ("Saudi-led", "Kerry-brokered").
 * Returns how many tokens from the hyphen at `j` belong to the name (0 when none).
 */
export function hyphenNamePart(tokens: readonly Token[], j: number, runLength: number): number {
  if (!gluedHyphen(tokens, j)) return 0;
  const part = tokens[j + 1] as Token;
  if (!/^\p{Ll}+$/u.test(part.text)) return 0;
  if (HYPHEN_NAME_PARTICLES.has(part.text) && tokens[j + 2] !== undefined && gluedHyphen(tokens, j + 2)) {
    const after = tokens[j + 3];
    if (after !== undefined && isCapitalised(after.text)) return 3;
  }
  if (runLength < 2 || MODIFIER_SUFFIXES.has(part.text) || /(?:ed|ing|en)$/.test(part.text)) return 0;
  return 2;
}

/** "for"/"on" continue an organisation's name after its head word ("Center for American Progress"). */
function orgConnector(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j] as Token;
  if (t.text !== "for" && t.text !== "on") return false;
  const prev = tokens[j - 1];
  return prev !== undefined && ORG_CONNECTOR_HEADS.has(normWord(prev.text));
}

/** "and" inside an organisation's name after its "for"/"on" ("Center for Strategic and International Studies"). */
function orgAnd(tokens: readonly Token[], runStart: number, j: number): boolean {
  if ((tokens[j] as Token).text !== "and") return false;
  for (let k = j - 1; k > runStart; k--) if (orgConnector(tokens, k)) return true;
  return false;
}

/** Maximal runs [from, to) of name-like tokens, joined by connectors and glued hyphens. */
function nameRuns(
  tokens: readonly Token[],
  initial: readonly boolean[],
  ctx: NameContext,
  from: number,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = from;
  while (i < tokens.length) {
    const first = tokens[i] as Token;
    const particleStart =
      initial[i] === true &&
      SURNAME_PARTICLES.has(first.lower) &&
      tokens[i + 1] !== undefined &&
      nameLike(tokens[i + 1] as Token, false, ctx);
    if (!particleStart && !nameLike(first, initial[i] === true, ctx)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && j - i < MAX_RUN_TOKENS) {
      const t = tokens[j] as Token;
      const hyphenated = hyphenNamePart(tokens, j, j - i);
      if (nameLike(t, initial[j] === true, ctx, true)) {
        j++;
      } else if (
        NAME_CONNECTORS.has(t.text) &&
        j + 2 < tokens.length &&
        gluedHyphen(tokens, j + 1) &&
        nameLike(tokens[j + 2] as Token, false, ctx)
      ) {
        j += 3; // "al - Assad" as the tagger splits "al-Assad"
      } else if (hyphenated > 0) {
        j += hyphenated;
        if (hyphenated === 2) break; // "Ki-moon" ends the name
      } else if (
        (NAME_CONNECTORS.has(t.text) ||
          gluedHyphen(tokens, j) ||
          orgConnector(tokens, j) ||
          orgAnd(tokens, i, j)) &&
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
    // "Secretary of State John F. Kerry": the name is the last two words, and a middle initial takes
    // the given name before it along; the rest after "of" is the title's complement.
    let nameStart = Math.max(cut + 2, run.length - 2);
    while (nameStart > cut + 2 && /^\p{Lu}\.$/u.test((run[nameStart] as Token).text)) nameStart--;
    cut = Math.min(run.length - 1, nameStart);
  }
  return { role: run.slice(0, cut), name: run.slice(cut), titled: true };
}

/** Title and role words that may make up a role without a name ("Lt. Gen.", "Former President"). */
function isRoleWord(tok: Token): boolean {
  const w = normTitle(tok.text);
  return PERSON_TITLES.has(w) || ROLE_MODIFIERS.has(w) || NAME_CONNECTORS.has(tok.text);
}

/**
 * A run ending in a title ("the US President said", "White House Press Secretary"): the words
 * before the trailing titles are a prefix naming a place or an organisation, or nothing. Null when
 * the run is a person's name that happens to end in a title word ("Howard Dean").
 */
function trailingRole(run: readonly Token[]): { prefix: Token[] } | null {
  if (!PERSON_TITLES.has(normTitle((run[run.length - 1] as Token).text))) return null;
  let t0 = run.length - 1;
  // "Department of Justice", "Ministry of Defence": the title word is the complement of an organisation.
  if (run[t0 - 1]?.text === "of" && run.slice(0, t0 - 1).some((t) => ORG_CUES.has(normTitle(t.text))))
    return null;
  while (t0 > 0 && isRoleWord(run[t0 - 1] as Token)) t0--;
  const prefix = run.slice(0, t0).filter((t) => !ROLE_MODIFIERS.has(normTitle(t.text)));
  if (prefix.length === 0) return { prefix: [] };
  return prefixNamesNoOne(prefix) ? { prefix } : null;
}

/** Does a role prefix name a place or an organisation ("US", "NYPD", "Manhattan Supreme Court")? */
function prefixNamesNoOne(prefix: readonly Token[]): boolean {
  const words = prefix.map((t) => t.text);
  const key = normKey(words);
  if (isPlaceName(key) || (words.length === 1 && PLACE_ACRONYMS.has(normWord(words[0] as string))))
    return true;
  if (words.length === 1 && (isAcronym(words[0] as string) || STANDALONE_ORGS.has(key))) return true;
  if (KNOWN_ORGANISATIONS.has(key)) return true;
  return words.some((w) => ORG_CUES.has(normTitle(w))) || isDemonymRun(prefix);
}

/** Lower-case role words just before a run: "State Department spokesman", "a civil engineer named". */
function roleBefore(tokens: readonly Token[], runStart: number, body: string): string | null {
  let i = runStart - 1;
  if (i >= 0 && /^(named|called)$/i.test((tokens[i] as Token).text)) i--;
  const head = tokens[i];
  if (!head || !ROLE_NOUNS.has(head.lower)) return null;
  let from = i;
  while (from - 1 >= 0 && i - from < MAX_ROLE_WORDS) {
    const t = tokens[from - 1] as Token;
    const tagOk = t.pos === "" ? /^\p{L}/u.test(t.text) : ["ADJ", "NOUN", "PROPN"].includes(t.pos);
    if (!tagOk || NEVER_NAMES.has(t.lower)) break;
    from--;
  }
  const det = tokens[from - 1];
  if (det && /^(a|an|the)$/i.test(det.text)) from--;
  return body.slice((tokens[from] as Token).start, head.end);
}

/** Dots dropped, apostrophes straightened, lower case: the form names are compared in. */
function normKey(words: readonly string[]): string {
  let out = "";
  for (let i = 0; i < words.length; i++) {
    let w = words[i] as string;
    if (w.includes(".")) w = w.replace(/\./g, "");
    if (w.includes("’") || w.includes("‘")) w = w.replace(/[’‘]/g, "'");
    out += i === 0 ? w.toLowerCase() : ` ${w.toLowerCase()}`;
  }
  return out;
}

/** Dotted abbreviations keep their inner dots in the gazetteers ("n.y", "w.va"): the key they are looked up by. */
function gazetteerKey(words: readonly string[]): string {
  return words.map(normWord).join(" ");
}

function isPlaceName(key: string): boolean {
  return COUNTRIES.has(key) || US_STATES.has(key) || CITIES.has(key);
}

/**
 * "Syrian civilians", "Russian and Syrian forces", "the Syrians": nationality words are tagged as
 * proper nouns but name no one. Recognised by their suffix when plural or used as a modifier.
 */
function isDemonym(word: string, next: Token | undefined): boolean {
  if (isPluralDemonym(word)) return true;
  if (!/(?:ian|ean|ese|ish|an|i)$/.test(word)) return false;
  if (next === undefined) return false;
  // "Cosmopolitan magazine", "the Chelsea neighborhood": a noun naming what the name is.
  if (ORG_FOLLOWERS.has(next.text) || PLACE_FOLLOWERS.has(next.text)) return false;
  return /^\p{Ll}/u.test(next.text) && next.pos !== "VERB" && next.pos !== "AUX";
}

/** Shortest plural nationality in "-ans" ("Afghans", "Mexicans"); shorter ones are surnames ("Evans"). */
const MIN_ANS_DEMONYM_LETTERS = 7;

/**
 * "Syrians", "Europeans", "Americans", "Iraqis": plural nationalities. Surnames of the same shape
 * ("Evans", "Davis", "Travis") are too short for "-ans" or not among the nationalities in "-i".
 */
function isPluralDemonym(word: string): boolean {
  const w = word.toLowerCase();
  if (/(?:ians|eans)$/.test(w) && w.length >= MIN_DEMONYM_LETTERS + 1) return true;
  if (/ans$/.test(w) && w.length >= MIN_ANS_DEMONYM_LETTERS) return true;
  return /is$/.test(w) && DEMONYMS_IN_I.has(w.slice(0, -1));
}

/** A capitalised word shaped like a nationality ("Syrian", "Iraqi", "Chinese"), never an acronym ("FBI"). */
function nationalityShaped(t: Token): boolean {
  const w = normWord(t.text);
  return !isAcronym(t.text) && w.length >= MIN_DEMONYM_LETTERS && /(?:ian|ean|ese|ish|an|i)$/.test(w);
}

/**
 * A run naming a group of people: group and nationality words ending in a group noun ("Sunni
 * Muslims", "Greek Orthodox", "African-Americans", "Syrian Kurds"). A personal name shaped the same
 * way ("Jordan Kaplan") does not end in a group noun or a plural nationality.
 */
function isDemonymRun(name: readonly Token[]): boolean {
  const words = name.filter(isWord);
  const last = words[words.length - 1];
  if (last === undefined) return false;
  const lastWord = normWord(last.text);
  const joined = words.map((t) => normWord(t.text)).join(" ");
  if (GROUP_WORDS.has(joined) || GROUP_WORDS.has(joined.replace(/ /g, "-"))) return true;
  const groupEnd = GROUP_WORDS.has(lastWord) || (!isAcronym(last.text) && isPluralDemonym(last.text));
  return (
    groupEnd && words.slice(0, -1).every((t) => GROUP_WORDS.has(normWord(t.text)) || nationalityShaped(t))
  );
}

/** Shortest nationality word recognised by its ending ("Iraqi", "Saudi"); shorter ones are names ("Ali", "Dan"). */
const MIN_DEMONYM_LETTERS = 5;

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
  "nation",
  "country",
  "republic",
  "kingdom",
  "emirate",
]);

function placeByNoun(tokens: readonly Token[], from: number): boolean {
  const of = tokens[from - 1];
  const noun = tokens[from - 2];
  return of?.text === "of" && noun !== undefined && PLACE_NOUNS.has(noun.lower);
}

/** Sentences with this share of letters and spaces or less are data (JSON, code), not prose. */
const MIN_PROSE_SHARE = 0.8;

function isProse(tokens: readonly Token[]): boolean {
  let letters = 0;
  let all = 0;
  for (const t of tokens) {
    // Handles, hashtags, addresses and links are neither prose nor data.
    const x = t.text;
    if (x.includes("@") || x.charCodeAt(0) === 35 || x.startsWith("http") || x.startsWith("www.")) continue;
    all += t.text.length;
    if (isLetterish(x)) letters += t.text.length;
  }
  return all === 0 || letters / all > MIN_PROSE_SHARE;
}

const LETTERISH = /^[\p{L}’'.-]+$/u;

/** Only letters, apostrophes, full stops and hyphens; ASCII decided without the Unicode pattern. */
function isLetterish(x: string): boolean {
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45 || c === 46 || c === 0x2019)
      continue;
    return c >= 128 && LETTERISH.test(x);
  }
  return x.length > 0;
}

/** The words of a name, tokens glued together joined into one ("Holtz-Eakin", "Ki-moon", "AFL-CIO"). */
export function gluedWords(name: readonly Token[]): string[] {
  const out: string[] = [];
  let prevEnd = -1;
  for (const t of name) {
    if (t.start === prevEnd && out.length > 0) out[out.length - 1] += t.text;
    else out.push(t.text);
    prevEnd = t.end;
  }
  return out;
}

/** Initials of a name's capitalised words: "Affordable Care Act" → "aca". */
function initialsOf(words: readonly string[]): string {
  return words
    .filter((w) => isCapitalised(w))
    .map((w) => (w[0] as string).toLowerCase())
    .join("");
}

/** Names that are no entity: a programme or holiday ("Medicare", "Brexit"), a law ("Affordable Care Act"). */
export function isNonEntityName(words: readonly string[]): boolean {
  const last = normWord(words[words.length - 1] as string);
  if (NOT_ENTITY_WORDS.has(normWord(words[0] as string).split("-")[0] as string)) return true;
  if (words.length === 1) return NOT_ENTITY_WORDS.has(last);
  return LAW_HEADS.has(last) || EVENT_HEADS.has(last);
}

/** Last words of events' names: "Iraq War", "Arab Spring", "Winter Olympics". */
const EVENT_HEADS = new Set([
  "war",
  "wars",
  "spring",
  "olympics",
  "games",
  "revolution",
  "uprising",
  "massacre",
  "election",
  "day",
]);

/** Decide the type of a name from its own words and what surrounds it. */
export function classify(
  name: readonly Token[],
  titled: boolean,
  prev: Token | undefined,
  next: Token | undefined,
  ctx: NameContext,
  after: readonly Token[] = [],
): { type: EntityType; strong: boolean } {
  const words = name.map((t) => t.text);
  const key = normKey(words);
  const gkey = gazetteerKey(words);
  const lowers = words.map((w) => normTitle(w));
  const single = words.length === 1;
  if (isPlaceName(key) || isPlaceName(gkey) || (single && PLACE_ACRONYMS.has(normWord(words[0] as string)))) {
    return { type: "place", strong: true };
  }
  if (KNOWN_ORGANISATIONS.has(key)) return { type: "organization", strong: true };
  if (PLACE_HEADS.has(lowers[lowers.length - 1] as string)) return { type: "place", strong: !single };
  if (isDateline(name, after)) return { type: "place", strong: true };
  // "today" names an outlet only after another word ("USA Today").
  if (!single && lowers.some((w, k) => ORG_CUES.has(w) || (k > 0 && w === "today"))) {
    return { type: "organization", strong: true };
  }
  if (titled) return { type: "person", strong: true };
  if (single && isBrandCased(words[0] as string)) return { type: "organization", strong: false };
  // "AFL-CIO": acronyms glued by a hyphen are one organisation's.
  if (!single && name.every((t) => isAcronym(t.text) || /^[-‐‑&]$/.test(t.text)))
    return { type: "organization", strong: true };
  if (acronymLed(words, ctx)) return { type: "organization", strong: true };
  if (single && (STANDALONE_ORGS.has(key) || isAcronym(words[0] as string))) {
    return { type: "organization", strong: true };
  }
  const follower = next !== undefined && /^\p{Ll}/u.test(next.text) ? next.lower : "";
  if (ORG_FOLLOWERS.has(follower)) return { type: "organization", strong: true };
  if (PLACE_FOLLOWERS.has(follower)) return { type: "place", strong: true };
  if (single && prev && PLACE_PREPOSITIONS.has(prev.lower)) return { type: "place", strong: false };
  return { type: "person", strong: false };
}

/**
 * An organisation led by an acronym ("U.N. Women", "NBC News"): the acronym is an organisation's and
 * the words after it are ordinary words the article also writes in lower case. Initials before a
 * surname ("AWR Hawkins", "G.K. Butterfield") are a person's.
 */
function acronymLed(words: readonly string[], ctx: NameContext): boolean {
  if (words.length < 2 || !isAcronym(words[0] as string) || PLACE_ACRONYMS.has(normWord(words[0] as string)))
    return false;
  return words.slice(1).every((w) => ctx.lowerVocabulary.has(normWord(w)) || ORG_CUES.has(normWord(w)));
}

/**
 * "RealClearPolitics", "FiveThirtyEight", "HuffPollster": a capital inside a word marks a brand, not
 * a person, unless it follows a surname prefix ("McCain", "MacArthur", "DeSantis", "LeBron").
 */
export function isBrandCased(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}+\p{Lu}/u.test(word)) return false;
  return (
    !/^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O')\p{Lu}/u.test(word) || /\p{Ll}\p{Lu}.*\p{Ll}\p{Lu}/u.test(word)
  );
}

/**
 * A dateline or address: a name followed by a comma and a state or country ("FLINT, Mich.",
 * "Henderson, Nev.", "Aleppo, Syria"), or ending in a state abbreviation ("Staunton Va.").
 */
export function isDateline(name: readonly Token[], after: readonly Token[]): boolean {
  const last = name[name.length - 1] as Token;
  if (name.length > 1 && /\.$/.test(last.text) && US_STATES.has(normWord(last.text))) return true;
  if (after[0]?.text !== ",") return false;
  const place = after[1];
  if (place === undefined || !isCapitalised(place.text)) return false;
  const one = normWord(place.text);
  const two = after[2] ? `${one} ${normWord(after[2].text)}` : one;
  return US_STATES.has(one) || COUNTRIES.has(one) || US_STATES.has(two) || COUNTRIES.has(two);
}

/** "HOLT:", "TRUMP:" opening a line: a transcript's speaker label, a person however it is cased. */
function isSpeakerLabel(tokens: readonly Token[], i: number, initial: readonly boolean[]): boolean {
  const t = tokens[i] as Token;
  return initial[i] === true && /^\p{Lu}{2,}$/u.test(t.text) && tokens[i + 1]?.text === ":";
}

/**
 * Introduced as someone's relative: a kinship noun just before the name ("his wife Hillary
 * Clinton", "daughter Chelsea Clinton") or in an appositive after it ("Ivanka Trump, the
 * nominee's eldest daughter,").
 */
export function kinshipIntroduced(tokens: readonly Token[], from: number, to: number): boolean {
  const before = tokens[from - 1];
  if (before !== undefined && KINSHIP_NOUNS.has(before.lower)) return true;
  if (tokens[to]?.text !== ",") return false;
  for (let k = to + 1; k < tokens.length && k <= to + MAX_APPOSITIVE_TOKENS; k++) {
    const t = tokens[k] as Token;
    if (t.text === "," || TERMINATOR_TOKEN.test(t.text)) return false;
    if (KINSHIP_NOUNS.has(t.lower)) return true;
  }
  return false;
}

/** Titles and kinship nouns that tell a person's gender. */
const FEMALE_WORDS = new Set([
  "mrs",
  "ms",
  "miss",
  "madam",
  "lady",
  "dame",
  "queen",
  "princess",
  "wife",
  "daughter",
  "mother",
  "sister",
  "widow",
  "niece",
  "granddaughter",
  "grandmother",
  "aunt",
  "congresswoman",
  "spokeswoman",
  "chairwoman",
  "first lady",
]);
const MALE_WORDS = new Set([
  "mr",
  "sir",
  "lord",
  "king",
  "prince",
  "husband",
  "son",
  "father",
  "brother",
  "widower",
  "nephew",
  "grandson",
  "grandfather",
  "uncle",
  "congressman",
  "spokesman",
  "chairman",
]);

/**
 * The gender a name's title or kinship noun gives ("Mrs. Clinton", "his wife Hillary Clinton"), so
 * a gendered surname mention never goes to a bearer of the other gender.
 */
export function genderOf(role: readonly Token[], tokens: readonly Token[], from: number, to: number): Gender {
  const words = [...role.map((t) => normTitle(t.text)), normWord(tokens[from - 1]?.text ?? "")];
  for (
    let k = to + 1;
    k < tokens.length && k <= to + MAX_APPOSITIVE_TOKENS && tokens[to]?.text === ",";
    k++
  ) {
    const t = tokens[k] as Token;
    if (t.text === "," || TERMINATOR_TOKEN.test(t.text)) break;
    words.push(normWord(t.text));
  }
  if (words.some((w) => FEMALE_WORDS.has(w))) return "female";
  if (words.some((w) => MALE_WORDS.has(w))) return "male";
  return null;
}

/** Candidates in one sentence. */
export function sentenceCandidates(
  tokens: readonly Token[],
  sentence: number,
  body: string,
  ctx: NameContext,
): Candidate[] {
  if (!isProse(tokens)) return [];
  const label = isLabelLine(tokens);
  // Headlines are left to the known-name pass: only names the article establishes elsewhere count there.
  if (!label && isHeadline(tokens)) return [];
  const initial = initialPositions(tokens);
  // A signature or section label: every word must prove itself, as at a sentence start.
  if (label) initial.fill(true);
  const out: Candidate[] = [];
  const push = (
    name: readonly Token[],
    from: number,
    to: number,
    run: readonly Token[],
    role: Token[],
    titled: boolean,
  ) => {
    const words = gluedWords(name);
    if (isNonEntityName(words)) {
      if (words.length > 1) ctx.dropped?.add(initialsOf(words));
      return;
    }
    if (words.length === 1 && ctx.dropped?.has(normKey(words).replace(/s$/, ""))) return;
    const speaker = isSpeakerLabel(tokens, from, initial) && name.length === 1 && !titled;
    const { type, strong } = speaker
      ? { type: "person" as const, strong: false }
      : placeByNoun(tokens, from)
        ? { type: "place" as const, strong: true }
        : classify(name, titled, tokens[from - 1], tokens[to], ctx, tokens.slice(to, to + 3));
    const roleText =
      role.length > 0 ? body.slice((role[0] as Token).start, (role[role.length - 1] as Token).end) : null;
    out.push({
      words,
      text: body.slice((name[0] as Token).start, (name[name.length - 1] as Token).end).replace(/\s+/g, " "),
      start: (name[0] as Token).start,
      end: (name[name.length - 1] as Token).end,
      runStart: (run[0] as Token).start,
      type,
      strong,
      role: roleText ?? (type === "person" ? roleBefore(tokens, from, body) : null),
      sentence,
      // A transcript label's capitals are its own spelling, not a sentence start's.
      initial: initial[from] === true && !speaker,
      titled,
      kin: type === "person" && kinshipIntroduced(tokens, from, to),
      quoteInitial: initial[from] === true && OPENING_QUOTE.has(tokens[from - 1]?.text ?? ""),
      gender: type === "person" ? genderOf(role, tokens, from, to) : null,
    });
  };
  /** A prefix naming a place or organisation inside a role ("NYPD Commissioner", "U.S. Air Force Gen."). */
  const pushPrefix = (prefix: readonly Token[], runFrom: number) => {
    if (prefix.length === 0) return;
    const words = prefix.map((t) => t.text);
    if (words.every((w) => !isCapitalised(w)) || isDemonymRun(prefix) || !prefixNamesNoOne(prefix)) return;
    if (prefix.length === 1 && nationalityShaped(prefix[0] as Token)) return;
    const at = tokens.indexOf(prefix[0] as Token, runFrom);
    pushName(prefix, at, at + prefix.length, prefix, [], false);
  };
  /** An organisation led by a country abbreviation is the organisation ("U.S. Department of Justice"). */
  const pushName = (
    name: readonly Token[],
    from: number,
    to: number,
    run: readonly Token[],
    role: Token[],
    titled: boolean,
  ) => {
    const head = name[0] as Token;
    // "Washington Post-ABC News": two organisations joined by a hyphen, each named in full.
    const hyphen = name.findIndex((t, k) => k > 0 && k < name.length - 1 && /^[-/]$/.test(t.text));
    if (hyphen > 0 && !titled) {
      const left = name.slice(0, hyphen);
      const right = name.slice(hyphen + 1);
      const orgish = (part: readonly Token[]) =>
        part.length > 0 &&
        classify(part, false, undefined, undefined, ctx).type === "organization" &&
        part.length + 1 < name.length;
      if (orgish(left) && orgish(right) && (left.length > 1 || right.length > 1)) {
        pushName(left, from, from + hyphen, left, [], false);
        pushName(right, from + hyphen + 1, to, right, [], false);
        return;
      }
    }
    const rest = name.slice(1);
    const restIsOrg =
      rest.some((t) => ORG_CUES.has(normTitle(t.text))) ||
      (rest.length === 1 && STANDALONE_ORGS.has(normWord((rest[0] as Token).text)));
    if (name.length > 1 && !titled && PLACE_ACRONYMS.has(normWord(head.text)) && restIsOrg) {
      const { type } = classify(rest, false, head, tokens[to], ctx, tokens.slice(to, to + 3));
      if (type === "organization") {
        push([head], from, from + 1, [head], [], false);
        push(rest, from + 1, to, rest, [], false);
        return;
      }
    }
    push(name, from, to, run, role, titled);
  };

  for (const [from, to] of nameRuns(tokens, initial, ctx, colonHeadingLength(tokens))) {
    const run = tokens.slice(from, to);
    // "the US President said", "Former President": a role without a name, perhaps after a place or organisation.
    const trailing = trailingRole(run);
    if (trailing) {
      pushPrefix(trailing.prefix, from);
      continue;
    }
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
    const start = tokens.indexOf(name[0] as Token, from);
    const end = start + name.length;
    const single = name.length === 1 ? (name[0] as Token) : null;
    // A lone capitalised adjective or common noun ("International", "Syrian") is not a name.
    if (single && !titled && single.pos !== "" && single.pos !== "PROPN" && !isAcronym(single.text)) {
      const follower = tokens[end]?.text ?? "";
      const typedByFollower = ORG_FOLLOWERS.has(follower) || PLACE_FOLLOWERS.has(follower);
      if (
        !KNOWN_ORGANISATIONS.has(normWord(single.text)) &&
        !isSpeakerLabel(tokens, start, initial) &&
        !typedByFollower
      )
        continue;
    }
    if (single && !titled && isDemonym(single.text, tokens[end])) continue;
    // "Saudi-led", "Syrian-backed": a nationality glued to a modifier.
    if (single && !titled && nationalityShaped(single) && gluedHyphen(tokens, end)) continue;
    if (!titled && isDemonymRun(name)) continue;
    // "Democrat Hillary Clinton", "Libertarian Gary Johnson": a party or group word before a name
    // qualifies it; but a given name that is also a group word, before one singular word, is the
    // name's own ("Christian Bale", not "Christian Zionists").
    let lead = 0;
    while (lead < name.length - 1 && !titled && GROUP_WORDS.has(normWord((name[lead] as Token).text))) lead++;
    if (
      lead === 1 &&
      name.length === 2 &&
      GIVEN_NAME_GROUP_WORDS.has(normWord((name[0] as Token).text)) &&
      !normWord((name[1] as Token).text).endsWith("s")
    )
      lead = 0;
    if (lead > 0 && classify(name.slice(lead), false, undefined, tokens[end], ctx).type === "person") {
      const rest = name.slice(lead);
      pushName(rest, start + lead, end, run, role, titled);
      continue;
    }
    if (titled) {
      // The role's own leading words may name a place or an organisation ("NYPD Commissioner").
      const firstTitle = role.findIndex((t) => PERSON_TITLES.has(normTitle(t.text)));
      pushPrefix(
        role.slice(0, Math.max(0, firstTitle)).filter((t) => !ROLE_MODIFIERS.has(normTitle(t.text))),
        from,
      );
    }
    pushName(name, start, end, run, role, titled);
  }
  return out;
}

/** Lower-case word forms the article uses (to tell a sentence-initial "Although" from a name). */
export function lowerVocabulary(sentences: readonly Sentence[], tokens: readonly Token[][]): Set<string> {
  const out = new Set<string>();
  for (let s = 0; s < sentences.length; s++) {
    for (const t of tokens[s] ?? []) {
      const c = t.text.charCodeAt(0);
      const lower = c >= 97 && c <= 122 ? true : c < 128 ? false : /^\p{Ll}/u.test(t.text);
      // Most lower-case tokens are already in their compared form: no full stop, no curly apostrophe.
      if (lower) out.add(/[.’‘A-Z]/.test(t.text) ? normWord(t.text) : t.text);
    }
  }
  return out;
}

export { normKey };
