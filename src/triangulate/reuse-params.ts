/**
 * Every knob of text-reuse detection, in one place (passim's `--n`, `--min-match`, `--max-df`,
 * `--gap`). Each says what real-world case sets its value.
 */

/**
 * Words per anchor n-gram. Five folded words rarely repeat by chance between two independent
 * news texts ("the secretary of state said" is about the longest stock run), yet one changed
 * word every dozen words still leaves anchors on both sides of the edit.
 */
export const ANCHOR_NGRAM_WORDS = 5;

/**
 * An n-gram occurring more often than this inside one article (a refrain, a repeated slogan) is
 * not used as an anchor there: each repeat would pair with each repeat on the other side.
 */
export const MAX_ANCHOR_REPEATS_PER_ARTICLE = 4;

/**
 * A pair must share this many distinct anchor n-grams to be aligned at all. A kept passage has
 * at least MIN_PASSAGE_WORDS matched words, more than one five-word n-gram can hold; pairs
 * sharing a single stock phrase are dropped before any alignment work.
 */
export const MIN_CANDIDATE_ANCHORS = 2;

/**
 * Boilerplate: text that nearly every version of the story carries verbatim without copying
 * any article prose around it — a leftover "Follow us on Twitter" line, a standard disclaimer.
 * An n-gram counts as boilerplate when it appears in at least this share of the articles…
 */
export const BOILERPLATE_MIN_ARTICLE_SHARE = 0.8;
/** …and in at least this many articles (with two or three articles, "most" says nothing)… */
export const BOILERPLATE_MIN_ARTICLES = 3;
/**
 * …and in some article it stands alone: a stretch of shared text at most this long, outside
 * quotation marks, with no other shared text within MAX_GAP_WORDS. A wire story republished by
 * every outlet is common to all articles too, but as whole paragraphs; a boilerplate line is a
 * sentence or two appended to otherwise unrelated text.
 */
export const BOILERPLATE_MAX_RUN_WORDS = 25;

/**
 * Words either side may skip between two anchored runs of one passage: a changed word
 * ("[ISIS]" / "[the IS]"), an inserted adverb, a dropped clause. Longer gaps start a new passage.
 */
export const MAX_GAP_WORDS = 12;

/**
 * Two runs are joined only if the gap does not shift the alignment by more than this many words
 * (the difference between the two sides' gap lengths): an edit, not a jump to other text.
 */
export const MAX_GAP_SKEW_WORDS = 8;

/**
 * Minimum words matched on both sides for a passage to be kept. Long enough that stock phrases
 * ("US Secretary of State John Kerry", "the Syrian city of Aleppo") never count; short enough
 * that a copied sentence with one edit still does.
 */
export const MIN_PASSAGE_WORDS = 8;

/**
 * A pair is reuse only when its passages hold at least this many matched words outside
 * quotation marks. Independent outlets quoting the same speaker reproduce the same words inside
 * quotation marks — a ten-word quote shared by two reports proves a common source, not copying.
 * The writer's own sentences are the evidence of copying; once a pair has enough of them, its
 * passages made mostly of quotes are listed too (they were most likely copied with the rest).
 */
export const MIN_PAIR_OWN_WORDS = 8;
