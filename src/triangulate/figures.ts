/**
 * Figures grouped by what they measure, across versions: a "35 minute conversation" and a
 * "40-minute discussion" are one measure (the recording's length) given two values. Only
 * groups of two or more mentions are kept: a figure nobody else gives has nothing to line up
 * with (claim support still sees it through the readings).
 */
import type { Figure, FigureGroup, FigureGroupMember, Reading, Sentence } from "../model/index.js";
import { wordTokens } from "../text/tokens.js";
import { concept, contentConcepts, DURATION_SECONDS, isStopword, normalizeUnit, plural } from "./lexicon.js";
import { UnionFind } from "./union-find.js";

/**
 * Topic words two figures' sentences must share to be called one measure when the measure noun
 * is missing on one side: one shared word ("Syria") is the story's topic, two point at one thing.
 */
export const FIGURE_CONTEXT_MIN_SHARED = 2;

/** "approximately 20": values within this share of it agree (news rounding of counts and durations). */
export const APPROXIMATE_TOLERANCE = 0.15;

/**
 * From here on, a number ending in zeros ("12 million", "5,000") is read as rounded to its last
 * non-zero digit; smaller numbers ("35 minutes", "80 soldiers") are read as exact.
 */
export const ROUND_NUMBER_MIN = 1000;

/** Past this many figures of one unit, only measure nouns link them (pairwise context checks would be quadratic). */
const MAX_PAIRWISE_BUCKET = 400;

/** Characters scanned after a figure for its measure noun when the read stage gave none. */
const MEASURE_LOOKAHEAD = 40;

const UNITLESS = "(no unit)";

interface Item {
  article: string;
  order: number;
  figure: Figure;
  family: string;
  unit: string | null;
  /** Value in the family's base (seconds for durations). */
  lo: number;
  hi: number;
  measureWord: string | null;
  measureConcept: string | null;
  context: Set<string>;
}

function unitFamily(unit: string | null): { family: string; scale: number } {
  if (unit === null) return { family: UNITLESS, scale: 1 };
  const seconds = DURATION_SECONDS.get(unit);
  if (seconds !== undefined) return { family: "duration", scale: seconds };
  return { family: unit, scale: 1 };
}

/** Half the rounding step of a round number ("12 million" → ±0.5 million), else 0. */
function roundingSlack(value: number): number {
  if (value < ROUND_NUMBER_MIN || !Number.isInteger(value)) return 0;
  let step = 1;
  while (step * 10 <= value / 10 && value % (step * 10) === 0) step *= 10;
  return step >= 1000 ? step / 2 : 0;
}

function interval(f: Figure, scale: number): { lo: number; hi: number } {
  const v = f.value * scale;
  const slack = roundingSlack(f.value) * scale;
  switch (f.precision) {
    case "approximate": {
      const tol = Math.max(Math.abs(v) * APPROXIMATE_TOLERANCE, slack);
      return { lo: v - tol, hi: v + tol };
    }
    case "at-least":
      return { lo: v, hi: Number.POSITIVE_INFINITY };
    case "at-most":
      return { lo: Number.NEGATIVE_INFINITY, hi: v };
    case "range":
      return { lo: v, hi: (f.upper ?? f.value) * scale };
    default:
      return { lo: v - slack, hi: v + slack };
  }
}

/** Units that are themselves the thing counted ("soldier"): the word after them is no measure noun. */
function isCountedThing(unit: string | null): boolean {
  return unit !== null && /^[a-z]/.test(unit) && !DURATION_SECONDS.has(unit);
}

/** The noun right after the figure ("35 minute conversation"), when the read stage named none. */
function measureAfter(body: string, f: Figure): string | null {
  const next = wordTokens(body.slice(f.end, f.end + MEASURE_LOOKAHEAD))[0];
  if (!next || next.start > 2 || isStopword(next.norm) || /^\d/.test(next.norm)) return null;
  if (next.text[0] !== next.text[0]?.toLowerCase()) return null;
  return next.norm;
}

function sentenceOf(sentences: readonly Sentence[], at: number): Sentence | undefined {
  return sentences.find((s) => s.start <= at && at < s.end);
}

