/**
 * The report's only stylesheet, inlined (the page must work offline and under a CSP that allows
 * nothing else). Calm, readable, light and dark, printable. No style attributes are used
 * anywhere, so the CSP can pin this sheet by hash instead of allowing any inline style.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f7f6f3; --card: #ffffff; --fg: #1f2328; --muted: #5d6470; --line: #dcd9d2; --accent: #1f5fae;
  --ok: #16672f; --ok-bg: #dcf2e2; --warn: #7a4d00; --warn-bg: #fbecc8; --bad: #9c1f1f; --bad-bg: #fbe0de;
  --worst: #ffffff; --worst-bg: #b42318; --info: #1d4f91; --info-bg: #dde9f8; --teal: #0f5e5a; --teal-bg: #d6efec;
  --violet: #5b2c91; --violet-bg: #ebe0f7; --grey: #4a515b; --grey-bg: #e8e8e6;
  --mark: #fff0a8; --mark-partial: #fdf7d6; --target: #ffcf5c;
  --ins: #d3f2d9; --ins-fg: #0f4d22; --del: #fadad8; --del-fg: #8a1c1c;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15171a; --card: #1d2024; --fg: #e6e4e0; --muted: #a2a8b1; --line: #353a41; --accent: #8ab4f8;
    --ok: #8fd9a4; --ok-bg: #1d3a26; --warn: #f2c46b; --warn-bg: #3d3017; --bad: #f4a19b; --bad-bg: #46211f;
    --worst: #ffffff; --worst-bg: #b42318; --info: #a8c7fa; --info-bg: #1f2f47; --teal: #86d4cc; --teal-bg: #163935;
    --violet: #cfb3f2; --violet-bg: #33254a; --grey: #c2c7ce; --grey-bg: #2c3036;
    --mark: #5a4b12; --mark-partial: #3a3318; --target: #8a6a10;
    --ins: #1f4a2b; --ins-fg: #bff0cb; --del: #4f2222; --del-fg: #ffc9c4;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body {
  margin: 0 auto; max-width: 78rem; padding: 1.5rem 1.25rem 4rem;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--accent); }
[id] { scroll-margin-top: 3.5rem; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85em; }
h1, h2, h3 { line-height: 1.25; }
h2 { font-size: 1.35rem; margin: 0 0 0.25rem; }
h2.small { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0 0 0.5rem; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1.25rem 1.5rem; margin: 1.25rem 0; }
.hint { color: var(--muted); margin: 0 0 1rem; font-size: 0.93rem; }
.muted { color: var(--muted); }
nav.toc { position: sticky; top: 0; z-index: 5; background: var(--bg); border-bottom: 1px solid var(--line); padding: 0.5rem 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; font-size: 0.9rem; }
nav.toc a { text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }

/* Header */
header.story { padding: 0.5rem 0 0.75rem; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.78rem; color: var(--muted); margin: 0; }
header.story h1 { font-size: 1.9rem; margin: 0.35rem 0 0.35rem; max-width: 60rem; }
.h1-by { margin: 0 0 0.75rem; }
.also { margin: 0.75rem 0 0.25rem; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
ul.headlines { list-style: none; padding: 0; margin: 0; }
ul.headlines li { margin: 0.3rem 0; font-size: 1.08rem; }
ul.headlines .headline { font-weight: 600; margin-right: 0.35rem; }
.timeline-box { margin-top: 1.1rem; border-left: 3px solid var(--line); padding-left: 1rem; }
ol.timeline { list-style: none; margin: 0; padding: 0; }
ol.timeline li { margin: 0.2rem 0; display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.4rem; }
ol.timeline time { font-variant-numeric: tabular-nums; min-width: 10.5rem; font-weight: 600; }
ol.timeline li.event time { color: var(--fg); }
ol.timeline li.is-late time { color: var(--bad); }
details.more summary { color: var(--accent); cursor: pointer; font-size: 0.9rem; }
details.more > .pairs, details.more > .claims { margin-top: 0.75rem; }

/* Article handles */
.tag { display: inline-flex; align-items: baseline; gap: 0.3rem; padding: 0 0.45rem 0 0; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; color: var(--fg); font-size: 0.85rem; white-space: nowrap; background: var(--card); max-width: 16rem; overflow: hidden; text-overflow: ellipsis; vertical-align: baseline; }
.tag:hover { border-color: var(--accent); }
.num { display: inline-block; min-width: 1.45rem; padding: 0 0.3rem; border-radius: 999px; background: var(--grey-bg); color: var(--grey); font-weight: 700; font-size: 0.78rem; text-align: center; font-variant-numeric: tabular-nums; }
.tag.missing { padding: 0 0.45rem; color: var(--muted); }

/* Badges */
.badge { display: inline-block; padding: 0.05rem 0.55rem; border-radius: 999px; font-size: 0.78rem; font-weight: 700; letter-spacing: 0.02em; text-transform: uppercase; vertical-align: 0.08em; white-space: nowrap; }
.v-supported { background: var(--ok-bg); color: var(--ok); }
.v-partly { background: var(--warn-bg); color: var(--warn); }
.v-unsupported { background: var(--bad-bg); color: var(--bad); }
.v-contradicted { background: var(--worst-bg); color: var(--worst); }
.v-unknown, .r-unknown { background: var(--grey-bg); color: var(--grey); }
.r-identical { background: var(--ok-bg); color: var(--ok); }
.r-trimmed { background: var(--info-bg); color: var(--info); }
.r-extended { background: var(--teal-bg); color: var(--teal); }
.r-altered { background: var(--warn-bg); color: var(--warn); }
.r-paraphrased { background: var(--violet-bg); color: var(--violet); }
.badge.late, .badge.conflict { background: var(--bad-bg); color: var(--bad); }
.badge.agree { background: var(--ok-bg); color: var(--ok); }
.badge.warn { background: var(--warn-bg); color: var(--warn); }

/* Claims */
.claims { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 0.9rem; }
article.claim { border: 1px solid var(--line); border-left: 5px solid var(--grey-bg); border-radius: 8px; padding: 0.8rem 1rem; background: var(--card); }
article.claim.c-supported { border-left-color: var(--ok); }
article.claim.c-partly { border-left-color: var(--warn); }
article.claim.c-unsupported { border-left-color: var(--bad); }
article.claim.c-contradicted { border-left-color: var(--worst-bg); }
.claim-head { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.role { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); font-weight: 600; }
.claim-text { font-weight: 600; font-size: 1.05rem; margin: 0.5rem 0; }
ul.reasons { margin: 0.25rem 0 0.5rem; padding-left: 1.1rem; }
ul.reasons li { margin: 0.15rem 0; }
.evidence { font-size: 0.9rem; }
.evidence .label { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); font-weight: 600; }
.evidence ul { margin: 0.2rem 0; padding-left: 1.1rem; }
.evidence li { margin: 0.2rem 0; }
details.body-claims { margin-top: 1rem; }
details.body-claims > summary { cursor: pointer; font-weight: 600; margin-bottom: 0.75rem; }
article.claim:target { outline: 3px solid var(--target); }

