/**
 * The corpus side's clustering API: duplicates, near-duplicates and stories, one article at a
 * time, for the store (`triangulate ingest`) and for `triangulate cluster`.
 *
 * ## Use
 *
 * ```ts
 * import { docFeatures, StoryClusterer } from "../corpus/index.js";
 *
 * const clusterer = new StoryClusterer();
 * for (const article of arrivals) {
 *   const f = docFeatures({ id, text, title, published, url }); // pure, ~0.2 ms; store f as JSON
 *   const r = clusterer.add(id, f);  // { story: "s000042", duplicateOf, nearDuplicateOf, created, score }
 *   // persist r.story (and the duplicate links) beside the article
 * }
 * ```
 *
 * ## Contract
 *
 * - `docFeatures(doc)` is pure and deterministic (same input, same JSON, on any machine). Its
 *   result is plain JSON (`DocFeatures`, a few kilobytes; `v` is FEATURES_VERSION, so a store
 *   can tell stale features after an upgrade and recompute them). It may run in worker threads.
 * - `compileFeatures(f)` is the part of `add` that reads the features (key hashing, signature
 *   decoding): pure, typed arrays out, so a worker thread can run it and `add` take its result
 *   instead of `f`, with the same verdicts.
 * - `StoryClusterer.add(id, f)` must be called from one thread, in arrival order. It returns at
 *   once; nothing is revised later: an article's story never changes after add returns, so the
 *   store writes it once. Story ids are "s" and six or more digits, numbered in creation order.
 * - Duplicates are linked, not dropped: an exact duplicate (same canonical URL, or same
 *   normalised text of at least MIN_DUPLICATE_WORDS words) gets `duplicateOf` = the earliest
 *   such article and joins its story; a near-duplicate (MinHash Jaccard estimate ≥
 *   NEAR_DUPLICATE_JACCARD against an article sharing an LSH band) gets `nearDuplicateOf` and
 *   joins its story. Both count in their story's size but do not move its centroid.
 * - Deterministic for a given insertion order, so the state after a restart is rebuilt by
 *   replaying the stored features in their original order through a fresh clusterer (no
 *   snapshot format to keep in step): the same ids come out. About 0.1 ms an article.
 * - Which story an article joins can depend on arrival order (an online clusterer); duplicate
 *   links do not (the earliest copy is always the one named).
 * - A batch that has every article in hand (`triangulate cluster`) may then call `refine()`:
 *   rounds of reassignment that let each article be judged against all the stories, so its
 *   story can change after add returned. It needs the KeyLog given to the constructor (in memory,
 *   or a file for large inputs); read the refined stories with `storyOf(n)`. The store's online
 *   state is still rebuilt by replaying the adds alone; its refined layer comes from a fresh
 *   clusterer fed the stored features as `cluster` feeds it (batch.ts), then refined, and is
 *   stored beside the online assignments (src/store/refine.ts).
 * - Memory is bounded per article and per story: LSH buckets hold at most LSH_BUCKET_CAP
 *   articles, postings are walked newest first up to POSTINGS_WALK, a story keeps a capped
 *   centroid and is listed under at most INDEX_KEYS_PER_STORY keys, the document-frequency table
 *   holds at most MAX_COUNTED_KEYS keys. Roughly 0.5 KB an article plus 1–2 KB a story.
 *   An article is compared with at most MAX_CANDIDATES stories, never with all of them.
 *
 * Knobs (every threshold, with the reason for its value) are in knobs.ts.
 */
export {
  type AddResult,
  BLOCKS,
  type BlockName,
  type ClusterParams,
  type CompiledFeatures,
  compileFeatures,
  DEFAULT_PARAMS,
  type DocKeys,
  type KeyLog,
  MemoryKeyLog,
  type RefinePhase,
  type RefineProgress,
  StoryClusterer,
} from "./clusterer.js";
export { type CorpusDoc, type DocFeatures, docFeatures, minhashOf, type Weighted } from "./features.js";
export { canonicalUrl } from "./url.js";
