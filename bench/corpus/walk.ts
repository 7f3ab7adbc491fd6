/**
 * The walk of `triangulate ingest`'s inputs alone, on a tree of many tiny page files
 * (`npm run bench:walk`): the lazy walk ingest uses (src/store/sources.ts, walkInputs) beside the
 * eager expansion it replaced (a list of every file built before ingest started, copied below),
 * each in a child process of its own so each peak RSS is its own, in the same run. Also timed:
 * two lazy walks at once, as ingest runs them (its own walk and the one counting the progress
 * total), and a child that walks nothing, for node's own footprint.
 *
 *   node dist/bench/corpus/walk.js [--files 50000] [--dir /tmp/triangulate-walk] [--per-dir 1000] [--keep]
 *
 * The tree is written under --dir (never into the repository): directories of --per-dir pages,
 * a hundred directories to a parent. It is reused by a later run of the same shape and removed
 * at the end unless --keep is given.
 */
import { execFileSync } from "node:child_process";
import { type Dirent, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { loadavg } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describeFsError } from "../../src/ingest/files.js";
import { type CorpusFile, kindOfName, type WalkTally, walkInputs } from "../../src/store/sources.js";
import { option, repoRoot } from "../args.js";

const DEFAULT_FILES = 50_000;
const DEFAULT_PER_DIR = 1000;
/** Leaf directories to a parent: the tree is three levels deep. */
const FANOUT = 100;
const MAX_WALK_DEPTH = 32;

type Mode = "none" | "eager" | "lazy" | "lazy-x2";

interface Measure {
  mode: Mode;
  files: number;
  bytes: number;
  ms: number;
  peakRssMb: number;
}

// ---- The eager expansion ingest used before (src/store/sources.ts at 2cfa9b6), kept to compare with.

interface Expanded {
  files: CorpusFile[];
  failures: { source: string; reason: string }[];
  otherFiles: number;
}

async function expandInputsEager(inputs: readonly string[]): Promise<Expanded> {
  const out: Expanded = { files: [], failures: [], otherFiles: 0 };
  const seen = new Set<string>();
  const add = (file: CorpusFile) => {
    if (seen.has(file.location)) return;
    seen.add(file.location);
    out.files.push(file);
  };
  for (const input of inputs) {
    const info = await stat(input);
    if (info.isDirectory()) await walkEager(input, 0, new Set(), out, add);
    else add(fileOf(input, kindOfName(basename(input)) ?? "page", info.size, info.mtimeMs));
  }
  return out;
}

function fileOf(source: string, kind: CorpusFile["kind"], size: number, mtimeMs: number): CorpusFile {
  return { kind, source, location: resolve(source), size, mtimeMs: Math.trunc(mtimeMs), url: false };
}

