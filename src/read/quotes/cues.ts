import type { Token } from "../nlp.js";

/**
 * Reporting cues: the words that tie a quotation (or a paraphrase) to its source. Verbs are
 * matched by lemma so every tense counts ("says", "said", "saying"), with the phrase kept as written
 * ("continued to say", "pointed out"). The lexicon is general English: verbs of saying and writing,
 * of manner of speaking ("shouted", "quipped"), of judging aloud ("called it", "blasted"), of
 * attitude (PolNeAR-style attribution counts beliefs and intentions: "thinks", "hopes"), and of
 * what documents and polls do ("the report found", "the sign read").
 */

/** Verbs of saying, writing and publishing. */
const SPEECH = [
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
  "retweet",
  "post",
  "concede",
  "counter",
  "vow",
  "promise",
  "predict",
  "mention",
  "comment",
  "testify",
  "assert",
  "contend",
  "maintain",
  "allege",
  "agree",
  "answer",
  "demand",
  "plead",
  "pledge",
  "recount",
  "repeat",
  "reiterate",
  "retort",
  "speak",
  "concur",
  "interject",
  "object",
  "protest",
  "inform",
  "summarize",
  "summarise",
  "decline",
  "refuse",
  "assure",
  "reassure",
  "confess",
  "command",
  "order",
  "instruct",
  "advise",
  "recommend",
  "propose",
  "request",
  "beg",
  "implore",
  "invite",
  "remind",
  "caution",
  "affirm",
  "reaffirm",
  "proclaim",
  "pronounce",
  "echo",
  "quote",
  "cite",
  "elaborate",
  "clarify",
  "specify",
  "indicate",
  "signal",
  "hint",
  "imply",
  "insinuate",
  "disclose",
  "divulge",
  "publish",
  "print",
  "email",
  "e-mail",
  "text",
  "message",
  "blog",
  "broadcast",
  "air",
  "headline",
  "caption",
  "read",
  "wonder",
  "question",
  "query",
  "inquire",
  "enquire",
  "press",
  "challenge",
  "interrupt",
  "add",
  "talk",
  "discuss",
  "describe",
  "narrate",
  "relate",
  "recite",
  "preach",
  "lecture",
  "testify",
  "swear",
  "guarantee",
  "threaten",
  "boast",
  "brag",
  "gloat",
  "predict",
  "forecast",
  "offer",
  "acknowledge",
  "concede",
  "volunteer",
  "reason",
  "theorize",
  "speculate",
  "posit",
  "surmise",
  "explain",
  "justify",
  "defend",
  "rebut",
  "refute",
  "dispute",
  "contradict",
  "correct",
  "retract",
  "recant",
  "apologize",
  "apologise",
  "thank",
  "greet",
  "welcome",
  "congratulate",
  "tout",
  "hail",
  "herald",
  "trumpet",
  "celebrate",
  "cheer",
  "applaud",
  "praise",
  "commend",
  "laud",
  "salute",
  "credit",
  "endorse",
  "admire",
  "type",
  "envy",
  "regret",
  "lament",
  "mourn",
];

/** Verbs of manner of speaking: "“They’ll pay,” smiled Lowell" stands for "said, smiling". */
const MANNER = [
  "shout",
  "yell",
  "scream",
  "shriek",
  "cry",
  "bellow",
  "roar",
  "boom",
  "thunder",
  "snap",
  "bark",
  "growl",
  "snarl",
  "hiss",
  "mutter",
  "murmur",
  "mumble",
  "whisper",
  "stammer",
  "sigh",
  "groan",
  "moan",
  "gasp",
  "laugh",
  "chuckle",
  "giggle",
  "smile",
  "grin",
  "beam",
  "gush",
  "enthuse",
  "rave",
  "rant",
  "fume",
  "vent",
  "sneer",
  "scoff",
  "snort",
  "huff",
  "quip",
  "joke",
  "tease",
  "muse",
  "marvel",
  "exclaim",
  "chant",
  "sing",
  "sob",
  "plead",
  "lament",
  "bemoan",
  "mourn",
  "grumble",
  "gripe",
  "whine",
  "carp",
  "crow",
  "chime",
  "pipe",
  "blurt",
  "declaim",
  "intone",
  "drawl",
  "deadpan",
  "concede",
  "confide",
];

