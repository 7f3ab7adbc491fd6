/**
 * Hand-made readings for the triangulate tests: body paragraphs plus quotes, figures, claims and
 * attributions placed by their text, with offsets computed from the body (so they are right).
 */

import type { Attribution, Claim, Figure, Quote, Reading, Sentence } from "../../src/model/index.js";
import { makeArticle } from "../articles.js";

export interface QuoteSpec {
  text: string;
  speaker: string | null;
  cue?: string;
  partial?: boolean;
  /** Which occurrence of `text` in the body, when it appears more than once. */
  nth?: number;
}

export interface FigureSpec {
  text: string;
  value: number;
  unit: string | null;
  measure?: string | null;
  precision?: Figure["precision"];
  upper?: number | null;
}

export interface ReadingSpec {
  id: string;
  title?: string | null;
  outlet?: string | null;
  published?: string | null;
  paragraphs: string[];
  quotes?: QuoteSpec[];
  figures?: FigureSpec[];
  /** Body sentences (verbatim) that are claims; the title, when given, is claim c0. */
  claims?: string[];
  attributions?: { text: string; outlet: string; cue: string }[];
}

function locate(body: string, text: string, nth = 0): number {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = body.indexOf(text, at + 1);
    if (at < 0) throw new Error(`test builder: “${text}” not in body`);
  }
  return at;
}

/** Sentences: split after . ! ? (and a closing mark) before a capital or an opening mark. */
function splitSentences(paragraphs: readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  paragraphs.forEach((p, paragraph) => {
    const boundary = /(?<=[.!?][”"’]?)\s+(?=[A-Z“"‘])/g;
    let start = 0;
    for (const m of p.matchAll(boundary)) {
      out.push({ text: p.slice(start, m.index), start: offset + start, end: offset + m.index, paragraph });
      start = m.index + m[0].length;
    }
    out.push({ text: p.slice(start), start: offset + start, end: offset + p.length, paragraph });
    offset += p.length + 2;
  });
  return out;
}

function sentenceAt(sentences: readonly Sentence[], at: number): number {
  const i = sentences.findIndex((s) => s.start <= at && at < s.end);
  return Math.max(i, 0);
}

export function makeReading(spec: ReadingSpec): Reading {
  const article = makeArticle(spec.paragraphs, {
    id: spec.id,
    source: `${spec.id}.txt`,
    outlet: spec.outlet ?? null,
    title: spec.title ?? null,
    published: spec.published ?? null,
  });
  const body = article.body;
  const sentences = splitSentences(spec.paragraphs);
  const quotes: Quote[] = (spec.quotes ?? []).map((qs, n) => {
    const start = locate(body, qs.text, qs.nth ?? 0);
    return {
      id: `${spec.id}:q${n + 1}`,
      text: qs.text,
      kind: qs.partial ? "partial" : "direct",
      partial: qs.partial ?? false,
      speaker: qs.speaker,
      speakerMention: null,
      speakerEntity: null,
      cue: qs.cue ?? "said",
      cueSpan: null,
      sentence: sentenceAt(sentences, start),
      continues: null,
      start,
      end: start + qs.text.length,
    };
  });
  const figures: Figure[] = (spec.figures ?? []).map((f) => {
    const start = locate(body, f.text);
    return {
      text: f.text,
      value: f.value,
      unit: f.unit,
      measure: f.measure ?? null,
      precision: f.precision ?? "exact",
      upper: f.upper ?? null,
      start,
      end: start + f.text.length,
    };
  });
  const claims: Claim[] = [];
  if (spec.title)
    claims.push({ id: `${spec.id}:c0`, text: spec.title, role: "headline", span: null, sentence: null });
  for (const text of spec.claims ?? []) {
    const start = locate(body, text);
    claims.push({
      id: `${spec.id}:c${claims.length + (spec.title ? 0 : 1)}`,
      text,
      role: "body",
      span: { start, end: start + text.length },
      sentence: sentenceAt(sentences, start),
    });
  }
  const attributions: Attribution[] = (spec.attributions ?? []).map((a) => {
    const start = locate(body, a.text);
    return {
      outlet: a.outlet,
      cue: a.cue,
      start,
      end: start + a.text.length,
      sentence: sentenceAt(sentences, start),
    };
  });
  return { article, sentences, quotes, reported: [], entities: [], figures, dates: [], attributions, claims };
}
