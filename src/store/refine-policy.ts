/**
 * When `triangulate ingest` refines the stories by default. Apart from the store so that the
 * command line's help can quote it without loading SQLite.
 */

/**
 * By default the stories are refined at the end of an ingest only up to this many articles. A
 * refinement takes every article again on one core: at 100,000 generated articles 169 s of CPU
 * (437 MB at peak) beside 361 s for the ingest over two cores, so at a million it would add
 * about half an hour to a run that must stay within half an hour; at this bound, about seven
 * minutes. Above it ingest says how to refine (--refine), and the listing says the refined
 * layer is missing or stale.
 */
export const AUTO_REFINE_MAX_ARTICLES = 250_000;

/**
 * By default the stories are refined again once this share of the store has arrived since the
 * last refinement: a few new articles are placed well enough through their online story, and
 * refining a large store for each small addition would cost minutes every time.
 */
export const AUTO_REFINE_STALE_SHARE = 0.1;
