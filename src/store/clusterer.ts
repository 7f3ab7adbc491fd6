/**
 * The corpus store's binding to the project's story clusterer (src/corpus): features computed
 * in the ingest workers, stories assigned in ingest order on the committing thread, the first
 * WARMUP_DOCS articles once their statistics are all counted, as `triangulate cluster --online`
 * assigns them (WarmFeeder), so the store's online stories are that command's.
 */
import { type Added, WARMUP_DOCS, WarmFeeder } from "../corpus/batch.js";
import {
  type CompiledFeatures,
  compileFeatures,
  type DocFeatures,
  docFeatures,
  type KeyLog,
  StoryClusterer,
} from "../corpus/index.js";
import type { AssignerBinding, CorpusDoc, Placed, StoryAssigner, StoryRefiner } from "./types.js";

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

/** The features as the clusterer reads them, computed in the ingest workers (AssignerBinding.compileExport). */
export function compileClustererFeatures(features: unknown): CompiledFeatures {
  return compileFeatures(features as DocFeatures);
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

function placed(added: readonly Added[]): Placed[] {
  return added.map(({ id, result: r }) => ({
    id,
    assignment: { story: r.story, duplicateOf: r.duplicateOf, nearDuplicateOf: r.nearDuplicateOf },
  }));
}

/**
 * The clusterer fed as WarmFeeder feeds it. The articles held back are kept compiled (typed
 * arrays, some 4 KB each) or, replayed from the store, as their features' JSON: 17 MB for the
 * 5,000 first generated articles, where the parsed features took 84 MB.
 */
class WarmOnlinePass implements StoryAssigner {
  private readonly clusterer = new StoryClusterer();
  private readonly held: { id: string; f: CompiledFeatures | string }[] = [];
  private warm = true;

  get warming(): boolean {
    return this.warm;
  }

  add(id: string, featuresJson: string, compiled?: unknown): Placed[] {
    const f =
      compiled !== undefined
        ? (compiled as CompiledFeatures)
        : compileFeatures(JSON.parse(featuresJson) as DocFeatures);
    if (!this.warm) return placed([{ id, result: this.clusterer.add(id, f) }]);
    this.clusterer.observe(f);
    this.held.push({ id, f: compiled !== undefined ? f : featuresJson });
    return this.held.length >= WARMUP_DOCS ? this.end() : [];
  }

  end(): Placed[] {
    this.warm = false;
    return placed(
      this.held.splice(0).map(({ id, f }) => ({
        id,
        result: this.clusterer.add(id, typeof f === "string" ? (JSON.parse(f) as DocFeatures) : f, {
          observed: true,
        }),
      })),
    );
  }
}

export const storyClustererBinding: AssignerBinding = {
  // "/input-2": the features read a JSON line's text as given and put the dateline back in front
  // of a cleaned body (prepare.ts); a store whose features did neither is not resumed with these.
  // "/warm-1": the online pass counts the first articles' statistics before clustering them, as
  // `cluster --online` does (WarmFeeder); a store clustered without is not resumed with it.
  id: `story-clusterer/features-v${FEATURES_VERSION}/input-2/warm-1`,
  featuresModule: import.meta.url,
  featuresExport: "clustererFeatures",
  compileExport: "compileClustererFeatures",
  create: () => new WarmOnlinePass(),
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
