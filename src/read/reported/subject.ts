import type { Token } from "../nlp.js";
import { isWord, lower } from "../quotes/tokens.js";

/**
 * The subject of a cue verb found from the clause's start, for the subjects too long for a look
 * back from the verb: "An analysis by Politifact of elections going back to 1972 showed …",
 * "Exit polls taken in South Carolina found …", "Ted Cruz, who won Oklahoma, is calling for …",
 * "executives who have worked with Lachlan Murdoch say …", "Cruz himself said …". The clause opens
 * with a noun phrase; what stands between it and the verb must be its modifiers (prepositional
 * phrases, a relative or participle clause, an appositive or aside between commas or dashes, an
 * emphatic pronoun), never a finite verb of the clause's own.
 */

/** Token range [from, to) of the subject's head noun phrase, or null. */
export type SubjectRange = [number, number] | null;

/** Longest stretch scanned between a clause start and its verb. */
const MAX_SUBJECT_SPAN = 40;

/** Words the clause may open with before its subject ("But", "And", "Still,"). */
const OPENERS: ReadonlySet<string> = new Set(
  "but and so yet still now also then however meanwhile instead indeed moreover".split(" "),
);

/** Words that leave the subject as it is between it and the verb ("Cruz himself", "Polls there", "both"). */
const FLOATING: ReadonlySet<string> = new Set(
  `himself herself themselves itself myself ourselves both all each alone too there here also still even
now then already again yet long jointly together`.split(/\s+/),
);

/** Subordinators opening the clause the cue stands in. */
const SUBORDINATORS: ReadonlySet<string> = new Set(
  "while when whenever although though because since if once until unless whereas after before as".split(" "),
);

/** Dashes that open and close an aside ("Democrats -- including Clinton -- accused"). */
const DASHES: ReadonlySet<string> = new Set(["—", "–", "―", "--", "-"]);

/** Relative pronouns opening a clause that modifies the subject. */
const RELATIVES: ReadonlySet<string> = new Set(["who", "whom", "whose", "which", "that"]);

/** Tags of words inside a noun phrase. */
const NP_TAGS: ReadonlySet<string> = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"]);

/** Determiners and possessives that may open the phrase. */
const NP_OPENERS: ReadonlySet<string> = new Set(
  "a an the this that these those his her their its our my your some many most several few all both each every no one two three".split(
    " ",
  ),
);

/** Pronouns that are no subject heads ("him", "them") or stand for the reader ("you"). */
const NON_SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(["him", "them", "me", "us", "you", "it", "what"]);

/** A finite verb of a clause: an auxiliary, or a verb in neither -ing nor a participle form. */
function isFiniteVerb(t: Token): boolean {
  return t.pos === "AUX" || (t.pos === "VERB" && !/ing$/i.test(t.text) && !/(?:ed|en|wn)$/i.test(t.text));
}

/** Where the clause holding `verb` starts: after ";", ":", a dash opening it, or the sentence start. */
function clauseStart(tokens: readonly Token[], verb: number): number {
  for (let k = verb - 1; k >= 0 && verb - k <= MAX_SUBJECT_SPAN; k--) {
    const w = lower(tokens[k]);
    if (w === ";" || w === ":") return k + 1;
    // "Valeant was spurned, and Allergan then agreed …": a new clause after a comma and a conjunction.
    if (w === "," && /^(?:and|but|so|yet)$/.test(lower(tokens[k + 1]))) return k + 2;
  }
  return verb - MAX_SUBJECT_SPAN > 0 ? -1 : 0;
}

/** End (exclusive) of the noun phrase opening at `s`, or `s` when none opens there. */
function phraseEnd(tokens: readonly Token[], s: number, limit: number): number {
  let e = s;
  while (e < limit) {
    const t = tokens[e] as Token;
    const w = lower(t);
    if (e === s && NP_OPENERS.has(w)) {
      e++;
      continue;
    }
    if (w === "’s" || w === "'s") {
      if (e === s) return s;
      e++;
      continue;
    }
    if (t.pos === "PRON" && (e > s || NON_SUBJECT_PRONOUNS.has(w))) break;
    if (!NP_TAGS.has(t.pos) || !isWord(t)) {
      // "Hillary Clinton and Bernie Sanders", "His campaign and much of the media".
      if ((w === "and" || w === "&") && e > s && NP_TAGS.has(tokens[e + 1]?.pos ?? "")) {
        e++;
        continue;
      }
      if (
        t.text === "-" &&
        e > s &&
        tokens[e + 1] &&
        isWord(tokens[e + 1] as Token) &&
        !spacedDash(tokens, e)
      ) {
        e++;
        continue;
      }
      break;
    }
    if (t.pos === "DET" && e > s && !NP_OPENERS.has(w)) break;
    e++;
  }
  // A phrase never ends on a determiner or a possessive mark.
  while (
    e > s &&
    (["DET"].includes((tokens[e - 1] as Token).pos) || /^(?:and|&|-)$/.test(lower(tokens[e - 1])))
  )
    e--;
  return e;
}

