/**
 * The corpus store's binding to the project's story clusterer (src/corpus): features computed
 * in the ingest workers, stories assigned in ingest order on the committing thread.
 */
import { type DocFeatures, docFeatures, StoryClusterer } from "../corpus/index.js";
import type { AssignerBinding, CorpusDoc, StoryAssigner } from "./types.js";

/** The clusterer's features of a stored or freshly cleaned article. */
export function clustererFeatures(doc: CorpusDoc): DocFeatures {
  return docFeatures({
    id: doc.id,
    text: doc.body,
    title: doc.title,
    published: doc.published,
    url: doc.url,
  });
}

/** Features version of this build: features stored under another are not replayed into this clusterer. */
const FEATURES_VERSION = clustererFeatures({
  id: "version-probe",
  title: null,
  body: "version probe",
  published: null,
  outlet: null,
  url: null,
  lang: null,
}).v;

export const storyClustererBinding: AssignerBinding = {
  id: `story-clusterer/features-v${FEATURES_VERSION}`,
  featuresModule: import.meta.url,
  featuresExport: "clustererFeatures",
  create(): StoryAssigner {
    const clusterer = new StoryClusterer();
    return {
      add(id, features) {
        const r = clusterer.add(id, features as DocFeatures);
        return { story: r.story, duplicateOf: r.duplicateOf, nearDuplicateOf: r.nearDuplicateOf };
      },
    };
  },
};
