/**
 * The comparison sections of the HTML report: the story header and timeline, claim verdicts,
 * the quote matrix, figure conflicts, text reuse and witnesses. Each returns an HTML string
 * built only from escaped data and class names from fixed lists.
 */
import type {
  DiffPart,
  ReportClaimSupport,
  ReportFigureGroup,
  ReportQuoteGroup,
  ReportReuse,
} from "../model/index.js";
import { escapeAttr, escapeText } from "./escape.js";
import {
  articleAnchor,
  articleTag,
  badge,
  type Ctx,
  formatDate,
  plural,
  proseWithArticles,
  quoteAnchor,
} from "./html-context.js";
import { percent, verdictRank } from "./labels.js";

const VERDICTS = ["supported", "partly", "unsupported", "contradicted"] as const;
const RELATIONS = ["identical", "trimmed", "extended", "altered", "paraphrased"] as const;
const RELATION_HELP: Record<string, string> = {
  identical: "the same words as the reference",
  trimmed: "words cut from the reference",
  extended: "words added to the reference",
  altered: "words changed inside the quote",
  paraphrased: "the same point in other words",
};

/** Headlines beyond this are listed under "more headlines", so the header stays a header with 100 versions. */
const HEADER_HEADLINES_MAX = 4;
/** Versions named under one headline; a headline syndicated to 40 sites shows a count, not 40 names. */
const HEADLINE_TAGS_MAX = 5;
/** Publications listed openly in the timeline; longer timelines are folded. */
const TIMELINE_OPEN_MAX = 8;
/** Headline verdicts shown before folding; the weakest come first, so the fold hides the well-supported ones. */
const HEADLINE_CARDS_OPEN_MAX = 9;
/** Evidence items shown per claim before folding the rest: a headline with 40 supporting quotes stays scannable. */
const EVIDENCE_OPEN_MAX = 4;
/**
 * With 100 versions there are up to 4,950 pairs; the strongest ones tell the copying story and
 * the rest stay in the JSON. Likewise passages per pair.
 */
const REUSE_PAIRS_MAX = 200;
/** Pairs shown before folding: the strongest ten tell who copied whom at a glance. */
const REUSE_PAIRS_OPEN_MAX = 10;
const PASSAGES_PER_PAIR_MAX = 50;

function headlineVerdicts(ctx: Ctx): Map<string, ReportClaimSupport> {
  const byArticle = new Map<string, ReportClaimSupport>();
  for (const s of ctx.report.claimSupport) {
    if (ctx.index.claims.get(s.claim)?.role === "headline" && !byArticle.has(s.article))
      byArticle.set(s.article, s);
  }
  return byArticle;
}

/**
 * The story's headlines, each with the versions carrying it and the verdict on it; the earliest
 * version's headline is the page title, as the one the others reacted to.
 */
export function storyHeader(ctx: Ctx): string {
  const { articles } = ctx.report;
  const verdicts = headlineVerdicts(ctx);
  const byDate = [...articles].sort((x, y) =>
    (x.published ?? "\uffff").localeCompare(y.published ?? "\uffff"),
  );
  const headlines = new Map<string, string[]>();
  for (const a of byDate) {
    if (!a.title) continue;
    const list = headlines.get(a.title) ?? [];
    list.push(a.id);
    headlines.set(a.title, list);
  }
  const line = (ids: string[]) => {
    const verdict = verdicts.get(ids[0]!);
    const tags = ids.slice(0, HEADLINE_TAGS_MAX).map((id) => articleTag(ctx, id));
    if (ids.length > HEADLINE_TAGS_MAX)
      tags.push(`<span class="muted">and ${ids.length - HEADLINE_TAGS_MAX} more versions</span>`);
    return `<span class="by">${verdict ? badge(verdict.verdict, VERDICTS, "v") : ""} ${tags.join(" ")}</span>`;
  };
  const entries = [...headlines];
  const [first, ...others] = entries;
  const items = others.map(
    ([title, ids]) => `<li><span class="headline">${escapeText(title)}</span> ${line(ids)}</li>`,
  );
  const shown = items.slice(0, HEADER_HEADLINES_MAX).join("");
  const more =
    items.length > HEADER_HEADLINES_MAX
      ? `<details class="more"><summary>${plural(items.length - HEADER_HEADLINES_MAX, "more headline")}</summary><ul class="headlines">${items.slice(HEADER_HEADLINES_MAX).join("")}</ul></details>`
      : "";
  const outlets = new Set(articles.map((a) => a.outlet ?? a.id)).size;
  return (
    `<header class="story"><p class="kicker">Triangulate · ${plural(articles.length, "version")} of one story from ${plural(outlets, "source")}</p>` +
    (first
      ? `<h1>${escapeText(first[0])}</h1><p class="h1-by">${line(first[1])}</p>`
      : "<h1>Untitled story</h1>") +
    (items.length ? `<p class="also">Also headlined</p><ul class="headlines">${shown}</ul>${more}` : "") +
    `${timeline(ctx)}</header>`
  );
}

