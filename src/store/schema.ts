/**
 * The corpus store's schema, as an ordered list of migrations. A database records which
 * migrations it has had (table `schema_migrations`, mirrored in `PRAGMA user_version`); opening
 * it applies the missing ones in order, each in its own transaction, so a kill during a
 * migration leaves the database at the previous version, never half-migrated.
 *
 * Never edit a migration that has shipped: add a new one.
 */

export interface Migration {
  /** 1, 2, 3, ... with no gaps: the schema version a database has once this one is applied. */
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "corpus: articles, records, sources, features, stories, full-text index",
    sql: `
      -- One row per distinct article (distinct by content_hash). seq is the ingest order: the
      -- order articles were handed to the story clusterer, and the order a resumed run replays.
      CREATE TABLE articles (
        seq             INTEGER PRIMARY KEY,
        id              TEXT NOT NULL UNIQUE,
        source          TEXT NOT NULL,
        record          TEXT NOT NULL,
        external_id     TEXT,
        url             TEXT,
        canonical_url   TEXT,
        title           TEXT,
        published       TEXT,
        published_from  TEXT NOT NULL CHECK (published_from IN ('page', 'record', 'crawl', 'none')),
        outlet          TEXT,
        lang            TEXT,
        byline          TEXT,
        dek             TEXT,
        dateline        TEXT,
        body            TEXT NOT NULL,
        paragraphs      TEXT,
        removed         TEXT NOT NULL,
        format          TEXT NOT NULL,
        encoding        TEXT NOT NULL,
        content_hash    TEXT NOT NULL UNIQUE
      );
      CREATE INDEX articles_published ON articles (published);
      CREATE INDEX articles_url ON articles (url);

      -- Every input record seen and settled: stored as a new article, a duplicate of one, or
      -- skipped with a reason. The key is the record's stable identity (WARC-Record-ID; source
      -- and line; file path, size and time; URL), so a record is never processed twice.
      CREATE TABLE records (
        key      TEXT PRIMARY KEY,
        source   TEXT NOT NULL,
        status   TEXT NOT NULL CHECK (status IN ('stored', 'duplicate', 'skipped')),
        article  INTEGER REFERENCES articles (seq),
        reason   TEXT
      ) WITHOUT ROWID;
      CREATE INDEX records_status ON records (status);

      -- Per input file (one row per path, size and modification time: a changed file is a new
      -- source): how far ingest got, committed in the same transaction as the records it covers,
      -- so a resumed run seeks past finished work instead of re-reading it.
      CREATE TABLE sources (
        id             INTEGER PRIMARY KEY,
        path           TEXT NOT NULL,
        size           INTEGER NOT NULL,
        mtime_ms       INTEGER NOT NULL,
        kind           TEXT NOT NULL,
        resume_offset  INTEGER NOT NULL DEFAULT 0,
        resume_line    INTEGER NOT NULL DEFAULT 0,
        finished       INTEGER NOT NULL DEFAULT 0,
        UNIQUE (path, size, mtime_ms)
      );

      -- What the story clusterer computed for each article, serialised, so its state can be
      -- rebuilt by replaying these in seq order.
      CREATE TABLE features (
        article  INTEGER PRIMARY KEY REFERENCES articles (seq),
        data     TEXT NOT NULL
      );

      -- The clusterer's verdict on each article, as given when the article was added.
      CREATE TABLE assignments (
        article            INTEGER PRIMARY KEY REFERENCES articles (seq),
        story              TEXT NOT NULL,
        duplicate_of       TEXT,
        near_duplicate_of  TEXT
      );
      CREATE INDEX assignments_story ON assignments (story, article);

      -- One row per story, kept up to date with each committed batch.
      CREATE TABLE stories (
        id               TEXT PRIMARY KEY,
        size             INTEGER NOT NULL,
        first_published  TEXT,
        last_published   TEXT,
        headline         TEXT,
        first_article    INTEGER NOT NULL,
        last_article     INTEGER NOT NULL
      );
      CREATE INDEX stories_size ON stories (size DESC, first_article);
      CREATE INDEX stories_newest ON stories (last_published DESC, first_article);

      -- Key/value facts about the store, e.g. which clusterer built the stories.
      CREATE TABLE meta (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) WITHOUT ROWID;

      -- Full-text index on title and body; the text itself lives only in articles.
      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, body, content = 'articles', content_rowid = 'seq'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body)
          VALUES ('delete', old.seq, old.title, old.body);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body)
          VALUES ('delete', old.seq, old.title, old.body);
        INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
      END;
    `,
  },
  {
    version: 2,
    name: "refined layer: stories after the clusterer's refinement, beside the online assignments",
    sql: `
      -- The stories as triangulate cluster gives them for the stored articles: the stored
      -- features replayed into a fresh clusterer in seq order, then refined. The online
      -- assignments above stay as the clusterer gave them (a resumed ingest replays those); once
      -- this layer exists the corpus commands read it. Articles stored after the last refinement
      -- are placed here by ingest through refined_map, so the layer always covers every article.
      CREATE TABLE refined_assignments (
        article  INTEGER PRIMARY KEY REFERENCES articles (seq),
        story    TEXT NOT NULL
      );
      CREATE INDEX refined_assignments_story ON refined_assignments (story, article);

      CREATE TABLE refined_stories (
        id               TEXT PRIMARY KEY,
        size             INTEGER NOT NULL,
        first_published  TEXT,
        last_published   TEXT,
        headline         TEXT,
        first_article    INTEGER NOT NULL,
        last_article     INTEGER NOT NULL
      );
      CREATE INDEX refined_stories_size ON refined_stories (size DESC, first_article);
      CREATE INDEX refined_stories_newest ON refined_stories (last_published DESC, first_article);

      -- Where each online story went at the last refinement: the refined story holding most of
      -- its members. A later article the online pass puts in that story joins the refined one;
      -- an online story not listed (started since) is a refined story of the same id.
      CREATE TABLE refined_map (
        online  TEXT PRIMARY KEY,
        story   TEXT NOT NULL
      ) WITHOUT ROWID;

      -- The last refinement, one row once there has been one: the articles it covered (seq up
      -- to through_article) and what it did.
      CREATE TABLE refinement (
        id               INTEGER PRIMARY KEY CHECK (id = 1),
        through_article  INTEGER NOT NULL,
        articles         INTEGER NOT NULL,
        stories          INTEGER NOT NULL,
        moved            INTEGER NOT NULL,
        assigner         TEXT NOT NULL,
        finished_at      TEXT NOT NULL,
        seconds          REAL NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: "full-text index written per batch, not per article",
    sql: `
      -- A trigger indexed each article in a statement of its own, and FTS5 writes its pending
      -- terms out at every statement's end: a segment per article and merges without end, 78%
      -- of a batch's commit. CorpusStore.commit now indexes a batch's articles in one statement.
      -- The update and delete triggers stay: they are rare.
      DROP TRIGGER articles_fts_insert;
    `,
  },
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
