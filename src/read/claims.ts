import type { Article, Claim, Quote, Sentence } from "../model/index.js";

export function findClaims(_article: Article, _sentences: readonly Sentence[], _quotes: readonly Quote[]): Claim[] {
  throw new Error("read/claims: not implemented yet");
}
