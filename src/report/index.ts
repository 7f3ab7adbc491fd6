import type { InputFailure, Report, Story } from "../model/index.js";

/** Pure: the story as the JSON contract (SPEC.md, triangulate/story@1). */
export function toReport(_story: Story, _failures: readonly InputFailure[]): Report {
  throw new Error("report: not implemented yet");
}

/** Pure: a single-file HTML report needing no network. */
export function renderHtml(_report: Report): string {
  throw new Error("report: not implemented yet");
}

/** Pure: the readable plain-text summary printed when no output flag is given. */
export function renderSummary(_report: Report): string {
  throw new Error("report: not implemented yet");
}
