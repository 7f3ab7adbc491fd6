/**
 * People and organisations on hand-labelled PolNeAR dev articles (labels in
 * entities-dev-labels.json beside this file: offsets and names only, the texts stay in
 * ../shared/data/quotes/polnear), through the reader's evaluation interface: `triangulate read
 * --raw` on the labelled article files, then the metric of entity-metric.ts. Skips cleanly when
 * the data is absent.
 *
 *   node dist/bench/read/entities.js [--examples N] [--predictions FILE] [--show-labels]
 *
 * --show-labels prints every labelled mention's slice of the text, to check the labels by eye.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { option, repoRoot } from "../args.js";
import {
  addEntityCounts,
  type DocumentScore,
  type EntityCounts,
  emptyEntityCounts,
  type GoldDocument,
  type PredictedEntity,
  prf,
  ratio,
  scoreEntityDocument,
} from "./entity-metric.js";

interface Labels {
  articles: Record<string, GoldDocument & { heldOut?: boolean }>;
}

interface PredictedRecord {
  id: string;
  entities: PredictedEntity[];
  error?: string;
}

function parsePredictions(jsonl: string): Map<string, PredictedRecord> {
  const out = new Map<string, PredictedRecord>();
  for (const line of jsonl.split("\n")) {
    if (line.trim() === "") continue;
    const r = JSON.parse(line) as PredictedRecord;
    out.set(r.id, r);
  }
  return out;
}

function predict(root: string, files: readonly string[]): Map<string, PredictedRecord> {
  const dir = mkdtempSync(join(tmpdir(), "tri-entities-"));
  const out = join(dir, "read.jsonl");
  try {
    const cli = join(root, "dist", "src", "cli", "main.js");
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, "read", "--raw", ...files, "--jsonl", out, "-q"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (r.status !== 0) throw new Error(`triangulate read failed (${r.status}): ${r.stderr}`);
    console.log(
      `triangulate read --raw: ${seconds.toFixed(1)} s for ${files.length} articles (process start included)`,
    );
    return parsePredictions(readFileSync(out, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pct(x: number): string {
  return x.toFixed(3);
}

function row(name: string, right: number, predicted: number, gold: number): string {
  const s = prf(right, predicted, gold);
  return `  ${name.padEnd(40)} P ${pct(s.p)}  R ${pct(s.r)}  F1 ${pct(s.f1)}`;
}

function report(docs: number, c: EntityCounts, title: string): void {
  console.log(`\nPolNeAR dev, ${docs} hand-labelled articles${title}: people and organisations`);
  console.log(
    `  gold: ${c.goldEntities} entities, ${c.goldMentions} mentions; predicted: ${c.predictedEntities} entities, ${c.predictedMentions} mentions\n`,
  );
  console.log("Mentions (type must agree)");
  console.log(row("exact span", c.exactRight, c.predictedMentions, c.goldMentions));
  console.log(row("overlapping span", c.overlapRight, c.predictedMentions, c.goldMentions));
  console.log(
    `  ${"gold spans found exactly, any type".padEnd(40)} ${pct(ratio(c.exactAnyType, c.goldMentions))}  (places included: the rest of the gap is typing)`,
  );
  console.log("\nEntities (name equals the gold name after normalising case; type must agree)");
  console.log(row("canonical name", c.entitiesRight, c.predictedEntities, c.goldEntities));
  console.log("\nMerging (mentions matched by overlap, any type)");
  console.log(
    `  ${"gold entities held by one predicted entity".padEnd(40)} ${pct(ratio(c.wholeGold, c.multiMentionGold))} of ${c.multiMentionGold} with 2+ matched mentions`,
  );
  console.log(
    `  ${"gold entities complete and unsplit".padEnd(40)} ${pct(ratio(c.completeGold, c.goldWithSeveral))} of ${c.goldWithSeveral} with 2+ mentions`,
  );
  console.log(
    `  ${"predicted entities mixing gold entities".padEnd(40)} ${pct(ratio(c.mixedPredicted, c.predictedWithMatch))} of ${c.predictedWithMatch} holding a matched mention`,
  );
  const p = ratio(c.b3Precision, c.b3Mentions);
  const r = ratio(c.b3Recall, c.b3Mentions);
  console.log(
    `  ${"B-cubed".padEnd(40)} P ${pct(p)}  R ${pct(r)}  F1 ${pct(p + r === 0 ? 0 : (2 * p * r) / (p + r))}`,
  );
}

function examplesOf(doc: string, text: string, s: DocumentScore, lists: Record<string, string[]>): void {
  const clip = (a: number, b: number) => text.slice(a, b).replace(/\s+/g, " ");
  const ctx = (a: number, b: number) => `…${clip(Math.max(0, a - 25), a)}[${clip(a, b)}]${clip(b, b + 15)}…`;
  for (const [a, b, name, type] of s.falseMentions)
    lists.false!.push(`${doc}: ${ctx(a, b)} as ${type} ${name}`);
  for (const [a, b, name] of s.missedMentions) lists.missed!.push(`${doc}: ${ctx(a, b)} (${name})`);
  for (const [g, p] of s.wrongNames) lists.names!.push(`${doc}: gold ${g}, ours ${p}`);
  for (const [p, g] of s.mixed) lists.mixed!.push(`${doc}: ${p} holds ${g.join(" + ")}`);
  for (const [g, p] of s.split) lists.split!.push(`${doc}: ${g} split into ${p.join(" / ")}`);
}

/** Each labelled mention's slice, with its entity: a name whose slice is not its own shows at a glance. */
function showLabels(labels: Labels, docs: readonly string[], textDir: string): void {
  for (const doc of docs) {
    const text = readFileSync(join(textDir, `${doc}.txt`), "utf8");
    console.log(doc);
    for (const e of labels.articles[doc]!.entities) {
      const slices = e.mentions.map(([a, b]) => text.slice(a, b));
      console.log(`  ${e.type.padEnd(12)} ${e.name}: ${slices.join(" | ")}`);
    }
  }
}

