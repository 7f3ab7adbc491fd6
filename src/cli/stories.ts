/** `triangulate stories`: the stories in the corpus store, largest (or newest) first, a page at a time. */
import { existsSync } from "node:fs";
import {
  CorpusStore,
  DEFAULT_DB_PATH,
  type Refinement,
  StoreError,
  type StoryOrder,
  type StorySummary,
} from "../store/index.js";
import { type CliIO, EXIT_INPUT_FAILED, EXIT_OK } from "./analyze.js";
import { UsageError } from "./output.js";

export interface StoriesFlags {
  db?: string;
  json?: boolean;
  limit?: string;
  page?: string;
  sort?: string;
  search?: string;
}

const ORDER_LABEL: Record<StoriesListing["order"], string> = {
  size: "largest",
  newest: "newest",
  matches: "most matching articles",
};

/** Stories shown per page unless --limit says otherwise: a screenful with room for the header. */
export const DEFAULT_STORIES_LIMIT = 50;

/** Largest page accepted: beyond it use --json and a pager, or page through. */
const MAX_STORIES_LIMIT = 100_000;

/** Outlets named on a line of the text listing; the count is always shown. */
const OUTLETS_SHOWN = 2;

/** Width of the outlets column, and of each outlet name in it. */
const OUTLETS_WIDTH = 40;
const OUTLET_CHARS = 16;

/** Headline characters on a line of the text listing. */
const HEADLINE_CHARS = 70;

// Terminal control sequences (ESC, C1 controls) and bidirectional overrides in scraped text
// could repaint the user's terminal; line breaks would break the table.
const TERMINAL_UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]+/g;

export interface StoriesListing {
  db: string;
  total: number;
  /** "matches": most matching articles first (with --search). */
  order: StoryOrder | "matches";
  search?: string;
  page: number;
  limit: number;
  /**
   * "refined": the stories as `triangulate cluster` refines them (articles stored since the last
   * refinement placed through their online story); "online": as each article joined one on arrival.
   */
  layer: "refined" | "online";
  /** The last refinement: the articles it covered, and how many arrived since (placed, not refined). */
  refinement: { throughArticle: number; articles: number; since: number; finishedAt: string } | null;
  /** Articles in no story yet: held by the clusterer's warm-up when an ingest was interrupted; the next ingest places them. */
  unplaced: number;
  stories: {
    id: string;
    size: number;
    outlets: string[];
    firstPublished: string | null;
    lastPublished: string | null;
    headline: string | null;
  }[];
}

/** Runs the command; returns the exit code. A store that cannot be used is named, with exit 1. */
export async function storiesCommand(flags: StoriesFlags, io: CliIO): Promise<number> {
  try {
    return await storiesCommandInner(flags, io);
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    io.stderr.write(`triangulate: ${err.message}\n`);
    return EXIT_INPUT_FAILED;
  }
}

async function storiesCommandInner(flags: StoriesFlags, io: CliIO): Promise<number> {
  const dbPath = flags.db ?? DEFAULT_DB_PATH;
  const limit = positiveInt(flags.limit, "--limit", DEFAULT_STORIES_LIMIT, MAX_STORIES_LIMIT);
  const page = positiveInt(flags.page, "--page", 1, Number.MAX_SAFE_INTEGER);
  const order = sortOrder(flags.sort);
  requireStore(dbPath);
  const store = CorpusStore.open(dbPath, { readonly: true });
  try {
    const offset = (page - 1) * limit;
    const found = flags.search !== undefined ? store.searchStories(flags.search, limit, offset) : null;
    const total = found?.total ?? store.storyCount();
    const rows = found?.stories ?? store.stories(order, limit, offset);
    const refinement = store.refinement();
    const listing: StoriesListing = {
      db: dbPath,
      total,
      order: found ? "matches" : order,
      ...(flags.search !== undefined ? { search: flags.search } : {}),
      page,
      limit,
      layer: refinement !== null ? "refined" : "online",
      refinement: refinement !== null ? publicRefinement(refinement) : null,
      unplaced: store.unplacedCount(),
      stories: rows.map(publicStory),
    };
    io.stdout.write(
      flags.json ? `${JSON.stringify(listing, null, 2)}\n` : renderStories(listing, store.articleCount()),
    );
    return EXIT_OK;
  } finally {
    store.close();
  }
}

function publicStory(s: StorySummary): StoriesListing["stories"][number] {
  return {
    id: s.id,
    size: s.size,
    outlets: s.outlets,
    firstPublished: s.firstPublished,
    lastPublished: s.lastPublished,
    headline: s.headline,
  };
}

function publicRefinement(r: Refinement): NonNullable<StoriesListing["refinement"]> {
  return { throughArticle: r.throughArticle, articles: r.articles, since: r.since, finishedAt: r.finishedAt };
}

function positiveInt(value: string | undefined, flag: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`${flag} must be a whole number from 1 to ${max} (got ${value})`);
  return n;
}