/** A dash standing apart from the words beside it (" - "), not one joining them ("12-employee"). */
function spacedDash(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (!DASHES.has(t.text)) return false;
  if (t.text !== "-") return true;
  const p = tokens[k - 1];
  const n = tokens[k + 1];
  return p !== undefined && n !== undefined && p.end < t.start && t.end < n.start;
}

/** Index of the token closing an aside opened at `open` ("(", a dash, ","), before `limit`; -1 if none. */
function asideEnd(tokens: readonly Token[], open: number, limit: number): number {
  const mark = (tokens[open] as Token).text;
  if (DASHES.has(mark)) {
    for (let k = open + 1; k < limit; k++) if (spacedDash(tokens, k)) return k;
    return -1;
  }
  const close = mark === "(" ? ")" : mark;
  for (let k = open + 1; k < limit; k++) if ((tokens[k] as Token).text === close) return k;
  return -1;
}

/**
 * The subject's head phrase for the finite cue verb group starting at `from`, or null when the
 * clause does not open with a noun phrase whose modifiers reach the verb.
 */
export function clauseInitialSubject(tokens: readonly Token[], from: number): SubjectRange {
  const start = clauseStart(tokens, from);
  if (start < 0) return null;
  // The clause may also open after a subordinator inside the sentence ("The issue took on
  // prominence as [Clinton and Sanders both sought] …"): the latest opening that works wins.
  const starts = [start];
  for (let k = start + 1; k < from - 1; k++) {
    // "pitched as the ultimate destination": "as" after a verb is a preposition.
    const preposition = lower(tokens[k]) === "as" && tokens[k - 1]?.pos === "VERB";
    if (SUBORDINATORS.has(lower(tokens[k])) && tokens[k - 1]?.text !== "," && !preposition)
      starts.push(k + 1);
  }
  for (let n = starts.length - 1; n >= 0; n--) {
    const found = subjectFrom(tokens, starts[n] as number, from);
    if (found) return found;
  }
  return null;
}

/** Longest fronted prepositional phrase skipped before the subject ("On the Republican side, …"). */
const MAX_FRONTED_PHRASE_TOKENS = 10;

