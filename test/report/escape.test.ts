/**
 * No input can inject script into a report (SPEC quality bar). Hostile strings are pushed
 * through every string field of a report, the HTML is parsed, and the page must hold exactly
 * the markup we wrote: one script (ours), one stylesheet (ours), no event handlers, no script
 * URLs, no foreign elements, safe unique ids, and the hostile text shown back as text.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomUtils, parseDocument } from "htmlparser2";
import type { Report } from "../../src/model/index.js";
import { REPORT_JS } from "../../src/report/assets/script.js";
import { REPORT_CSS } from "../../src/report/assets/style.js";
import { escapeAttr, escapeText, IdRegistry, safeHttpUrl } from "../../src/report/escape.js";
import { reportCsp } from "../../src/report/html.js";
import { renderHtml, toReport } from "../../src/report/index.js";
import { buildStory, FAILURES } from "./fixture.js";

const PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  "</style><script>alert(1)</script>",
  "javascript:alert(1)",
  "--><script>alert(1)</script><!--",
  "`onfocus=`alert(1)",
  "</textarea></title></noscript><svg onload=alert(1)>",
];

/** Fields whose values are enums: poisoned only in the second pass (an invalid enum must still render safely). */
const ENUM_KEYS = new Set(["schema", "relation", "verdict", "direction", "role", "op"]);

type Mode = "append" | "replace";

/** Every string in `value` rewritten: payload appended (ids stay consistent) or the whole string replaced. */
function poison(value: unknown, payload: string, mode: Mode, enums: boolean, key = ""): unknown {
  if (typeof value === "string") {
    if (ENUM_KEYS.has(key) && !enums) return value;
    return mode === "append" ? `${value}${payload}` : payload;
  }
  if (Array.isArray(value)) return value.map((v) => poison(v, payload, mode, enums, key));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, payload, mode, enums, k)]));
  }
  return value;
}

function poisonedReport(payload: string, mode: Mode, enums: boolean): Report {
  const report = poison(toReport(buildStory(), FAILURES), payload, mode, enums) as Report;
  // Stretch one quote over the payload, so hostile text also sits inside a <mark>.
  for (const a of report.articles) {
    const q = a.quotes[0];
    if (!q) continue;
    if (mode === "replace") q.start = 0;
    q.end = a.body.length;
  }
  return report;
}

const ALLOWED_TAGS = new Set([
  "html",
  "head",
  "meta",
  "title",
  "style",
  "body",
  "header",
  "nav",
  "main",
  "footer",
  "section",
  "article",
  "h1",
  "h2",
  "h3",
  "p",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "a",
  "span",
  "strong",
  "code",
  "pre",
  "q",
  "blockquote",
  "mark",
  "ins",
  "del",
  "time",
  "details",
  "summary",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "button",
  "div",
  "meter",
  "script",
]);
const ALLOWED_ATTRS = new Set([
  "lang",
  "charset",
  "http-equiv",
  "content",
  "name",
  "class",
  "id",
  "href",
  "title",
  "rel",
  "open",
  "hidden",
  "popover",
  "popovertarget",
  "type",
  "data-articles",
  "min",
  "max",
  "value",
  "scope",
  "aria-label",
]);

