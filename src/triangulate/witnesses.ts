import type { Reading, ReusePair, Witness } from "../model/index.js";

export function findWitnesses(_readings: readonly Reading[], _reuse: readonly ReusePair[]): Witness[] {
  throw new Error("triangulate/witnesses: not implemented yet");
}
