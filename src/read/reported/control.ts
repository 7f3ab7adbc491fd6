/**
 * Object control: in "the debate led Republicans to say …", "the tool allows users to tell …",
 * "companies rely on users to report …", the object of the outer verb is the understood subject
 * of the infinitive, so it, not the outer subject, holds the attitude the infinitive's cue reports.
 */
import type { Token } from "../nlp.js";
import { lower } from "../quotes/tokens.js";
import { regularLemma } from "./lexicon.js";

/**
 * Verbs whose object is the subject of the infinitive after it, as lemmas. Verbs of urging and
 * pressing ("urged", "pushed", "asked") are left out: PolNeAR reads their subject as the source and
 * "X to do" as the content, and taking X as a source lost hits on train.
 */
const CONTROL_VERBS: ReadonlySet<string> = new Set(
  `lead allow cause force prompt enable inspire spur drive get help invite need permit compel
require leave motivate`.split(/\s+/),
);

/** Verbs whose object comes after a preposition ("rely on users to …", "count on voters to …"). */
const PREPOSITIONAL_CONTROL: ReadonlySet<string> = new Set(["rely", "count", "call"]);

/** Words that take a "for X to do" complement whose X is the infinitive's subject. */
const FOR_TO_HEADS: ReadonlySet<string> = new Set(
  "enough easy easier hard harder difficult possible impossible important necessary".split(" "),
);

/** Object pronouns that stand alone as the controlled object ("led them to believe"). */
const OBJECT_PRONOUNS: ReadonlySet<string> = new Set(["him", "her", "them", "us", "me"]);

/** Tokens of the object noun phrase looked at, back from the "to" of the infinitive. */
const MAX_OBJECT_TOKENS = 6;

/** Irregular forms of the control verbs. */
const IRREGULAR: Readonly<Record<string, string>> = {
  led: "lead",
  got: "get",
  gotten: "get",
  drove: "drive",
  driven: "drive",
  left: "leave",
};

/** The lemma of a form of a control verb, or null. */
function controlLemma(word: string): string | null {
  const w = word.toLowerCase();
  if (isControlVerb(w)) return w;
  return IRREGULAR[w] ?? regularLemma(w, isControlVerb);
}

function isControlVerb(lemma: string): boolean {
  return CONTROL_VERBS.has(lemma) || PREPOSITIONAL_CONTROL.has(lemma);
}

/**
 * The token range [start, end) of the controlled object before the infinitive marker that
 * precedes the cue group at `from` ("led [Republicans] to say", "allowing [users] to tell",
 * "rely on [users] to report"), or null when the cue is no such infinitive.
 */
export function controlledObject(tokens: readonly Token[], from: number): [number, number] | null {
  if (lower(tokens[from - 1]) !== "to") return null;
  const end = from - 1;
  let s = end;
  if (OBJECT_PRONOUNS.has(lower(tokens[end - 1]))) s = end - 1;
  else {
    while (s > 0 && end - s < MAX_OBJECT_TOKENS) {
      const p = tokens[s - 1] as Token;
      // "for Trump and Ryan to agree": two names joined.
      const joined = lower(p) === "and" && tokens[s - 2]?.pos === "PROPN" && tokens[s]?.pos === "PROPN";
      if (!joined && (!["PROPN", "NOUN", "DET", "ADJ", "NUM"].includes(p.pos) || !/\p{L}|\d/u.test(p.text)))
        break;
      s--;
    }
    // The phrase must end in a noun: "led to say" has no object, "allowed early to vote" none either.
    const head = tokens[end - 1];
    if (s === end || !head || !["PROPN", "NOUN"].includes(head.pos)) return null;
  }
  // "enough for him to claim a victory", "hard for Trump and Ryan to agree on": the subject of an
  // infinitive after the complementizer "for". After a verb or a cue noun the "for" is their
  // preposition ("prepared for the company to …", "a call for the country to …").
  if (lower(tokens[s - 1]) === "for") return FOR_TO_HEADS.has(lower(tokens[s - 2])) ? [s, end] : null;
  let verb = s - 1;
  const prepositional = /^(?:on|upon)$/.test(lower(tokens[verb]));
  if (prepositional) verb--;
  const v = tokens[verb];
  if (v?.pos !== "VERB") return null;
  const lemma = controlLemma(v.text);
  if (lemma === null) return null;
  if (prepositional !== PREPOSITIONAL_CONTROL.has(lemma)) return null;
  return [s, end];
}
