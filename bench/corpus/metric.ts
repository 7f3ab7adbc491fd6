/** BCubed precision, recall and F1 over items (Bagga & Baldwin 1998; Amigó et al. 2009). */

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  /** Clusters predicted and in the gold. */
  predicted: number;
  gold: number;
}

/** pred[i] and gold[i] are the cluster labels of item i. */
export function bcubed(pred: readonly string[], gold: readonly string[]): BCubed {
  if (pred.length !== gold.length) throw new Error("bcubed: label lists differ in length");
  const n = pred.length;
  const predSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    predSize.set(pred[i]!, (predSize.get(pred[i]!) ?? 0) + 1);
    goldSize.set(gold[i]!, (goldSize.get(gold[i]!) ?? 0) + 1);
    const k = `${pred[i]}\u0000${gold[i]}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const shared = both.get(`${pred[i]}\u0000${gold[i]}`)!;
    p += shared / predSize.get(pred[i]!)!;
    r += shared / goldSize.get(gold[i]!)!;
  }
  const precision = n === 0 ? 1 : p / n;
  const recall = n === 0 ? 1 : r / n;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, predicted: predSize.size, gold: goldSize.size };
}
