/**
 * Scoring named people and organisations against hand labels (bench/read/entities-dev-labels.json):
 * - only predicted entities of type person or organization are scored; places are not labelled, so
 *   a predicted place is neither right nor wrong (but a gold mention found only as a place is missed);
 * - a predicted mention is right when its span equals a gold mention's and the types agree
 *   ("exact"), or in the looser variant when the spans overlap and the types agree ("overlap");
 *   matching is one to one, larger overlaps first;
 * - a predicted mention that matches no gold mention but overlaps a span the labels mark "ignore"
 *   (a show's title, a Twitter handle, a borderline name) is left out of the counts;
 * - an entity is right when its name equals the gold name (or one of the gold aliases) after
 *   normalising case, spacing, apostrophes and a leading "the", and the types agree;
 * - merging is scored on mentions matched by overlap, whatever their type: the share of gold
 *   entities whose matched mentions all sit in one predicted entity, the share of predicted
 *   entities mixing mentions of two gold entities, and B-cubed precision and recall.
 */

export type LabelType = "person" | "organization";

export interface GoldEntity {
  name: string;
  aliases?: string[];
  type: LabelType;
  mentions: [number, number][];
}

export interface GoldDocument {
  entities: GoldEntity[];
  ignore: [number, number][];
}

export interface PredictedEntity {
  name: string;
  type: string;
  mentions: { start: number; end: number }[];
}

export interface EntityCounts {
  /** Predicted person/organisation mentions counted (ignored ones left out), and gold mentions. */
  predictedMentions: number;
  goldMentions: number;
  exactRight: number;
  overlapRight: number;
  /** Span-only exact matches, any predicted type (places included): how many errors are typing errors. */
  exactAnyType: number;
  predictedEntities: number;
  goldEntities: number;
  entitiesRight: number;
  /** Gold entities with two or more mentions matched (by overlap), and those held by one predicted entity. */
  multiMentionGold: number;
  wholeGold: number;
  /** Gold entities with two or more mentions, and those with every mention matched and in one predicted entity. */
  goldWithSeveral: number;
  completeGold: number;
  /** Predicted entities holding a matched mention, and those holding mentions of two or more gold entities. */
  predictedWithMatch: number;
  mixedPredicted: number;
  /** B-cubed sums over matched mentions, and the number of matched mentions. */
  b3Precision: number;
  b3Recall: number;
  b3Mentions: number;
}

export function emptyEntityCounts(): EntityCounts {
  return {
    predictedMentions: 0,
    goldMentions: 0,
    exactRight: 0,
    overlapRight: 0,
    exactAnyType: 0,
    predictedEntities: 0,
    goldEntities: 0,
    entitiesRight: 0,
    multiMentionGold: 0,
    wholeGold: 0,
    goldWithSeveral: 0,
    completeGold: 0,
    predictedWithMatch: 0,
    mixedPredicted: 0,
    b3Precision: 0,
    b3Recall: 0,
    b3Mentions: 0,
  };
}

export function addEntityCounts(into: EntityCounts, c: EntityCounts): void {
  for (const key of Object.keys(into) as (keyof EntityCounts)[]) into[key] += c[key];
}

/** Lower case, one space, straight apostrophes, no leading "the": "The  New York Times" = "new york times". */
export function normalizeName(name: string): string {
  return name.replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim().replace(/^the /i, "").toLowerCase();
}

function isLabelType(type: string): type is LabelType {
  return type === "person" || type === "organization";
}

interface FlatMention {
  start: number;
  end: number;
  /** Index of the entity in its list. */
  entity: number;
  type: string;
}