/* Quote matrix */
.matrix-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
table { border-collapse: collapse; }
table.matrix { border-collapse: separate; border-spacing: 0; min-width: 100%; }
table.matrix th, table.matrix td { border-bottom: 1px solid var(--line); padding: 0.5rem 0.6rem; vertical-align: top; text-align: left; }
table.matrix thead th { position: sticky; top: 0; background: var(--card); font-weight: 600; }
table.matrix td { text-align: center; min-width: 7.5rem; }
table.matrix .qcol { position: sticky; left: 0; z-index: 2; background: var(--card); min-width: 18rem; max-width: 28rem; border-right: 1px solid var(--line); font-weight: normal; }
table.matrix thead .qcol { z-index: 3; font-weight: 600; }
table.matrix tr:target .qcol { background: var(--mark-partial); }
.tag.col { max-width: 11rem; }
.speaker { display: block; font-weight: 700; font-size: 0.9rem; }
.qcol q { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; font-style: italic; }
td.absent { color: var(--muted); }
button.rel { font: inherit; font-size: 0.78rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.02em; border: 0; border-radius: 999px; padding: 0.15rem 0.6rem; cursor: pointer; margin: 0.1rem; }
button.rel:hover, button.rel:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.pop { max-width: min(40rem, 92vw); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem; background: var(--card); color: var(--fg); box-shadow: 0 12px 40px rgba(0, 0, 0, 0.25); text-align: left; }
.pop::backdrop { background: rgba(0, 0, 0, 0.15); }
.pop .wording { font-size: 1.05rem; line-height: 1.6; }
.pop-head { margin-top: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; font-size: 0.9rem; }
p.warn { color: var(--warn); font-weight: 600; }
ins { background: var(--ins); color: var(--ins-fg); text-decoration: none; border-radius: 3px; padding: 0 0.15em; }
del { background: var(--del); color: var(--del-fg); text-decoration: line-through; border-radius: 3px; padding: 0 0.15em; }

