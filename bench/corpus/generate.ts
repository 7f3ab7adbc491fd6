/**
 * Synthetic crawls for the scale bench: JSON lines corpora of any size built from the shared
 * data (ECB+ dev texts, FNC-1 bodies and headlines, PolNeAR articles, the readability test
 * pages), written outside the repository.
 *
 * A corpus is a sequence of stories. Each story draws its sentences from three base texts and
 * gives them a vocabulary of its own (invented names for the capitalised words, invented words
 * for a share of the long ones, its own figures and dates), so that stories are many and
 * distinct however often a base text is reused. A story is told by several outlets, each
 * rewriting it (sentences dropped and reordered); on top of that a crawl holds exact re-crawls
 * of a record, syndicated copies at another outlet, and light edits (a changed headline, a
 * figure corrected, a footer), the near-duplicates. A small share of records are whole HTML
 * pages (a readability test page with the story written into it), as a crawl of JSON lines
 * from a scraper often carries.
 *
 *   node dist/bench/corpus/generate.js --docs 100000 --out /tmp/corpus-100k.jsonl [--seed 42]
 */
import { createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { option, repoRoot } from "../args.js";
import { DATA_DIR, loadEcb, loadFnc } from "./data.js";

/** Articles per story, on average (exponential): a few stories of dozens, many of one or two. */
const MEAN_STORY_SIZE = 4;
/** Shares of records that are not a fresh rewrite: re-crawls, syndicated copies, light edits. */
const RECRAWL_SHARE = 0.03;
const SYNDICATED_SHARE = 0.03;
const EDIT_SHARE = 0.04;
/** Share of records given as HTML pages rather than extracted text. */
const HTML_SHARE = 0.002;
/** Sentences a story has to tell, drawn from three base texts. */
const STORY_SENTENCES = 24;
/** Share of a rewrite's sentences kept from its story. */
const KEEP_SHARE = 0.7;
/** Share of long lowercase words a story swaps for words of its own. */
const SWAP_SHARE = 0.15;
/** Recent records copies and edits are taken from: a crawl meets its copies soon after the original. */
const RECENT = 256;
/** Stories are spread over this many days from FIRST_DAY, so that dates mean something. */
const SPAN_DAYS = 3 * 365;
const FIRST_DAY = Date.UTC(2016, 0, 1);

const OUTLETS = [
  "apnews.com",
  "reuters.com",
  "bbc.co.uk",
  "nytimes.com",
  "theguardian.com",
  "washingtonpost.com",
  "cnn.com",
  "foxnews.com",
  "npr.org",
  "usatoday.com",
  "latimes.com",
  "politico.com",
  "breitbart.com",
  "huffpost.com",
  "aljazeera.com",
  "independent.co.uk",
  "smh.com.au",
  "cbc.ca",
  "dw.com",
  "local-gazette.example",
];

const FOOTERS = [
  "Share this article.",
  "Follow us on social media for the latest updates.",
  "Copyright 2017 The Associated Press. All rights reserved.",
  "This story has been updated.",
];

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ["ka", "ro", "vel", "tan", "mir", "os", "ul", "zen", "dra", "pi", "gor", "li", "sha", "ne"];

function invented(r: () => number, syllables: number): string {
  let w = "";
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w;
}

function capital(w: string): string {
  return w[0]!.toUpperCase() + w.slice(1);
}

interface BaseText {
  title: string | null;
  sentences: string[];
}

interface HtmlPage {
  html: string;
  title: string | null;
}

export interface Pool {
  texts: BaseText[];
  headlines: string[];
  pages: HtmlPage[];
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim().length > 20);
}

