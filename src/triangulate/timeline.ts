import type { DateMention, Reading, ReusePair, Timeline, TimelineEntry } from "../model/index.js";
import { findWitnesses } from "./witnesses.js";

/**
 * A version published more than this many days after the event is flagged as a late
 * re-publication. News of an event runs for days, follow-ups for weeks; two months on, a story
 * told without saying so is old news recirculated as new.
 */
export const LATE_REPUBLICATION_DAYS = 60;

/**
 * How strongly a date mention supports a candidate day, by its precision. "On 22 September"
 * names the day; "last week" only narrows it to seven, "late September" to a month; a bare year
 * says nothing about which day.
 */
const SUPPORT_BY_GRANULARITY: Record<DateMention["granularity"], number> = {
  day: 1,
  time: 1,
  week: 0.5,
  month: 0.25,
  year: 0,
};

/** Characters of an ISO value that name the period a mention of each precision covers. */
const PERIOD_CHARS: Record<DateMention["granularity"], number> = {
  day: 10,
  time: 10,
  week: 10,
  month: 7,
  year: 4,
};

const DAY_MS = 86_400_000;
const WEEK_DAYS = 7;

interface Dated {
  article: string;
  mention: DateMention;
  /** The ISO value cut to the mention's precision. */
  period: string;
}

/**
 * The event's date by vote over the articles' date mentions. Each witness (a group of copies)
 * votes once, with the support of its best member, so one text republished five times does not
 * outvote an independent report. Candidates are the days mentioned; a week or month mention
 * supports every day it covers, less strongly. Mentions after the article's own publication
 * are plans or deadlines, not the event, and do not vote.
 */
export function buildTimeline(readings: readonly Reading[], reuse: readonly ReusePair[]): Timeline {
  const witnessOf = new Map<string, string>();
  for (const w of findWitnesses(readings, reuse)) for (const id of w.articles) witnessOf.set(id, w.id);
  const mentions = readings.flatMap(eventMentions);
  const event = bestEventDate(mentions, witnessOf);
  return {
    event,
    eventEvidence: event
      ? mentions.filter((m) => supports(m, event) > 0).map((m) => `${m.article}: ${m.mention.text}`)
      : [],
    publications: readings.map((r) => publication(r, event)),
  };
}

function eventMentions(reading: Reading): Dated[] {
  const published = reading.article.published?.slice(0, 10) ?? null;
  return reading.dates
    .filter((m): m is DateMention & { value: string } => m.value !== null)
    .map((mention) => ({
      article: reading.article.id,
      mention,
      period: mention.value.slice(0, PERIOD_CHARS[mention.granularity]),
    }))
    .filter((d) => published === null || d.period.slice(0, 10) <= published);
}

/** Support of one mention for a candidate event (a day, or a coarser period when no day is named). */
function supports(d: Dated, candidate: string): number {
  const weight = SUPPORT_BY_GRANULARITY[d.mention.granularity];
  if (d.mention.granularity === "week" && candidate.length === 10) {
    const offset = (Date.parse(candidate) - Date.parse(d.period)) / DAY_MS;
    return offset >= 0 && offset < WEEK_DAYS ? weight : 0;
  }
  return candidate.startsWith(d.period) || d.period.startsWith(candidate) ? weight : 0;
}

function bestEventDate(mentions: readonly Dated[], witnessOf: ReadonlyMap<string, string>): string | null {
  const days = mentions.filter(
    (d) => d.period.length === 10 && SUPPORT_BY_GRANULARITY[d.mention.granularity] === 1,
  );
  const pool =
    days.length > 0 ? days : mentions.filter((d) => SUPPORT_BY_GRANULARITY[d.mention.granularity] > 0);
  const candidates = [...new Set(pool.map((d) => d.period))].sort();
  let best: { value: string; score: number } | null = null;
  for (const candidate of candidates) {
    const byWitness = new Map<string, number>();
    for (const d of mentions) {
      const w = witnessOf.get(d.article) ?? d.article;
      byWitness.set(w, Math.max(byWitness.get(w) ?? 0, supports(d, candidate)));
    }
    const score = [...byWitness.values()].reduce((s, x) => s + x, 0);
    if (!best || score > best.score) best = { value: candidate, score };
  }
  return best?.value ?? null;
}

function publication(reading: Reading, event: string | null): TimelineEntry {
  const published = reading.article.published;
  const days =
    published && event?.length === 10
      ? Math.floor((Date.parse(published.slice(0, 10)) - Date.parse(event)) / DAY_MS)
      : null;
  return {
    article: reading.article.id,
    published,
    daysAfterEvent: days === null || Number.isNaN(days) ? null : days,
    lateRepublication: days !== null && days > LATE_REPUBLICATION_DAYS,
  };
}