function sortOrder(value: string | undefined): StoryOrder {
  if (value === undefined || value === "size") return "size";
  if (value === "newest") return "newest";
  throw new UsageError(`--sort must be size or newest (got ${value})`);
}

function terminalSafe(text: string, max: number): string {
  const chars = Array.from(text.replace(TERMINAL_UNSAFE, " ").replace(/\s+/g, " ").trim());
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

function day(date: string | null): string {
  return date ? date.slice(0, 10) : "?";
}

export function renderStories(listing: StoriesListing, articles: number): string {
  const n = (x: number) => x.toLocaleString("en-US");
  const from = (listing.page - 1) * listing.limit + 1;
  const to = from + listing.stories.length - 1;
  const lines: string[] = [];
  const matching = listing.search !== undefined ? ` matching ${JSON.stringify(listing.search)}` : "";
  lines.push(
    `${n(listing.total)} stories${matching}, ${n(articles)} articles in ${listing.db}` +
      (listing.stories.length > 0 ? ` (${n(from)}–${n(to)}, ${ORDER_LABEL[listing.order]} first)` : ""),
  );
  const dbFlag = listing.db === DEFAULT_DB_PATH ? "" : ` --db ${listing.db}`;
  const r = listing.refinement;
  if (articles > 0 && r === null) {
    lines.push(
      `(stories as the online pass gave them, not refined: \`triangulate ingest --refine${dbFlag}\` refines them)`,
    );
  } else if (r !== null && r.since > 0) {
    lines.push(
      `(refined ${r.finishedAt.slice(0, 10)} through article ${n(r.throughArticle)}; ${n(r.since)} article${r.since === 1 ? "" : "s"} ` +
        `added since joined stories through the online pass: \`triangulate ingest --refine${dbFlag}\` refines them too)`,
    );
  }
  if (listing.unplaced > 0) {
    lines.push(
      `(${n(listing.unplaced)} article${listing.unplaced === 1 ? " is" : "s are"} in no story yet: an interrupted ingest left the ` +
        `story clusterer counting the first articles' statistics; run the ingest again to place them)`,
    );
  }
  if (listing.total === 0 && listing.search !== undefined) {
    lines.push('(no article matches; the query is FTS5 syntax: words, "a phrase", OR, NOT, prefix*)');
    return `${lines.join("\n")}\n`;
  }
  if (listing.total === 0) {
    lines.push(`(empty: add articles with \`triangulate ingest <inputs...> --db ${listing.db}\`)`);
    return `${lines.join("\n")}\n`;
  }
  if (listing.stories.length === 0) {
    lines.push(`(no stories on page ${listing.page})`);
    return `${lines.join("\n")}\n`;
  }
  const idWidth = Math.max(2, ...listing.stories.map((s) => s.id.length));
  lines.push(
    `${"ID".padEnd(idWidth)}  ${"SIZE".padStart(6)}  ${"OUTLETS".padEnd(OUTLETS_WIDTH)}  ${"DATES".padEnd(23)}  HEADLINE`,
  );
  for (const s of listing.stories) {
    const shown = s.outlets.slice(0, OUTLETS_SHOWN).map((o) => terminalSafe(o, OUTLET_CHARS));
    const more = s.outlets.length > OUTLETS_SHOWN ? ` +${s.outlets.length - OUTLETS_SHOWN}` : "";
    // Text files name no outlet; "0:" would read like a count of something.
    const outlets =
      s.outlets.length === 0
        ? "(none named)"
        : terminalSafe(`${s.outlets.length}: ${shown.join(", ")}${more}`, OUTLETS_WIDTH);
    const dates =
      s.firstPublished || s.lastPublished ? `${day(s.firstPublished)} … ${day(s.lastPublished)}` : "undated";
    lines.push(
      `${s.id.padEnd(idWidth)}  ${String(s.size).padStart(6)}  ${outlets.padEnd(OUTLETS_WIDTH)}  ${dates.padEnd(23)}  ${terminalSafe(s.headline ?? "(no headline)", HEADLINE_CHARS)}`,
    );
  }
  const searchFlag = listing.search !== undefined ? ` --search ${JSON.stringify(listing.search)}` : "";
  if (to < listing.total) {
    lines.push(`(more: triangulate stories${dbFlag}${searchFlag} --page ${listing.page + 1})`);
  }
  lines.push(`(a story's report: triangulate story ID${dbFlag} --html story.html)`);
  return `${lines.join("\n")}\n`;
}

/** A store that is not there is a usage mistake (a wrong --db, or ingest not run yet), not a failed run. */
export function requireStore(dbPath: string): void {
  if (!existsSync(dbPath)) {
    throw new UsageError(
      `no corpus store at ${dbPath}; create it with \`triangulate ingest <inputs...>${dbPath === DEFAULT_DB_PATH ? "" : ` --db ${dbPath}`}\``,
    );
  }
}
