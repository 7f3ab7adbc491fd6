import type { Entity, EntityType, Span } from "../../model/index.js";

/** One entity mention, for looking entities up by position. */
export interface Located {
  start: number;
  end: number;
  entity: Entity;
}

/**
 * How far back a pronoun looks for its antecedent, in mentions. News pronouns point at someone
 * named within the last few sentences; the bound also keeps a mention-dense page linear.
 */
const MAX_ANTECEDENT_STEPS = 400;

/** Entity mentions sorted by position, with the look-ups attribution needs. */
export class MentionIndex {
  private readonly all: Located[];

  constructor(entities: readonly Entity[]) {
    this.all = entities
      .flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity })))
      .sort((a, b) => a.start - b.start);
  }

  /** Index of the first mention starting at or after `pos`. */
  private lowerBound(pos: number): number {
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.all[mid] as Located).start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Mentions lying within [start, end). */
  within(span: Span): Located[] {
    const out: Located[] = [];
    for (let i = this.lowerBound(span.start); i < this.all.length; i++) {
      const m = this.all[i] as Located;
      if (m.start >= span.end) break;
      if (m.end <= span.end) out.push(m);
    }
    return out;
  }

  /** The nearest person mentioned before `pos` whose roles fit `description` ("the prime minister"). */
  byRole(pos: number, description: string, accept: (m: Located) => boolean): Located | null {
    return this.nearestBefore(
      pos,
      ["person", "organization"],
      (m) => accept(m) && roleFits(m.entity.roles, description),
    );
  }

  /** The nearest mention before `pos` of one of `types` that `accept` allows. */
  nearestBefore(pos: number, types: readonly EntityType[], accept: (m: Located) => boolean): Located | null {
    const floor = Math.max(0, this.lowerBound(pos) - MAX_ANTECEDENT_STEPS);
    for (let i = this.lowerBound(pos) - 1; i >= floor; i--) {
      const m = this.all[i] as Located;
      if (m.end <= pos && types.includes(m.entity.type) && accept(m)) return m;
    }
    return null;
  }
}

/** Lower-case role text ends with the description: "British Prime Minister" for "prime minister". */
export function roleFits(roles: readonly string[], description: string): boolean {
  return roles.some((r) => {
    const role = r.toLowerCase();
    return role === description || role.endsWith(` ${description}`);
  });
}

/** Sorted, non-overlapping spans with a membership test (quoted text). */
export class SpanSet {
  constructor(private readonly spans: readonly Span[]) {}

  has(pos: number): boolean {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = this.spans[mid] as Span;
      if (s.end <= pos) lo = mid + 1;
      else if (s.start > pos) hi = mid;
      else return true;
    }
    return false;
  }
}
