import type { Coverage, QuoteGroup, Reading, ReusePair, Witness } from "../model/index.js";

export interface CoverageInput {
  quoteGroups: readonly QuoteGroup[];
  reuse: readonly ReusePair[];
  witnesses: readonly Witness[];
}

export function findCoverage(_readings: readonly Reading[], _input: CoverageInput): Coverage[] {
  throw new Error("triangulate/coverage: not implemented yet");
}
