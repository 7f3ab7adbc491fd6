import type { Attribution, DateMention, Reading, Sentence } from "../../src/model/index.js";

/**
 * Hand-made Readings for triangulate tests: an id, a publication date and body paragraphs.
 * Sentences are split naively at a full stop, question or exclamation mark followed by a space.
 */
export interface ReadingExtras {
  outlet?: string;
  dates?: { text: string; value: string; granularity?: DateMention["granularity"] }[];
  attributions?: string[];
}

export function makeReading(
  id: string,
  published: string | null,
  paragraphs: string[],
  extras: ReadingExtras = {},
): Reading {
  const body = paragraphs.join("\n\n");
  return {
    article: {
      id,
      source: `${id}.html`,
      outlet: extras.outlet ?? null,
      title: null,
      dek: null,
      byline: null,
      published,
      dateline: null,
      lang: "en",
      paragraphs,
      body,
      removed: [],
    },
    sentences: naiveSentences(paragraphs),
    quotes: [],
    reported: [],
    entities: [],
    figures: [],
    dates: (extras.dates ?? []).map((d) => dateMention(body, d.text, d.value, d.granularity ?? "day")),
    attributions: (extras.attributions ?? []).map(
      (outlet): Attribution => ({ outlet, cue: "according to", sentence: 0, start: 0, end: 0 }),
    ),
    claims: [],
  };
}

function naiveSentences(paragraphs: string[]): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  for (const [paragraph, text] of paragraphs.entries()) {
    for (const m of text.matchAll(/[^.!?]+(?:[.!?]+["”’]?|$)/g)) {
      const lead = m[0].length - m[0].trimStart().length;
      const sentence = m[0].trim();
      if (!sentence) continue;
      const start = offset + m.index + lead;
      out.push({ text: sentence, paragraph, start, end: start + sentence.length });
    }
    offset += text.length + 2;
  }
  return out;
}

function dateMention(
  body: string,
  text: string,
  value: string,
  granularity: DateMention["granularity"],
): DateMention {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`builder: date text not in body: ${text}`);
  return { text, value, relative: false, granularity, start, end: start + text.length };
}
