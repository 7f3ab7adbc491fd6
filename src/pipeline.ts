import { cleanPage } from "./clean/index.js";
import type { Article, InputFailure, Page, Reading, Story } from "./model/index.js";
import { readArticle } from "./read/index.js";
import { triangulate } from "./triangulate/index.js";

/** Emitted once with done = 0 when a stage starts, then after each item (page, or the whole story). */
export interface StageProgress {
  stage: "clean" | "read" | "triangulate";
  done: number;
  total: number;
}

export type ProgressListener = (p: StageProgress) => void;

/** A stage failed on one page (or, for triangulate, on the story); names the input so the user knows which. */
export class StageError extends Error {
  override name = "StageError";
  /** What went wrong, without the input's name: "clean failed: ...". */
  readonly reason: string;
  constructor(
    readonly stage: StageProgress["stage"],
    readonly source: string | null,
    override readonly cause: unknown,
  ) {
    const reason = `${stage} failed: ${cause instanceof Error ? cause.message : String(cause)}`;
    super(source ? `${source}: ${reason}` : reason);
    this.reason = reason;
  }
}

/** The whole story path after ingest: clean → read → triangulate. Pure and deterministic; throws StageError. */
export function analyzePages(pages: readonly Page[], onProgress?: ProgressListener): Story {
  const total = pages.length;
  onProgress?.({ stage: "clean", done: 0, total });
  const articles = pages.map((page, i) =>
    step("clean", page.source, i, total, onProgress, () => cleanPage(page)),
  );
  onProgress?.({ stage: "read", done: 0, total });
  const readings = articles.map((article, i) =>
    step("read", pages[i]!.source, i, total, onProgress, () => readArticle(article)),
  );
  return triangulateStage(readings, onProgress);
}

export interface TolerantAnalysis {
  /** Null when no page made it through clean and read: there is no story to line up. */
  story: Story | null;
  /** Pages a stage could not process; the rest of the story is still analysed. */
  failures: InputFailure[];
}

export interface TolerantOptions {
  onProgress?: ProgressListener;
  /** Called as soon as a page fails, so the user hears of it before a long story finishes. */
  onFailure?: (failure: InputFailure) => void;
}

/**
 * Like analyzePages, but a page that makes clean or read throw is dropped and reported as a
 * failed input instead of sinking the whole story: one pathological page must not hide what
 * the other versions say. A triangulate failure concerns the story and still throws.
 */
export function analyzePagesTolerant(
  pages: readonly Page[],
  options: TolerantOptions = {},
): TolerantAnalysis {
  const { onProgress, onFailure } = options;
  const failures: InputFailure[] = [];
  const recordFailure = (err: unknown) => {
    if (!(err instanceof StageError)) throw err;
    const failure = { source: err.source ?? "", reason: err.reason };
    failures.push(failure);
    onFailure?.(failure);
  };
  const cleaned: { page: Page; article: Article }[] = [];
  onProgress?.({ stage: "clean", done: 0, total: pages.length });
  pages.forEach((page, i) => {
    try {
      cleaned.push({
        page,
        article: step("clean", page.source, i, pages.length, onProgress, () => cleanPage(page)),
      });
    } catch (err) {
      recordFailure(err);
    }
  });
  const readings: Reading[] = [];
  onProgress?.({ stage: "read", done: 0, total: cleaned.length });
  cleaned.forEach(({ page, article }, i) => {
    try {
      readings.push(step("read", page.source, i, cleaned.length, onProgress, () => readArticle(article)));
    } catch (err) {
      recordFailure(err);
    }
  });
  if (readings.length === 0) return { story: null, failures };
  return { story: triangulateStage(readings, onProgress), failures };
}

/** One page through one stage; progress is reported whether it succeeded or not, so bars always complete. */
function step<R>(
  stage: "clean" | "read",
  source: string,
  index: number,
  total: number,
  onProgress: ProgressListener | undefined,
  fn: () => R,
): R {
  try {
    return fn();
  } catch (err) {
    throw new StageError(stage, source, err);
  } finally {
    onProgress?.({ stage, done: index + 1, total });
  }
}

function triangulateStage(readings: Reading[], onProgress: ProgressListener | undefined): Story {
  let story: Story;
  onProgress?.({ stage: "triangulate", done: 0, total: 1 });
  try {
    story = triangulate(readings);
  } catch (err) {
    throw new StageError("triangulate", null, err);
  }
  onProgress?.({ stage: "triangulate", done: 1, total: 1 });
  return story;
}
