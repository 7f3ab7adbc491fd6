/**
 * Quote and attribution scores on PolNeAR (../shared/data/quotes/polnear), through the reader's
 * evaluation interface: `triangulate read --raw` on the split's article files, then the metric
 * of attribution-metric.ts. One annotator per article, the lowest id. Skips cleanly when the data
 * is absent.
 *
 *   node dist/bench/read/polnear.js [--split dev|train] [--examples N] [--predictions FILE]
 *     [--indirect N]
 *
 * After the reader's scores it prints the annotators' agreement under the same metric (in the
 * articles that several annotators labelled, the lowest id as gold and each other annotator as
 * the prediction): the ceiling the labels themselves set.
 *
 * --indirect N prints N missed indirect (unquoted) attributions and N indirect predictions matching
 * no attribution, and the precision of indirect predictions by cue word.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { option, repoRoot } from "../args.js";
import {
  addCounts,
  type Counts,
  emptyCounts,
  type GoldAttribution,
  isQuoted,
  isQuotedTypewriter,
  matchPredictions,
  type Predicted,
  prf,
  scoreDocument,
} from "./attribution-metric.js";

interface SpanRecord {
  start: number;
  end: number;
  text: string;
}

interface GoldRecord {
  doc: string;
  annotator: string;
  text: string;
  attributions: { type: string; source: SpanRecord[]; cue: SpanRecord[]; content: SpanRecord[] }[];
}

interface PredictedQuote extends Predicted {
  text: string;
  speaker: string | null;
  cue: string | null;
}

interface PredictedRecord {
  id: string;
  quotes: PredictedQuote[];
  error?: string;
}

/** One record per article: the lowest annotator id, so every article weighs once. */
function goldBySplit(dataDir: string, split: string): Map<string, GoldRecord> {
  const out = new Map<string, GoldRecord>();
  for (const line of readFileSync(join(dataDir, "jsonl", `${split}.jsonl`), "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const r = JSON.parse(line) as GoldRecord;
    const held = out.get(r.doc);
    if (held === undefined || r.annotator < held.annotator) out.set(r.doc, r);
  }
  return out;
}

/** Every annotator's record of each article of a split, lowest id first. */
function recordsByDoc(dataDir: string, split: string): Map<string, GoldRecord[]> {
  const out = new Map<string, GoldRecord[]>();
  for (const line of readFileSync(join(dataDir, "jsonl", `${split}.jsonl`), "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const r = JSON.parse(line) as GoldRecord;
    const list = out.get(r.doc) ?? [];
    list.push(r);
    out.set(r.doc, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.annotator < b.annotator ? -1 : 1));
  return out;
}

/** An annotator's attributions as predictions: the content's extent, the source's extent as the mention. */
function asPredictions(r: GoldRecord): Predicted[] {
  return r.attributions
    .filter((a) => a.content.length > 0)
    .map((a) => ({
      start: Math.min(...a.content.map((c) => c.start)),
      end: Math.max(...a.content.map((c) => c.end)),
      kind: "indirect",
      speakerStart: a.source.length > 0 ? Math.min(...a.source.map((c) => c.start)) : null,
      speakerEnd: a.source.length > 0 ? Math.max(...a.source.map((c) => c.end)) : null,
    }));
}

function reportAgreement(dataDir: string): void {
  console.log("\nAnnotators against the lowest id, same metric (articles with several annotators)");
  for (const split of ["annotator-training", "train", "dev"]) {
    if (!existsSync(join(dataDir, "jsonl", `${split}.jsonl`))) continue;
    const counts = emptyCounts();
    let articles = 0;
    let pairs = 0;
    for (const records of recordsByDoc(dataDir, split).values()) {
      if (records.length < 2) continue;
      articles++;
      const gold = toGold(records[0] as GoldRecord);
      for (const other of records.slice(1)) {
        pairs++;
        addCounts(counts, scoreDocument(asPredictions(other), gold));
      }
    }
    const content = prf(counts.matchedPredicted, counts.predicted, counts.matchedGold, counts.gold);
    const source = prf(
      counts.sourceSpanHitPredicted,
      counts.sourceSpansPredicted,
      counts.sourceSpanHitGold,
      counts.sourceSpansGold,
    );
    console.log(
      `  ${split.padEnd(18)} ${String(articles).padStart(2)} articles, ${String(pairs).padStart(2)} pairs: content F1 ${pct(content.f1)}, source F1 ${pct(source.f1)}`,
    );
  }
}

function toGold(r: GoldRecord): GoldAttribution[] {
  return r.attributions.map((a) => ({
    source: a.source.map(({ start, end }) => ({ start, end })),
    content: a.content.map(({ start, end }) => ({ start, end })),
    contentText: a.content.map((s) => s.text).join(" "),
  }));
}

function predict(root: string, textDir: string): Map<string, PredictedRecord> {
  const dir = mkdtempSync(join(tmpdir(), "tri-polnear-"));
  const out = join(dir, "read.jsonl");
  try {
    const cli = join(root, "dist", "src", "cli", "main.js");
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, "read", "--raw", textDir, "--jsonl", out, "-q"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (r.status !== 0) throw new Error(`triangulate read failed (${r.status}): ${r.stderr}`);
    console.log(`triangulate read --raw: ${seconds.toFixed(1)} s for the split (process start included)`);
    return parsePredictions(readFileSync(out, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

function pct(x: number): string {
  return x.toFixed(3);
}

function row(name: string, p: { precision: number; recall: number; f1: number }, goal: string): string {
  return `  ${name.padEnd(34)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}   ${goal}`;
}

function main(): void {
  const root = repoRoot();
  const dataDir = resolve(root, "..", "shared", "data", "quotes", "polnear");
  if (!existsSync(join(dataDir, "jsonl"))) {
    console.log(`bench:quotes skipped: ${dataDir} is absent`);
    return;
  }
  const split = option("--split") ?? "dev";
  const examples = Number(option("--examples") ?? "0");
  const indirect = Number(option("--indirect") ?? "0");
  const indirectLog: IndirectLog = { misses: [], falsePositives: [], byCue: new Map() };
  const gold = goldBySplit(dataDir, split);
  const textDir = join(dataDir, "brat", split, "text");
  for (const [doc, r] of gold) {
    const file = readFileSync(join(textDir, `${doc}.txt`), "utf8");
    if (file !== r.text)
      throw new Error(`${doc}: the text file differs from the JSONL text; offsets would not align`);
  }
  const fromFile = option("--predictions");
  const predictions = fromFile ? parsePredictions(readFileSync(fromFile, "utf8")) : predict(root, textDir);

  const quoted = emptyCounts();
  const typewriter = emptyCounts();
  const all = emptyCounts();
  const misses: string[] = [];
  const falsePositives: string[] = [];
  const wrongSpeakers: string[] = [];
  let words = 0;
  for (const [doc, r] of gold) {
    words += (r.text.match(/\S+/g) ?? []).length;
    const p = predictions.get(doc);
    if (p === undefined) throw new Error(`${doc}: no prediction line`);
    const g = toGold(r);
    const gq = g.filter(isQuoted);
    const pq = p.quotes.filter((q) => q.kind !== "indirect");
    addCounts(quoted, scoreDocument(pq, gq));
    addCounts(typewriter, scoreDocument(pq, g.filter(isQuotedTypewriter)));
    addCounts(all, scoreDocument(p.quotes, g));
    if (examples > 0) collectExamples(r, gq, pq, misses, falsePositives, wrongSpeakers);
    if (indirect > 0) collectIndirect(r, g, p.quotes, indirectLog);
  }
  report(split, gold.size, words, quoted, typewriter, all);
  reportAgreement(dataDir);
  if (examples > 0) {
    for (const [title, list] of [
      ["missed quoted attributions", misses],
      ["quotes matching no quoted attribution", falsePositives],
      ["wrong speaker", wrongSpeakers],
    ] as const) {
      console.log(`\n${title} (${list.length}; first ${Math.min(examples, list.length)}):`);
      for (const line of list.slice(0, examples)) console.log(`  ${line}`);
    }
  }
  if (indirect > 0) printIndirect(indirectLog, indirect);
}

interface IndirectLog {
  misses: string[];
  falsePositives: string[];
  /** Per cue word (lower case, last word of the cue): indirect predictions and how many matched. */
  byCue: Map<string, { predicted: number; matched: number }>;
}

/** Missed indirect gold, indirect predictions matching nothing, and per-cue precision. */
function collectIndirect(
  r: GoldRecord,
  g: readonly GoldAttribution[],
  all: readonly PredictedQuote[],
  log: IndirectLog,
): void {
  const clip = (s: string, n = 150) => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, " ");
  const text = (segs: readonly { start: number; end: number }[]) =>
    segs.map((s) => r.text.slice(s.start, s.end)).join(" … ");
  const matches = matchPredictions(all, g);
  const hit = new Set(matches.filter((m): m is number => m !== null));
  const raw = r.attributions;
  g.forEach((a, i) => {
    if (hit.has(i) || isQuoted(a)) return;
    const cue = text(raw[i]?.cue ?? []);
    log.misses.push(`${r.doc}: [${clip(text(a.source), 30)}] <${cue}> «${clip(a.contentText)}»`);
  });
  all.forEach((p, i) => {
    if (p.kind !== "indirect") return;
    const key = (p.cue ?? "-").toLowerCase().split(/\s+/).pop() ?? "-";
    const entry = log.byCue.get(key) ?? { predicted: 0, matched: 0 };
    entry.predicted++;
    const m = matches[i];
    if (m !== null && m !== undefined) entry.matched++;
    log.byCue.set(key, entry);
    if (m === null || m === undefined) {
      const mention =
        p.speakerStart === null ? "-" : r.text.slice(p.speakerStart, p.speakerEnd ?? p.speakerStart);
      log.falsePositives.push(`${r.doc}: [${mention}] <${p.cue ?? "-"}> «${clip(p.text)}»`);
    }
  });
}

function printIndirect(log: IndirectLog, n: number): void {
  for (const [title, list] of [
    ["missed indirect attributions", log.misses],
    ["indirect predictions matching no attribution", log.falsePositives],
  ] as const) {
    console.log(`\n${title} (${list.length}; first ${Math.min(n, list.length)}):`);
    for (const line of list.slice(0, n)) console.log(`  ${line}`);
  }
  const cues = [...log.byCue].sort((a, b) => b[1].predicted - a[1].predicted);
  console.log("\nindirect predictions by cue word (predicted, matched, precision):");
  for (const [cue, c] of cues.slice(0, n))
    console.log(
      `  ${cue.padEnd(16)} ${String(c.predicted).padStart(5)} ${String(c.matched).padStart(5)}  ${pct(c.matched / c.predicted)}`,
    );
}

function collectExamples(
  r: GoldRecord,
  gq: readonly GoldAttribution[],
  pq: readonly PredictedQuote[],
  misses: string[],
  falsePositives: string[],
  wrongSpeakers: string[],
): void {
  const clip = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, " ");
  const text = (segs: readonly { start: number; end: number }[]) =>
    segs.map((s) => r.text.slice(s.start, s.end)).join(" … ");
  const matches = matchPredictions(pq, gq);
  const hit = new Set(matches.filter((m): m is number => m !== null));
  gq.forEach((g, i) => {
    if (!hit.has(i)) misses.push(`${r.doc}: [${clip(text(g.source), 30)}] «${clip(g.contentText)}»`);
  });
  pq.forEach((p, i) => {
    const m = matches[i];
    if (m === null || m === undefined) {
      falsePositives.push(`${r.doc}: «${clip(p.text)}» speaker ${p.speaker ?? "-"}`);
      return;
    }
    const g = gq[m]!;
    if (g.source.length === 0) return;
    const mention =
      p.speakerStart === null ? "-" : r.text.slice(p.speakerStart, p.speakerEnd ?? p.speakerStart);
    const right = g.source.some(
      (s) => p.speakerStart !== null && p.speakerStart < s.end && (p.speakerEnd ?? 0) > s.start,
    );
    if (!right)
      wrongSpeakers.push(`${r.doc}: «${clip(p.text, 60)}» ours [${mention}] gold [${text(g.source)}]`);
  });
}

function report(
  split: string,
  docs: number,
  words: number,
  quoted: Counts,
  typewriter: Counts,
  all: Counts,
): void {
  console.log(`\nPolNeAR ${split}: ${docs} articles, ${words} words; lowest annotator id per article`);
  console.log(`  quoted gold attributions ${quoted.gold}, predicted quotes ${quoted.predicted}`);
  console.log(`  all gold attributions ${all.gold}, predicted (any kind) ${all.predicted}\n`);
  console.log("Quoted attributions (content holds a double quotation mark)");
  console.log(
    row(
      "detection",
      prf(quoted.matchedPredicted, quoted.predicted, quoted.matchedGold, quoted.gold),
      "goal F1 ≥ 0.92",
    ),
  );
  const accuracy = quoted.speakerPairs === 0 ? 0 : quoted.speakerRight / quoted.speakerPairs;
  console.log(
    `  ${"speaker accuracy".padEnd(34)} ${pct(accuracy)} of ${quoted.speakerPairs} matched pairs with a gold source   goal ≥ 0.90`,
  );
  console.log(
    row(
      "end to end (match + speaker)",
      prf(quoted.rightPredicted, quoted.predicted, quoted.rightGold, quoted.gold),
      "",
    ),
  );
  // The same predictions, with '' counted as the double mark it stands for in NYT articles: the
  // reader takes those quotes as quotes, so the strict count calls them false positives.
  const typewriterAccuracy =
    typewriter.speakerPairs === 0 ? 0 : typewriter.speakerRight / typewriter.speakerPairs;
  console.log(`\nQuoted attributions, '' also a double mark (${typewriter.gold} gold)`);
  console.log(
    row(
      "detection",
      prf(typewriter.matchedPredicted, typewriter.predicted, typewriter.matchedGold, typewriter.gold),
      "",
    ),
  );
  console.log(
    `  ${"speaker accuracy".padEnd(34)} ${pct(typewriterAccuracy)} of ${typewriter.speakerPairs} matched pairs with a gold source`,
  );
  console.log(
    row(
      "end to end (match + speaker)",
      prf(typewriter.rightPredicted, typewriter.predicted, typewriter.rightGold, typewriter.gold),
      "",
    ),
  );
  console.log("\nAll attributions (indirect included)");
  console.log(
    row("content", prf(all.matchedPredicted, all.predicted, all.matchedGold, all.gold), "goal F1 ≥ 0.75"),
  );
  console.log(
    row(
      "source",
      prf(all.sourceSpanHitPredicted, all.sourceSpansPredicted, all.sourceSpanHitGold, all.sourceSpansGold),
      "goal F1 ≥ 0.85",
    ),
  );
  console.log(
    row(
      "source given content (stricter)",
      prf(all.sourceHitPredicted, all.predictedWithSpeaker, all.sourceHitGold, all.goldWithSource),
      "",
    ),
  );
}

main();
