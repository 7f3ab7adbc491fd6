import type { Article, Entity, Quote, Sentence, Span } from "../model/index.js";
import { ROLE_NOUNS } from "./entities/lexicon.js";
import { sentenceTokens, type Token } from "./nlp.js";
import { MentionIndex, SpanSet } from "./quotes/mentions.js";
import { type Speaker, SpeakerFinder } from "./quotes/speaker.js";
import { isCapitalised, isWord, lower } from "./quotes/tokens.js";
import { AUXILIARY_INSERTS, PERSON_HEADS, TIME_LEADS, TIME_WORDS } from "./quotes/words.js";
import {
  AUXILIARIES,
  BE_FORMS,
  CLAUSE_BREAKS,
  contentEnd,
  contentStart,
  MAX_CONTENT_TOKENS,
  phraseEnd,
  relativeEnd,
  startsAttribution,
  trimEdges,
} from "./reported/clause.js";
import { controlledObject } from "./reported/control.js";
import {
  ADJECTIVE_PREPS,
  CUE_ADJECTIVES,
  CUE_NOUNS,
  CUE_VERBS,
  cueLemma,
  type Frame,
  isParticiple,
  isPastForm,
  NOUN_TOPIC_PREPS,
} from "./reported/lexicon.js";
import { clauseInitialSubject, frontedSubject } from "./reported/subject.js";

/**
 * Reported speech, thought and intention without quotation marks: "Kerry admitted that …",
 * "according to polls, …", "Trump figures that …", "…, officials said", "her claim that …".
 * Each is an indirect Quote: the content span (the reported clause, without cue and source), the
 * cue, and the source mention resolved to the article's entity. Linear in the tokens the reader
 * already has; nothing is re-tagged.
 */

/** Tokens scanned past the cue for the "that" opening the content ("said on Tuesday in a statement that"). */
const MAX_THAT_LOOKAHEAD = 20;

/**
 * Attributions kept per sentence. Real sentences carry a handful; the bound keeps the nesting
 * check (quadratic in the attributions) cheap on a hostile sentence of nothing but cue words.
 */
const MAX_ATTRIBUTIONS_PER_SENTENCE = 24;

/** Auxiliaries, adverbs and negation walked back from a cue verb to its group start ("has not yet said"). */
const MAX_GROUP_TOKENS = 4;

/** Tokens of a listener object skipped after "told" / "assured" ("told a crowd of supporters"). */
const MAX_RECIPIENT_TOKENS = 6;

/** Tokens of an "according to" source before the comma that opens the content. */
const MAX_ACCORDING_SOURCE_TOKENS = 16;

/** Words that make a following verb-form a noun ("the call", "his support", "a claim"). */
const NOUN_DETERMINERS: ReadonlySet<string> = new Set(
  "the a an his her their its our my your this these those every each no any ’s 's".split(" "),
);

/** Quantifiers standing alone as a subject ("Both think", "Many believe"), after which a noun tag is a verb. */
const QUANTIFIER_SUBJECTS: ReadonlySet<string> = new Set(
  "both all many most some few several others neither none each".split(" "),
);

/** Modals and "do" forms: the word after them is a bare verb. */
const MODALS: ReadonlySet<string> = new Set(
  "would will could can should may might must shall did do does wo ca".split(" "),
);

/** Possessives that name the source of a cue noun ("his claim that"). */
const POSSESSIVE_PRONOUNS: ReadonlySet<string> = new Set(["his", "her", "their", "its", "our", "my", "your"]);

/** Relative pronouns standing for the source ("Kerry, who said …"); the guidelines make them the source. */
const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(["who", "which", "that"]);

/** Words opening a wh-clause content ("asked whether", "explained how"). */
const WH_WORDS: ReadonlySet<string> = new Set("whether if how what why when where who which whom".split(" "));

/** Verbs that carry a cue noun and give it their subject ("expressed concern that", "made the case that"). */
const SUPPORT_VERBS: ReadonlySet<string> = new Set(
  `make made makes making express expressed expresses expressing voice voiced voices raise raised raises
raising issue issued issues offer offered offers share shared repeat repeated renew renewed reiterated
signal signaled signalled deliver delivered have has had`.split(/\s+/),
);

/** Cue nouns that attribute only as the object of a support verb ("made comments about", "made no mention of"). */
const SUPPORTED_NOUNS: ReadonlySet<string> = new Set(
  "case statements comment comments remark remarks mention secret".split(" "),
);

/** Nouns heading an "in X's view," frame. */
const VIEW_NOUNS: ReadonlySet<string> = new Set([
  "view",
  "opinion",
  "estimation",
  "judgment",
  "words",
  "eyes",
]);

/** Subordinators opening an adverbial clause: "As Rubio said it was great to be home, a man yelled …". */
const SUBORDINATORS: ReadonlySet<string> = new Set(
  "as when while after before because since if although though once until unless whenever".split(" "),
);

/** How far back from a cue a subordinator is looked for (the subject stands between them). */
const MAX_SUBORDINATE_LOOKBACK = 12;

/** Leading conjunctions and discourse words left out of a content that opens the sentence. */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(["but", "and", "so", "yet", "still", "however", "also"]);

interface Found {
  content: [number, number];
  cue: [number, number];
  speaker: Speaker | null;
  /** The second piece of a content split by its attribution ("The deal, he said, is dead"). */
  piece?: [number, number];
}

interface SentenceCtx {
  tokens: readonly Token[];
  finder: SpeakerFinder;
  quoted: SpanSet;
  /** cueVerbAt of each token, read once per sentence: several passes ask about every token. */
  cues: readonly (string | null)[];
  isCue: (i: number) => boolean;
  /** The sentence is set in title case, as headlines are. */
  headline: boolean;
  /** The sentence's first verb and its subject, once looked up. */
  main?: { verb: number; speaker: Speaker | null } | null;
}

/**
 * Is token `i` a cue verb used as a verb? The lexicon lemma, not inside quoted words, not a noun
 * after a determiner ("the call", "his support"), not a capitalised name mid-sentence ("the Post").
 */
function cueVerbAt(tokens: readonly Token[], i: number, quoted: SpanSet, headline = false): string | null {
  const t = tokens[i] as Token;
  if (quoted.has(t.start)) return null;
  // In a headline every word is capitalised ("Mayor Says Bridge Will Close"): there a capital
  // does not make a name, and the tagger's verb is trusted.
  const titled = headlineVerb(tokens, i) && (headline || titleCaseAfter(tokens, i));
  if (i > 0 && isCapitalised(t) && !(headline && t.pos === "VERB") && !titled) return null;
  // Before the lemma lookup, which most tokens would otherwise pay for. Looking the lemma up first
  // (it alone rejects most tokens) was tried and dropped: the memo holds every token form, and its
  // look-ups cost more than these tests (cueLemma + cueVerbAt 2.4% -> 3.0% of the dev profile).
  if (!titled && !mayBeVerbTag(tokens, i)) return null;
  const lemma = cueLemma(t.text);
  if (lemma === null) return null;
  const prev = lower(tokens[i - 1]);
  if (!titled && !isVerbTag(tokens, i)) return null;
  // "271 pledged delegates", "the expected outcome": a participle used as an adjective.
  const p = tokens[i - 1];
  if (
    /ed$/i.test(t.text) &&
    tokens[i + 1]?.pos === "NOUN" &&
    p &&
    ["NUM", "ADJ", "DET", "ADP"].includes(p.pos)
  )
    return null;
  // "known as" names ("a group known as …"); it reports no attitude.
  if (lower(t) === "known") return null;
  if (lemma === "call" && namingCall(tokens, i)) return null;
  // "showed up at the rally": arriving, not showing anything.
  if (lemma === "show" && lower(tokens[i + 1]) === "up") return null;
  // "so-called", "self-described", "long-awaited": the cue word is the end of a hyphenated modifier.
  const joined = tokens[i - 1];
  if (joined?.text === "-" && joined.end === t.start) return null;
  // "a think tank", "talk radio": the cue word is the first half of a compound noun.
  if (COMPOUND_NOUNS.has(`${lower(t)} ${lower(tokens[i + 1])}`)) return null;
  // "Most say he …": a quantifier standing alone is the subject, though tagged as an adjective; with
  // no clause or object after it the word is a noun ("most states", "some state laws").
  const quantifier =
    QUANTIFIER_SUBJECTS.has(prev) &&
    (lower(tokens[i + 1]) === "that" || ["PRON", "DET", "PROPN"].includes(tokens[i + 1]?.pos ?? ""));
  // "He's suggesting …", "who's argued …": an "'s" the tagger reads as "is" or "has" is no possessive.
  const contracted = tokens[i - 1]?.pos === "AUX";
  // "It's like going home": after "be", a bare "like" is the preposition.
  if (lower(t) === "like" && BE_FORMS.has(prev)) return null;
  // "The democratic socialist said", "Another ranking says": a noun the tagger read as an
  // adjective may stand before a finite form that is never a noun ("easier said than done" is an idiom).
  const finite =
    ((t.pos === "VERB" && isPastForm(t.text)) || lower(t) === "says") && lower(tokens[i + 1]) !== "than";
  if ((NOUN_DETERMINERS.has(prev) && !contracted) || (tokens[i - 1]?.pos === "ADJ" && !quantifier && !finite))
    return null;
  if (lemma === "state" && t.pos !== "VERB" && stateIsNoun(tokens, i)) return null;
  return lemma;
}

/** Words inside a noun phrase that make its head plural ("all battleground states", "other early states"). */
const PLURAL_MODIFIERS: ReadonlySet<string> = new Set(
  "all other many most some few several both these those two three four five six".split(" "),
);

/**
 * "state" is far more often the noun than the verb in news ("a swing state, said …", "Rust Belt
 * states that …"), and the tagger's noun tag cannot be overruled there as for other cues. The verb
 * "state" needs a plural subject, so a singular noun right before it makes it the noun; the verb
 * "states" needs a subject phrase opened by a determiner or a pronoun ("the rule states", "it
 * states"), so bare or plural modifiers before it make it the noun.
 */
function stateIsNoun(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (prev === undefined) return false;
  if (lower(tokens[i]) === "state")
    return ["NOUN", "PROPN", "NUM"].includes(prev.pos) && !/s$/i.test(prev.text);
  let k = i - 1;
  while (k >= 0 && ["NOUN", "PROPN", "ADJ", "NUM"].includes(tokens[k]?.pos ?? "")) {
    if (PLURAL_MODIFIERS.has(lower(tokens[k]))) return true;
    k--;
  }
  if (k === i - 1) return false;
  const opener = tokens[k];
  return opener === undefined || PLURAL_MODIFIERS.has(lower(opener)) || !NOUN_DETERMINERS.has(lower(opener));
}

/** The tags isVerbTag may accept a word under when no modal stands before it. */
const VERB_READABLE_TAGS: ReadonlySet<string> = new Set(["VERB", "AUX", "", "ADV", "ADJ", "NOUN"]);

/**
 * What isVerbTag needs, without its costlier tests: one of its tags, or a modal before the word.
 * Determiners, prepositions, pronouns, names and punctuation, most tokens, fail it.
 */
function mayBeVerbTag(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return VERB_READABLE_TAGS.has((tokens[i] as Token).pos) || (prev !== undefined && MODALS.has(lower(prev)));
}

/**
 * Tagged as a verb (or untagged past the tagging budget). A noun tag is overruled only where the
 * tagger is known to slip, a plural subject then "that": "polls show that …". Whatever it accepts
 * must pass mayBeVerbTag.
 */
function isVerbTag(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "") return true;
  const prev = tokens[i - 1];
  if (prev === undefined) return false;
  // "44 percent would back Trump": after a modal the word is the bare verb, whatever its tag.
  if (MODALS.has(lower(prev))) return true;
  // "Women back him by 20 points": "back" after a subject, before its object, tagged as an adverb.
  if (t.pos === "ADV" && lower(t) === "back")
    return ["NOUN", "PROPN"].includes(prev.pos) && /^(?:him|her|them|PROPN)$/.test(lowerOrTag(tokens[i + 1]));
  if (t.pos === "ADJ") return pastFormAfterSubject(tokens, i);
  if (t.pos !== "NOUN") return false;
  const next = lower(tokens[i + 1]);
  // "Six in 10 say he …", "two-thirds support reducing …": a ratio or a fraction is the subject,
  // and the tagger reads the verb after a number as a noun.
  if (quantitySubject(tokens, i - 1)) {
    const after = tokens[i + 1];
    return (
      next === "that" ||
      ["PRON", "DET", "PROPN", "NUM"].includes(after?.pos ?? "") ||
      (after?.pos === "VERB" && /ing$/i.test(after.text))
    );
  }
  // "A majority of Republicans support deportation", "19 percent of students polled back Lopez": a
  // share of a group is the subject, and the tagger reads the verb after the group as a noun.
  const after0 = tokens[i + 1];
  if (
    shareOfGroup(tokens, i - 1) &&
    (next === "that" ||
      ["PRON", "DET", "PROPN", "NUM", "NOUN", "ADV"].includes(after0?.pos ?? "") ||
      (after0?.pos === "VERB" && /ing$/i.test(after0.text)))
  )
    return true;
  // "Merkel talks about a consensus", "labor leaders point out that …": after a name, a plural noun
  // or a subject pronoun, a cue word before a preposition its verb frame takes is that verb.
  const preps = CUE_VERBS.get(cueLemma(t.text) ?? "")?.preps ?? [];
  const subjectBefore =
    prev.pos === "PROPN" ||
    (prev.pos === "NOUN" && /s$/i.test(prev.text)) ||
    (prev.pos === "PRON" && !POSSESSIVE_PRONOUNS.has(lower(prev)));
  // A word whose noun reading is common after a name ("the Clinton campaign on", "plans for") stays a noun.
  const nounish = CUE_NOUNS.has(lower(t)) || /^(?:campaigns?|sides?|siding|votes?|voting)$/.test(lower(t));
  if (subjectBefore && !nounish && preps.includes(next)) return true;
  // "China and Russia support the government", "others vow consequences": a noun subject, then a
  // noun-tagged word opening a determiner or name object, is the verb between them.
  const after = tokens[i + 1]?.pos ?? "";
  if (["NOUN", "PROPN", "PRON"].includes(prev.pos) && ["DET", "PROPN", "NUM"].includes(after)) return true;
  // "The candidate claims his net worth …": a possessive or subject pronoun opens the object or clause.
  // "Those over 60 say they …", "majorities in all five say they …": a number ending the subject too.
  if (["NOUN", "PROPN", "NUM"].includes(prev.pos) && /^(?:his|her|their|its|he|she|they|it|we)$/.test(next))
    return true;
  // "Trump reports investments in …", "Sanders advocates tax increases": a name, then a verb in -s
  // before a bare noun object.
  if (prev.pos === "PROPN" && /s$/.test(t.text) && (after === "NOUN" || after === "ADJ"))
    return !/^(?:rules|attacks)$/i.test(t.text);
  // "Millennials support background checks": a plural subject before a bare noun object.
  if (prev.pos === "NOUN" && /s$/i.test(prev.text) && (after === "NOUN" || after === "ADJ")) return true;
  // "O'Brien, a GOP consultant, notes that …": a verb in -s right after the comma closing its
  // subject's appositive, before "that", a determiner or pronoun object, or an infinitive.
  if (prev.text === "," && /s$/i.test(t.text) && appositiveBefore(tokens, i - 1)) {
    if (next === "that" || ["DET", "PRON"].includes(after0?.pos ?? "")) return true;
    if (next === "to" && tokens[i + 2]?.pos === "VERB") return true;
  }
  // "…, records show.": a trailing attribution after the content's comma.
  if (/^[.,;]$/.test(tokens[i + 1]?.text ?? ".") && trailingSubject(tokens, i)) return true;
  // "…, warning that the deal …": a participle opening an adjunct after the comma, its clause after it.
  if (next === "that" && prev.text === "," && isParticiple(t.text)) return true;
  if (next === "that") return prev.pos === "NOUN" || prev.pos === "PRON" || prev.pos === "PROPN";
  // "Lopez plans to …": after a name, a noun-tagged form before an infinitive is the verb.
  if (next === "to" && tokens[i + 2]?.pos === "VERB") return prev.pos === "PROPN" || prev.pos === "PRON";
  // "Both think …", "they support …": after a subject pronoun or a quantifier the word is the verb.
  if (/^(?:he|she|they|we|i|you)$/.test(lower(prev))) return true;
  // After a quantifier, a noun-tagged word before a verb or a noun heads the subject itself ("Some
  // states remained", "some state laws were").
  return QUANTIFIER_SUBJECTS.has(lower(prev)) && !["VERB", "AUX", "NOUN", "ADJ"].includes(after);
}

/** Subject pronouns and "have" forms after which an adjective-tagged past form is the verb. */
const PAST_FORM_LEADS: ReadonlySet<string> = new Set(
  "he she they we i you who have has had ’ve 've".split(" "),
);

/**
 * "Mr. Reyes alleged that …", "a journalist who detailed a conversation", "groups have pressured the
 * president": the tagger reads a past form as an adjective after its subject. A name, a subject
 * pronoun or "have" (adverbs between) before it, and an object, a clause or a preposition other
 * than "by" after it, make it the verb ("the alleged crime", "is disliked by" stay adjectives).
 */
function pastFormAfterSubject(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!/ed$/i.test(t.text)) return false;
  const n = tokens[i + 1];
  if (!n || !["DET", "PRON", "PROPN", "SCONJ", "NUM", "ADP"].includes(n.pos) || lower(n) === "by")
    return false;
  let k = i - 1;
  while (k > 0 && tokens[k]?.pos === "ADV") k--;
  const p = tokens[k];
  if (!p) return false;
  return (p.pos === "PROPN" && k === i - 1) || PAST_FORM_LEADS.has(lower(p));
}

/** Words of an appositive between its two commas ("Gerry O'Brien, [a GOP political consultant],"). */
const MAX_APPOSITIVE_TOKENS = 10;

/**
 * Does the comma at `comma` close an appositive after a name: "Name, noun phrase,"? The phrase
 * holds no verb and opens with a determiner, a possessive or a title word.
 */
function appositiveBefore(tokens: readonly Token[], comma: number): boolean {
  for (let k = comma - 1; k > 0 && comma - k <= MAX_APPOSITIVE_TOKENS; k--) {
    const t = tokens[k] as Token;
    if (t.text === ",") return k + 1 < comma && tokens[k - 1]?.pos === "PROPN";
    if (["VERB", "AUX", "SCONJ", "PUNCT"].includes(t.pos) && t.text !== "-") return false;
  }
  return false;
}

