/**
 * One article as a reader checks it: its metadata, its clean text with every quote marked (the
 * target of evidence links) and every figure underlined, and everything the cleaner removed,
 * grouped by kind, so nothing real can silently disappear.
 */
import type { ReportArticle } from "../model/index.js";
import { escapeAttr, escapeText, safeHttpUrl } from "./escape.js";
import { articleTag, type Ctx, formatDate, plural } from "./html-context.js";
import { removedWordCount, wordCount } from "./labels.js";

/** With more versions than this, articles start collapsed: the page opens on the comparison, not on 100 bodies. */
export const OPEN_ARTICLES_MAX = 4;

// No real article has thousands of quotes or figures; past this, a hostile reading could make
// span layout quadratic, so extra spans are left unmarked (they stay in the JSON).
const MAX_MARKED_SPANS = 4000;

interface MarkSpan {
  start: number;
  end: number;
  kind: "quote" | "figure" | "date";
  /** Index into the article's quotes (for anchors), figures or dates. */
  item: number;
}

function validSpans(article: ReportArticle): MarkSpan[] {
  const length = article.body.length;
  const spans: MarkSpan[] = [];
  const push = (kind: MarkSpan["kind"], list: readonly { start: number; end: number }[]) => {
    list.forEach((s, item) => {
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) return;
      const start = Math.max(0, s.start);
      const end = Math.min(length, s.end);
      if (start < end && spans.length < MAX_MARKED_SPANS) spans.push({ start, end, kind, item });
    });
  };
  push("quote", article.quotes);
  push("figure", article.figures);
  push("date", article.dates);
  return spans.sort((x, y) => x.start - y.start || y.end - x.end);
}

/** [start, end) of each paragraph in `body` (paragraphs are joined by blank lines). */
function paragraphRanges(body: string): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  while (from <= body.length) {
    const gap = body.indexOf("\n\n", from);
    const to = gap === -1 ? body.length : gap;
    if (body.slice(from, to).trim()) ranges.push([from, to]);
    if (gap === -1) break;
    from = gap + 2;
  }
  return ranges;
}

function quoteTitle(article: ReportArticle, item: number): string {
  const q = article.quotes[item];
  if (!q) return "";
  const who = q.speaker ?? "speaker unknown";
  return q.cue ? `${who} (${q.cue})` : who;
}

function figureTitle(article: ReportArticle, span: MarkSpan): string {
  if (span.kind === "figure") {
    const f = article.figures[span.item];
    return f ? `figure: ${f.value}${f.unit ? ` ${f.unit}` : ""}` : "";
  }
  const d = article.dates[span.item];
  return d ? `date: ${d.value ?? "unresolved"}` : "";
}

/**
 * A paragraph cut at every span boundary; each piece is wrapped in the quote covering it (a
 * <mark>, the first piece carrying the quote's anchor) and the figure or date covering it.
 * Overlaps from a confused reader are tolerated: the earliest-starting span of each kind wins.
 */
function markedParagraph(
  ctx: Ctx,
  article: ReportArticle,
  range: [number, number],
  spans: MarkSpan[],
  anchored: Set<number>,
): string {
  const [from, to] = range;
  const inside = spans.filter((s) => s.start < to && s.end > from);
  const cuts = new Set<number>([from, to]);
  for (const s of inside) {
    if (s.start > from) cuts.add(s.start);
    if (s.end < to) cuts.add(s.end);
  }
  const bounds = [...cuts].sort((x, y) => x - y);
  const active: MarkSpan[] = [];
  let next = 0;
  let html = "";
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i]!;
    const end = bounds[i + 1]!;
    while (next < inside.length && inside[next]!.start <= start) active.push(inside[next++]!);
    for (let k = active.length - 1; k >= 0; k--) if (active[k]!.end <= start) active.splice(k, 1);
    let piece = escapeText(article.body.slice(start, end));
    const underline = active.find((s) => s.kind === "figure") ?? active.find((s) => s.kind === "date");
    if (underline) {
      piece = `<span class="${underline.kind === "figure" ? "fig" : "when"}" title="${escapeAttr(figureTitle(article, underline))}">${piece}</span>`;
    }
    const quote = active.find((s) => s.kind === "quote");
    if (quote) {
      const q = article.quotes[quote.item];
      let id = "";
      if (q && !anchored.has(quote.item)) {
        anchored.add(quote.item);
        id = ` id="${ctx.ids.anchor("q", q.id)}"`;
      }
      const cls = q?.partial ? "q partial" : "q";
      piece = `<mark class="${cls}"${id} title="${escapeAttr(quoteTitle(article, quote.item))}">${piece}</mark>`;
    }
    html += piece;
  }
  return `<p>${html}</p>`;
}

function articleBody(ctx: Ctx, article: ReportArticle): string {
  const spans = validSpans(article);
  const anchored = new Set<number>();
  const paragraphs = paragraphRanges(article.body).map((r) =>
    markedParagraph(ctx, article, r, spans, anchored),
  );
  // A quote whose span could not be placed still gets its anchor, so evidence links land on the article.
  const orphans = article.quotes
    .map((q, i) => ({ q, i }))
    .filter(({ i }) => !anchored.has(i))
    .map(({ q }) => `<span class="orphan" id="${ctx.ids.anchor("q", q.id)}"></span>`)
    .join("");
  return `<div class="body">${orphans}${paragraphs.join("\n") || '<p class="muted">No article text was found.</p>'}</div>`;
}