function flatten(
  entities: readonly { type: string }[],
  spans: (i: number) => [number, number][],
): FlatMention[] {
  const out: FlatMention[] = [];
  entities.forEach((e, i) => {
    for (const [start, end] of spans(i)) out.push({ start, end, entity: i, type: e.type });
  });
  return out;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** One-to-one pairs (predicted index → gold index), larger overlaps first; `fits` filters pairs. */
export function matchMentions(
  predicted: readonly FlatMention[],
  gold: readonly FlatMention[],
  fits: (p: FlatMention, g: FlatMention) => boolean,
): Map<number, number> {
  const pairs: { p: number; g: number; size: number }[] = [];
  predicted.forEach((p, pi) => {
    gold.forEach((g, gi) => {
      const size = overlap(p, g);
      if (size > 0 && fits(p, g)) pairs.push({ p: pi, g: gi, size });
    });
  });
  pairs.sort((a, b) => b.size - a.size || a.p - b.p || a.g - b.g);
  const out = new Map<number, number>();
  const usedGold = new Set<number>();
  for (const { p, g } of pairs) {
    if (out.has(p) || usedGold.has(g)) continue;
    out.set(p, g);
    usedGold.add(g);
  }
  return out;
}

export interface DocumentScore {
  counts: EntityCounts;
  /** Predicted mentions matching no gold mention (exact, typed), as [start, end, entity name, type]. */
  falseMentions: [number, number, string, string][];
  /** Gold mentions no prediction matches (exact, typed), as [start, end, gold name]. */
  missedMentions: [number, number, string][];
  /** Gold entities whose best predicted entity carries another name: [gold name, predicted name]. */
  wrongNames: [string, string][];
  /** Predicted entities mixing gold entities: [predicted name, gold names]. */
  mixed: [string, string[]][];
  /** Gold entities split over several predicted entities: [gold name, predicted names]. */
  split: [string, string[]][];
}

export function scoreEntityDocument(
  gold: GoldDocument,
  predictedAll: readonly PredictedEntity[],
): DocumentScore {
  const counts = emptyEntityCounts();
  const predicted = predictedAll.filter((e) => isLabelType(e.type));
  const goldFlat = flatten(gold.entities, (i) => gold.entities[i]!.mentions);
  const allFlat = flatten(predictedAll, (i) => predictedAll[i]!.mentions.map((m) => [m.start, m.end]));
  const predFlat = flatten(predicted, (i) => predicted[i]!.mentions.map((m) => [m.start, m.end]));
  const sameSpan = (p: FlatMention, g: FlatMention) => p.start === g.start && p.end === g.end;
  const exact = matchMentions(predFlat, goldFlat, (p, g) => sameSpan(p, g) && p.type === g.type);
  const loose = matchMentions(predFlat, goldFlat, (p, g) => p.type === g.type);
  const anyType = matchMentions(allFlat, goldFlat, sameSpan);
  const bySpan = matchMentions(predFlat, goldFlat, () => true);
  const ignored = (p: FlatMention) => gold.ignore.some(([s, e]) => overlap(p, { start: s, end: e }) > 0);

  const counted = predFlat.map((p, i) => loose.has(i) || bySpan.has(i) || !ignored(p));
  counts.predictedMentions = counted.filter(Boolean).length;
  counts.goldMentions = goldFlat.length;
  counts.exactRight = exact.size;
  counts.overlapRight = loose.size;
  counts.exactAnyType = anyType.size;

  const falseMentions: DocumentScore["falseMentions"] = [];
  predFlat.forEach((p, i) => {
    if (counted[i] && !exact.has(i)) {
      const e = predicted[p.entity]!;
      falseMentions.push([p.start, p.end, e.name, e.type]);
    }
  });
  const hitGold = new Set(exact.values());
  const missedMentions: DocumentScore["missedMentions"] = [];
  goldFlat.forEach((g, i) => {
    if (!hitGold.has(i)) missedMentions.push([g.start, g.end, gold.entities[g.entity]!.name]);
  });

  // Entities: a predicted entity counts unless every mention of it is ignored.
  const countedEntities = predicted.filter((_, ei) => predFlat.some((p, i) => p.entity === ei && counted[i]));
  counts.predictedEntities = countedEntities.length;
  counts.goldEntities = gold.entities.length;
  const usedGold = new Set<number>();
  for (const p of countedEntities) {
    const name = normalizeName(p.name);
    const g = gold.entities.findIndex(
      (ge, gi) =>
        !usedGold.has(gi) &&
        ge.type === p.type &&
        [ge.name, ...(ge.aliases ?? [])].some((n) => normalizeName(n) === name),
    );
    if (g >= 0) {
      usedGold.add(g);
      counts.entitiesRight++;
    }
  }

  // Merging, on mentions matched by overlap whatever their type.
  const goldOf = new Map<number, number>(); // predicted flat index → gold entity
  for (const [pi, gi] of bySpan) goldOf.set(pi, goldFlat[gi]!.entity);
  const predByGold = new Map<number, Set<number>>();
  const goldByPred = new Map<number, Set<number>>();
  const matchedOfGold = new Map<number, number>();
  for (const [pi, ge] of goldOf) {
    const pe = predFlat[pi]!.entity;
    if (!predByGold.has(ge)) predByGold.set(ge, new Set());
    predByGold.get(ge)!.add(pe);
    if (!goldByPred.has(pe)) goldByPred.set(pe, new Set());
    goldByPred.get(pe)!.add(ge);
    matchedOfGold.set(ge, (matchedOfGold.get(ge) ?? 0) + 1);
  }
  const wrongNames: DocumentScore["wrongNames"] = [];
  const split: DocumentScore["split"] = [];
  gold.entities.forEach((ge, gi) => {
    const holders = predByGold.get(gi) ?? new Set<number>();
    const matched = matchedOfGold.get(gi) ?? 0;
    if (matched >= 2) {
      counts.multiMentionGold++;
      if (holders.size === 1) counts.wholeGold++;
      else split.push([ge.name, [...holders].map((pe) => predicted[pe]!.name)]);
    }
    if (ge.mentions.length >= 2) {
      counts.goldWithSeveral++;
      if (holders.size === 1 && matched === ge.mentions.length) counts.completeGold++;
    }
    // The predicted entity holding most of this gold entity's mentions: does it carry the name?
    let best = -1;
    let bestCount = 0;
    for (const pe of holders) {
      const n = [...goldOf].filter(([pi, g]) => g === gi && predFlat[pi]!.entity === pe).length;
      if (n > bestCount) {
        best = pe;
        bestCount = n;
      }
    }
    if (best >= 0) {
      const name = normalizeName(predicted[best]!.name);
      if (![ge.name, ...(ge.aliases ?? [])].some((n) => normalizeName(n) === name))
        wrongNames.push([ge.name, predicted[best]!.name]);
    }
  });
  const mixed: DocumentScore["mixed"] = [];
  for (const [pe, golds] of goldByPred) {
    counts.predictedWithMatch++;
    if (golds.size > 1) {
      counts.mixedPredicted++;
      mixed.push([predicted[pe]!.name, [...golds].map((g) => gold.entities[g]!.name)]);
    }
  }
  // B-cubed over matched mentions: for each, the share of its predicted cluster that is its gold
  // entity (precision) and the share of its gold entity's matched mentions in its predicted cluster.
  const pairs = [...goldOf].map(([pi, ge]) => ({ pe: predFlat[pi]!.entity, ge }));
  for (const m of pairs) {
    const samePred = pairs.filter((x) => x.pe === m.pe);
    const sameGold = pairs.filter((x) => x.ge === m.ge);
    const both = samePred.filter((x) => x.ge === m.ge).length;
    counts.b3Precision += both / samePred.length;
    counts.b3Recall += both / sameGold.length;
    counts.b3Mentions++;
  }
  return { counts, falseMentions, missedMentions, wrongNames, mixed, split };
}

export function ratio(num: number, den: number): number {
  return den === 0 ? 0 : num / den;
}

export function prf(right: number, predicted: number, gold: number): { p: number; r: number; f1: number } {
  const p = ratio(right, predicted);
  const r = ratio(right, gold);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
