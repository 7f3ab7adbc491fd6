/**
 * `triangulate stance`: FNC-1's evaluation interface. Reads a bodies CSV (`Body ID`,
 * `articleBody`) and a stances CSV (`Headline`, `Body ID`; a `Stance` column is ignored), and
 * writes `Headline,Body ID,Stance` rows in the input's order, each stance the claim-support
 * model's (agree, disagree, discuss, unrelated). Each body is read once.
 */
import { writeFileSync } from "node:fs";
import {
  type BodyRow,
  checkBodiesPresent,
  formatPredictions,
  readBodies,
  readStances,
  type StanceRow,
} from "../stance/csv.js";
import type { Stance } from "../stance/labels.js";
import { defaultModelPath, loadPredictor, type StancePredictor } from "../stance/model.js";
import { type CliIO, EXIT_INPUT_FAILED, EXIT_OK } from "./analyze.js";
import { checkTargets, STDOUT, UsageError } from "./output.js";

export interface StanceFlags {
  bodies?: string;
  stances?: string;
  out?: string;
  model?: string;
  quiet?: boolean;
}

/** Progress lines every this share of the pairs (stderr is usually a log here, not a terminal). */
const PROGRESS_SHARE = 0.1;

/** Runs of fewer pairs than this print no progress lines: they end in a blink. */
const PROGRESS_MIN_PAIRS = 1000;

/** Body IDs named in the note about bodies the reader failed on, at most. */
const MAX_NAMED_FAILURES = 10;

export function predictStances(
  predictor: StancePredictor,
  bodies: readonly BodyRow[],
  rows: readonly StanceRow[],
  onProgress?: (done: number, total: number) => void,
): { stances: Stance[]; readFailures: string[] } {
  const text = new Map(bodies.map((b) => [b.id, b.text]));
  const step = Math.max(1, Math.ceil(rows.length * PROGRESS_SHARE));
  const readFailures = new Set<string>();
  const stances = rows.map((r, i) => {
    const body = predictor.body(r.bodyId, text.get(r.bodyId) ?? "");
    if (body.readFailed) readFailures.add(r.bodyId);
    const { stance } = predictor.predict(predictor.headline(r.headline), body);
    if (onProgress && ((i + 1) % step === 0 || i + 1 === rows.length)) onProgress(i + 1, rows.length);
    return stance;
  });
  return { stances, readFailures: [...readFailures] };
}

export async function stanceCommand(flags: StanceFlags, io: CliIO): Promise<number> {
  const { bodies: bodiesPath, stances: stancesPath, out } = flags;
  if (!bodiesPath || !stancesPath || !out)
    throw new UsageError("stance needs --bodies BODIES.csv --stances STANCES.csv --out PRED.csv");
  checkTargets([{ flag: "--out", path: out }]);
  const note = (line: string) => {
    if (!flags.quiet) io.stderr.write(`triangulate: ${line}\n`);
  };
  const started = Date.now();
  let bodies: BodyRow[];
  let rows: StanceRow[];
  let predictor: StancePredictor;
  try {
    bodies = readBodies(bodiesPath);
    rows = readStances(stancesPath);
    checkBodiesPresent(rows, new Map(bodies.map((b) => [b.id, b])), stancesPath, bodiesPath);
    predictor = loadPredictor(flags.model ?? defaultModelPath());
  } catch (err) {
    // Unreadable files, bad columns, missing bodies (StanceInputError) and an unusable model file.
    io.stderr.write(`triangulate: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_INPUT_FAILED;
  }
  note(`stance: ${rows.length} pairs, ${bodies.length} bodies`);
  const quiet = flags.quiet || rows.length < PROGRESS_MIN_PAIRS;
  const { stances, readFailures } = predictStances(
    predictor,
    bodies,
    rows,
    quiet
      ? undefined
      : (done, total) =>
          note(`stance: ${done}/${total} pairs (${((Date.now() - started) / 1000).toFixed(1)} s)`),
  );
  if (readFailures.length > 0) {
    const named = readFailures.slice(0, MAX_NAMED_FAILURES).join(", ");
    const more =
      readFailures.length > MAX_NAMED_FAILURES
        ? `, and ${readFailures.length - MAX_NAMED_FAILURES} more`
        : "";
    io.stderr.write(
      `triangulate: the reader failed on ${readFailures.length} bod${readFailures.length > 1 ? "ies" : "y"} (Body ID ${named}${more}); scored on their words alone\n`,
    );
  }
  const csv = formatPredictions(rows.map((r, i) => ({ ...r, stance: stances[i] as Stance })));
  if (out === STDOUT) io.stdout.write(csv);
  else {
    try {
      writeFileSync(out, csv);
    } catch (err) {
      throw new UsageError(`--out ${out}: cannot write (${(err as Error).message})`);
    }
  }
  note(`stance: wrote ${rows.length} predictions (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return EXIT_OK;
}
