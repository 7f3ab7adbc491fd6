/**
 * The page's language, shared by the text and HTML cleaners: detected from the text with eld
 * (Nito-ELD, n-gram tables shipped inside the package, nothing fetched at run time; the
 * extra-small table, since its accuracy on paragraphs equals the larger ones at a third of the
 * memory), and reconciled with what an HTML page declares.
 */
import { eld } from "eld/extrasmall";
import { eldDetect, fastDetect } from "./eld-fast.js";

/**
 * Below this many letters a guess is noise: a headline or a caption says too little, and eld's
 * own reliability test passes on a dozen words it has seen often. Two sentences are enough.
 */
const LANG_MIN_LETTERS = 60;

/**
 * Text handed to the detector: three or four sentences. eld is as sure on them as on its own
 * 1,000-character cut (its cost grows with the text), and the letter count stays cheap on a long body.
 */
const SAMPLE_CHARS = 600;

/** Languages eld knows (its ISO 639-1 codes); a declared language outside them cannot be contradicted. */
const DETECTABLE = new Set(Object.values(eld.info().Languages));

/**
 * Pairs a detector confuses on real text while the page's own declaration is usually right
 * (Norwegian and Danish, Serbian and Croatian, Catalan and Spanish, Malay and Indonesian, ...):
 * a declared language is never overruled by its neighbour.
 */
const NEIGHBOURS: readonly (readonly string[])[] = [
  ["no", "nb", "nn", "da", "sv"],
  ["sr", "hr", "bs", "sl"],
  ["cs", "sk"],
  ["ca", "es", "gl", "pt"],
  ["ms", "id"],
  ["ru", "uk", "be", "bg"],
  ["hi", "mr", "ne"],
  ["fa", "ur", "ar"],
  ["zh", "ja"],
];

const LETTER = /\p{L}/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/**
 * A Chinese or Japanese character says about what two letters of an alphabet do (a word is two
 * characters there, five letters here), so it counts twice towards LANG_MIN_LETTERS.
 */
const CJK_LETTER_WEIGHT = 2;

const detect = fastDetect ?? eldDetect;

/** The language of a text as a BCP 47 primary subtag ("en", "fr", "zh"), or null when too short or unclear. */
export function guessLang(body: string): string | null {
  const sample = body.slice(0, SAMPLE_CHARS);
  if (letterWeight(sample) < LANG_MIN_LETTERS) return null;
  const result = detect(sample);
  return result.reliable ? result.language : null;
}

/** Letters of the text, CJK characters counted CJK_LETTER_WEIGHT times; ASCII without a regex. */
function letterWeight(text: string): number {
  let letters = 0;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
  }
  if (ascii) return letters;
  return (text.match(LETTER)?.length ?? 0) + (CJK_LETTER_WEIGHT - 1) * (text.match(CJK)?.length ?? 0);
}

/**
 * The declared language (from <html lang>, content-language or og:locale) unless the body plainly
 * reads as another one: CMS templates ship lang="en" on pages of every language. A detection
 * that is unsure, or names a close neighbour of the declared language, leaves the declaration.
 */
export function chooseLang(declared: string | null, body: string): string | null {
  const detected = guessLang(body);
  if (declared === null) return detected;
  if (detected === null || detected === declared || !DETECTABLE.has(declared)) return declared;
  const close = NEIGHBOURS.some((group) => group.includes(declared) && group.includes(detected));
  return close ? declared : detected;
}