/** Verbs of judging aloud, which take a quoted label or a quoted charge ("called it “a disaster”"). */
const JUDGING = [
  "call",
  "dub",
  "label",
  "brand",
  "term",
  "name",
  "nickname",
  "characterize",
  "characterise",
  "portray",
  "depict",
  "cast",
  "paint",
  "frame",
  "deem",
  "rate",
  "liken",
  "compare",
  "exhort",
  "pound",
  "hammer",
  "needle",
  "lambast",
  "flay",
  "declare",
  "accuse",
  "charge",
  "blame",
  "fault",
  "criticize",
  "criticise",
  "blast",
  "slam",
  "attack",
  "assail",
  "lambaste",
  "berate",
  "scold",
  "chide",
  "rebuke",
  "reprimand",
  "admonish",
  "castigate",
  "condemn",
  "denounce",
  "decry",
  "deplore",
  "dismiss",
  "deride",
  "ridicule",
  "mock",
  "taunt",
  "insult",
  "disparage",
  "belittle",
  "knock",
  "bash",
  "rip",
  "pan",
  "trash",
  "skewer",
  "savage",
  "excoriate",
  "rail",
  "lash",
  "hit",
  "jab",
  "swipe",
  "fire",
  "shoot",
  "question",
  "reject",
  "repudiate",
  "disavow",
  "oppose",
  "warn",
  "scorn",
  "refer",
  "point",
  "put",
  "invoke",
  "use",
];

/** Verbs of attitude: beliefs, feelings about a proposition, intentions (PolNeAR counts them). */
const ATTITUDE = [
  "think",
  "believe",
  "feel",
  "hope",
  "fear",
  "worry",
  "expect",
  "know",
  "want",
  "wish",
  "doubt",
  "suspect",
  "guess",
  "figure",
  "reckon",
  "imagine",
  "assume",
  "presume",
  "suppose",
  "consider",
  "regard",
  "view",
  "understand",
  "realize",
  "realise",
  "recognize",
  "recognise",
  "remember",
  "forget",
  "learn",
  "discover",
  "notice",
  "sense",
  "trust",
  "prefer",
  "hate",
  "dislike",
  "dread",
  "plan",
  "intend",
  "aim",
  "seek",
  "vow",
  "pray",
  "dream",
  "envision",
  "envisage",
  "foresee",
  "anticipate",
  "insist",
  "favor",
  "favour",
  "support",
  "back",
  "champion",
  "advocate",
  "push",
  "contemplate",
  "ponder",
  "decide",
  "determine",
  "conclude",
  "judge",
  "rule",
  "find",
  "show",
  "demonstrate",
  "prove",
  "establish",
  "suggest",
  "indicate",
  "agree",
  "disagree",
];

const REPORTING_LEMMAS = new Set([...SPEECH, ...MANNER, ...JUDGING, ...ATTITUDE]);

/**
 * Verbs that only report speech as part of a phrase ("continued to say", "declined to comment",
 * "lashed out at", "went on"), or that are too common alone to count ("used the words").
 */
const PHRASE_ONLY = new Set([
  "continue",
  "decline",
  "refuse",
  "lash",
  "use",
  "fire",
  "shoot",
  "pipe",
  "chime",
  "back",
  "push",
  "point",
]);

/** Particles that complete a phrase-only verb: "lashed out", "chimed in", "fired back", "piped up". */
const PHRASE_PARTICLES: Record<string, readonly string[]> = {
  lash: ["out"],
  fire: ["back"],
  shoot: ["back"],
  pipe: ["up", "in"],
  chime: ["in"],
  back: ["up"],
  push: ["back"],
  point: ["out", "to"],
};

/** Objects that make "use" a cue: "used the words “…”", "used the phrase “…”". */
const USE_OBJECTS = new Set(["word", "words", "phrase", "term", "expression", "line", "language", "slogan"]);

