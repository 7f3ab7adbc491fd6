import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import { FETCH_MAX_BYTES, FETCH_MAX_REDIRECTS, FETCH_TIMEOUT_MS, MAX_INPUT_BYTES } from "../limits.js";
import type { InputFailure, Page, PageFormat } from "../model/index.js";
import { isPublicAddress } from "./address.js";
import { charsetFromContentType, type DecodedPage, decodePage } from "./decode.js";
import { FetchError, type FetchLimits, fetchPage } from "./fetch.js";
import { describeFsError, PAGE_EXTENSIONS, readFileBounded, walkDirectory } from "./files.js";

export interface LoadResult {
  pages: Page[];
  failures: InputFailure[];
}

export interface LoadProgress {
  done: number;
  total: number;
  source: string;
}

export interface LoadOptions {
  /** Permit URLs that resolve to loopback/private/link-local addresses (local test servers, intranets). */
  allowPrivateNetwork?: boolean;
  /** Overrides the address policy entirely; takes precedence over allowPrivateNetwork. */
  isAllowedAddress?: (address: string) => boolean;
  fetchTimeoutMs?: number;
  fetchMaxBytes?: number;
  maxRedirects?: number;
  /** Files above this are refused before reading. */
  maxFileBytes?: number;
  onProgress?: (progress: LoadProgress) => void;
}

/** Inputs read at once: enough to overlap network waits, few enough to keep memory to a handful of pages. */
const LOAD_CONCURRENCY = 4;

/** Hex digits of the URL hash used as a page id: collisions among one story's URLs are out of reach. */
const URL_ID_HEX = 16;

type Item = { kind: "file"; source: string } | { kind: "url"; source: string };

type Loaded = { page: Omit<Page, "id">; idBase: string } | { failure: InputFailure };

/** One input as it comes out of ingest: a page, or the reason it could not become one. */
export type InputItem = { page: Page } | { failure: InputFailure };

/** Reads files, directories and URLs into Pages. The I/O edge of the pipeline. */
export async function loadInputs(sources: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const pages: Page[] = [];
  const failures: InputFailure[] = [];
  for await (const item of streamInputs(sources, options)) {
    if ("page" in item) pages.push(item.page);
    else failures.push(item.failure);
  }
  return { pages, failures };
}

/**
 * The inputs one at a time, in the order given (a directory's files in walk order), with a few
 * loads in flight: a corpus need not fit in memory, and a slow URL does not stall the files
 * behind it for longer than the window.
 */
export async function* streamInputs(
  sources: readonly string[],
  options: LoadOptions = {},
): AsyncGenerator<InputItem> {
  const entries: (Item | InputFailure)[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    for (const entry of await expandSource(source)) {
      if ("kind" in entry) {
        const key = entry.kind === "url" ? entry.source : resolve(entry.source);
        // The same file named twice (or found again inside a named directory) is one version, not two.
        if (seen.has(key)) continue;
        seen.add(key);
      }
      entries.push(entry);
    }
  }
  const total = entries.filter((e) => "kind" in e).length;
  let done = 0;
  const start = (entry: Item | InputFailure): Promise<Loaded> => {
    if (!("kind" in entry)) return Promise.resolve({ failure: entry });
    return loadItem(entry, options).then((loaded) => {
      done++;
      options.onProgress?.({ done, total, source: entry.source });
      return loaded;
    });
  };
  const ids = new Set<string>();
  const window: Promise<Loaded>[] = [];
  let next = 0;
  while (next < entries.length || window.length > 0) {
    while (next < entries.length && window.length < LOAD_CONCURRENCY) window.push(start(entries[next++]!));
    const result = await window.shift()!;
    if ("failure" in result) {
      yield { failure: result.failure };
      continue;
    }
    const id = uniqueId(result.idBase, ids);
    ids.add(id);
    yield { page: { id, ...result.page } };
  }
}

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;

async function expandSource(source: string): Promise<(Item | InputFailure)[]> {
  if (URL_PATTERN.test(source)) {
    return /^https?:/i.test(source)
      ? [{ kind: "url", source }]
      : [{ source, reason: "unsupported URL scheme (only http and https)" }];
  }
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(source)).isDirectory();
  } catch (err) {
    return [{ source, reason: describeFsError(err) }];
  }
  if (!isDirectory) return [{ kind: "file", source }];
  const { files, problems } = await walkDirectory(source);
  const out: (Item | InputFailure)[] = problems.map((p) => ({ source: p.source, reason: p.reason }));
  if (files.length === 0 && problems.length === 0) {
    out.push({ source, reason: `directory holds no ${[...PAGE_EXTENSIONS].join("/")} files` });
  }
  for (const file of files) out.push({ kind: "file", source: file });
  return out;
}

