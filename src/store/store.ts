/**
 * The corpus store: articles, the records they came from, ingest checkpoints, clusterer
 * features and stories, in one SQLite file. All writes go through `commit`, one transaction
 * per batch, so a process killed at any moment leaves whole batches or nothing of them.
 */
import { hostname } from "node:os";
import type { Article } from "../model/index.js";
import { type Db, type OpenOptions, openDatabase, StoreError } from "./db.js";
import type { PreparedArticle } from "./prepare.js";
import type { Assignment } from "./types.js";

export interface SourceState {
  id: number;
  path: string;
  kind: string;
  size: number;
  mtimeMs: number;
  resumeOffset: number;
  resumeLine: number;
  finished: boolean;
}

/** A checkpoint to write with a batch: how far a source got. */
export interface SourceCheckpoint {
  id: number;
  resumeOffset: number;
  resumeLine: number;
  finished: boolean;
}

export interface NewArticle {
  seq: number;
  id: string;
  record: string;
  prepared: PreparedArticle;
}

/** The clusterer's verdict on a stored article: one of this batch's, or one a warm-up held back. */
export interface AssignedArticle {
  seq: number;
  assignment: Assignment;
}

export interface RecordRow {
  key: string;
  source: string;
  status: "stored" | "duplicate" | "skipped";
  article: number | null;
  reason: string | null;
}

export interface Batch {
  articles: NewArticle[];
  /** In ingest order; written after the batch's articles, so a held article's verdict may come with a later batch. */
  assignments: AssignedArticle[];
  records: RecordRow[];
  sources: SourceCheckpoint[];
  /** Set by the batch whose verdicts end the clusterer's warm-up: how many articles it held. */
  warmup?: number;
}

export interface StoryRow {
  id: string;
  size: number;
  firstPublished: string | null;
  lastPublished: string | null;
  headline: string | null;
  firstArticle: number;
}

export interface StorySummary extends StoryRow {
  outlets: string[];
}

export type StoryOrder = "size" | "newest";

/** The last refinement of the store's stories (see the refined layer in schema.ts). */
export interface Refinement {
  /** Articles up to this seq were refined; later ones were placed through their online story. */
  throughArticle: number;
  articles: number;
  stories: number;
  /** Articles whose refined story is not their online story. */
  moved: number;
  assigner: string;
  finishedAt: string;
  seconds: number;
  /** Articles stored since, placed by the online pass alone. */
  since: number;
}

/** A refined layer to write: every article's story, and where each online story went. */
export interface RefinedLayer {
  throughArticle: number;
  /** [seq, story] of every article up to throughArticle. */
  assignments: Iterable<readonly [number, string]>;
  /** [online story, refined story] of every online story. */
  map: Iterable<readonly [string, string]>;
  moved: number;
  assigner: string;
  seconds: number;
}

/** The tables a read goes to: the refined layer once there is one, else the online assignments. */
interface Layer {
  assignments: "assignments" | "refined_assignments";
  stories: "stories" | "refined_stories";
}

const ONLINE: Layer = { assignments: "assignments", stories: "stories" };
const REFINED: Layer = { assignments: "refined_assignments", stories: "refined_stories" };

/** The upsert of one article into a stories table, keeping its size, dates, headline and span. */
function upsertStorySql(table: Layer["stories"]): string {
  return `INSERT INTO ${table}
        (id, size, first_published, last_published, headline, first_article, last_article)
      VALUES (@story, 1, @published, @published, @title, @seq, @seq)
      ON CONFLICT (id) DO UPDATE SET
        size = size + 1,
        first_published = CASE
          WHEN first_published IS NULL THEN excluded.first_published
          WHEN excluded.first_published IS NULL THEN first_published
          ELSE MIN(first_published, excluded.first_published) END,
        last_published = CASE
          WHEN last_published IS NULL THEN excluded.last_published
          WHEN excluded.last_published IS NULL THEN last_published
          ELSE MAX(last_published, excluded.last_published) END,
        headline = COALESCE(headline, excluded.headline),
        last_article = MAX(last_article, excluded.last_article)`;
}

/**
 * The meta key saying how many of the first articles the clusterer held back while it counted
 * their statistics (its warm-up), once it has let them go; absent while it still holds them.
 */
export const WARMUP_META = "warmup";

/** The meta key naming the process that is ingesting into the store. */
const WRITER_META = "writer";