const IRREGULAR: Record<string, string> = {
  said: "say",
  says: "say",
  told: "tell",
  wrote: "write",
  written: "write",
  writ: "write",
  spoke: "speak",
  spoken: "speak",
  went: "go",
  gone: "go",
  thought: "think",
  felt: "feel",
  knew: "know",
  known: "know",
  saw: "see",
  seen: "see",
  swore: "swear",
  sworn: "swear",
  sang: "sing",
  sung: "sing",
  shot: "shoot",
  hit: "hit",
  cast: "cast",
  found: "find",
  shown: "show",
  understood: "understand",
  forgot: "forget",
  forgotten: "forget",
  sought: "seek",
  put: "put",
  meant: "mean",
  taught: "teach",
  froze: "freeze",
  foresaw: "foresee",
  foreseen: "foresee",
  read: "read",
  reads: "read",
  reading: "read",
};

/** Inflectional endings tried, longest first, when a word is not its own lemma. */
const SUFFIXES = ["ing", "ed", "es", "s", "d"];

/** The base form of `word` if it is a form of a reporting verb, else null. */
export function reportingLemma(word: string): string | null {
  const w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular) return REPORTING_LEMMAS.has(irregular) ? irregular : null;
  if (REPORTING_LEMMAS.has(w)) return w;
  for (const suffix of SUFFIXES) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    if (stem.length < 2) continue;
    if (REPORTING_LEMMAS.has(stem)) return stem;
    if (REPORTING_LEMMAS.has(`${stem}e`)) return `${stem}e`;
    // admitted → admit, quipping → quip
    if (
      stem.length > 2 &&
      stem[stem.length - 1] === stem[stem.length - 2] &&
      REPORTING_LEMMAS.has(stem.slice(0, -1))
    )
      return stem.slice(0, -1);
    // replied → reply, denies → deny
    if (stem.endsWith("i") && REPORTING_LEMMAS.has(`${stem.slice(0, -1)}y`)) return `${stem.slice(0, -1)}y`;
  }
  return null;
}

function lowerText(t: Token | undefined): string {
  return t ? t.lower : "";
}

/** Is `lemma` a verb of attitude (belief, intention) rather than of speech? */
export function isAttitudeLemma(lemma: string): boolean {
  return ATTITUDE.includes(lemma) && !SPEECH.includes(lemma) && !JUDGING.includes(lemma);
}

export interface Cue {
  /** Token index range [from, to) of the phrase. */
  from: number;
  to: number;
  /** "according to" puts the source after the cue; verbs take a subject before or after. */
  kind: "verb" | "according";
}

/** Verbs that give a name: as past participles after a noun they introduce it ("a man named …"). */
const NAMING = new Set(["name", "call", "dub", "title", "label", "nickname", "term"]);

/** Auxiliaries that make a following past participle passive ("was told": the subject listened). */
const PASSIVE_AUX = new Set(["was", "were", "been", "being", "be", "is", "are", "get", "got"]);

/** Past participle endings (regular and the irregular ones in the lexicon: told, written, known). */
const PARTICIPLE_ENDING = /(?:ed|en|wn|ld|ught|id|ung|ound)$/;

/** Words that make a following past participle a modifier, not a verb: "so-called", "the oft-quoted". */
const MODIFIER_PREFIXES = new Set(["so", "oft", "often", "much", "well", "widely", "long", "self"]);

/** Is token `i` the "-" of a hyphenated modifier ("so-called", "much-touted")? */
function hyphenatedModifier(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const before = tokens[i - 2];
  if (prev?.text === "-" && before && MODIFIER_PREFIXES.has(before.lower)) return true;
  return /^(?:so|oft|much|well|widely|self)-/i.test(tokens[i]?.text ?? "");
}

/**
 * Does a reporting cue start at token `i`? Handles "according to", "continued to say", "went on
 * to say", "declined to comment", "lashed out", "used the words"; refuses passives ("was told":
 * the subject is the listener), hyphenated modifiers ("so-called") and nouns the tagger marks
 * ("a post", "the call").
 */
