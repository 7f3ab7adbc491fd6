import type { Span } from "../../model/index.js";
import { normTitle, PERSON_TITLES } from "../entities/lexicon.js";
import type { Token } from "../nlp.js";
import { reportingLemma } from "./cues.js";
import {
  DEICTIC_PRONOUNS,
  FUNCTION_TAGS,
  INDEFINITE_HEADS,
  NP_INNER,
  PERSON_PRONOUNS,
  RELATIVE_PRONOUNS,
  SKIPPABLE,
  SUBORDINATORS,
  THING_PRONOUNS,
} from "./words.js";

/** Predicates and small helpers on tagged tokens, for finding noun phrases and verbs around quotations. */

/** A parenthesis inside a name ("Sen. Ted Cruz (R-Texas)") is at most this many tokens. */
export const MAX_PARENTHESIS_TOKENS = 10;

export function isWord(t: Token): boolean {
  return /[\p{L}\p{N}]/u.test(t.text);
}

export function isCapitalised(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  // A–Z, or no capital at all for the rest of ASCII: most tokens, decided without the Unicode pattern.
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(t.text);
}

export function lower(t: Token | undefined): string {
  return t ? t.lower : "";
}

export function isPronoun(t: Token): boolean {
  const w = t.lower;
  return PERSON_PRONOUNS.has(w) || THING_PRONOUNS.has(w) || DEICTIC_PRONOUNS.has(w) || w === "they";
}

export function skippable(t: Token): boolean {
  const w = t.lower;
  // "Prime Minister Theresa May said": a capitalised "May" is a name, not the modal.
  if (isCapitalised(t) && (t.pos === "PROPN" || t.pos === "NOUN" || t.pos === "")) return false;
  return SKIPPABLE.has(w) || (t.pos === "ADV" && !/^(?:how|why|when|where|so|as|not)$/.test(w));
}

/** Can `t` be inside a subject noun phrase? */
export function npToken(t: Token): boolean {
  const w = t.lower;
  if (NP_INNER.has(w)) return true;
  // "Later, …", "However, …": a capital at the start of a sentence does not make a function word a name.
  if (isCapitalised(t)) return !FUNCTION_TAGS.has(t.pos) || t.text === "I";
  if (SUBORDINATORS.has(w) || RELATIVE_PRONOUNS.has(w)) return false;
  return (
    ["NOUN", "PROPN", "ADJ", "NUM"].includes(t.pos) ||
    (t.pos === "" && /^\p{Ll}/u.test(t.text) && t.text.length > 2)
  );
}

/** A noun or a name: what a preposition inside a noun phrase follows ("director of", "narrator in"). */
export function nounLike(t: Token): boolean {
  if (INDEFINITE_HEADS.has(t.lower)) return true;
  return t.pos === "NOUN" || t.pos === "PROPN" || (t.pos === "" && /^\p{L}/u.test(t.text));
}

/**
 * A lower-case past or present participle the tagger read as a verb but which modifies a noun
 * ("one unaligned strategist", "a retired general", "the leading candidate").
 */
export function participialAdjective(t: Token): boolean {
  return t.pos === "VERB" && /^\p{Ll}[\p{Ll}-]*(?:ed|ing)$/u.test(t.text) && !reportingLemma(t.text);
}

/** Is `t` a finite verb (or auxiliary) that can head a clause: not a participle or an infinitive? */
export function finiteVerb(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (t.pos !== "VERB" && t.pos !== "AUX") return false;
  if (/ing$/i.test(t.text)) return false;
  return lower(tokens[i - 1]) !== "to";
}

export function span(tokens: readonly Token[], from: number, to: number): Span {
  return { start: (tokens[from] as Token).start, end: (tokens[to - 1] as Token).end };
}

/** The title-stripped capitalised words of a phrase, as the speaker's name when no entity matches. */
export function bareName(tokens: readonly Token[], from: number, to: number, body: string): string | null {
  let s = from;
  while (s < to && !isCapitalised(tokens[s] as Token)) s++;
  let e = to;
  while (e > s && !isCapitalised(tokens[e - 1] as Token)) e--;
  while (s < e && PERSON_TITLES.has(normTitle((tokens[s] as Token).text))) s++;
  if (e <= s) return null;
  // "Sen. Ted Cruz (R-Texas)": the party-and-state tag is not part of the name.
  const open = tokens.slice(s, e).findIndex((t) => t.text === "(");
  if (open > 0) e = s + open;
  while (e > s && /^[’'-]$|^[’']s$/.test((tokens[e - 1] as Token).text)) e--;
  if (e <= s) return null;
  return body.slice((tokens[s] as Token).start, (tokens[e - 1] as Token).end);
}

/** Index of the "(" matching the ")" at `close`, within MAX_PARENTHESIS_TOKENS, or -1. */
export function openParen(tokens: readonly Token[], close: number, floor: number): number {
  for (let j = close - 1; j >= floor && close - j <= MAX_PARENTHESIS_TOKENS; j--) {
    const x = (tokens[j] as Token).text;
    if (x === "(") return j;
    if (x === ")") return -1;
  }
  return -1;
}

/** Index of the ")" matching the "(" at `open`, within MAX_PARENTHESIS_TOKENS, or -1. */
export function closeParen(tokens: readonly Token[], open: number, limit: number): number {
  for (let j = open + 1; j < limit && j - open <= MAX_PARENTHESIS_TOKENS; j++) {
    const x = (tokens[j] as Token).text;
    if (x === ")") return j;
    if (x === "(") return -1;
  }
  return -1;
}
