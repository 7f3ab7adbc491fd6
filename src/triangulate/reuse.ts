import type { Reading, ReusePair } from "../model/index.js";

export function findReuse(_readings: readonly Reading[]): ReusePair[] {
  throw new Error("triangulate/reuse: not implemented yet");
}
