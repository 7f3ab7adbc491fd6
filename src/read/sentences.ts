import type { Article, Sentence } from "../model/index.js";

export function splitSentences(_article: Article): Sentence[] {
  throw new Error("read/sentences: not implemented yet");
}
