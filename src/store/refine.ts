/**
 * The store's refined layer: the stories `triangulate cluster` gives for the stored articles.
 *
 * The online assignments are what the clusterer said as each article arrived (the first ones once
 * its warm-up was over); they never change, so a resumed ingest rebuilds the clusterer by
 * replaying them. Refinement is a batch step over
 * all of them: the stored features are fed in ingest order to a fresh clusterer the way
 * `cluster` feeds it (src/corpus/batch.ts), its keys kept in a file beside the store, then
 * refined, and the result is written as a whole layer in one transaction. Until that commit
 * nothing in the store changes, so a refinement killed at any moment leaves the previous layer
 * (or none) as it was, and the next run refines again from the start.
 *
 * Refined stories are named after online stories, so the ids a reader has seen keep meaning
 * what they meant: a refined story takes the id of the oldest online story whose first article
 * it holds (the article that gave the online story its headline). A story refinement split
 * off, holding no online story's first article, is named after the online story that gave it
 * the most articles, with a suffix: `s000042-2`. Online ids never have one, so the two never
 * collide, and online stories started later take numbers no refined story has. Each online
 * story is also mapped to the refined story most of its articles went to: where a later article
 * that the online pass puts in it belongs, and where its id leads once it names no story.
 */
import { mkdirSync, rmSync } from "node:fs";
import type { KeyLog, RefineProgress } from "../corpus/index.js";
import { StoreError } from "./db.js";
import type { CorpusStore, Refinement } from "./store.js";
import type { AssignerBinding } from "./types.js";

/** The replay and the write (articles fed or written of total) around the clusterer's own phases. */
export type RefineStoreProgress =
  | RefineProgress
  | { phase: "replay"; done: number; total: number }
  | { phase: "write"; done: number; total: number };

export interface RefineStoreOptions {
  /** Where the clusterer keeps every article's keys for the rounds; given the directory to use. */
  keyLog: (dir: string) => KeyLog & { close(): void };
  onProgress?: (p: RefineStoreProgress) => void;
}

export interface RefineSummary {
  refinement: Refinement;
  /** Stories of the online pass over the same articles. */
  onlineStories: number;
  /** What the clusterer's rounds did. */
  note: string;
}

/** Articles fed between two progress reports of the replay. */
const REPLAY_PROGRESS_EVERY = 1_000;

/** The directory beside the store that holds a refinement's key log while it runs. */
export function keyLogDir(store: CorpusStore): string {
  return `${store.path}.refine`;
}

/**
 * Refines every stored article and replaces the refined layer. The caller holds the store's
 * writer mark (CorpusStore.acquireWriter), so no article arrives meanwhile.
 */