/** Date mentions named as support for the event date; three make the point. */
const EVENT_EVIDENCE_MAX = 3;

/** "article-id: 22 September" (the triangulate stage's wording) shown as the words and a link to the article. */
function eventEvidence(ctx: Ctx, evidence: string): string {
  const cut = evidence.indexOf(": ");
  const article = cut > 0 ? evidence.slice(0, cut) : "";
  if (!ctx.refs.has(article)) return `<span class="muted">${escapeText(evidence)}</span>`;
  return `<span class="muted">“${escapeText(evidence.slice(cut + 2))}”</span> ${articleTag(ctx, article)}`;
}

function timeline(ctx: Ctx): string {
  const { timeline: t } = ctx.report;
  const rows = [...t.publications]
    .sort((x, y) => (x.published ?? "\uffff").localeCompare(y.published ?? "\uffff"))
    .map((p) => {
      const after =
        p.daysAfterEvent === null
          ? ""
          : `<span class="muted">${p.daysAfterEvent >= 0 ? "+" : ""}${plural(p.daysAfterEvent, "day")}</span>`;
      const late = p.lateRepublication ? ' <span class="badge late">late re-publication</span>' : "";
      return `<li${p.lateRepublication ? ' class="is-late"' : ""}><time>${escapeText(formatDate(p.published))}</time> ${after} ${articleTag(ctx, p.article)}${late}</li>`;
    });
  const support = t.eventEvidence.slice(0, EVENT_EVIDENCE_MAX).map((e) => eventEvidence(ctx, e));
  const event = t.event
    ? `<li class="event"><time>${escapeText(formatDate(t.event))}</time> <strong>the event</strong>${support.length ? ` <span class="muted">from</span> ${support.join(' <span class="muted">·</span> ')}` : ""}</li>`
    : '<li class="event muted">Event date unknown</li>';
  const list = `<ol class="timeline">${event}${rows.slice(0, TIMELINE_OPEN_MAX).join("")}</ol>`;
  const rest =
    rows.length > TIMELINE_OPEN_MAX
      ? `<details class="more"><summary>${plural(rows.length - TIMELINE_OPEN_MAX, "more publication")}</summary><ol class="timeline">${rows.slice(TIMELINE_OPEN_MAX).join("")}</ol></details>`
      : "";
  return `<div class="timeline-box"><h2 class="small">Timeline</h2>${list}${rest}</div>`;
}

export function failuresSection(ctx: Ctx): string {
  const { failures } = ctx.report;
  if (failures.length === 0) return "";
  const items = failures
    .map((f) => `<li><code>${escapeText(f.source)}</code>: ${escapeText(f.reason)}</li>`)
    .join("");
  return `<section class="failures" id="failures"><h2>${plural(failures.length, "input")} could not be read</h2><ul>${items}</ul></section>`;
}

// ---- Claims -------------------------------------------------------------------------------

/** Evidence is named by its opening words; the link leads to the whole text in its article. */
const EVIDENCE_TEXT_MAX = 200;

function clipEvidence(text: string): string {
  if (text.length <= EVIDENCE_TEXT_MAX) return text;
  return `${Array.from(text.slice(0, EVIDENCE_TEXT_MAX)).slice(0, -1).join("")}…`;
}

