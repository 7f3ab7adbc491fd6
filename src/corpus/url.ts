/**
 * Canonical URLs for exact-duplicate detection: the same article reached through a tracking
 * link, a mobile host, an AMP path or with a fragment is one article.
 */

/** Query parameters that track the reader, not the page. */
const TRACKING_PARAM =
  /^(?:utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|referrer|cmpid|ncid|ocid|smid|smtyp|guccounter|guce_referrer|guce_referrer_sig|_ga|at_medium|at_campaign|amp)$/i;

/** Host prefixes that serve the same page as the bare host. */
const HOST_PREFIX = /^(?:www\d?|m|mobile|amp)\./i;

/**
 * Lower-cased scheme-less host (no www./m./amp. prefix, no default port), path without a
 * trailing slash, "/amp" or "index.html", query without tracking parameters and sorted; no
 * fragment. Null when the text is not an http(s) URL.
 */
export function canonicalUrl(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim();
  if (text === "") return null;
  // Another scheme ("mailto:", "ftp://"); "host:8080/path" is a port, not a scheme.
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text) && !/^https?:/i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  let host = url.hostname.toLowerCase().replace(/\.$/, "");
  while (HOST_PREFIX.test(host) && host.split(".").length > 2) host = host.replace(HOST_PREFIX, "");
  if (host === "") return null;
  const port = url.port === "" || url.port === "80" || url.port === "443" ? "" : `:${url.port}`;
  let path = url.pathname
    .replace(/\/{2,}/g, "/")
    .replace(/\/(?:index|default)\.(?:html?|php|aspx?)$/i, "/")
    .replace(/\/amp\/?$/i, "/")
    .replace(/\/+$/, "");
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape stays as written.
  }
  const params = [...url.searchParams.entries()]
    .filter(([k]) => !TRACKING_PARAM.test(k))
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length === 0 ? "" : `?${new URLSearchParams(params).toString()}`;
  return `${host}${port}${path}${query}`;
}
