/**
 * Word lists for stance: how a text takes a position on a claim. Refuting cues mark a debunk
 * ("hoax", "fake", "not true"), hedges mark reports that keep their distance ("reportedly",
 * "allegedly", "unconfirmed"), confirming cues mark a claim taken as settled ("confirmed",
 * "officially"). Negation, denial, intent and qualifier lists come from the triangulate lexicon,
 * so claim support and the stance model read a text the same way. Generic news vocabulary only.
 */
import {
  DENIAL_VERBS,
  FRAMING_WORDS,
  INTENT_VERBS,
  NEGATION_CUES,
  QUALIFIERS,
  stem,
} from "../triangulate/lexicon.js";

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Refuting words (folded forms); the FNC-1 baseline's list grown with the debunking vocabulary of hoax-busting sites. */
export const REFUTING = words(`
  fake fakes faked fraud fraudulent hoax hoaxes hoaxer false falsely falsehood deny denies denied denying denial
  nope doubt doubts doubted doubtful bogus debunk debunks debunked debunking prank pranks prankster retract
  retracts retracted retraction myth myths untrue fabricated fabrication fiction fictional satire satirical
  parody spoof rumour-mill misleading misreported misinformation disinformation baseless unfounded erroneous
  incorrect wrong discredited dismissed dismisses refuted refutes refute rebuffed rebuts rebutted scam scams
  photoshopped doctored imposter impostor lie lies lied lying clarified clarify contradicts contradicted
  nonsense invented made-up joke
`);

/** Phrases (folded, space-joined) that refute as a whole: each word alone says little. */
export const REFUTING_PHRASES: readonly string[] = [
  "not true",
  "no evidence",
  "not real",
  "no truth",
  "no basis",
  "no such",
  "never happened",
  "did not happen",
  "didn't happen",
  "made up",
  "turned out",
  "turns out",
  "is not",
  "was not",
  "has not",
  "no longer",
  "no plans",
  "not the case",
  "there is no",
  "was a hoax",
  "april fools",
];

/** Hedges and distancing reports: the text tells of a claim without taking it as fact. */
export const HEDGING = words(`
  allegedly alleged alleges reportedly reported reports report purportedly purported supposedly apparently
  claim claims claimed claiming rumor rumors rumored rumour rumours rumoured unconfirmed unverified speculation
  speculate speculated speculating may might could possibly perhaps maybe likely unclear appear appears appeared
  seem seems seemed suggest suggests suggested believed thought according sources source report
  purportedly tipped whether if circulating viral
`);

/** Confirming cues: the text takes the claim as settled. */
export const CONFIRMING = words(`
  confirmed confirms confirm confirmation officially official announced announces announcement verified
  proof proves proved proven indeed true actually revealed reveals statement statements acknowledged admits
  admitted authentic genuine evidence
`);

/** Reporting verbs (stems): whose words these are ("said", "told", "according to"). */
export const REPORTING_STEMS: ReadonlySet<string> = new Set(
  ["say", "said", "tell", "told", "according", "report", "state", "announce", "add", "write", "tweet", "post"]
    .map(stem)
    .concat([...FRAMING_WORDS]),
);

/** Words a headline uses to mark itself a question or a report, not an assertion. */
export const QUESTION_WORDS = words(
  "is are was were did does do can could will would should has have who what why how",
);

export function isNegation(norm: string): boolean {
  return NEGATION_CUES.has(norm);
}

export function isDenial(norm: string): boolean {
  return DENIAL_VERBS.has(stem(norm));
}

export function isIntent(norm: string): boolean {
  return INTENT_VERBS.has(stem(norm));
}

export function isQualifier(norm: string): boolean {
  return QUALIFIERS.has(norm);
}

/** Counts of each cue family in a run of folded words. */
export interface CueCounts {
  refuting: number;
  refutingPhrases: number;
  negation: number;
  denial: number;
  hedging: number;
  confirming: number;
  reporting: number;
  intent: number;
  qualifier: number;
}

export const NO_CUES: CueCounts = {
  refuting: 0,
  refutingPhrases: 0,
  negation: 0,
  denial: 0,
  hedging: 0,
  confirming: 0,
  reporting: 0,
  intent: 0,
  qualifier: 0,
};

export function countCues(norms: readonly string[], stems: readonly string[]): CueCounts {
  const c = { ...NO_CUES };
  for (let i = 0; i < norms.length; i++) {
    const w = norms[i] as string;
    const s = stems[i] as string;
    if (REFUTING.has(w)) c.refuting++;
    if (NEGATION_CUES.has(w)) c.negation++;
    if (DENIAL_VERBS.has(s)) c.denial++;
    if (HEDGING.has(w)) c.hedging++;
    if (CONFIRMING.has(w)) c.confirming++;
    if (REPORTING_STEMS.has(s)) c.reporting++;
    if (INTENT_VERBS.has(s)) c.intent++;
    if (QUALIFIERS.has(w)) c.qualifier++;
  }
  if (norms.length > 1) {
    const joined = ` ${norms.join(" ")} `;
    for (const p of REFUTING_PHRASES) {
      let at = joined.indexOf(` ${p} `);
      while (at >= 0) {
        c.refutingPhrases++;
        at = joined.indexOf(` ${p} `, at + p.length + 1);
      }
    }
  }
  return c;
}

export function addCues(a: CueCounts, b: CueCounts): CueCounts {
  return {
    refuting: a.refuting + b.refuting,
    refutingPhrases: a.refutingPhrases + b.refutingPhrases,
    negation: a.negation + b.negation,
    denial: a.denial + b.denial,
    hedging: a.hedging + b.hedging,
    confirming: a.confirming + b.confirming,
    reporting: a.reporting + b.reporting,
    intent: a.intent + b.intent,
    qualifier: a.qualifier + b.qualifier,
  };
}

export const CUE_NAMES = Object.keys(NO_CUES) as (keyof CueCounts)[];
