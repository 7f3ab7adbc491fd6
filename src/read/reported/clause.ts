import type { Token } from "../nlp.js";
import type { SpanSet } from "../quotes/mentions.js";
import { isWord } from "../quotes/tokens.js";
import { cueLemma, isParticiple } from "./lexicon.js";

/**
 * Where an attributed content starts and stops inside one sentence. Contents are kept to the
 * clause proper: they stop at the sentence end, at a semicolon, and where a new attribution
 * begins (", adding that …", "and argued that …", ", he said"), so a span never swallows the next
 * attribution's source and cue.
 */

/**
 * Longest content taken, in tokens. A reported clause is rarely longer than a long sentence
 * (~80 words); the bound also keeps the scan linear on hostile input.
 */
export const MAX_CONTENT_TOKENS = 120;

/** Auxiliaries, modals and negation that belong to a verb group ("has not yet said"). */
export const AUXILIARIES: ReadonlySet<string> = new Set(
  `is was are were be been being am 's ’s has have had having do does did will would shall should can
could may might must ought not n't n’t never also still just already again repeatedly reportedly
previously later then once recently publicly privately often long widely first even quickly clearly
openly further now initially actually really only always`.split(/\s+/),
);

/** Forms of "be" that make a following participle passive ("was asked", "is expected"). */
export const BE_FORMS: ReadonlySet<string> = new Set([
  "is",
  "was",
  "are",
  "were",
  "be",
  "been",
  "being",
  "am",
  "'s",
  "’s",
  "get",
  "got",
  "gets",
  "getting",
]);

/**
 * Conjunctions that, after a comma, open the writer's own contrasting or following clause
 * ("… they would vote for him, while 9 percent …"): the reported content ends before them.
 */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([
  "while",
  "whereas",
  "but",
  "however",
  "although",
  "though",
  "yet",
]);

/** Relative pronouns that, after a comma, open a non-restrictive relative clause. */
const NON_RESTRICTIVE: ReadonlySet<string> = new Set(["which", "who", "whose", "where"]);

/** Words of a subject scanned between a conjunction and a new cue ("and more than 4 in 10 said"). */
const MAX_NEW_SUBJECT_TOKENS = 6;

/** Tags of a short lower-case subject phrase (", the two officials said"). */
const LOWER_SUBJECT_TAGS: ReadonlySet<string> = new Set(["DET", "ADJ", "NOUN", "NUM"]);

/** Subject pronouns that open a trailing attribution (", he said"). */
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(["he", "she", "they", "we", "i", "it", "you"]);

/** Closing marks that may follow the sentence's final full stop. */
const CLOSERS = /^[”"’')\]»]+$/;

/** Punctuation trimmed off either end of a content span. */
const EDGE_PUNCTUATION = /^[,;:—–\-(]+$/;

/** A cue verb form at `i` that is a finite or participle verb, not a noun ("the call"). */
export type CueTest = (i: number) => boolean;

/** Is `i` the sentence's closing punctuation (only closing marks after it)? */
function isFinalStop(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!/^[.!?…]+$/.test(t.text)) return false;
  for (let j = i + 1; j < tokens.length; j++) if (!CLOSERS.test((tokens[j] as Token).text)) return false;
  return true;
}

/**
 * Does a new attribution start at token `j` (just after a comma or a conjunction)? A participle
 * cue (", adding that"), "according to", or a short subject and a cue (", he said", "and Clinton
 * argued").
 */
export function startsAttribution(tokens: readonly Token[], at: number, isCue: CueTest): boolean {
  let j = at;
  while (tokens[j] && CLOSERS.test((tokens[j] as Token).text)) j++;
  const t = tokens[j];
  if (!t) return false;
  const lower = t.lower;
  if (lower === "according" && tokens[j + 1]?.lower === "to") return true;
  if (isCue(j) && isParticiple(t.text)) return true;
  // A subject of at most three words, then (after auxiliaries) a cue verb.
  let k = j;
  if (SUBJECT_PRONOUNS.has(lower)) k = j + 1;
  else {
    // ", the New York Times reported": a determiner before the name.
    if (/^(?:the|a)$/.test(lower) && tokens[j + 1] && /^\p{Lu}/u.test((tokens[j + 1] as Token).text)) k++;
    const named = k;
    while (k < named + 4 && tokens[k] && /^\p{Lu}/u.test((tokens[k] as Token).text)) k++;
    if (k === named) k = j;
    // ", records show.", ", the officials said": a short lower-case noun phrase as the subject.
    if (k === j) {
      while (k < j + 4 && tokens[k] && !isCue(k) && LOWER_SUBJECT_TAGS.has((tokens[k] as Token).pos)) k++;
      // ", journalist Martha Raddatz said", ", county clerk Tom Reyes said": a title, then the name.
      const titled = k;
      while (k > j && k < titled + 4 && tokens[k] && !isCue(k) && /^\p{Lu}/u.test((tokens[k] as Token).text))
        k++;
      if (k === j || (k === titled && (tokens[k - 1] as Token).pos !== "NOUN")) return false;
    }
  }
  let skipped = 0;
  while (tokens[k] && skipped < 3 && AUXILIARIES.has((tokens[k] as Token).lower)) {
    k++;
    skipped++;
  }
  return isCue(k) && !isParticiple((tokens[k] as Token).text);
}

/**
 * A finite cue verb soon after a conjunction: the same subject's next attribution ("and argued",
 * "but also said") or a new subject's ("and three-quarters said").
 */
function coordinatedCue(tokens: readonly Token[], j: number, isCue: CueTest): boolean {
  for (let k = j; k < Math.min(tokens.length, j + MAX_NEW_SUBJECT_TOKENS); k++) {
    const t = tokens[k] as Token;
    if (!isWord(t) || t.lower === "that") return false;
    if (isCue(k)) return !isParticiple(t.text) && cueLemma(t.text) !== null;
    if (t.pos === "VERB" || (t.pos === "AUX" && !AUXILIARIES.has(t.lower))) return false;
  }
  return false;
}

/** A comma, or a dash standing apart from its words ("— a move …", " - the first …"). */
function isAsideMark(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j] as Token;
  if (t.text === "," || t.text === "—" || t.text === "–") return true;
  return (
    t.text === "-" && (tokens[j - 1]?.end ?? t.start) < t.start && t.end < (tokens[j + 1]?.start ?? t.end)
  );
}

