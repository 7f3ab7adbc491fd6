/**
 * The HTML cleaner: a bounded tree of the page (dom.ts), its metadata (metadata.ts), the article's
 * paragraphs (extract.ts) and everything else on the page, labelled (removed.ts).
 */
import { MAX_BODY_CHARS, MAX_HTML_CHARS } from "../../limits.js";
import { type Article, joinParagraphs, type Page, type Removed } from "../../model/index.js";
import { findDateline } from "../dateline.js";
import { chooseLang } from "../lang.js";
import { findOutlet } from "../outlet.js";
import { TRUNCATED_KIND } from "../text/prepare.js";
import { htmlToText, type ParsedHtml, parseHtml, textOf, textRuns } from "./dom.js";
import { type Block, extractArticle } from "./extract.js";
import { findByline, isBylineLine } from "./metadata/byline.js";
import { dekFromDescription, findDekElement } from "./metadata/dek.js";
import { declaredLang, pageUrl, readMeta } from "./metadata/page.js";
import { DATE_LINE_MAX_WORDS, dateLine, findPublished } from "./metadata/published.js";
import { titleKey, words } from "./metadata/text.js";
import { chooseTitle, siteNames } from "./metadata/title.js";
import { KeptText, labelRemoved, PREVIEW_CHARS } from "./removed.js";

/**
 * Date-stamp checks on removed blocks (each runs a date parser): the page's own date line sits
 * near the headline, so the first few short blocks with digits are enough.
 */
const MAX_DATE_LINE_CHECKS = 50;

/** A repeat of the title or byline on the page is at most this much longer than it (entities, a "By" prefix). */
const KEY_LENGTH_SLACK = 2;
/** A byline line adds a date, a role or "By" to the name: this many characters at most. */
const BYLINE_LINE_EXTRA_CHARS = 120;
/** A date line is a stamp, not a paragraph that mentions a date. */
const DATE_LINE_MAX_CHARS = 120;

/** A cut HTML tail is shown through its text; this much markup is read to find that text. */
const PREVIEW_MARKUP_CHARS = 20_000;

/** Pure: an HTML page in, the article out. Never throws on any string. */
export function cleanHtml(page: Page): Article {
  const tail: Removed[] = [];
  const html = capHtml(page.content, tail);
  const parsed = parseHtml(html);
  const runs = textRuns(parsed.root);

  const meta = readMeta(parsed);
  const url = pageUrl(page.url, page.source, meta);
  const names = siteNames(meta, url, runs);
  const { title, h1 } = chooseTitle(meta, names, parsed);
  const { byline, elementTexts } = findByline(meta, parsed, runs, h1);
  const dekElement = findDekElement(h1);
  const dekText = dekElement === null ? null : textOf(dekElement);

  const extraction = extractArticle(parsed, runs, {
    title,
    byline,
    bylineElements: elementTexts,
    dek: dekText,
  });
  const kept = new KeptText();
  for (const b of extraction.metadata) kept.add(b.sourceId, b.text);
  const bounded = boundBody(extraction.paragraphs, parsed, kept, tail);

  const paragraphs = bounded.paragraphs.map((b) => b.text);
  let dateline: string | null = null;
  const opening = paragraphs[0] === undefined ? null : findDateline(paragraphs[0]);
  if (opening !== null && paragraphs[0] !== undefined) {
    dateline = opening.text;
    paragraphs[0] = paragraphs[0].slice(opening.rest);
  }
  const body = joinParagraphs(paragraphs);

  const published = findPublished(meta, parsed, url, extraction.articleRoot, { runs, headline: h1 });
  const dek = dekText ?? dekFromDescription(meta, paragraphs, title);

  const analysedEnd = minPos(extraction.windowEnd, bounded.cutPos);
  const removed = labelRemoved({
    parsed,
    runs,
    kept,
    isMetadata: metadataMatcher(title, dekText ?? dek, byline, elementTexts, published),
    analysedEnd,
  });
  removed.push(...tail);

  const removedLines = removed.filter((r) => r.kind !== TRUNCATED_KIND).flatMap((r) => r.text.split("\n"));
  const outlet = meta.metas.get("og:site_name") ?? meta.ld.publisher ?? findOutlet(url, removedLines);

  return {
    id: page.id,
    source: page.source,
    outlet: outlet === null ? null : htmlToText(outlet) || null,
    title,
    dek,
    byline,
    published,
    dateline,
    lang: chooseLang(declaredLang(meta), body),
    paragraphs,
    body,
    removed,
  };
}