/** The whole text on hover when it was cut. */
function clipTitle(text: string): string {
  return text.length > EVIDENCE_TEXT_MAX ? ` title="${escapeAttr(text)}"` : "";
}

function evidenceItem(ctx: Ctx, id: string): string {
  const quote = ctx.index.quotes.get(id);
  if (quote) {
    const who = quote.quote.speaker ? ` <span class="muted">${escapeText(quote.quote.speaker)}</span>` : "";
    return `<li><a href="#${quoteAnchor(ctx, id)}" class="ev-quote"${clipTitle(quote.quote.text)}>“${escapeText(clipEvidence(quote.quote.text))}”</a>${who} · ${articleTag(ctx, quote.article.id)}</li>`;
  }
  const claim = ctx.index.claims.get(id);
  if (claim) {
    const role = claim.role === "headline" ? "headline" : "reported";
    return `<li><a href="#${articleAnchor(ctx, claim.article.id)}"${clipTitle(claim.text)}>${escapeText(clipEvidence(claim.text))}</a> <span class="muted">(${role})</span> · ${articleTag(ctx, claim.article.id)}</li>`;
  }
  const figures = ctx.index.figureGroups.get(id);
  if (figures) {
    const values = figures.members.map((m) => escapeText(m.text)).join(" / ");
    return `<li><a href="#${ctx.ids.ref("fig", id)}">${escapeText(figures.measure)}: ${values}</a></li>`;
  }
  const group = ctx.index.quoteGroups.get(id);
  if (group) return `<li><a href="#${ctx.ids.ref("qg", id)}">“${escapeText(group.text)}”</a></li>`;
  return `<li><code>${escapeText(id)}</code></li>`;
}

function claimCard(ctx: Ctx, s: ReportClaimSupport): string {
  const claim = ctx.index.claims.get(s.claim);
  const role = claim?.role === "headline" ? '<span class="role">Headline</span>' : "";
  const reasons = s.reasons.length
    ? `<ul class="reasons">${s.reasons.map((r) => `<li>${proseWithArticles(ctx, r)}</li>`).join("")}</ul>`
    : "";
  const items = s.evidence.map((id) => evidenceItem(ctx, id));
  const evidence = items.length
    ? `<div class="evidence"><span class="label">Evidence</span><ul>${items.slice(0, EVIDENCE_OPEN_MAX).join("")}</ul>` +
      (items.length > EVIDENCE_OPEN_MAX
        ? `<details><summary>${plural(items.length - EVIDENCE_OPEN_MAX, "more item")}</summary><ul>${items.slice(EVIDENCE_OPEN_MAX).join("")}</ul></details>`
        : "") +
      "</div>"
    : '<div class="evidence"><span class="label">Evidence</span> <span class="muted">none in the story</span></div>';
  const verdictClass = (VERDICTS as readonly string[]).includes(s.verdict) ? `c-${s.verdict}` : "c-unknown";
  return (
    `<article class="claim ${verdictClass}" id="${ctx.ids.anchor("claim", `${s.article}\u0000${s.claim}`)}">` +
    `<div class="claim-head">${badge(s.verdict, VERDICTS, "v")}${role}${articleTag(ctx, s.article)}</div>` +
    `<p class="claim-text">${escapeText(claim?.text ?? s.claim)}</p>${reasons}${evidence}</article>`
  );
}