/** Words after a verb that show a headline run inside a longer sentence. */
const TITLE_RUN_WORDS = 3;

/**
 * "…February 6, 2016 9:52PMBush Says We Should Pay Attention To History": a live blog's entry
 * headline glued to the text around it, so the sentence is not title case as a whole; the words
 * of four letters or more right after the verb are.
 */
function titleCaseAfter(tokens: readonly Token[], i: number): boolean {
  // "the United States Out Of …": in running text "States" is a name's last word, never a verb.
  if (lower(tokens[i]) === "states") return false;
  let seen = 0;
  for (let k = i + 1; k < tokens.length && seen < TITLE_RUN_WORDS; k++) {
    const t = tokens[k] as Token;
    if (!/^\p{L}/u.test(t.text)) return false;
    if (t.text.length < 4) continue;
    if (!/^\p{Lu}\p{Ll}/u.test(t.text)) return false;
    seen++;
  }
  return seen === TITLE_RUN_WORDS;
}

/**
 * A headline's verb the tagger took for a name: "Donald Trump Praises Breitbart's Editor", "ESPN
 * Fires Schilling", "Marine Le Pen Backs Trump": a present-tense form in -s after a capitalised
 * subject word, before a capitalised word or a preposition.
 */
function headlineVerb(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const p = tokens[i - 1];
  const n = tokens[i + 1];
  // Asked of every token: the final "s" rules out most of them before the Unicode pattern.
  if (t.text.charCodeAt(t.text.length - 1) !== 115) return false;
  if (!p || !n || !/^\p{Lu}\p{Ll}+s$/u.test(t.text) || /ss$/.test(t.text)) return false;
  if (!/^\p{Lu}/u.test(p.text) || !["PROPN", "NOUN"].includes(p.pos)) return false;
  return /^\p{Lu}/u.test(n.text) || n.pos === "ADP";
}

/**
 * "a new group called Black Votes Matter", "a party called “Anti-Prom”": "called" after a common
 * noun, before a name, gives the thing its name; "called off", "called in" are other verbs.
 */
