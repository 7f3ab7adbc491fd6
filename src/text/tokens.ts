/**
 * Word-level text helpers shared by the stages that compare wording (quote alignment, reuse,
 * claim matching). One definition of "a word" keeps their numbers comparable.
 */

export interface WordToken {
  /** The word as written. */
  text: string;
  /** Lower-cased, accents and typographic variants folded: the form used to compare. */
  norm: string;
  start: number;
  end: number;
}

// Letters and digits (any script), with inner apostrophes, hyphens and decimal separators kept:
// "Obama’s", "40-minute", "4.8" are one word each.
const WORD = /[\p{L}\p{N}]+(?:[’'\-.,][\p{L}\p{N}]+)*/gu;

const FOLD: Record<string, string> = { "’": "'", "‘": "'", ʼ: "'" };

const ASCII_WORD = /^[\x00-\x7f]*$/;

/** Lower-case, strip diacritics, fold curly apostrophes: "Obama’s" → "obama's", "Café" → "cafe". */
export function foldWord(word: string): string {
  // Nearly every word of English news is ASCII: nothing to decompose, no curly apostrophe.
  if (ASCII_WORD.test(word)) return word.toLowerCase();
  return word
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘ʼ]/g, (c) => FOLD[c] ?? c)
    .toLowerCase();
}

export function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    out.push({ text: m[0], norm: foldWord(m[0]), start, end: start + m[0].length });
  }
  return out;
}

const ownedTokens = new WeakMap<object, { text: string; tokens: readonly WordToken[] }>();

/**
 * wordTokens of a text that `owner` holds (an article's body): tokenised once however many stages
 * walk its words, again only if the owner's text has changed since.
 */
export function wordTokensOf(owner: object, text: string): readonly WordToken[] {
  const hit = ownedTokens.get(owner);
  if (hit !== undefined && hit.text === text) return hit.tokens;
  const tokens = wordTokens(text);
  ownedTokens.set(owner, { text, tokens });
  return tokens;
}

/**
 * The words of `text`, a passage of `whole` at `start`, from `tokens` (wordTokens of `whole`):
 * those inside the passage when none crosses either end of it (cutting the passage alone then finds
 * the very same words), else the passage cut on its own. Offsets count from the start of `whole`
 * either way (`start` plus the offset in `text`).
 */
export function wordTokensWithin(
  whole: string,
  tokens: readonly WordToken[],
  start: number,
  text: string,
): readonly WordToken[] {
  const own = () => wordTokens(text).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
  if (!whole.startsWith(text, start)) return own();
  const end = start + text.length;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid] as WordToken).end <= start) lo = mid + 1;
    else hi = mid;
  }
  let k = lo;
  while (k < tokens.length && (tokens[k] as WordToken).end <= end) k++;
  const crossesStart = lo < tokens.length && (tokens[lo] as WordToken).start < start;
  const crossesEnd = k < tokens.length && (tokens[k] as WordToken).start < end;
  if (crossesStart || crossesEnd) return own();
  return tokens.slice(lo, k);
}

/** Compare-form of a whole passage: folded words joined by single spaces. */
export function normalizeForMatch(text: string): string {
  return wordTokens(text)
    .map((t) => t.norm)
    .join(" ");
}