export function claimsSection(ctx: Ctx): string {
  const rows = ctx.report.claimSupport.map((s) => ({
    s,
    headline: ctx.index.claims.get(s.claim)?.role === "headline",
  }));
  rows.sort(
    (x, y) =>
      Number(y.headline) - Number(x.headline) ||
      verdictRank(x.s.verdict) - verdictRank(y.s.verdict) ||
      (ctx.refs.get(x.s.article)?.number ?? 0) - (ctx.refs.get(y.s.article)?.number ?? 0),
  );
  const headlines = rows.filter((r) => r.headline).map((r) => claimCard(ctx, r.s));
  const moreHeadlines =
    headlines.length > HEADLINE_CARDS_OPEN_MAX
      ? `<details class="body-claims"><summary>${plural(headlines.length - HEADLINE_CARDS_OPEN_MAX, "more headline")}</summary><div class="claims">${headlines.slice(HEADLINE_CARDS_OPEN_MAX).join("")}</div></details>`
      : "";
  const body = rows.filter((r) => !r.headline).map((r) => claimCard(ctx, r.s));
  const counts = VERDICTS.map((v) => ({
    v,
    n: ctx.report.claimSupport.filter((s) => s.verdict === v).length,
  }))
    .filter(({ n }) => n > 0)
    .map(({ v, n }) => `${badge(v, VERDICTS, "v", `${n} ${v}`)}`)
    .join(" ");
  const bodyBlock = body.length
    ? `<details class="body-claims"${headlines.length === 0 ? " open" : ""}><summary>${plural(body.length, "claim")} from the article texts</summary><div class="claims">${body.join("")}</div></details>`
    : "";
  return (
    `<section id="claims"><h2>What the versions claim, and what supports it</h2>` +
    `<p class="hint">Each claim is checked against the quotes and the independent reports in the story. ${counts}</p>` +
    `<div class="claims">${headlines.slice(0, HEADLINE_CARDS_OPEN_MAX).join("")}</div>${moreHeadlines}${bodyBlock}</section>`
  );
}

// ---- Quotes -------------------------------------------------------------------------------

function diffHtml(diff: readonly DiffPart[]): string {
  return diff
    .map((d) =>
      d.op === "added"
        ? `<ins>${escapeText(d.text)}</ins>`
        : d.op === "removed"
          ? `<del>${escapeText(d.text)}</del>`
          : escapeText(d.text),
    )
    .join(" ");
}

function diffPlain(diff: readonly DiffPart[]): string {
  const removed = diff
    .filter((d) => d.op === "removed")
    .map((d) => d.text)
    .join(" ");
  const added = diff
    .filter((d) => d.op === "added")
    .map((d) => d.text)
    .join(" ");
  return [removed ? `− ${removed}` : "", added ? `+ ${added}` : ""].filter(Boolean).join("  ");
}

function matrixCell(ctx: Ctx, group: ReportQuoteGroup, g: number, articleId: string): string {
  const members = group.members.map((m, i) => ({ m, i })).filter(({ m }) => m.article === articleId);
  if (members.length === 0) return '<td class="absent" title="not in this version">—</td>';
  const cells = members.map(({ m, i }) => {
    const pop = ctx.ids.anchor("pop", `${g}-${i}`);
    const quote = ctx.index.quotes.get(m.quote);
    const wording = m.diff.length ? diffHtml(m.diff) : escapeText(quote?.quote.text ?? group.text);
    const speaker =
      m.speaker && m.speaker !== group.speaker
        ? `<p class="warn">Speaker here: ${escapeText(m.speaker)}</p>`
        : "";
    const tip = [
      m.relation,
      diffPlain(m.diff),
      m.speaker && m.speaker !== group.speaker ? `speaker: ${m.speaker}` : "",
    ]
      .filter(Boolean)
      .join(" · ");
    const relation = (RELATIONS as readonly string[]).includes(m.relation) ? `r-${m.relation}` : "r-unknown";
    return (
      `<button type="button" class="rel ${relation}" popovertarget="${pop}" title="${escapeAttr(tip)}">${escapeText(m.relation)}</button>` +
      `<div popover id="${pop}" class="pop"><p class="pop-head">${badge(m.relation, RELATIONS, "r")} ${articleTag(ctx, articleId)}` +
      `<span class="muted">${escapeText(RELATION_HELP[m.relation] ?? "")}</span></p>` +
      `${speaker}<p class="wording">${wording}</p>` +
      (quote ? `<p><a href="#${quoteAnchor(ctx, m.quote)}">Show in the article</a></p>` : "") +
      "</div>"
    );
  });
  return `<td>${cells.join("")}</td>`;
}

