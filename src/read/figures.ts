import type { Article, Figure, Sentence } from "../model/index.js";

export function findFigures(_article: Article, _sentences: readonly Sentence[]): Figure[] {
  throw new Error("read/figures: not implemented yet");
}
