import type { Article } from "../../model/index.js";
import { paragraphStarts } from "../sentences/paragraphs.js";
import { closedQuoteSpans, danglingOpen, type MarkFamily } from "./marks.js";

/**
 * A quoted passage before attribution: where its marks are and whether it carries on from a
 * quotation left open at the end of the previous paragraph.
 */
export interface RawQuote {
  /** Body offset of the opening mark. */
  open: number;
  /** Body offset just past the closing mark, or the paragraph end for an open-ended piece. */
  close: number;
  /** Double, single or guillemet marks (two apostrophes typed for a double mark count as double). */
  family: MarkFamily;
  /** Inner text span in the body (marks and surrounding spaces excluded). */
  start: number;
  end: number;
  paragraph: number;
  /** No closing mark: the quotation runs on into the next paragraph. */
  runsOn: boolean;
  /** Index (in the returned list) of the piece this one continues across a paragraph break. */
  follows: number | null;
}

/**
 * A quotation longer than this without a close is not a quotation: scraped pages have stray and
 * unbalanced marks, and pairing across more text than a long quoted paragraph would swallow the
 * article.
 */
export const MAX_QUOTE_CHARS = 3_000;

/** Upper bound on quotations per article; beyond it the page is not prose (a data dump of marks). */
export const MAX_QUOTES = 20_000;

/** Trim spaces and leftover marks (a stray ‘ in ‘”I lost …”) off an inner span. */
function innerSpan(body: string, from: number, to: number): [number, number] {
  let s = from;
  let e = to;
  while (s < e && /[\s“”"‘’'«»]/.test(body[s] as string)) s++;
  // A trailing comma is the writer's punctuation before the attribution (“…,” he said), not speech.
  while (e > s && /[\s“”"‘’'«»,]/.test(body[e - 1] as string)) e--;
  return [s, e];
}

/** A speaker label opening a transcript turn: one to three capitalised words and a colon ("PENCE:", "Mr. Trump:"). */
const TURN_LABEL = /^\s*(?:\p{Lu}[\p{L}.’'-]*\s+){0,2}\p{Lu}[\p{L}.’'-]*:\s/u;

/** The paragraph opens with a quotation mark: a follow-on paragraph of a running quotation. */
function opensWithQuote(paragraph: string): boolean {
  return /^\s*[‘’'“”"«]*[“”"«]/.test(paragraph);
}

/** All quoted passages of the article, in order. */
export function rawQuotes(article: Article): RawQuote[] {
  const starts = paragraphStarts(article);
  const body = article.body;
  const out: RawQuote[] = [];
  let runningFrom: number | null = null;
  for (let p = 0; p < article.paragraphs.length && out.length < MAX_QUOTES; p++) {
    const para = article.paragraphs[p] as string;
    const base = starts[p] as number;
    const continuing = runningFrom !== null && opensWithQuote(para) ? runningFrom : null;
    runningFrom = null;
    let first = true;
    for (const pair of closedQuoteSpans(para, MAX_QUOTE_CHARS)) {
      if (out.length >= MAX_QUOTES) break;
      const [s, e] = innerSpan(body, base + pair.open + 1, base + pair.close);
      if (e > s) {
        const follows =
          first && continuing !== null && /^[\s‘’'“”"«]*$/.test(para.slice(0, pair.open)) ? continuing : null;
        out.push({
          open: base + pair.open,
          close: base + pair.close + (pair.closeWidth ?? 1),
          family: pair.family,
          start: s,
          end: e,
          paragraph: p,
          runsOn: false,
          follows,
        });
      }
      first = false;
    }
    const dangling = danglingOpen(para, MAX_QUOTE_CHARS);
    const next = article.paragraphs[p + 1];
    const runsOn = next !== undefined && opensWithQuote(next);
    if (dangling !== null && runsOn && para.length - dangling <= MAX_QUOTE_CHARS) {
      // A quoted transcript turn holds the quotations closed after it opened (“PENCE: … an
      // episode of “Shark Tank.” But …”), so it replaces them. Elsewhere a paragraph opened by a
      // mark is often an excerpt of another article whose own quotations are the speech. A turn
      // is a new speaker's: it does not carry on the turn before, however the marks run on.
      const turn = TURN_LABEL.test(para.slice(dangling + 1));
      const lastHere = (): RawQuote | undefined => {
        const last = out[out.length - 1];
        return last?.paragraph === p ? last : undefined;
      };
      while (turn && (lastHere()?.open ?? 0) - base > dangling) out.pop();
      const before = lastHere();
      if (before !== undefined && before.close - base > dangling) continue;
      const [s, e] = innerSpan(body, base + dangling + 1, base + para.length);
      if (e > s && out.length < MAX_QUOTES) {
        const follows =
          !turn &&
          before === undefined &&
          continuing !== null &&
          /^[\s‘’'“”"«]*$/.test(para.slice(0, dangling))
            ? continuing
            : null;
        out.push({
          open: base + dangling,
          close: base + para.length,
          family: para[dangling] === "«" ? "guillemet" : "double",
          start: s,
          end: e,
          paragraph: p,
          runsOn: true,
          follows,
        });
        runningFrom = out.length - 1;
      }
    }
  }
  return out;
}