export function quotesSection(ctx: Ctx): string {
  const { quoteGroups, articles } = ctx.report;
  if (quoteGroups.length === 0) {
    return '<section id="quotes"><h2>Who said what</h2><p class="muted">No quotes were found.</p></section>';
  }
  const head = articles
    .map(
      (a, i) =>
        `<th scope="col"><a class="tag col" href="#${articleAnchor(ctx, a.id)}" title="${escapeAttr(a.title ?? a.id)}"><span class="num">${i + 1}</span>${escapeText(a.outlet?.trim() || a.id)}</a></th>`,
    )
    .join("");
  const rows = quoteGroups.map((g, gi) => {
    const conflict = g.speakerConflict ? ' <span class="badge warn">speakers differ</span>' : "";
    const cells = articles.map((a) => matrixCell(ctx, g, gi, a.id)).join("");
    return (
      `<tr id="${ctx.ids.anchor("qg", g.id)}"><th scope="row" class="qcol"><span class="speaker">${escapeText(g.speaker ?? "Unknown speaker")}</span>${conflict}` +
      `<q title="${escapeAttr(g.text)}">${escapeText(g.text)}</q></th>${cells}</tr>`
    );
  });
  const legend = RELATIONS.map((r) => badge(r, RELATIONS, "r")).join(" ");
  return (
    `<section id="quotes"><h2>Who said what</h2>` +
    `<p class="hint">One row per distinct quote, one column per version. Click a cell to see that version's wording: ` +
    `<ins>added words</ins>, <del>removed words</del>. ${legend}</p>` +
    `<div class="matrix-wrap"><table class="matrix"><thead><tr><th scope="col" class="qcol">Quote</th>${head}</tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table></div></section>`
  );
}

// ---- Figures ------------------------------------------------------------------------------

/** Tags shown per value before counting the rest: a figure repeated by 60 copies stays one line. */
const FIGURE_TAGS_MAX = 6;

/** Members giving the same value are listed together, so a conflict reads as two or three values. */
function figureValues(ctx: Ctx, members: ReportFigureGroup["members"]): string {
  const byValue = new Map<string, { text: string; articles: string[] }>();
  for (const m of members) {
    const key = `${m.value}\u0000${m.unit ?? ""}`;
    const entry = byValue.get(key) ?? { text: m.text, articles: [] };
    entry.articles.push(m.article);
    byValue.set(key, entry);
  }
  return [...byValue.values()]
    .map(({ text, articles }) => {
      const tags = articles.slice(0, FIGURE_TAGS_MAX).map((id) => articleTag(ctx, id));
      if (articles.length > FIGURE_TAGS_MAX)
        tags.push(`<span class="muted">and ${articles.length - FIGURE_TAGS_MAX} more</span>`);
      return `<li><span class="value">${escapeText(text)}</span> ${tags.join(" ")}</li>`;
    })
    .join("");
}

export function figuresSection(ctx: Ctx): string {
  const groups = [...ctx.report.figureGroups].sort((x, y) => Number(y.conflict) - Number(x.conflict));
  if (groups.length === 0) return "";
  const rows = groups.map((g) => {
    const flag = g.conflict
      ? '<span class="badge conflict">conflict</span>'
      : '<span class="badge agree">agree</span>';
    return `<tr id="${ctx.ids.anchor("fig", g.id)}"${g.conflict ? ' class="is-conflict"' : ""}><th scope="row">${escapeText(g.measure)}</th><td><ul class="values">${figureValues(ctx, g.members)}</ul></td><td>${flag}</td></tr>`;
  });
  const conflicts = groups.filter((g) => g.conflict).length;
  return (
    `<section id="figures"><h2>Figures</h2><p class="hint">Numbers grouped by what they measure; ${plural(conflicts, "group")} where the versions disagree.</p>` +
    `<table class="figures"><thead><tr><th scope="col">Measure</th><th scope="col">Values, and the versions giving each</th><th scope="col"></th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table></section>`
  );
}

// ---- Reuse and witnesses ------------------------------------------------------------------

function shareBar(ctx: Ctx, articleId: string, share: number): string {
  const value = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  const number = ctx.refs.get(articleId)?.number;
  const whose = number === undefined ? escapeText(articleId) : `#${number}`;
  return `<div class="share"><meter min="0" max="1" value="${escapeAttr(String(value))}">${percent(value)}</meter><span class="pct">${percent(value)} of ${whose}</span></div>`;
}

