/**
 * Scoring attribution extraction against PolNeAR-style gold (source, cue and content spans), as
 * the quotes issue defines it:
 * - gold quoted attributions are those whose content holds a double quotation mark (the
 *   dataset's own count: “ or "); `isQuotedTypewriter` also takes two apostrophes, which is how
 *   the New York Times articles of PolNeAR type a double mark (''Not now,'' he said.);
 * - a predicted quote matches a gold attribution when at least MATCH_SHARE of its content span
 *   lies inside the gold content (the union of its segments); each prediction takes the gold it
 *   overlaps most;
 * - detection precision is matched predictions over predictions, recall matched gold over gold;
 * - speaker accuracy is over matched pairs whose gold has a source: right when the predicted
 *   speaker mention overlaps a source segment;
 * - end to end, a match counts only with the right speaker (a gold without a source wants none);
 * - over all attributions, indirect ones included, content F1 is detection with every prediction;
 * - source F1 applies the same matching to sources: each distinct predicted speaker mention
 *   matches a gold source span when MATCH_SHARE of it lies inside one; precision over distinct
 *   predicted mentions, recall over gold source spans (the way CofeNet scores sources, apart from
 *   contents). The stricter "source given content" (the mention of a prediction whose content
 *   matched) is kept beside it.
 */

/** Share of a predicted content span that must lie inside the gold content. */
export const MATCH_SHARE = 0.8;

