/**
 * `npm run train:stance`: rebuilds the shipped stance model (models/stance.json) from
 * ../shared/data/fnc-1, on all of its training pairs, with the fixed seeds of DEFAULT_TRAIN.
 * Options: --out FILE (another model file), --data DIR (another FNC-1 folder),
 * --split story|holdout (train on that split's training side only, for the bench).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_TRAIN, trainStanceModel } from "../../src/stance/train.js";
import { option, repoRoot } from "../args.js";
import { FNC_DIR, haveFnc, loadFnc, officialHoldOut, storyDev } from "./data.js";

export function main(): number {
  const dir = option("--data") ?? FNC_DIR;
  if (!haveFnc(dir)) {
    console.log(`train:stance skipped: ${dir} has no train_bodies.csv / train_stances.csv`);
    return 0;
  }
  const out = option("--out") ?? join(repoRoot(), "models", "stance.json");
  const split = option("--split");
  const started = Date.now();
  const data = loadFnc(dir);
  let rows = data.rows;
  if (split === "story") rows = storyDev(data).train;
  else if (split === "holdout") {
    const h = officialHoldOut(data, dir);
    if (!h) throw new Error(`${dir}: no splits/ folder for --split holdout`);
    rows = h.train;
  } else if (split !== undefined) throw new Error(`--split ${split}: expected story or holdout`);
  const log = (line: string) => process.stderr.write(`train:stance: ${line}\n`);
  log(
    `${rows.length} pairs, ${data.bodies.length} bodies${split ? ` (${split} split's training side)` : ""}`,
  );
  const model = trainStanceModel({ bodies: data.bodies, rows }, DEFAULT_TRAIN, log);
  const text = `${JSON.stringify(model)}\n`;
  writeFileSync(out, text);
  log(
    `wrote ${out} (${(text.length / 1e6).toFixed(2)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return 0;
}

process.exitCode = main();
