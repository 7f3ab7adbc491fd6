/**
 * The page's language, shared by the text and HTML cleaners.
 */
import { wordTokens } from "../text/tokens.js";

/** Share of English function words above which a text is English; real English prose is ~0.4. */
const ENGLISH_MIN_SHARE = 0.2;
/** Below this many words the language guess is noise. */
const LANG_MIN_WORDS = 30;

const ENGLISH_MARKERS = new Set(
  "the of and to in is that for it was on with as by he said at from his be are has have were an they not".split(
    " ",
  ),
);

/** "en" when the body reads as English; other languages are left to a real detector (null). */
export function guessLang(body: string): string | null {
  const words = wordTokens(body.slice(0, 20_000));
  if (words.length < LANG_MIN_WORDS) return null;
  const english = words.filter((w) => ENGLISH_MARKERS.has(w.norm)).length;
  return english / words.length >= ENGLISH_MIN_SHARE ? "en" : null;
}
