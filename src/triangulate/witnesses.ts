import type { Reading, ReusePair, Witness } from "../model/index.js";

/**
 * A pair is one witness when the shorter article has at least this share of its body in passages
 * shared with the other. Independent reports of one event share almost no prose once common
 * quotations are set aside (see reuse-params.ts); a fifth of an article copied means it leans on
 * the other for what it says, so a fact both carry is confirmed once, not twice.
 */
export const WITNESS_MIN_SHARE = 0.2;

/**
 * Articles joined by substantial reuse (transitively) form one witness. Every article belongs to
 * exactly one witness; ids run w1, w2… in the order of each witness's first article.
 *
 * `original` is, in order: the earliest published member when every member is dated and one is
 * strictly first; else the most complete member, holding the largest total share of the other
 * members' text; else null (a tie). A witness of one article is its own original.
 */
export function findWitnesses(readings: readonly Reading[], reuse: readonly ReusePair[]): Witness[] {
  const ids = readings.map((r) => r.article.id);
  const order = new Map(ids.map((id, k) => [id, k]));
  const parent = ids.map((_, k) => k);
  const root = (k: number): number => {
    let r = k;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[k] !== r) {
      const next = parent[k] as number;
      parent[k] = r;
      k = next;
    }
    return r;
  };
  for (const pair of reuse) {
    const x = order.get(pair.a);
    const y = order.get(pair.b);
    if (
      x === undefined ||
      y === undefined ||
      !isSubstantial(pair, readings[x] as Reading, readings[y] as Reading)
    )
      continue;
    const [rx, ry] = [root(x), root(y)];
    parent[Math.max(rx, ry)] = Math.min(rx, ry);
  }
  const groups = new Map<number, number[]>();
  for (let k = 0; k < ids.length; k++) {
    const r = root(k);
    const members = groups.get(r);
    if (members) members.push(k);
    else groups.set(r, [k]);
  }
  return [...groups.values()].map((members, n) => ({
    id: `w${n + 1}`,
    articles: members.map((k) => ids[k] as string),
    original: chooseOriginal(
      members.map((k) => readings[k] as Reading),
      reuse,
    ),
  }));
}

/** Share of the shorter article's body inside the pair's passages, against WITNESS_MIN_SHARE. */
function isSubstantial(pair: ReusePair, a: Reading, b: Reading): boolean {
  const shorterShare = a.article.body.length <= b.article.body.length ? pair.shareOfA : pair.shareOfB;
  return shorterShare >= WITNESS_MIN_SHARE;
}

function chooseOriginal(members: readonly Reading[], reuse: readonly ReusePair[]): string | null {
  if (members.length === 1) return (members[0] as Reading).article.id;
  return earliestPublished(members) ?? mostComplete(members, reuse);
}

function earliestPublished(members: readonly Reading[]): string | null {
  const dated = members.map((r) => ({ id: r.article.id, t: Date.parse(r.article.published ?? "") }));
  if (dated.some((d) => Number.isNaN(d.t))) return null;
  return uniqueBest(dated.map((d) => ({ id: d.id, score: -d.t })));
}

/** The member holding most of the others' text: sum over partners of the partner's shared share. */
function mostComplete(members: readonly Reading[], reuse: readonly ReusePair[]): string | null {
  const inWitness = new Set(members.map((r) => r.article.id));
  const score = new Map(members.map((r) => [r.article.id, 0]));
  for (const p of reuse) {
    if (!inWitness.has(p.a) || !inWitness.has(p.b)) continue;
    score.set(p.a, (score.get(p.a) ?? 0) + p.shareOfB);
    score.set(p.b, (score.get(p.b) ?? 0) + p.shareOfA);
  }
  return uniqueBest([...score].map(([id, s]) => ({ id, score: s })));
}

function uniqueBest(scored: readonly { id: string; score: number }[]): string | null {
  const top = Math.max(...scored.map((s) => s.score));
  const best = scored.filter((s) => s.score === top);
  return best.length === 1 ? (best[0] as { id: string }).id : null;
}
