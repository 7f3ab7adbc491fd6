/**
 * Comparing speaker names across versions: one outlet's "Kerry" is another's "John Kerry",
 * while "John Kerry" and "John Kirby" are two people.
 */
import type { Quote, StoryEntity } from "../model/index.js";
import { wordTokens } from "../text/tokens.js";

function nameWords(name: string): string[] {
  return wordTokens(name).map((t) => t.norm);
}

/**
 * Two names can denote one speaker when they are equal, or the shorter one's words end the
 * longer one ("Kerry" / "John Kerry", "State Department" / "US State Department").
 */
export function sameSpeaker(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const x = nameWords(a);
  const y = nameWords(b);
  if (x.length === 0 || y.length === 0) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const offset = long.length - short.length;
  return short.every((w, i) => long[offset + i] === w);
}

/**
 * The name most mentions agree on, spelled as fully as any of them spells it; ties go to the
 * earliest. Null when no mention names anyone.
 */
export function majoritySpeaker(names: readonly (string | null)[]): string | null {
  // Count each spelling once, then merge spellings: a hundred copies cost one comparison.
  const spellings = new Map<string, { count: number; first: number }>();
  names.forEach((name, index) => {
    if (name === null) return;
    const seen = spellings.get(name);
    if (seen) seen.count++;
    else spellings.set(name, { count: 1, first: index });
  });
  const clusters: { names: string[]; count: number; first: number }[] = [];
  for (const [name, { count, first }] of spellings) {
    const home = clusters.find((c) => c.names.some((n) => sameSpeaker(n, name)));
    if (home) {
      home.names.push(name);
      home.count += count;
      home.first = Math.min(home.first, first);
    } else clusters.push({ names: [name], count, first });
  }
  clusters.sort((p, q) => q.count - p.count || p.first - q.first);
  const best = clusters[0];
  if (!best) return null;
  return best.names.reduce((full, n) => (nameWords(n).length > nameWords(full).length ? n : full));
}

/** True when two named speakers cannot be the same person. */
export function speakersConflict(names: readonly (string | null)[]): boolean {
  const named = [...new Set(names.filter((n): n is string => n !== null))];
  return named.some((a, i) => named.slice(i + 1).some((b) => !sameSpeaker(a, b)));
}

/** Does `text` (folded words) name the speaker, in full or by the last word of the name? */
export function mentionsSpeaker(textNorms: readonly string[], speaker: string): boolean {
  const words = nameWords(speaker);
  const last = words.at(-1);
  if (!last || last.length < 3) return false;
  return textNorms.includes(last);
}

/**
 * A quote's speaker as the story names them: the story entity's name when the speaker is one of
 * the article's entities ("Kerry" in a version that never writes the first name is "John Kerry"),
 * else the name the article gives.
 */
export function storySpeaker(
  quote: Pick<Quote, "speaker" | "speakerEntity">,
  storyOf: ReadonlyMap<string, StoryEntity>,
): string | null {
  const entity = quote.speakerEntity === null ? undefined : storyOf.get(quote.speakerEntity);
  return entity?.name ?? quote.speaker;
}