/* Figures */
table.figures { width: 100%; }
table.figures th, table.figures td { text-align: left; padding: 0.5rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
table.figures thead th { font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
table.figures tbody th { font-weight: 600; width: 14rem; }
table.figures tr.is-conflict th { color: var(--bad); }
ul.values { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; }
.value { font-weight: 700; font-variant-numeric: tabular-nums; }
tr:target { outline: 3px solid var(--target); }

/* Reuse */
.pairs { display: grid; gap: 0.9rem; }
.pair { border: 1px solid var(--line); border-radius: 8px; padding: 0.8rem 1rem; }
.pair-head { margin: 0 0 0.4rem; display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.arrow { font-weight: 700; font-size: 1.1rem; color: var(--muted); }
.shares { display: grid; grid-template-columns: repeat(2, minmax(0, 20rem)); gap: 0.3rem 1.5rem; }
.share { display: flex; gap: 0.6rem; align-items: center; }
.share meter { flex: 1; height: 0.85rem; min-width: 6rem; }
.pct { font-variant-numeric: tabular-nums; color: var(--muted); font-size: 0.88rem; white-space: nowrap; min-width: 6.5rem; }
.pair summary { cursor: pointer; color: var(--accent); }
ol.passages { padding-left: 1.25rem; }
ol.passages li { margin: 0.5rem 0; }
blockquote { margin: 0.25rem 0; padding: 0.35rem 0.75rem; border-left: 3px solid var(--line); white-space: pre-wrap; }
blockquote.other { border-left-color: var(--warn); }

/* Witnesses */
ul.witnesses { list-style: none; padding: 0; margin: 0; }
ul.witnesses li { padding: 0.45rem 0; border-bottom: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.wkind { font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); font-weight: 600; min-width: 13rem; }

/* Articles */
.section-head { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
.controls button { font: inherit; font-size: 0.85rem; background: var(--card); color: var(--fg); border: 1px solid var(--line); border-radius: 6px; padding: 0.2rem 0.7rem; cursor: pointer; margin-left: 0.35rem; }
details.article { border-top: 1px solid var(--line); }
details.article > summary { cursor: pointer; padding: 0.65rem 0; display: flex; gap: 0.75rem; align-items: baseline; list-style: none; }
details.article > summary::-webkit-details-marker { display: none; }
details.article > summary::before { content: "▸"; color: var(--muted); }
details.article[open] > summary::before { content: "▾"; }
details.article > summary .outlet { font-weight: 700; white-space: nowrap; }
details.article > summary .title { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--muted); }
details.article > summary .date { white-space: nowrap; color: var(--muted); font-variant-numeric: tabular-nums; font-size: 0.9rem; }
details.article:target > summary { background: var(--mark-partial); }
.article-inner { max-width: 46rem; margin: 0 auto 1.5rem; }
.article-inner h3 { font-size: 1.45rem; margin: 0.5rem 0; }
.dek { font-size: 1.1rem; color: var(--muted); margin-top: 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; font-size: 0.9rem; margin: 0 0 1rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.coverage { font-size: 0.9rem; background: var(--info-bg); color: var(--info); padding: 0.35rem 0.75rem; border-radius: 6px; }
.body p { white-space: pre-line; font-size: 1.04rem; line-height: 1.7; margin: 0 0 1rem; font-family: Charter, "Iowan Old Style", "Source Serif Pro", Georgia, serif; }
mark.q { background: var(--mark); color: inherit; border-radius: 2px; padding: 0.05em 0; }
mark.q.partial { background: var(--mark-partial); border-bottom: 2px solid var(--mark); }
mark.q:target { background: var(--target); outline: 2px solid var(--target); }
.fig { text-decoration: underline; text-decoration-thickness: 2px; text-decoration-color: var(--accent); text-underline-offset: 3px; }
.when { text-decoration: underline dotted; text-decoration-color: var(--muted); text-underline-offset: 3px; }
details.removed { margin-top: 1.25rem; border: 1px dashed var(--line); border-radius: 8px; padding: 0.5rem 0.9rem; }
details.removed > summary { cursor: pointer; font-weight: 600; }
details.kind { margin: 0.5rem 0 0 0.75rem; }
details.kind > summary { cursor: pointer; }
.count { display: inline-block; min-width: 1.4rem; text-align: center; border-radius: 999px; background: var(--grey-bg); color: var(--grey); font-size: 0.78rem; font-weight: 700; padding: 0 0.35rem; }
details.kind pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--bg); padding: 0.5rem 0.75rem; border-radius: 6px; margin: 0.3rem 0; max-height: 24rem; overflow: auto; }
section.failures { border-color: var(--bad); background: var(--bad-bg); }
footer { color: var(--muted); font-size: 0.85rem; text-align: center; }

@media (max-width: 40rem) {
  body { padding: 1rem 0.6rem 3rem; }
  section { padding: 1rem; }
  .claims { grid-template-columns: 1fr; }
  .shares { grid-template-columns: 1fr; }
}
@media print {
  html, body { background: #fff; color: #000; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav.toc, .controls, .pop { display: none; }
  section { border: 0; padding: 0; margin: 1.5rem 0; break-inside: auto; }
  article.claim, .pair, tr { break-inside: avoid; }
  .matrix-wrap { overflow: visible; border: 0; }
  table.matrix .qcol, table.matrix thead th { position: static; }
  a { color: inherit; text-decoration: none; }
  details.kind pre { max-height: none; overflow: visible; }
}
`;
