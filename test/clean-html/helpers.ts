import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanHtml } from "../../src/clean/html/index.js";
import type { Article, Page } from "../../src/model/index.js";
import { FIXTURES_DIR } from "../paths.js";

export function htmlPage(content: string, overrides: Partial<Page> = {}): Page {
  return {
    id: "page",
    source: "page.html",
    format: "html",
    content,
    encoding: "utf-8",
    encodingEvidence: "default",
    url: null,
    ...overrides,
  };
}

export function clean(content: string, overrides: Partial<Page> = {}): Article {
  return cleanHtml(htmlPage(content, overrides));
}

export function fixture(...path: string[]): string {
  return readFileSync(join(FIXTURES_DIR, ...path), "utf8");
}

/** The removed parts of a kind, each part's lines. */
export function removedOf(article: Article, kind: string): string[] {
  return article.removed.filter((r) => r.kind === kind).flatMap((r) => r.text.split("\n"));
}

/** Every removed line, with its kind. */
export function removedLines(article: Article): { kind: string; line: string }[] {
  return article.removed.flatMap((r) => r.text.split("\n").map((line) => ({ kind: r.kind, line })));
}

/** Wraps paragraphs in a minimal page with an article. */
export function articlePage(paragraphs: readonly string[], head = "", extra = ""): string {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join("\n");
  return `<!doctype html><html><head>${head}</head><body>${extra}<article>${body}</article></body></html>`;
}

export const PARAGRAPHS = [
  "The city council approved a 15 million euro flood barrier for the harbour district on Tuesday after months of debate.",
  "“We cannot wait for the next storm surge,” the mayor told councillors, according to the local news agency.",
  "Opposition leaders said residents of the district were never consulted about the route of the wall or its cost.",
  "Construction is expected to begin next spring and to take about three years, officials said on Wednesday.",
];
