/**
 * `triangulate story ID`: one story of the corpus store through the story engine (read →
 * triangulate → report), the same report `triangulate analyze` writes for a story given by hand.
 */
import type { InputFailure, Reading, Report } from "../model/index.js";
import { StageError } from "../pipeline.js";
import { readArticle } from "../read/index.js";
import { escapeText } from "../report/escape.js";
import { renderHtml, renderSummary, toReport } from "../report/index.js";
import { CorpusStore, DEFAULT_DB_PATH, StoreError } from "../store/index.js";
import { triangulate } from "../triangulate/index.js";
import { type CliIO, EXIT_INPUT_FAILED, EXIT_OK } from "./analyze.js";
import { checkTargets, UsageError, writeReport } from "./output.js";
import { createProgress } from "./progress.js";
import { requireStore } from "./stories.js";

export interface StoryFlags {
  db?: string;
  json?: string;
  html?: string;
  maxVersions?: string;
  quiet?: boolean;
}

/**
 * Most versions a report lines up, by default. Triangulation compares every pair of versions, so its cost
 * grows with the square of their number; 200 versions is a few minutes of work and more than a
 * reader can follow. Independent versions are taken first, duplicates after, each in ingest order.
 */
export const MAX_STORY_VERSIONS = 200;

/** Past this many versions the pairwise comparisons take hours; --max-versions refuses more. */
const MAX_VERSIONS_ACCEPTED = 2000;

/** Similar ids offered when the one given is unknown. */
const SUGGESTIONS = 5;

/** What the JSON report adds about the corpus (fields beyond the contract, which allows additions). */
export interface CorpusNote {
  story: string;
  db: string;
  /** Articles in the story. */
  size: number;
  /** Articles lined up in this report. */
  analysed: number;
  /** Set when the story was larger than MAX_STORY_VERSIONS. */
  cappedAt: number | null;
}

/** Runs the command; returns the exit code. A store that cannot be used is named, with exit 1. */
export async function storyCommand(id: string, flags: StoryFlags, io: CliIO): Promise<number> {
  try {
    return await storyCommandInner(id, flags, io);
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    io.stderr.write(`triangulate: ${err.message}\n`);
    return EXIT_INPUT_FAILED;
  }
}

async function storyCommandInner(asked: string, flags: StoryFlags, io: CliIO): Promise<number> {
  let id = asked;
  const dbPath = flags.db ?? DEFAULT_DB_PATH;
  const targets = [
    ...(flags.json !== undefined ? [{ flag: "--json", path: flags.json }] : []),
    ...(flags.html !== undefined ? [{ flag: "--html", path: flags.html }] : []),
  ];
  const cap = maxVersions(flags.maxVersions);
  checkTargets(targets);
  requireStore(dbPath);
  const store = CorpusStore.open(dbPath, { readonly: true });
  let stored: ReturnType<CorpusStore["storyArticles"]>;
  let size: number;
  try {
    let story = store.story(id);
    // An id listed before a refinement merged its story into another still finds its articles.
    const movedTo = story === null ? store.refinedStoryOf(id) : null;
    if (movedTo !== null) {
      io.stderr.write(
        `triangulate: story ${asked} was merged into story ${movedTo} when the stories were refined\n`,
      );
      story = store.story(movedTo);
      id = movedTo;
    }
    if (story === null) {
      const like = store.storiesLike(id.slice(0, Math.max(1, id.length - 2)), SUGGESTIONS);
      io.stderr.write(
        `triangulate: no story ${JSON.stringify(id)} in ${dbPath}` +
          (like.length > 0 ? ` (similar: ${like.join(", ")})` : "") +
          `; list them with \`triangulate stories${dbPath === DEFAULT_DB_PATH ? "" : ` --db ${dbPath}`}\`\n`,
      );
      return EXIT_INPUT_FAILED;
    }
    size = story.size;
    stored = store.storyArticles(id, cap);
  } finally {
    store.close();
  }

  const capped = size > cap;
  const progress = createProgress(io.stderr, flags.quiet ? "quiet" : "auto");
  if (capped) {
    progress.note(
      `triangulate: story ${id} has ${size} articles; lining up the first ${stored.length} (independent versions first)`,
    );
  }
  const failures: InputFailure[] = [];
  const readings: Reading[] = [];
  try {
    progress.update("read", 0, stored.length);
    stored.forEach(({ article }, i) => {
      try {
        readings.push(readArticle(article));
      } catch (err) {
        const failure = { source: article.source, reason: new StageError("read", null, err).reason };
        failures.push(failure);
        progress.note(`triangulate: cannot analyse ${failure.source}: ${failure.reason}`);
      }
      progress.update("read", i + 1, stored.length);
    });
    if (readings.length === 0) {
      progress.note(`triangulate: no article of story ${id} could be analysed; no report written`);
      return EXIT_INPUT_FAILED;
    }
    progress.update("triangulate", 0, 1);
    let lined: ReturnType<typeof triangulate>;
    try {
      lined = triangulate(readings);
    } catch (err) {
      throw new StageError("triangulate", null, err);
    }
    progress.update("triangulate", 1, 1);
    progress.stop();

    const note: CorpusNote = {
      story: id,
      db: dbPath,
      size,
      analysed: readings.length,
      cappedAt: capped ? cap : null,
    };
    const report = toReport(lined, failures);
    if (targets.length === 0) io.stdout.write(`${corpusLine(note)}\n${renderSummary(report)}`);
    if (flags.json !== undefined) {
      writeReport(flags.json, "--json", `${JSON.stringify(withCorpus(report, note), null, 2)}\n`, io.stdout);
    }
    if (flags.html !== undefined)
      writeReport(flags.html, "--html", htmlWithNote(renderHtml(report), note), io.stdout);
    return failures.length > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
  } finally {
    progress.stop();
  }
}

function maxVersions(value: string | undefined): number {
  if (value === undefined) return MAX_STORY_VERSIONS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_VERSIONS_ACCEPTED) {
    throw new UsageError(
      `--max-versions must be a whole number from 1 to ${MAX_VERSIONS_ACCEPTED} (got ${value})`,
    );
  }
  return n;
}

/** The contract's report with a `corpus` field added (after the contract's fields, which keep their order). */
export function withCorpus(report: Report, note: CorpusNote): Report & { corpus: CorpusNote } {
  return { ...report, corpus: note };
}

function corpusLine(note: CorpusNote): string {
  const base = `Story ${note.story} of ${note.db}: ${note.size} articles`;
  return note.cappedAt === null
    ? `${base}.`
    : `${base}; this report lines up ${note.analysed} of them (at most ${note.cappedAt}, independent versions first).`;
}

/** The report page with one line saying which corpus story it is and, for a giant story, that it was capped. */
function htmlWithNote(html: string, note: CorpusNote): string {
  const line = `<p class="corpus-note">${escapeText(corpusLine(note))}</p>\n`;
  const at = html.indexOf("<body>\n");
  return at < 0 ? html : `${html.slice(0, at + 7)}${line}${html.slice(at + 7)}`;
}