function main(): void {
  const root = repoRoot();
  const textDir = resolve(root, "..", "shared", "data", "quotes", "polnear", "brat", "dev", "text");
  if (!existsSync(textDir)) {
    console.log(`bench:entities skipped: ${textDir} is absent`);
    return;
  }
  const labels = JSON.parse(
    readFileSync(join(root, "bench", "read", "entities-dev-labels.json"), "utf8"),
  ) as Labels;
  const docs = Object.keys(labels.articles).sort();
  const files = docs.map((d) => join(textDir, `${d}.txt`));
  if (process.argv.includes("--show-labels")) {
    showLabels(labels, docs, textDir);
    return;
  }
  const fromFile = option("--predictions");
  const predictions = fromFile ? parsePredictions(readFileSync(fromFile, "utf8")) : predict(root, files);
  const examples = Number(option("--examples") ?? "0");
  const total = emptyEntityCounts();
  const heldOut = emptyEntityCounts();
  let heldOutDocs = 0;
  const lists: Record<string, string[]> = { false: [], missed: [], names: [], mixed: [], split: [] };
  for (const doc of docs) {
    const p = predictions.get(doc);
    if (p === undefined) throw new Error(`${doc}: no prediction line`);
    const s = scoreEntityDocument(labels.articles[doc]!, p.entities);
    addEntityCounts(total, s.counts);
    if (labels.articles[doc]!.heldOut) {
      addEntityCounts(heldOut, s.counts);
      heldOutDocs++;
    }
    if (examples > 0) examplesOf(doc, readFileSync(join(textDir, `${doc}.txt`), "utf8"), s, lists);
  }
  report(docs.length, total, "");
  // The articles labelled last, after the rules were tuned on the others (see the labels' notes).
  if (heldOutDocs > 0) report(heldOutDocs, heldOut, " labelled last (heldOut)");
  if (examples > 0) {
    for (const [key, title] of [
      ["false", "predicted mentions matching no gold mention exactly"],
      ["missed", "gold mentions not found exactly"],
      ["names", "gold entities whose main predicted entity has another name"],
      ["mixed", "predicted entities mixing gold entities"],
      ["split", "gold entities split"],
    ] as const) {
      const list = lists[key]!;
      console.log(`\n${title} (${list.length}; first ${Math.min(examples, list.length)}):`);
      for (const line of list.slice(0, examples)) console.log(`  ${line}`);
    }
  }
}

main();
