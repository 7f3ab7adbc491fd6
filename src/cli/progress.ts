/**
 * Progress on stderr, for every command: a run is a series of labelled steps (the stages of
 * `analyze`; the replay, rounds, merge, adoption and write of the refinement). On a terminal a
 * bar per step with its rate and time left; otherwise a line when a step ends and, for a step
 * that takes long, a line every so often in between, so a log shows the run moving without
 * flooding; nothing when quiet. Never touches stdout, which carries reports.
 */
import cliProgress from "cli-progress";
import type { RefinePhase, RefineProgress } from "../corpus/index.js";

export interface StepUpdate {
  /** Names the step; done = 0 or a new label starts it, done = total ends it. */
  label: string;
  /** What done and total count ("articles", "stories"). */
  unit: string;
  done: number;
  total: number;
  /** What the step has done so far, shown beside the count ("3 moved"). */
  detail?: string;
}

export interface StepProgress {
  update(p: StepUpdate): void;
  /** Prints a progress line (after the prefix) without garbling a bar that is being drawn; silent when quiet. */
  note(line: string): void;
  /** Prints a line the user must see (a failed input) as given, even when quiet, after any bar being drawn. */
  warn(line: string): void;
  stop(): void;
}

/** The bar is redrawn at most this often. */
const BAR_REDRAW_MS = 200;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  if (m < 60) return `${m}m${String(s).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

const n = (x: number) => x.toLocaleString("en-US");

/** Slow steps (pages that take seconds each) keep a decimal, so their rate does not read as 0/s. */
const rate = (perSecond: number) => (perSecond < 10 ? perSecond.toFixed(1) : n(Math.round(perSecond)));

/** Items per second since the step started, and the time left at that rate. */
function pace(p: StepUpdate, startedMs: number): { perSecond: number; eta: string } {
  const seconds = (Date.now() - startedMs) / 1000;
  const perSecond = seconds > 0 ? p.done / seconds : 0;
  const eta =
    p.done >= p.total ? "0.0 s" : perSecond > 0 ? formatDuration((p.total - p.done) / perSecond) : "--";
  return { perSecond, eta };
}

/**
 * `prefix` starts every plain line ("triangulate: refine: "); `plainEveryMs` is the least time
 * between two plain lines of one step.
 */
export function createStepProgress(
  stream: NodeJS.WriteStream,
  options: { quiet: boolean; prefix: string; plainEveryMs: number },
): StepProgress {
  const write = (line: string) => stream.write(`${options.prefix}${line}\n`);
  const warn = (line: string) => stream.write(`${line}\n`);
  if (options.quiet) return { update() {}, note() {}, warn, stop() {} };
  return stream.isTTY ? barSteps(stream, write, warn) : plainSteps(write, warn, options.plainEveryMs);
}

type Line = (line: string) => void;

function plainSteps(write: Line, warn: Line, everyMs: number): StepProgress {
  let label: string | null = null;
  // The step whose end was printed: a repeated end report of it prints nothing; done = 0 starts it again.
  let ended: string | null = null;
  let started = Date.now();
  let last = Date.now();
  return {
    update(p) {
      const now = Date.now();
      if (p.done === 0) ended = null;
      else if (p.label === ended) return;
      if (p.label !== label || p.done === 0) {
        label = p.label;
        started = now;
        last = now;
      }
      const detail = p.detail === undefined ? "" : `, ${p.detail}`;
      if (p.done >= p.total) {
        write(
          `${p.label}: ${n(p.done)}/${n(p.total)} ${p.unit}${detail} (${formatDuration((now - started) / 1000)})`,
        );
        label = null;
        ended = p.label;
        return;
      }
      if (now - last < everyMs) return;
      last = now;
      const { perSecond, eta } = pace(p, started);
      const share = Math.floor((100 * p.done) / p.total);
      write(
        `${p.label}: ${n(p.done)}/${n(p.total)} ${p.unit} (${share}%)${detail}, ${rate(perSecond)}/s, ETA ${eta}`,
      );
    },
    note: write,
    warn,
    stop() {},
  };
}

function barSteps(stream: NodeJS.WriteStream, write: Line, warn: Line): StepProgress {
  let bar: cliProgress.SingleBar | null = null;
  let label: string | null = null;
  let ended: string | null = null;
  let started = Date.now();
  let lastDraw = 0;
  // Lines written while a bar is drawn would be overdrawn by it; they wait until the step ends.
  const pending: (() => void)[] = [];
  const finish = () => {
    bar?.stop();
    bar = null;
    label = null;
    for (const print of pending.splice(0)) print();
  };
  const payload = (p: StepUpdate) => {
    const { perSecond, eta } = pace(p, started);
    return { detail: p.detail ?? "", rate: rate(perSecond), etaText: eta };
  };
  return {
    update(p) {
      if (p.total === 0) return;
      if (p.done === 0) ended = null;
      else if (p.label === ended) return;
      if (bar === null || p.label !== label || p.done === 0) {
        finish();
        label = p.label;
        started = Date.now();
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: `${p.label.padEnd(24)} [{bar}] {percentage}% | {value}/{total} ${p.unit} | {detail} | {rate}/s | ETA {etaText}`,
            hideCursor: false,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(p.total, p.done, payload(p));
      } else {
        const now = Date.now();
        if (now - lastDraw < BAR_REDRAW_MS && p.done < p.total) return;
        lastDraw = now;
        bar.update(p.done, payload(p));
      }
      if (p.done >= p.total) {
        ended = p.label;
        finish();
      }
    },
    note(line) {
      if (bar) pending.push(() => write(line));
      else write(line);
    },
    warn(line) {
      if (bar) pending.push(() => warn(line));
      else warn(line);
    },
    stop: finish,
  };
}

/** What a step of the clusterer's refinement is called, counts, and has done so far. */
const REFINE_STEP: Record<RefinePhase, { label: string; unit: string; moved: string }> = {
  reassign: { label: "round", unit: "articles", moved: "moved" },
  merge: { label: "merging stories alike", unit: "stories", moved: "merged" },
  adopt: { label: "placing lone articles", unit: "articles", moved: "moved" },
};

/**
 * The clusterer's refinement progress as steps. Its rounds are numbered from 1 across both of
 * its series of rounds (before and after the split), as a reader counts them.
 */
export function refineSteps(steps: StepProgress): (p: RefineProgress) => void {
  let rounds = 0;
  return (p) => {
    const step = REFINE_STEP[p.phase];
    if (p.phase === "reassign" && p.done === 0) rounds++;
    steps.update({
      label: p.phase === "reassign" ? `${step.label} ${rounds}` : step.label,
      unit: step.unit,
      done: p.done,
      total: p.total,
      detail: `${n(p.moved)} ${step.moved}`,
    });
  };
}

export type StageName = "ingest" | "clean" | "read" | "triangulate";

/** The stages of `analyze`, `read`, `clean` and `story`, as steps. */
export interface ProgressSink {
  /** done = 0 starts a stage; done = total ends it. */
  update(stage: StageName, done: number, total: number): void;
  /** A line the user must see (a failed input), printed even when quiet. */
  note(line: string): void;
  stop(): void;
}

const STAGE_STEP: Record<StageName, { label: string; unit: string }> = {
  ingest: { label: "reading inputs", unit: "inputs" },
  clean: { label: "cleaning pages", unit: "pages" },
  read: { label: "reading articles", unit: "articles" },
  triangulate: { label: "lining up versions", unit: "story" },
};

/** A story's stages take seconds, not minutes: a plain line this often shows a slow one moving. */
const STAGE_PLAIN_EVERY_MS = 2000;

export function createProgress(stream: NodeJS.WriteStream, mode: "auto" | "quiet"): ProgressSink {
  const steps = createStepProgress(stream, {
    quiet: mode === "quiet",
    prefix: "triangulate: ",
    plainEveryMs: STAGE_PLAIN_EVERY_MS,
  });
  return {
    update(stage, done, total) {
      if (total > 0) steps.update({ ...STAGE_STEP[stage], done, total });
    },
    note: steps.warn,
    stop: steps.stop,
  };
}
