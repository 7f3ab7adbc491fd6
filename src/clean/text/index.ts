/**
 * The flattened-text cleaner: a page already turned into text (one block per line, as a scraper
 * writes it) in, the article out. A classifier of lines in their context, in five steps:
 * 0. the text cut into bounded lines, hard-wrapped paragraphs joined (prepare.ts), each line
 *    measured (lines.ts: words counted by characters in Chinese and Japanese);
 * 1. each line alone: counters, dumps, stock phrases of page furniture (patterns.ts);
 * 2. the reader-comment thread, which runs to the end of the page once it starts (comments.ts);
 * 3. lines only neighbours explain: lists under a "Related" header, banner buttons (context.ts);
 * 4. the body: the stretch of lines richest in running text, teaser lists and link walls next to
 *    it discounted (region.ts);
 * 5. the header around the top of the body: title, byline, date, dek (metadata.ts), and the dateline.
 * Every line that is not body or header goes to `removed`, labelled, so nothing is lost.
 */
import type { Article, Page, Removed } from "../../model/index.js";
import { joinParagraphs } from "../../model/index.js";
import { findDateline } from "../dateline.js";
import { guessLang } from "../lang.js";
import { findOutlet } from "../outlet.js";
import { findThreadStart } from "./comments.js";
import { labelBannerButtons, labelMenuRuns, labelRelatedLists } from "./context.js";
import { type Features, features, isProse } from "./lines.js";
import { findHeader, type Header } from "./metadata.js";
import { isCommentMeta, type Kind, kindAlone } from "./patterns.js";
import { type Line, prepareText } from "./prepare.js";
import { findBodyRegion } from "./region.js";

/** Header lines kept out of the body but not junk: a date stamp, a byline, an "Updated:" line. */
const METADATA_KIND = "metadata";

/**
 * A thread cue only ends the article after this many words of running text: "12 Comments" under
 * a headline is a link to the thread, not the thread.
 */
const THREAD_MIN_BODY_WORDS = 40;

/** A dateline opens the first paragraph, or the second when a standfirst precedes it. */
const DATELINE_MAX_PARAGRAPH = 1;

/** Leftover short lines above the body are menu items and links; longer ones are page furniture. */
const NAVIGATION_MAX_WORDS = 5;

export function cleanText(page: Page): Article {
  const { lines, truncated } = prepareText(page.content);
  const feats = lines.map(features);
  const kinds: (Kind | null)[] = lines.map((line, i) => kindAlone(line, feats[i]!));

  const threadFrom = afterOpeningProse(feats, kinds);
  const threadStart = findThreadStart({ lines, feats, kinds }, threadFrom) ?? lines.length;
  for (let i = threadStart; i < lines.length; i++) {
    // Readers' lines the alone-pass could not name ("* *", an emoticon) and the per-comment
    // "Reply" buttons are the thread too.
    const line = lines[i]!;
    if (kinds[i] === null || kinds[i] === "boilerplate" || isCommentMeta(line)) kinds[i] = "comments";
  }
  labelRelatedLists(lines, feats, kinds);
  labelBannerButtons(lines, kinds);

  // No running text at all (a list, a page of fragments): the header is sought everywhere and
  // whatever no rule claims is kept as body rather than dropping the page.
  const region = findBodyRegion(lines, feats, kinds, threadStart);
  const header = findHeader(lines, feats, kinds, region?.start ?? threadStart);
  const bodyStart = region?.start ?? 0;
  const bodyEnd = region?.end ?? threadStart - 1;
  for (const i of header.titleCopies) kinds[i] = "duplicate-title";
  const isHeader = headerLines(header);
  labelMenuRuns(feats, kinds, (i) => isHeader.has(i), 0, bodyStart);
  labelMenuRuns(feats, kinds, (i) => isHeader.has(i), bodyEnd + 1, threadStart);

  const bodyLines: Line[] = [];
  const removedLines: { line: Line; kind: Kind }[] = [];
  for (const [i, line] of lines.entries()) {
    if (i === header.title || i === header.dek) continue;
    const kind = kinds[i] ?? null;
    if (isHeader.has(i)) removedLines.push({ line, kind: METADATA_KIND });
    else if (kind === null && i >= bodyStart && i <= bodyEnd) bodyLines.push(line);
    else removedLines.push({ line, kind: kind ?? leftoverKind(feats[i]!, i < bodyStart) });
  }

  const paragraphs = toParagraphs(bodyLines);
  const opening = takeDateline(paragraphs);
  const dek = header.dek === null ? (opening.dek ?? null) : (lines[header.dek]?.text ?? null);
  const removed = groupRemoved(removedLines);
  if (truncated !== null) removed.push(truncated);
  const body = joinParagraphs(paragraphs);
  return {
    id: page.id,
    source: page.source,
    outlet: findOutlet(
      page.url,
      removed.map((r) => r.text),
    ),
    title: header.title === null ? null : (lines[header.title]?.text ?? null),
    dek,
    byline: header.byline?.text ?? null,
    published: header.date?.parsed.iso ?? null,
    dateline: opening.dateline,
    lang: guessLang(body),
    paragraphs,
    body,
    removed,
  };
}

