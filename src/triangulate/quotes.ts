import type { QuoteGroup, Reading } from "../model/index.js";

export function groupQuotes(_readings: readonly Reading[]): QuoteGroup[] {
  throw new Error("triangulate/quotes: not implemented yet");
}
