/**
 * The self-contained HTML report: one file, no network, readable offline and printable. The
 * Content-Security-Policy allows exactly the one stylesheet and the one script below (pinned by
 * hash) and nothing else, so even a rendering bug elsewhere could not run injected script.
 */
import { createHash } from "node:crypto";
import type { Report } from "../model/index.js";
import { REPORT_JS } from "./assets/script.js";
import { REPORT_CSS } from "./assets/style.js";
import { escapeAttr, escapeText } from "./escape.js";
import { articlesSection } from "./html-article.js";
import { makeCtx } from "./html-context.js";
import {
  claimsSection,
  failuresSection,
  figuresSection,
  quotesSection,
  reuseSection,
  storyHeader,
  witnessesSection,
} from "./html-sections.js";

function sha256Source(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** The policy the report ships with: nothing may load, only the pinned style and script may run. */
export function reportCsp(): string {
  return [
    "default-src 'none'",
    `style-src ${sha256Source(REPORT_CSS)}`,
    `script-src ${sha256Source(REPORT_JS)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

function pageTitle(report: Report): string {
  const title = report.articles.find((a) => a.title)?.title;
  return title ? `${title} — Triangulate` : "Triangulate report";
}

const NAV = [
  ["claims", "Claims"],
  ["quotes", "Quotes"],
  ["figures", "Figures"],
  ["reuse", "Copied text"],
  ["witnesses", "Witnesses"],
  ["articles", "Versions"],
] as const;

/** Pure: a single-file HTML report needing no network. */
export function renderHtml(report: Report): string {
  const ctx = makeCtx(report);
  const header = storyHeader(ctx);
  const sections = [
    failuresSection(ctx),
    claimsSection(ctx),
    quotesSection(ctx),
    figuresSection(ctx),
    reuseSection(ctx),
    witnessesSection(ctx),
    articlesSection(ctx),
  ].filter(Boolean);
  const nav = NAV.filter(([id]) => sections.some((s) => s.startsWith(`<section id="${id}"`)))
    .map(([id, label]) => `<a href="#${id}">${label}</a>`)
    .join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(reportCsp())}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(pageTitle(report))}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${header}
<nav class="toc" aria-label="Sections">${nav}</nav>
<main>
${sections.join("\n")}
</main>
<footer>Triangulate report · <code>triangulate/story@1</code> · says what the versions say and what supports what, not what is true.</footer>
<script>${REPORT_JS}</script>
</body>
</html>
`;
}
