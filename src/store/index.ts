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
} from "./ingest.js";
export { SCHEMA_VERSION } from "./schema.js";
export { CorpusStore, type StoredArticle, type StoryOrder, type StorySummary } from "./store.js";
export type { AssignerBinding, Assignment, CorpusDoc, StoryAssigner } from "./types.js";