function loadPolnear(): BaseText[] {
  const dir = join(DATA_DIR, "quotes", "polnear", "jsonl");
  if (!existsSync(dir)) return [];
  const seen = new Set<string>();
  const out: BaseText[] = [];
  for (const name of readdirSync(dir).sort()) {
    for (const line of readFileSync(join(dir, name), "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const d = JSON.parse(line) as { doc: string; title?: string; text: string };
      if (seen.has(d.doc)) continue;
      seen.add(d.doc);
      // The text opens with the headline as its own paragraph.
      const body = d.title && d.text.startsWith(d.title) ? d.text.slice(d.title.length) : d.text;
      out.push({ title: d.title ?? null, sentences: sentencesOf(body) });
    }
  }
  return out;
}

function loadPages(): HtmlPage[] {
  const dir = join(DATA_DIR, "readability-test-pages");
  if (!existsSync(dir)) return [];
  const out: HtmlPage[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name, "source.html");
    if (!existsSync(file)) continue;
    const html = readFileSync(file, "utf8");
    // Only pages with paragraphs can carry a story written into them.
    if (!/<p\b/i.test(html)) continue;
    const meta = join(dir, name, "expected-metadata.json");
    const title = existsSync(meta)
      ? ((JSON.parse(readFileSync(meta, "utf8")) as { title?: string }).title ?? null)
      : null;
    out.push({ html, title });
  }
  return out;
}

/** The shared data as base texts, headlines and pages; null when none of it is there. */
export function loadPool(): Pool | null {
  const ecb = loadEcb();
  const fnc = loadFnc();
  const texts: BaseText[] = [
    ...(ecb ?? []).map((d) => ({ title: null, sentences: sentencesOf(d.text) })),
    ...(fnc?.bodies ?? []).map((d) => ({ title: null, sentences: sentencesOf(d.text) })),
    ...loadPolnear(),
  ].filter((t) => t.sentences.length >= 4);
  if (texts.length === 0) return null;
  const headlines = [
    ...(fnc?.headlines ?? []).map((h) => h.text),
    ...texts.flatMap((t) => (t.title ? [t.title] : [])),
  ];
  return { texts, headlines, pages: loadPages() };
}

export interface CrawlRecord {
  id: string;
  url: string;
  title: string;
  published: string;
  text?: string;
  html?: string;
}

interface Story {
  n: number;
  sentences: string[];
  title: string;
  day: number;
}

const LONG_WORD = /\b[a-z]{7,}\b/g;
const CAP_WORD = /\b[A-Z][a-z]{2,}\b/g;
const NUMBER = /\b\d[\d,.]*\b/g;

function newStory(pool: Pool, r: () => number, n: number): Story {
  const names = new Map<string, string>();
  const words = new Map<string, string>();
  const figures = new Map<string, string>();
  const rename = (w: string) => {
    let v = names.get(w);
    if (v === undefined) {
      v = capital(invented(r, 2 + Math.floor(r() * 2)));
      names.set(w, v);
    }
    return v;
  };
  const swap = (w: string) => {
    let v = words.get(w);
    if (v === undefined) {
      v = r() < SWAP_SHARE ? invented(r, 3) : w;
      words.set(w, v);
    }
    return v;
  };
  const refigure = (w: string) => {
    let v = figures.get(w);
    if (v === undefined) {
      v = String(1 + Math.floor(r() * 10_000));
      figures.set(w, v);
    }
    return v;
  };
  // Sentence-initial capitals are mostly function words: only those inside a sentence are names.
  const rewrite = (s: string) =>
    s
      .replace(CAP_WORD, (w, at: number) => (at === 0 ? w : rename(w)))
      .replace(LONG_WORD, swap)
      .replace(NUMBER, refigure);
  const sentences: string[] = [];
  for (let k = 0; k < 3; k++) {
    const from = pool.texts[Math.floor(r() * pool.texts.length)]!.sentences;
    const start = Math.floor(r() * Math.max(1, from.length - STORY_SENTENCES / 3));
    for (const s of from.slice(start, start + STORY_SENTENCES / 3)) sentences.push(rewrite(s));
  }
  const headline = pool.headlines.length > 0 ? pool.headlines[Math.floor(r() * pool.headlines.length)]! : "";
  const title = rewrite(headline) || sentences[0]!.slice(0, 80);
  return { n, sentences, title, day: Math.floor(r() * SPAN_DAYS) };
}