async function loadItem(item: Item, options: LoadOptions): Promise<Loaded> {
  return item.kind === "url" ? loadUrl(item.source, options) : loadFile(item.source, options);
}

async function loadFile(source: string, options: LoadOptions): Promise<Loaded> {
  const read = await readFileBounded(source, options.maxFileBytes ?? MAX_INPUT_BYTES);
  if ("refused" in read) return { failure: { source, reason: read.refused } };
  const decoded = decodePage(read.bytes, formatFromExtension(source));
  if ("refused" in decoded) return { failure: { source, reason: decoded.refused } };
  return { page: toPage(source, decoded, null), idBase: fileIdBase(source) };
}

async function loadUrl(source: string, options: LoadOptions): Promise<Loaded> {
  const limits: FetchLimits = {
    timeoutMs: options.fetchTimeoutMs ?? FETCH_TIMEOUT_MS,
    maxBytes: options.fetchMaxBytes ?? FETCH_MAX_BYTES,
    maxRedirects: options.maxRedirects ?? FETCH_MAX_REDIRECTS,
    isAllowedAddress:
      options.isAllowedAddress ?? (options.allowPrivateNetwork ? () => true : isPublicAddress),
    // Refused on the headers, so an image or an archive costs no download.
    refuseContentType: contentTypeRefusal,
  };
  try {
    const fetched = await fetchPage(source, limits);
    const declared = formatFromContentType(fetched.contentType);
    // Unreachable through fetchPage (it refuses these on the headers); kept so the type narrows.
    if (declared === "refuse")
      return { failure: { source, reason: contentTypeRefusal(fetched.contentType)! } };
    const headerCharset = charsetFromContentType(fetched.contentType);
    const decoded = decodePage(
      fetched.body,
      declared ?? formatFromExtension(new URL(fetched.url).pathname),
      headerCharset,
    );
    if ("refused" in decoded) return { failure: { source, reason: decoded.refused } };
    return { page: toPage(source, decoded, fetched.url), idBase: urlId(source) };
  } catch (err) {
    const reason = err instanceof FetchError ? err.message : `fetch failed: ${(err as Error).message}`;
    return { failure: { source, reason } };
  }
}

function contentTypeRefusal(contentType: string | null): string | null {
  return formatFromContentType(contentType) === "refuse"
    ? `not a text page (Content-Type ${contentType})`
    : null;
}

function toPage(source: string, decoded: DecodedPage, url: string | null): Omit<Page, "id"> {
  return {
    source,
    format: decoded.format,
    content: decoded.text,
    encoding: decoded.encoding,
    encodingEvidence: decoded.evidence,
    url,
  };
}

export function formatFromExtension(path: string): PageFormat | null {
  const ext = extname(path).toLowerCase();
  if (ext === ".html" || ext === ".htm" || ext === ".xhtml") return "html";
  if (ext === ".txt" || ext === ".text") return "text";
  return null;
}

/**
 * Application media types that are never a page: documents, archives, executables. Not
 * application/octet-stream, which misconfigured servers send for real pages; those bytes are
 * judged by content instead.
 */
const BINARY_APPLICATION_TYPE =
  /^application\/(?:pdf|zip|gzip|x-gzip|x-tar|x-bzip2|x-xz|zstd|x-7z-compressed|x-rar-compressed|vnd\.rar|java-archive|wasm|x-msdownload|x-executable|x-shockwave-flash|msword|vnd\.ms-[\w.+-]+|vnd\.openxmlformats-[\w.+-]+|vnd\.oasis\.opendocument\.[\w.+-]+)$/;

/** What the server says the body is; media types that can never be a page are refused outright. */
export function formatFromContentType(contentType: string | null): PageFormat | null | "refuse" {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type === "text/plain") return "text";
  if (/^(?:image|audio|video|font|model)\//.test(type) || BINARY_APPLICATION_TYPE.test(type)) return "refuse";
  return null;
}

/** The id an input gets (before de-duplication): a URL's hash, else the file name without extension. */
export function inputIdBase(source: string): string {
  return URL_PATTERN.test(source) ? urlId(source) : fileIdBase(source);
}

function fileIdBase(path: string): string {
  const name = basename(path);
  const stem = name.slice(0, name.length - extname(name).length);
  return stem === "" ? name : stem;
}

/** Short stable id for a URL: the same URL gets the same id in every run. */
export function urlId(url: string): string {
  return createHash("sha256").update(url).digest("hex").slice(0, URL_ID_HEX);
}

/** base, or base-2, base-3, ... for later inputs that share a base name. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