/** Whether the process a writer mark names still runs (on another host it cannot be told: assume it does). */
function writerAlive(mark: string): boolean {
  const at = mark.indexOf("@");
  const pid = Number(mark.slice(0, at));
  if (mark.slice(at + 1) !== hostname()) return true;
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Articles listed per story when counting its outlets for a listing; a story's outlets beyond this are rare. */
const OUTLET_SCAN_ARTICLES = 5_000;

export interface StoredArticle {
  seq: number;
  article: Article;
  url: string | null;
  duplicateOf: string | null;
  nearDuplicateOf: string | null;
}

interface ArticleDbRow {
  seq: number;
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  published: string | null;
  outlet: string | null;
  lang: string | null;
  byline: string | null;
  dek: string | null;
  dateline: string | null;
  body: string;
  paragraphs: string | null;
  removed: string;
  duplicate_of: string | null;
  near_duplicate_of: string | null;
}

export class CorpusStore {
  readonly db: Db;
  readonly path: string;

  private constructor(db: Db, path: string) {
    this.db = db;
    this.path = path;
  }

  static open(path: string, options: OpenOptions = {}): CorpusStore {
    return new CorpusStore(openDatabase(path, options), path);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  getMeta(key: string): string | null {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as
      | { value: string }
      | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(key, value);
  }

  /**
   * Marks this process as the store's one writer for an ingest. Two ingests at once would
   * interleave their batches; the second is refused while the first is alive. A writer killed
   * without releasing (SIGKILL, power cut) leaves a mark naming a dead process, which is taken over.
   */
  acquireWriter(): void {
    const me = `${process.pid}@${hostname()}`;
    this.db
      .transaction(() => {
        const held = this.getMeta(WRITER_META);
        if (held !== null && held !== me && writerAlive(held)) {
          throw new StoreError(
            `another triangulate ingest (process ${held}) is writing to ${this.path}; wait for it to finish or stop it`,
          );
        }
        this.setMeta(WRITER_META, me);
      })
      .immediate();
  }

  releaseWriter(): void {
    if (!this.db.open) return;
    this.db
      .prepare("DELETE FROM meta WHERE key = ? AND value = ?")
      .run(WRITER_META, `${process.pid}@${hostname()}`);
  }

  articleCount(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM articles").get() as { n: number }).n;
  }

  /** Articles stored without a story yet: held by a clusterer's warm-up that a killed run left unfinished. */
  unplacedCount(): number {
    return (
      this.db
        .prepare("SELECT (SELECT COUNT(*) FROM articles) - (SELECT COUNT(*) FROM assignments) AS n")
        .get() as { n: number }
    ).n;
  }

  /** Stories of the layer the corpus commands read (refined once there is a refinement). */
  storyCount(): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM ${this.layer().stories}`).get() as { n: number }).n;
  }

  /** Stories of the online pass alone. */
  onlineStoryCount(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM stories").get() as { n: number }).n;
  }

  /** The last refinement, or null when the stories have never been refined. */
  refinement(): Refinement | null {
    const row = this.db
      .prepare(
        `SELECT through_article AS throughArticle, articles, stories, moved, assigner, finished_at AS finishedAt,
           seconds, (SELECT COUNT(*) FROM articles WHERE seq > through_article) AS since FROM refinement WHERE id = 1`,
      )
      .get() as Refinement | undefined;
    return row ?? null;
  }

  private layer(): Layer {
    return this.db.prepare("SELECT 1 FROM refinement WHERE id = 1").get() === undefined ? ONLINE : REFINED;
  }

  /**
   * Replaces the refined layer with this one in one transaction: a process killed while writing
   * leaves the previous layer (or none) whole. Story sizes, dates and headlines are computed
   * from the members, as the online stories' are kept up batch by batch.
   */
  writeRefinedLayer(layer: RefinedLayer): void {
    const insertAssignment = this.db.prepare(
      "INSERT INTO refined_assignments (article, story) VALUES (?, ?)",
    );
    const insertMap = this.db.prepare("INSERT INTO refined_map (online, story) VALUES (?, ?)");
    this.db
      .transaction(() => {
        this.db.exec(
          "DELETE FROM refined_assignments; DELETE FROM refined_stories; DELETE FROM refined_map;",
        );
        for (const [seq, story] of layer.assignments) insertAssignment.run(seq, story);
        for (const [online, story] of layer.map) insertMap.run(online, story);
        this.db.exec(`INSERT INTO refined_stories
            (id, size, first_published, last_published, headline, first_article, last_article)
          SELECT r.story, COUNT(*), MIN(a.published), MAX(a.published),
            (SELECT a2.title FROM refined_assignments r2 JOIN articles a2 ON a2.seq = r2.article
              WHERE r2.story = r.story AND a2.title IS NOT NULL ORDER BY r2.article LIMIT 1),
            MIN(r.article), MAX(r.article)
          FROM refined_assignments r JOIN articles a ON a.seq = r.article GROUP BY r.story`);
        const counts = this.db
          .prepare(
            "SELECT (SELECT COUNT(*) FROM refined_assignments) AS articles, (SELECT COUNT(*) FROM refined_stories) AS stories",
          )
          .get() as { articles: number; stories: number };
        this.db
          .prepare(
            `INSERT OR REPLACE INTO refinement
               (id, through_article, articles, stories, moved, assigner, finished_at, seconds)
             VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            layer.throughArticle,
            counts.articles,
            counts.stories,
            layer.moved,
            layer.assigner,
            new Date().toISOString(),
            layer.seconds,
          );
      })
      .immediate();
  }

  nextSeq(): number {
    const row = this.db.prepare("SELECT MAX(seq) AS m FROM articles").get() as { m: number | null };
    return (row.m ?? 0) + 1;
  }

  /**
   * The source row for this file version, created (at offset 0, unfinished) if new. Its own
   * small transaction: a kill right after it leaves a harmless empty checkpoint.
   */
  source(path: string, size: number, mtimeMs: number, kind: string): SourceState {
    this.db
      .prepare("INSERT OR IGNORE INTO sources (path, size, mtime_ms, kind) VALUES (?, ?, ?, ?)")
      .run(path, size, mtimeMs, kind);
    const row = this.db
      .prepare(
        `SELECT id, path, kind, size, mtime_ms AS mtimeMs, resume_offset AS resumeOffset, resume_line AS resumeLine,
           finished FROM sources WHERE path = ? AND size = ? AND mtime_ms = ?`,
      )
      .get(path, size, mtimeMs) as Omit<SourceState, "finished"> & { finished: number };
    return { ...row, finished: row.finished === 1 };
  }

  /** Prepared statements for the hot path of ingest (one lookup per record). */
  lookups(): {
    hasRecord(key: string): boolean;
    articleByHash(hash: string): { seq: number; id: string } | null;
    idTaken(id: string): boolean;
  } {
    const record = this.db.prepare("SELECT 1 FROM records WHERE key = ?").pluck();
    const byHash = this.db.prepare("SELECT seq, id FROM articles WHERE content_hash = ?");
    const byId = this.db.prepare("SELECT 1 FROM articles WHERE id = ?").pluck();
    return {
      hasRecord: (key) => record.get(key) !== undefined,
      articleByHash: (hash) => (byHash.get(hash) as { seq: number; id: string } | undefined) ?? null,
      idTaken: (id) => byId.get(id) !== undefined,
    };
  }

  /** Writes one batch in one transaction: all of it lands, or (killed, failed) none of it. */
  commit(batch: Batch): void {
    const insertArticle = this.db.prepare(`INSERT INTO articles (
        seq, id, source, record, external_id, url, canonical_url, title, published, published_from,
        outlet, lang, byline, dek, dateline, body, paragraphs, removed, format, encoding, content_hash)
      VALUES (@seq, @id, @source, @record, @externalId, @url, @canonicalUrl, @title, @published, @publishedFrom,
        @outlet, @lang, @byline, @dek, @dateline, @body, @paragraphs, @removed, @format, @encoding, @contentHash)`);
    const insertFeatures = this.db.prepare("INSERT INTO features (article, data) VALUES (?, ?)");
    // The batch's articles in one statement: FTS5 then writes one segment per batch (schema.ts, version 3).
    const indexText = this.db.prepare(
      "INSERT INTO articles_fts (rowid, title, body) SELECT seq, title, body FROM articles WHERE seq >= ? AND seq <= ?",
    );
    const insertAssignment = this.db.prepare(
      "INSERT INTO assignments (article, story, duplicate_of, near_duplicate_of) VALUES (?, ?, ?, ?)",
    );
    const upsertStory = this.db.prepare(upsertStorySql("stories"));
    const dated = this.db.prepare("SELECT title, published FROM articles WHERE seq = ?");
    // Once the stories have been refined, each new article also joins the refined story its
    // online story went to (or, for an online story started since, the refined story of that id).
    const refined =
      this.layer() === REFINED
        ? {
            mapped: this.db.prepare("SELECT story FROM refined_map WHERE online = ?").pluck(),
            insert: this.db.prepare("INSERT INTO refined_assignments (article, story) VALUES (?, ?)"),
            upsert: this.db.prepare(upsertStorySql("refined_stories")),
          }
        : null;
    const insertRecord = this.db.prepare(
      "INSERT OR IGNORE INTO records (key, source, status, article, reason) VALUES (?, ?, ?, ?, ?)",
    );
    const updateSource = this.db.prepare(
      "UPDATE sources SET resume_offset = @resumeOffset, resume_line = @resumeLine, finished = @finished WHERE id = @id",
    );
    this.db
      .transaction(() => {
        for (const a of batch.articles) {
          const p = a.prepared;
          insertArticle.run({
            seq: a.seq,
            id: a.id,
            source: p.source,
            record: a.record,
            externalId: p.externalId,
            url: p.url,
            canonicalUrl: p.canonicalUrl,
            title: p.title,
            published: p.published,
            publishedFrom: p.publishedFrom,
            outlet: p.outlet,
            lang: p.lang,
            byline: p.byline,
            dek: p.dek,
            dateline: p.dateline,
            body: p.body,
            paragraphs: p.paragraphs,
            removed: p.removed,
            format: p.format,
            encoding: p.encoding,
            contentHash: p.contentHash,
          });
          insertFeatures.run(a.seq, p.featuresJson);
        }
        if (batch.articles.length > 0) {
          let first = Number.POSITIVE_INFINITY;
          let last = Number.NEGATIVE_INFINITY;
          for (const { seq } of batch.articles) {
            first = Math.min(first, seq);
            last = Math.max(last, seq);
          }
          // Seqs are handed out in order and only here, so the range holds this batch's articles alone.
          indexText.run(first, last);
        }
        for (const { seq, assignment: s } of batch.assignments) {
          const { title, published } = dated.get(seq) as { title: string | null; published: string | null };
          insertAssignment.run(seq, s.story, s.duplicateOf, s.nearDuplicateOf);
          upsertStory.run({ story: s.story, published, title, seq });
          if (refined !== null) {
            const story = (refined.mapped.get(s.story) as string | undefined) ?? s.story;
            refined.insert.run(seq, story);
            refined.upsert.run({ story, published, title, seq });
          }
        }
        if (batch.warmup !== undefined) this.setMeta(WARMUP_META, String(batch.warmup));
        for (const r of batch.records) insertRecord.run(r.key, r.source, r.status, r.article, r.reason);
        for (const s of batch.sources) updateSource.run({ ...s, finished: s.finished ? 1 : 0 });
      })
      .immediate();
  }

  /** Every stored article's seq, id, features and stored story, in ingest order: what a resumed run replays. */
  *replay(): Generator<{ seq: number; id: string; features: string; story: string | null }> {
    const rows = this.db
      .prepare(
        `SELECT a.seq AS seq, a.id AS id, f.data AS features, s.story AS story FROM articles a
         JOIN features f ON f.article = a.seq LEFT JOIN assignments s ON s.article = a.seq ORDER BY a.seq`,
      )
      .iterate() as IterableIterator<{ seq: number; id: string; features: string; story: string | null }>;
    yield* rows;
  }

  /** Stories, largest (or newest) first, a page at a time. */
  stories(order: StoryOrder, limit: number, offset: number): StorySummary[] {
    // SQLite sorts NULL below every date, so undated stories come last in DESC order, and the index serves both.
    const orderBy = order === "size" ? "size DESC, first_article" : "last_published DESC, first_article";
    const layer = this.layer();
    const rows = this.db
      .prepare(
        `SELECT id, size, first_published AS firstPublished, last_published AS lastPublished, headline,
           first_article AS firstArticle FROM ${layer.stories} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as StoryRow[];
    return this.withOutlets(rows, layer);
  }

  private withOutlets(rows: StoryRow[], layer: Layer): StorySummary[] {
    const outlets = this.db
      .prepare(
        `SELECT DISTINCT outlet FROM (SELECT a.outlet AS outlet FROM ${layer.assignments} s JOIN articles a ON a.seq = s.article
           WHERE s.story = ? LIMIT ${OUTLET_SCAN_ARTICLES}) WHERE outlet IS NOT NULL ORDER BY outlet`,
      )
      .pluck();
    return rows.map((row) => ({ ...row, outlets: outlets.all(row.id) as string[] }));
  }

  /**
   * Stories with articles matching a full-text query (FTS5 syntax: words, "phrases", OR, NOT,
   * prefix*), those with the most matching articles first. Throws StoreError for a malformed query.
   */
  searchStories(query: string, limit: number, offset: number): { stories: StorySummary[]; total: number } {
    const layer = this.layer();
    const matches = `SELECT s.story AS story, COUNT(*) AS hits FROM articles_fts f
      JOIN ${layer.assignments} s ON s.article = f.rowid WHERE articles_fts MATCH ? GROUP BY s.story`;
    try {
      const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM (${matches})`).get(query) as { n: number }).n;
      const rows = this.db
        .prepare(
          `SELECT t.id, t.size, t.first_published AS firstPublished, t.last_published AS lastPublished, t.headline,
             t.first_article AS firstArticle FROM (${matches}) m JOIN ${layer.stories} t ON t.id = m.story
           ORDER BY m.hits DESC, t.size DESC, t.first_article LIMIT ? OFFSET ?`,
        )
        .all(query, limit, offset) as StoryRow[];
      return { stories: this.withOutlets(rows, layer), total };
    } catch (err) {
      if ((err as { code?: string }).code === "SQLITE_ERROR") {
        throw new StoreError(`cannot search for ${JSON.stringify(query)}: ${(err as Error).message}`);
      }
      throw err;
    }
  }

  story(id: string): StoryRow | null {
    return (
      (this.db
        .prepare(
          `SELECT id, size, first_published AS firstPublished, last_published AS lastPublished, headline,
             first_article AS firstArticle FROM ${this.layer().stories} WHERE id = ?`,
        )
        .get(id) as StoryRow | undefined) ?? null
    );
  }

  /**
   * The refined story an online story's articles went to, when `id` names an online story that
   * is no longer a story of its own (refinement merged it into another); else null.
   */
  refinedStoryOf(id: string): string | null {
    if (this.layer() !== REFINED) return null;
    const to = this.db.prepare("SELECT story FROM refined_map WHERE online = ?").pluck().get(id) as
      | string
      | undefined;
    return to !== undefined && to !== id ? to : null;
  }

  /**
   * Up to `limit` of the story's articles as Articles, in ingest order: articles that are not a
   * duplicate of another first (the independent versions), then duplicates.
   */
  storyArticles(id: string, limit: number): StoredArticle[] {
    const rows = this.db
      .prepare(
        `SELECT a.seq, a.id, a.source, a.url, a.title, a.published, a.outlet, a.lang, a.byline, a.dek, a.dateline,
           a.body, a.paragraphs, a.removed, s.duplicate_of, s.near_duplicate_of
         FROM ${this.layer().assignments} t JOIN assignments s ON s.article = t.article
           JOIN articles a ON a.seq = t.article WHERE t.story = ?
         ORDER BY (s.duplicate_of IS NOT NULL), (s.near_duplicate_of IS NOT NULL), a.seq LIMIT ?`,
      )
      .all(id, limit) as ArticleDbRow[];
    return rows.sort((a, b) => a.seq - b.seq).map(toStoredArticle);
  }

  /** Stories whose id starts with the given text, for "did you mean" on an unknown id. */
  storiesLike(prefix: string, limit: number): string[] {
    return this.db
      .prepare(`SELECT id FROM ${this.layer().stories} WHERE id >= ? AND id < ? ORDER BY id LIMIT ?`)
      .pluck()
      .all(prefix, `${prefix}\uffff`, limit) as string[];
  }

  skippedRecords(limit: number): { key: string; source: string; reason: string }[] {
    return this.db
      .prepare(
        "SELECT key, source, reason FROM records WHERE status = 'skipped' ORDER BY source, key LIMIT ?",
      )
      .all(limit) as { key: string; source: string; reason: string }[];
  }
}

function toStoredArticle(row: ArticleDbRow): StoredArticle {
  const paragraphs = row.paragraphs ? (JSON.parse(row.paragraphs) as string[]) : row.body.split("\n\n");
  return {
    seq: row.seq,
    url: row.url,
    duplicateOf: row.duplicate_of,
    nearDuplicateOf: row.near_duplicate_of,
    article: {
      id: row.id,
      source: row.source,
      outlet: row.outlet,
      title: row.title,
      dek: row.dek,
      byline: row.byline,
      published: row.published,
      dateline: row.dateline,
      lang: row.lang,
      paragraphs,
      body: row.body,
      removed: JSON.parse(row.removed) as Article["removed"],
    },
  };
}
