/**
 * Word-level alignment of two passages (LCS on folded tokens), and its rendering as DiffPart[]
 * in the passages' own wording, so a reader sees `[the IS]` versus `[ISIS]` rather than folded forms.
 */
import type { DiffPart } from "../model/index.js";
import type { WordToken } from "../text/tokens.js";

/**
 * Alignment is quadratic in the two lengths; no quote or sentence comes near this many words, and
 * beyond it the tail is compared as if absent (the reader still sees the full text elsewhere).
 */
export const MAX_ALIGN_TOKENS = 800;

export interface AlignStep {
  op: "same" | "added" | "removed";
  /** Index in the reference (for "same" and "removed"), else -1. */
  ref: number;
  /** Index in the other passage (for "same" and "added"), else -1. */
  other: number;
}

/** Longest-common-subsequence alignment of `ref` against `other` (both folded words). */
export function alignWords(ref: readonly string[], other: readonly string[]): AlignStep[] {
  const a = ref.slice(0, MAX_ALIGN_TOKENS);
  const b = other.slice(0, MAX_ALIGN_TOKENS);
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  // table[i][j] = LCS length of a[i..] and b[j..]
  const table = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const steps: AlignStep[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      steps.push({ op: "same", ref: i++, other: j++ });
    } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) {
      steps.push({ op: "removed", ref: i++, other: -1 });
    } else {
      steps.push({ op: "added", ref: -1, other: j++ });
    }
  }
  while (i < n) steps.push({ op: "removed", ref: i++, other: -1 });
  while (j < m) steps.push({ op: "added", ref: -1, other: j++ });
  return steps;
}

export function lcsLength(steps: readonly AlignStep[]): number {
  let k = 0;
  for (const s of steps) if (s.op === "same") k++;
  return k;
}

/** Length of the longest run of consecutive words the two passages share verbatim. */
export function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  const x = a.slice(0, MAX_ALIGN_TOKENS);
  const y = b.slice(0, MAX_ALIGN_TOKENS);
  let prev = new Uint16Array(y.length + 1);
  let cur = new Uint16Array(y.length + 1);
  let best = 0;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const v = x[i - 1] === y[j - 1] ? (prev[j - 1] ?? 0) + 1 : 0;
      cur[j] = v;
      if (v > best) best = v;
    }
    [prev, cur] = [cur, prev];
    cur.fill(0);
  }
  return best;
}

/** Index where `needle` occurs contiguously in `hay` at or after `from`, or -1. */
export function indexOfRun(hay: readonly string[], needle: readonly string[], from = 0): number {
  if (needle.length === 0) return -1;
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

const OPENERS = "[(";
const CLOSERS = "])";

/** The source text covering tokens [from, to], widened to a bracket pair that encloses exactly them. */
function sliceTokens(text: string, tokens: readonly WordToken[], from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to];
  if (!first || !last) return "";
  let start = first.start;
  let end = last.end;
  const before = text[start - 1] ?? "";
  const after = text[end] ?? "";
  if (OPENERS.includes(before) && CLOSERS.includes(after)) {
    start -= 1;
    end += 1;
  }
  return text.slice(start, end);
}

/**
 * Render an alignment as runs of same / added / removed words. "removed" words are the
 * reference's (absent from the other passage), "added" words are the other passage's own.
 */
export function renderDiff(
  steps: readonly AlignStep[],
  ref: { text: string; tokens: readonly WordToken[] },
  other: { text: string; tokens: readonly WordToken[] },
): DiffPart[] {
  const parts: DiffPart[] = [];
  let k = 0;
  while (k < steps.length) {
    const op = steps[k]?.op ?? "same";
    let end = k;
    while (end + 1 < steps.length && steps[end + 1]?.op === op) end++;
    const first = steps[k];
    const last = steps[end];
    if (first && last) {
      const text =
        op === "removed"
          ? sliceTokens(ref.text, ref.tokens, first.ref, last.ref)
          : sliceTokens(other.text, other.tokens, first.other, last.other);
      parts.push({ op, text });
    }
    k = end + 1;
  }
  return parts;
}