export function refineStore(
  store: CorpusStore,
  binding: AssignerBinding,
  options: RefineStoreOptions,
): RefineSummary {
  if (binding.createRefiner === undefined) {
    throw new StoreError(`the stories of ${store.path} cannot be refined: ${binding.id} has no refinement`);
  }
  const started = Date.now();
  // Left behind only by a refinement killed outright; the writer mark says none is running now.
  const dir = keyLogDir(store);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const log = options.keyLog(dir);
  try {
    const refiner = binding.createRefiner(log);
    const total = store.articleCount();
    const seqs = new Int32Array(total);
    const online: string[] = new Array<string>(total);
    let n = 0;
    options.onProgress?.({ phase: "replay", done: 0, total });
    for (const row of store.replay()) {
      if (n === total) break; // the count was taken first; nothing can arrive under the writer mark
      refiner.add(row.id, JSON.parse(row.features));
      seqs[n] = row.seq;
      online[n] = row.story ?? "";
      n++;
      if (n % REPLAY_PROGRESS_EVERY === 0 || n === total)
        options.onProgress?.({ phase: "replay", done: n, total });
    }
    const { labels, note } = refiner.refine(options.onProgress);
    if (labels.length !== n)
      throw new Error(`refinement returned ${labels.length} stories for ${n} articles`);
    const named = nameRefinedStories(online.slice(0, n), labels);
    options.onProgress?.({ phase: "write", done: 0, total: n });
    store.writeRefinedLayer({
      throughArticle: n > 0 ? seqs[n - 1]! : 0,
      assignments: (function* () {
        for (let i = 0; i < n; i++) yield [seqs[i]!, named.stories[i]!] as const;
      })(),
      map: named.map,
      moved: named.moved,
      assigner: binding.id,
      seconds: (Date.now() - started) / 1000,
    });
    options.onProgress?.({ phase: "write", done: n, total: n });
    return {
      refinement: store.refinement()!,
      onlineStories: new Set(online.slice(0, n)).size,
      note,
    };
  } finally {
    log.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface NamedStories {
  /** Per article, in the order given: its refined story's public id. */
  stories: string[];
  /** Every online story and the refined story most of its articles went to. */
  map: [string, string][];
  /** Articles whose refined story id is not their online story id. */
  moved: number;
}

/**
 * Public ids of the refined stories (see the file comment): `online[i]` is article i's online
 * story, `labels[i]` its refined story under any labels, in ingest order. Ties go to the story
 * seen first, so the names depend on nothing but the two partitions.
 */
export function nameRefinedStories(online: readonly string[], labels: readonly string[]): NamedStories {
  const n = online.length;
  // Stories as small integers, numbered by their first article.
  const onlineIds: string[] = [];
  const onlineOf = new Map<string, number>();
  const refinedOf = new Map<string, number>();
  const o = new Int32Array(n);
  const r = new Int32Array(n);
  const founded: number[] = []; // per refined story, the oldest online story whose first article it holds, or -1
  for (let i = 0; i < n; i++) {
    let ri = refinedOf.get(labels[i]!);
    if (ri === undefined) {
      ri = refinedOf.size;
      refinedOf.set(labels[i]!, ri);
      founded.push(-1);
    }
    let oi = onlineOf.get(online[i]!);
    if (oi === undefined) {
      oi = onlineIds.length;
      onlineOf.set(online[i]!, oi);
      onlineIds.push(online[i]!);
      if (founded[ri] === -1) founded[ri] = oi;
    }
    o[i] = oi;
    r[i] = ri;
  }
  const refinedCount = refinedOf.size;
  // Articles per (online story, refined story); most online stories meet one or two refined ones.
  const shared = new Map<number, Map<number, number>>();
  for (let i = 0; i < n; i++) {
    let row = shared.get(o[i]!);
    if (row === undefined) {
      row = new Map();
      shared.set(o[i]!, row);
    }
    row.set(r[i]!, (row.get(r[i]!) ?? 0) + 1);
  }
  // Where most of each online story went, and which online story gave each refined story the most.
  const dest = new Int32Array(onlineIds.length);
  const biggest = new Int32Array(refinedCount).fill(-1);
  const biggestShare = new Int32Array(refinedCount);
  for (let oi = 0; oi < onlineIds.length; oi++) {
    let best = -1;
    let bestCount = 0;
    for (const [ri, count] of shared.get(oi)!) {
      if (count > bestCount || (count === bestCount && ri < best)) {
        best = ri;
        bestCount = count;
      }
      if (count > biggestShare[ri]!) {
        biggest[ri] = oi;
        biggestShare[ri] = count;
      }
    }
    dest[oi] = best;
  }
  const names: string[] = new Array<string>(refinedCount);
  const suffix = new Map<string, number>();
  for (let ri = 0; ri < refinedCount; ri++) {
    if (founded[ri]! >= 0) {
      names[ri] = onlineIds[founded[ri]!]!;
      continue;
    }
    const base = onlineIds[biggest[ri]!]!;
    const k = (suffix.get(base) ?? 1) + 1;
    suffix.set(base, k);
    names[ri] = `${base}-${k}`;
  }
  const stories: string[] = new Array<string>(n);
  let moved = 0;
  for (let i = 0; i < n; i++) {
    stories[i] = names[r[i]!]!;
    if (stories[i] !== online[i]) moved++;
  }
  const map: [string, string][] = onlineIds.map((id, oi) => [id, names[dest[oi]!]!]);
  return { stories, map, moved };
}