function collect(readings: readonly Reading[]): Item[] {
  const items: Item[] = [];
  let order = 0;
  for (const reading of readings) {
    const body = reading.article.body;
    for (const figure of [...reading.figures].sort((a, b) => a.start - b.start)) {
      const unit = normalizeUnit(figure.unit);
      const { family, scale } = unitFamily(unit);
      const measureWord = figure.measure
        ? figure.measure.toLowerCase()
        : isCountedThing(unit)
          ? null
          : measureAfter(body, figure);
      const sentence = sentenceOf(reading.sentences, figure.start);
      const own = contentConcepts(figure.text);
      const context = contentConcepts(
        sentence?.text ?? body.slice(Math.max(0, figure.start - 150), figure.end + 150),
      );
      for (const c of own) context.delete(c);
      const lastMeasureWord = measureWord ? wordTokens(measureWord).at(-1)?.norm : undefined;
      items.push({
        article: reading.article.id,
        order: order++,
        figure,
        family,
        unit,
        ...interval(figure, scale),
        measureWord,
        measureConcept: lastMeasureWord ? concept(lastMeasureWord) : null,
        context,
      });
    }
  }
  return items;
}

/** Do two figures of one unit measure the same thing? */
function sameMeasure(a: Item, b: Item): boolean {
  if (a.measureConcept && b.measureConcept) return a.measureConcept === b.measureConcept;
  // Bare numbers (no unit, no noun) are years, ranks, scores: context alone cannot tie them.
  if (a.family === UNITLESS) return false;
  if (a.measureConcept && b.context.has(a.measureConcept)) return true;
  if (b.measureConcept && a.context.has(b.measureConcept)) return true;
  let shared = 0;
  for (const c of a.context) if (b.context.has(c)) shared++;
  return shared >= FIGURE_CONTEXT_MIN_SHARED;
}

/** Values that cannot all be right at once: some two intervals do not meet (in one dimension, pairwise = jointly). */
function conflicting(items: readonly Item[]): boolean {
  const maxLo = Math.max(...items.map((i) => i.lo));
  const minHi = Math.min(...items.map((i) => i.hi));
  return maxLo > minHi;
}

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, n] of counts)
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  return best;
}

/** "conversation/discussion length in minutes", "number of soldiers", "budget (USD)". */
function describeMeasure(items: readonly Item[], unit: string | null): string {
  const nouns = [...new Set(items.map((i) => i.measureWord).filter((m): m is string => m !== null))].slice(
    0,
    2,
  );
  const noun = nouns.join("/");
  if (unit && DURATION_SECONDS.has(unit)) return `${noun ? `${noun} ` : ""}length in ${plural(unit)}`;
  if (unit === null) return noun || "unspecified quantity";
  if (/^[a-z]/.test(unit))
    return noun && noun !== unit ? `number of ${plural(unit)} (${noun})` : `number of ${plural(unit)}`;
  return noun ? `${noun} (${unit})` : `quantity in ${unit}`;
}

export function groupFigures(readings: readonly Reading[]): FigureGroup[] {
  const items = collect(readings);
  const uf = new UnionFind(items.length);
  const buckets = new Map<string, number[]>();
  items.forEach((item, i) => {
    const list = buckets.get(item.family);
    if (list) list.push(i);
    else buckets.set(item.family, [i]);
  });
  for (const list of buckets.values()) {
    if (list.length > MAX_PAIRWISE_BUCKET) {
      const byMeasure = new Map<string, number>();
      for (const i of list) {
        const m = items[i]?.measureConcept;
        if (!m) continue;
        const first = byMeasure.get(m);
        if (first === undefined) byMeasure.set(m, i);
        else uf.union(first, i);
      }
      continue;
    }
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = items[list[x] ?? 0];
        const b = items[list[y] ?? 0];
        if (a && b && sameMeasure(a, b)) uf.union(list[x] ?? 0, list[y] ?? 0);
      }
    }
  }
  const clusters = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const root = uf.find(i);
    const list = clusters.get(root);
    if (list) list.push(item);
    else clusters.set(root, [item]);
  });
  return [...clusters.values()]
    .filter((c) => c.length >= 2)
    .sort((a, b) => (a[0]?.order ?? 0) - (b[0]?.order ?? 0))
    .map((cluster, index): FigureGroup => {
      const unit = mostCommon(cluster.map((i) => i.unit).filter((u): u is string => u !== null));
      const members: FigureGroupMember[] = cluster.map((i) => ({
        article: i.article,
        text: i.figure.text,
        value: i.figure.value,
        unit: i.figure.unit,
        start: i.figure.start,
        end: i.figure.end,
      }));
      return {
        id: `fg${index + 1}`,
        measure: describeMeasure(cluster, unit),
        unit,
        members,
        conflict: conflicting(cluster),
      };
    });
}
