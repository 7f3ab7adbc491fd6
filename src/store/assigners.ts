/**
 * The simplest honest story assigner: articles with the same text (whitespace and case aside)
 * are one story, the later ones duplicates of the first; every other article is a story of its
 * own. Deterministic, and what the corpus commands use until a real story clusterer is wired in.
 */
import { createHash } from "node:crypto";
import type { AssignerBinding, Assignment, CorpusDoc, Placed, StoryAssigner } from "./types.js";

/** Hex digits of the text hash: 64 bits, ample to tell a corpus's texts apart. */
const TEXT_HASH_HEX = 16;

export interface ExactFeatures {
  text: string;
}

/** Features: a hash of the normalised body. */
export function exactFeatures(doc: CorpusDoc): ExactFeatures {
  const norm = doc.body.replace(/\s+/g, " ").trim().toLowerCase();
  return { text: createHash("sha256").update(norm).digest("hex").slice(0, TEXT_HASH_HEX) };
}

export class ExactDuplicateAssigner implements StoryAssigner {
  private readonly firstByText = new Map<string, { id: string; story: string }>();

  readonly warming = false;

  add(id: string, featuresJson: string): Placed[] {
    return [{ id, assignment: this.assign(id, JSON.parse(featuresJson)) }];
  }

  end(): Placed[] {
    return [];
  }

  private assign(id: string, features: unknown): Assignment {
    const text = (features as ExactFeatures | null)?.text;
    if (typeof text !== "string") throw new Error(`article ${id}: features are not ExactFeatures`);
    const first = this.firstByText.get(text);
    if (first) return { story: first.story, duplicateOf: first.id, nearDuplicateOf: null };
    const story = `s-${text.slice(0, 12)}`;
    this.firstByText.set(text, { id, story });
    return { story, duplicateOf: null, nearDuplicateOf: null };
  }
}

export const exactDuplicateBinding: AssignerBinding = {
  id: "exact-duplicates@1",
  featuresModule: import.meta.url,
  featuresExport: "exactFeatures",
  create: () => new ExactDuplicateAssigner(),
};