function removedParts(article: ReportArticle): string {
  if (article.removed.length === 0) return "";
  const byKind = new Map<string, string[]>();
  for (const r of article.removed) {
    const list = byKind.get(r.kind) ?? [];
    list.push(r.text);
    byKind.set(r.kind, list);
  }
  const counts = [...byKind].map(([kind, texts]) => `${escapeText(kind)} ${texts.length}`).join(", ");
  const groups = [...byKind]
    .map(
      ([kind, texts]) =>
        `<details class="kind"><summary>${escapeText(kind)} <span class="count">${texts.length}</span></summary>` +
        `<ol>${texts.map((t) => `<li><pre>${escapeText(t)}</pre></li>`).join("")}</ol></details>`,
    )
    .join("");
  return (
    `<details class="removed"><summary>Removed from the page: ${plural(article.removed.length, "part")}, ` +
    `${plural(removedWordCount(article), "word")} <span class="muted">(${counts})</span></summary>${groups}</details>`
  );
}

// Unique quotes are named by their opening words; the full wording is one click away in the matrix.
const COVERAGE_QUOTE_CHARS = 80;

function clipText(text: string): string {
  return text.length <= COVERAGE_QUOTE_CHARS ? text : `${text.slice(0, COVERAGE_QUOTE_CHARS - 1)}…`;
}

function coverageNote(ctx: Ctx, article: ReportArticle): string {
  const coverage = ctx.report.coverage.find((c) => c.article === article.id);
  if (!coverage || (coverage.uniqueQuotes.length === 0 && coverage.uniqueSentences.length === 0)) return "";
  const quotes = coverage.uniqueQuotes.length
    ? `${plural(coverage.uniqueQuotes.length, "quote")} (` +
      coverage.uniqueQuotes
        .map(
          (id) =>
            `<a href="#${ctx.ids.ref("qg", id)}">“${escapeText(clipText(ctx.index.quoteGroups.get(id)?.text ?? id))}”</a>`,
        )
        .join(", ") +
      ")"
    : "";
  const sentences = coverage.uniqueSentences.length
    ? plural(coverage.uniqueSentences.length, "sentence")
    : "";
  // Unique quotes are counted per witness: copies of one text share them, so the note names the copies.
  const copies =
    ctx.report.witnesses
      .find((w) => w.articles.includes(article.id))
      ?.articles.filter((id) => id !== article.id) ?? [];
  if (copies.length === 0) {
    return `<p class="coverage">Only in this version: ${[quotes, sentences].filter(Boolean).join(" and ")}.</p>`;
  }
  const notes = [
    sentences ? `Only in this version: ${sentences}.` : "",
    quotes
      ? `Only in this text and its copies (${copies.map((id) => articleTag(ctx, id)).join(" ")}): ${quotes}.`
      : "",
  ];
  return `<p class="coverage">${notes.filter(Boolean).join(" ")}</p>`;
}

function sourceLine(source: string): string {
  const url = safeHttpUrl(source);
  const shown = escapeText(source);
  return url
    ? `<a href="${escapeAttr(url)}" rel="noreferrer noopener">${shown}</a>`
    : `<code>${shown}</code>`;
}

function articleSection(ctx: Ctx, article: ReportArticle, number: number, open: boolean): string {
  const anchor = ctx.ids.anchor("art", `${number}-${article.id}`);
  const name = article.outlet?.trim() || article.id;
  const meta = [
    `<dt>Published</dt><dd>${escapeText(formatDate(article.published))}</dd>`,
    article.byline ? `<dt>By</dt><dd>${escapeText(article.byline)}</dd>` : "",
    article.dateline ? `<dt>Dateline</dt><dd>${escapeText(article.dateline)}</dd>` : "",
    `<dt>Source</dt><dd>${sourceLine(article.source)}</dd>`,
    `<dt>Id</dt><dd><code>${escapeText(article.id)}</code></dd>`,
    `<dt>Kept</dt><dd>${plural(wordCount(article.body), "word")}, ${plural(article.quotes.length, "quote")}, ${plural(article.figures.length, "figure")}</dd>`,
  ].join("");
  return (
    `<details class="article" id="${anchor}"${open ? " open" : ""}>` +
    `<summary><span class="num">${number}</span><span class="outlet">${escapeText(name)}</span>` +
    `<span class="title">${escapeText(article.title ?? "(no title)")}</span>` +
    `<span class="date">${escapeText(formatDate(article.published))}</span></summary>` +
    `<div class="article-inner"><h3>${escapeText(article.title ?? "(no title)")}</h3>` +
    (article.dek ? `<p class="dek">${escapeText(article.dek)}</p>` : "") +
    `<dl class="meta">${meta}</dl>${coverageNote(ctx, article)}${articleBody(ctx, article)}${removedParts(article)}</div></details>`
  );
}

export function articlesSection(ctx: Ctx): string {
  const { articles } = ctx.report;
  const open = articles.length <= OPEN_ARTICLES_MAX;
  const body = articles.map((a, i) => articleSection(ctx, a, i + 1, open)).join("\n");
  return (
    `<section id="articles"><div class="section-head"><h2>The versions</h2>` +
    `<div class="controls"><button type="button" data-articles="open" hidden>Expand all</button>` +
    `<button type="button" data-articles="close" hidden>Collapse all</button></div></div>` +
    `<p class="hint">Clean text of each version. <mark class="q">Quotes</mark> are marked (hover for the speaker), ` +
    `<span class="fig">figures</span> underlined, <span class="when">dates</span> dotted; ` +
    `what the cleaner removed is kept below each text.</p>${body}</section>`
  );
}
