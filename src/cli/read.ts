/**
 * `triangulate read`: each input read on its own, one JSON line per input: quotes with speaker and
 * cue, entities, figures, dates and claims, every span an offset into the text. With --raw the
 * file's text is the article as given (the reader's evaluation interface); without it each page
 * is cleaned first and offsets point into the clean body, which the line then carries.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { cleanPage } from "../clean/index.js";
import { inputIdBase, streamInputs } from "../ingest/index.js";
import type { Article, InputFailure, Reading } from "../model/index.js";
import { readArticle } from "../read/index.js";
import { rawArticle } from "../read/raw.js";
import { type CliIO, EXIT_INPUT_FAILED, EXIT_OK } from "./analyze.js";
import { checkTargets, STDOUT, UsageError } from "./output.js";
import { createProgress } from "./progress.js";

export interface ReadFlags {
  jsonl?: string;
  raw?: boolean;
  quiet?: boolean;
  allowPrivateNetwork?: boolean;
}

interface SpanOut {
  text: string;
  start: number;
  end: number;
}

export interface ReadRecord {
  id: string;
  source: string;
  quotes: {
    text: string;
    start: number;
    end: number;
    kind: "direct" | "partial" | "indirect";
    speaker: string | null;
    speakerStart: number | null;
    speakerEnd: number | null;
    cue: string | null;
    cueStart: number | null;
    cueEnd: number | null;
  }[];
  entities: { name: string; type: string; mentions: SpanOut[] }[];
  figures: (SpanOut & {
    value: number;
    unit: string | null;
    measure: string | null;
    precision: string;
    upper: number | null;
  })[];
  dates: (SpanOut & { value: string | null })[];
  claims: SpanOut[];
  /** The clean body the offsets point into (without --raw). */
  body?: string;
  /** Set when the input could not be read; the line is still written, so lines match inputs. */
  error?: string;
}

/** Offsets of a reading, mapped from the body to the text the user gave. */
export function toReadRecord(
  reading: Reading,
  source: string,
  text: string,
  toText: (i: number) => number,
): ReadRecord {
  const span = (s: { start: number; end: number }): SpanOut => {
    const start = toText(s.start);
    const end = toText(s.end);
    return { text: text.slice(start, end), start, end };
  };
  return {
    id: reading.article.id,
    source,
    quotes: [...reading.quotes, ...reading.reported].map((q) => {
      const content = span(q);
      const speaker = q.speakerMention === null ? null : span(q.speakerMention);
      const cue = q.cueSpan === null ? null : span(q.cueSpan);
      return {
        text: content.text,
        start: content.start,
        end: content.end,
        kind: q.kind,
        speaker: q.speaker,
        speakerStart: speaker?.start ?? null,
        speakerEnd: speaker?.end ?? null,
        cue: q.cue,
        cueStart: cue?.start ?? null,
        cueEnd: cue?.end ?? null,
      };
    }),
    entities: reading.entities.map((e) => ({ name: e.name, type: e.type, mentions: e.mentions.map(span) })),
    figures: reading.figures.map((f) => ({
      ...span(f),
      value: f.value,
      unit: f.unit,
      measure: f.measure,
      precision: f.precision,
      upper: f.upper,
    })),
    dates: reading.dates.map((d) => ({ ...span(d), value: d.value })),
    claims: reading.claims.filter((c) => c.span !== null).map((c) => span(c.span!)),
  };
}

function failedRecord(failure: InputFailure, id: string): ReadRecord {
  return {
    id,
    source: failure.source,
    quotes: [],
    entities: [],
    figures: [],
    dates: [],
    claims: [],
    error: failure.reason,
  };
}

export async function readCommand(inputs: string[], flags: ReadFlags, io: CliIO): Promise<number> {
  if (flags.jsonl === undefined) throw new UsageError("read needs --jsonl FILE (or --jsonl - for stdout)");
  checkTargets([{ flag: "--jsonl", path: flags.jsonl }]);
  const out: Writable = flags.jsonl === STDOUT ? io.stdout : createWriteStream(flags.jsonl);
  const progress = createProgress(io.stderr, flags.quiet ? "quiet" : "auto");
  let failed = 0;
  let written = 0;
  let total = 0;
  const write = async (record: ReadRecord) => {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, "drain");
    written++;
    if (total > 0) progress.update("read", Math.min(written, total), total);
  };
  const fail = async (failure: InputFailure, id: string, verb: string) => {
    failed++;
    progress.note(`triangulate: cannot ${verb} ${failure.source}: ${failure.reason}`);
    await write(failedRecord(failure, id));
  };
  try {
    const stream = streamInputs(inputs, {
      allowPrivateNetwork: flags.allowPrivateNetwork === true,
      onProgress: ({ total: t }) => {
        if (total === 0) progress.update("read", 0, t);
        total = t;
      },
    });
    for await (const item of stream) {
      if ("failure" in item) {
        await fail(item.failure, inputIdBase(item.failure.source), "read");
        continue;
      }
      const page = item.page;
      let record: ReadRecord;
      try {
        if (flags.raw) {
          const raw = rawArticle(page.id, page.source, page.content);
          record = toReadRecord(readArticle(raw.article), page.source, page.content, raw.toText);
        } else {
          const article: Article = cleanPage(page);
          record = {
            ...toReadRecord(readArticle(article), page.source, article.body, (i) => i),
            body: article.body,
          };
        }
      } catch (err) {
        const reason = `read failed: ${err instanceof Error ? err.message : String(err)}`;
        await fail({ source: page.source, reason }, page.id, "read");
        continue;
      }
      await write(record);
    }
  } finally {
    progress.stop();
    if (out !== io.stdout) {
      out.end();
      await once(out, "close");
    }
  }
  return failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
}
