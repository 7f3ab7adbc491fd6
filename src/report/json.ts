/**
 * The story as the public JSON contract (SPEC.md, `triangulate/story@1`). Every object is built
 * field by field, in a fixed key order, so the same story always serialises to the same bytes
 * and no internal field of a stage leaks into the contract by accident.
 */
import type {
  ClaimSupport,
  Coverage,
  FigureGroup,
  InputFailure,
  QuoteGroup,
  Reading,
  Report,
  ReportArticle,
  ReportClaimSupport,
  ReportFigureGroup,
  ReportQuoteGroup,
  ReportReuse,
  ReusePair,
  Story,
  Timeline,
  Witness,
} from "../model/index.js";
import { REPORT_SCHEMA } from "../model/index.js";

// Shares are character ratios; four decimals (0.01 %) is finer than any reader compares, and
// keeps float noise from the aligner (0.30000000000000004) out of the JSON.
const SHARE_DECIMALS = 4;

function roundShare(share: number): number {
  if (!Number.isFinite(share)) return 0;
  const factor = 10 ** SHARE_DECIMALS;
  return Math.round(Math.min(1, Math.max(0, share)) * factor) / factor;
}

function articleOf(reading: Reading): ReportArticle {
  const { article } = reading;
  return {
    id: article.id,
    source: article.source,
    outlet: article.outlet,
    title: article.title,
    published: article.published,
    body: article.body,
    removed: article.removed.map((r) => ({ kind: r.kind, text: r.text })),
    quotes: reading.quotes.map((q) => ({
      id: q.id,
      text: q.text,
      speaker: q.speaker,
      cue: q.cue,
      partial: q.partial,
      start: q.start,
      end: q.end,
    })),
    figures: reading.figures.map((f) => ({
      text: f.text,
      value: f.value,
      unit: f.unit,
      start: f.start,
      end: f.end,
    })),
    dates: reading.dates.map((d) => ({ text: d.text, value: d.value, start: d.start, end: d.end })),
    claims: reading.claims.map((c) => ({ id: c.id, text: c.text, role: c.role })),
    byline: article.byline,
    dateline: article.dateline,
    dek: article.dek,
  };
}

function quoteGroupOf(group: QuoteGroup): ReportQuoteGroup {
  return {
    id: group.id,
    speaker: group.speaker,
    text: group.text,
    members: group.members.map((m) => ({
      article: m.article,
      quote: m.quote,
      relation: m.relation,
      speaker: m.speaker,
      diff: m.diff.map((d) => ({ op: d.op, text: d.text })),
    })),
    speakerConflict: group.speakerConflict,
  };
}

function figureGroupOf(group: FigureGroup): ReportFigureGroup {
  return {
    id: group.id,
    measure: group.measure,
    members: group.members.map((m) => ({ article: m.article, text: m.text, value: m.value, unit: m.unit })),
    conflict: group.conflict,
  };
}

function reuseOf(pair: ReusePair): ReportReuse {
  return {
    a: pair.a,
    b: pair.b,
    passages: pair.passages.map((p) => ({ a: p.a, b: p.b })),
    shareOfA: roundShare(pair.shareOfA),
    shareOfB: roundShare(pair.shareOfB),
    direction: pair.direction,
    directionReason: pair.directionReason,
  };
}

function claimSupportOf(support: ClaimSupport): ReportClaimSupport {
  return {
    article: support.article,
    claim: support.claim,
    verdict: support.verdict,
    evidence: [...support.evidence],
    reasons: [...support.reasons],
  };
}

function witnessOf(witness: Witness): Witness {
  return { id: witness.id, articles: [...witness.articles], original: witness.original };
}

function coverageOf(coverage: Coverage): Coverage {
  return {
    article: coverage.article,
    uniqueQuotes: [...coverage.uniqueQuotes],
    uniqueSentences: [...coverage.uniqueSentences],
  };
}

function timelineOf(timeline: Timeline): Timeline {
  return {
    event: timeline.event,
    eventEvidence: [...timeline.eventEvidence],
    publications: timeline.publications.map((p) => ({
      article: p.article,
      published: p.published,
      daysAfterEvent: p.daysAfterEvent,
      lateRepublication: p.lateRepublication,
    })),
  };
}

/** Pure: the story as the JSON contract (SPEC.md, triangulate/story@1). */
export function toReport(story: Story, failures: readonly InputFailure[]): Report {
  return {
    schema: REPORT_SCHEMA,
    articles: story.readings.map(articleOf),
    quoteGroups: story.quoteGroups.map(quoteGroupOf),
    figureGroups: story.figureGroups.map(figureGroupOf),
    reuse: story.reuse.map(reuseOf),
    claimSupport: story.claimSupport.map(claimSupportOf),
    witnesses: story.witnesses.map(witnessOf),
    coverage: story.coverage.map(coverageOf),
    timeline: timelineOf(story.timeline),
    failures: failures.map((f) => ({ source: f.source, reason: f.reason })),
  };
}
