import type { Article, Attribution, Entity, Sentence } from "../model/index.js";

export function findAttributions(_article: Article, _sentences: readonly Sentence[], _entities: readonly Entity[]): Attribution[] {
  throw new Error("read/attributions: not implemented yet");
}
