/**
 * The clustering benchmarks' data, read from ../shared/data (never copied into the repository):
 * ECB+ development topics (gold = subtopic) and FNC-1 training stories (gold = connected
 * component of related headline–body pairs). Loaders return null when the data is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { repoRoot } from "../args.js";

export interface GoldDoc {
  id: string;
  text: string;
  title?: string;
  url?: string | null;
  /** Gold story label. */
  gold: string;
  /** Group for cross-validation (ECB+ topic). */
  group: string;
}

export const DATA_DIR = resolve(repoRoot(), "..", "shared", "data");
export const ECB_FILE = join(DATA_DIR, "clustering", "ecbplus-dev.jsonl");
export const FNC_DIR = join(DATA_DIR, "fnc-1");

interface EcbLine {
  doc_id: string;
  topic: number;
  subtopic: string;
  url: string | null;
  text: string;
}

/** ECB+ development documents in file order. */
export function loadEcb(file = ECB_FILE): GoldDoc[] | null {
  if (!existsSync(file)) return null;
  const out: GoldDoc[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const d = JSON.parse(line) as EcbLine;
    out.push({ id: d.doc_id, text: d.text, url: d.url, gold: d.subtopic, group: String(d.topic) });
  }
  return out;
}

export interface FncData {
  /** Bodies in Body ID order, gold = story. */
  bodies: GoldDoc[];
  /** Distinct headlines in first-appearance order, gold = story; ids "h<n>". */
  headlines: GoldDoc[];
}

/**
 * FNC-1 training stories: every headline is joined to every body it is related to (agree,
 * disagree, discuss); each connected component of that graph is a story (191 in train). Story
 * labels are the smallest Body ID in the component.
 */
export function loadFnc(dir = FNC_DIR): FncData | null {
  const bodiesFile = join(dir, "train_bodies.csv");
  const stancesFile = join(dir, "train_stances.csv");
  if (!existsSync(bodiesFile) || !existsSync(stancesFile)) return null;
  const bodies = parse(readFileSync(bodiesFile, "utf8"), { columns: true }) as Record<string, string>[];
  const stances = parse(readFileSync(stancesFile, "utf8"), { columns: true }) as Record<string, string>[];
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const headlineOrder: string[] = [];
  const headlineSeen = new Set<string>();
  for (const s of stances) {
    const h = s.Headline!;
    if (!headlineSeen.has(h)) {
      headlineSeen.add(h);
      headlineOrder.push(h);
    }
    if (s.Stance !== "unrelated") union(`h:${h}`, `b:${s["Body ID"]}`);
  }
  const members = new Map<string, number[]>();
  for (const b of bodies) {
    const root = find(`b:${b["Body ID"]}`);
    const list = members.get(root) ?? [];
    list.push(Number(b["Body ID"]));
    members.set(root, list);
  }
  const label = (root: string) => `story${Math.min(...(members.get(root) ?? [-1]))}`;
  const bodyDocs: GoldDoc[] = bodies.map((b) => {
    const gold = label(find(`b:${b["Body ID"]}`));
    return { id: `b${b["Body ID"]}`, text: b.articleBody!, gold, group: gold };
  });
  const headlines: GoldDoc[] = [];
  headlineOrder.forEach((h, i) => {
    const root = find(`h:${h}`);
    if (!members.has(root)) return; // a headline related to no body belongs to no story
    const gold = label(root);
    headlines.push({ id: `h${i + 1}`, text: h, title: h, gold, group: gold });
  });
  return { bodies: bodyDocs, headlines };
}
