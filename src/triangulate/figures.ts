import type { FigureGroup, Reading } from "../model/index.js";

export function groupFigures(_readings: readonly Reading[]): FigureGroup[] {
  throw new Error("triangulate/figures: not implemented yet");
}
