import type { InputFailure, Page } from "../model/index.js";

export interface LoadResult {
  pages: Page[];
  failures: InputFailure[];
}

/** Reads files, directories and URLs into Pages. The I/O edge of the pipeline. */
export async function loadInputs(_sources: readonly string[]): Promise<LoadResult> {
  throw new Error("ingest: not implemented yet");
}
