/** File-system side of ingest: walking directories and reading one file within the size bound. */
import { constants, type Dirent } from "node:fs";
import { open, readdir, realpath, stat } from "node:fs/promises";
import { extname, join } from "node:path";

/** Extensions picked up when walking a directory (explicitly named files are read whatever their name). */
export const PAGE_EXTENSIONS: ReadonlySet<string> = new Set([".txt", ".text", ".html", ".htm", ".xhtml"]);

/** Deeper trees are not a story's versions but a mistaken path (a home directory, a mount); stop there. */
const MAX_WALK_DEPTH = 32;

/** One story never has this many versions; past it the directory was almost certainly not meant. */
export const MAX_DIRECTORY_PAGES = 10_000;

export interface WalkResult {
  files: string[];
  /** Problems met while walking (unreadable sub-directory, too many files), named by path. */
  problems: { source: string; reason: string }[];
}

/** Page files under dir, recursively, in a stable order (code-point order of names, depth first); hidden entries skipped. */
export async function walkDirectory(dir: string): Promise<WalkResult> {
  const files: string[] = [];
  const problems: WalkResult["problems"] = [];
  const seenDirs = new Set<string>();

  async function visit(path: string, depth: number): Promise<void> {
    if (files.length > MAX_DIRECTORY_PAGES) return;
    if (depth > MAX_WALK_DEPTH) {
      problems.push({
        source: path,
        reason: `directory nesting deeper than ${MAX_WALK_DEPTH} levels; not read`,
      });
      return;
    }
    let real: string;
    try {
      real = await realpath(path);
    } catch (err) {
      problems.push({ source: path, reason: describeFsError(err) });
      return;
    }
    // Symlinked directories can form cycles; each real directory is read once.
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch (err) {
      problems.push({ source: path, reason: describeFsError(err) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const child = join(path, entry.name);
      const kind = entry.isSymbolicLink() ? await statKind(child) : entry.isDirectory() ? "dir" : "file";
      if (kind === "dir") await visit(child, depth + 1);
      else if (kind === "file" && PAGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(child);
      if (files.length > MAX_DIRECTORY_PAGES) {
        problems.push({
          source: dir,
          reason: `more than ${MAX_DIRECTORY_PAGES} pages; the rest were skipped`,
        });
        files.length = MAX_DIRECTORY_PAGES;
        return;
      }
    }
  }

  await visit(dir, 0);
  return { files, problems };
}

async function statKind(path: string): Promise<"dir" | "file" | "other"> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? "dir" : s.isFile() ? "file" : "other";
  } catch {
    // A dangling link inside a directory is not something the user asked for by name: skip it.
    return "other";
  }
}

export type ReadOutcome = { bytes: Uint8Array } | { refused: string };

/**
 * Reads a regular file of at most maxBytes. Size is checked on the open handle before reading.
 * FIFOs and devices are refused (reading /dev/zero or a pipe would never end).
 */
export async function readFileBounded(path: string, maxBytes: number): Promise<ReadOutcome> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { refused: describeFsError(err) };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { refused: "is a directory" };
    if (!info.isFile()) return { refused: "not a regular file" };
    if (info.size > maxBytes)
      return { refused: `file of ${info.size} bytes is over the ${maxBytes}-byte limit` };
    // Only the size seen at open is read: a file growing meanwhile cannot push past the bound.
    const buffer = Buffer.alloc(info.size);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, filled) };
  } catch (err) {
    return { refused: describeFsError(err) };
  } finally {
    await handle.close();
  }
}

/** A short reason for a file-system error, without the path (the caller names the input). */
export function describeFsError(err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    case "ELOOP":
      return "too many symbolic links";
    case "ENAMETOOLONG":
      return "path too long";
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