function namingCall(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const next = tokens[i + 1];
  if (/^(?:off|in|up|back)$/.test(lower(next))) return true;
  const p = tokens[i - 1];
  if (!/^called$/i.test(t.text) || !p || !["NOUN", "PROPN"].includes(p.pos)) return false;
  // An indefinite noun phrase: "a (new) group called …", not "one lawmaker called Trump …".
  let k = i - 1;
  while (k > 0 && ["NOUN", "ADJ", "PUNCT"].includes((tokens[k] as Token).pos) && i - k <= 4) k--;
  const head = lower(next) === "the" ? tokens[i + 2] : next;
  const named = head !== undefined && (/^[\p{Lu}“"‘'#]/u.test(head.text) || head.pos === "PROPN");
  if (p.pos === "NOUN" && /^(?:a|an)$/i.test((tokens[k] as Token).text)) return named;
  // "a syllabus for a history class called “Frontiers” on her site", "a super PAC called Our
  // Future is …", "Lopez called Tom Reyes on Tuesday": after a noun, a name with nothing after it
  // for the name to be called leaves "called" naming a thing or placing a phone call, not
  // calling someone something ("called Reyes “a coward”", "called Reyes a liar").
  // "what lawmakers called “fraud”": the free relative's subject calls the thing something.
  if (tokens.slice(Math.max(0, i - 4), i).some((x) => lower(x) === "what")) return false;
  return named && !nameHasComplement(tokens, i + 1);
}

/** Tokens of a name after "called" ("the Western Farmers Party", "“Frontiers”"). */
const MAX_NAME_TOKENS = 8;

/**
 * Does the name starting at `k` (capitalised words, or a quotation) have a complement after it,
 * something it is called ("Reyes “a coward”", "Reyes a liar", "Mexico's leaders …")?
 */
function nameHasComplement(tokens: readonly Token[], k: number): boolean {
  let e = k;
  const open = tokens[e];
  if (open && /^[“"‘']$/.test(open.text)) {
    e++;
    while (e < tokens.length && e - k < MAX_NAME_TOKENS && !/^[”"’']$/.test((tokens[e] as Token).text)) e++;
    e++;
  } else {
    if (lower(tokens[e]) === "the") e++;
    while (
      e < tokens.length &&
      e - k < MAX_NAME_TOKENS &&
      (/^[\p{Lu}\d]/u.test((tokens[e] as Token).text) ||
        (/^(?:of|and|&)$/.test(lower(tokens[e])) && /^\p{Lu}/u.test(tokens[e + 1]?.text ?? "")))
    )
      e++;
  }
  const after = tokens[e];
  if (after === undefined || /^[.;:!?)—–]$/.test(after.text)) return false;
  // "called Yanukovych, a former coal director, an outstanding leader": an appositive may stand
  // before the complement; only a relative clause after the comma closes the name.
  if (after.text === ",") return !/^(?:which|who|whose)$/i.test(lower(tokens[e + 1]));
  if (after.pos === "VERB" || after.pos === "AUX" || after.pos === "ADP") return false;
  return !/^(?:that|which|who|whose)$/i.test(after.text);
}

/** A token's lower-case text, or its tag for a name ("PROPN"). */
function lowerOrTag(t: Token | undefined): string {
  return t?.pos === "PROPN" ? "PROPN" : lower(t);
}

/** Compound nouns opened by a cue word ("think tank"), where that word is no verb. */
const COMPOUND_NOUNS: ReadonlySet<string> = new Set([
  "think tank",
  "think tanks",
  "talk show",
  "talk shows",
  "talk radio",
  "report card",
  "call center",
  "wish list",
]);

/** Fractions standing as a subject after their number ("two-thirds", "three quarters"). */
const FRACTIONS: ReadonlySet<string> = new Set(
  "half halves third thirds quarter quarters fifth fifths tenths majority".split(" "),
);

/** Does token `k` end a quantity subject: a ratio ("six in 10", "nine out of 10") or a fraction ("two-thirds")? */
function quantitySubject(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t === undefined) return false;
  if (t.pos === "NUM") {
    const p = lower(tokens[k - 1]);
    return (
      (p === "in" || p === "of") &&
      tokens[p === "of" && lower(tokens[k - 2]) === "out" ? k - 3 : k - 2]?.pos === "NUM"
    );
  }
  return (
    FRACTIONS.has(lower(t)) &&
    (tokens[k - 1]?.pos === "NUM" || (tokens[k - 1]?.text === "-" && tokens[k - 2]?.pos === "NUM"))
  );
}

/** Heads of a share of a group standing as the subject ("a majority of", "19 percent of"). */
const SHARE_HEADS: ReadonlySet<string> = new Set(
  "percent % majority majorities plurality minority most many some half third thirds quarter share".split(
    " ",
  ),
);

/** Words of the group after a share's "of" ("of Republican primary voters in all five states polled"). */
const MAX_GROUP_WORDS = 10;

/** Does token `k` end a share of a group: a share head, "of", then the group's nouns ("most of the senators surveyed")? */
function shareOfGroup(tokens: readonly Token[], k: number): boolean {
  let plural = false;
  for (let j = k; j >= 0 && k - j < MAX_GROUP_WORDS; j--) {
    const t = tokens[j] as Token;
    if (lower(t) === "of") return plural && j < k && SHARE_HEADS.has(lower(tokens[j - 1]));
    if (t.pos === "PROPN" || (t.pos === "NOUN" && /s$/i.test(t.text))) plural = true;
    else if (!["NOUN", "ADJ", "DET", "NUM", "ADP", "VERB"].includes(t.pos) && t.text !== "-") return false;
  }
  return false;
}

/** Words of a trailing attribution's subject ("…, newly filed campaign records show."). */
const MAX_TRAILING_SUBJECT_TOKENS = 6;

/** The noun phrase just before `i` follows a comma: `i` closes a trailing attribution. */
function trailingSubject(tokens: readonly Token[], i: number): boolean {
  let s = i;
  while (s > 0 && i - s < MAX_TRAILING_SUBJECT_TOKENS) {
    const p = tokens[s - 1] as Token;
    if (!["NOUN", "PROPN", "ADJ", "DET", "NUM"].includes(p.pos)) break;
    s--;
  }
  return s < i && s > 0 && /^[,—–]$/.test((tokens[s - 1] as Token).text);
}

/** Start of the verb group ending at the cue verb `i`: auxiliaries, modals, negation, adverbs. */
function groupStart(tokens: readonly Token[], i: number): number {
  let s = i;
  while (s > 0 && i - s < MAX_GROUP_TOKENS) {
    const p = tokens[s - 1] as Token;
    // "have both argued", "has since said": a floating word after the auxiliary.
    const insert = AUXILIARY_INSERTS.has(lower(p)) && tokens[s - 2]?.pos === "AUX";
    // A name spelled like an auxiliary ("May said", tagged PROPN by names.ts) is the subject.
    const auxiliary = (AUXILIARIES.has(p.lower) && p.pos !== "PROPN") || p.pos === "AUX";
    if (auxiliary || (p.pos === "ADV" && /ly$/.test(p.text)) || insert) s--;
    else break;
  }
  return s;
}

/**
 * The cue sits in an adverbial clause ("When Kerry said the talks had failed, …") or a relative one
 * ("voters who said the economy mattered most split …"): its content ends at the clause's comma.
 */
function inSubordinateClause(tokens: readonly Token[], from: number): boolean {
  for (let k = from - 1; k >= Math.max(0, from - MAX_SUBORDINATE_LOOKBACK); k--) {
    const w = lower(tokens[k]);
    if (w === "," || w === ";" || w === "—") return false;
    if (SUBORDINATORS.has(w) || w === "who" || w === "which") return true;
  }
  return false;
}

/**
 * The cue heads a relative clause ("voters who said …") or a participle modifying a noun ("those
 * saying …", "an ad that urges …"): the main clause's verb comes after the content.
 */
function inRelativeClause(tokens: readonly Token[], from: number, verb: number): boolean {
  const before = lower(tokens[from - 1]);
  if (before === "who" || before === "which" || before === "that") return true;
  const p = tokens[from - 1];
  return (
    isParticiple((tokens[verb] as Token).text) && p !== undefined && (p.pos === "NOUN" || p.pos === "PRON")
  );
}

/** The words right after `k` open a quotation (", “…" / ": “…"): the quotation is the content. */
function quotationFollows(tokens: readonly Token[], k: number): boolean {
  const p = tokens[k]?.text ?? "";
  const q = tokens[k + 1]?.text ?? "";
  return /^[,:]$/.test(p) && /^[“"‘']/.test(q);
}

/** Passive voice ("was asked", "is expected", "has been described as"): the grammatical subject is not the source. */
function isPassive(tokens: readonly Token[], from: number, verb: number): boolean {
  if (!isPastForm((tokens[verb] as Token).text)) return false;
  for (let k = verb - 1; k >= from; k--) {
    const w = lower(tokens[k]);
    if (!BE_FORMS.has(w)) continue;
    // "he's argued that …", "who's called for …": an "'s" before a participle with a clause or an
    // object of its own is "has"; a passive cue has lost its object ("it's believed", "he's accused of").
    // "it's assumed the …" stays passive: "it" there stands for the clause, not for a holder.
    const expletive = /^(?:it|that|there|what)$/.test(lower(tokens[k - 1]));
    if ((w === "'s" || w === "’s") && !expletive && activeComplement(tokens, verb)) continue;
    return true;
  }
  return false;
}

/** Verbs whose object comes before "as", "of", "for" or "with": with none between, they are passive. */
const OBJECT_FIRST: ReadonlySet<string> = new Set(
  "accuse charge see regard view consider describe mention list label brand portray praise criticize criticise blame credit deem".split(
    " ",
  ),
);

/** Relative and wh-words whose clause has its object before the subject ("what the writers described as"). */
const OBJECT_GAP_WORDS: ReadonlySet<string> = new Set(["whom", "which", "what", "who", "that"]);

/**
 * "a contractor accused of spying", "Scalia, regarded as the court's anchor", "a state seen as
 * critical": a participle after a noun phrase with its object missing is a reduced passive, and
 * with no "by" agent it names no source ("what the writers described as …" is active: its object
 * went first).
 */
function agentlessReducedPassive(tokens: readonly Token[], from: number, verb: number): boolean {
  if (
    !OBJECT_FIRST.has(cueLemma((tokens[verb] as Token).text) ?? "") ||
    !isPastForm((tokens[verb] as Token).text)
  )
    return false;
  if (!/^(?:as|of|for|with)$/.test(lower(tokens[verb + 1]))) return false;
  let k = from - 1;
  if (tokens[k]?.text === ",") k--;
  const head = tokens[k];
  if (!head || !["NOUN", "PROPN"].includes(head.pos)) return false;
  for (let j = k - 1; j >= Math.max(0, k - MAX_MENTION_LEAD_TOKENS); j--) {
    const w = lower(tokens[j]);
    if (OBJECT_GAP_WORDS.has(w)) return false;
    if (/^[,.;:]$/.test(w)) break;
  }
  return true;
}

/** The participle at `verb` takes a that-clause, a subject or object pronoun, a determiner or "for" next. */
function activeComplement(tokens: readonly Token[], verb: number): boolean {
  const lemma = cueLemma((tokens[verb] as Token).text);
  if (lemma === null || CUE_VERBS.get(lemma)?.recipient) return false;
  const next = tokens[verb + 1];
  if (next === undefined) return false;
  return /^(?:that|for|he|she|they|we|i|it|his|her|their|the|a|an)$/i.test(next.text);
}

/** Token span of a Speaker's mention, for the source finders that work on spans. */
function tokenAt(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The source of a cue verb group [from, to): a relative pronoun standing for the name before it
 * ("Kerry, who said"), the subject before the group or after it ("said Mr. Kerry"), else the
 * subject of the attribution it is coordinated with ("… and argued that", ", adding that").
 */
function sourceOf(
  ctx: SentenceCtx,
  from: number,
  to: number,
  previous: Speaker | null,
  inverts = true,
  listener = false,
): Speaker | null {
  const { tokens, finder } = ctx;
  const before = tokens[from - 1];
  const cue = { start: (tokens[from] as Token).start, end: (tokens[to - 1] as Token).end };
  if (before && RELATIVE_PRONOUNS.has(lower(before)) && from - 1 > 0) {
    return relativeSource(ctx, from - 1, cue);
  }
  if (impersonalInfinitive(tokens, from)) return null;
  const controlled = controlledObject(tokens, from);
  if (controlled) {
    const s = finder.resolve(tokens, controlled[0], controlled[1], cue);
    // "led them to believe": an object pronoun is the mention even where it resolves to nobody.
    return s?.mention ? s : { speaker: null, entity: null, mention: tokenSpan(tokens, ...controlled), cue };
  }
  // ", said Tom Reyes, the party whip.": after a comma, a name right after the cue is its subject.
  // Only a cue whose content may come first inverts: in "Mukasey, the former attorney general,
  // criticized Clinton's email use." the name after the cue is its object.
  const next = tokens[to];
  // "…, Reyes said Sunday.": a day after the cue is when, not who.
  const subjectNext =
    next !== undefined &&
    !TIME_WORDS.test(next.text) &&
    (/^\p{Lu}/u.test(next.text) ||
      /^(?:the|a|an|one|another|his|her|their|its|several|some|two|three|four|five|six)$/i.test(next.text));
  // "…, Reyes, a close adviser, told AFP.": a verb whose first object is always the listener never
  // puts its subject after it.
  const lemma = cueLemma((tokens[to - 1] as Token).text);
  const listenerFirst = LISTENER_FIRST.has(lemma ?? "");
  // "say" takes no noun phrase as its object, so one after it, with an adjunct, is its subject;
  // after "noted" or "shows" it is the object ("…, noted the rule in her speech").
  const saying = lemma === "say";
  if (inverts && before && /^[,”"’]$/.test(before.text) && subjectNext && !listenerFirst) {
    const after = finder.subjectAfter(tokens, to, tokens.length, cue);
    // A described subject only after a verb of saying with no listener ("…, said an official";
    // "…, told a young woman who …" names whom he told).
    const named = /^\p{Lu}/u.test((next as Token).text);
    const described =
      !listener && INVERTING.has(lemma ?? "") && after?.mention && describedSubject(tokens, after.mention);
    if (after?.mention && invertedSubject(tokens, after.mention, saying) && (named || described))
      return after;
  }
  // "Kasich offered him a job as Secretary of Defense, then says …": a sequencing adverb after the
  // comma opens a second verb of the same subject, never of the noun just before it.
  // A participle there ("Trump, later alleging …") still takes the subject before its comma.
  if (
    /^(?:then|later)$/.test(lower(tokens[from])) &&
    before &&
    /^(?:,|and)$/.test(lower(before)) &&
    !isParticiple((tokens[to - 1] as Token).text)
  ) {
    // The main clause's subject, not the last attribution's, which may sit in a clause within it
    // ("responded by saying he …, and then pointed out …").
    const shared = mainSubject(ctx, from) ?? previous;
    return shared ? { ...shared, cue } : null;
  }
  const own = participleSubject(ctx, from, to, cue);
  if (own) return own;
  const found = finder.fromCue(tokens, { from, to, kind: "verb" }, 0, tokens.length);
  const afterCue = found?.mention && found.mention.start >= cue.end;
  // "Recognizing this, Mr. Rubio joined …": a participle opening the sentence has the main clause's subject.
  const fronted = frontedParticiple(tokens, from);
  // "…, predicted a win." has its object after the cue: only verbs of saying put a described subject there.
  const describedAfter =
    afterCue && !/^\p{Lu}/u.test(body(ctx, found?.mention as Span)) && !INVERTING.has(lemma ?? "");
  // "…, an intelligence source, who …, told Fox News.": after a verb whose first object is its
  // listener, the noun phrase is the listener, never the subject.
  const invertedAfter =
    afterCue &&
    !listenerFirst &&
    inverts &&
    !describedAfter &&
    invertedSubject(tokens, found?.mention as Span, saying);
  if (found && (fronted || !afterCue || invertedAfter))
    return afterCue ? found : (subjectOutside(ctx, found, cue) ?? found);
  const b = lower(before);
  if (fronted) {
    const range = frontedSubject(tokens, to - 1);
    const s = range ? finder.resolve(tokens, range[0], range[1], cue) : null;
    if (s?.mention) return s;
  }
  // "An analysis by Politifact of elections going back to 1972 showed": a subject too long to see
  // from the verb, found from the clause's start.
  if (!isParticiple((tokens[to - 1] as Token).text) && !/^(?:and|but|or|to|then)$/.test(b)) {
    const range = clauseInitialSubject(tokens, from);
    if (range) {
      const s = finder.resolve(tokens, range[0], range[1], cue);
      if (s?.mention) return s;
    }
  }
  if (b === "—" || b === "–" || b === ")") {
    const aside = asideStart(tokens, from - 1);
    if (aside > 0) {
      const s = finder.subjectBefore(tokens, aside, 0, cue);
      if (s) return s;
    }
  }
  const coordinated = b === "and" || b === "but" || b === "," || b === "or";
  if (coordinated || isParticiple((tokens[to - 1] as Token).text)) {
    const shared = previous ?? mainSubject(ctx, from);
    if (shared) return { ...shared, cue };
  }
  return null;
}

/** Adjectives of an impersonal frame ("it is hard to say", "it's fair to assume"). */
const IMPERSONAL_ADJECTIVES: ReadonlySet<string> = new Set(
  "hard easy difficult fair safe impossible possible tough reasonable premature".split(" "),
);

/**
 * "It's hard to say whether …", "which makes it hard to judge …", "it's fair to assume …": the
 * infinitive's understood subject is anyone, so the attitude has no holder in the sentence.
 */
function impersonalInfinitive(tokens: readonly Token[], from: number): boolean {
  if (lower(tokens[from - 1]) !== "to" || !IMPERSONAL_ADJECTIVES.has(lower(tokens[from - 2]))) return false;
  // "Trump will find it difficult to repeat …": after "find it" the finder is the subject.
  if (lower(tokens[from - 3]) === "it") return cueLemma(tokens[from - 4]?.text ?? "") !== "find";
  return /^(?:is|was|be|been|'s|’s|seems|remains)$/.test(lower(tokens[from - 3]));
}

/** Is the cue at `from` a participle opening its sentence ("Recognizing this, …", "Asked about it, …")? */
function frontedParticiple(tokens: readonly Token[], from: number): boolean {
  return opensClause(tokens, from) && /(?:ing|ed)$/i.test((tokens[from] as Token).text);
}

/** Nouns of evidence and records that do the showing in a reduced relative ("ledgers showing …"). */
const SHOWING_NOUNS: ReadonlySet<string> = new Set(
  "results records documents figures numbers polling emails ledgers filings returns".split(" "),
);

/**
 * A participle cue right after its own subject: "with 22 percent saying they would …", "with polls
 * showing …", "handwritten ledgers showing …", "an item suggesting …". After "with" the noun phrase
 * is the participle's subject (an absolute clause); a noun of evidence or of people before it is
 * too (a reduced relative: "a group backing Bush", "donors seeking help"), unless those people are
 * addressed ("emailed supporters saying …"). Null when none holds, and the clause's subject is
 * looked for as usual. Any name right before the participle ("Pope Francis calling …") was tried:
 * as many wrong subjects as right ones (train +4 source hits, +7 mentions; F1 unchanged).
 */
function participleSubject(ctx: SentenceCtx, from: number, to: number, cue: Span): Speaker | null {
  const { tokens, finder } = ctx;
  const verb = tokens[from] as Token;
  const prev = tokens[from - 1];
  if (!/ing$/i.test(verb.text) || !prev || to - from > 2) return null;
  if (!["NOUN", "PROPN", "NUM"].includes(prev.pos) && !/^(?:percent|%)$/.test(lower(prev))) return null;
  const s = subjectPhraseStart(tokens, from - 1);
  const lead = lower(tokens[s - 1]);
  const evidence = EVIDENCE_NOUNS.has(lower(prev)) || SHOWING_NOUNS.has(lower(prev));
  // "published a report detailing …" is the publisher's: an object of evidence hands the attitude on.
  const object = ["ADP", "VERB", "AUX"].includes(tokens[s - 1]?.pos ?? "") && lead !== "including";
  if (lead !== "with" && !(evidence && !object) && !(holderNoun(lower(prev)) && !listenerAt(tokens, s)))
    return null;
  const found = finder.resolve(tokens, s, from, cue);
  return found?.mention ? found : null;
}

/** Nouns of groups of people, which act on their own ("a group backing Bush", "others supporting a ban"). */
const GROUP_NOUNS: ReadonlySet<string> = new Set(
  "group groups pac pacs people others protesters demonstrators marchers crowd crowds".split(" "),
);

/** A noun for people ("donors", "a gunman", "groups"), who may be a participle's own subject. */
function holderNoun(word: string): boolean {
  if (GROUP_NOUNS.has(word)) return true;
  const singular = word.replace(/(?<=[^s])s$/, "");
  return ROLE_NOUNS.has(singular) || PERSON_HEADS.has(singular) || /(?:man|woman|men|women)$/.test(word);
}

/**
 * Does the noun phrase starting at `s` stand as a listener: the object of a verb ("emailed
 * supporters saying …") or "to" after a message ("a text message to supporters saying …")? Then the
 * participle is the sender's.
 */
function listenerAt(tokens: readonly Token[], s: number): boolean {
  // "a letter to the board of directors urging …": the listener is the whole phrase before "of".
  const start = lower(tokens[s - 1]) === "of" ? subjectPhraseStart(tokens, s - 1) : s;
  const lead = tokens[start - 1];
  if (lead?.pos === "VERB") return sendingVerb(lead);
  if (lower(lead) !== "to") return false;
  // "sent a letter on Thursday to Senate leaders opposing …": the message stands a few words back.
  for (let k = start - 2; k >= Math.max(0, start - 2 - MAX_MESSAGE_TOKENS); k--) {
    const t = tokens[k] as Token;
    if (MESSAGE_NOUNS.has(lower(t)) || (k === start - 2 && t.pos === "VERB" && sendingVerb(t))) return true;
    if (t.pos === "PUNCT") return false;
  }
  return false;
}

/** A verb that addresses people: a cue verb ("emailed supporters", "told donors") or one of sending. */
function sendingVerb(t: Token): boolean {
  return cueLemma(t.text) !== null || /^(?:send|sends|sent|sending|texted|mailed)$/i.test(t.text);
}

/** Words between a message noun and the "to" of its listener ("a letter on Thursday to"). */
const MAX_MESSAGE_TOKENS = 3;

/** Nouns of a message sent to people ("an email to supporters", "a pitch to voters"). */
const MESSAGE_NOUNS: ReadonlySet<string> = new Set(
  "message email letter letters note pitch appeal statement memo video ad plea".split(" "),
);

/** Relative pronouns that open a clause modifying the subject ("voters who …", "the poll, whose …"). */
const RELATIVE_OPENERS: ReadonlySet<string> = new Set(["who", "which", "whose"]);

/** Tokens scanned back from a found subject for the relative pronoun whose clause holds it. */
const MAX_RELATIVE_TOKENS = 30;

/**
 * "Hawkins and others who want to ban abortion said …", "Mr. Paulson, who made billions on a bet
 * against subprime mortgages, told …": the noun phrase right before the cue is the relative
 * clause's object, and the subject is the phrase the clause hangs from. Also "The State Department
 * less than two weeks ago said": a time phrase before the verb is no subject. Null when `found`
 * stands.
 */
function subjectOutside(ctx: SentenceCtx, found: Speaker, cue: Span): Speaker | null {
  const { tokens, finder } = ctx;
  const m = found.mention;
  if (!m) return null;
  const at = tokenAt(tokens, m.start);
  if (TIME_HEADS.has(lower(tokens[tokenAt(tokens, m.end) - 1]))) {
    let k = at;
    while (k > 0 && /^(?:less|more|than|about|nearly|almost|just|over)$/.test(lower(tokens[k - 1]))) k--;
    const earlier = k > 0 ? finder.subjectBefore(tokens, k, 0, cue) : null;
    if (earlier?.mention && earlier.mention.end <= m.start)
      return subjectOutside(ctx, earlier, cue) ?? earlier;
    return null;
  }
  // The phrase must be an object inside the clause (after its verb or a preposition), not a subject
  // opening a clause of its own (", the BBC reported", "because he claimed").
  const lead = tokens[at - 1];
  if (!lead || !["VERB", "ADP", "PART"].includes(lead.pos) || /^(?:that|as|because|if)$/.test(lower(lead)))
    return null;
  let verb = false;
  for (let k = at - 1; k > 0 && at - k <= MAX_RELATIVE_TOKENS; k--) {
    const t = tokens[k] as Token;
    const w = lower(t);
    if (/^[;:.!?]$/.test(w) || ctx.quoted.has(t.start) || CLAUSE_BREAK_WORDS.has(w)) return null;
    if (t.pos === "VERB" || t.pos === "AUX") verb = true;
    if (!RELATIVE_OPENERS.has(w)) continue;
    if (!verb && w !== "whose") return null;
    const outer = finder.subjectBefore(tokens, k, 0, cue);
    if (!outer?.mention || outer.mention.end > t.start) return null;
    return outer;
  }
  return null;
}

/** Words that open another clause: a relative clause scanned back from a subject never crosses them. */
const CLAUSE_BREAK_WORDS: ReadonlySet<string> = new Set(
  "but because when while although though if since until unless whereas so that".split(" "),
);

/** Heads of a time phrase that may stand between a subject and its verb ("two weeks ago", "this past week"). */
const TIME_HEADS: ReadonlySet<string> = new Set(
  "ago week weeks month months year years day days weekend morning afternoon evening night".split(" "),
);

/** Longest aside skipped between a subject and its verb ("Many speakers — including … — said"). */
const MAX_ASIDE_TOKENS = 20;

/** Index of the dash or parenthesis opening the aside that closes at `close`, or -1. */
function asideStart(tokens: readonly Token[], close: number): number {
  const mark = (tokens[close] as Token).text;
  const open = mark === ")" ? "(" : mark;
  for (let k = close - 1; k >= Math.max(0, close - MAX_ASIDE_TOKENS); k--) {
    if ((tokens[k] as Token).text === open) return k;
  }
  return -1;
}

/**
 * The subject of the sentence's first verb before `before`: a coordinated or participle cue
 * shares it ("Reid caucused in Nevada and says …", "Bolton distanced himself …, saying …").
 */
function mainSubject(ctx: SentenceCtx, before: number): Speaker | null {
  const { tokens, finder } = ctx;
  // Computed once per sentence: the first verb and its subject do not depend on the cue.
  if (ctx.main === undefined) {
    ctx.main = null;
    for (let v = 1; v < tokens.length; v++) {
      const t = tokens[v] as Token;
      if (t.pos !== "VERB" && t.pos !== "AUX") continue;
      if (isParticiple(t.text) && tokens[v - 1]?.text === ",") continue;
      const s = finder.subjectBefore(tokens, groupStart(tokens, v), 0, null);
      const relative = s?.mention && /^(?:who|which|that)$/i.test(tokenText(tokens, s.mention));
      ctx.main = { verb: v, speaker: s && !relative ? s : null };
      break;
    }
  }
  return ctx.main !== null && ctx.main.verb < before ? ctx.main.speaker : null;
}

function tokenText(tokens: readonly Token[], span: Span): string {
  return tokens
    .filter((t) => t.start >= span.start && t.end <= span.end)
    .map((t) => t.text)
    .join(" ");
}

/**
 * A subject after its cue ("…, said Mr. Kerry." / "…, said the official, who …") ends the clause;
 * a noun phrase that runs on into more words is the content's own subject ("says he introduced").
 */
function invertedSubject(tokens: readonly Token[], mention: Span, adjuncts: boolean): boolean {
  const at = tokenAt(tokens, mention.end);
  const after = tokens[at];
  if (after === undefined || /^[,.;!?—–]$/.test(after.text)) return true;
  // "…, said an American official who was briefed on the talks.": a relative clause on the subject
  // that runs to the sentence's end ("said the aide who succeeded him, should go" is a clause).
  if (/^(?:who|whose)$/i.test(after.text))
    return !tokens.slice(at, at + MAX_CONTENT_TOKENS).some((t) => t.text === "," || t.text === ";");
  return adjuncts && trailingModifierEnds(tokens, at);
}

/** Words of a modifier or adjunct after an inverted subject ("in an interview on Monday"). */
const MAX_TRAILING_MODIFIER_TOKENS = 12;

/**
 * "…, said Mr. Smith on Monday.", "…, said the president in a speech.", "…, said a person familiar
 * with the matter.", "…, said two people briefed on the plan.": after an inverted subject, a time
 * word, a prepositional phrase, or an adjective or participle taking one, running to the sentence's
 * end with no verb of its own, leaves the subject where it is; a verb there makes the phrase the
 * content's own subject ("says the plan would cost …").
 */
function trailingModifierEnds(tokens: readonly Token[], at: number): boolean {
  const first = tokens[at] as Token;
  const second = tokens[at + 1];
  const opens =
    TIME_WORDS.test(first.text) ||
    first.pos === "ADP" ||
    ((first.pos === "ADJ" || (first.pos === "VERB" && isPastForm(first.text))) && second?.pos === "ADP");
  if (!opens || lower(first) === "that") return false;
  for (let k = at + 1; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (/^[.!?]$/.test(t.text)) return true;
    // "…, said the board in a statement that was released later.": a relative clause closing the
    // adjunct, to the sentence's end.
    if (/^(?:who|whose|which|that)$/i.test(t.text))
      return !tokens.slice(k, k + MAX_CONTENT_TOKENS).some((x) => x.text === "," || x.text === ";");
    if (k - at >= MAX_TRAILING_MODIFIER_TOKENS || /^[,;:—–"“”]$/.test(t.text)) return false;
    if (t.pos === "AUX" || (t.pos === "VERB" && !isPastForm(t.text) && !isParticiple(t.text))) return false;
  }
  return true;
}

/** The text of a span of the sentence. */
function body(ctx: SentenceCtx, span: Span): string {
  return tokenText(ctx.tokens, span);
}

/** Verbs whose first object is the listener ("told AFP", "assured donors"): never inverted. */
const LISTENER_FIRST: ReadonlySet<string> = new Set(
  "tell assure remind inform notify convince persuade".split(" "),
);

/** Verbs of saying that put a described subject after them ("…, said a senior official"). */
const INVERTING: ReadonlySet<string> = new Set(
  "say add write note explain recall insist argue acknowledge warn conclude concede observe remark reply respond ask admit claim report".split(
    " ",
  ),
);

/** A described subject after the cue ("said an American official"): short, and no verb inside it. */
function describedSubject(tokens: readonly Token[], mention: Span): boolean {
  const inside = tokens.filter((t) => t.start >= mention.start && t.end <= mention.end);
  return (
    inside.length <= MAX_DESCRIBED_SUBJECT_TOKENS && !inside.some((t) => t.pos === "VERB" || t.pos === "AUX")
  );
}

/** Words of a described subject after its cue ("said a senior administration official"). */
const MAX_DESCRIBED_SUBJECT_TOKENS = 6;

/**
 * "Kerry, who said …", "the agency, which reported …": the relative pronoun is the source mention
 * (the guidelines leave the antecedent out); the speaker is the antecedent's entity.
 */
function relativeSource(ctx: SentenceCtx, rel: number, cue: Span): Speaker | null {
  const { tokens, finder } = ctx;
  const r = tokens[rel] as Token;
  const prev = tokens[rel - 1] as Token;
  // "that" is a relative pronoun only right after a noun ("officials that say"), not a complementiser.
  if (lower(r) === "that" && !(prev.pos === "NOUN" || prev.pos === "PROPN")) return null;
  const at = prev.text === "," ? rel - 1 : rel;
  const antecedent = finder.subjectBefore(tokens, at, 0, cue);
  const mention = { start: r.start, end: r.end };
  return {
    speaker: antecedent?.speaker ?? null,
    entity: antecedent?.entity ?? null,
    mention,
    cue,
  };
}

/**
 * Is there a verb after `k` before the clause ends: "says [President Obama's new actions …] aren't
 * worth …" is a clause, "said in an interview on Tuesday." is not.
 */
function clauseFollows(tokens: readonly Token[], k: number): boolean {
  for (let j = k; j < Math.min(tokens.length, k + MAX_CONTENT_TOKENS); j++) {
    const t = tokens[j] as Token;
    if (/^[.;:!?]$/.test(t.text)) return false;
    if (t.pos === "AUX" || (t.pos === "VERB" && j > k)) return true;
  }
  return false;
}

/**
 * "said on Tuesday in a statement that …": the "that" within a few tokens, with no verb between.
 * With `infinitive`, an adjunct may also lead to the infinitive ("decided after a review not to
 * charge her").
 */
function thatAhead(tokens: readonly Token[], k: number, infinitive = false): number {
  for (let j = k; j < Math.min(tokens.length, k + MAX_THAT_LOOKAHEAD); j++) {
    const t = tokens[j] as Token;
    if (lower(t) === "that") return j;
    if (infinitive && j > k && lower(t) === "to" && tokens[j + 1]?.pos === "VERB")
      return lower(tokens[j - 1]) === "not" ? j - 1 : j;
    // "at a campaign stop in Toledo", "in an even voice", "in a Post op-ed": a noun after a
    // determiner or a modifier, tagged as a verb; "during a taping": a gerund as a preposition's object.
    const p = tokens[j - 1];
    const nounAfterDeterminer =
      t.pos === "VERB" &&
      (["DET", "ADJ", "NOUN"].includes(p?.pos ?? "") ||
        (p?.pos === "ADV" && tokens[j - 2]?.pos === "DET") ||
        (p?.text === "-" && j - 1 > k) ||
        (p?.pos === "ADP" && /ing$/i.test(t.text)));
    if (((t.pos === "VERB" || t.pos === "AUX") && !nounAfterDeterminer) || /^[.;:!?]$/.test(t.text))
      return -1;
  }
  return -1;
}

/** Skip the listener after "told", "assured", "reminded": a pronoun or a short noun phrase. */
/**
 * Is token `i` a possessive ending glued to the word before it ("Trump's", "Sanders'"), not a
 * quotation mark ("…,'' he said" in papers that quote with two apostrophes)?
 */
function possessiveMark(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const prev = tokens[i - 1];
  if (prev === undefined || prev.end !== t.start || !/\p{L}$/u.test(prev.text)) return false;
  if (/^['’]s$/.test(t.text)) return true;
  const next = tokens[i + 1];
  return /^['’]$/.test(t.text) && /s$/i.test(prev.text) && (next === undefined || next.start > t.end);
}

function skipRecipient(tokens: readonly Token[], k: number): number {
  const t = tokens[k];
  if (!t) return k;
  if (/^(?:me|him|her|us|them|you|it)$/i.test(t.text)) return k + 1;
  let j = k;
  while (j < tokens.length && j - k < MAX_RECIPIENT_TOKENS) {
    const t = tokens[j] as Token;
    // "told Trump's aides", "wrote to Sanders' Senate office": a possessive inside the phrase.
    const possessive = j > k && possessiveMark(tokens, j);
    if (!possessive && !["DET", "ADJ", "NOUN", "PROPN", "NUM"].includes(t.pos)) break;
    // "told reporters the vote would slip": a determiner after the listener opens the clause.
    if (j > k && t.pos === "DET" && ["NOUN", "PROPN"].includes((tokens[j - 1] as Token).pos)) break;
    j++;
  }
  return j;
}

/**
 * Where the content after a cue starts, or -1 when nothing attributable follows: "that", an
 * infinitive, a wh-clause, a preposition of the frame ("called for"), a clause or an object.
 * Returns the cue's end too (a frame preposition or "out" joins the cue).
 */
function contentAfter(tokens: readonly Token[], to: number, frame: Frame): [number, number, boolean] {
  const [start, cueEnd] = contentAfterCue(tokens, to, frame);
  // An object or a prepositional complement, not a clause: the content is a phrase.
  const t = tokens[start];
  const phrase =
    start >= 0 &&
    t !== undefined &&
    lower(t) !== "that" &&
    lower(t) !== "to" &&
    !WH_WORDS.has(lower(t)) &&
    !(frame.clause && clauseFollows(tokens, start));
  return [start, cueEnd, phrase];
}

/**
 * The verb of an infinitive after "to": a verb, or "be", which the tagger calls an auxiliary
 * ("declined to be identified", "wants to be president"). Not after a raising verb: "seems to be
 * doing" leaves the clause to the verb inside it, whose attribution it would swallow (train: with
 * raising verbs source F1 lost 6 hits).
 */
function infinitiveVerb(t: Token | undefined, frame: Frame): boolean {
  if (t === undefined) return false;
  return t.pos === "VERB" || (t.pos === "AUX" && !frame.sourceless && lower(t) === "be");
}

function contentAfterCue(tokens: readonly Token[], to: number, frame: Frame): [number, number] {
  let cueEnd = to;
  let k = to;
  const next = lower(tokens[k]);
  if (next === "out" && tokens[k]?.pos !== "NOUN") {
    cueEnd = ++k;
  }
  if (timeAdjunctEnds(tokens, k)) return [-1, cueEnd];
  const first = tokens[k];
  if (!first) return [-1, cueEnd];
  const w = lower(first);
  // "agreed to host refugees" is an infinitive, "agreed to a settlement" the preposition of the frame.
  const infinitive = w === "to" && frame.infinitive && infinitiveVerb(tokens[k + 1], frame);
  if (frame.preps.includes(w) && !infinitive) return [k + 1, k + 1];
  // "talked glowingly about his character", "spoke more about policy": a manner adverb before the preposition.
  if (first.pos === "ADV" && frame.preps.includes(lower(tokens[k + 1]))) return [k + 2, k + 2];
  // "is talking to voters about health care": whom one talks to, then what about.
  if ((w === "to" || w === "with") && frame.preps.includes("about") && !infinitive) {
    for (let j = k + 2; j < tokens.length && j <= k + MAX_RECIPIENT_TOKENS; j++) {
      const a = tokens[j] as Token;
      if (lower(a) === "about") return [j + 1, j + 1];
      if (!["NOUN", "PROPN", "PRON", "DET", "ADJ"].includes(a.pos)) break;
    }
  }
  const aside = frame.clause ? thatAfterAside(tokens, k) : -1;
  if (aside >= 0) return [aside, cueEnd];
  if (/^[.,;!?)\]”"’]$/.test(first.text)) return [-1, cueEnd];
  // "The hill may be steeper than it appears: Heitkamp opposes …": a raising verb's colon opens the writer's own clause.
  if (w === ":" && frame.sourceless) return [-1, cueEnd];
  if (w === ":") {
    const after = tokens[k + 1];
    return after && !/^[“"‘']/.test(after.text) ? [k + 1, k + 1] : [-1, cueEnd];
  }
  if (w === "that") return [k, cueEnd];
  // "half said so", "he said no", "55 percent say the same": a pro-form stands for the clause.
  // "said no to the war": a refusal, and what it refuses.
  const closes =
    /^[.,;!?]$/.test(tokens[k + 1]?.text ?? ".") ||
    ((w === "no" || w === "yes") && lower(tokens[k + 1]) === "to");
  if (frame.clause && PROFORMS.has(w) && closes) return [k, cueEnd];
  if (frame.clause && w === "the" && lower(tokens[k + 1]) === "same") return [k, cueEnd];
  if (w === "to") {
    if (frame.infinitive && infinitiveVerb(tokens[k + 1], frame)) return [k, cueEnd];
    // "wrote to Sanders' Senate office that it did not approve": whom it was written to, then what.
    const r = frame.clause ? skipRecipient(tokens, k + 1) : k + 1;
    if (r > k + 1 && lower(tokens[r]) === "that") return [r, cueEnd];
    return [-1, cueEnd];
  }
  // "see how it goes", "decide whether to run" report no attitude; only verbs that take a wh-clause
  // as what is said or known do ("asked whether", "explained how", "knows what").
  if (WH_WORDS.has(w)) return frame.wh ? [k, cueEnd] : [-1, cueEnd];
  const that = thatAhead(tokens, k, frame.infinitive && first.pos === "ADP");
  if (that >= 0 && (frame.clause || lower(tokens[that]) !== "that")) return [that, cueEnd];
  // "found that …" reports a finding; "found their way", "can't find jobs" do not.
  if (frame.smallClause && smallClauseAt(tokens, k)) return [k, cueEnd];
  if (frame.thatOnly) return [-1, cueEnd];
  if (frame.recipient) {
    const r = skipRecipient(tokens, k);
    const t = tokens[r];
    if (r > k && t && !/^[.,;!?]$/.test(t.text)) {
      if (lower(t) === "to" && frame.infinitive) return [r, cueEnd];
      if (lower(t) === "that" || WH_WORDS.has(lower(t))) return [r, cueEnd];
      if (clauseFollows(tokens, r)) return [pronounSubjectAhead(tokens, r), cueEnd];
    }
    if (r > k) return [-1, cueEnd];
  }
  // "reported from Los Angeles.", "saw in 1988", "see fit": an adjunct or an idiom, no object.
  // "announced on Monday the lawsuit against …": the object follows the adjunct.
  if (frame.object && w === "fit" && /^[.,;]$/.test(tokens[k + 1]?.text ?? ".")) return [-1, cueEnd];
  if (frame.object && first.pos === "ADP") {
    const o = pastAdjuncts(tokens, k);
    if (o !== k) return [o, cueEnd];
  }
  if (frame.object) return [k, cueEnd];
  if (frame.clause && clauseFollows(tokens, k)) return [pronounSubjectAhead(tokens, k), cueEnd];
  return [-1, cueEnd];
}

/** Closing quotation marks, as tokens ("”", "''", "\""). */
const CLOSING_MARK = /^(?:[”"’]|'')$/;

/**
 * Does the cue group at `from`, with its subject, follow a closing quotation mark ("“It's fine,”
 * Trump said …", "“Why?” he asked …")? The quotation is then what was said.
 */
function afterQuotation(tokens: readonly Token[], from: number, speaker: Speaker | null): boolean {
  const m = speaker?.mention;
  let lead = from;
  if (m && m.start < (tokens[from] as Token).start) {
    // The subject stands right before its cue ("…,” Trump said"), not shared from an earlier verb
    // ("…,” McCain said, citing …").
    if (tokenAt(tokens, m.end) !== from) return false;
    lead = tokenAt(tokens, m.start);
  }
  return CLOSING_MARK.test(tokens[lead - 1]?.text ?? "");
}

/** Prepositions whose phrase after a verb of saying is its topic, which may be attributed ("said of the plan"). */
const TOPIC_PREPOSITIONS: ReadonlySet<string> = new Set(["of", "about", "to", "for"]);

/**
 * Is [from, to) only an adjunct: a phrase of place, time, occasion or manner with no verb or
 * quotation of its own ("at a campaign stop this week", "in a statement", "rhetorically")? After
 * a quotation the cue's content is the quotation, and what follows the cue says where or how.
 */
function adjunctOnly(ctx: SentenceCtx, from: number, to: number): boolean {
  const { tokens } = ctx;
  const first = tokens[from];
  if (!first || (first.pos !== "ADP" && first.pos !== "ADV") || TOPIC_PREPOSITIONS.has(lower(first)))
    return false;
  for (let j = from; j < to; j++) {
    const t = tokens[j] as Token;
    if (ctx.quoted.has(t.start) || /^[“"‘]|^''$/.test(t.text)) return false;
    // "at a campaign stop", "in a 2012 email": a verb tag after a determiner or a modifier is a noun's.
    const nounTagged = ["DET", "ADJ", "NOUN", "NUM", "PROPN"].includes(tokens[j - 1]?.pos ?? "");
    if (t.pos === "AUX" || (t.pos === "VERB" && !isParticiple(t.text) && !nounTagged)) return false;
  }
  return true;
}

/** Subject pronouns that open a clause ("told the Star-Ledger last week [she would …]"). */
const CLAUSE_SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(["he", "she", "they", "we", "i"]);

/**
 * Where a clause content opening at `k` really starts: past the adjuncts and the rest of the
 * listener ("said in Iowa on Monday [he would run]", "told the Star-Ledger of Newark last week
 * [she would …]"), at a subject pronoun that stands before the clause's first verb; `k` when none
 * does. A pronoun is never an adjunct's object in the nominative, so what stands before it is not
 * what was said.
 */
function pronounSubjectAhead(tokens: readonly Token[], k: number): number {
  for (let j = k + 1; j < Math.min(tokens.length, k + MAX_ADJUNCT_TOKENS); j++) {
    const t = tokens[j] as Token;
    if (t.pos === "VERB" || t.pos === "AUX" || /^[.,;:!?]$/.test(t.text)) return k;
    if (CLAUSE_SUBJECT_PRONOUNS.has(lower(t))) return j;
  }
  return k;
}

/** Object pronouns that open a small clause ("found it difficult"). */
const SMALL_CLAUSE_PRONOUNS: ReadonlySet<string> = new Set(
  "it him her them this that himself herself themselves itself".split(" "),
);

/** Words of a small clause's noun phrase ("found [the new county budget] hard to defend"). */
const MAX_SMALL_CLAUSE_NP = 6;

/**
 * An object and the adjective predicated of it open at `k`: "it difficult", "the area welcoming",
 * "his message chilling", "it to be a deterrent". A noun after the adjective makes it the object's
 * own modifier ("found a new job") and no small clause.
 */
function smallClauseAt(tokens: readonly Token[], k: number): boolean {
  let j = k;
  if (SMALL_CLAUSE_PRONOUNS.has(lower(tokens[j]))) j++;
  else {
    let noun = false;
    while (j < tokens.length && j - k < MAX_SMALL_CLAUSE_NP) {
      const t = tokens[j] as Token;
      if (t.pos === "NOUN" || t.pos === "PROPN") noun = true;
      else if (noun || !["DET", "ADJ", "PRON", "NUM", "PART"].includes(t.pos)) break;
      j++;
    }
    if (!noun) return false;
  }
  if (lower(tokens[j]) === "to" && lower(tokens[j + 1]) === "be") return true;
  while (tokens[j]?.pos === "ADV") j++;
  const adjective = tokens[j];
  if (adjective === undefined || adjective.pos !== "ADJ") return false;
  return !["NOUN", "PROPN"].includes(tokens[j + 1]?.pos ?? "");
}

/** Words of the prepositional adjuncts skipped between a cue and its object ("announced on Monday the …"). */
const MAX_ADJUNCT_TOKENS = 8;

/**
 * After prepositional adjuncts opening at `k` ("on Monday", "from Los Angeles"): where the object
 * starts ("announced on Monday [the lawsuit]"), -1 when the clause ends with them ("reported from
 * Los Angeles."), or `k` itself when neither is clear (the phrase is the content, as before).
 */
function pastAdjuncts(tokens: readonly Token[], k: number): number {
  let j = k;
  while (j < tokens.length && j - k < MAX_ADJUNCT_TOKENS && (tokens[j] as Token).pos === "ADP") {
    const np = ++j;
    // A second determiner opens the next phrase ("on Monday [the closure]").
    while (
      j < tokens.length &&
      ["DET", "ADJ", "NOUN", "PROPN", "NUM"].includes((tokens[j] as Token).pos) &&
      !(j > np && (tokens[j] as Token).pos === "DET")
    )
      j++;
  }
  const t = tokens[j];
  if (j - k >= MAX_ADJUNCT_TOKENS) return k;
  if (!t || /^[.;!?]$/.test(t.text) || (t.text === "," && j > k + 1)) return -1;
  // The object opens with a determiner or a that/wh-word.
  return t.pos === "DET" || lower(t) === "that" || WH_WORDS.has(lower(t)) ? j : k;
}

/** Words that stand for a whole reported clause after a verb of saying ("said so", "said no"). */
const PROFORMS: ReadonlySet<string> = new Set(["so", "no", "yes", "otherwise", "nothing"]);

/** Words scanned for a verb before the comma closing an opening adverbial ("As the vote neared,"). */
const MAX_OPENER_TOKENS = 12;

/** Is there a verb between `k` and the next comma? */
function clauseBeforeComma(tokens: readonly Token[], k: number): boolean {
  for (let j = k; j < Math.min(tokens.length, k + MAX_OPENER_TOKENS); j++) {
    const t = tokens[j] as Token;
    if (t.text === ",") return false;
    if (t.pos === "VERB" || t.pos === "AUX") return true;
  }
  return true;
}

/** Longest fronted adjunct skipped before a content ("Despite a month of sharpened attacks,"). */
const MAX_FRONTED_ADJUNCT_TOKENS = 12;

/**
 * "Despite a month of attacks, [Sanders has failed to dent her lead], according to a poll",
 * "Entering the final contests in June, [Clinton leads by 271 delegates], according to a count": a
 * phrase with no finite verb of its own opening the sentence, up to its comma, sets the scene; the
 * source vouches for the clause after it. Opened by a preposition, an adverb or a participle; the
 * content start `s` moves past its comma when a clause is left before `to`.
 */
function pastFrontedAdjunct(tokens: readonly Token[], s: number, to: number): number {
  const first = tokens[s];
  if (!first || s > 0) return s;
  const participle = first.pos === "VERB" && /(?:ing|ed)$/i.test(first.text);
  if (first.pos !== "ADP" && first.pos !== "ADV" && !participle) return s;
  for (let j = s + 1; j < Math.min(to - 2, s + MAX_FRONTED_ADJUNCT_TOKENS); j++) {
    const t = tokens[j] as Token;
    if (t.text === ",") {
      // "Nationally, however, …": a discourse word and its comma go too.
      let k = j + 1;
      while (CLAUSE_OPENERS.has(lower(tokens[k])) && tokens[k + 1]?.text === ",") k += 2;
      // "In April, as the race tightened, …", "For 14 years, and 20 in all, …": what follows is no
      // clause of its own yet.
      const next = lower(tokens[k]);
      return SUBORDINATORS.has(next) || next === "and" || next === "or" || k >= to - 1 ? s : k;
    }
    if (t.pos === "AUX" || (t.pos === "VERB" && !isParticiple(t.text)) || !isWord(t)) return s;
  }
  return s;
}

/** Longest aside between a cue and its "that" (", for example,"). */
const MAX_ASIDE_BEFORE_THAT = 5;

/** "believes, for example, that …": the index of the "that" after an aside opening at comma `k`, or -1. */
function thatAfterAside(tokens: readonly Token[], k: number): number {
  if (tokens[k]?.text !== ",") return -1;
  for (let j = k + 1; j < Math.min(tokens.length, k + 2 + MAX_ASIDE_BEFORE_THAT); j++) {
    const w = lower(tokens[j]);
    if (w === ",") return lower(tokens[j + 1]) === "that" && j > k + 1 ? j + 1 : -1;
    if (/^[.;:!?]$/.test(w) || tokens[j]?.pos === "VERB") return -1;
  }
  return -1;
}

/** Words of a time adjunct after a cue ("said late Friday afternoon"). */
const MAX_TIME_ADJUNCT_TOKENS = 3;

/**
 * "…, lawmakers said Friday afternoon, as they …": only a time adjunct stands between the cue and
 * the clause's end, so nothing reported follows the cue (its content came before it).
 */
function timeAdjunctEnds(tokens: readonly Token[], k: number): boolean {
  let j = k;
  let timed = false;
  while (j < tokens.length && j - k < MAX_TIME_ADJUNCT_TOKENS) {
    const w = lower(tokens[j]);
    if (TIME_WORDS.test(w)) timed = true;
    else if (w === "that" || !TIME_LEADS.has(w)) break;
    j++;
  }
  return timed && /^[,.;!?]$/.test(tokens[j]?.text ?? ".");
}

/** "said Mr. Kerry." / "said the official, …": the cue is followed only by its subject. */
function invertedSubjectEnds(tokens: readonly Token[], to: number, speaker: Speaker | null): boolean {
  if (!speaker?.mention || tokens[to] === undefined) return false;
  // The subject stands right after the cue (its determiner or title before the mention at most):
  // "Recognizing this, Mr. Rubio joined …" has its subject past the content.
  const at = tokenAt(tokens, speaker.mention.start);
  return at >= to && tokens.slice(to, at).every((t) => ["DET", "PROPN", "ADJ", "NOUN"].includes(t.pos));
}

/**
 * Content before its cue: "The deal is dead, officials said." / "…, said Mr. Kerry." and the
 * parenthetical "The deal, he said, is dead." (content on both sides). Returns [from, to) or null.
 */
function contentBefore(
  ctx: SentenceCtx,
  from: number,
  cueEnd: number,
  speaker: Speaker,
): ContentPieces | null {
  const { tokens } = ctx;
  const m = speaker.mention;
  if (!m) return null;
  const subjectFirst = m.start < (tokens[from] as Token).start;
  // "…, Mr. Rubio joined Democrats in writing a bill": a subject shared with an earlier verb is not
  // the subject of a trailing attribution.
  if (subjectFirst && ownPredicateBetween(tokens, tokenAt(tokens, m.end), from)) return null;
  // "…,” an intelligence source, who was not authorized to speak, told Fox News.": a relative
  // pronoun's clause describes a noun phrase, and what comes before that is not its content.
  if (subjectFirst && /^(?:who|which)$/i.test(body(ctx, m))) return null;
  let lead = subjectFirst ? subjectPhraseStart(tokens, tokenAt(tokens, m.start)) : from;
  // "…, he and Mr. Allen said.": the mention is the last of coordinated subjects.
  if (subjectFirst) lead = conjunctsStart(tokens, lead);
  const comma = tokens[lead - 1];
  if (!comma || !/^[,—–]$/.test(comma.text)) return null;
  // After the subject (inverted) or the cue, the sentence must end or go on after a comma.
  const tail = subjectFirst ? cueEnd : tokenAt(tokens, m.end);
  if (quotationFollows(tokens, tail)) return null;
  let end = tail;
  while (
    end < tokens.length &&
    !isWord(tokens[end] as Token) &&
    !/^[,.;!?]$/.test((tokens[end] as Token).text)
  )
    end++;
  let start = contentStart(tokens, lead - 1, ctx.isCue);
  // "Their arguments are easily refuted, they say.": a passive cue with no agent is part of what is said.
  while (start > 1 && ctx.isCue(start - 1) && passiveParticiple(tokens, start - 1))
    start = contentStart(tokens, start - 1, ctx.isCue);
  while (start < lead - 1 && CLAUSE_OPENERS.has(lower(tokens[start]))) start++;
  start = clauseStartOverCues(tokens, start, lead, ctx.isCue, false);
  // "As the vote neared, Lopez said": an adverbial clause is the scene, not the content; "As a
  // rule, …, she said" (no verb before its comma) is content.
  if (lower(tokens[start]) === "as" && clauseBeforeComma(tokens, start + 1)) return null;
  // "The deal is dead, Lopez, the party whip, said": the phrase before the cue is an appositive of
  // the name before it, which is the subject. After a whole quotation ("“…,” Jeff Weaver, Sanders'
  // campaign manager, said") the attribution is the quotation's own, found with it.
  const holder = subjectFirst && describesRole(tokens, m) ? appositiveHolder(tokens, start, lead) : null;
  if (holder) {
    const mark = tokens[holder[0] - 1] as Token;
    if (CLOSING_MARK.test(mark.text) && /^(?:[“"]|'')$/.test((tokens[start] as Token).text)) return null;
    const cue = { start: (tokens[from] as Token).start, end: (tokens[cueEnd - 1] as Token).end };
    const named = ctx.finder.resolve(tokens, holder[0], holder[1], cue);
    if (named?.mention)
      return { content: [start, mark.text === "," ? holder[0] - 1 : holder[0]], speaker: named };
  }
  // "The deal, he said, is dead.": the content goes on after the parenthetical. After an inverted
  // subject a comma opens its appositive (", said Tom Reyes, the party whip"), not more content.
  return subjectFirst ? goesOnAfter(ctx, [start, lead - 1], end) : { content: [start, lead - 1] };
}

/**
 * Does the mention describe a role, with a common noun in lower case ("Sanders' campaign manager",
 * "a top outside Clinton adviser"), as an appositive does, rather than name ("Correio de Manha")?
 */
function describesRole(tokens: readonly Token[], m: Span): boolean {
  for (let k = tokenAt(tokens, m.start); k < tokens.length && (tokens[k] as Token).end <= m.end; k++) {
    const t = tokens[k] as Token;
    if (t.pos === "NOUN" && /^\p{Ll}/u.test(t.text)) return true;
  }
  return false;
}

/** Longest name taken as the holder of an appositive before a cue ("Peter T. King"). */
const MAX_HOLDER_NAME_TOKENS = 5;

/**
 * The name before the comma at `lead - 1` when the phrase from `lead` to the cue is its appositive:
 * a run of capitalised words after a comma or a closing quotation mark, inside the content that
 * starts at `start` ("…, Jeff Weaver, Sanders' campaign manager, said"). Its token range, or null.
 */
function appositiveHolder(tokens: readonly Token[], start: number, lead: number): [number, number] | null {
  if (tokens[lead - 1]?.text !== ",") return null;
  for (let k = lead - 2; k > start && lead - 2 - k < MAX_HOLDER_NAME_TOKENS; k--) {
    const t = tokens[k] as Token;
    if (t.text === "," || CLOSING_MARK.test(t.text)) return k < lead - 2 ? [k + 1, lead - 1] : null;
    if (t.text !== "." && !(t.pos === "PROPN" && /^\p{Lu}/u.test(t.text))) return null;
  }
  return null;
}

/** A content, and the second piece of one split by its attribution ("The deal, he said, is dead"). */
type ContentPieces = Pick<Found, "content" | "piece"> & {
  /** The subject, when it is not the one the cue was given ("…, Lopez, the whip, said"). */
  speaker?: Speaker;
};

/**
 * `content`, with the rest of the sentence after the comma at `comma` as its second piece when the
 * sentence goes on there with more of it (not with another attribution: ", she added, …").
 */
function goesOnAfter(ctx: SentenceCtx, content: [number, number], comma: number): ContentPieces {
  const { tokens } = ctx;
  if (tokens[comma]?.text === "," && !startsAttribution(tokens, comma + 1, ctx.isCue)) {
    const rest = contentEnd(tokens, comma + 1, ctx.isCue, ctx.quoted);
    if (rest > comma + 1) return { content, piece: [comma + 1, rest] };
  }
  return { content };
}

/** Words of an adjunct between the cue of an as-clause and its comma ("as the Times reported on Tuesday,"). */
const MAX_AS_TAIL_TOKENS = 4;

/** Words that may stand before an as-clause opening the sentence ("And just as …"). */
const AS_LEADS: ReadonlySet<string> = new Set(["and", "but", "so", "just", "yet", ","]);

/**
 * "As the Post noted, trust is collapsing.", "Ailes met him that day, as the Times reported.": an
 * "as" clause whose verb of saying has nothing after it stands for the main clause, the content.
 * Returns that content's tokens (two pieces around a clause inside it), or null when the cue opens
 * no such clause.
 */
function asClause(ctx: SentenceCtx, from: number, cueEnd: number, speaker: Speaker): ContentPieces | null {
  const { tokens } = ctx;
  const m = speaker.mention;
  if (!m || m.end > (tokens[from] as Token).start) return null;
  const as = subjectPhraseStart(tokens, tokenAt(tokens, m.start)) - 1;
  if (as < 0 || lower(tokens[as]) !== "as") return null;
  let close = cueEnd;
  if (["ADP", "ADV"].includes(tokens[close]?.pos ?? "")) {
    while (close < tokens.length && close - cueEnd < MAX_AS_TAIL_TOKENS && isWord(tokens[close] as Token))
      close++;
  }
  const stop = tokens[close];
  let lead = 0;
  while (lead < as && AS_LEADS.has(lower(tokens[lead]))) lead++;
  if (lead === as) {
    if (stop?.text !== ",") return null;
    const end = contentEnd(tokens, close + 1, ctx.isCue, ctx.quoted);
    return end > close + 1 ? { content: [close + 1, end] } : null;
  }
  if (!/^[,—–]$/.test(tokens[as - 1]?.text ?? "") || (stop && !/^[,.;!?]$/.test(stop.text))) return null;
  let start = contentStart(tokens, as - 1, ctx.isCue);
  while (start < as - 1 && CLAUSE_OPENERS.has(lower(tokens[start]))) start++;
  if (start >= as - 1) return null;
  // "Hawaii, as one adviser pointed out, is at risk.": the content goes on after the clause.
  return goesOnAfter(ctx, [start, as - 1], close);
}

/** Subject pronouns coordinated before a mention ("he and Mr. Allen said"). */
const CONJUNCT_PRONOUNS: ReadonlySet<string> = new Set(["he", "she", "i", "we", "they"]);

/**
 * Start of the coordinated subjects ending with the phrase that starts at `lead`: "[he] and Mr.
 * Allen", "[she] and another reporter". Only a subject pronoun counts as the first conjunct: after
 * a comma a name or a noun before "and" is most often the end of a list ("Malaysia, Brunei and
 * Taiwan"). `lead` itself when there is none.
 */
function conjunctsStart(tokens: readonly Token[], lead: number): number {
  if (!/^(?:and|or)$/.test(lower(tokens[lead - 1]))) return lead;
  return CONJUNCT_PRONOUNS.has(lower(tokens[lead - 2])) ? lead - 2 : lead;
}

/** Is the cue at `i` a participle after a form of "be" (adverbs between), with no "by" agent after it? */
function passiveParticiple(tokens: readonly Token[], i: number): boolean {
  if (!isPastForm((tokens[i] as Token).text) || lower(tokens[i + 1]) === "by") return false;
  let k = i - 1;
  while (k > 0 && tokens[k]?.pos === "ADV") k--;
  return BE_FORMS.has(lower(tokens[k]));
}

/**
 * Does [from, to) hold a predicate of the subject's own, a verb with its object ("Rubio [joined
 * Democrats] in writing …"), rather than modifiers of the subject ("disclosures [filed on Sunday]
 * revealed", "Verveer, [then working for the State Department], wrote")?
 */
function ownPredicateBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (t.pos !== "VERB") continue;
    const n = tokens[k + 1];
    if (n && k + 1 < to && ["DET", "NOUN", "PROPN", "PRON"].includes(n.pos)) return true;
  }
  return false;
}

/** Words of a subject phrase standing before the name its mention covers ("the former aide Mr."). */
const MAX_MENTION_LEAD_TOKENS = 6;

/**
 * Start of the subject phrase whose name starts at `at`: a resolved mention covers only the name
 * ("Van Voorhis" of "Mr. Van Voorhis said"), while the comma that ends the content stands before
 * the title and modifiers.
 */
function subjectPhraseStart(tokens: readonly Token[], at: number): number {
  let s = at;
  while (s > 0 && at - s < MAX_MENTION_LEAD_TOKENS) {
    const p = tokens[s - 1] as Token;
    // "Donald Trump's longtime confidant Roger Stone", "UMWA Director of Government Affairs Phil
    // Smith": a possessive and a title's "of" stand inside the phrase.
    const possessive = s - 2 >= 0 && possessiveMark(tokens, s - 1);
    const titleOf =
      p.lower === "of" &&
      /^\p{Lu}/u.test(tokens[s]?.text ?? "") &&
      /^\p{Lu}/u.test(tokens[s - 2]?.text ?? "");
    if (!possessive && !titleOf && (!["PROPN", "NOUN", "DET", "ADJ", "NUM"].includes(p.pos) || !isWord(p)))
      break;
    s--;
  }
  return s;
}

/** Attributions led by a cue verb in one sentence. */
function verbCues(ctx: SentenceCtx, found: Found[]): void {
  const { tokens, quoted } = ctx;
  let previous: Speaker | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const lemma = ctx.cues[i] ?? null;
    if (lemma === null) continue;
    const frame = CUE_VERBS.get(lemma) as Frame;
    // "expressed concern that …", "offered support for …": a support verb before a cue noun leaves
    // the attribution to the noun (its cue is the pair).
    if (SUPPORT_VERBS.has(lower(tokens[i]))) {
      let n = i + 1;
      while (["DET", "ADJ"].includes(tokens[n]?.pos ?? "")) n++;
      if (CUE_NOUNS.has(lower(tokens[n]))) continue;
    }
    // "hopes to say more": the outer verb carries the infinitive as its content; an inner verb that
    // takes an object makes one cue with it ("refused to endorse Trump": the content is "Trump").
    const outerLemma = lower(tokens[i - 1]) === "to" ? cueLemma(tokens[i - 2]?.text ?? "") : null;
    // A raising verb keeps its subject in the content ("seems to favour a second term").
    const chained = outerLemma !== null && CUE_VERBS.get(outerLemma)?.sourceless !== true;
    if (outerLemma !== null && !chained) continue;
    if (chained && !frame.object) continue;
    let from = groupStart(tokens, i);
    // "continued to say", "went on to argue", "is expected to announce": one cue group.
    // "Trump is expected to unveil …", "advisers are said to be urging …": a passive of saying or
    // believing before the infinitive is nobody's in particular, and the subject is part of what is
    // expected or said.
    let hearsay = false;
    if (
      lower(tokens[from - 1]) === "to" &&
      (tokens[from - 2]?.pos === "VERB" || tokens[from - 2]?.pos === "AUX")
    ) {
      const outer = groupStart(tokens, from - 2);
      hearsay = HEARSAY_PARTICIPLES.has(lower(tokens[from - 2])) && isPassive(tokens, outer, from - 2);
      from = outer;
    }
    // "As reported by the Herald, the city …": the agent is the source of the clause after the comma.
    if (
      lower(tokens[from - 1]) === "as" &&
      lower(tokens[i + 1]) === "by" &&
      isPastForm(tokens[i]!.text) &&
      byAgent(tokens, i + 1)
    ) {
      asReportedBy(ctx, from, i, found);
      continue;
    }
    const passive = isPassive(tokens, from, i) || agentlessReducedPassive(tokens, from, i);
    // "a report released by …", "the campaign, first reported by The Post, is …": a reduced passive
    // modifies the noun phrase before it, and its agent holds the attitude towards that phrase.
    if (!passive && isPastForm(tokens[i]!.text) && lower(tokens[i + 1]) === "by") {
      if (!byAgent(tokens, i + 1)) continue;
      reducedPassive(ctx, from, i, found);
      continue;
    }
    // "The meeting was first reported by Politico", "Lopez was endorsed by two papers", "was viewed
    // as a victory by some": the agent of a passive cue is its source, and the grammatical subject
    // (or a clause after the agent) its content.
    const by = passive && !frame.sourceless ? agentAhead(tokens, i + 1) : -1;
    if (by >= 0 && passiveByAgent(ctx, from, i, by, found)) continue;
    let [contentFrom, cueEnd, phrase] = contentAfter(tokens, i + 1, frame);
    // "a finish that he said defied expectations": the relative clause's verb follows the cue.
    if (contentFrom < 0 && frame.clause && gappedRelative(tokens, from, i)) {
      contentFrom = i + 1;
      phrase = false;
    }
    const subject: Speaker | null =
      passive || frame.sourceless || hearsay
        ? null
        : sourceOf(ctx, from, cueEnd, previous, frame.before, frame.recipient);
    const speaker: Speaker | null = subject && copulaBetween(tokens, subject, from) ? null : subject;
    if (speaker) previous = speaker;
    // "A CNN survey found Lopez leading", "the report found it was part of …": a poll or a study
    // finds a result without "that" (a person "found their way").
    if (
      contentFrom < 0 &&
      frame.thatOnly &&
      evidenceSubject(tokens, from) &&
      tokens[cueEnd]?.pos !== "PUNCT"
    ) {
      contentFrom = cueEnd;
      phrase = false;
    }
    if (contentFrom >= 0 && !(speaker && invertedSubjectEnds(tokens, cueEnd, speaker))) {
      const untilComma = inSubordinateClause(tokens, from) || frontedParticiple(tokens, from);
      let end = contentEnd(tokens, contentFrom, ctx.isCue, quoted, untilComma);
      if (phrase) end = phraseEnd(tokens, contentFrom, end);
      if (inRelativeClause(tokens, from, i)) end = relativeEnd(tokens, contentFrom, end, !phrase);
      if (afterQuotation(tokens, from, speaker) && adjunctOnly(ctx, contentFrom, end)) continue;
      if (chained) {
        const outer = found.findIndex((f) => f.content[0] === i - 1);
        if (outer >= 0) found.splice(outer, 1);
      }
      found.push({ content: [contentFrom, end], cue: [from, cueEnd], speaker });
      continue;
    }
    const asContent =
      speaker && (frame.clause || lemma === "point") ? asClause(ctx, from, cueEnd, speaker) : null;
    if (asContent) {
      found.push({ ...asContent, cue: [from, cueEnd], speaker });
      continue;
    }
    // "…, the poll found.", "Time, Pence added, was …": a verb that needs its "that" puts the
    // content first only where its clause ends after it ("Soon, he found the way", "Later, he
    // added two rallies" have their objects after it).
    const closes = /^[.,;!?]$/.test(tokens[cueEnd]?.text ?? ".");
    if (frame.before && speaker && (!frame.thatOnly || closes)) {
      const span = contentBefore(ctx, from, cueEnd, speaker);
      if (span) found.push({ ...span, cue: [from, cueEnd], speaker: span.speaker ?? speaker });
    }
  }
}

/** Words that make the subject of "be" hold an infinitive in its complement ("was the first to endorse"). */
const RANKING_WORDS: ReadonlySet<string> = new Set("first only last latest second lone sole".split(" "));

/**
 * Does the subject `s` have "be" with a noun-phrase or clause complement before the cue at `from`?
 * "Socialism is an evergreen fraud, egged on by suckers eager to believe …", "The convention is the
 * best chance to convince …", "the flip side is that angry voters will show up to vote for …": the
 * cue belongs to a phrase inside the complement, whose holder the subject of "be" is not. A second
 * verb of the subject ("Ryan is an advocate of trade deals and wrote …") and a ranking ("Grijalva was
 * the first Democrat to endorse …") keep it.
 */
function copulaBetween(tokens: readonly Token[], s: Speaker, from: number): boolean {
  if (!s.mention) return false;
  let k = tokenAt(tokens, s.mention.end);
  if (k >= from) return false;
  while (k < from && tokens[k]?.pos === "ADV") k++;
  const be = tokens[k];
  if (!/^(?:is|are|was|were|'s|’s)$/.test(lower(be))) return false;
  // "Merkel's party sees …": an "'s" tagged as a particle is the possessive.
  if (/s$/.test(lower(be)) && be?.pos === "PART") return false;
  k++;
  // "are all quick to": a floating quantifier is no determiner of a complement.
  while (
    k < from &&
    (["ADV", "PART"].includes(tokens[k]?.pos ?? "") || /^(?:all|both|each)$/.test(lower(tokens[k])))
  )
    k++;
  if (k >= from || !["DET", "NOUN", "NUM", "SCONJ", "PUNCT"].includes(tokens[k]?.pos ?? "")) return false;
  if (/^(?:and|but|or)$/.test(lower(tokens[from - 1]))) return false;
  for (let j = k; j < from; j++) if (RANKING_WORDS.has(lower(tokens[j]))) return false;
  return true;
}

/** Participles of a passive that reports what is said or believed ("is expected to", "are said to"). */
const HEARSAY_PARTICIPLES: ReadonlySet<string> = new Set(
  "expected said believed thought reported rumored rumoured supposed alleged understood".split(" "),
);

/** Nouns of evidence that "find" a result ("a survey found …"). */
const EVIDENCE_NOUNS: ReadonlySet<string> = new Set(
  "poll polls survey surveys study studies report reports analysis analyses review audit investigation paper research data tally census".split(
    " ",
  ),
);

/** Tokens of a subject phrase searched back from its verb for an evidence noun ("a poll from X released Wednesday"). */
const MAX_EVIDENCE_SUBJECT_TOKENS = 10;

/** Is the subject phrase before the verb group at `from` headed by a noun of evidence? */
function evidenceSubject(tokens: readonly Token[], from: number): boolean {
  for (let k = from - 1; k >= Math.max(0, from - MAX_EVIDENCE_SUBJECT_TOKENS); k--) {
    const t = tokens[k] as Token;
    if (/^[.,;:!?—–]$/.test(t.text) || t.pos === "AUX") return false;
    if (EVIDENCE_NOUNS.has(lower(t)) && t.pos !== "VERB") return true;
  }
  return false;
}

/** Words that open a content after a passive cue's agent ("was asked by reporters whether …"). */
const CONTENT_OPENERS: ReadonlySet<string> = new Set(["that", "whether", "if", "to", "how", "why", "what"]);

/** The passive cue `verb` (its group from `from`) has a "by" agent: push its attribution; false when none is found. */
function passiveByAgent(ctx: SentenceCtx, from: number, verb: number, by: number, found: Found[]): boolean {
  const { tokens, finder, quoted } = ctx;
  const cueTo = by === verb + 1 ? by + 1 : verb + 1;
  const cue = tokenSpan(tokens, from, cueTo);
  const agent = finder.subjectAfter(tokens, by + 1, tokens.length, cue) ?? agentPhrase(tokens, by + 1, cue);
  if (!agent?.mention || agent.mention.start < (tokens[by + 1] as Token).start) return false;
  const after = tokenAt(tokens, agent.mention.end);
  if (by === verb + 1 && CONTENT_OPENERS.has(lower(tokens[after]))) {
    const end = contentEnd(tokens, after, ctx.isCue, quoted);
    found.push({ content: [after, end], cue: [from, cueTo], speaker: agent });
    return true;
  }
  let s = contentStart(tokens, from, ctx.isCue);
  while (s < from && (CLAUSE_OPENERS.has(lower(tokens[s])) || tokens[s]?.text === ",")) s++;
  if (s >= from || !tokens.slice(s, from).some(isWord)) return false;
  found.push({ content: [s, from], cue: [from, cueTo], speaker: agent });
  return true;
}

/** Words of an agent phrase the finder cannot resolve ("by some in the movement"). */
const MAX_AGENT_TOKENS = 8;

/** The noun phrase after "by" as a bare mention ("by some in the movement", "by the so-called Islamic State"). */
function agentPhrase(tokens: readonly Token[], k: number, cue: Span): Speaker | null {
  let e = k;
  while (
    e < tokens.length &&
    e - k < MAX_AGENT_TOKENS &&
    (["DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"].includes((tokens[e] as Token).pos) ||
      (["in", "of"].includes(lower(tokens[e])) && e > k) ||
      ((tokens[e] as Token).text === "-" && e > k))
  )
    e++;
  while (e > k && ["in", "of", "-"].includes(lower(tokens[e - 1]))) e--;
  if (e === k || !["NOUN", "PROPN", "PRON", "NUM"].includes((tokens[e - 1] as Token).pos)) return null;
  return { speaker: null, entity: null, mention: tokenSpan(tokens, k, e), cue };
}

/** Prepositions of a passive cue's complement that may stand before its agent ("seen as …", "pushed to …"). */
const AGENT_PATH_PREPOSITIONS: ReadonlySet<string> = new Set(["as", "to", "of", "for"]);

/** Means of speaking after "by", which name no agent ("said by telephone"). */
const MEDIA: ReadonlySet<string> = new Set(
  "telephone phone email e-mail text video videolink satellite letter mail fax tweet twitter skype".split(
    " ",
  ),
);

/** Does the "by" at `j` open an agent: not a gerund ("by calling him"), a measure ("by 20 points") or a medium ("by phone")? */
function byAgent(tokens: readonly Token[], j: number): boolean {
  const n = tokens[j + 1];
  if (!n || n.pos === "NUM" || (n.pos === "VERB" && /ing$/i.test(n.text))) return false;
  return !MEDIA.has(lower(n)) && !MEDIA.has(lower(tokens[j + 2]));
}

/** Tokens scanned past a passive cue for the "by" of its agent ("was viewed as a victory by some"). */
const MAX_AGENT_LOOKAHEAD = 12;

/**
 * Index of the "by" that opens a passive cue's agent, from `k` (right after the cue): at once, or
 * after the cue's complement ("seen as candidates who … by about a quarter of voters", "asked to
 * preserve them by the committee"); -1 when the clause ends or a new clause starts first.
 */
function agentAhead(tokens: readonly Token[], k: number): number {
  if (lower(tokens[k]) === "by") return k;
  for (let j = k; j < Math.min(tokens.length, k + MAX_AGENT_LOOKAHEAD); j++) {
    const t = tokens[j] as Token;
    const w = lower(t);
    if (/^[,;:.!?()—–]$/.test(w) || w === "that" || w === "and" || w === "but" || w === "because") return -1;
    if (w === "by") return byAgent(tokens, j) ? j : -1;
    // "was asked about their case during an interview published by …": a "by" past another
    // prepositional phrase hangs from that phrase.
    if (t.pos === "ADP" && !AGENT_PATH_PREPOSITIONS.has(w)) return -1;
    if (t.pos === "AUX") return -1;
  }
  return -1;
}

/**
 * "candidates backed by big super PACs", "The campaign, first reported by The Post, is …": a cue
 * in the past participle right before "by" modifies the noun phrase before it; the agent is the
 * source and that noun phrase the content.
 */
function reducedPassive(ctx: SentenceCtx, from: number, verb: number, found: Found[]): void {
  const { tokens, finder } = ctx;
  const comma = tokens[from - 1]?.text === ",";
  const head = comma ? from - 2 : from - 1;
  const h = tokens[head];
  if (!h || !["NOUN", "PROPN"].includes(h.pos)) return;
  const s = subjectPhraseStart(tokens, head);
  if (s > head || PREPOSITION_LEADS.has(lower(tokens[s - 1]))) return;
  const cue = tokenSpan(tokens, from, verb + 2);
  const agent = finder.subjectAfter(tokens, verb + 2, tokens.length, cue);
  if (!agent?.mention || agent.mention.start < (tokens[verb + 2] as Token).start) return;
  found.push({ content: [s, head + 1], cue: [from, verb + 2], speaker: agent });
}

/** Words before a noun phrase that make it a preposition's object, not a phrase a participle modifies. */
const PREPOSITION_LEADS: ReadonlySet<string> = new Set([
  "of",
  "in",
  "on",
  "at",
  "for",
  "to",
  "from",
  "with",
  "by",
]);

/** "As reported by X, <content>" / "<content>, as first reported by X.": the agent names the source of the clause on the other side. */
function asReportedBy(ctx: SentenceCtx, from: number, verb: number, found: Found[]): void {
  const { tokens, finder, quoted } = ctx;
  const cue = tokenSpan(tokens, from - 1, verb + 2);
  const agent = finder.subjectAfter(tokens, verb + 2, tokens.length, cue);
  if (!agent?.mention) return;
  if (!opensClause(tokens, from - 1)) {
    // "…, as first reported by the New York Times on Tuesday.": the clause before the comma.
    if (tokens[from - 2]?.text !== ",") return;
    let s = contentStart(tokens, from - 2, ctx.isCue);
    while (s < from - 2 && CLAUSE_OPENERS.has(lower(tokens[s]))) s++;
    if (s < from - 2) found.push({ content: [s, from - 2], cue: [from - 1, verb + 2], speaker: agent });
    return;
  }
  let comma = tokenAt(tokens, agent.mention.end);
  while (comma < tokens.length && comma - verb < MAX_ACCORDING_SOURCE_TOKENS && tokens[comma]?.text !== ",")
    comma++;
  if (tokens[comma]?.text !== ",") return;
  const end = contentEnd(tokens, comma + 1, ctx.isCue, quoted);
  if (end > comma + 1) found.push({ content: [comma + 1, end], cue: [from - 1, verb + 2], speaker: agent });
}

/** Words of a subject between a relative pronoun and its cue ("that [the senators] said"). */
const MAX_GAPPED_SUBJECT_TOKENS = 4;

/**
 * "a finish that he said defied expectations", "a gap that experts say renders the wall moot": the
 * cue [from, verb] sits in a relative clause whose subject was moved out of the reported clause,
 * so the reported clause starts with its finite verb, right after the cue.
 */
function gappedRelative(tokens: readonly Token[], from: number, verb: number): boolean {
  const next = tokens[verb + 1];
  if (next === undefined || next.pos !== "VERB" || /ing$/i.test(next.text)) return false;
  for (let k = from - 1; k >= Math.max(1, from - 1 - MAX_GAPPED_SUBJECT_TOKENS); k--) {
    const t = tokens[k] as Token;
    const w = lower(t);
    if (w === "that" || w === "which") {
      const head = tokens[k - 1] as Token;
      return k < from - 1 && (head.pos === "NOUN" || head.pos === "PROPN");
    }
    if (!["NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM"].includes(t.pos)) return false;
  }
  return false;
}

/**
 * "According to the poll, …" / "…, according to officials." / "…, according to X, …": the source
 * follows the cue; the content is the clause on the other side of its comma.
 */
function accordingTo(ctx: SentenceCtx, found: Found[]): void {
  const { tokens, finder, quoted } = ctx;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (lower(tokens[i]) !== "according" || lower(tokens[i + 1]) !== "to" || quoted.has(tokens[i]!.start))
      continue;
    const cue = { start: tokens[i]!.start, end: tokens[i + 1]!.end };
    let close = i + 2;
    while (
      close < tokens.length &&
      close - i < MAX_ACCORDING_SOURCE_TOKENS &&
      !/^[,.;!?]$/.test(tokens[close]!.text)
    )
      close++;
    // "according to the most recent data from the FBI": a source the finder cannot resolve is
    // still the phrase up to the clause's end.
    const speaker =
      finder.subjectAfter(tokens, i + 2, tokens.length, cue) ??
      (close > i + 2 && /^[,.;!?]$/.test(tokens[close]?.text ?? ".")
        ? { speaker: null, entity: null, mention: tokenSpan(tokens, i + 2, close), cue }
        : null);
    let opens = 0;
    while (opens < i && (CLAUSE_OPENERS.has(lower(tokens[opens])) || tokens[opens]!.text === ",")) opens++;
    if (opens === i) {
      if (lower(tokens[close]) !== ",") continue;
      const end = contentEnd(tokens, close + 1, ctx.isCue, quoted);
      found.push({ content: [close + 1, end], cue: [i, i + 2], speaker });
      continue;
    }
    const start = contentStart(tokens, i, ctx.isCue);
    let s = start;
    while (s < i && CLAUSE_OPENERS.has(lower(tokens[s]))) s++;
    s = clauseStartOverCues(tokens, s, i, ctx.isCue, true);
    s = pastFrontedAdjunct(tokens, s, i);
    let piece: [number, number] | undefined;
    // "…, according to county officials, but the results …": a contrasting clause after the source
    // is the writer's own, as after any content (see contentEnd).
    if (
      lower(tokens[close]) === "," &&
      close + 1 < tokens.length &&
      !startsAttribution(tokens, close + 1, ctx.isCue) &&
      !CLAUSE_BREAKS.has(lower(tokens[close + 1]))
    ) {
      // "…, according to X, …": the clause goes on after the source, a second piece.
      const rest = contentEnd(tokens, close + 1, ctx.isCue, quoted);
      if (rest > close + 1) piece = [close + 1, rest];
    }
    found.push({ content: [s, i], cue: [i, i + 2], speaker, ...(piece ? { piece } : {}) });
  }
}

/** Punctuation that ends a clause inside a sentence. */
const CLAUSE_BREAK = /^[,;:—–]$/;

/**
 * "Clinton plans to visit Ohio, according to an aide", "Most ranchers want a smaller levy, a new
 * poll shows": the source after the clause reports the whole clause, its own cues and their
 * subjects included (attributions do not nest, and `outermost` drops the inner ones). From
 * content start `s`, back over cues to the clause's start: the sentence's start or the last
 * comma, semicolon, colon or dash (a fronted adjunct, "In October, as the race tightened,", and an
 * earlier clause stay out). Not over an adverbial clause ("While Clinton condemned the plan"), a
 * fronted participle ("Asked if he was bullied, he said no"), nor, before a trailing verb cue, over
 * a "said" ("Kiedis said his band, AKA Danger Mouse, wrote …" is a misread appositive, not a
 * nested report; "“…,” Obama said, according to a pool report" is one).
 */
function clauseStartOverCues(
  tokens: readonly Token[],
  s: number,
  cue: number,
  isCue: (i: number) => boolean,
  overSay: boolean,
): number {
  // "Republicans denounced the deal, which would cut its tax rate, according to company leaders":
  // a clause break between the content's start and the source, and the source reports only the
  // clause after it.
  for (let j = s; j < cue - 1; j++) if (CLAUSE_BREAK.test((tokens[j] as Token).text)) return s;
  let k = s;
  while (k > 0 && !CLAUSE_BREAK.test((tokens[k - 1] as Token).text)) k--;
  while (k < s && CLAUSE_OPENERS.has(lower(tokens[k]))) k++;
  if (k >= s || SUBORDINATORS.has(lower(tokens[k])) || isCue(k)) return s;
  if (!overSay && tokens.slice(k, s).some((t) => SAY_FORMS.has(lower(t)))) return s;
  return k;
}

/**
 * Cue nouns and adjectives: "his claim that …", "Trump's call for …", "expressed concern that …",
 * "is confident that …", "was critical of …". The source is the possessor or the subject of the
 * supporting verb.
 */
/** Words after a cue noun that open its content or name its source ("claim that", "criticism from"). */
const NOMINAL_NEXT: ReadonlySet<string> = new Set(
  "that of for on about against to over from among".split(" "),
);

function nominalCues(ctx: SentenceCtx, found: Found[]): void {
  const { tokens, finder, quoted } = ctx;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i] as Token;
    const w = lower(t);
    const next = lower(tokens[i + 1]);
    // Every case below needs one of these; most tokens have none and skip the span search.
    if (w !== "clear" && !NOMINAL_NEXT.has(next) && !CUE_NOUNS.has(w)) continue;
    if (quoted.has(t.start)) continue;
    // "Trump's assertion Monday that …": a time word stands between a cue noun and its clause.
    const timed =
      CUE_NOUNS.has(w) && TIME_WORDS.test(tokens[i + 1]?.text ?? "") && lower(tokens[i + 2]) === "that";
    const opensContent =
      timed ||
      next === "that" ||
      ["of", "for", "on", "about", "against", "to", "over"].includes(next) ||
      (next === "to" && tokens[i + 2]?.pos === "VERB");
    // "Lopez made clear that …", "has made it clear she …": making a thing clear states it.
    if (w === "clear" && (next === "that" || clauseFollows(tokens, i + 1))) {
      const v = lower(tokens[i - 1]) === "it" ? i - 2 : i - 1;
      if (/^(?:make|makes|made|making)$/.test(lower(tokens[v]))) {
        const from = groupStart(tokens, v);
        const speaker = sourceOf(ctx, from, i + 1, null);
        if (speaker) {
          const end = contentEnd(tokens, i + 1, ctx.isCue, quoted);
          found.push({ content: [i + 1, end], cue: [from, i + 1], speaker });
        }
        continue;
      }
    }
    if (!opensContent && next !== "from" && next !== "among") continue;
    if (
      AGENT_NOUNS.has(w) &&
      t.pos === "NOUN" &&
      (next === "from" ||
        (next === "among" && w !== "criticism" && w !== "condemnation") ||
        (next === "of" && (lower(tokens[i - 1]) === "in" || receivedNoun(tokens, i))))
    ) {
      agentNoun(ctx, i, found);
      continue;
    }
    if (!opensContent) continue;
    const prepositional = !timed && next !== "that" && next !== "to";
    const contentFrom = timed || prepositional ? i + 2 : i + 1;
    if (CUE_NOUNS.has(w) && t.pos !== "VERB") {
      // "Graham's energetic endorsement of", "his previous criticism of": modifiers may stand
      // between the possessor and the noun.
      let p = i - 1;
      while (p > 0 && p >= i - MAX_NOUN_MODIFIERS && nounModifier(tokens, p)) p--;
      const prev = tokens[p];
      let speaker: Speaker | null = null;
      let cueFrom = i;
      if (POSSESSIVE_PRONOUNS.has(lower(prev)) || prev?.text === "’s" || prev?.text === "'s") {
        // "its case to be heard in Denver" is a lawsuit, "his statements to the FBI" a record;
        // only with a support verb do these nouns attribute ("made the case that", "made no mention of").
        if (SUPPORTED_NOUNS.has(w)) continue;
        const owner = POSSESSIVE_PRONOUNS.has(lower(prev)) ? p : p - 1;
        speaker = possessor(ctx, owner, { start: t.start, end: t.end });
      } else {
        // "expressed concern that", "made the case that": the verb's subject holds the attitude.
        let v = i - 1;
        while (v > 0 && ["DET", "ADJ"].includes((tokens[v] as Token).pos)) v--;
        if (!SUPPORT_VERBS.has(lower(tokens[v]))) {
          // "questions about his health", "calls for a recount": the attitude stands without its holder.
          // A sentence's capitalised first word may be tagged as a name.
          const noun = t.pos === "NOUN" || (i === 0 && t.pos === "PROPN");
          if (NOUN_TOPIC_PREPS.get(w)?.includes(next) && noun) {
            let end = phraseEnd(tokens, i + 2, contentEnd(tokens, i + 2, ctx.isCue, quoted));
            let np = i;
            while (np > 0 && ["DET", "ADJ"].includes((tokens[np - 1] as Token).pos)) np--;
            // "Questions about his health have dogged …": heading the subject, it ends at the main verb.
            if (opensClause(tokens, np)) end = relativeEnd(tokens, i + 2, end, false);
            found.push({ content: [i + 2, end], cue: [i, i + 2], speaker: null });
          }
          continue;
        }
        cueFrom = groupStart(tokens, v);
        speaker = sourceOf(ctx, cueFrom, i + 1, null);
        if (!speaker) continue;
      }
      if (!speaker) continue;
      let end = contentEnd(tokens, contentFrom, ctx.isCue, quoted);
      // "his attacks on the former beauty queen at a rally": a prepositional complement is a noun phrase.
      if (prepositional) end = phraseEnd(tokens, contentFrom, end);
      // "Her claim that the audit was blocked drew scorn": a cue noun heading the subject ends at the main verb.
      if (opensClause(tokens, cueFrom - (POSSESSIVE_PRONOUNS.has(lower(tokens[cueFrom - 1])) ? 1 : 2)))
        end = relativeEnd(tokens, contentFrom, end, lower(tokens[contentFrom]) === "that");
      found.push({ content: [contentFrom, end], cue: [cueFrom, i + 1], speaker });
      continue;
    }
    if (CUE_ADJECTIVES.has(w) && ADJECTIVE_PREPS.has(next)) {
      let b = i - 1;
      while (b > 0 && (tokens[b] as Token).pos === "ADV") b--;
      if (
        !BE_FORMS.has(lower(tokens[b])) &&
        !/^(?:seem|seems|seemed|remain|remains|remained|appear|appears|appeared|sounded|felt)$/.test(
          lower(tokens[b]),
        )
      )
        continue;
      const from = groupStart(tokens, b);
      const speaker = finder.subjectBefore(tokens, from, 0, { start: tokens[from]!.start, end: t.end });
      if (!speaker) continue;
      // "The ranchers, who are wary of the levy, voted no": a relative or adverbial clause ends at its comma.
      const end = contentEnd(tokens, contentFrom, ctx.isCue, quoted, inSubordinateClause(tokens, from));
      found.push({ content: [contentFrom, end], cue: [from, i + 1], speaker });
    }
  }
}

/** Nouns of backing and blame whose holder follows "from" ("drew criticism from both sides"). */
const AGENT_NOUNS: ReadonlySet<string> = new Set(
  "support endorsement endorsements backing praise criticism condemnation".split(" "),
);

/** Tokens back from a noun of backing to the verb that governs it ("came out [in support of]"). */
const MAX_GOVERNOR_TOKENS = 6;

/**
 * "Cruz drew sharp criticism from both sides", "has support from 52 percent": the holder follows
 * "from", and the one backed or blamed is the clause's subject. "Graham came out in support of
 * Cruz": the subject holds the attitude, and what follows "of" is its object.
 */
function agentNoun(ctx: SentenceCtx, i: number, found: Found[]): void {
  const { tokens, finder, quoted } = ctx;
  let v = i - 1;
  while (v > 0 && i - v <= MAX_GOVERNOR_TOKENS && tokens[v]?.pos !== "VERB" && tokens[v]?.pos !== "AUX") v--;
  if (tokens[v]?.pos !== "VERB" && tokens[v]?.pos !== "AUX") return;
  const from = groupStart(tokens, v);
  const cue = tokenSpan(tokens, i, i + 2);
  const subject = sourceOf(ctx, from, v + 1, null);
  if (lower(tokens[i + 1]) === "of" && !receivedNoun(tokens, i)) {
    if (!subject) return;
    const end = phraseEnd(tokens, i + 2, contentEnd(tokens, i + 2, ctx.isCue, quoted));
    found.push({ content: [i + 2, end], cue: [i - 1, i + 2], speaker: { ...subject, cue } });
    return;
  }
  const holder = finder.subjectAfter(tokens, i + 2, tokens.length, cue);
  const m = subject?.mention;
  if (!holder?.mention || !m || m.end > (tokens[from] as Token).start) return;
  found.push({
    content: [tokenAt(tokens, m.start), tokenAt(tokens, m.end)],
    cue: [i, i + 2],
    speaker: holder,
  });
}

/** Verbs of having and winning a noun of backing: its holder follows "of" ("won the endorsement of X"). */
const RECEIVING_VERBS: ReadonlySet<string> = new Set(
  `have has had having win wins won winning earn earns earned enjoy enjoys enjoyed draw draws drew drawn
get gets got receive receives received gain gains gained secure secures secured land landed pick picks
picked lose loses lost`.split(/\s+/),
);

/** "has the strong support of", "picked up the endorsement of": a noun of backing that its clause's subject receives. */
function receivedNoun(tokens: readonly Token[], i: number): boolean {
  let v = i - 1;
  while (v > 0 && ["DET", "ADJ", "ADV", "NUM"].includes((tokens[v] as Token).pos)) v--;
  if (lower(tokens[v]) === "up") v--;
  return RECEIVING_VERBS.has(lower(tokens[v]));
}

/** Modifiers between a possessor and its cue noun ("his long, bitter criticism of"). */
const MAX_NOUN_MODIFIERS = 6;

/**
 * Is token `k` a modifier inside a noun phrase before its head: an adjective, a degree adverb
 * ("strikingly personal attacks"), a participle used as an adjective ("racially tinged attacks"),
 * or the comma between two adjectives ("highly personal, racially tinged")?
 */
function nounModifier(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (t.pos === "ADJ") return true;
  if (t.pos === "ADV") return /ly$/i.test(t.text) || /^(?:earlier|latest|most|more|very|so)$/i.test(t.text);
  if (t.pos === "VERB") return /^\p{Ll}[\p{Ll}-]*(?:ed|en)$/u.test(t.text) && tokens[k + 1]?.pos !== "ADP";
  return t.text === "," && tokens[k - 1]?.pos === "ADJ" && tokens[k + 1]?.pos !== "NOUN";
}

/** Does token `k` open the sentence's clause (nothing but openers before it)? */
function opensClause(tokens: readonly Token[], k: number): boolean {
  for (let j = 0; j < k; j++)
    if (!CLAUSE_OPENERS.has(lower(tokens[j])) && tokens[j]?.text !== ",") return false;
  return k >= 0;
}

/** Particles and prepositions between a verb and the possessive of its object ("doubling down on his"). */
const MAX_OBJECT_LEAD_TOKENS = 3;

/** The verb whose object phrase starts at `owner` ("ended [his bid]"), or -1. */
function governingVerb(tokens: readonly Token[], owner: number): number {
  for (let k = owner - 1; k >= Math.max(0, owner - 1 - MAX_OBJECT_LEAD_TOKENS); k--) {
    const t = tokens[k] as Token;
    if (t.pos === "VERB") return k;
    if (!["ADP", "PART", "ADV"].includes(t.pos)) return -1;
  }
  return -1;
}

/** "his claim", "Trump's call": the possessor as the source mention, resolved through the finder. */
function possessor(ctx: SentenceCtx, owner: number, cue: Span): Speaker | null {
  const { tokens, finder } = ctx;
  const t = tokens[owner];
  if (!t) return null;
  if (POSSESSIVE_PRONOUNS.has(lower(t))) {
    // "Trump laid out his vision for …": the attitude is the clause subject's, named there.
    const verb = governingVerb(tokens, owner);
    if (verb >= 0) {
      const subject = sourceOf(ctx, groupStart(tokens, verb), verb + 1, null);
      if (subject?.mention && subject.mention.end <= (tokens[verb] as Token).start)
        return { ...subject, cue };
    }
    // The finder resolves subject pronouns; a possessive points back the same way.
    const text = lower(t) === "his" ? "he" : lower(t) === "her" ? "she" : "they";
    const as = { ...t, text, lower: text, pos: "PRON" };
    const r = finder.resolve([as], 0, 1, cue);
    return r ? { ...r, mention: { start: t.start, end: t.end } } : null;
  }
  // Tried and dropped: also a possessor after a preposition ("targets for Trump's false claims
  // that …", "in Professor Knittel's view"). PolNeAR train source F1 0.7978 -> 0.7978 (+25 mentions,
  // 9 of them sources: "his plan to", "Obama's desire to" are mostly left unattributed), dev 0.821 -> 0.821.
  return finder.subjectBefore(tokens, owner + 1, 0, cue);
}

/**
 * "In Kerry's view, …", "in the eyes of many voters, …": the content follows the comma.
 */
function viewFrames(ctx: SentenceCtx, found: Found[]): void {
  const { tokens, quoted } = ctx;
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (lower(tokens[i]) !== "in" || quoted.has(tokens[i]!.start)) continue;
    let j = i + 1;
    while (j < tokens.length && j - i < 6 && !VIEW_NOUNS.has(lower(tokens[j]))) j++;
    if (!VIEW_NOUNS.has(lower(tokens[j]))) continue;
    const owner = tokens[j - 1];
    if (!owner || !(POSSESSIVE_PRONOUNS.has(lower(owner)) || owner.text === "’s" || owner.text === "'s"))
      continue;
    if (lower(tokens[j + 1]) !== ",") continue;
    const speaker: Speaker | null = possessor(ctx, POSSESSIVE_PRONOUNS.has(lower(owner)) ? j - 1 : j - 2, {
      start: tokens[i]!.start,
      end: tokens[j]!.end,
    });
    const end = contentEnd(tokens, j + 2, ctx.isCue, quoted);
    found.push({ content: [j + 2, end], cue: [i, j + 1], speaker });
  }
}

/** Nouns of polling that a finding is "in" ("In a CNN poll, …", "ahead in the polls"). */
const POLL_NOUNS: ReadonlySet<string> = new Set(["poll", "polls", "survey", "surveys", "average", "tally"]);

/** Words of a poll's phrase between "in" and its noun ("an NBC News/Wall Street Journal poll"). */
const MAX_POLL_PHRASE_TOKENS = 8;

/** Words of a reduced relative after the poll's noun, before the comma ("poll released Monday,"). */
const MAX_POLL_TAIL_TOKENS = 12;

/**
 * "In a Des Moines Register poll last month, Cruz had a 10-point lead", "Kasich was at 25 percent
 * in the most recent Fox poll", "Trump is ahead in public opinion polls": the poll holds the finding,
 * which is the rest of the clause. The source is the poll's phrase.
 */
function pollFrames(ctx: SentenceCtx, found: Found[]): void {
  const { tokens, finder, quoted } = ctx;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const w = lower(tokens[i]);
    if ((w !== "in" && w !== "by") || quoted.has((tokens[i] as Token).start)) continue;
    let n = i + 1;
    while (
      n < tokens.length &&
      n - i <= MAX_POLL_PHRASE_TOKENS &&
      !POLL_NOUNS.has(lower(tokens[n])) &&
      (["DET", "ADJ", "PROPN", "NOUN", "NUM", "PART"].includes((tokens[n] as Token).pos) ||
        /^[-/’']$/.test((tokens[n] as Token).text))
    )
      n++;
    const noun = tokens[n];
    if (!noun || !POLL_NOUNS.has(lower(noun)) || noun.pos === "VERB") continue;
    // "by an average of 5 points", "the polls" as voting places ("went to the polls") are no finding.
    if (lower(tokens[n + 1]) === "of" && lower(noun) === "average" && tokens[n + 2]?.pos === "NUM") continue;
    const cue = tokenSpan(tokens, i, i + 1);
    const speaker: Speaker = finder.resolve(tokens, i + 1, n + 1, cue) ?? {
      speaker: null,
      entity: null,
      mention: tokenSpan(tokens, i + 1, n + 1),
      cue,
    };
    if (opensClause(tokens, i)) {
      let comma = n + 1;
      while (comma < tokens.length && comma - n <= MAX_POLL_TAIL_TOKENS && tokens[comma]?.text !== ",")
        comma++;
      if (tokens[comma]?.text !== ",") continue;
      const end = contentEnd(tokens, comma + 1, ctx.isCue, quoted);
      if (end > comma + 1) found.push({ content: [comma + 1, end], cue: [i, i + 1], speaker });
      continue;
    }
    // After its clause, only a poll named as one ("in a CBS News poll", "in the latest CNN/ORC poll",
    // "in New Hampshire surveys"), not the polls in general ("slid in the polls", "leads in most polls").
    const modifiers = tokens.slice(i + 1, n);
    const named =
      modifiers.some((t) => t.pos === "PROPN") ||
      (modifiers.some((t) => ["ADJ", "NOUN", "NUM"].includes(t.pos)) && !/s$/i.test(noun.text));
    if (!named) continue;
    let s = contentStart(tokens, i, ctx.isCue);
    while (s < i && (CLAUSE_OPENERS.has(lower(tokens[s])) || tokens[s]?.text === ",")) s++;
    if (s < i && tokens.slice(s, i).some(isWord)) found.push({ content: [s, i], cue: [i, i + 1], speaker });
  }
}

function tokenSpan(tokens: readonly Token[], from: number, to: number): Span {
  return { start: (tokens[from] as Token).start, end: (tokens[to - 1] as Token).end };
}

/** Inside a quotation: the content only repeats words the quotes already carry. */
function insideQuote(span: Span, quotes: readonly Quote[]): boolean {
  // Quotes are sorted and do not overlap: only the last one starting by the span's start can hold it.
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((quotes[mid] as Quote).start <= span.start + QUOTE_MARK_SLACK) lo = mid + 1;
    else hi = mid;
  }
  const q = quotes[lo - 1];
  return q !== undefined && span.end <= q.end + QUOTE_MARK_SLACK;
}

/** Characters a content may reach past a quotation's inner text and still be only that quotation (its marks). */
const QUOTE_MARK_SLACK = 2;

/**
 * Attributions nested in another's content are not separate relations ("Kerry said Trump believes
 * …" is one attribution to Kerry): a cue inside another content is dropped. But a nested cue whose
 * clause follows a conjunction or a subordinator inside that content opens a relation of its own
 * ("… said Clinton is honest, and three-quarters said the same of Sanders", "… upbeat about his
 * chances, because he sees …"): the outer content was read too far, and ends before that clause.
 */
function outermost(tokens: readonly Token[], found: Found[]): Found[] {
  const kept = found.map((f) => ({ ...f }));
  const dropped = new Set<number>();
  kept.forEach((g, gi) => {
    const cut = coordinatedSubjectCut(tokens, g);
    if (cut >= 0) {
      // "Protest groups say the rules are unfair, and the union has sued the city, saying …": the
      // subject of a clause after ", and" that holds an attribution of its own ends the content
      // before it, as a nested cue there does.
      for (const [fi, f] of kept.entries())
        if (fi !== gi && f.content[0] < cut && cut < f.content[1] && f.cue[1] <= f.content[0])
          f.content = [f.content[0], cut - 1];
    }
    for (const [fi, f] of kept.entries()) {
      if (fi === gi || dropped.has(fi) || !(f.content[0] <= g.cue[0] && g.cue[1] <= f.content[1])) continue;
      if (relativeHolder(tokens, g)) continue;
      const cut = clauseBoundary(tokens, g, f.content[0], f.content[1]);
      if (cut < 0) {
        dropped.add(gi);
        return;
      }
      f.content = [f.content[0], cut];
    }
  });
  return kept.filter((_, i) => !dropped.has(i));
}

/**
 * The token index of the "and" or "but" after a comma that opens the clause of `g`'s source, when
 * its source is that clause's subject standing before a cue the clause leads to; -1 otherwise.
 */
function coordinatedSubjectCut(tokens: readonly Token[], g: Found): number {
  const m = g.speaker?.mention;
  if (!m) return -1;
  const at = tokenAt(tokens, m.start);
  if (at >= g.cue[0]) return -1;
  const s = subjectPhraseStart(tokens, at);
  const and = lower(tokens[s - 1]);
  if ((and !== "and" && and !== "but") || tokens[s - 2]?.text !== ",") return -1;
  return s - 1;
}

/** Forms of "say": the verb of a view held by the people a relative clause describes. */
const SAY_FORMS: ReadonlySet<string> = new Set(["say", "says", "said"]);

/**
 * "echoing experts who say Russia doctors documents", "four in 10 who said they could change their
 * mind": the people of a "who … say" clause inside a content hold a view of their own, annotated
 * beside the outer attribution, which keeps its whole content. Other verbs of such a clause
 * ("supporters who wanted …", "critics who doubted …") mostly describe the people and stay nested.
 */
function relativeHolder(tokens: readonly Token[], g: Found): boolean {
  const m = g.speaker?.mention;
  if (!m || lower(tokens[tokenAt(tokens, m.start)]) !== "who") return false;
  return tokens.slice(g.cue[0], g.cue[1]).some((t) => SAY_FORMS.has(lower(t)));
}

/** Words that open a clause of its own inside a content read too far. */
const CLAUSE_OPENING: ReadonlySet<string> = new Set(
  "because when after before while since although though until unless whereas".split(" "),
);

/** Adverbs and punctuation left before a clause boundary ("…, in part because", "…, and"). */
const BOUNDARY_LEAD: ReadonlySet<string> = new Set([
  ",",
  "in",
  "part",
  "partly",
  "largely",
  "mainly",
  "only",
  "even",
  "just",
  "—",
  "–",
]);

/**
 * The token index where a content holding attribution `g` should end so that `g` stands on its own,
 * or -1 when `g` is nested (its clause follows no conjunction or subordinator inside the content).
 */
function clauseBoundary(tokens: readonly Token[], g: Found, floor: number, ceiling: number): number {
  let start = g.cue[0];
  const m = g.speaker?.mention;
  const ownSubject = m !== undefined && m !== null && m.end <= (tokens[g.cue[0]] as Token).start;
  if (ownSubject) start = Math.min(start, subjectPhraseStart(tokens, tokenAt(tokens, m.start)));
  let b = start - 1;
  if (b <= floor || b >= ceiling) return -1;
  const w = lower(tokens[b]);
  if (w === "and" || w === "but") {
    // "…, and three-quarters said the same": a new subject's attribution.
    if (!ownSubject) return -1;
  } else if (CLAUSE_OPENING.has(w)) {
    // A reported clause keeps its own adverbial clauses ("said she stayed away because she did not
    // believe …"); an object or a complement phrase does not ("upbeat about his chances, because …").
    const clause =
      lower(tokens[floor]) === "that" ||
      tokens.slice(floor, b).some((t) => t.pos === "AUX" || (t.pos === "VERB" && !isParticiple(t.text)));
    if (clause) return -1;
  } else if ((w === "with" || w === "to") && lower(tokens[b - 1]) === "compared") b--;
  else return -1;
  while (b > floor + 1 && BOUNDARY_LEAD.has(lower(tokens[b - 1]))) b--;
  return b > floor ? b : -1;
}

/**
 * "it's hard to know", "it was no surprise when …", "when it comes to": an "it" that only fills
 * the subject slot names no source.
 */
function expletiveSubject(tokens: readonly Token[], speaker: Speaker | null): boolean {
  const m = speaker?.mention;
  if (!m) return false;
  const at = tokenAt(tokens, m.start);
  if (lower(tokens[at]) !== "it" || (tokens[at] as Token).end !== m.end) return false;
  let k = at + 1;
  if (MODALS.has(lower(tokens[k])) && lower(tokens[k + 1]) === "be") k++;
  const next = lower(tokens[k]);
  if (next === "comes") return true;
  if (!BE_FORMS.has(next) || !["ADJ", "DET", "ADV"].includes(tokens[k + 1]?.pos ?? "")) return false;
  // "It is important to note that …", "it's hard not to sense …", "It is too soon to say …": the
  // "it" stands for the clause after the adjective. A resolved "it" that holds an attitude itself
  // ("It is confident that the deal will close") is a source.
  if (!speaker?.entity) return true;
  let j = k + 1;
  while (
    j < tokens.length &&
    j - k <= MAX_EXPLETIVE_TOKENS &&
    (["ADJ", "ADV", "DET", "NOUN", "NUM"].includes((tokens[j] as Token).pos) || lower(tokens[j]) === "not")
  ) {
    if (CUE_ADJECTIVES.has(lower(tokens[j]))) return false;
    j++;
  }
  return /^(?:to|for|that|when|if|than|not)$/.test(lower(tokens[j]));
}

/** Words between an expletive "it is" and the clause it stands for ("it's also not unreasonable for"). */
const MAX_EXPLETIVE_TOKENS = 6;

/** Longest label before a colon taken as a source ("Former AG Mukasey at RNC: …"). */
const MAX_LABEL_TOKENS = 6;

/** Words for evidence or informants that label what follows them in a headline ("Poll: …", "Report: …"). */
const LABEL_NOUNS: ReadonlySet<string> = new Set(
  "poll polls survey report study analysis review audit memo insiders experts historians officials aides analysts economists".split(
    " ",
  ),
);

/** Prepositions a label may hold ("Clinton to Planned Parenthood:", "Mukasey at RNC:"). */
const LABEL_PREPOSITIONS: ReadonlySet<string> = new Set(["at", "on", "to", "of", "from", "in"]);

/**
 * "Poll: Clinton leads in Ohio.", "TAPPER: And you support him?", "Sen. Ruiz: We will win.": a
 * short name phrase opening the sentence and closed by a colon labels who says the rest, as in
 * headlines and transcripts. The label must hold a name and no verb, and the rest must be a
 * clause, a verb in it (a quotation after the label is the quote finder's).
 */
function colonLabels(ctx: SentenceCtx, found: Found[]): void {
  const { tokens, finder, quoted } = ctx;
  let colon = -1;
  for (let k = 1; k <= MAX_LABEL_TOKENS && k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.text === ":") {
      colon = k;
      break;
    }
    const inLabel =
      ["NOUN", "PROPN", "ADJ", "DET", "NUM", "PART"].includes(t.pos) ||
      (t.pos === "ADP" && LABEL_PREPOSITIONS.has(lower(t)));
    if (!inLabel || !isWord(t)) return;
  }
  if (colon < 0 || quoted.has((tokens[0] as Token).start)) return;
  const first = tokens[0] as Token;
  const head = tokens[colon - 1] as Token;
  if (!/^\p{Lu}/u.test(first.text) || !["NOUN", "PROPN"].includes(head.pos)) return;
  // "Q:" marks the interviewer's question in a Q&A, which is no one's claim.
  if (colon === 1 && first.text === "Q") return;
  if (!["NOUN", "PROPN", "ADJ", "DET"].includes(first.pos)) return;
  if (!tokens.slice(0, colon).some((t) => t.pos === "PROPN")) return;
  const next = tokens[colon + 1];
  if (next === undefined || /^[“"‘'([]/.test(next.text) || quoted.has(next.start)) return;
  // "Poll: Trump Ties Clinton in Ohio": in a title-case headline the tagger takes the verb for a name.
  const clause = (k: number) =>
    ["VERB", "AUX"].includes(tokens[k]?.pos ?? "") || (ctx.headline && headlineVerb(tokens, k));
  if (!tokens.some((_, k) => k > colon && clause(k))) return;
  const cue = { start: (tokens[colon] as Token).start, end: (tokens[colon] as Token).end };
  // A turn label (a known person or organisation, a transcript's capitals, a title), or a lone
  // word for evidence or a group of informants ("Poll:", "Insiders:"); not "The Latest:",
  // "Editor's note:" or a place heading a list ("Iowa:").
  const speaker =
    finder.turnLabel(tokens, 0) ??
    (colon === 1 && LABEL_NOUNS.has(lower(first)) ? finder.resolve(tokens, 0, colon, cue) : null);
  if (speaker === null) return;
  let end = tokens.length;
  while (end > colon + 2 && !isWord(tokens[end - 1] as Token)) end--;
  found.push({ content: [colon + 1, end], cue: [colon, colon + 1], speaker });
}

/** Words of four letters or more a headline has, at least ("Mayor Says Bridge Will Close"). */
const MIN_HEADLINE_WORDS = 3;

/**
 * Is the sentence set in title case: every word of four letters or more capitalised, the short
 * function words ("of", "to", "and") left free? Headlines are; running text never is.
 */
function isHeadline(tokens: readonly Token[]): boolean {
  let long = 0;
  for (const t of tokens) {
    if (t.text.length < 4 || !/^\p{L}/u.test(t.text)) continue;
    if (!/^\p{Lu}/u.test(t.text) || t.text === t.text.toUpperCase()) return false;
    long++;
  }
  return long >= MIN_HEADLINE_WORDS;
}

/**
 * "a crowd that hardly expected …", "if you want to understand …": a relative "that" mostly hangs
 * from a thing or a crowd, and a "you" of running text is the generic reader; neither names a source.
 * PolNeAR's annotators do mark both as sources at times, but keeping either gained nothing (train
 * source F1 0.797 with and without each; dev 0.820 with either kept, 0.821 without).
 */
function genericSubject(body: string, speaker: Speaker | null): boolean {
  const m = speaker?.mention;
  if (!m || speaker?.entity) return false;
  const w = body.slice(m.start, m.end).toLowerCase();
  return w === "that" || w === "you";
}

/** Indirect attributions of the article, in text order. */
export function findReported(
  article: Article,
  sentences: readonly Sentence[],
  entities: readonly Entity[],
  quotes: readonly Quote[],
): Quote[] {
  if (sentences.length === 0) return [];
  const tokens = sentenceTokens(sentences);
  const sorted = [...quotes].sort((a, b) => a.start - b.start);
  const quoted = new SpanSet(sorted.map((q) => ({ start: q.start, end: q.end })));
  const finder = new SpeakerFinder({ body: article.body, mentions: new MentionIndex(entities), quoted });
  const out: Quote[] = [];
  sentences.forEach((_, s) => {
    const toks = tokens[s] ?? [];
    if (toks.length === 0) return;
    const headline = isHeadline(toks);
    const cues = toks.map((_, i) => cueVerbAt(toks, i, quoted, headline));
    const isCue = (i: number): boolean => cues[i] !== null && cues[i] !== undefined;
    const ctx: SentenceCtx = { tokens: toks, finder, quoted, cues, isCue, headline };
    const found: Found[] = [];
    verbCues(ctx, found);
    accordingTo(ctx, found);
    nominalCues(ctx, found);
    viewFrames(ctx, found);
    pollFrames(ctx, found);
    colonLabels(ctx, found);
    for (const kept of outermost(toks, found.slice(0, MAX_ATTRIBUTIONS_PER_SENTENCE))) {
      const f =
        expletiveSubject(toks, kept.speaker) || genericSubject(article.body, kept.speaker)
          ? { ...kept, speaker: null }
          : kept;
      const first = emit(article, toks, f, f.content, s, sorted);
      const second = f.piece ? emit(article, toks, f, f.piece, s, sorted) : null;
      if (first && second) {
        first.continues = "";
        second.continues = "";
      }
      if (first) out.push(first);
      if (second) out.push(second);
    }
  });
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  unsourceNested(article.body, out);
  out.forEach((q, n) => {
    q.id = `${article.id}:r${n}`;
  });
  // Pieces of one split content share the first piece's id as their group.
  for (let n = 1; n < out.length; n++) {
    const q = out[n] as Quote;
    const prev = out[n - 1] as Quote;
    if (q.continues === "" && prev.continues !== null && prev.cueSpan?.start === q.cueSpan?.start) {
      prev.continues = prev.continues === "" ? prev.id : prev.continues;
      q.continues = prev.continues;
    }
  }
  for (const q of out) if (q.continues === "") q.continues = null;
  return out;
}

/**
 * "Audit files show that four accounts conducted searches of voters likely to support her
 * campaign": a source standing inside another attribution's content is part of what that
 * content reports (attributions do not nest), though its cue was read outside it; the attribution
 * keeps its content and names no source. The people of a "who … said" clause hold a view of their
 * own (see `relativeHolder`). In place.
 */
function unsourceNested(body: string, out: Quote[]): void {
  // `out` is sorted by start, so the attributions starting at or before a mention are a prefix;
  // the two reaching farthest in each prefix tell whether one other than q covers the mention.
  // Linear after the sort: an article of thousands of attributions must not cost their square.
  const far = new Int32Array(out.length);
  const runnerUp = new Int32Array(out.length);
  let a = -1;
  let b = -1;
  out.forEach((o, i) => {
    if (a < 0 || o.end > (out[a] as Quote).end) {
      b = a;
      a = i;
    } else if (b < 0 || o.end > (out[b] as Quote).end) b = i;
    far[i] = a;
    runnerUp[i] = b;
  });
  const covers = (k: number, m: { start: number; end: number }) => k >= 0 && (out[k] as Quote).end >= m.end;
  const nested: number[] = [];
  out.forEach((q, i) => {
    const m = q.speakerMention;
    if (m === null) return;
    if (body.slice(m.start, m.end).toLowerCase() === "who" && q.cue !== null) {
      if (q.cue.split(/\s+/).some((w) => SAY_FORMS.has(w.toLowerCase()))) return;
    }
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((out[mid] as Quote).start <= m.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return;
    const best = far[lo - 1] as number;
    if (covers(best === i ? (runnerUp[lo - 1] as number) : best, m)) nested.push(i);
  });
  for (const i of nested)
    out[i] = { ...(out[i] as Quote), speaker: null, speakerMention: null, speakerEntity: null };
}

/** Month names: "in April" after a subject is the time of the act, not part of who acted. */
const MONTHS =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?$/i;

/**
 * A source mention without what is not the source: a dateline before it ("PHILADELPHIA ― Hillary
 * Clinton's campaign"), a time phrase after it ("federal prosecutors in April", "the report on
 * Wednesday"), a name joined to a share by "and" ("Clinton and 44 percent would back Trump":
 * the share is who backs him), and the "that" opening the clause the subject stands in ("a strike
 * that company executives said could …", "clear that large majorities of voters agreed").
 */
function trimMention(tokens: readonly Token[], m: Span): Span {
  let s = tokenAt(tokens, m.start);
  let e = tokenAt(tokens, m.end);
  if (e <= s) return m;
  if (e - s >= 2 && complementizerThat(tokens, s, e)) s++;
  for (let k = s + 1; k < e - 1 && k - s <= 3; k++) {
    const t = tokens[k] as Token;
    const dateline = tokens
      .slice(s, k)
      .every((x) => x.text === x.text.toUpperCase() && /\p{Lu}/u.test(x.text));
    if (/^[―—–-]$/.test(t.text) && dateline && t.start > (tokens[k - 1] as Token).end) {
      s = k + 1;
      break;
    }
  }
  for (let k = s + 1; k < e; k++) {
    const w = lower(tokens[k]);
    const n = tokens[k + 1];
    if (!n || (w !== "in" && w !== "on" && w !== "last" && w !== "this")) continue;
    // "in April", "on Wednesday", "in 2015", "last week"; not a ratio ("Six in 10") or a place ("in five states").
    if (MONTHS.test(n.text) || TIME_WORDS.test(n.text) || /^(?:19|20)\d\d$/.test(n.text)) {
      e = k;
      break;
    }
  }
  s = contactRelativeSubject(tokens, s, e);
  for (let k = e - 2; k > s; k--) {
    if (lower(tokens[k]) !== "and") continue;
    const rest = tokens.slice(k + 1, e);
    if (rest[0]?.pos === "NUM" && rest.some((t) => /^(?:percent|%)$/i.test(t.text))) s = k + 1;
    break;
  }
  if (s >= e) return m;
  return { start: (tokens[s] as Token).start, end: (tokens[e - 1] as Token).end };
}

/** Heads that a relative clause with no pronoun follows ("the place [officials say …]"). */
const CONTACT_HEADS: ReadonlySet<string> = new Set(
  "place places one ones reason reasons way thing things time kind sort issue issues".split(" "),
);

/**
 * "the place Pentagon officials say …", "the ones Trump's campaign hopes to register", "One reason
 * Democrats say …", "the more voters fear …": a head noun and, with no relative pronoun between,
 * the subject of the clause that modifies it. The subject is the source; the head is what is said
 * or felt about. Start index of the subject within [s, e), or `s`.
 */
function contactRelativeSubject(tokens: readonly Token[], s: number, e: number): number {
  const opener = lower(tokens[s]);
  // "The more voters fear …, the …": a comparative correlative, whose subject follows "the more"
  // ("the more experienced aides" is one noun phrase).
  if (
    opener === "the" &&
    /^(?:more|fewer|less)$/.test(lower(tokens[s + 1])) &&
    s + 2 < e &&
    ["NOUN", "PROPN"].includes((tokens[s + 2] as Token).pos) &&
    tokens.some((t, j) => j > e && t.text === "," && lower(tokens[j + 1]) === "the")
  )
    return s + 2;
  let k = s;
  if (["the", "one", "a"].includes(opener) && k + 1 < e) k++;
  while (k < e - 1 && (tokens[k] as Token).pos === "ADJ") k++;
  const head = lower(tokens[k]);
  if (!(CONTACT_HEADS.has(head) && (k > s || head === "one"))) return s;
  if (k + 1 >= e) return s;
  const next = tokens[k + 1] as Token;
  return ["PROPN", "NOUN", "ADJ", "DET", "NUM"].includes(next.pos) &&
    !/^(?:of|that|which|who)$/i.test(next.text)
    ? k + 1
    : s;
}

/**
 * Is the "that" opening the mention [s, e) a complementizer or relative pronoun, not a
 * demonstrative? A demonstrative determines one singular noun ("that profile", "That letter"); a
 * determiner, a number or a quantifier after it, or a plural head, opens a noun phrase of its own.
 */
function complementizerThat(tokens: readonly Token[], s: number, e: number): boolean {
  if (lower(tokens[s]) !== "that") return false;
  const next = tokens[s + 1] as Token;
  // "that one" is a demonstrative with its pronoun.
  if (lower(next) === "one") return false;
  if (
    next.pos === "DET" ||
    next.pos === "NUM" ||
    QUANTIFIER_SUBJECTS.has(lower(next)) ||
    lower(next) === "more"
  )
    return true;
  const head = tokens[e - 1] as Token;
  return head.pos === "NOUN" && (/[^s]s$/i.test(head.text) || lower(head) === "people");
}

/** One indirect Quote for a content piece [from, to) of a found attribution, or null when nothing is left. */
function emit(
  article: Article,
  toks: readonly Token[],
  f: Found,
  piece: [number, number],
  sentence: number,
  quotes: readonly Quote[],
): Quote | null {
  const [from, to] = trimEdges(toks, piece[0], Math.min(piece[1], piece[0] + MAX_CONTENT_TOKENS));
  if (to <= from || !toks.slice(from, to).some(isWord)) return null;
  const span = tokenSpan(toks, from, to);
  if (insideQuote(span, quotes)) return null;
  const cue = tokenSpan(toks, f.cue[0], f.cue[1]);
  const sp = f.speaker?.mention ? { ...f.speaker, mention: trimMention(toks, f.speaker.mention) } : f.speaker;
  const mentionText = sp?.mention ? article.body.slice(sp.mention.start, sp.mention.end) : null;
  return {
    id: "",
    start: span.start,
    end: span.end,
    text: article.body.slice(span.start, span.end),
    kind: "indirect",
    partial: false,
    speaker: sp?.speaker ?? (mentionText && !PRONOUN_MENTION.test(mentionText) ? mentionText : null),
    speakerMention: sp?.mention ?? null,
    speakerEntity: sp?.entity?.id ?? null,
    cue: article.body.slice(cue.start, cue.end),
    cueSpan: cue,
    sentence,
    continues: null,
  };
}

/** A mention that is only a pronoun names nobody when it cannot be resolved. */
const PRONOUN_MENTION = /^(?:he|she|they|it|we|i|you|who|which|that|his|her|their|its)$/i;

/**
 * A direct or partial quotation with no speaker, inside an indirect attribution's content, was
 * said by that attribution's source: "The Post reports that aides want to “keep the details under
 * wraps.”" credits the quoted words to The Post. Pure: returns the quotes, updated copies where
 * a speaker was given.
 */
export function creditQuotesInReported(quotes: readonly Quote[], reported: readonly Quote[]): Quote[] {
  // Tried and dropped: crediting the holder with a partial quotation whose own speaker mention lies
  // inside the holder's content (no verb of saying of its own). PolNeAR train source F1 0.7978 ->
  // 0.7982, quoted speaker accuracy 0.919 -> 0.920; dev source F1 0.8208 -> 0.8202 (it takes
  // "Eric Garner gasping “I can't breathe”" from its speaker).
  const holders = reported.filter((r) => r.speakerMention !== null);
  return quotes.map((q) => {
    if (q.speaker !== null) return q;
    const holder = holderOf(holders, q);
    if (!holder) return q;
    // A mention the quote finder already found stays; the name comes from the attribution.
    if (q.speakerMention !== null) {
      return holder.speaker === null
        ? q
        : { ...q, speaker: holder.speaker, speakerEntity: holder.speakerEntity };
    }
    return {
      ...q,
      speaker: holder.speaker,
      speakerEntity: holder.speakerEntity,
      speakerMention: holder.speakerMention,
      cue: holder.cue,
      cueSpan: holder.cueSpan,
    };
  });
}

/** Contents looked at, nearest first, for one holding a quotation (contents of one sentence may nest). */
const MAX_HOLDER_CANDIDATES = 8;

/** The indirect content (sorted by start) holding quote `q`; the quote's closing mark may stand just past it. */
function holderOf(sorted: readonly Quote[], q: Quote): Quote | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as Quote).start <= q.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= Math.max(0, lo - MAX_HOLDER_CANDIDATES); k--) {
    const r = sorted[k] as Quote;
    if (q.end <= r.end + 1) return r;
  }
  return null;
}