async function walkEager(
  dir: string,
  depth: number,
  visited: Set<string>,
  out: Expanded,
  add: (file: CorpusFile) => void,
): Promise<void> {
  if (depth > MAX_WALK_DEPTH) return;
  let entries: Dirent[];
  try {
    const real = await realpath(dir);
    if (visited.has(real)) return;
    visited.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    out.failures.push({ source: dir, reason: describeFsError(err) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const child = join(dir, entry.name);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(child);
    } catch {
      continue;
    }
    if (info.isDirectory()) await walkEager(child, depth + 1, visited, out, add);
    else if (info.isFile()) {
      const kind = kindOfName(entry.name);
      if (kind === null) out.otherFiles++;
      else add(fileOf(child, kind, info.size, info.mtimeMs));
    }
  }
}

// ---- The child: one walk, measured.

async function lazyWalk(root: string): Promise<{ files: number; bytes: number }> {
  const tally: WalkTally = { failures: [], otherFiles: 0 };
  let files = 0;
  let bytes = 0;
  for await (const file of walkInputs([root], tally)) {
    files++;
    bytes += file.size;
  }
  return { files, bytes };
}

async function child(mode: Mode, root: string): Promise<void> {
  const started = performance.now();
  let files = 0;
  let bytes = 0;
  if (mode === "eager") {
    const expanded = await expandInputsEager([root]);
    // Ingest then summed the sizes for its total, holding the list for the whole run.
    files = expanded.files.length;
    bytes = expanded.files.reduce((n, f) => n + f.size, 0);
  } else if (mode === "lazy") {
    ({ files, bytes } = await lazyWalk(root));
  } else if (mode === "lazy-x2") {
    const [a] = await Promise.all([lazyWalk(root), lazyWalk(root)]);
    ({ files, bytes } = a);
  }
  const ms = performance.now() - started;
  const measure: Measure = { mode, files, bytes, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(measure)}\n`);
}

// ---- The parent: the tree, and one child per mode.

function writeTree(root: string, files: number, perDir: number): void {
  const marker = join(root, `.tree-${files}-${perDir}`);
  if (existsSync(marker)) return;
  rmSync(root, { recursive: true, force: true });
  const started = performance.now();
  for (let i = 0; i < files; i++) {
    const leaf = Math.floor(i / perDir);
    const dir = join(root, `p${String(Math.floor(leaf / FANOUT)).padStart(4, "0")}`, `d${leaf}`);
    if (i % perDir === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `page-${i}.html`), `<p>page ${i}</p>\n`);
  }
  writeFileSync(marker, "");
  process.stdout.write(
    `walk: wrote ${files.toLocaleString("en-US")} pages under ${root} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

function run(mode: Mode, root: string): Measure {
  const out = execFileSync(
    process.execPath,
    [fileURLToPath(import.meta.url), "--child", mode, "--dir", root],
    {
      encoding: "utf8",
      maxBuffer: 1024 * 1024,
    },
  );
  return JSON.parse(out.trim()) as Measure;
}

const LABEL: Record<Mode, string> = {
  none: "node alone (no walk)",
  eager: "eager list (before)",
  lazy: "lazy walk (now)",
  "lazy-x2": "two lazy walks at once",
};

async function main(): Promise<void> {
  const mode = option("--child") as Mode | undefined;
  const dirOption = option("--dir") ?? "/tmp/triangulate-walk";
  if (mode !== undefined) {
    await child(mode, dirOption);
    return;
  }
  const dir = resolve(dirOption);
  if (dir.startsWith(repoRoot())) throw new Error("walk: --dir must be outside the repository");
  const files = Number(option("--files") ?? DEFAULT_FILES);
  const perDir = Number(option("--per-dir") ?? DEFAULT_PER_DIR);
  if (!Number.isInteger(files) || files < 1 || !Number.isInteger(perDir) || perDir < 1)
    throw new Error("walk: --files and --per-dir must be whole numbers above 0");
  const root = join(dir, "tree");
  writeTree(root, files, perDir);
  // One walk first, so every measured one meets a warm cache.
  run("lazy", root);
  process.stdout.write(
    `walk: ${files.toLocaleString("en-US")} pages, ${perDir} to a directory; load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}\n`,
  );
  process.stdout.write(
    `${"".padEnd(26)}${"files".padStart(10)}${"time".padStart(10)}${"peak RSS".padStart(12)}\n`,
  );
  const results: Measure[] = [];
  for (const m of ["none", "eager", "lazy", "lazy-x2"] as const) {
    const r = run(m, root);
    results.push(r);
    process.stdout.write(
      `${LABEL[m].padEnd(26)}${r.files.toLocaleString("en-US").padStart(10)}${`${(r.ms / 1000).toFixed(2)} s`.padStart(10)}${`${r.peakRssMb.toFixed(0)} MB`.padStart(12)}\n`,
    );
  }
  const [eager, lazy] = [results[1]!, results[2]!];
  if (eager.files !== lazy.files || eager.bytes !== lazy.bytes)
    throw new Error(`walk: the two walks disagree (${eager.files} vs ${lazy.files} files)`);
  if (!process.argv.includes("--keep")) rmSync(dir, { recursive: true, force: true });
}

await main();
