/**
 * How a batch that has its articles in hand feeds the story clusterer: the term statistics of
 * the first WARMUP_DOCS articles are counted before any of them is clustered, so that the first
 * stories are scored with settled IDF weights (the clusterer's observe/add). `triangulate
 * cluster` and the store's refined layer both feed the clusterer through this one class, so the
 * store's refined stories are the ones `cluster` gives for the same articles in the same order.
 */
import type { AddResult, StoryClusterer } from "./clusterer.js";
import type { DocFeatures } from "./features.js";

/** Articles whose term statistics are counted before any is clustered: enough for stable IDF weights (a few thousand articles), little enough to hold (about 3 KB of features each). */
export const WARMUP_DOCS = 5_000;

export interface Added {
  id: string;
  result: AddResult;
}

export class WarmFeeder {
  private readonly held: { id: string; f: DocFeatures }[] = [];
  private warm = true;

  constructor(
    private readonly clusterer: StoryClusterer,
    private readonly warmup: number = WARMUP_DOCS,
  ) {}

  /** Still counting the first articles' term statistics: none of them is clustered yet. */
  get warming(): boolean {
    return this.warm;
  }

  /** Takes the next article; returns the articles this call clustered, in order (none while warming). */
  push(id: string, f: DocFeatures): Added[] {
    if (!this.warm) return [{ id, result: this.clusterer.add(id, f) }];
    this.clusterer.observe(f);
    this.held.push({ id, f });
    return this.held.length >= this.warmup ? this.end() : [];
  }

  /** Clusters the articles still held back (the input ended during the warm-up). */
  end(): Added[] {
    this.warm = false;
    return this.held
      .splice(0)
      .map(({ id, f }) => ({ id, result: this.clusterer.add(id, f, { observed: true }) }));
  }
}
