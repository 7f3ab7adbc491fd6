import type { Article, Entity, Sentence } from "../model/index.js";

export function findEntities(_article: Article, _sentences: readonly Sentence[]): Entity[] {
  throw new Error("read/entities: not implemented yet");
}
