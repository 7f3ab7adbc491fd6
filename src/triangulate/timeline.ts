import type { Reading, ReusePair, Timeline } from "../model/index.js";

export function buildTimeline(_readings: readonly Reading[], _reuse: readonly ReusePair[]): Timeline {
  throw new Error("triangulate/timeline: not implemented yet");
}