export function cueAt(tokens: readonly Token[], i: number): Cue | null {
  const t = tokens[i];
  return t ? cueWithTag(tokens, i, t.pos) : null;
}

/**
 * "Hillary shot back", "Bozell points out": after a name or a personal pronoun (or, with
 * `afterNoun`, any noun: the subject slot right after a quotation), an inflected form of a
 * reporting verb that the tagger read as a noun ("shot", "points", "notes") is the verb.
 */
export function mistaggedCueAt(tokens: readonly Token[], i: number, afterNoun = false): Cue | null {
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (!t || !prev || (t.pos !== "NOUN" && t.pos !== "ADJ")) return null;
  const w = t.lower;
  // "Trump is promising lower taxes and “jobs, jobs, jobs”": a progressive the tagger read as an adjective.
  if (/ing$/.test(w) && /^(?:is|are|was|were|been|be|’s|'s|’re|'re)$/i.test(prev.text))
    return cueWithTag(tokens, i, "VERB");
  if (!(IRREGULAR[w] !== undefined || /(?:s|ed)$/.test(w))) return null;
  // "Japan branded North Korea an “outlaw nation”": a past form right after a name is the verb.
  if (/^\p{Lu}/u.test(prev.text) && prev.pos !== "DET" && (IRREGULAR[w] !== undefined || /ed$/.test(w)))
    return cueWithTag(tokens, i, "VERB");
  // After a quotation ("…,” a voice-over in the ad states.") any noun may be the subject.
  const subject = /^\p{Lu}/u.test(prev.text)
    ? prev.pos !== "DET"
    : /^(?:he|she|they|we|i|it)$/i.test(prev.text) || (afterNoun && prev.pos === "NOUN");
  // A verb is followed by its particle, complement or quotation ("points out", "claims that",
  // "shot back", "notes, “…”"); "Republican claims as false" is a noun phrase.
  const next = tokens[i + 1];
  const verbal =
    next === undefined ||
    /^(?:that|out|back|up|in|on|[,:.;“"‘'«”’])$/i.test(next.text) ||
    next.pos === "DET" ||
    next.pos === "PRON";
  return subject && verbal ? cueWithTag(tokens, i, "VERB") : null;
}

/** `cueAt` with the token's tag taken as `pos`. */
function cueWithTag(tokens: readonly Token[], i: number, pos: string): Cue | null {
  const t = tokens[i] as Token;
  const lower = t.lower;
  if (lower === "according" && tokens[i + 1]?.lower === "to")
    return { from: i, to: i + 2, kind: "according" };
  if (pos !== "" && pos !== "VERB" && pos !== "AUX") return null;
  // "Collusion REVEALED": a shouted headline word, not reporting.
  if (/^\p{Lu}{2,}$/u.test(t.text)) return null;
  const lemma = reportingLemma(t.text);
  if (lemma === null) return null;
  const prev = tokens[i - 1]?.lower ?? "";
  if (PASSIVE_AUX.has(prev) && PARTICIPLE_ENDING.test(lower)) return null;
  // "a civil engineer named Mustafa Alsyofi", "a group called Veterans First": a naming participle
  // after a noun introduces a name, it reports nothing.
  if (
    NAMING.has(lemma) &&
    /ed$/.test(lower) &&
    tokens[i - 1]?.pos === "NOUN" &&
    /^\p{Lu}/u.test(tokens[i + 1]?.text ?? "")
  )
    return null;
  if (hyphenatedModifier(tokens, i)) return null;
  // "made the following comment:": after "the following" the word is the noun it determines.
  if (prev === "following" && tokens[i - 2]?.lower === "the") return null;
  // "to say" is the tail of a phrase ("continued to say", "went on to say"), carried by its head.
  if (prev === "to") {
    const head = tokens[i - 2]?.text ?? "";
    if (head.toLowerCase() === "on" || reportingLemma(head) !== null) return null;
  }
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  // "continued to say", "declined to comment"
  if (next?.lower === "to" && after && reportingLemma(after.text)) {
    return { from: i, to: i + 3, kind: "verb" };
  }
  const particles = PHRASE_PARTICLES[lemma];
  if (particles && next && particles.includes(next.lower)) return { from: i, to: i + 2, kind: "verb" };
  if (lemma === "put") {
    // "as the memo put it", "as he puts it"
    return lowerText(next) === "it" ? { from: i, to: i + 2, kind: "verb" } : null;
  }
  if (lemma === "use") {
    const object = tokens[i + 2] ?? next;
    return object && USE_OBJECTS.has(object.lower) ? { from: i, to: i + 1, kind: "verb" } : null;
  }
  if (PHRASE_ONLY.has(lemma)) {
    // "…,” he continued. — continuing speech right after a quotation, with nothing after the verb.
    const bare = lemma === "continue" && (next === undefined || /^[.,;:!?”"’]/.test(next.text));
    return bare ? { from: i, to: i + 1, kind: "verb" } : null;
  }
  return { from: i, to: i + 1, kind: "verb" };
}

/** "went on to say", "went on": a motion verb plus "on" (+ "to" + reporting verb). */
export function wentOnCue(tokens: readonly Token[], i: number): Cue | null {
  const t = tokens[i];
  if (!t || !/^(?:go|goes|went|going|gone)$/i.test(t.text)) return null;
  if (tokens[i + 1]?.lower !== "on") return null;
  if (tokens[i + 2]?.lower === "to" && tokens[i + 3] && reportingLemma((tokens[i + 3] as Token).text)) {
    return { from: i, to: i + 4, kind: "verb" };
  }
  // "…,” Trump went on. — only right before the end of the clause.
  const next = tokens[i + 2];
  if (next === undefined || /^[.,;:!?”"’]/.test(next.text)) return { from: i, to: i + 2, kind: "verb" };
  return null;
}

/**
 * Nouns of expression: "Trump’s claim that “…”", "her words: “…”", "in a statement, …". The source
 * is the possessor, or the subject of a light verb ("issued a statement saying").
 */
const EXPRESSION_NOUNS = new Set([
  "statement",
  "statements",
  "remark",
  "remarks",
  "comment",
  "comments",
  "word",
  "words",
  "claim",
  "claims",
  "tweet",
  "tweets",
  "speech",
  "interview",
  "letter",
  "email",
  "e-mail",
  "memo",
  "column",
  "editorial",
  "op-ed",
  "post",
  "message",
  "accusation",
  "accusations",
  "assertion",
  "promise",
  "pledge",
  "vow",
  "warning",
  "argument",
  "view",
  "views",
  "belief",
  "description",
  "characterization",
  "call",
  "calls",
  "chant",
  "chants",
  "slogan",
  "motto",
  "mantra",
  "refrain",
  "catchphrase",
  "phrase",
  "line",
  "response",
  "answer",
  "reply",
  "retort",
  "question",
  "testimony",
  "announcement",
  "declaration",
  "suggestion",
  "proposal",
  "plea",
  "demand",
  "criticism",
  "critique",
  "complaint",
  "admission",
  "insistence",
  "charge",
  "charges",
  "allegation",
  "allegations",
  "observation",
  "conclusion",
  "opinion",
  "rhetoric",
  "address",
  "quip",
  "joke",
  "boast",
  "tirade",
  "rant",
  "rebuke",
  "denial",
  "explanation",
  "prediction",
  "assessment",
  "verdict",
  "ruling",
  "order",
  "advice",
  "concern",
  "concerns",
  "fear",
  "fears",
  "hope",
  "hopes",
  "vision",
  "plan",
  "promises",
  "attack",
  "attacks",
  "praise",
  "assurance",
  "assurances",
  "threat",
  "threats",
  "reference",
  "label",
  "nickname",
  "depiction",
  "portrayal",
  "thoughts",
  "thinking",
  "position",
  "stance",
  "account",
  "version",
  "report",
  "finding",
  "findings",
  "analysis",
  "study",
]);

export function isExpressionNoun(word: string): boolean {
  return EXPRESSION_NOUNS.has(word.toLowerCase());
}
