/**
 * FNC-1's CSV files: bodies (`Body ID`, `articleBody`) and stances (`Headline`, `Body ID`, and an
 * optional `Stance`). RFC 4180 quoting (bodies hold newlines and quotes) is csv-parse's job; this
 * module checks the columns, names the file and row of anything wrong, and writes predictions.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { isStance, type Stance } from "./labels.js";

/** A stance input that cannot be used: the message names the file and, where it can, the row. */
export class StanceInputError extends Error {
  override name = "StanceInputError";
}

export interface BodyRow {
  id: string;
  text: string;
}

export interface StanceRow {
  headline: string;
  bodyId: string;
  /** The gold label when the file has a `Stance` column (training, scoring); ignored by prediction. */
  stance: Stance | null;
}

type Records = Record<string, string>[];

/**
 * Parses CSV text with a header row; every record an object keyed by the header. Records are
 * counted from 1 after the header in messages (a record may span several lines).
 */
export function parseCsv(text: string, name: string): { header: string[]; records: Records } {
  let header: string[] = [];
  let records: Records;
  try {
    records = parse(text.startsWith("\uFEFF") ? text.slice(1) : text, {
      columns: (h: string[]) => {
        header = h.map((c) => c.trim());
        return header;
      },
      skip_empty_lines: true,
      relax_column_count: false,
    }) as Records;
  } catch (err) {
    throw new StanceInputError(`${name}: not valid CSV (${(err as Error).message})`);
  }
  return { header, records };
}

function requireColumns(header: readonly string[], wanted: readonly string[], name: string): void {
  const missing = wanted.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new StanceInputError(
      `${name}: missing column${missing.length > 1 ? "s" : ""} ${missing.map((c) => `"${c}"`).join(", ")} (header: ${header.map((c) => `"${c}"`).join(", ") || "none"})`,
    );
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code;
    throw new StanceInputError(`${path}: cannot read (${why ?? (err as Error).message})`);
  }
}

export function parseBodies(text: string, name: string): BodyRow[] {
  const { header, records } = parseCsv(text, name);
  requireColumns(header, ["Body ID", "articleBody"], name);
  const seen = new Set<string>();
  return records.map((r, i) => {
    const id = (r["Body ID"] ?? "").trim();
    if (id === "") throw new StanceInputError(`${name}: record ${i + 1} has an empty "Body ID"`);
    if (seen.has(id)) throw new StanceInputError(`${name}: record ${i + 1}: Body ID ${id} given twice`);
    seen.add(id);
    return { id, text: r.articleBody ?? "" };
  });
}

export function parseStances(text: string, name: string): StanceRow[] {
  const { header, records } = parseCsv(text, name);
  requireColumns(header, ["Headline", "Body ID"], name);
  const labelled = header.includes("Stance");
  return records.map((r, i) => {
    const bodyId = (r["Body ID"] ?? "").trim();
    if (bodyId === "") throw new StanceInputError(`${name}: record ${i + 1} has an empty "Body ID"`);
    const raw = labelled ? (r.Stance ?? "").trim() : "";
    return { headline: r.Headline ?? "", bodyId, stance: isStance(raw) ? raw : null };
  });
}

export function readBodies(path: string): BodyRow[] {
  return parseBodies(readText(path), path);
}

export function readStances(path: string): StanceRow[] {
  return parseStances(readText(path), path);
}

/** Throws naming the first stance row whose body is not in the bodies file. */
export function checkBodiesPresent(
  stances: readonly StanceRow[],
  bodies: ReadonlyMap<string, unknown>,
  stancesName: string,
  bodiesName: string,
): void {
  const i = stances.findIndex((s) => !bodies.has(s.bodyId));
  if (i < 0) return;
  const missing = new Set(stances.filter((s) => !bodies.has(s.bodyId)).map((s) => s.bodyId));
  throw new StanceInputError(
    `${stancesName}: record ${i + 1}: Body ID ${stances[i]?.bodyId} has no body in ${bodiesName}` +
      (missing.size > 1 ? ` (${missing.size} Body IDs are missing)` : ""),
  );
}

/** One CSV field, quoted when it holds a comma, quote, or line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\n`;
}

/** Predictions in FNC-1's submission format, rows in input order. */
export function formatPredictions(
  rows: readonly { headline: string; bodyId: string; stance: Stance }[],
): string {
  let out = csvLine(["Headline", "Body ID", "Stance"]);
  for (const r of rows) out += csvLine([r.headline, r.bodyId, r.stance]);
  return out;
}

/** Writes labelled stance rows (for the bench's dev files), in FNC-1's format. */
export function formatStances(rows: readonly StanceRow[]): string {
  let out = csvLine(["Headline", "Body ID", "Stance"]);
  for (const r of rows) out += csvLine([r.headline, r.bodyId, r.stance ?? ""]);
  return out;
}

export function formatBodies(rows: readonly BodyRow[]): string {
  let out = csvLine(["Body ID", "articleBody"]);
  for (const r of rows) out += csvLine([r.id, r.text]);
  return out;
}
