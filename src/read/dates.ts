import type { Article, DateMention, Sentence } from "../model/index.js";

export function findDates(_article: Article, _sentences: readonly Sentence[]): DateMention[] {
  throw new Error("read/dates: not implemented yet");
}
