/**
 * Closed word classes the speaker finder leans on: pronouns, determiners, prepositions that stay
 * inside a noun phrase, subordinators, the adverbs and auxiliaries between a subject and its verb,
 * and the colon labels of a page that are not speakers. General English, not any story's words.
 */

/** Words between a subject and its verb that do not change who speaks ("Kerry also said", "had effectively told"). */
export const SKIPPABLE = new Set([
  "also",
  "then",
  "later",
  "once",
  "again",
  "further",
  "just",
  "still",
  "reportedly",
  "repeatedly",
  "effectively",
  "previously",
  "earlier",
  "recently",
  "publicly",
  "privately",
  "had",
  "has",
  "have",
  "’s",
  "'s",
  "’ve",
  "'ve",
  "’d",
  "'d",
  "’ll",
  "'ll",
  "would",
  "will",
  "could",
  "should",
  "might",
  "may",
  "must",
  "can",
  "did",
  "does",
  "do",
  "not",
  "n't",
  "never",
  "is",
  "was",
  "are",
  "were",
  "be",
  "been",
  "being",
  "today",
  "yesterday",
  "tonight",
  "too",
  // "Cruz himself said": an emphatic reflexive after the subject.
  "himself",
  "herself",
  "themselves",
]);

/** Days standing alone between a subject and its verb ("published Wednesday said"): a weekday is a name, so capitalised. */
export const BARE_DAYS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)$/;

/** Time words that, with "on"/"last"/"this" before them, sit between a subject and its verb ("Trump on Tuesday said"). */
export const TIME_WORDS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week|weekend|month|year|today|yesterday|tonight)$/i;

/** Words that introduce a time phrase between a subject and its verb. */
export const TIME_LEADS = new Set([
  "on",
  "last",
  "this",
  "late",
  "early",
  "earlier",
  "later",
  "that",
  "next",
]);

/** Colon labels of the page, not of a speaker: "Update:", "Editor’s note:", "Watch:". */
export const EDITORIAL_LABELS = new Set([
  "note",
  "editor",
  "editor’s",
  "editor's",
  "editors",
  "update",
  "updated",
  "correction",
  "clarification",
  "disclosure",
  "related",
  "photo",
  "photos",
  "video",
  "watch",
  "read",
  "listen",
  "breaking",
  // Tabloid kickers before a headline ("EXCLUSIVE: …", "BOOM: …"): the page's voice, not a speaker's.
  "exclusive",
  "boom",
  "busted",
  "wow",
  "flashback",
  "previously",
  "byline",
  "source",
  "sources",
  "see",
  "also",
  "more",
  "advertisement",
  "transcript",
  "full",
  "live",
  "highlights",
  "summary",
  "background",
  "warning",
  "caption",
  "credit",
  "follow",
  "subscribe",
  "share",
  "tags",
  "topics",
  "abstract",
  "text",
  "title",
  "headline",
  "date",
  "byline",
  "graphic",
  "map",
  "chart",
  "table",
  "poll",
  "bottom",
  "top",
  "here",
  "now",
  "why",
  "what",
  "how",
  "who",
  "when",
  "where",
]);

export const PERSON_PRONOUNS = new Set(["he", "she", "him", "her"]);
export const THING_PRONOUNS = new Set(["it", "they", "we"]);
/** Pronouns that speak but have no antecedent to resolve: the author and the addressee. */
export const DEICTIC_PRONOUNS = new Set(["i", "we", "you"]);
/** Relative pronouns: PolNeAR takes "who" itself as the source of "X, who said …". */
export const RELATIVE_PRONOUNS = new Set(["who", "which", "that"]);
export const POSSESSIVE_PRONOUNS = new Set(["his", "her", "their", "its", "my", "our", "your"]);
export const NP_DETERMINERS = new Set([
  "the",
  "a",
  "an",
  "one",
  "another",
  "its",
  "his",
  "her",
  "their",
  "our",
  "my",
  "some",
  "many",
  "most",
  "several",
  "two",
  "three",
  "both",
  "all",
  "other",
  "these",
  "those",
  "this",
  "that",
]);
/** Prepositions that attach a place or an employer to a description ("a teacher from Homs"). */
export const PLACE_PREPOSITIONS = new Set(["from", "of", "in", "at", "for", "with"]);

