import { createRequire } from "node:module";
import type winkModel from "wink-eng-lite-web-model";
import type winkFactory from "wink-nlp";
import type { Sentence } from "../model/index.js";
import { retagWordSurnames } from "./names.js";

/**
 * Word tokens with part-of-speech tags for the read stage. wink-nlp (and its ~3 MB model) is loaded
 * on first use only, so a CLI run that never reads pays nothing; the instance is shared.
 */

export interface Token {
  text: string;
  /**
   * `text` in lower case, computed once when the token is made: the read stage compares tokens'
   * lower-case forms hundreds of times per sentence, and lowering at each comparison made a new
   * string (and hashed it again for every set lookup) each time. A copy that changes `text` must
   * set `lower` too.
   */
  lower: string;
  /** Body offsets. */
  start: number;
  end: number;
  /** Universal POS tag from wink ("PROPN", "VERB", …), or "" when the text was not tagged. */
  pos: string;
}

/**
 * Characters per article run through the tagger. wink tags roughly 1 MB/s; a normal article is
 * under 30,000 characters, so this only bites on pathological pages, which then fall back to
 * capitalisation-only tokens instead of stalling the run.
 */
export const MAX_TAGGED_CHARS = 300_000;

/** A wink token must be found this close to where the previous one ended, or the mapping is off. */
const TOKEN_SEARCH_WINDOW = 16;

type Wink = ReturnType<typeof winkFactory>;
let instance: Wink | null = null;

function nlp(): Wink {
  if (instance === null) {
    const require = createRequire(import.meta.url);
    const factory = require("wink-nlp") as typeof winkFactory;
    const model = require("wink-eng-lite-web-model") as typeof winkModel;
    // Only tokens and POS are needed; skipping NER and sentiment keeps tagging fast.
    instance = factory(model, ["pos"]);
  }
  return instance;
}

// Dotted acronyms (U.S.), possessive endings, words with inner hyphens/apostrophes/dots, or any
// single other non-space character.
const FALLBACK_TOKEN = /(?:\p{L}\.){2,}|[’']s(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:[-’'.][\p{L}\p{N}]+)*|\S/gu;

/** A token of `text` at body offset `start`, its lower-case form made once here. */
function token(text: string, start: number, pos: string): Token {
  return { text, lower: text.toLowerCase(), start, end: start + text.length, pos };
}

/** Regex tokens without tags: used beyond the tagging budget or if wink's tokens cannot be mapped. */
export function plainTokens(text: string, base: number): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(FALLBACK_TOKEN)) {
    out.push(token(m[0], base + m.index, ""));
  }
  return out;
}

/** A dash between two words inside one wink token ("Post–shows"): the words and the dash, each a token. */
const INNER_DASH = /[–—]/;

/** Two capitalised words the tagger left joined by a hyphen ("Post-ABC" in "Washington Post-ABC News"). */
const CAPITAL_HYPHEN = /^(\p{Lu}[\p{L}.]*)-(?=\p{Lu})/u;

/** A possessive ending the tagger left on a capitalised word ("Trump's"). */
const GLUED_POSSESSIVE = /^(\p{Lu}[\p{L}.'’-]*?)(['’]s)$/u;

function pushSplitAtDashes(out: Token[], text: string, start: number, pos: string): void {
  // Nearly every token has neither a glued possessive nor a hyphen or dash: one scan of its
  // character codes rules them out before any pattern runs.
  let quoted = false;
  let dashed = false;
  let hyphened = false;
  if (text.length > 2) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 45) hyphened = true;
      else if (c === 0x2013 || c === 0x2014) dashed = true;
    }
    const before = text.charCodeAt(text.length - 2);
    quoted = text.charCodeAt(text.length - 1) === 115 && (before === 39 || before === 0x2019);
  }
  const capHyphen = hyphened ? CAPITAL_HYPHEN.exec(text) : null;
  if (capHyphen) {
    // "Post-ABC": wink splits most hyphens ("Al - Assad") but keeps this one; split it the same way.
    const left = capHyphen[1] as string;
    out.push(token(left, start, pos), token("-", start + left.length, "PUNCT"));
    pushSplitAtDashes(out, text.slice(left.length + 1), start + left.length + 1, pos);
    return;
  }
  if (!quoted && !dashed) {
    out.push(token(text, start, pos));
    return;
  }
  const possessive = quoted ? GLUED_POSSESSIVE.exec(text) : null;
  if (possessive) {
    const stem = possessive[1] as string;
    out.push(token(stem, start, pos), token(possessive[2] as string, start + stem.length, "PART"));
    return;
  }
  const at = text.search(INNER_DASH);
  if (at <= 0 || at === text.length - 1) {
    out.push(token(text, start, pos));
    return;
  }
  const left = text.slice(0, at);
  out.push(token(left, start, pos), token(text[at] as string, start + at, "PUNCT"));
  pushSplitAtDashes(out, text.slice(at + 1), start + at + 1, "");
}

/** Tag one passage with wink, mapping each token back to its offset; null if mapping fails. */
function taggedTokens(text: string, base: number): Token[] | null {
  const wink = nlp();
  // One token collection read twice: wink builds a fresh collection object per `tokens()` call.
  const tokens = wink.readDoc(text).tokens();
  const values = tokens.out(wink.its.value) as string[];
  const tags = tokens.out(wink.its.pos) as string[];
  const out: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string;
    const at = text.indexOf(v, cursor);
    if (at < 0 || at - cursor > TOKEN_SEARCH_WINDOW) return null;
    pushSplitAtDashes(out, v, base + at, tags[i] ?? "");
    cursor = at + v.length;
  }
  return out;
}

const cache = new WeakMap<readonly Sentence[], Token[][]>();

/**
 * Tokens of every sentence (same indices as `sentences`), tagged while the budget lasts. Cached
 * per sentence array so entities, quotes and reported speech share one tagging pass. Tagging is
 * sentence by sentence: one wink document per article was measured slower on the dev split
 * (wink's per-document work grows with the document), so the per-call cost is the cheaper one.
 */
export function sentenceTokens(sentences: readonly Sentence[]): Token[][] {
  const hit = cache.get(sentences);
  if (hit) return hit;
  let budget = MAX_TAGGED_CHARS;
  const out = sentences.map((s) => {
    if (budget >= s.text.length) {
      budget -= s.text.length;
      const tagged = taggedTokens(s.text, s.start);
      if (tagged) return tagged;
    }
    return plainTokens(s.text, s.start);
  });
  retagWordSurnames(out);
  cache.set(sentences, out);
  return out;
}