/** Double quotation marks of any style: a content holding one is a quoted attribution. */
const QUOTATION_MARK = /["“”„«»]/;

export interface Segment {
  start: number;
  end: number;
}

export interface GoldAttribution {
  source: Segment[];
  content: Segment[];
  /** The content's text (its segments joined), to tell quoted from indirect. */
  contentText: string;
}

export interface Predicted {
  start: number;
  end: number;
  kind: "direct" | "partial" | "indirect";
  speakerStart: number | null;
  speakerEnd: number | null;
}

export interface Counts {
  predicted: number;
  gold: number;
  matchedPredicted: number;
  matchedGold: number;
  /** Matched pairs whose gold has a source, and those of them with the right speaker mention. */
  speakerPairs: number;
  speakerRight: number;
  /** End to end: matched with the right speaker. */
  rightPredicted: number;
  rightGold: number;
  /** Source scoring: predictions with a mention, gold with a source, and the hits of each. */
  predictedWithSpeaker: number;
  goldWithSource: number;
  sourceHitPredicted: number;
  sourceHitGold: number;
  /** Source spans scored on their own: distinct predicted mentions, gold source spans, hits of each. */
  sourceSpansPredicted: number;
  sourceSpansGold: number;
  sourceSpanHitPredicted: number;
  sourceSpanHitGold: number;
}

export function emptyCounts(): Counts {
  return {
    predicted: 0,
    gold: 0,
    matchedPredicted: 0,
    matchedGold: 0,
    speakerPairs: 0,
    speakerRight: 0,
    rightPredicted: 0,
    rightGold: 0,
    predictedWithSpeaker: 0,
    goldWithSource: 0,
    sourceHitPredicted: 0,
    sourceHitGold: 0,
    sourceSpansPredicted: 0,
    sourceSpansGold: 0,
    sourceSpanHitPredicted: 0,
    sourceSpanHitGold: 0,
  };
}

export function addCounts(into: Counts, c: Counts): void {
  for (const k of Object.keys(into) as (keyof Counts)[]) into[k] += c[k];
}

export function isQuoted(g: GoldAttribution): boolean {
  return QUOTATION_MARK.test(g.contentText);
}

export function isQuotedTypewriter(g: GoldAttribution): boolean {
  return QUOTATION_MARK.test(g.contentText) || g.contentText.includes("''");
}

function overlap(a: Segment, b: Segment): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function insideShare(p: Segment, segments: readonly Segment[]): number {
  const length = p.end - p.start;
  if (length <= 0) return 0;
  let inside = 0;
  for (const s of segments) inside += overlap(p, s);
  return inside / length;
}

function speakerRight(p: Predicted, g: GoldAttribution): boolean {
  if (g.source.length === 0) return p.speakerStart === null;
  if (p.speakerStart === null || p.speakerEnd === null) return false;
  const mention = { start: p.speakerStart, end: p.speakerEnd };
  return g.source.some((s) => overlap(mention, s) > 0);
}

/** Each prediction's best gold (most of its span inside), when it clears MATCH_SHARE. */
export function matchPredictions(
  predicted: readonly Predicted[],
  gold: readonly GoldAttribution[],
): (number | null)[] {
  return predicted.map((p) => {
    let best: number | null = null;
    let bestShare = MATCH_SHARE;
    gold.forEach((g, i) => {
      const share = insideShare(p, g.content);
      if (share >= bestShare) {
        best = i;
        bestShare = share;
      }
    });
    return best;
  });
}

/** The counts of one document. */
export function scoreDocument(predicted: readonly Predicted[], gold: readonly GoldAttribution[]): Counts {
  const c = emptyCounts();
  c.predicted = predicted.length;
  c.gold = gold.length;
  const matches = matchPredictions(predicted, gold);
  const goldMatched = new Set<number>();
  const goldRight = new Set<number>();
  const goldSourceHit = new Set<number>();
  predicted.forEach((p, i) => {
    const hasSpeaker = p.speakerStart !== null;
    if (hasSpeaker) c.predictedWithSpeaker++;
    const gi = matches[i];
    if (gi === null || gi === undefined) return;
    const g = gold[gi]!;
    c.matchedPredicted++;
    goldMatched.add(gi);
    const right = speakerRight(p, g);
    if (g.source.length > 0) {
      c.speakerPairs++;
      if (right) c.speakerRight++;
      if (right && hasSpeaker) {
        c.sourceHitPredicted++;
        goldSourceHit.add(gi);
      }
    }
    if (right) {
      c.rightPredicted++;
      goldRight.add(gi);
    }
  });
  c.matchedGold = goldMatched.size;
  c.rightGold = goldRight.size;
  c.goldWithSource = gold.filter((g) => g.source.length > 0).length;
  c.sourceHitGold = goldSourceHit.size;
  scoreSourceSpans(predicted, gold, c);
  return c;
}

/** Sources on their own: the matching rule of contents, applied to speaker mentions and source spans. */
function scoreSourceSpans(
  predicted: readonly Predicted[],
  gold: readonly GoldAttribution[],
  c: Counts,
): void {
  const mentions = new Map<string, Segment>();
  for (const p of predicted) {
    if (p.speakerStart === null || p.speakerEnd === null || p.speakerEnd <= p.speakerStart) continue;
    mentions.set(`${p.speakerStart}:${p.speakerEnd}`, { start: p.speakerStart, end: p.speakerEnd });
  }
  const sources = gold.filter((g) => g.source.length > 0).map((g) => g.source);
  const hitSources = new Set<number>();
  for (const m of mentions.values()) {
    let hit = -1;
    sources.forEach((segments, i) => {
      if (hit < 0 && insideShare(m, segments) >= MATCH_SHARE) hit = i;
    });
    if (hit >= 0) {
      c.sourceSpanHitPredicted++;
      // Every gold source this mention lies in is found (one mention may source several attributions).
      sources.forEach((segments, i) => {
        if (insideShare(m, segments) >= MATCH_SHARE) hitSources.add(i);
      });
    }
  }
  c.sourceSpansPredicted = mentions.size;
  c.sourceSpansGold = sources.length;
  c.sourceSpanHitGold = hitSources.size;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tpPredicted: number, predicted: number, tpGold: number, gold: number): Prf {
  const precision = predicted === 0 ? 0 : tpPredicted / predicted;
  const recall = gold === 0 ? 0 : tpGold / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