/** Words that open a relative clause inside an appositive ("a move that could …"). */
const RELATIVE_OPENERS: ReadonlySet<string> = new Set([
  "that",
  "which",
  "who",
  "whom",
  "whose",
  "where",
  "when",
]);

/**
 * Does an appositive noun phrase start at `k` and run to the sentence's end? "…, a claim that
 * Gowdy's office disputes.", "…, the maker of Botox.", "… — a swipe at the recent disturbances.":
 * the writer's description of the last noun, or comment on the whole, not part of what was said.
 * An article opens it, and no finite verb follows before a relative clause opens ("that", "which",
 * or a second noun phrase right after a noun: "a plan [the billionaire has modified]"); a finite
 * verb first makes it a clause of the writer's (", the race will be tight").
 */
function closingAppositive(tokens: readonly Token[], k: number): boolean {
  if (!/^(?:a|an|the)$/i.test(tokens[k]?.text ?? "")) return false;
  for (let j = k + 1; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    const w = t.lower;
    if (isFinalStop(tokens, j)) return true;
    // A comma or a colon closes the phrase before the sentence goes on ("Reyes, the clerk, on Tuesday").
    if (w === ";" || w === ":" || w === ",") return false;
    if (RELATIVE_OPENERS.has(w)) return ends(tokens, j);
    const prev = tokens[j - 1] as Token;
    if (["DET", "PRON", "PROPN"].includes(t.pos) && prev.pos === "NOUN" && j > k + 1) return ends(tokens, j);
    const finite = t.pos === "AUX" || (t.pos === "VERB" && !isParticiple(t.text) && w !== "to");
    if (finite && prev.lower !== "to") return false;
  }
  return false;
}

/** Does the sentence end after `j` with no semicolon between (the clause opened at `j` is the last)? */
function ends(tokens: readonly Token[], j: number): boolean {
  for (let i = j; i < tokens.length; i++) {
    if ((tokens[i] as Token).text === ";") return false;
    if (isFinalStop(tokens, i)) return true;
  }
  return false;
}

/** Token index where a content starting at `from` ends (exclusive). */
export function contentEnd(
  tokens: readonly Token[],
  from: number,
  isCue: CueTest,
  quoted: SpanSet,
  stopAtComma = false,
): number {
  const stop = Math.min(tokens.length, from + MAX_CONTENT_TOKENS);
  for (let j = from; j < stop; j++) {
    const t = tokens[j] as Token;
    if (quoted.has(t.start)) continue;
    const lower = t.lower;
    if (lower === ";") return j;
    if (isFinalStop(tokens, j)) return j;
    if (j > from && lower === "," && startsAttribution(tokens, j + 1, isCue)) return j;
    if (
      j > from &&
      CLOSERS.test(t.text) &&
      tokens[j - 1]?.text === "," &&
      startsAttribution(tokens, j + 1, isCue)
    )
      return j;
    if (j > from && lower === "," && CLAUSE_BREAKS.has(tokens[j + 1]?.lower ?? "")) return j;
    // ", which the court has put on hold": a non-restrictive relative is the writer's aside on the
    // last noun, not part of what was said.
    if (j > from && lower === "," && NON_RESTRICTIVE.has(tokens[j + 1]?.lower ?? "")) return j;
    if (j > from && isAsideMark(tokens, j) && closingAppositive(tokens, j + 1)) return j;
    if (stopAtComma && j > from && lower === ",") return j;
    if (j > from && (lower === "and" || lower === "but") && coordinatedCue(tokens, j + 1, isCue)) {
      // ", and argued": the comma before the conjunction is not content either.
      return tokens[j - 1]?.text === "," ? j - 1 : j;
    }
  }
  return stop;
}

