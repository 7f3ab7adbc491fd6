/** Letters and digits only, lower-cased: how names are compared. */
export function squash(s: string): string {
  return s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Words only, lower-cased and spaced: how titles are compared. */
export function titleKey(s: string): string {
  // Normalisation is the costly step and changes nothing in plain ASCII, which most lines are.
  return (ASCII.test(s) ? s : s.normalize("NFKD"))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const ASCII = /^[\x00-\x7f]*$/;

/** Chinese and Japanese words average about this many characters, and are written without spaces. */
const CJK_CHARS_PER_WORD = 2;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Words of a text, counting unspaced Chinese and Japanese by characters so their thresholds work alike. */
export function words(s: string): number {
  const t = s.trim();
  if (t === "") return 0;
  let spaced = 1;
  for (const _ of t.matchAll(/\s+/g)) spaced++;
  // Most text has no CJK at all: a test is cheaper than collecting every match.
  const cjk = ASCII.test(t) || !CJK_ANY.test(t) ? 0 : (t.match(CJK)?.length ?? 0);
  return spaced + Math.ceil(cjk / CJK_CHARS_PER_WORD);
}

const CJK_ANY = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
