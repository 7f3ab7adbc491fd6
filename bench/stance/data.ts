/**
 * FNC-1 training data for the stance bench and training script: where it is, and the splits
 * (the honest story split, and the official hold-out split, which leaks stories).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type BodyRow, readBodies, readStances, type StanceRow } from "../../src/stance/csv.js";
import { storySplit } from "../../src/stance/split.js";
import { repoRoot } from "../args.js";

export const FNC_DIR = resolve(repoRoot(), "..", "shared", "data", "fnc-1");

export function haveFnc(dir = FNC_DIR): boolean {
  return existsSync(join(dir, "train_bodies.csv")) && existsSync(join(dir, "train_stances.csv"));
}

export interface FncData {
  bodies: BodyRow[];
  rows: StanceRow[];
}

export function loadFnc(dir = FNC_DIR): FncData {
  return {
    bodies: readBodies(join(dir, "train_bodies.csv")),
    rows: readStances(join(dir, "train_stances.csv")),
  };
}

export interface NamedSplit {
  name: string;
  train: StanceRow[];
  dev: StanceRow[];
  note: string;
}

/** The honest split: one fifth of the stories held out, unrelated pairs drawn among them (split.ts). */
export function storyDev(data: FncData): NamedSplit {
  const s = storySplit(data.rows);
  return {
    name: "story-split dev",
    train: s.train.map((i) => data.rows[i] as StanceRow),
    dev: s.dev,
    note: `no story in both; ${s.dropped} train pairs joining the two sides dropped; dev unrelated pairs drawn among dev stories`,
  };
}

function ids(path: string): Set<string> {
  return new Set(
    readFileSync(path, "utf8")
      .split(/\s+/)
      .filter((x) => x !== ""),
  );
}

/** The official baseline's hold-out split by Body ID: 132 of its 136 stories are also in training. */
export function officialHoldOut(data: FncData, dir = FNC_DIR): NamedSplit | null {
  const trainPath = join(dir, "splits", "training_ids.txt");
  const holdPath = join(dir, "splits", "hold_out_ids.txt");
  if (!existsSync(trainPath) || !existsSync(holdPath)) return null;
  const train = ids(trainPath);
  const hold = ids(holdPath);
  return {
    name: "official hold-out (LEAKY: its stories are in training)",
    train: data.rows.filter((r) => train.has(r.bodyId)),
    dev: data.rows.filter((r) => hold.has(r.bodyId)),
    note: "split by Body ID, as the FNC-1 baseline; optimistic",
  };
}