/** Every way the parsed page could carry injected behaviour; empty when the page is clean. */
function injectionProblems(html: string): string[] {
  const problems: string[] = [];
  const doc = parseDocument(html);
  const elements = DomUtils.findAll(() => true, doc.children);
  const scripts = elements.filter((e) => e.name === "script");
  if (scripts.length !== 1 || DomUtils.textContent(scripts[0]!) !== REPORT_JS)
    problems.push(`${scripts.length} scripts, or not ours`);
  const styles = elements.filter((e) => e.name === "style");
  if (styles.length !== 1 || DomUtils.textContent(styles[0]!) !== REPORT_CSS)
    problems.push(`${styles.length} styles, or not ours`);
  const ids = new Set<string>();
  for (const el of elements) {
    if (!ALLOWED_TAGS.has(el.name)) problems.push(`foreign element <${el.name}>`);
    for (const [name, value] of Object.entries(el.attribs)) {
      if (!ALLOWED_ATTRS.has(name)) problems.push(`foreign attribute ${name} on <${el.name}>`);
      if (/^on/i.test(name)) problems.push(`event handler ${name}`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(name)) {
        const squashed = value.replace(/[\s\u0000-\u001F]+/g, "").toLowerCase();
        if (squashed.startsWith("javascript:") || squashed.startsWith("data:"))
          problems.push(`script URL ${value}`);
        if (!/^(#|https?:\/\/)/.test(value)) problems.push(`unexpected link ${value}`);
      }
      if (name === "id") {
        if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(value)) problems.push(`unsafe id ${value}`);
        if (ids.has(value)) problems.push(`duplicate id ${value}`);
        ids.add(value);
      }
    }
  }
  for (const el of elements) {
    const href = el.attribs.href;
    if (href?.startsWith("#") && !ids.has(href.slice(1))) problems.push(`dangling link ${href}`);
    const target = el.attribs.popovertarget;
    if (target !== undefined && !ids.has(target)) problems.push(`dangling popover ${target}`);
  }
  if (DomUtils.findAll(() => true, doc.children).length !== elements.length) problems.push("unstable tree");
  const comments = DomUtils.filter((n) => n.type === "comment", doc.children);
  if (comments.length) problems.push(`${comments.length} comment nodes`);
  const metas = elements.filter(
    (e) => e.name === "meta" && e.attribs["http-equiv"] === "Content-Security-Policy",
  );
  if (metas.length !== 1 || metas[0]!.attribs.content !== reportCsp())
    problems.push("CSP meta missing or altered");
  return problems;
}

function textAndAttributes(html: string): {
  text: string;
  attributes: string[];
  byTag: (tag: string) => string;
} {
  const doc = parseDocument(html);
  const elements = DomUtils.findAll(() => true, doc.children);
  const body = elements.find((e) => e.name === "body")!;
  return {
    text: DomUtils.textContent(body),
    attributes: elements.flatMap((e) => Object.values(e.attribs)),
    byTag: (tag) =>
      elements
        .filter((e) => e.name === tag)
        .map((e) => DomUtils.textContent(e))
        .join("\n"),
  };
}

describe("escaping primitives", () => {
  it("escapes the five HTML specials in text and backticks in attributes", () => {
    assert.equal(escapeText(`<a href="x">&'`), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    assert.equal(escapeAttr("`x`"), "&#96;x&#96;");
  });

  it("replaces control characters and lone surrogates one for one, keeping offsets", () => {
    const broken = "a\u0000b\u001bc\ud800d";
    assert.equal(escapeText(broken), "a\ufffdb\ufffdc\ufffdd");
    assert.equal(escapeText("😀"), "😀");
  });

  it("links only plain web addresses", () => {
    assert.equal(safeHttpUrl("https://example.org/a?b=c"), "https://example.org/a?b=c");
    for (const bad of [
      "javascript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,x",
      "/tmp/page.html",
      'https://x.org/"onclick=1',
    ]) {
      assert.equal(safeHttpUrl(bad), null, bad);
    }
  });

  it("gives data-derived ids a safe alphabet, stable links and no collisions", () => {
    const ids = new IdRegistry();
    const first = ids.ref("q", "a<b");
    assert.match(first, /^q-[A-Za-z0-9_-]+$/);
    assert.equal(ids.ref("q", "a<b"), first, "same key, same id");
    assert.notEqual(ids.ref("q", "a>b"), first, "same stem, different key");
    assert.equal(ids.anchor("q", "a<b"), first, "the first definition takes the linked id");
    assert.notEqual(ids.anchor("q", "a<b"), first, "a repeated definition gets a fresh id");
    assert.ok(ids.ref("q", "x".repeat(10_000)).length < 64, "long keys are cut");
  });
});

describe("renderHtml against hostile text", () => {
  it("the checker itself catches an injected page (the tests below can fail)", () => {
    const clean = renderHtml(toReport(buildStory(), []));
    assert.deepEqual(injectionProblems(clean), []);
    const dirty = clean.replace(
      "<main>",
      `<main><p><img src=x onerror=alert(1)><a href=" javascript:alert(1)">x</a></p><script>alert(1)</script><!-- x -->`,
    );
    const problems = injectionProblems(dirty).join("\n");
    for (const needle of ["scripts", "<img>", "onerror", "script URL", "comment"])
      assert.match(problems, new RegExp(needle));
  });

  for (const payload of PAYLOADS) {
    for (const mode of ["append", "replace"] as const) {
      for (const enums of [false, true]) {
        it(`${mode}s ${JSON.stringify(payload)} in every string field${enums ? ", enums included" : ""}`, () => {
          const html = renderHtml(poisonedReport(payload, mode, enums));
          assert.deepEqual(injectionProblems(html), []);
          if (/[<>"'`]/.test(payload)) assert.ok(!html.includes(payload), "payload never appears raw");
          const { text, attributes, byTag } = textAndAttributes(html);
          assert.ok(text.includes(payload), "payload shown back as text");
          assert.ok(
            attributes.some((v) => v.includes(payload)),
            "payload kept as text in attributes (titles)",
          );
          for (const tag of ["h1", "h3", "pre", "mark", "blockquote", "th", "dd", "code", "q"]) {
            assert.ok(byTag(tag).includes(payload), `payload as text inside <${tag}>`);
          }
        });
      }
    }
  }

  it("never links a javascript: source, even when it is the whole field", () => {
    const report = toReport(buildStory(), []);
    report.articles[0]!.source = "javascript:alert(document.cookie)";
    report.articles[1]!.source = "JaVaScRiPt:alert(1)";
    const html = renderHtml(report);
    assert.deepEqual(injectionProblems(html), []);
    assert.ok(textAndAttributes(html).byTag("code").includes("javascript:alert(document.cookie)"));
  });

  it("survives spans that point outside the body or overlap", () => {
    const report = toReport(buildStory(), []);
    const a = report.articles[0]!;
    a.quotes.push({ ...a.quotes[0]!, id: "x:q9", start: -5, end: 1e9 });
    a.quotes.push({ ...a.quotes[0]!, id: "x:q10", start: 40, end: 20 });
    a.figures.push({ text: "NaN", value: 1, unit: null, start: Number.NaN, end: 3 });
    a.figures.push({ ...a.figures[0]!, start: a.quotes[0]!.start + 2, end: a.quotes[0]!.end + 30 });
    const html = renderHtml(report);
    assert.deepEqual(injectionProblems(html), []);
    assert.ok(textAndAttributes(html).text.includes(a.body.slice(0, 60)));
  });
});
