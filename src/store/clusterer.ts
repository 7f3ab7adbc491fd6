/**
 * The corpus store's binding to the project's story clusterer (src/corpus): features computed
 * in the ingest workers, stories assigned in ingest order on the committing thread.
 */
import { WarmFeeder } from "../corpus/batch.js";
import { type DocFeatures, docFeatures, type KeyLog, StoryClusterer } from "../corpus/index.js";
import type { AssignerBinding, CorpusDoc, StoryAssigner, StoryRefiner } from "./types.js";

/**
 * The clusterer's features of a stored or freshly cleaned article. The dateline goes back in
 * front of the body, as the article was written and as `triangulate cluster` reads it: the
 * clusterer takes the event's day and place from the lead.
 */
export function clustererFeatures(doc: CorpusDoc): DocFeatures {
  return docFeatures({
    id: doc.id,
    text: doc.dateline ? `${doc.dateline} - ${doc.body}` : doc.body,
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
  dateline: null,
  published: null,
  outlet: null,
  url: null,
  lang: null,
}).v;

export const storyClustererBinding: AssignerBinding = {
  // "/input-2": the features read a JSON line's text as given and put the dateline back in front
  // of a cleaned body (prepare.ts); a store whose features did neither is not resumed with these.
  id: `story-clusterer/features-v${FEATURES_VERSION}/input-2`,
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
  createRefiner(keyLog: KeyLog): StoryRefiner {
    const clusterer = new StoryClusterer({}, keyLog);
    const feeder = new WarmFeeder(clusterer);
    return {
      add(id, features) {
        feeder.push(id, features as DocFeatures);
      },
      refine(onProgress) {
        feeder.end();
        const rounds = clusterer.refine(undefined, onProgress);
        const labels: string[] = [];
        for (let doc = 0; doc < clusterer.docCount; doc++) labels.push(clusterer.storyOf(doc));
        return {
          labels,
          note:
            `moved ${rounds.join(", ")} articles in ${rounds.length} round(s), split ${clusterer.splitStoryCount} ` +
            `stories led by two people, merged ${clusterer.mergedStoryCount} into others, ` +
            `moved ${clusterer.adoptedCount} articles left alone into a story`,
        };
      },
    };
  },
};
