/**
 * The embedded corpus store (SQLite): articles with their records, checkpoints, clusterer
 * features and stories; and corpus ingest into it.
 */
export { exactDuplicateBinding, exactFeatures } from "./assigners.js";
export { clustererFeatures, storyClustererBinding } from "./clusterer.js";
export { DEFAULT_DB_PATH, StoreError } from "./db.js";
export {
  defaultWorkers,
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  ingestCorpus,
  MAX_NAMED_SKIPS,
  type RefineWhen,
} from "./ingest.js";
export {
  keyLogDir,
  nameRefinedStories,
  type RefineStoreProgress,
  type RefineSummary,
  refineStore,
} from "./refine.js";
export { AUTO_REFINE_MAX_ARTICLES, AUTO_REFINE_STALE_SHARE } from "./refine-policy.js";
export { SCHEMA_VERSION } from "./schema.js";
export {
  CorpusStore,
  type Refinement,
  type StoredArticle,
  type StoryOrder,
  type StorySummary,
} from "./store.js";
export type { AssignerBinding, Assignment, CorpusDoc, Placed, StoryAssigner } from "./types.js";
