/**
 * How the report names things for a reader, shared by the HTML page and the text summary so
 * both call an article, a verdict or a relation the same way.
 */
import type { Report, ReportArticle, ReportQuote, Verdict } from "../model/index.js";
import { wordTokens } from "../text/tokens.js";

export interface ArticleRef {
  article: ReportArticle;
  /** 1-based position in the report: a short handle ("#3") that stays readable with 100 versions. */
  number: number;
  /** Outlet when known, else the input's id. */
  name: string;
}

export function articleRefs(report: Report): Map<string, ArticleRef> {
  const refs = new Map<string, ArticleRef>();
  report.articles.forEach((article, i) => {
    if (!refs.has(article.id)) {
      refs.set(article.id, { article, number: i + 1, name: article.outlet?.trim() || article.id });
    }
  });
  return refs;
}

/**
 * The stages write article ids into their sentences ("appears in a quote in 003_77…"); a reader
 * knows the articles by number and outlet. Cuts `text` around every known id, longest first so
 * an id that extends another is matched whole.
 */
export function splitByArticleIds(text: string, refs: Map<string, ArticleRef>): (string | ArticleRef)[] {
  const ids = [...refs.keys()].filter((id) => id.length > 0).sort((x, y) => y.length - x.length);
  const hits: { start: number; end: number; ref: ArticleRef }[] = [];
  for (const id of ids) {
    for (let at = text.indexOf(id); at !== -1; at = text.indexOf(id, at + id.length)) {
      const end = at + id.length;
      if (!hits.some((h) => at < h.end && end > h.start)) hits.push({ start: at, end, ref: refs.get(id)! });
    }
  }
  hits.sort((x, y) => x.start - y.start);
  const parts: (string | ArticleRef)[] = [];
  let from = 0;
  for (const h of hits) {
    if (h.start > from) parts.push(text.slice(from, h.start));
    parts.push(h.ref);
    from = h.end;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

/** Where each quote and claim lives, so evidence ids can be shown as words with their article. */
export interface EvidenceIndex {
  quotes: Map<string, { article: ReportArticle; quote: ReportQuote }>;
  claims: Map<string, { article: ReportArticle; text: string; role: string }>;
  figureGroups: Map<string, Report["figureGroups"][number]>;
  quoteGroups: Map<string, Report["quoteGroups"][number]>;
}

export function evidenceIndex(report: Report): EvidenceIndex {
  const index: EvidenceIndex = {
    quotes: new Map(),
    claims: new Map(),
    figureGroups: new Map(),
    quoteGroups: new Map(),
  };
  for (const article of report.articles) {
    for (const quote of article.quotes) index.quotes.set(quote.id, { article, quote });
    for (const claim of article.claims)
      index.claims.set(claim.id, { article, text: claim.text, role: claim.role });
  }
  for (const group of report.figureGroups) index.figureGroups.set(group.id, group);
  for (const group of report.quoteGroups) index.quoteGroups.set(group.id, group);
  return index;
}

/** Headlines before body claims, and the weakest verdicts first within each: that is what a reader checks. */
const VERDICT_ORDER: Record<Verdict, number> = { contradicted: 0, unsupported: 1, partly: 2, supported: 3 };

export function verdictRank(verdict: string): number {
  return VERDICT_ORDER[verdict as Verdict] ?? VERDICT_ORDER.unsupported;
}

export function wordCount(text: string): number {
  return wordTokens(text).length;
}

export function removedWordCount(article: ReportArticle): number {
  return article.removed.reduce((sum, r) => sum + wordCount(r.text), 0);
}

export function percent(share: number): string {
  if (!Number.isFinite(share)) return "0%";
  return `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%`;
}

/** The date part of an ISO date or date-time, for display; other strings are shown as given. */
export function displayDate(iso: string | null): string {
  if (iso === null) return "undated";
  const m = /^\d{4}-\d{2}-\d{2}/.exec(iso);
  return m ? m[0] : iso;
}
