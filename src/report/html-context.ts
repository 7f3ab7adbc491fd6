/**
 * What every part of the HTML report needs: the report, article handles, the id registry, and
 * the few small fragments (article tag, date, badge) that recur across sections.
 */
import type { Report } from "../model/index.js";
import { escapeAttr, escapeText, IdRegistry } from "./escape.js";
import {
  type ArticleRef,
  articleRefs,
  type EvidenceIndex,
  evidenceIndex,
  splitByArticleIds,
} from "./labels.js";

export interface Ctx {
  report: Report;
  refs: Map<string, ArticleRef>;
  index: EvidenceIndex;
  ids: IdRegistry;
}

export function makeCtx(report: Report): Ctx {
  return { report, refs: articleRefs(report), index: evidenceIndex(report), ids: new IdRegistry() };
}

/** Anchor of an article's section; keyed by position so repeated ids still get distinct anchors. */
export function articleAnchor(ctx: Ctx, articleId: string): string {
  const ref = ctx.refs.get(articleId);
  return ctx.ids.ref("art", ref ? `${ref.number}-${articleId}` : articleId);
}

export function quoteAnchor(ctx: Ctx, quoteId: string): string {
  return ctx.ids.ref("q", quoteId);
}

/**
 * The short clickable name of an article: its number and outlet, the title on hover. Articles
 * the report does not hold are named by their id, as plain text.
 */
export function articleTag(ctx: Ctx, articleId: string): string {
  const ref = ctx.refs.get(articleId);
  if (!ref) return `<span class="tag missing">${escapeText(articleId)}</span>`;
  const title = ref.article.title ?? ref.article.id;
  return (
    `<a class="tag" href="#${articleAnchor(ctx, articleId)}" title="${escapeAttr(title)}">` +
    `<span class="num">${ref.number}</span>${escapeText(ref.name)}</a>`
  );
}

/** Stage-written prose (reasons, direction notes) with the article ids in it shown as article tags. */
export function proseWithArticles(ctx: Ctx, text: string): string {
  return splitByArticleIds(text, ctx.refs)
    .map((part) => (typeof part === "string" ? escapeText(part) : articleTag(ctx, part.article.id)))
    .join("");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2016-10-01T17:14:58" → "1 Oct 2016, 17:14": unambiguous across locales, no locale data needed. */
export function formatDate(iso: string | null): string {
  if (iso === null) return "undated";
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  const day = `${Number(m[3])} ${month} ${m[1]}`;
  return m[4] ? `${day}, ${m[4]}:${m[5]}` : day;
}

/** A coloured label whose class comes from a fixed list, never from data. */
export function badge(kind: string, allowed: readonly string[], prefix: string, label = kind): string {
  const cls = allowed.includes(kind) ? `${prefix}-${kind}` : `${prefix}-unknown`;
  return `<span class="badge ${cls}">${escapeText(label)}</span>`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