/**
 * The line after which THREAD_MIN_BODY_WORDS of article prose have been seen. Only paragraphs
 * next to another paragraph count (labelled furniture between them aside): the one-line
 * summaries of a teaser list or an ad's blurb above the headline are not the article yet, so
 * the "11 Comments" link under the headline cannot end it.
 */
function afterOpeningProse(feats: readonly Features[], kinds: readonly (Kind | null)[]): number {
  const prose = (i: number) => kinds[i] === null && isProse(feats[i]!);
  let words = 0;
  for (let i = 0; i < feats.length; i++) {
    if (!prose(i)) continue;
    const before = nearestUnlabelled(kinds, i, -1);
    const after = nearestUnlabelled(kinds, i, 1);
    if ((before === null || !prose(before)) && (after === null || !prose(after))) continue;
    words += feats[i]!.words;
    if (words >= THREAD_MIN_BODY_WORDS) return i + 1;
  }
  return feats.length;
}

/** How far a paragraph's neighbour is sought past labelled furniture ("Advertisement", a caption). */
const NEIGHBOUR_SKIP_LINES = 3;

function nearestUnlabelled(kinds: readonly (Kind | null)[], i: number, step: 1 | -1): number | null {
  for (let j = i + step, k = 0; j >= 0 && j < kinds.length && k < NEIGHBOUR_SKIP_LINES; j += step, k++) {
    if (kinds[j] === null) return j;
  }
  return null;
}

function headerLines(h: Header): Set<number> {
  const set = new Set<number>(h.extra);
  if (h.byline !== null) set.add(h.byline.line);
  if (h.date !== null) set.add(h.date.line);
  return set;
}

/** What an unclaimed line outside the body is: a menu item above it, page furniture otherwise. */
function leftoverKind(f: Features, aboveBody: boolean): Kind {
  return aboveBody && f.words <= NAVIGATION_MAX_WORDS && !f.endsSentence ? "navigation" : "boilerplate";
}

/** One paragraph per line, except that pieces of one over-long physical line stay one paragraph. */
function toParagraphs(lines: readonly Line[]): string[] {
  const paragraphs: string[] = [];
  for (const line of lines) {
    const last = paragraphs.length - 1;
    if (line.continues && last >= 0) paragraphs[last] = `${paragraphs[last]} ${line.text}`;
    else paragraphs.push(line.text);
  }
  return paragraphs;
}

/**
 * Moves "BEIRUT, LEBANON (2:20 P.M.) –" out of the paragraph it opens. The dateline opens the
 * story proper, so a single paragraph above it is the standfirst: it becomes the dek.
 */
function takeDateline(paragraphs: string[]): { dateline: string | null; dek: string | null } {
  for (let i = 0; i < Math.min(paragraphs.length, DATELINE_MAX_PARAGRAPH + 1); i++) {
    const paragraph = paragraphs[i]!;
    const found = findDateline(paragraph);
    if (found === null) continue;
    paragraphs[i] = paragraph.slice(found.rest);
    const dek = i === 0 ? null : paragraphs.splice(0, i).join(" ");
    return { dateline: found.text, dek };
  }
  return { dateline: null, dek: null };
}

/**
 * Consecutive lines of one kind become one removed part (a whole comment thread, a whole menu),
 * with their line breaks, and nested threads keep their indentation relative to the part.
 */
function groupRemoved(lines: readonly { line: Line; kind: Kind }[]): Removed[] {
  const parts: Removed[] = [];
  let run: { line: Line; kind: Kind }[] = [];
  const flush = () => {
    const first = run[0];
    if (first === undefined) return;
    const indent = run.reduce((min, r) => Math.min(min, r.line.indent), Number.POSITIVE_INFINITY);
    const text = run.map((r) => (r.kind === "comments" ? dedent(r.line, indent) : r.line.text)).join("\n");
    parts.push({ kind: first.kind, text });
    run = [];
  };
  let previous = -2;
  for (const entry of lines) {
    const adjacent = entry.line.index === previous + 1;
    if (run.length > 0 && (!adjacent || run[0]?.kind !== entry.kind)) flush();
    run.push(entry);
    previous = entry.line.index;
  }
  flush();
  return parts;
}

function dedent(line: Line, columns: number): string {
  return " ".repeat(Math.max(0, line.indent - columns)) + line.text;
}
