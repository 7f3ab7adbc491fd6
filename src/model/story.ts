import type { EntityType, Reading } from "./reading.js";

/** What the triangulate stage produces: the story's versions lined up. Article ids refer to Reading.article.id. */

export type QuoteRelation = "identical" | "trimmed" | "extended" | "altered" | "paraphrased";

/** One token of a word-level difference between a member and the group's reference text. */
export interface DiffPart {
  op: "same" | "added" | "removed";
  text: string;
}

export interface QuoteGroupMember {
  article: string;
  /** Quote id (Reading.quotes[].id). */
  quote: string;
  relation: QuoteRelation;
  speaker: string | null;
  /** Word-level difference from the group's reference text; empty for identical members. */
  diff: DiffPart[];
}

export interface QuoteGroup {
  id: string;
  /** The speaker most members agree on (canonical name), or null. */
  speaker: string | null;
  /** Reference wording: the longest faithful member. */
  text: string;
  members: QuoteGroupMember[];
  /** True when members name different speakers. */
  speakerConflict: boolean;
}

export interface FigureGroupMember {
  article: string;
  text: string;
  value: number;
  unit: string | null;
  start: number;
  end: number;
}

export interface FigureGroup {
  id: string;
  /** What is measured, in words ("recording length", "soldiers killed"). */
  measure: string;
  unit: string | null;
  members: FigureGroupMember[];
  /** True when members give values that cannot all be right at once. */
  conflict: boolean;
}

export interface ReusedPassage {
  /** The passage as it reads in article a, and in article b. */
  a: string;
  b: string;
  aSpan: { start: number; end: number };
  bSpan: { start: number; end: number };
}

export interface ReusePair {
  a: string;
  b: string;
  passages: ReusedPassage[];
  /** Share of a's body (in characters) inside shared passages, 0..1. */
  shareOfA: number;
  shareOfB: number;
  /** Likely direction of copying, when publication dates (or other evidence) allow. */
  direction: "a->b" | "b->a" | null;
  /** Why that direction (or why none). */
  directionReason: string;
}

/** Articles that are copies of one another form one witness. */
export interface Witness {
  id: string;
  articles: string[];
  /** The article taken to be the original (earliest or most complete), when one can be chosen. */
  original: string | null;
}

export type Verdict = "supported" | "partly" | "unsupported" | "contradicted";

export interface ClaimSupport {
  article: string;
  /** Claim id (Reading.claims[].id). */
  claim: string;
  verdict: Verdict;
  /** Ids of the evidence: quote ids, claim ids of independent articles, figure group ids. */
  evidence: string[];
  /** Human-readable reasons, each a sentence ("no quote of John Kerry contains an intent verb like 'wanted'"). */
  reasons: string[];
}

/** What one article carries that the others do not. */
export interface Coverage {
  article: string;
  /** Quote group ids only this article (or only its witness) has. */
  uniqueQuotes: string[];
  /** Sentence indices with content no other article shares. */
  uniqueSentences: number[];
}

export interface TimelineEntry {
  article: string;
  published: string | null;
  /** Days between the event and this publication, when both are known. */
  daysAfterEvent: number | null;
  /** Published long after the event without saying so. */
  lateRepublication: boolean;
}

export interface Timeline {
  /** Best-supported date of the event itself, with the date mentions that support it. */
  event: string | null;
  eventEvidence: string[];
  publications: TimelineEntry[];
}

/** One article's entity inside a story entity. */
export interface StoryEntityMember {
  article: string;
  /** Entity id (Reading.entities[].id). */
  entity: string;
}

/** A person, organisation or place across the versions of a story, its per-article entities merged. */
export interface StoryEntity {
  /** Unique within the story: `se${n}`, numbered in order of first appearance. */
  id: string;
  type: EntityType;
  /** Fullest name any version gives ("John Kerry", "United Nations"). */
  name: string;
  /** At most one entity per article: a reader that kept two apart had its reasons. */
  members: StoryEntityMember[];
  /** Every spelling the versions use, names and mentions, first seen first ("John Kerry", "Kerry", "UN"). */
  variants: string[];
}

export interface Story {
  readings: Reading[];
  /** The story's people, organisations and places, each article's entities mapped onto them. */
  entities: StoryEntity[];
  quoteGroups: QuoteGroup[];
  figureGroups: FigureGroup[];
  reuse: ReusePair[];
  witnesses: Witness[];
  claimSupport: ClaimSupport[];
  coverage: Coverage[];
  timeline: Timeline;
}
