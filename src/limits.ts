/**
 * Every bound on one input, in one place. Any single input, however malformed or huge, is
 * either processed within these or refused with a message naming it.
 */

/** Larger inputs are refused: no news article is near this, and a story holds many of them. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** HTML beyond this is cut before parsing (the article is near the top of any real page). */
export const MAX_HTML_CHARS = 8 * 1024 * 1024;

/** Clean text beyond this is cut before reading; the cut is reported as removed. */
export const MAX_BODY_CHARS = 2 * 1024 * 1024;

/** A line longer than this is split at word boundaries before line classification. */
export const MAX_LINE_CHARS = 20_000;

/** Share of control/NUL bytes above which an input is called binary and refused. */
export const BINARY_CONTROL_SHARE = 0.02;

/** URL fetches. */
export const FETCH_TIMEOUT_MS = 20_000;
export const FETCH_MAX_BYTES = 16 * 1024 * 1024;
export const FETCH_MAX_REDIRECTS = 5;
