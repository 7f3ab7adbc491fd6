/**
 * Small English word lists the alignment and claim checks rely on, and the light word
 * normalisation (stems, near-synonyms) that lets "grew", "growing" and "flourish" meet.
 * Every list is generic news vocabulary: nothing here names a story, outlet or person.
 */
import { wordTokens } from "../text/tokens.js";

/** Function words: they carry no topic, so two passages sharing only these share nothing. */
const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are aren't as at be because been before being " +
    "below between both but by can can't could couldn't did didn't do does doesn't doing don't down during each " +
    "even ever few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's " +
    "hers herself him himself his how how's however i i'd i'll i'm i've if in into is isn't it it's its itself " +
    "just let's me more most much must mustn't my myself no nor not now of off on once only or other ought our " +
    "ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that " +
    "that's the their theirs them themselves then there there's these they they'd they'll they're they've this " +
    "those though through to too under until up upon very was wasn't we we'd we'll we're we've were weren't what " +
    "what's when when's where where's which while who who's whom why why's will with won't would wouldn't yet you " +
    "you'd you'll you're you've your yours yourself yourselves said says say told tell according mr mrs ms " +
    "one two three four five many several still since already well ok within without whether across per via us"
  ).split(" "),
);

export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm);
}

/**
 * Irregular forms the suffix stripper cannot reach; intent and growth verbs are the ones the
 * claim checks look for, so their past tenses must fold to the base.
 */
const IRREGULAR: Record<string, string> = {
  sought: "seek",
  grew: "grow",
  grown: "grow",
  rose: "rise",
  risen: "rise",
  saw: "see",
  seen: "see",
  knew: "know",
  known: "know",
  meant: "mean",
  thought: "think",
  men: "man",
  women: "woman",
  people: "person",
  children: "child",
  killed: "kill",
  dead: "die",
  died: "die",
  deaths: "die",
  death: "die",
};

/** Crude suffix folding ("growing" → "grow", "encouraged" = "encourage" → "encourag"). */
export function stem(norm: string): string {
  const word = norm.replace(/'s$/, "");
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  let s = word;
  if (s.length > 4 && s.endsWith("ies")) s = `${s.slice(0, -3)}y`;
  else if (s.length > 5 && s.endsWith("ing")) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith("ed")) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us")) s = s.slice(0, -1);
  // Doubled final consonant after stripping ("planned" → "plann" → "plan").
  if (s.length > 3 && s.at(-1) === s.at(-2) && !"aeiouls".includes(s.at(-1) ?? "")) s = s.slice(0, -1);
  if (s.length > 3 && s.endsWith("e")) s = s.slice(0, -1);
  return s;
}

/**
 * Near-synonym sets: news re-writes swap these freely ("grow" / "flourish" / "rise"; a
 * "conversation" / "discussion" / "meeting" that was recorded). Each set folds to its first word.
 */
const SYNONYM_SETS: readonly (readonly string[])[] = [
  ["grow", "flourish", "rise", "expand", "strengthen", "strength", "stronger", "spread", "thrive", "gain"],
  [
    "conversation",
    "discussion",
    "talk",
    "meeting",
    "session",
    "recording",
    "audio",
    "tape",
    "call",
    "exchange",
    "interview",
  ],
  ["soldier", "troop", "serviceman", "servicemen", "fighter", "militant"],
  ["participant", "attendee", "person", "member", "delegate"],
  ["kill", "die", "fatality", "casualty", "victim"],
  ["refugee", "migrant", "asylum", "displaced"],
  ["attack", "strike", "airstrike", "raid", "bombing"],
  ["arm", "weapon", "supply"],
];

const CANON: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const set of SYNONYM_SETS) {
    const head = stem(set[0] ?? "");
    for (const w of set) m.set(stem(w), head);
  }
  return m;
})();

/** Stem, then fold near-synonyms to one representative. */
export function concept(norm: string): string {
  // "cease-fire" = "ceasefire", "e-mail" = "email".
  const s = stem(norm.replace(/-/g, ""));
  return CANON.get(s) ?? s;
}

/** Topic-bearing words of a passage, as concepts. */
export function contentConcepts(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of wordTokens(text)) {
    if (isStopword(t.norm) || /^\d/.test(t.norm) || t.norm.length < 2) continue;
    out.add(concept(t.norm));
  }
  return out;
}

/**
 * Verbs (as stems) that ascribe a purpose or a permission to someone: a claim using one says
 * more than that something happened, it says someone meant it to happen.
 */
export const INTENT_VERBS: ReadonlyMap<string, string> = new Map(
  [
    "want",
    "wish",
    "intend",
    "hope",
    "plan",
    "seek",
    "aim",
    "encourage",
    "allow",
    "permit",
    "desire",
    "plot",
  ].map((w) => [stem(w), w]),
);

/**
 * Permission verbs ascribe intent only as a granted permission, in the past ("allowed ISIS to
 * grow"); "would allow the public to understand" is a consequence, not a purpose.
 */
export const PERMISSION_VERBS: ReadonlySet<string> = new Set(["allow", "permit"].map(stem));

