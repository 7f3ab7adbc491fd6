/**
 * Opening the embedded corpus store: a single SQLite file in WAL mode, migrated to the schema
 * this build writes. Every error names the database's path.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS, SCHEMA_VERSION } from "./schema.js";

/** The store used when no --db is given: a file in the working directory. */
export const DEFAULT_DB_PATH = "triangulate.db";

/**
 * How long a statement waits for another connection's write lock before failing: long enough
 * for a concurrent `triangulate stories` or an ingest's batch commit, short enough that a
 * second ingest on the same file is told so promptly.
 */
const BUSY_TIMEOUT_MS = 15_000;

/** Page cache per connection (KiB, SQLite's negative form): keeps index pages hot during bulk ingest. */
const CACHE_KIB = 64 * 1024;

/** A store that cannot be opened, read or written; the message names the file. */
export class StoreError extends Error {
  override name = "StoreError";
}

export interface OpenOptions {
  /** Open an existing store for reading only; a missing file is an error rather than created. */
  readonly?: boolean;
}

export type Db = Database.Database;

/** Opens (creating if needed) and migrates the store at path. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const full = resolve(path);
  if (options.readonly && !existsSync(full)) {
    throw new StoreError(`no corpus store at ${path} (run \`triangulate ingest ... --db ${path}\` first)`);
  }
  if (!options.readonly) {
    const parent = dirname(full);
    if (!existsSync(parent) || !statSync(parent).isDirectory()) {
      throw new StoreError(`cannot create the store ${path}: directory ${dirname(path)} does not exist`);
    }
  }
  let db: Db;
  try {
    db = new Database(full, {
      readonly: options.readonly === true,
      fileMustExist: options.readonly === true,
    });
  } catch (err) {
    throw new StoreError(`cannot open the store ${path}: ${(err as Error).message}`);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!options.readonly) {
      // WAL: readers never block the writer, and a killed writer leaves only an uncommitted
      // tail in the log, which the next open discards. synchronous=NORMAL is safe against any
      // process crash in WAL mode (only a power cut can lose the last commits, never corrupt).
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
    }
    db.pragma(`cache_size = -${CACHE_KIB}`);
    db.pragma("foreign_keys = ON");
    db.pragma("temp_store = MEMORY");
    migrate(db, path, options.readonly === true);
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError(`cannot use the store ${path}: ${(err as Error).message}`);
  }
  return db;
}

/** The schema version a database is at (0 for a new, empty file). */
export function schemaVersion(db: Db): number {
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!hasTable) return 0;
  const row = db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as { v: number | null };
  return row.v ?? 0;
}

function migrate(db: Db, path: string, readonly: boolean): void {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new StoreError(
      `the store ${path} has schema version ${current}, newer than this build of triangulate knows (${SCHEMA_VERSION}); upgrade triangulate`,
    );
  }
  if (current === SCHEMA_VERSION) return;
  if (readonly) {
    throw new StoreError(
      `the store ${path} has schema version ${current}; open it once for writing (e.g. \`triangulate ingest\`) to migrate it to ${SCHEMA_VERSION}`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    // Each migration and its bookkeeping row commit together or not at all. The version is read
    // again under the write lock: another process may have migrated meanwhile.
    db.transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
