/**
 * `npm run bench:stance`: the stance model scored through the evaluation interface
 * (`triangulate stance`) on FNC-1 training data, as the competition test set is scored:
 * the relative FNC-1 score, the confusion matrix, per-class F1 and macro-F1, and pairs per second.
 *
 * 1. The story-split dev set (the honest estimate): a model trained on the other stories only.
 * 2. The official hold-out split, for reference: it leaks stories, so it flatters.
 * 3. Speed: 25,000 pairs over 900 bodies (dev pairs repeated), the competition test set's size.
 *
 * Skips cleanly when ../shared/data/fnc-1 is absent. Options: --only story|holdout|speed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type BodyRow,
  formatBodies,
  formatStances,
  parseStances,
  type StanceRow,
} from "../../src/stance/csv.js";
import { formatScores, type Stance, scoreStances } from "../../src/stance/labels.js";
import { seededRandom } from "../../src/stance/split.js";
import { DEFAULT_TRAIN, trainStanceModel } from "../../src/stance/train.js";
import { option, repoRoot } from "../args.js";
import { type FncData, haveFnc, loadFnc, type NamedSplit, officialHoldOut, storyDev } from "./data.js";

/** The competition test set's size: the CLI must handle it in under two minutes here. */
const SPEED_PAIRS = 25_000;
const SPEED_BODIES = 900;
const SPEED_BUDGET_SECONDS = 120;

interface CliRun {
  predicted: Stance[];
  seconds: number;
}

function runCli(dir: string, bodies: readonly BodyRow[], rows: readonly StanceRow[], model: string): CliRun {
  const bodiesPath = join(dir, "bodies.csv");
  const stancesPath = join(dir, "stances.csv");
  const outPath = join(dir, "pred.csv");
  writeFileSync(bodiesPath, formatBodies(bodies));
  writeFileSync(stancesPath, formatStances(rows));
  const main = join(repoRoot(), "dist", "src", "cli", "main.js");
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [
      main,
      "stance",
      "--bodies",
      bodiesPath,
      "--stances",
      stancesPath,
      "--out",
      outPath,
      "--model",
      model,
      "-q",
    ],
    { encoding: "utf8" },
  );
  const seconds = (Date.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`triangulate stance exited ${r.status}: ${r.stderr}`);
  const predicted = parseStances(readFileSync(outPath, "utf8"), outPath).map((p, i) => {
    const want = rows[i];
    if (!want || p.headline !== want.headline || p.bodyId !== want.bodyId)
      throw new Error(`prediction row ${i + 1} is not input row ${i + 1}`);
    if (p.stance === null) throw new Error(`prediction row ${i + 1} has no stance`);
    return p.stance;
  });
  return { predicted, seconds };
}

function bodiesOf(data: FncData, rows: readonly StanceRow[]): BodyRow[] {
  const used = new Set(rows.map((r) => r.bodyId));
  return data.bodies.filter((b) => used.has(b.id));
}

function scoreSplit(data: FncData, split: NamedSplit, dir: string): string {
  const started = Date.now();
  const model = trainStanceModel({ bodies: data.bodies, rows: split.train }, DEFAULT_TRAIN);
  const modelPath = join(dir, `model-${split.name.split(" ")[0]}.json`);
  writeFileSync(modelPath, JSON.stringify(model));
  const trainSeconds = (Date.now() - started) / 1000;
  const run = runCli(dir, bodiesOf(data, split.dev), split.dev, modelPath);
  const gold = split.dev.map((r) => r.stance as Stance);
  console.log(
    `\n== ${split.name}: ${split.dev.length} pairs; trained on ${split.train.length} (${split.note})`,
  );
  console.log(formatScores(scoreStances(gold, run.predicted)).trimEnd());
  console.log(
    `training ${trainSeconds.toFixed(1)} s; CLI ${run.seconds.toFixed(1)} s, ${(split.dev.length / run.seconds).toFixed(0)} pairs/s (model load and body reading included)`,
  );
  return modelPath;
}

/** Dev pairs repeated (in a seeded order) to the test set's size, over at most SPEED_BODIES bodies. */
function speedRun(data: FncData, split: NamedSplit, model: string, dir: string): void {
  const random = seededRandom(7);
  const bodyIds = [...new Set(split.dev.map((r) => r.bodyId))].slice(0, SPEED_BODIES);
  const keep = new Set(bodyIds);
  const pool = split.dev.filter((r) => keep.has(r.bodyId));
  const rows: StanceRow[] = [];
  while (rows.length < SPEED_PAIRS) rows.push(pool[Math.floor(random() * pool.length)] as StanceRow);
  // Pad the body count to the test set's with bodies from training (read but never paired).
  const extra = data.bodies
    .filter((b) => !keep.has(b.id))
    .slice(0, Math.max(0, SPEED_BODIES - bodyIds.length));
  const bodies = [...bodiesOf(data, rows), ...extra];
  const run = runCli(dir, bodies, rows, model);
  console.log(
    `\n== speed: ${rows.length} pairs, ${bodies.length} bodies: ${run.seconds.toFixed(1)} s (${(rows.length / run.seconds).toFixed(0)} pairs/s; budget ${SPEED_BUDGET_SECONDS} s)`,
  );
}

function main(): void {
  if (!haveFnc()) {
    console.log("bench:stance skipped: ../shared/data/fnc-1 is absent");
    return;
  }
  const only = option("--only");
  const data = loadFnc();
  const dir = mkdtempSync(join(tmpdir(), "triangulate-stance-"));
  try {
    const story = storyDev(data);
    let storyModel: string | null = null;
    if (!only || only === "story" || only === "speed") storyModel = scoreSplit(data, story, dir);
    if (!only || only === "holdout") {
      const holdout = officialHoldOut(data);
      if (holdout) scoreSplit(data, holdout, dir);
      else console.log("\n== official hold-out: splits/ absent, skipped");
    }
    if ((!only || only === "speed") && storyModel) speedRun(data, story, storyModel, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