function pairHead(ctx: Ctx, r: ReportReuse): string {
  const [from, to] = r.direction === "a->b" ? [r.a, r.b] : r.direction === "b->a" ? [r.b, r.a] : [r.a, r.b];
  const arrow = r.direction
    ? '<span class="arrow" title="likely copied in this direction">→</span>'
    : '<span class="arrow" title="direction unknown">↔</span>';
  const reason = r.directionReason ? proseWithArticles(ctx, r.directionReason) : "";
  const note = r.direction
    ? `likely copied${reason ? `: ${reason}` : ""}`
    : `direction unknown${reason ? `: ${reason}` : ""}`;
  return `<p class="pair-head">${articleTag(ctx, from)} ${arrow} ${articleTag(ctx, to)} <span class="muted">${note}</span></p>`;
}

export function reuseSection(ctx: Ctx): string {
  const pairs = [...ctx.report.reuse]
    .filter((r) => r.passages.length > 0)
    .sort((x, y) => Math.max(y.shareOfA, y.shareOfB) - Math.max(x.shareOfA, x.shareOfB));
  if (pairs.length === 0) {
    return '<section id="reuse"><h2>Copied text</h2><p class="muted">No version shares passages with another.</p></section>';
  }
  const cards = pairs.slice(0, REUSE_PAIRS_MAX).map((r) => {
    const passages = r.passages
      .slice(0, PASSAGES_PER_PAIR_MAX)
      .map(
        (p) =>
          `<li><blockquote>${escapeText(p.a)}</blockquote>${p.b === p.a ? "" : `<blockquote class="other">${escapeText(p.b)}</blockquote>`}</li>`,
      )
      .join("");
    const cut =
      r.passages.length > PASSAGES_PER_PAIR_MAX
        ? `<p class="muted">${r.passages.length - PASSAGES_PER_PAIR_MAX} more in the JSON report.</p>`
        : "";
    return (
      `<div class="pair">${pairHead(ctx, r)}<div class="shares">${shareBar(ctx, r.a, r.shareOfA)}${shareBar(ctx, r.b, r.shareOfB)}</div>` +
      `<details><summary>${plural(r.passages.length, "shared passage")}</summary><ol class="passages">${passages}</ol>${cut}</details></div>`
    );
  });
  const more =
    pairs.length > REUSE_PAIRS_MAX
      ? `<p class="muted">${pairs.length - REUSE_PAIRS_MAX} weaker pairs are in the JSON report.</p>`
      : "";
  return (
    `<section id="reuse"><h2>Copied text</h2><p class="hint">Pairs of versions that share passages: who likely copied whom (→), and how much of each text is shared.</p>` +
    `<div class="pairs">${cards.slice(0, REUSE_PAIRS_OPEN_MAX).join("")}</div>` +
    (cards.length > REUSE_PAIRS_OPEN_MAX
      ? `<details class="more"><summary>${plural(cards.length - REUSE_PAIRS_OPEN_MAX, "more pair")}</summary><div class="pairs">${cards.slice(REUSE_PAIRS_OPEN_MAX).join("")}</div></details>`
      : "") +
    `${more}</section>`
  );
}

export function witnessesSection(ctx: Ctx): string {
  const { witnesses } = ctx.report;
  if (witnesses.length === 0) return "";
  const items = witnesses.map((w) => {
    const members = w.articles
      .map(
        (id) =>
          `${articleTag(ctx, id)}${id === w.original && w.articles.length > 1 ? ' <span class="muted">(original)</span>' : ""}`,
      )
      .join(" ");
    const kind = w.articles.length > 1 ? `copies of one text (${w.articles.length})` : "independent";
    return `<li><span class="wkind">${kind}</span> ${members}</li>`;
  });
  return (
    `<section id="witnesses"><h2>Witnesses</h2><p class="hint">${plural(ctx.report.articles.length, "version")}, ` +
    `${plural(witnesses.length, "independent witness", "independent witnesses")}: a fact repeated by copies of one text counts once.</p>` +
    `<ul class="witnesses">${items.join("")}</ul></section>`
  );
}
