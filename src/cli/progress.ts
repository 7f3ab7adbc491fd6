/**
 * Progress on stderr: a bar per stage on a terminal, a few plain lines when stderr is a file
 * or a pipe (CI logs, redirects), nothing when quiet. Never touches stdout, which carries reports.
 */
import cliProgress from "cli-progress";

export type StageName = "ingest" | "clean" | "read" | "triangulate";

export interface ProgressSink {
  /** done = 0 starts a stage; done = total ends it. */
  update(stage: StageName, done: number, total: number): void;
  /** Prints a line without garbling a bar that is being drawn. */
  note(line: string): void;
  stop(): void;
}

const STAGE_LABEL: Record<StageName, string> = {
  ingest: "reading inputs",
  clean: "cleaning pages",
  read: "reading articles",
  triangulate: "lining up versions",
};

/** Plain-line mode reports a long stage every this share of its items, so a log shows it moving without flooding. */
const PLAIN_STEP_SHARE = 0.1;

/** Below this many items a stage is quick; plain mode then prints only its end. */
const PLAIN_STEP_MIN_ITEMS = 50;

export function createProgress(stream: NodeJS.WriteStream, mode: "auto" | "quiet"): ProgressSink {
  if (mode === "quiet") return { update() {}, note: (line) => stream.write(`${line}\n`), stop() {} };
  return stream.isTTY ? barProgress(stream) : plainProgress(stream);
}

function plainProgress(stream: NodeJS.WriteStream): ProgressSink {
  let started = Date.now();
  let nextReport = 0;
  return {
    update(stage, done, total) {
      if (done === 0) {
        started = Date.now();
        nextReport = total >= PLAIN_STEP_MIN_ITEMS ? Math.ceil(total * PLAIN_STEP_SHARE) : total;
        return;
      }
      if (done < nextReport) return;
      if (done >= total) {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        stream.write(`triangulate: ${STAGE_LABEL[stage]}: ${done}/${total} done (${seconds} s)\n`);
        nextReport = Number.POSITIVE_INFINITY;
        return;
      }
      stream.write(`triangulate: ${STAGE_LABEL[stage]}: ${done}/${total}\n`);
      nextReport = Math.min(total, done + Math.ceil(total * PLAIN_STEP_SHARE));
    },
    note: (line) => stream.write(`${line}\n`),
    stop() {},
  };
}

function barProgress(stream: NodeJS.WriteStream): ProgressSink {
  let bar: cliProgress.SingleBar | null = null;
  // Lines written while a bar is drawn would be overdrawn by it; they wait until the stage ends.
  const pending: string[] = [];
  const finish = () => {
    bar?.stop();
    bar = null;
    for (const line of pending.splice(0)) stream.write(`${line}\n`);
  };
  return {
    update(stage, done, total) {
      if (total === 0) return;
      if (done === 0 || bar === null) {
        finish();
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: `${STAGE_LABEL[stage].padEnd(18)} [{bar}] {value}/{total}`,
            clearOnComplete: false,
            hideCursor: false,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      } else {
        bar.update(done);
      }
      if (done >= total) finish();
    },
    note(line) {
      if (bar) pending.push(line);
      else stream.write(`${line}\n`);
    },
    stop: finish,
  };
}
