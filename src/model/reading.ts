import type { Article } from "./article.js";

/**
 * What the read stage produces for one article. Every span is [start, end) in UTF-16 code units
 * into `article.body` (JavaScript string indices), unless the field says it is in the title.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
  /** Index of the paragraph (in article.paragraphs) holding the sentence. */
  paragraph: number;
}

export type QuoteKind = "direct" | "partial" | "indirect";

export interface Quote extends Span {
  /** Unique within the story: `${articleId}:q${n}`. */
  id: string;
  /** The quoted words, without the enclosing marks. */
  text: string;
  kind: QuoteKind;
  /** True when the quote is a fragment inside the writer's own sentence. */
  partial: boolean;
  /** Canonical full name of the speaker (person or organisation), resolved through pronouns and surnames. */
  speaker: string | null;
  /** The mention that speaks in this sentence ("he", "Kerry", "the newspaper"). */
  speakerMention: Span | null;
  /** Id of the resolved entity, when the speaker is one of the article's entities. */
  speakerEntity: string | null;
  /** Reporting verb as written ("said", "continued to say", "told"), or null. */
  cue: string | null;
  cueSpan: Span | null;
  /** Index into Reading.sentences of the sentence that holds the start of the quote. */
  sentence: number;
  /**
   * Consecutive pieces of one utterance split by the attribution ("(We) thought, however," he
   * continued to say, "We could ...") share a group id; null when the quote stands alone.
   */
  continues: string | null;
}

export type EntityType = "person" | "organization" | "place";

export interface Mention extends Span {
  text: string;
}

export interface Entity {
  /** Unique within the article: `${articleId}:e${n}`. */
  id: string;
  type: EntityType;
  /** Fullest form the article gives ("John Kerry"), without titles like "Mr." or "US Secretary of State". */
  name: string;
  /** Every mention merged into this entity ("Mr. Kerry", "Kerry", "US Secretary of State John Kerry"). */
  mentions: Mention[];
  /** Role descriptions attached to the entity ("US Secretary of State", "a civil engineer"). */
  roles: string[];
}

export interface Figure extends Span {
  /** The words as written ("35 minute", "approximately 20 participants", "80 Syrian soldiers"). */
  text: string;
  value: number;
  /** Normalised unit or counted thing, singular ("minute", "participant", "soldier", "%", "USD"), or null. */
  unit: string | null;
  /** Head noun phrase of what is measured when it differs from the unit ("conversation" for "35 minute conversation"). */
  measure: string | null;
  /** "exact", or a qualifier: "approximate", "at-least", "at-most", "range". */
  precision: "exact" | "approximate" | "at-least" | "at-most" | "range";
  /** Upper bound for ranges ("three…four people" → value 3, upper 4). */
  upper: number | null;
}

export interface DateMention extends Span {
  text: string;
  /** ISO 8601 date or date-time; null when it cannot be resolved (relative with no publication date). */
  value: string | null;
  relative: boolean;
  /** For spans like "last week" or "late September": the resolved period's precision. */
  granularity: "day" | "week" | "month" | "year" | "time";
}

/** "the New York Times revealed", "according to Wikileaks", "MEMO reported". */
export interface Attribution extends Span {
  /** Outlet or organisation credited, canonical ("The New York Times"). */
  outlet: string;
  cue: string;
  /** Sentence index the attribution governs. */
  sentence: number;
}

export type ClaimRole = "headline" | "body";

export interface Claim {
  /** Unique within the story: `${articleId}:c${n}`; the headline, when present, is c0. */
  id: string;
  text: string;
  role: ClaimRole;
  /** Span in body for body claims; null for the headline (it lives in article.title). */
  span: Span | null;
  /** Sentence index for body claims. */
  sentence: number | null;
}

export interface Reading {
  article: Article;
  sentences: Sentence[];
  /** Direct and partial quotations (the JSON report's quotes and the story's quote groups). */
  quotes: Quote[];
  /**
   * Indirect attributions (kind "indirect"): reported speech, belief and intention without
   * quotation marks ("Kerry admitted that …", "according to polls, …"); the span is the content.
   */
  reported: Quote[];
  entities: Entity[];
  figures: Figure[];
  dates: DateMention[];
  attributions: Attribution[];
  claims: Claim[];
}
