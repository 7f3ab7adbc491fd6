import type { Reading, Story } from "../model/index.js";

/** Pure: the readings of one story in, the versions lined up out. */
export function triangulate(_readings: readonly Reading[]): Story {
  throw new Error("triangulate: not implemented yet");
}
