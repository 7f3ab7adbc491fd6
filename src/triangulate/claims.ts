import type { ClaimSupport, FigureGroup, QuoteGroup, Reading, Witness } from "../model/index.js";

export interface ClaimEvidence {
  quoteGroups: readonly QuoteGroup[];
  figureGroups: readonly FigureGroup[];
  witnesses: readonly Witness[];
}

export function supportClaims(_readings: readonly Reading[], _evidence: ClaimEvidence): ClaimSupport[] {
  throw new Error("triangulate/claims: not implemented yet");
}