/**
 * Prepositions that never open a clause: a noun phrase right after one is its object, not a
 * subject ("In a Facebook message posted Friday, …"). "as", "after", "before" also open clauses.
 */
export const PURE_PREPOSITIONS = new Set([
  "in",
  "on",
  "at",
  "from",
  "of",
  "for",
  "with",
  "without",
  "by",
  "through",
  "into",
  "about",
  "to",
  "over",
  "under",
  "during",
  "against",
  "among",
  "between",
  "via",
  "within",
  "near",
  "toward",
  "towards",
  "across",
  "behind",
  "beyond",
  "around",
  "despite",
  "amid",
]);

/** A party-and-state tag after a lawmaker's name: "R-Ky.", "(D-N.Y.)", "I-Vt." */
export const PARTY_TAG = /^\(?[RDI]\s?-\s?[A-Z][A-Za-z.\s-]{0,10}\)?$/;

/** Demonstratives, which double as conjunctions ("said that") and pronouns. */
export const DEMONSTRATIVES = new Set(["that", "this", "these", "those"]);

/** Prepositions that stay inside a noun phrase before a determiner ("director of the", "head of the"). */
export const NP_PREPOSITIONS = new Set(["of", "for", "at", "in", "from", "on", "with", "to", "by"]);
export const NP_INNER = new Set([
  "of",
  "’s",
  "'s",
  "’",
  "'",
  "-",
  "&",
  "al",
  "el",
  "bin",
  "de",
  "van",
  "von",
  "and",
]);

/**
 * Head nouns of definite descriptions that refer back to a person already named ("the businessman",
 * "the nominee", "the senator"), beyond the role nouns that introduce names.
 */
export const PERSON_HEADS = new Set([
  "businessman",
  "businesswoman",
  "nominee",
  "billionaire",
  "mogul",
  "tycoon",
  "frontrunner",
  "front-runner",
  "hopeful",
  "contender",
  "incumbent",
  "challenger",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "star",
  "actor",
  "actress",
  "singer",
  "comedian",
  "host",
  "anchor",
  "pastor",
  "preacher",
  "judge",
  "justice",
  "veteran",
  "voter",
  "supporter",
  "critic",
  "opponent",
  "rival",
  "ally",
  "aide",
  "strategist",
  "pollster",
  "consultant",
  "lobbyist",
  "donor",
  "chairman",
  "chairwoman",
  "leader",
  "democrat",
  "republican",
  "conservative",
  "liberal",
  "progressive",
  "populist",
  "outsider",
  "newcomer",
  "lawmaker",
  "legislator",
  "congressman",
  "congresswoman",
  "senator",
  "governor",
  "president",
  "secretary",
  "mayor",
]);

/** Subordinating words that open a fronted clause ("When Trump said …, he …"). */
export const SUBORDINATORS = new Set([
  "when",
  "after",
  "while",
  "as",
  "because",
  "although",
  "though",
  "if",
  "before",
  "since",
  "until",
  "once",
  "whereas",
  "whether",
  "unless",
]);

/** Subordinators whose clause closes before the main clause ("When …, he said"); "as" opens an attribution ("As one source said, …"). */
export const CLOSING_SUBORDINATORS = new Set([...SUBORDINATORS].filter((w) => w !== "as"));

/** Words the tagger does not call adverbs that stand between an auxiliary and its verb ("has since said", "will all vote"). */
export const AUXILIARY_INSERTS = new Set(["since", "both", "all", "each"]);

/** Pronouns that head a described group: "someone in the audience", "many in the crowd", "one of the protesters". */
export const INDEFINITE_HEADS = new Set([
  "someone",
  "somebody",
  "anyone",
  "anybody",
  "everyone",
  "everybody",
  "no one",
  "nobody",
  "one",
  "some",
  "many",
  "most",
  "few",
  "several",
  "those",
  "others",
  "none",
  "neither",
  "each",
  "all",
  "both",
]);

/** Tags of words that are never part of a name, even capitalised. */
export const FUNCTION_TAGS = new Set(["ADV", "ADP", "SCONJ", "CCONJ", "DET", "PRON", "AUX", "PART"]);