/**
 * Token index where a content that ends before `to` starts: the clause start (sentence start or
 * after ";"), or just after an earlier cue ("Christie said that [it was natural — no different],
 * he said, …"), so a content never takes in another attribution's cue.
 */
export function contentStart(tokens: readonly Token[], to: number, isCue: CueTest): number {
  const floor = Math.max(0, to - MAX_CONTENT_TOKENS);
  let s = to;
  while (s > floor && (tokens[s - 1] as Token).text !== ";" && !isCue(s - 1)) s--;
  if (s > 0 && isCue(s - 1) && (tokens[s] as Token | undefined)?.lower === "that") s++;
  return s;
}

/** [from, to) without punctuation at either end; to ≤ from when nothing is left. */
export function trimEdges(tokens: readonly Token[], from: number, to: number): [number, number] {
  let s = from;
  let e = to;
  while (s < e && EDGE_PUNCTUATION.test((tokens[s] as Token).text)) s++;
  while (e > s && EDGE_PUNCTUATION.test((tokens[e - 1] as Token).text)) e--;
  return [s, e];
}

/** Day and time words that open an adjunct after an object ("endorsed Cruz [last week]"). */
const TIME_WORDS: ReadonlySet<string> = new Set(
  `monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow last earlier
later recently`.split(/\s+/),
);

/** Prepositions and subordinators that open an adjunct, not part of the object noun phrase. */
const ADJUNCT_OPENERS: ReadonlySet<string> = new Set(
  "during after before while when because since amid despite until as whereas if unless".split(" "),
);

/** Prepositions of place and occasion that attach to the verb rather than to the object before them. */
const SCENE_PREPOSITIONS: ReadonlySet<string> = new Set(["in", "at", "during", "on", "via", "through", "to"]);

/**
 * Where an object content ends: the noun phrase proper ("criticized [the plan] during a rally on
 * Tuesday"), before a comma, a time adjunct, an adverbial clause, or a new predicate of the same
 * subject ("endorsed Trump [and has appeared] at his side"). Never past `limit`.
 */
export function phraseEnd(tokens: readonly Token[], from: number, limit: number): number {
  for (let j = from + 1; j < limit; j++) {
    const t = tokens[j] as Token;
    const w = t.lower;
    if (w === "," || w === "—" || w === "–" || TIME_WORDS.has(w) || ADJUNCT_OPENERS.has(w)) return j;
    if (w === "on" && TIME_WORDS.has(tokens[j + 1]?.lower ?? "")) return j;
    // "denounced the annexation [in an on-air diatribe]", "called for more investment [in a
    // statement]": after the object's noun, a preposition of place or occasion sets the scene.
    if (
      SCENE_PREPOSITIONS.has(w) &&
      ["NOUN", "PROPN", "PRON"].includes((tokens[j - 1] as Token).pos) &&
      ["DET", "PROPN", "PRON", "NOUN", "ADJ", "NUM"].includes(tokens[j + 1]?.pos ?? "")
    )
      return j;
    if ((w === "and" || w === "but") && ["AUX", "VERB"].includes(tokens[j + 1]?.pos ?? "")) return j;
  }
  return limit;
}

/**
 * Where a content inside a relative or reduced relative clause ends: at the main clause's verb
 * ("voters who [want to unseat her] are reaping …", "those saying [they want a ban] is as high as …",
 * "voters who said [the economy mattered most] backed Ruiz"). A clause content keeps its own first
 * verb group; the next finite verb after a noun or modifier closes it. Stopping early keeps the span
 * inside the clause.
 */
export function relativeEnd(tokens: readonly Token[], from: number, limit: number, clause: boolean): number {
  let sawNoun = false;
  let ownVerb = !clause || (tokens[from] as Token | undefined)?.lower === "to";
  for (let j = from; j < limit; j++) {
    const t = tokens[j] as Token;
    const finite = t.pos === "AUX" || (t.pos === "VERB" && !isParticiple(t.text));
    if (t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "PRON") sawNoun = true;
    else if (finite && sawNoun && j > from + 1) {
      if (!ownVerb) {
        // The content's own verb group ("the vote [would slip]"): skip it whole.
        ownVerb = true;
        if (t.pos === "AUX") {
          while (j + 1 < limit && ["AUX", "ADV", "PART"].includes((tokens[j + 1] as Token).pos)) j++;
          if (j + 1 < limit && (tokens[j + 1] as Token).pos === "VERB") j++;
        }
        continue;
      }
      if (["NOUN", "PROPN", "ADV", "ADJ", "NUM", "VERB"].includes((tokens[j - 1] as Token).pos)) return j;
    }
  }
  return limit;
}