/** Forms of "be": before an intent verb they make it passive ("was allowed to operate"), no one's purpose. */
export const BE_FORMS: ReadonlySet<string> = new Set([
  "am",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "being",
]);

/** Number words, so "three…four people" in a quote sources a claim's "3 or 4". */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
    .split(" ")
    .map((w, i) => [w, i] as [string, number])
    .concat([
      ["thirty", 30],
      ["forty", 40],
      ["fifty", 50],
      ["sixty", 60],
      ["hundred", 100],
      ["dozen", 12],
    ]),
);

/** Determiners that make a count point back at things already listed ("these two goals"): no figure to source. */
export const ANAPHORIC_DETERMINERS: ReadonlySet<string> = new Set(["these", "those", "both"]);

/** Adverbs that make any verb intentional ("intentionally armed"). */
export const INTENT_ADVERBS: ReadonlySet<string> = new Set([
  "intentionally",
  "deliberately",
  "purposely",
  "purposefully",
  "knowingly",
  "wilfully",
  "willfully",
]);

/** "let ... grow": a permission verb only when followed closely by a growth word. */
export const LET_VERB = "let";
export const LET_WINDOW = 4;

/** Verbs of perceiving: what a speaker says instead of an intent ("we were watching", "we saw"). */
export const OBSERVATION_VERBS: ReadonlySet<string> = new Set(
  ["watch", "see", "know", "notice", "monitor", "observe", "follow", "look"].map(stem),
);

/** Cues that negate the predicate they precede. */
export const NEGATION_CUES: ReadonlySet<string> = new Set([
  "not",
  "no",
  "never",
  "nobody",
  "nothing",
  "neither",
  "nor",
  "don't",
  "doesn't",
  "didn't",
  "won't",
  "wouldn't",
  "can't",
  "cannot",
  "couldn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "haven't",
  "hasn't",
  "hadn't",
  "shouldn't",
]);

/** Verbs that negate the whole clause they introduce ("denied that ..."). */
export const DENIAL_VERBS: ReadonlySet<string> = new Set(
  ["deny", "deni", "refute", "reject", "dismiss"].map(stem),
);

/** Hedges and limits: dropping one from a quote changes how strong it sounds. */
export const QUALIFIERS: ReadonlySet<string> = new Set([
  "probably",
  "possibly",
  "perhaps",
  "maybe",
  "might",
  "may",
  "could",
  "only",
  "if",
  "unless",
  "necessarily",
  "almost",
  "nearly",
  "partly",
  "some",
  "allegedly",
  "reportedly",
]);

/** Units of time, in seconds, so "an hour" and "60 minutes" compare. */
export const DURATION_SECONDS: ReadonlyMap<string, number> = new Map([
  ["second", 1],
  ["minute", 60],
  ["hour", 3600],
  ["day", 86400],
  ["week", 604800],
  ["month", 2629800],
  ["year", 31557600],
]);

const UNIT_ALIASES: Record<string, string> = {
  sec: "second",
  secs: "second",
  seconds: "second",
  min: "minute",
  mins: "minute",
  minutes: "minute",
  hr: "hour",
  hrs: "hour",
  hours: "hour",
  days: "day",
  weeks: "week",
  months: "month",
  years: "year",
  percent: "%",
  "per cent": "%",
  pct: "%",
  dollar: "USD",
  dollars: "USD",
  $: "USD",
  euro: "EUR",
  euros: "EUR",
  "€": "EUR",
};

/** The read stage normalises units already; this folds the few spellings that still slip through. */
export function normalizeUnit(unit: string | null): string | null {
  if (unit === null) return null;
  const u = unit.trim();
  const lower = u.toLowerCase();
  const alias = UNIT_ALIASES[lower] ?? UNIT_ALIASES[u];
  if (alias) return alias;
  if (!/^[a-z]/.test(lower) || u !== lower) return u;
  return singular(lower);
}

/** "soldiers" → "soldier", "casualties" → "casualty"; leaves "process", "virus" alone. */
export function singular(noun: string): string {
  if (noun.length > 4 && noun.endsWith("ies")) return `${noun.slice(0, -3)}y`;
  if (noun.length > 3 && noun.endsWith("s") && !/(?:ss|us|is)$/.test(noun)) return noun.slice(0, -1);
  return noun;
}

export function plural(noun: string): string {
  if (noun === "person") return "people";
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/^[A-Z%$€£]+$/.test(noun)) return noun;
  return `${noun}s`;
}

/**
 * Reporting and framing verbs: how a claim introduces content ("Kerry admits", "audio shows"),
 * not the content itself, so they do not count when matching a claim with a quote.
 */
export const FRAMING_WORDS: ReadonlySet<string> = new Set(
  [
    "admit",
    "reveal",
    "complain",
    "claim",
    "add",
    "note",
    "explain",
    "insist",
    "state",
    "describe",
    "report",
    "show",
    "suggest",
    "expose",
    "confirm",
    "acknowledge",
    "concede",
    "argue",
    "repeatedly",
  ].map(stem),
);