function isoDay(day: number, r: () => number): string {
  const t = FIRST_DAY + day * 86_400_000 + Math.floor(r() * 86_400_000);
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

/** A record with the text given as an HTML page: the story's lead written into a test page. */
function asHtml(rec: CrawlRecord, page: HtmlPage): CrawlRecord {
  const text = rec.text ?? "";
  const paragraphs = text
    .split("\n\n")
    .map((p) => `<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`)
    .join("\n");
  let html = page.html.replace(/<title>[^<]*<\/title>/i, `<title>${rec.title.replace(/</g, "&lt;")}</title>`);
  html = html.replace(/<p\b[^>]*>/i, (m) => `${paragraphs}\n${m}`);
  const { text: _text, ...rest } = rec;
  return { ...rest, html };
}

/** The corpus's records in order (deterministic for a seed). */
export function* records(pool: Pool, count: number, seed: number): Generator<CrawlRecord> {
  const r = rng(seed);
  const recent: CrawlRecord[] = [];
  let story: Story | null = null;
  let storyLeft = 0;
  let stories = 0;
  for (let i = 0; i < count; i++) {
    const roll = r();
    const from = recent.length > 0 ? recent[Math.floor(r() * recent.length)]! : null;
    let rec: CrawlRecord;
    if (from !== null && roll < RECRAWL_SHARE) {
      rec = from;
    } else if (from !== null && roll < RECRAWL_SHARE + SYNDICATED_SHARE) {
      const outlet = OUTLETS[Math.floor(r() * OUTLETS.length)]!;
      rec = { ...from, id: `r${i}`, url: `https://${outlet}/wire/${i}/${slug(from.title)}` };
    } else if (from !== null && roll < RECRAWL_SHARE + SYNDICATED_SHARE + EDIT_SHARE) {
      const text = from.text ?? "";
      const kind = r();
      const edited =
        kind < 0.33
          ? { title: `UPDATE: ${from.title}` }
          : kind < 0.66
            ? { text: text.replace(/\b(\d+)\b/, (d) => String(Number(d) + 1)) }
            : { text: `${text}\n\n${FOOTERS[Math.floor(r() * FOOTERS.length)]}` };
      rec = { ...from, id: `r${i}`, url: `${from.url}?v=${i}`, ...edited };
    } else {
      if (story === null || storyLeft <= 0) {
        story = newStory(pool, r, ++stories);
        storyLeft = Math.max(1, Math.round(-Math.log(1 - r()) * MEAN_STORY_SIZE));
      }
      storyLeft--;
      const kept = story.sentences.filter(() => r() < KEEP_SHARE);
      const rot = Math.floor(r() * Math.max(1, kept.length));
      const ordered = [...kept.slice(rot), ...kept.slice(0, rot)];
      const paragraphs: string[] = [];
      for (let k = 0; k < ordered.length; k += 3) paragraphs.push(ordered.slice(k, k + 3).join(" "));
      const outlet = OUTLETS[Math.floor(r() * OUTLETS.length)]!;
      const title = r() < 0.5 ? story.title : `${story.title.split(" ").slice(0, 6).join(" ")} (${outlet})`;
      rec = {
        id: `r${i}`,
        url: `https://${outlet}/${isoDay(story.day, r).slice(0, 10)}/${slug(title)}-${i}`,
        title,
        published: isoDay(story.day + Math.floor(r() * 3), r),
        text: paragraphs.join("\n\n"),
      };
      if (pool.pages.length > 0 && r() < HTML_SHARE) {
        rec = asHtml(rec, pool.pages[Math.floor(r() * pool.pages.length)]!);
      }
    }
    if (rec.text !== undefined) {
      recent.push(rec);
      if (recent.length > RECENT) recent.shift();
    }
    yield rec;
  }
}

/** Writes the corpus to path as JSON lines; resolves to the bytes written. */
export async function writeCorpus(pool: Pool, count: number, seed: number, path: string): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let chunk = "";
  for (const rec of records(pool, count, seed)) {
    chunk += `${JSON.stringify(rec)}\n`;
    if (chunk.length > 1 << 20) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      chunk = "";
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.write(chunk);
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return bytes;
}

if (process.argv[1]?.endsWith("generate.js")) {
  const pool = loadPool();
  const out = option("--out");
  if (pool === null) console.log("generate: no shared data under ../shared/data");
  else if (out === undefined || out.startsWith(repoRoot()))
    console.log("generate: --out a path outside the repository");
  else {
    const docs = Number(option("--docs") ?? "10000");
    const bytes = await writeCorpus(pool, docs, Number(option("--seed") ?? "42"), out);
    console.log(`generate: ${docs} records, ${(bytes / 2 ** 20).toFixed(0)} MB, in ${out}`);
  }
}
