/**
 * Kinds that only the neighbours reveal: the headlines under a "Related" header, the buttons of a
 * cookie banner, a menu flattened to one item per line.
 */
import { type Features, HEADLINE_MAX_WORDS, isProse } from "./lines.js";
import { CONSENT_BUTTON, isRelatedHeader, type Kind } from "./patterns.js";
import type { Line } from "./prepare.js";

/** A "Related" block lists a handful of links; a longer run of short lines is something else. */
const RELATED_LIST_MAX_ITEMS = 12;

/** Banner buttons sit right under the banner text ("We use cookies…" / "Accept" / "Manage"). */
const BUTTON_NEIGHBOURHOOD = 3;

/** A flattened menu: at least this many short lines in a row ("Home", "World", "Politics"). */
export const MENU_RUN_MIN_LINES = 3;
/** Menu items are one to three words ("Middle East", "Science & Tech"). */
const MENU_ITEM_MAX_WORDS = 3;

/** Headline-shaped lines right after a bare cross-link header are the linked articles. */
export function labelRelatedLists(
  lines: readonly Line[],
  feats: readonly Features[],
  kinds: (Kind | null)[],
): void {
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i];
    if (header === undefined || kinds[i] !== "related-links" || !isRelatedHeader(header)) continue;
    let j = i + 1;
    for (; j < lines.length && j <= i + RELATED_LIST_MAX_ITEMS; j++) {
      const f = feats[j];
      if (f === undefined || kinds[j] !== null || !looksLikeLinkTitle(f)) break;
      kinds[j] = "related-links";
    }
    i = j - 1;
  }
}

/** Linked headlines: short, without a closing full stop, not running text. */
function looksLikeLinkTitle(f: Features): boolean {
  return f.words > 0 && f.words <= HEADLINE_MAX_WORDS && !f.endsWithPeriod && !isProse(f);
}

/** "Accept", "Manage preferences" near a cookie or newsletter line belong to that banner. */
export function labelBannerButtons(lines: readonly Line[], kinds: (Kind | null)[]): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || kinds[i] !== null || !CONSENT_BUTTON.test(line.text)) continue;
    const lo = Math.max(0, i - BUTTON_NEIGHBOURHOOD);
    const hi = Math.min(lines.length - 1, i + BUTTON_NEIGHBOURHOOD);
    for (let j = lo; j <= hi; j++) {
      const k = kinds[j];
      if (k === "cookie-banner" || k === "newsletter") {
        kinds[i] = k;
        break;
      }
    }
  }
}

/**
 * Runs of very short lines in [from, to) become navigation: outside the article body a menu or
 * footer flattened one item per line. Callers pass only the regions around the body.
 */
export function labelMenuRuns(
  feats: readonly Features[],
  kinds: (Kind | null)[],
  isMetadata: (i: number) => boolean,
  from: number,
  to: number,
): void {
  let runStart = from;
  for (let i = from; i <= to; i++) {
    const f = feats[i];
    const item = i < to && f !== undefined && kinds[i] === null && !isMetadata(i) && isMenuItem(f);
    if (item) continue;
    if (i - runStart >= MENU_RUN_MIN_LINES) {
      for (let j = runStart; j < i; j++) kinds[j] = "navigation";
    }
    runStart = i + 1;
  }
}

function isMenuItem(f: Features): boolean {
  return f.words > 0 && f.words <= MENU_ITEM_MAX_WORDS && !f.endsSentence;
}