/** The page up to MAX_HTML_CHARS; the cut, if any, is reported in `tail`. */
function capHtml(content: string, tail: Removed[]): string {
  if (content.length <= MAX_HTML_CHARS) return content;
  let cut = MAX_HTML_CHARS;
  // Never split a surrogate pair.
  const code = content.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const preview = htmlToText(content.slice(cut, cut + PREVIEW_MARKUP_CHARS)).slice(0, PREVIEW_CHARS);
  tail.push({
    kind: TRUNCATED_KIND,
    text: `[${content.length - cut} characters of HTML after the first ${cut} were not analysed; their text begins:] ${preview}`,
  });
  return content.slice(0, cut);
}

/**
 * Paragraphs up to MAX_BODY_CHARS of body. Returns the page position where the cut falls (text
 * from there on is reported once, as not analysed, rather than as removed junk).
 */
function boundBody(
  blocks: readonly Block[],
  parsed: ParsedHtml,
  kept: KeptText,
  tail: Removed[],
): { paragraphs: Block[]; cutPos: number | null } {
  const paragraphs: Block[] = [];
  let length = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const separator = paragraphs.length === 0 ? 0 : 2;
    if (length + separator + block.text.length <= MAX_BODY_CHARS) {
      paragraphs.push(block);
      kept.add(block.sourceId, block.text);
      length += separator + block.text.length;
      continue;
    }
    const room = MAX_BODY_CHARS - length - separator;
    if (paragraphs.length === 0 && room > 0) {
      // One paragraph longer than the whole bound: keep its start, cut at a space.
      const space = block.text.lastIndexOf(" ", room);
      const head = block.text.slice(0, space > 0 ? space : room);
      paragraphs.push({ ...block, text: head });
      kept.add(block.sourceId, block.text);
      const rest = block.text.slice(head.length).trim();
      tail.push({
        kind: TRUNCATED_KIND,
        text: `[${rest.length} characters of the article beyond ${MAX_BODY_CHARS} were not analysed; they begin:] ${rest.slice(0, PREVIEW_CHARS)}`,
      });
      i += 1;
    }
    return { paragraphs, cutPos: positionOf(blocks.slice(i), parsed) };
  }
  return { paragraphs, cutPos: null };
}

function positionOf(blocks: readonly Block[], parsed: ParsedHtml): number | null {
  for (const b of blocks) {
    const e = b.sourceId === null ? undefined : parsed.elements[b.sourceId];
    if (e !== undefined) return e.pos;
  }
  return null;
}

function minPos(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** Page blocks that are the article's metadata shown on the page: not junk, not removed. */
function metadataMatcher(
  title: string | null,
  dek: string | null,
  byline: string | null,
  bylineElements: readonly string[],
  published: string | null,
): (text: string) => boolean {
  const keyed = [title, dek, ...bylineElements].filter((t): t is string => t !== null);
  const keys = new Set(keyed.map(titleKey));
  // Every removed block passes here: the costly comparisons run only on blocks of a fitting length.
  const maxKeyedChars = KEY_LENGTH_SLACK * keyed.reduce((n, t) => Math.max(n, t.length), 0);
  const maxBylineChars = byline === null ? 0 : byline.length + BYLINE_LINE_EXTRA_CHARS;
  // A line naming the author holds the byline's longest word as the page spells it.
  const bylineProbe = (byline ?? "")
    .split(/[^\p{L}\p{N}]+/u)
    .reduce((a, w) => (w.length > a.length ? w : a), "")
    .toLowerCase();
  const day = published?.slice(0, 10) ?? null;
  let dateChecks = 0;
  return (text) => {
    if (text.length <= maxKeyedChars && keys.has(titleKey(text))) return true;
    if (
      byline !== null &&
      text.length <= maxBylineChars &&
      text.toLowerCase().includes(bylineProbe) &&
      isBylineLine(text, byline)
    )
      return true;
    if (
      day === null ||
      text.length > DATE_LINE_MAX_CHARS ||
      dateChecks >= MAX_DATE_LINE_CHECKS ||
      !/\d/.test(text) ||
      words(text) > DATE_LINE_MAX_WORDS
    )
      return false;
    dateChecks += 1;
    return dateLine(text)?.slice(0, 10) === day;
  };
}
