/** `triangulate analyze`: inputs → one story → summary, JSON and/or HTML report. */
import { loadInputs } from "../ingest/index.js";
import type { InputFailure } from "../model/index.js";
import { analyzePagesTolerant } from "../pipeline.js";
import { renderHtml, renderSummary, toReport } from "../report/index.js";
import { checkTargets, writeReport } from "./output.js";
import { createProgress } from "./progress.js";

export interface AnalyzeFlags {
  json?: string;
  html?: string;
  quiet?: boolean;
  allowPrivateNetwork?: boolean;
}

export interface CliIO {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export const EXIT_OK = 0;
/** Some input could not be read or analysed; the others were. */
export const EXIT_INPUT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Runs the command; returns the exit code. Throws UsageError for bad flags, anything else for a failed run. */
export async function analyzeCommand(inputs: string[], flags: AnalyzeFlags, io: CliIO): Promise<number> {
  const targets = [
    ...(flags.json !== undefined ? [{ flag: "--json", path: flags.json }] : []),
    ...(flags.html !== undefined ? [{ flag: "--html", path: flags.html }] : []),
  ];
  checkTargets(targets);

  const progress = createProgress(io.stderr, flags.quiet ? "quiet" : "auto");
  try {
    const loaded = await loadInputs(inputs, {
      allowPrivateNetwork: flags.allowPrivateNetwork === true,
      onProgress: ({ done, total }) => {
        if (done === 1) progress.update("ingest", 0, total);
        progress.update("ingest", done, total);
      },
    });
    reportFailures(loaded.failures, progress.note);
    if (loaded.pages.length === 0) {
      progress.note("triangulate: no input could be read; nothing to analyse");
      return EXIT_INPUT_FAILED;
    }

    const analysis = analyzePagesTolerant(loaded.pages, {
      onProgress: (p) => progress.update(p.stage, p.done, p.total),
      onFailure: (f) => reportFailures([f], progress.note),
    });
    progress.stop();
    if (analysis.story === null) {
      progress.note("triangulate: no input could be analysed; no report written");
      return EXIT_INPUT_FAILED;
    }
    const failures = [...loaded.failures, ...analysis.failures];
    const report = toReport(analysis.story, failures);

    if (targets.length === 0) io.stdout.write(renderSummary(report));
    if (flags.json !== undefined)
      writeReport(flags.json, "--json", `${JSON.stringify(report, null, 2)}\n`, io.stdout);
    if (flags.html !== undefined) writeReport(flags.html, "--html", renderHtml(report), io.stdout);
    return failures.length > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
  } finally {
    progress.stop();
  }
}

function reportFailures(failures: readonly InputFailure[], note: (line: string) => void): void {
  for (const f of failures) note(`triangulate: cannot ${verbFor(f)} ${f.source}: ${f.reason}`);
}

/** Stage failures say which stage failed in their reason; a plain read failure is about getting the bytes. */
function verbFor(failure: InputFailure): string {
  return /^(?:clean|read) failed/.test(failure.reason) ? "analyse" : "read";
}
