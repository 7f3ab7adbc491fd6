/**
 * The plain-text summary printed on stdout when no output file is asked for: what a reader
 * needs to decide whether to open the full report, in a terminal 100 columns wide.
 */
import type { Report, ReportQuoteGroup } from "../model/index.js";
import {
  type ArticleRef,
  articleRefs,
  displayDate,
  evidenceIndex,
  percent,
  removedWordCount,
  splitByArticleIds,
  verdictRank,
  wordCount,
} from "./labels.js";

/** Classic wide terminal; the CLI contract promises nothing wider. */
export const SUMMARY_WIDTH = 100;

// A quote or headline is shown whole up to this many characters; longer ones are cut so one
// 2,000-word "quote" from a broken page cannot bury the rest of the summary.
const MAX_QUOTE_CHARS = 160;
const MAX_TITLE_CHARS = 180;
const MAX_REASON_CHARS = 300;

// Terminal control sequences (ESC, C1 controls) and bidirectional overrides in scraped text
// could repaint or reorder the user's terminal; line breaks would break the layout.
const TERMINAL_UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]+/g;

function clean(text: string): string {
  return text.replace(TERMINAL_UNSAFE, " ").replace(/\s+/g, " ").trim();
}

/** Cut to at most `max` code points, marking the cut. */
function clip(text: string, max: number): string {
  const chars = Array.from(clean(text));
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * Greedy word wrap: the first line starts with `first`, the next ones with spaces as wide.
 * Words longer than a line are broken, so no line ever exceeds the width.
 */
function wrap(first: string, text: string, width = SUMMARY_WIDTH): string[] {
  const indent = " ".repeat(Array.from(first).length);
  const room = width - indent.length;
  const lines: string[] = [];
  let line = "";
  const flush = () => {
    lines.push(`${lines.length === 0 ? first : indent}${line}`.trimEnd());
    line = "";
  };
  for (const word of clean(text).split(" ")) {
    let rest = Array.from(word);
    while (rest.length > room) {
      if (line) flush();
      line = rest.slice(0, room).join("");
      flush();
      rest = rest.slice(room);
    }
    const piece = rest.join("");
    if (!piece) continue;
    if (line && Array.from(line).length + 1 + rest.length > room) flush();
    line = line ? `${line} ${piece}` : piece;
  }
  if (line || lines.length === 0) flush();
  return lines;
}

function tag(ref: ArticleRef | undefined, id: string): string {
  return ref ? `[${ref.number}]` : `[${clip(id, 24)}]`;
}

/** Stage-written prose with article ids replaced by the short "[n]" handles used everywhere else. */
function withHandles(text: string, refs: Map<string, ArticleRef>): string {
  return splitByArticleIds(text, refs)
    .map((part) => (typeof part === "string" ? part : `[${part.number}]`))
    .join("");
}

function section(heading: string, body: string[]): string[] {
  return ["", heading, ...(body.length ? body : ["  none"])];
}

function header(report: Report): string[] {
  const n = report.articles.length;
  const lines = [`TRIANGULATE: ${n} version${n === 1 ? "" : "s"} of one story`];
  const titles = [...new Set(report.articles.map((a) => a.title).filter((t): t is string => !!t))];
  titles.slice(0, 3).forEach((t, i) => {
    lines.push(...wrap(i === 0 ? "Headline: " : "          ", clip(t, MAX_TITLE_CHARS)));
  });
  if (titles.length > 3) lines.push(`          and ${titles.length - 3} other headlines`);
  lines.push(`Event date: ${report.timeline.event ? displayDate(report.timeline.event) : "unknown"}`);
  for (const f of report.failures) lines.push(...wrap("Could not read: ", `${f.source}: ${f.reason}`));
  return lines;
}

function versions(report: Report, refs: Map<string, ArticleRef>): string[] {
  const late = new Map(report.timeline.publications.map((p) => [p.article, p]));
  const lines: string[] = [];
  for (const a of report.articles) {
    const ref = refs.get(a.id);
    const facts = [
      clip(a.id, 40),
      ref?.name && ref.name !== a.id ? clip(ref.name, 30) : null,
      displayDate(a.published),
      `${wordCount(a.body)} words kept, ${removedWordCount(a)} removed`,
    ].filter((x): x is string => x !== null);
    lines.push(...wrap(`  ${tag(ref, a.id)} `, facts.join(" · ")));
    lines.push(...wrap("      ", a.title ? `"${clip(a.title, MAX_TITLE_CHARS)}"` : "(no title)"));
    const entry = late.get(a.id);
    if (entry?.lateRepublication) {
      const days = entry.daysAfterEvent === null ? "" : ` (${entry.daysAfterEvent} days after the event)`;
      lines.push(`      ! late re-publication${days}`);
    }
  }
  return lines;
}

function memberNote(member: ReportQuoteGroup["members"][number]): string {
  const removed = member.diff.filter((d) => d.op === "removed").map((d) => d.text);
  const added = member.diff.filter((d) => d.op === "added").map((d) => d.text);
  if (member.relation !== "altered" || (!removed.length && !added.length)) return member.relation;
  const change = [
    removed.length ? `[${clip(removed.join(" "), 40)}]` : "[]",
    added.length ? `[${clip(added.join(" "), 40)}]` : "[]",
  ];
  return `altered ${change.join(" -> ")}`;
}

function quoteGroups(report: Report, refs: Map<string, ArticleRef>): string[] {
  const lines: string[] = [];
  for (const g of report.quoteGroups) {
    const speaker = g.speaker ? clip(g.speaker, 40) : "unknown speaker";
    lines.push(...wrap(`  ${clip(g.id, 16)} `, `${speaker}: "${clip(g.text, MAX_QUOTE_CHARS)}"`));
    if (g.speakerConflict) lines.push("      ! the versions name different speakers");
    const cells = g.members.map((m) => `${tag(refs.get(m.article), m.article)} ${memberNote(m)}`);
    lines.push(...wrap("      ", cells.join(" · ")));
  }
  return lines;
}

function figureGroups(report: Report, refs: Map<string, ArticleRef>): string[] {
  const groups = [...report.figureGroups].sort((x, y) => Number(y.conflict) - Number(x.conflict));
  return groups.flatMap((g) => {
    const values = g.members.map((m) => `${tag(refs.get(m.article), m.article)} ${clip(m.text, 40)}`);
    const flag = g.conflict ? "CONFLICT " : "agree ";
    return wrap(`  ${clip(g.measure, 40)}: `, `${flag}${values.join(" · ")}`);
  });
}

function reusePairs(report: Report, refs: Map<string, ArticleRef>): string[] {
  return report.reuse.flatMap((r) => {
    const a = tag(refs.get(r.a), r.a);
    const b = tag(refs.get(r.b), r.b);
    const direction =
      r.direction === "a->b"
        ? `${a} copied by ${b}`
        : r.direction === "b->a"
          ? `${b} copied by ${a}`
          : "direction unknown";
    const reason = r.directionReason ? ` (${clip(withHandles(r.directionReason, refs), 80)})` : "";
    const n = r.passages.length;
    const text = `${percent(r.shareOfA)} of ${a} and ${percent(r.shareOfB)} of ${b} shared in ${n} passage${n === 1 ? "" : "s"}; ${direction}${reason}`;
    return wrap(`  ${a} <-> ${b}: `, text);
  });
}

function witnesses(report: Report, refs: Map<string, ArticleRef>): string[] {
  return report.witnesses.flatMap((w, i) => {
    const original = (id: string) => id === w.original && w.articles.length > 1;
    const members = w.articles.map((id) => `${tag(refs.get(id), id)}${original(id) ? " (original)" : ""}`);
    const kind = w.articles.length > 1 ? "copies of one text: " : "independent: ";
    return wrap(`  W${i + 1} `, `${kind}${members.join(", ")}`);
  });
}

function claims(report: Report, refs: Map<string, ArticleRef>): string[] {
  const index = evidenceIndex(report);
  const rows = report.claimSupport.map((s) => ({ s, claim: index.claims.get(s.claim) }));
  rows.sort(
    (x, y) =>
      Number(x.claim?.role !== "headline") - Number(y.claim?.role !== "headline") ||
      verdictRank(x.s.verdict) - verdictRank(y.s.verdict) ||
      (refs.get(x.s.article)?.number ?? 0) - (refs.get(y.s.article)?.number ?? 0),
  );
  return rows.flatMap(({ s, claim }) => {
    const verdict = clip(s.verdict.toUpperCase(), 12).padEnd(13);
    const role = claim?.role === "headline" ? "headline " : "";
    const text = claim ? `"${clip(claim.text, MAX_TITLE_CHARS)}"` : clip(s.claim, 40);
    const lines = wrap(`  ${verdict}`, `${tag(refs.get(s.article), s.article)} ${role}${text}`);
    const reason = s.reasons[0];
    if (reason)
      lines.push(...wrap(`  ${" ".repeat(13)}- `, clip(withHandles(reason, refs), MAX_REASON_CHARS)));
    return lines;
  });
}

/** Pure: the readable plain-text summary printed when no output flag is given. */
export function renderSummary(report: Report): string {
  const refs = articleRefs(report);
  const conflicts = report.figureGroups.filter((g) => g.conflict).length;
  const lines = [
    ...header(report),
    ...section(`VERSIONS (${report.articles.length})`, versions(report, refs)),
    ...section(`QUOTE GROUPS (${report.quoteGroups.length})`, quoteGroups(report, refs)),
    ...section(
      `FIGURES (${report.figureGroups.length}, ${conflicts} in conflict)`,
      figureGroups(report, refs),
    ),
    ...section(
      `TEXT REUSE (${report.reuse.length} pair${report.reuse.length === 1 ? "" : "s"})`,
      reusePairs(report, refs),
    ),
    ...section(`WITNESSES (${report.witnesses.length})`, witnesses(report, refs)),
    ...section(`CLAIMS (${report.claimSupport.length})`, claims(report, refs)),
  ];
  return `${lines.join("\n")}\n`;
}
