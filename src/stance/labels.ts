/**
 * FNC-1's four stances and its scoring: the official weighted score (scorer.py), the confusion
 * matrix, per-class F1 and macro-F1 (Hanselowski et al. 2018 recommend reporting both, since the
 * official score rewards the majority class).
 */

export const STANCES = ["agree", "disagree", "discuss", "unrelated"] as const;
export type Stance = (typeof STANCES)[number];

/** The three related stances, in the order the second-stage model scores them. */
export const RELATED_STANCES = ["agree", "disagree", "discuss"] as const;
export type RelatedStance = (typeof RELATED_STANCES)[number];

export function isStance(s: string): s is Stance {
  return (STANCES as readonly string[]).includes(s);
}

/** Credit for getting related vs unrelated right (scorer.py). */
const RELATED_LEVEL_CREDIT = 0.25;
/** Further credit for the right related label. */
const LABEL_CREDIT = 0.75;

export interface StanceScores {
  /** confusion[gold][predicted], rows and columns in STANCES order. */
  confusion: number[][];
  score: number;
  maxScore: number;
  nullScore: number;
  /** score / maxScore: the leaderboard's percentage (0..1). */
  relative: number;
  f1: Record<Stance, number>;
  macroF1: number;
  accuracy: number;
  pairs: number;
}

function pairCredit(gold: Stance, predicted: Stance): number {
  let credit = 0;
  const goldRelated = gold !== "unrelated";
  if (goldRelated === (predicted !== "unrelated")) credit += RELATED_LEVEL_CREDIT;
  if (goldRelated && predicted === gold) credit += LABEL_CREDIT;
  return credit;
}

export function scoreStances(gold: readonly Stance[], predicted: readonly Stance[]): StanceScores {
  if (gold.length !== predicted.length) throw new Error("scoreStances: gold and predicted differ in length");
  const confusion = STANCES.map(() => STANCES.map(() => 0));
  let score = 0;
  let maxScore = 0;
  let nullScore = 0;
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] as Stance;
    const row = confusion[STANCES.indexOf(g)] as number[];
    row[STANCES.indexOf(p)] = (row[STANCES.indexOf(p)] ?? 0) + 1;
    score += pairCredit(g, p);
    maxScore += pairCredit(g, g);
    nullScore += pairCredit(g, "unrelated");
    if (g === p) correct++;
  });
  const f1 = {} as Record<Stance, number>;
  STANCES.forEach((s, k) => {
    const tp = confusion[k]?.[k] ?? 0;
    const goldCount = (confusion[k] ?? []).reduce((a, b) => a + b, 0);
    const predCount = confusion.reduce((a, row) => a + (row[k] ?? 0), 0);
    f1[s] = tp === 0 ? 0 : (2 * tp) / (goldCount + predCount);
  });
  const macroF1 = STANCES.reduce((a, s) => a + f1[s], 0) / STANCES.length;
  return {
    confusion,
    score,
    maxScore,
    nullScore,
    relative: maxScore > 0 ? score / maxScore : 0,
    f1,
    macroF1,
    accuracy: gold.length > 0 ? correct / gold.length : 0,
    pairs: gold.length,
  };
}

/** The scores as a plain-text block: relative score, confusion matrix, per-class and macro F1. */
export function formatScores(s: StanceScores): string {
  const w = 11;
  const pad = (x: string) => x.padStart(w);
  const lines = [
    `FNC-1 score: ${s.score.toFixed(2)} / ${s.maxScore.toFixed(2)} (null ${s.nullScore.toFixed(2)})  relative ${(100 * s.relative).toFixed(2)}%`,
    `${"gold \\ pred".padEnd(w)}${STANCES.map(pad).join("")}`,
    ...STANCES.map((g, i) => `${g.padEnd(w)}${(s.confusion[i] ?? []).map((n) => pad(String(n))).join("")}`),
    `F1: ${STANCES.map((c) => `${c} ${s.f1[c].toFixed(3)}`).join("  ")}  macro-F1 ${s.macroF1.toFixed(3)}  accuracy ${(100 * s.accuracy).toFixed(2)}%  (${s.pairs} pairs)`,
  ];
  return `${lines.join("\n")}\n`;
}
