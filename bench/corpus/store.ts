/**
 * The stored corpus's stories scored by BCubed on the ECB+ development topics: the 772
 * documents written as JSON lines (doc_id, text, url) to a temp dir, ingested by the real
 * command into a fresh store (`triangulate ingest FILE --db NEW.db`, which refines by default),
 * and the store's two layers scored, the online assignments and the refined stories, beside
 * `triangulate cluster` on the same file (refined, and --online). Skips cleanly when
 * ../shared/data is absent.
 *
 *   node dist/bench/corpus/store.js      (KEEP=1 leaves the inputs and the store, and names their directory)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { repoRoot } from "../args.js";
import { ECB_FILE, loadEcb } from "./data.js";
import { type BCubed, bcubed } from "./metric.js";

const MAIN = join(repoRoot(), "dist", "src", "cli", "main.js");

/** Runs the CLI; returns seconds and stdout. Exit 1 (some records skipped, each named) is not a failure here. */
function run(args: string[]): { seconds: number; stdout: string } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`triangulate ${args[0]} failed (${r.status}): ${r.stderr}`);
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, stdout: r.stdout };
}

function fmt(name: string, r: BCubed): string {
  return `${name.padEnd(30)} P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}  stories ${r.predicted} (gold ${r.gold})`;
}

function clustered(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const o = JSON.parse(line) as { id: string; story: string };
    out.set(o.id, o.story);
  }
  return out;
}

function main(): void {
  const docs = loadEcb();
  if (docs === null) {
    console.log(`store bench: skipped (${ECB_FILE} not found)`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "tri-store-bench-"));
  try {
    const input = join(dir, "ecb.jsonl");
    writeFileSync(
      input,
      `${docs.map((d) => JSON.stringify({ id: d.id, text: d.text, url: d.url ?? null })).join("\n")}\n`,
    );
    const db = join(dir, "ecb.db");
    const ingested = run(["ingest", input, "--db", db, "--quiet"]);
    const skipped = /skipped +([\d,]+) bad records/.exec(ingested.stdout)?.[1] ?? "?";
    const d = new Database(db, { readonly: true });
    const layer = (table: string) =>
      new Map(
        d
          .prepare(`SELECT a.id, t.story FROM articles a JOIN ${table} t ON t.article = a.seq`)
          .raw()
          .all() as [string, string][],
      );
    const online = layer("assignments");
    const refined = layer("refined_assignments");
    d.close();
    const batchOut = join(dir, "cluster.jsonl");
    const onlineOut = join(dir, "cluster-online.jsonl");
    run(["cluster", input, "--out", batchOut, "-q"]);
    run(["cluster", input, "--out", onlineOut, "-q", "--online"]);
    const batch = clustered(batchOut);
    const batchOnline = clustered(onlineOut);

    const gold = docs.map((x) => x.gold);
    const labels = (m: Map<string, string>) => docs.map((x) => m.get(x.id) ?? `missing:${x.id}`);
    console.log(
      `ECB+ dev, ${docs.length} documents, ${online.size} stored (${skipped} skipped as bad records, scored as stories of their own), ` +
        `BCubed (ingest ${ingested.seconds.toFixed(1)} s with refinement)`,
    );
    console.log(fmt("store, online assignments", bcubed(labels(online), gold)));
    console.log(fmt("store, refined stories", bcubed(labels(refined), gold)));
    console.log(fmt("triangulate cluster --online", bcubed(labels(batchOnline), gold)));
    console.log(fmt("triangulate cluster", bcubed(labels(batch), gold)));
    // Same stories whatever their names: BCubed of one partition against the other is 1 exactly when they agree.
    const agree = bcubed(labels(refined), labels(batch));
    console.log(
      `store refined vs cluster: F1 ${agree.f1.toFixed(4)} (1 = the same partition), ${agree.predicted} vs ${agree.gold} stories`,
    );
  } finally {
    if (process.env.KEEP !== "1") rmSync(dir, { recursive: true, force: true });
    else console.log(dir);
  }
}

main();
