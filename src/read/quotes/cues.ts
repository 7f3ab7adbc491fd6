import type { Token } from "../nlp.js";

/**
 * Reporting verbs: the words that tie a quotation to a speaker. Matched by lemma so every tense
 * counts ("says", "said", "saying"), with the phrase kept as written ("continued to say").
 */

const REPORTING_LEMMAS = new Set([
  "say",
  "tell",
  "add",
  "ask",
  "explain",
  "admit",
  "complain",
  "conclude",
  "respond",
  "reveal",
  "report",
  "write",
  "state",
  "insist",
  "warn",
  "claim",
  "note",
  "argue",
  "continue",
  "declare",
  "announce",
  "acknowledge",
  "confirm",
  "deny",
  "recall",
  "reply",
  "remark",
  "observe",
  "suggest",
  "stress",
  "emphasize",
  "emphasise",
  "urge",
  "tweet",
  "post",
  "joke",
  "quip",
  "concede",
  "counter",
  "vow",
  "promise",
  "predict",
  "mention",
  "describe",
  "call",
  "comment",
  "testify",
  "assert",
  "contend",
  "maintain",
  "shout",
  "whisper",
  "boast",
  "lament",
  "caution",
  "charge",
  "allege",
  "agree",
  "announce",
  "answer",
  "demand",
  "plead",
  "pledge",
  "recount",
  "repeat",
  "reiterate",
  "retort",
  "scoff",
  "sigh",
  "speak",
  "brag",
  "concur",
  "exclaim",
  "interject",
  "muse",
  "object",
  "protest",
  "add",
  "inform",
  "summarize",
  "summarise",
  "write",
  "dub",
  "label",
  "decline",
]);

/** Verbs that only report speech as part of a phrase: "continued to say", "declined to comment". */
const PHRASE_ONLY = new Set(["continue", "decline"]);

const IRREGULAR: Record<string, string> = {
  said: "say",
  says: "say",
  told: "tell",
  wrote: "write",
  written: "write",
  spoke: "speak",
  spoken: "speak",
  went: "go",
  gone: "go",
};

/** The base form of `word` if it is a form of a reporting verb, else null. */
export function reportingLemma(word: string): string | null {
  const w = word.toLowerCase();
  if (REPORTING_LEMMAS.has(w)) return w;
  const irregular = IRREGULAR[w];
  if (irregular) return REPORTING_LEMMAS.has(irregular) ? irregular : null;
  const candidates: string[] = [];
  const strip = (suffix: string): string | null => (w.endsWith(suffix) ? w.slice(0, -suffix.length) : null);
  for (const suffix of ["ing", "ed", "es", "s", "d"]) {
    const stem = strip(suffix);
    if (stem === null || stem.length < 2) continue;
    candidates.push(stem, `${stem}e`);
    // admitted → admit, quipping → quip
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2])
      candidates.push(stem.slice(0, -1));
    // replied → reply, denies → deny
    if (stem.endsWith("i")) candidates.push(`${stem.slice(0, -1)}y`);
  }
  return candidates.find((c) => REPORTING_LEMMAS.has(c)) ?? null;
}

export interface Cue {
  /** Token index range [from, to) of the phrase. */
  from: number;
  to: number;
  /** "according to" puts the source after the cue; verbs take a subject before or after. */
  kind: "verb" | "according";
}

const PASSIVE_AUX = new Set(["was", "were", "been", "being", "be", "is", "are"]);

/**
 * Does a reporting cue start at token `i`? Handles "according to", "continued to say", "went on
 * to say", "declined to comment"; refuses passives ("was told": the subject is the listener) and
 * adjectival uses the tagger marks as nouns ("a post", "the call").
 */
export function cueAt(tokens: readonly Token[], i: number): Cue | null {
  const t = tokens[i];
  if (!t) return null;
  const lower = t.text.toLowerCase();
  if (lower === "according" && tokens[i + 1]?.text.toLowerCase() === "to")
    return { from: i, to: i + 2, kind: "according" };
  if (t.pos !== "" && t.pos !== "VERB" && t.pos !== "AUX") return null;
  // "Collusion REVEALED": a shouted headline word, not reporting.
  if (/^\p{Lu}{2,}$/u.test(t.text)) return null;
  const lemma = reportingLemma(t.text);
  if (lemma === null) return null;
  const prev = tokens[i - 1]?.text.toLowerCase() ?? "";
  if (PASSIVE_AUX.has(prev)) return null;
  // "to say" is the tail of a phrase ("continued to say"), carried by the verb before it.
  if (prev === "to") return null;
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  // "continued to say", "declined to comment"
  if (next?.text.toLowerCase() === "to" && after && reportingLemma(after.text)) {
    return { from: i, to: i + 3, kind: "verb" };
  }
  if (PHRASE_ONLY.has(lemma)) {
    // "…,” he continued. — continuing speech right after a quotation, with nothing after the verb.
    const bare = lemma === "continue" && (next === undefined || /^[.,;:!?”"’]/.test(next.text));
    return bare ? { from: i, to: i + 1, kind: "verb" } : null;
  }
  return { from: i, to: i + 1, kind: "verb" };
}

/** "went on to say": a motion verb plus "on to" + reporting verb. */
export function wentOnCue(tokens: readonly Token[], i: number): Cue | null {
  const t = tokens[i];
  if (!t || !/^(?:go|goes|went|going|gone)$/i.test(t.text)) return null;
  if (tokens[i + 1]?.text.toLowerCase() !== "on") return null;
  if (
    tokens[i + 2]?.text.toLowerCase() === "to" &&
    tokens[i + 3] &&
    reportingLemma((tokens[i + 3] as Token).text)
  ) {
    return { from: i, to: i + 4, kind: "verb" };
  }
  return null;
}
