/** Where reports go: checked before any analysis so a typo in a path costs nothing. */
import { accessSync, constants, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** Bad usage the user can fix (exit 2); the message names what to fix. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const STDOUT = "-";

/** Throws UsageError when path cannot be written: parent missing or not a directory, a directory in the way, no permission. */
export function checkWritable(path: string, flag: string): void {
  if (path === STDOUT) return;
  if (path.trim() === "") throw new UsageError(`${flag} needs a file name`);
  const target = resolve(path);
  const existing = statOrNull(target);
  if (existing?.isDirectory()) throw new UsageError(`${flag} ${path}: is a directory`);
  const parent = dirname(target);
  const parentStat = statOrNull(parent);
  if (!parentStat) throw new UsageError(`${flag} ${path}: directory ${dirname(path)} does not exist`);
  if (!parentStat.isDirectory()) throw new UsageError(`${flag} ${path}: ${dirname(path)} is not a directory`);
  try {
    accessSync(existing ? target : parent, constants.W_OK);
  } catch {
    throw new UsageError(`${flag} ${path}: not writable (permission denied)`);
  }
}

/** Checks that at most one report goes to stdout and that two flags do not name one file. */
export function checkTargets(targets: { flag: string; path: string }[]): void {
  const toStdout = targets.filter((t) => t.path === STDOUT);
  if (toStdout.length > 1) {
    throw new UsageError(
      `only one report can go to stdout (${toStdout.map((t) => t.flag).join(" and ")} are both -)`,
    );
  }
  const files = targets.filter((t) => t.path !== STDOUT);
  for (let i = 0; i < files.length; i++) {
    for (let j = i + 1; j < files.length; j++) {
      if (resolve(files[i]!.path) === resolve(files[j]!.path)) {
        throw new UsageError(`${files[i]!.flag} and ${files[j]!.flag} name the same file ${files[i]!.path}`);
      }
    }
  }
  for (const t of targets) checkWritable(t.path, t.flag);
}

export function writeReport(path: string, flag: string, text: string, stdout: NodeJS.WritableStream): void {
  if (path === STDOUT) {
    stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    return;
  }
  try {
    writeFileSync(path, text);
  } catch (err) {
    throw new UsageError(`${flag} ${path}: cannot write (${(err as Error).message})`);
  }
}

function statOrNull(path: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
