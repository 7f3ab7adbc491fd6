/** The data that flows through corpus ingest: raw records in, stored articles and story verdicts out. */
import type { KeyLog, RefineProgress } from "../corpus/index.js";
import type { Page } from "../model/index.js";

/**
 * What the story clusterer sees of one article: the clean text and metadata, nothing
 * page-level. Built from a freshly cleaned article or from a stored row, identically.
 */
export interface CorpusDoc {
  id: string;
  title: string | null;
  body: string;
  /** The dateline the cleaner took off the body's start ("PADANG, Indonesia, March 3, 2011"), or null. */
  dateline: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  lang: string | null;
}

/** The clusterer's verdict on one added article. Ids are article ids. */
export interface Assignment {
  story: string;
  duplicateOf: string | null;
  nearDuplicateOf: string | null;
}

/** The verdict on one article, by article id. */
export interface Placed {
  id: string;
  assignment: Assignment;
}

/**
 * Incremental story clustering: articles are added one at a time in ingest order, and the
 * result of each add depends only on the articles added before it (and on where a warm-up
 * ended), so replaying the stored features in the same order rebuilds the same state.
 */
export interface StoryAssigner {
  /**
   * Adds an article by its features as the binding's features function gave them, serialised.
   * Returns the verdicts this add settles, in ingest order: the article's own at once, or, from an
   * assigner that holds its first articles back while it counts their statistics (a warm-up),
   * none until the warm-up is over, then every article it held.
   */
  add(id: string, featuresJson: string, compiled?: unknown): Placed[];
  /** Ends a warm-up under way: the verdicts of the articles held (none when there is none). */
  end(): Placed[];
  /** Holding articles back: their verdicts wait for more articles or for `end`. */
  readonly warming: boolean;
}

/**
 * How ingest finds its clusterer. The features function is named by module URL and export,
 * because it runs in worker threads (it is the costly per-article part); `create` runs once,
 * on the thread that commits to the store.
 */
export interface AssignerBinding {
  /** Name and version of the clustering; a store built with one is not resumed with another. */
  id: string;
  /** URL of an ES module whose export `featuresExport` is `(doc: CorpusDoc) => unknown` (JSON-serialisable). */
  featuresModule: string;
  featuresExport: string;
  /**
   * An export of the same module, `(features: unknown) => unknown`, run in the worker beside the
   * features: what it returns (structured-cloneable) is handed to `add` with the JSON, so the
   * committing thread need not parse it. `add` must give the same verdicts without it (a replay).
   */
  compileExport?: string;
  create(): StoryAssigner;
  /** The batch refinement of the same clusterer, for the store's refined layer; absent when it has none. */
  createRefiner?(keyLog: KeyLog): StoryRefiner;
}

/**
 * A clusterer fed every stored article in ingest order, as a batch, then refined: the stories
 * `triangulate cluster` gives for those articles. Its labels are its own; the store names the
 * refined stories after the online ones (see refine.ts).
 */
export interface StoryRefiner {
  add(id: string, features: unknown): void;
  /** Refines; returns every added article's story label, in add order, and a line on what the rounds did. */
  refine(onProgress?: (p: RefineProgress) => void): { labels: string[]; note: string };
}

/** Metadata a record carries besides its page (JSON lines fields, WARC headers). */
export interface RecordHints {
  /** The record's own id (JSON lines `id`). */
  externalId?: string | null;
  /** Title given by the record; preferred over the cleaner's guess. */
  title?: string | null;
  /** Publication date given by the record; preferred over the cleaner's. */
  published?: string | null;
  /** Date the page was fetched (WARC-Date, HTTP Date): used only when nothing better is known. */
  crawled?: string | null;
  /** The record gave the article's text (a JSON line's `text`), not a page to take it from. */
  textGiven?: boolean;
}

/** A raw record ready for cleaning: its identity, its decoded page, and what the record says. */
export interface PageRecord {
  kind: "page";
  /** Stable identity of the record, e.g. `/data/a.warc.gz@39912/0`, `/data/b.jsonl:17`. */
  key: string;
  /** Where it came from, for messages: "a.jsonl line 17", "a.warc.gz record at offset 39912". */
  name: string;
  page: Page;
  hints: RecordHints;
}

/** A record that could not become a page: counted and named, the run goes on. */
export interface BadRecord {
  kind: "bad";
  key: string;
  name: string;
  reason: string;
  /**
   * The input could not be read at all (a URL that timed out, a file without permission): the
   * failure may pass, so it is not recorded as settled and the next run tries again.
   */
  transient?: boolean;
}

/** A record that is legitimately not an article (an image response, a request record): only counted. */
export interface IgnoredRecord {
  kind: "ignored";
  /** Short class for the summary: "not HTML (image/png)", "revisit record". */
  reason: string;
}

export type RawRecord = PageRecord | BadRecord | IgnoredRecord;

/**
 * Where to resume a source: a byte offset from which reading again yields the next unsettled
 * record (or one already settled, which is recognised by its key), and the line number there.
 */
export interface ResumePoint {
  offset: number;
  line: number;
}

/** One item of a source's record stream: a record, and where a resumed run may restart after it. */
export interface SourceItem {
  record: RawRecord;
  resume: ResumePoint;
  /** Bytes of the source read so far (for progress). */
  bytesRead: number;
}
