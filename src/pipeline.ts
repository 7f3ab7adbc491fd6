import { cleanPage } from "./clean/index.js";
import type { Page, Story } from "./model/index.js";
import { readArticle } from "./read/index.js";
import { triangulate } from "./triangulate/index.js";

export interface StageProgress {
  stage: "clean" | "read" | "triangulate";
  done: number;
  total: number;
}

/** The whole story path after ingest: clean → read → triangulate. Pure and deterministic. */
export function analyzePages(pages: readonly Page[], onProgress?: (p: StageProgress) => void): Story {
  const readings = pages.map((page, i) => {
    const reading = readArticle(cleanPage(page));
    onProgress?.({ stage: "read", done: i + 1, total: pages.length });
    return reading;
  });
  const story = triangulate(readings);
  onProgress?.({ stage: "triangulate", done: 1, total: 1 });
  return story;
}
