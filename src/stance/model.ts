/**
 * The stance model: two boosted-tree stages over the pair features. The first says whether the
 * body is about the headline's claim at all (related vs unrelated); the second, trained on related
 * pairs only, says how (agree, disagree, discuss). The decision multiplies the second stage's
 * probabilities by per-class weights chosen on story-split cross-validation, since disagree is
 * rare (1.7% of pairs) and a plain argmax all but never says it.
 *
 * The model is one JSON file (models/stance.json), loaded once per process, from disk, with no
 * network.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Reading } from "../model/index.js";
import { featureNames, pairFeatures } from "./features.js";
import { type GbdtModel, predictProba } from "./gbdt.js";
import { RELATED_STANCES, type RelatedStance, type Stance } from "./labels.js";
import {
  type BodyDoc,
  bodyDoc,
  bodyDocOf,
  type HeadlineDoc,
  headlineDoc,
  type Vocabulary,
  type VocabularyCounts,
  vocabularyFrom,
} from "./text.js";

export const MODEL_FORMAT = "triangulate/stance-model@1";

export interface Decision {
  /** P(related) at or above this is related. */
  relatedThreshold: number;
  /** Multipliers on the second stage's probabilities before the argmax. */
  weights: Record<RelatedStance, number>;
}

export interface StanceModelFile {
  format: typeof MODEL_FORMAT;
  features: string[];
  vocabulary: VocabularyCounts;
  related: GbdtModel;
  stance: GbdtModel;
  decision: Decision;
  /** How it was trained (seed, parameters, data), for the record. */
  training: Record<string, unknown>;
}

export interface StanceProbabilities {
  related: number;
  agree: number;
  disagree: number;
  discuss: number;
}

/** Bodies kept read at once; an evaluation file has ~900, a story a handful. */
const BODY_CACHE_LIMIT = 5000;
/** Headlines kept tokenised at once. */
const HEADLINE_CACHE_LIMIT = 50_000;

export class StancePredictor {
  readonly vocab: Vocabulary;
  private readonly bodies = new Map<string, BodyDoc>();
  private readonly headlines = new Map<string, HeadlineDoc>();
  private readonly readings = new WeakMap<Reading, BodyDoc>();

  constructor(readonly model: StanceModelFile) {
    this.vocab = vocabularyFrom(model.vocabulary);
    const names = featureNames();
    if (names.length !== model.features.length || names.some((n, i) => n !== model.features[i])) {
      throw new Error(
        `stance model: its features (${model.features.length}) are not this version's (${names.length}); retrain with npm run train:stance`,
      );
    }
  }

  /** A body read once and kept, keyed by the caller's id (the same id must mean the same text). */
  body(id: string, text: string): BodyDoc {
    let doc = this.bodies.get(id);
    if (!doc) {
      if (this.bodies.size >= BODY_CACHE_LIMIT) this.bodies.clear();
      doc = bodyDoc(id, text, this.vocab);
      this.bodies.set(id, doc);
    }
    return doc;
  }

  headline(text: string): HeadlineDoc {
    let doc = this.headlines.get(text);
    if (!doc) {
      if (this.headlines.size >= HEADLINE_CACHE_LIMIT) this.headlines.clear();
      doc = headlineDoc(text, this.vocab);
      this.headlines.set(text, doc);
    }
    return doc;
  }

  /** A story's article as a body, from the reading it already has; kept while the reading lives. */
  readingBody(reading: Reading): BodyDoc {
    let doc = this.readings.get(reading);
    if (!doc) {
      doc = bodyDocOf(reading.article.id, reading, this.vocab);
      this.readings.set(reading, doc);
    }
    return doc;
  }

  features(h: HeadlineDoc, b: BodyDoc): number[] {
    return pairFeatures(h, b, this.vocab).values;
  }

  probabilities(h: HeadlineDoc, b: BodyDoc): StanceProbabilities {
    return probabilitiesOf(this.model, this.features(h, b));
  }

  /** The decided stance; the second stage runs only for related pairs. */
  predict(h: HeadlineDoc, b: BodyDoc): { stance: Stance; p: StanceProbabilities } {
    const p = probabilitiesOf(this.model, this.features(h, b), 0, true);
    return { stance: decide(p, this.model.decision), p };
  }
}

/**
 * Both stages' probabilities. With `skipUnrelated`, a pair the first stage finds unrelated under
 * the decision's threshold skips the second stage (its related-stance probabilities are NaN): most
 * pairs of an evaluation file are unrelated, and the second stage is the costlier.
 */
export function probabilitiesOf(
  model: StanceModelFile,
  x: ArrayLike<number>,
  offset = 0,
  skipUnrelated = false,
): StanceProbabilities {
  const related = predictProba(model.related, x, offset)[0] as number;
  if (skipUnrelated && related < model.decision.relatedThreshold)
    return { related, agree: Number.NaN, disagree: Number.NaN, discuss: Number.NaN };
  const [agree, disagree, discuss] = predictProba(model.stance, x, offset) as [number, number, number];
  return { related, agree, disagree, discuss };
}

export function decide(p: StanceProbabilities, d: Decision): Stance {
  if (p.related < d.relatedThreshold) return "unrelated";
  let best: RelatedStance = "discuss";
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const s of RELATED_STANCES) {
    const v = p[s] * d.weights[s];
    if (v > bestScore) {
      bestScore = v;
      best = s;
    }
  }
  return best;
}

/** The shipped model, next to package.json: dist/src/stance/model.js is three levels below the root. */
export function defaultModelPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, "..", "..", "..", "models", "stance.json");
}

export function parseModel(text: string, name: string): StanceModelFile {
  let model: StanceModelFile;
  try {
    model = JSON.parse(text) as StanceModelFile;
  } catch (err) {
    throw new Error(`${name}: not a stance model (${(err as Error).message})`);
  }
  if (model.format !== MODEL_FORMAT) throw new Error(`${name}: not a stance model (format ${model.format})`);
  return model;
}

export function loadPredictor(path: string): StancePredictor {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new Error(`${path}: cannot read the stance model (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  return new StancePredictor(parseModel(text, path));
}

let shipped: StancePredictor | null | undefined;

/**
 * The shipped model, loaded on first use and kept for the process; null when the package has no
 * model file (a checkout before training), so callers can fall back to their own evidence.
 */
export function shippedPredictor(): StancePredictor | null {
  if (shipped === undefined) {
    const path = defaultModelPath();
    shipped = existsSync(path) ? loadPredictor(path) : null;
  }
  return shipped;
}