/** The subject phrase of a clause that starts at `start`, its verb group at `from`. */
function subjectFrom(tokens: readonly Token[], start: number, from: number): SubjectRange {
  let s = start;
  while (s < from && (OPENERS.has(lower(tokens[s])) || tokens[s]?.text === ",")) s++;
  // "While many trial lawyers opposed the decisions, …": the cue's own subordinate clause.
  if (SUBORDINATORS.has(lower(tokens[s]))) s++;
  // "On the Republican side, Mr. Trump, who …, projected": a fronted phrase and its comma.
  if (tokens[s]?.pos === "ADP" && !SUBORDINATORS.has(lower(tokens[s]))) {
    let c = s + 1;
    while (
      c < from &&
      c - s <= MAX_FRONTED_PHRASE_TOKENS &&
      tokens[c]?.text !== "," &&
      !isFiniteVerb(tokens[c] as Token)
    )
      c++;
    if (tokens[c]?.text === ",") s = c + 1;
  }
  // A quotation or a bracket opening the clause is no subject.
  while (s < from && /^[“"‘'([—–-]$/.test((tokens[s] as Token).text)) s++;
  if (s >= from) return null;
  const first = tokens[s] as Token;
  if (!NP_TAGS.has(first.pos) && !NP_OPENERS.has(lower(first))) return null;
  let e = phraseEnd(tokens, s, from);
  if (e <= s) return null;
  // "His campaign and much of the media": a conjunct that is no noun phrase of its own ends the head
  // phrase before the conjunction; the rest is checked as a modifier.
  if (!["NOUN", "PROPN", "PRON", "NUM"].includes((tokens[e - 1] as Token).pos)) {
    let and = e - 1;
    while (and > s && lower(tokens[and]) !== "and") and--;
    if (and > s) e = and;
  }
  // The head must be a noun or a name (or a subject pronoun standing alone).
  const head = tokens[e - 1] as Token;
  if (!["NOUN", "PROPN", "PRON", "NUM"].includes(head.pos)) return null;
  if (e === from) return null;
  return modifiersReach(tokens, e, from) ? [s, e] : null;
}

/** Do the words in [e, verb) only modify the subject that ends at `e`? */
function modifiersReach(tokens: readonly Token[], e: number, verb: number): boolean {
  let k = e;
  let afterNoun = true;
  while (k < verb) {
    const t = tokens[k] as Token;
    const w = lower(t);
    if (RELATIVES.has(w) && afterNoun) {
      // "executives who have worked with Lachlan Murdoch say", "Mr. Paulson, who made billions, told":
      // the relative clause runs to its closing comma, or to the verb.
      const comma = asideEnd(tokens, k - 1, verb);
      if (tokens[k - 1]?.text === "," && comma > k) {
        k = comma + 1;
        afterNoun = true;
        continue;
      }
      return !hasBreak(tokens, k + 1, verb);
    }
    if (t.text === "," || t.text === "(" || spacedDash(tokens, k)) {
      // An appositive or an aside: "The FDIC, a major U.S. banking regulator …, declined".
      const close = asideEnd(tokens, k, verb);
      if (close < 0) return false;
      if (hasBreak(tokens, k + 1, close, true)) return false;
      k = close + 1;
      // "Other Republicans, like Armitage, Paulson and Scowcroft, …": a list may go on after the comma.
      afterNoun = t.text !== ",";
      continue;
    }
    if (t.pos === "ADP" || t.pos === "PART") {
      // "An analysis by Politifact of presidential elections", "Audit files from NGP VAN".
      const np = phraseEnd(tokens, k + 1, verb);
      if (np <= k + 1) return false;
      k = np;
      afterNoun = true;
      continue;
    }
    if (t.pos === "VERB" && !isFiniteVerb(t) && afterNoun) {
      // "Exit polls taken in South Carolina", "many people jogging and walking": a participle phrase.
      k++;
      afterNoun = false;
      continue;
    }
    if (w === "and" || w === "or") {
      // "His campaign and much of the media": another conjunct of the subject.
      k++;
      afterNoun = false;
      continue;
    }
    if (FLOATING.has(w) || t.pos === "ADV") {
      k++;
      continue;
    }
    if (NP_TAGS.has(t.pos) && !afterNoun) {
      const np = phraseEnd(tokens, k, verb);
      if (np > k) {
        k = np;
        afterNoun = true;
        continue;
      }
    }
    return false;
  }
  return true;
}

/** Does [from, to) hold a clause break (";", ":", a sentence stop) or, outside a relative clause, a finite verb? */
function hasBreak(tokens: readonly Token[], from: number, to: number, aside = false): boolean {
  let relative = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    const w = lower(t);
    if (/^[;:.!?]$/.test(w)) return true;
    if (RELATIVES.has(w)) relative = true;
    // An aside may hold a verb only inside its own relative clause ("a regulator which keeps data").
    if (aside && !relative && isFiniteVerb(t)) return true;
  }
  return false;
}

/** Tokens scanned from a fronted participle for the comma that closes its phrase. */
const MAX_FRONTED_TOKENS = 25;

/**
 * "Recognizing this, Mr. Rubio joined …", "Asked about the polls, Clinton said …": a participle
 * phrase opening the sentence hangs from the main clause after its comma; the subject is the noun
 * phrase there, when a finite verb follows it. Null when none does.
 */
export function frontedSubject(tokens: readonly Token[], cue: number): SubjectRange {
  for (let k = cue + 1; k < tokens.length && k - cue <= MAX_FRONTED_TOKENS; k++) {
    const t = tokens[k] as Token;
    if (/^[;:.!?]$/.test(t.text)) return null;
    if (t.text !== ",") continue;
    const s = k + 1;
    const e = phraseEnd(tokens, s, tokens.length);
    if (e <= s) continue;
    let v = e;
    while (v < tokens.length && ((tokens[v] as Token).pos === "ADV" || FLOATING.has(lower(tokens[v])))) v++;
    const verb = tokens[v];
    if (verb && (verb.pos === "AUX" || (verb.pos === "VERB" && isFiniteVerb(verb)) || /ed$/i.test(verb.text)))
      return [s, e];
    if (verb?.text !== ",") return null;
  }
  return null;
}
