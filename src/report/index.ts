/**
 * The report stage: the lined-up story as the JSON contract, as a self-contained HTML page, and
 * as a plain-text summary for the terminal. All three are pure and deterministic.
 */
export { renderHtml } from "./html.js";
export { toReport } from "./json.js";
export { renderSummary } from "./summary.js";
