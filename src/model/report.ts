/**
 * The JSON report, `schema: "triangulate/story@1"` (SPEC.md). Names and meanings here are a
 * public contract: fields may be added, never renamed or repurposed.
 */
import type { Coverage, DiffPart, QuoteRelation, Timeline, Verdict, Witness } from "./story.js";

export const REPORT_SCHEMA = "triangulate/story@1" as const;

export interface ReportQuote {
  id: string;
  text: string;
  speaker: string | null;
  cue: string | null;
  partial: boolean;
  start: number;
  end: number;
}

export interface ReportFigure {
  text: string;
  value: number;
  unit: string | null;
  start: number;
  end: number;
}

export interface ReportDate {
  text: string;
  value: string | null;
  start: number;
  end: number;
}

export interface ReportClaim {
  id: string;
  text: string;
  role: "headline" | "body";
}

export interface ReportArticle {
  id: string;
  source: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  body: string;
  removed: { kind: string; text: string }[];
  quotes: ReportQuote[];
  figures: ReportFigure[];
  dates: ReportDate[];
  claims: ReportClaim[];
  // Additions beyond the contract:
  byline: string | null;
  dateline: string | null;
  /** Standfirst / subheadline, shown under the title in the HTML report. */
  dek?: string | null;
}

export interface ReportQuoteGroup {
  id: string;
  speaker: string | null;
  text: string;
  members: {
    article: string;
    quote: string;
    relation: QuoteRelation;
    speaker: string | null;
    diff: DiffPart[];
  }[];
  speakerConflict: boolean;
}

export interface ReportFigureGroup {
  id: string;
  measure: string;
  members: { article: string; text: string; value: number; unit: string | null }[];
  conflict: boolean;
}

export interface ReportReuse {
  a: string;
  b: string;
  passages: { a: string; b: string }[];
  shareOfA: number;
  shareOfB: number;
  direction: "a->b" | "b->a" | null;
  directionReason: string;
}

export interface ReportClaimSupport {
  article: string;
  claim: string;
  verdict: Verdict;
  evidence: string[];
  reasons: string[];
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  articles: ReportArticle[];
  quoteGroups: ReportQuoteGroup[];
  figureGroups: ReportFigureGroup[];
  reuse: ReportReuse[];
  claimSupport: ReportClaimSupport[];
  // Additions beyond the contract:
  witnesses: Witness[];
  coverage: Coverage[];
  timeline: Timeline;
  /** Inputs that could not be read, named. */
  failures: { source: string; reason: string }[];
}
