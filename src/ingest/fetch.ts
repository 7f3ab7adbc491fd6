/**
 * Bounded HTTP(S) fetch for one page: an overall timeout, a byte cap enforced while streaming
 * (after decompression), a redirect limit, and an address check on every hop after DNS.
 */
import { lookup as dnsLookup } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Whether a resolved address may be connected to. */
  isAllowedAddress: (address: string) => boolean;
  /** Why a final response's Content-Type can never be a page (checked before its body is read), or null. */
  refuseContentType?: (contentType: string | null) => string | null;
}

export interface Fetched {
  /** URL after redirects. */
  url: string;
  contentType: string | null;
  body: Uint8Array;
}

/** A fetch that ended without a page; the message is what the user sees next to the URL. */
export class FetchError extends Error {
  override name = "FetchError";
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Some servers reject clients without one; it also tells site owners what is reading them. */
const USER_AGENT = "triangulate (news version comparison)";

export async function fetchPage(url: string, limits: FetchLimits): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let current = parseHttpUrl(url);
    for (let hop = 0; ; hop++) {
      const response = await requestOnce(current, limits, controller.signal);
      const location = response.headers.location;
      const status = response.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status) && location) {
        // Destroyed, not drained: a body that never ends would keep the socket (and the process) alive after the timer is gone.
        response.destroy();
        if (hop >= limits.maxRedirects) throw new FetchError(`more than ${limits.maxRedirects} redirects`);
        current = redirectTarget(location, current);
        continue;
      }
      const contentType = response.headers["content-type"] ?? null;
      const refused =
        status < 200 || status >= 300
          ? `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ""}`
          : (limits.refuseContentType?.(contentType) ?? null);
      if (refused !== null) {
        response.destroy();
        throw new FetchError(refused);
      }
      const body = await readCapped(response, limits.maxBytes, controller.signal);
      return { url: current.href, contentType, body };
    }
  } catch (err) {
    if (controller.signal.aborted) throw new FetchError(`timed out after ${limits.timeoutMs} ms`);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** The next hop of a redirect, named in the message when it is not an http(s) URL. */
function redirectTarget(location: string, from: URL): URL {
  let href: string;
  try {
    href = new URL(location, from).href;
  } catch {
    throw new FetchError(`redirect to an invalid URL ${JSON.stringify(location)}`);
  }
  try {
    return parseHttpUrl(href);
  } catch (err) {
    throw err instanceof FetchError ? new FetchError(`redirect to ${href}: ${err.message}`) : err;
  }
}

function parseHttpUrl(href: string): URL {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new FetchError(`invalid URL ${JSON.stringify(href)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError(`unsupported URL scheme ${url.protocol}`);
  }
  return url;
}

/** A DNS lookup that hands the socket only allowed addresses, so the checked address is the one connected to. */
function guardedLookup(isAllowed: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { family: options.family, hints: options.hints, all: true }, (err, addresses) => {
      if (err) {
        callback(err, "", 4);
        return;
      }
      const allowed = addresses.filter((a) => isAllowed(a.address));
      if (allowed.length === 0) {
        const shown = addresses.map((a) => a.address).join(", ") || "no address";
        callback(refusedAddress(hostname, shown), "", 4);
        return;
      }
      if (options.all) {
        callback(null, allowed);
      } else {
        callback(null, allowed[0]!.address, allowed[0]!.family);
      }
    });
  };
}

function refusedAddress(host: string, address: string): FetchError {
  return new FetchError(
    `refused to connect to ${host} (${address}): loopback, private or link-local address; ` +
      "pass --allow-private-network to permit it",
  );
}

function requestOnce(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<IncomingMessage> {
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !limits.isAllowedAddress(literal)) {
    return Promise.reject(refusedAddress(url.hostname, literal));
  }
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: "GET",
      signal,
      // A fresh connection per hop: a pooled keep-alive socket skips the lookup, so one opened under
      // an earlier, laxer policy (or before the host's DNS changed) would be reused unchecked.
      agent: false,
      lookup: guardedLookup(limits.isAllowedAddress),
      headers: {
        "user-agent": USER_AGENT,
        accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        "accept-encoding": "gzip, deflate, br",
      },
    });
    req.on("response", resolve);
    req.on("error", (err) => reject(err instanceof FetchError ? err : new FetchError(describeNetError(err))));
    req.end();
  });
}

function describeNetError(err: Error & { code?: string }): string {
  if (err.code === "ENOTFOUND") return "host not found";
  if (err.code === "ECONNREFUSED") return "connection refused";
  if (err.code === "ECONNRESET") return "connection reset";
  return err.message;
}

function decodedStream(response: IncomingMessage): Readable {
  const encoding = (response.headers["content-encoding"] ?? "").trim().toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return response.pipe(createGunzip());
  if (encoding === "deflate") return response.pipe(createInflate());
  if (encoding === "br") return response.pipe(createBrotliDecompress());
  return response;
}

/** Reads the body, aborting as soon as the decompressed size passes the cap (a compressed bomb stops early too). */
function readCapped(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return Promise.reject(new FetchError(`response of ${declared} bytes is over the ${maxBytes}-byte limit`));
  }
  const stream = decodedStream(response);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const fail = (err: Error) => {
      response.destroy();
      stream.destroy();
      reject(err);
    };
    signal.addEventListener("abort", () => fail(new FetchError("aborted")), { once: true });
    stream.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        fail(new FetchError(`response is over the ${maxBytes}-byte limit`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks, total))));
    stream.on("error", (err) => fail(new FetchError(`broken response body: ${err.message}`)));
    response.on("error", (err) => fail(new FetchError(`broken response: ${err.message}`)));
  });
}
