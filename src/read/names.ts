import type { Token } from "./nlp.js";
import { reportingLemma } from "./quotes/cues.js";

/**
 * Surnames that are also English words ("George Will", "Theresa May", "David Jolly", "Ian Read")
 * are tagged as that word: "Will said" reads as a modal, "Jolly said" as an adverb. Every later
 * step (entities, quotes, reported speech) then misses the subject. In front of an inflected
 * verb of saying ("said", "told", "says") such a word is the verb's subject when:
 * - its capital is not forced (not the first word of a sentence or quotation): "…,” Will said";
 * - or it is a modal, which never takes an inflected verb after it ("May said", "Will urged");
 * - or the article writes it capitalised in mid-sentence elsewhere ("Rep. David Jolly").
 * The token is then tagged PROPN, as is a capitalised auxiliary opening a name ("columnist Ai Jun").
 */

/**
 * Tags a surname that is also a word gets from the tagger ("May" opening a sentence is a NOUN,
 * "…,” From said" a preposition).
 */
const WORD_TAGS: ReadonlySet<string> = new Set(["AUX", "VERB", "ADV", "ADJ", "NOUN", "ADP"]);

const INTENSIFIERS: ReadonlySet<string> = new Set(["itself", "himself", "herself", "themselves"]);

const MODALS: ReadonlySet<string> = new Set(["will", "may", "can", "might", "must", "shall"]);

const OPENING_MARKS: ReadonlySet<string> = new Set(['"', "“", "‘", "'", "«", "("]);

/** Capitalised and not shouted: "Will", not "WILL" (a headline's emphasis) or "will". */
function capitalised(text: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(text);
}

/** Is the capital of token `i` forced: the first word of the sentence, or of a quotation inside it? */
function forcedCapital(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (prev === undefined) return true;
  if (/^[.!?:]$/.test(prev.text)) return true;
  // An opening mark is glued to the word after it: "“Will …"; a closing one stands apart: "…,” Will".
  return OPENING_MARKS.has(prev.text) && prev.end === (tokens[i] as Token).start;
}

/**
 * An inflected verb of saying in lower case ("said", "says", "told", "urged"), not its base form
 * ("will say"); a headline capitalises its verbs and its adverbs alike ("Sharpton Just Said").
 */
function inflectedSaying(t: Token | undefined): boolean {
  if (t === undefined || t.pos !== "VERB" || !/^\p{Ll}/u.test(t.text) || /ing$/.test(t.lower)) return false;
  const lemma = reportingLemma(t.text);
  return lemma !== null && lemma !== t.lower;
}

/** Retag, in place, the surnames-that-are-words before verbs of saying in an article's sentences. */
export function retagWordSurnames(sentences: Token[][]): void {
  let named: Set<string> | null = null;
  for (const tokens of sentences) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      const t = tokens[i] as Token;
      if (givenNameAsAuxiliary(tokens, i)) {
        tokens[i] = { ...t, pos: "PROPN" };
        continue;
      }
      // "Ford itself said": an intensifying pronoun may stand between the subject and its verb.
      const verb = INTENSIFIERS.has(tokens[i + 1]?.lower ?? "") ? i + 2 : i + 1;
      if (!WORD_TAGS.has(t.pos) || !capitalised(t.text) || !inflectedSaying(tokens[verb])) continue;
      // After a capitalised word the tagger did not call a name ("Zero Hedge"), the two are one
      // name and retagging only the second would split it.
      const prev = tokens[i - 1];
      if (prev !== undefined && capitalised(prev.text) && prev.pos !== "PROPN") continue;
      // A sentence-initial noun is a name only as a modal: "Officials said" is a plural noun.
      if (forcedCapital(tokens, i) && !MODALS.has(t.lower)) {
        if (t.pos === "NOUN" || t.pos === "ADP") continue;
        named ??= midSentenceCapitals(sentences);
        if (!named.has(t.text)) continue;
      }
      tokens[i] = { ...t, pos: "PROPN" };
    }
  }
}

/**
 * "columnist Ai Jun", "…,” Will Smith said": a capitalised auxiliary in mid-sentence, after a word
 * in lower case and before a proper noun, opens that name. A headline's auxiliary follows a
 * capitalised word ("Trump Will Visit Mexico") and is left alone.
 */
function givenNameAsAuxiliary(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  return (
    t.pos === "AUX" &&
    capitalised(t.text) &&
    next?.pos === "PROPN" &&
    capitalised(next.text) &&
    !forcedCapital(tokens, i) &&
    prev !== undefined &&
    !/^\p{Lu}/u.test(prev.text)
  );
}

/** Words the article capitalises where the capital is not forced: names, or words of a title. */
function midSentenceCapitals(sentences: readonly Token[][]): Set<string> {
  const out = new Set<string>();
  for (const tokens of sentences) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      // Whatever the tag: the tagger reads "Ford" in "about Ford canceling its plant" as a verb.
      if (t.pos !== "PRON" && t.pos !== "DET" && capitalised(t.text) && !forcedCapital(tokens, i))
        out.add(t.text);
    }
  }
  return out;
}
