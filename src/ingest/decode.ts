/**
 * Pure byte → text decisions for one input: is it binary, which charset, HTML or text.
 * No I/O here, so every rule is testable on literal bytes.
 */
import chardet from "chardet";
import iconv from "iconv-lite";
import { BINARY_CONTROL_SHARE } from "../limits.js";
import type { Page, PageFormat } from "../model/index.js";

export type EncodingEvidence = Page["encodingEvidence"];

export interface Decoded {
  text: string;
  encoding: string;
  evidence: EncodingEvidence;
}

/** A declared `<meta charset>` must sit this near the top: browsers look at the first 1024 bytes, pages that put it later are rare but real, and scanning further risks matching article text. */
const META_SCAN_BYTES = 4096;

/** The detector is given this much: enough for a stable verdict, and its cost stays flat on huge inputs. */
const DETECTOR_SAMPLE_BYTES = 64 * 1024;

/**
 * The detector reads the bytes this near each non-ASCII byte, not the page's first bytes: ASCII
 * tells it nothing about the charset, and a page whose article follows 64 KB of inline script
 * (or is followed by it) drowns the accented words in English-looking n-grams, so it called
 * Polish ISO-8859-2 "ISO-8859-1". A few bytes either side keep the words the letters sit in.
 */
const DETECTOR_CONTEXT_BYTES = 16;

/**
 * chardet's verdicts below this confidence (0-100) are guesses from a handful of bytes (it names
 * Shift_JIS at 10 for one Polish word); windows-1252 then reads better, keeping every ASCII letter.
 */
const DETECTOR_MIN_CONFIDENCE = 20;

/** Format sniffing looks at the start of the text only: markup of a real page shows up early. */
const SNIFF_CHARS = 16 * 1024;

/**
 * A flattened-text page with no doctype/root element is still HTML when it carries this many
 * real tags near the top (scraped fragments often start at `<div>`); a plain article that
 * mentions one tag in prose stays text.
 */
const MIN_TAGS_FOR_HTML = 5;

/**
 * Without a BOM, UTF-16 shows as NULs in nearly every other byte; past this share of NULs at
 * one parity (and almost none at the other) the input is read as UTF-16 rather than refused as binary.
 */
const UTF16_NUL_PARITY_SHARE = 0.4;

/**
 * Invalid UTF-8 with at least this many valid multi-byte sequences per invalid byte is UTF-8
 * with a few corrupt bytes (a truncated copy, a pasted Latin-1 character), decoded with
 * replacement characters; below it the text is in a legacy single-byte charset.
 */
const UTF8_VALID_PER_INVALID = 4;

/** Charsets that pages declare under legacy names; browsers decode them as the superset (WHATWG Encoding). */
const CHARSET_ALIASES: Readonly<Record<string, string>> = {
  "iso-8859-1": "windows-1252",
  latin1: "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
  "iso-8859-9": "windows-1254",
  "iso-8859-11": "windows-874",
  "tis-620": "windows-874",
  "x-sjis": "shift_jis",
  gb2312: "gbk",
};

/** Labels iconv-lite knows but a web page cannot really be in. */
const UNSUPPORTED_CHARSET = /^(?:utf-?7|utf-?32(?:le|be)?|ucs-?4)$/;

/** Removes a leading BOM and reports the charset it announces. */
export function detectBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: "utf-8", length: 3 };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/** Canonical charset name iconv-lite can decode, or null when the label is unknown (then it is ignored). */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const name = label
    .trim()
    .replace(/^["']|["']$/g, "")
    .toLowerCase();
  if (name === "") return null;
  const canonical = CHARSET_ALIASES[name] ?? name;
  if (canonical === "utf8") return "utf-8";
  // Not web encodings (WHATWG knows neither): a page declaring one is mislabelled, and UTF-7 is an old script-injection trick.
  if (UNSUPPORTED_CHARSET.test(canonical)) return null;
  return iconv.encodingExists(canonical) ? canonical : null;
}

/** The charset parameter of an HTTP Content-Type header. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match ? normalizeCharset(match[2]) : null;
}

/**
 * The charset an HTML page declares in its first bytes: `<meta charset=...>` or
 * `<meta http-equiv="Content-Type" content="...; charset=...">`. A page cannot declare itself
 * UTF-16 from inside (it would not be readable as ASCII), so such a claim means UTF-8 (WHATWG).
 */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, META_SCAN_BYTES)).toString("latin1");
  const metaTags = head.match(/<meta\b[^>]{0,512}>/gi) ?? [];
  for (const tag of metaTags) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (!direct) continue;
    const declared = normalizeCharset(direct[1]);
    if (!declared) continue;
    return declared.startsWith("utf-16") ? "utf-8" : declared;
  }
  return null;
}

/** Counts control bytes that never occur in text (tab, newlines, form feed and escape do). */
function isControlByte(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f;
}

/** UTF-16 without a BOM: NULs concentrated at even (BE) or odd (LE) positions. */
export function detectBomlessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, DETECTOR_SAMPLE_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  const rare = pairs * BINARY_CONTROL_SHARE;
  if (oddNul / pairs >= UTF16_NUL_PARITY_SHARE && evenNul <= rare) return "utf-16le";
  if (evenNul / pairs >= UTF16_NUL_PARITY_SHARE && oddNul <= rare) return "utf-16be";
  return null;
}

/** True when the share of NUL/control bytes says this is not text (an image, an archive, a PDF). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (isControlByte(bytes[i]!)) control++;
  }
  return control / bytes.length > BINARY_CONTROL_SHARE;
}

/**
 * Same test on text decoded from UTF-16. Random bytes read as UTF-16 are mostly CJK code units
 * and rarely controls, so what gives them away is what no text holds: lone surrogates, private-use
 * and replacement characters, C1 controls and noncharacters (about one code unit in seven of
 * random data, none in a real page).
 */
function utf16TextLooksBinary(text: string): boolean {
  if (text.length === 0) return false;
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      odd++;
    } else if (
      isControlByte(c) ||
      (c >= 0x80 && c <= 0x9f) ||
      (c >= 0xdc00 && c <= 0xdfff) ||
      (c >= 0xe000 && c <= 0xf8ff) ||
      c >= 0xfffd
    ) {
      odd++;
    }
  }
  return odd / text.length > BINARY_CONTROL_SHARE;
}

interface Utf8Census {
  valid: boolean;
  ascii: boolean;
  multibyte: number;
  invalid: number;
}

/** One linear pass: how many well-formed multi-byte sequences and how many bytes that break UTF-8. */
export function utf8Census(bytes: Uint8Array): Utf8Census {
  let multibyte = 0;
  let invalid = 0;
  let ascii = true;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    ascii = false;
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0 || !continuationsFollow(bytes, i, need)) {
      invalid++;
      i++;
      continue;
    }
    multibyte++;
    i += need + 1;
  }
  return { valid: invalid === 0, ascii, multibyte, invalid };
}

function continuationsFollow(bytes: Uint8Array, lead: number, count: number): boolean {
  if (lead + count >= bytes.length) return false;
  for (let k = 1; k <= count; k++) {
    const c = bytes[lead + k];
    if (c === undefined || (c & 0xc0) !== 0x80) return false;
  }
  return true;
}

/** The bytes around non-ASCII bytes, in order, up to DETECTOR_SAMPLE_BYTES (one pass; stops when full). */
export function detectorSample(bytes: Uint8Array): Uint8Array {
  const sample = new Uint8Array(Math.min(bytes.length, DETECTOR_SAMPLE_BYTES));
  let filled = 0;
  let copiedTo = 0;
  for (let i = 0; i < bytes.length && filled < sample.length; i++) {
    if (bytes[i]! < 0x80) continue;
    const from = Math.max(copiedTo, i - DETECTOR_CONTEXT_BYTES);
    const to = Math.min(bytes.length, i + DETECTOR_CONTEXT_BYTES + 1, from + sample.length - filled);
    sample.set(bytes.subarray(from, to), filled);
    filled += to - from;
    copiedTo = to;
  }
  return sample.subarray(0, filled);
}

/** The legacy charset a detector names, mapped to what browsers would use; null when it has no useful verdict. */
function detectLegacyCharset(bytes: Uint8Array): string | null {
  const best = chardet.analyse(detectorSample(bytes))[0];
  if (!best || best.confidence < DETECTOR_MIN_CONFIDENCE) return null;
  const guess = normalizeCharset(best.name);
  if (!guess || guess === "utf-8" || guess.startsWith("utf-16")) return null;
  return guess;
}

/** Decodes with a known charset; "\r\n" and lone "\r" become "\n" so offsets mean the same on every platform. */
export function decodeWith(bytes: Uint8Array, encoding: string): string {
  const text =
    encoding === "utf-8"
      ? new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes)
      : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return normalizeNewlines(text);
}

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

export interface DecodeHints {
  /** Charset from the HTTP Content-Type header, already normalised. */
  headerCharset?: string | null;
  /** Whether the input is believed to be HTML (enables the `<meta>` declaration). */
  html?: boolean;
}

/** What the bytes themselves say, computed at most once per input (each is a pass over all of it). */
class ByteEvidence {
  #utf16: "utf-16le" | "utf-16be" | null | undefined;
  #census: Utf8Census | undefined;

  constructor(readonly bytes: Uint8Array) {}

  get utf16(): "utf-16le" | "utf-16be" | null {
    if (this.#utf16 === undefined) this.#utf16 = detectBomlessUtf16(this.bytes);
    return this.#utf16;
  }

  get census(): Utf8Census {
    if (this.#census === undefined) this.#census = utf8Census(this.bytes);
    return this.#census;
  }

  /** UTF-8, allowing a few corrupt bytes among many good sequences. */
  get plausiblyUtf8(): boolean {
    const c = this.census;
    return c.valid || c.multibyte >= c.invalid * UTF8_VALID_PER_INVALID;
  }
}

/**
 * The charset to decode with when a header or `<meta>` declares `declared`, or null when the
 * bytes contradict the declaration. Declarations are often wrong (a template's `<meta
 * charset=utf-8>` on a page saved as windows-1252, a server's default iso-8859-1 on UTF-8), and
 * following one against the bytes turns every accented letter into garbage. Contradicting
 * evidence is only what text in the declared charset cannot show: non-ASCII bytes that break
 * UTF-8 under a UTF-8 label, well-formed multi-byte UTF-8 (which legacy text never forms) under
 * a legacy label, and the NUL pattern of UTF-16 under any other label.
 */
function honouredCharset(declared: string, evidence: ByteEvidence): string | null {
  if (declared.startsWith("utf-16")) return evidence.utf16;
  if (evidence.utf16) return null;
  if (declared === "utf-8") return evidence.plausiblyUtf8 ? declared : null;
  const census = evidence.census;
  return census.valid && !census.ascii ? null : declared;
}

/**
 * Bytes → text. Order of trust: BOM, HTTP header, `<meta>` declaration (each only while the
 * bytes do not contradict it), then evidence from the bytes themselves (BOM-less UTF-16, valid
 * UTF-8, the detector), then windows-1252, which maps every byte to something readable. Never
 * throws on malformed input.
 */
export function decodeBytes(bytes: Uint8Array, hints: DecodeHints = {}): Decoded {
  const bom = detectBom(bytes);
  if (bom)
    return {
      text: decodeWith(bytes.subarray(bom.length), bom.encoding),
      encoding: bom.encoding,
      evidence: "bom",
    };
  const evidence = new ByteEvidence(bytes);
  const declarations: { charset: string | null | undefined; evidence: "header" | "meta" }[] = [
    { charset: hints.headerCharset, evidence: "header" },
    { charset: hints.html ? charsetFromMeta(bytes) : null, evidence: "meta" },
  ];
  for (const declaration of declarations) {
    if (!declaration.charset) continue;
    const charset = honouredCharset(declaration.charset, evidence);
    if (charset)
      return { text: decodeWith(bytes, charset), encoding: charset, evidence: declaration.evidence };
  }
  return decodeByContent(evidence);
}

function decodeByContent(evidence: ByteEvidence): Decoded {
  const { bytes, utf16 } = evidence;
  if (utf16) return { text: decodeWith(bytes, utf16), encoding: utf16, evidence: "detector" };
  if (evidence.census.ascii)
    return { text: decodeWith(bytes, "utf-8"), encoding: "utf-8", evidence: "default" };
  if (evidence.plausiblyUtf8) {
    return { text: decodeWith(bytes, "utf-8"), encoding: "utf-8", evidence: "detector" };
  }
  const legacy = detectLegacyCharset(bytes);
  if (legacy) return { text: decodeWith(bytes, legacy), encoding: legacy, evidence: "detector" };
  return { text: decodeWith(bytes, "windows-1252"), encoding: "windows-1252", evidence: "default" };
}

const BINARY_REASON = "binary content (not text or HTML)";

/** Why these bytes cannot be a page (checked before decoding, so binary input costs one pass), or null. */
export function refuseBytes(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "empty file";
  const bom = detectBom(bytes);
  const utf16 = bom?.encoding.startsWith("utf-16") || (!bom && detectBomlessUtf16(bytes) !== null);
  // UTF-16 is half NULs by nature; its binary check runs on the decoded text instead.
  if (!utf16 && looksBinary(bytes)) return BINARY_REASON;
  return null;
}

/** Why decoded text cannot be a page, or null. */
export function refuseText(decoded: Decoded): string | null {
  if (decoded.encoding.startsWith("utf-16") && utf16TextLooksBinary(decoded.text)) return BINARY_REASON;
  if (decoded.text.trim() === "") return "no text (only whitespace)";
  return null;
}

export interface DecodedPage extends Decoded {
  format: PageFormat;
}

/** The whole pure path from bytes to page content: refuse, decode, sniff. */
export function decodePage(
  bytes: Uint8Array,
  declared: PageFormat | null,
  headerCharset: string | null = null,
): DecodedPage | { refused: string } {
  const refusedBytes = refuseBytes(bytes);
  if (refusedBytes) return { refused: refusedBytes };
  // The <meta> declaration is honoured whenever the bytes look like markup, whatever the extension says.
  const htmlish = declared === "html" || sniffFormat(latin1Head(bytes), declared) === "html";
  const decoded = decodeBytes(bytes, { headerCharset, html: htmlish });
  const refusedText = refuseText(decoded);
  if (refusedText) return { refused: refusedText };
  return { ...decoded, format: sniffFormat(decoded.text, declared) };
}

function latin1Head(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_CHARS)).toString(
    "latin1",
  );
}

/** Elements that only occur as markup; a count of them separates a page from prose about pages. */
const HTML_TAG =
  /<\/?(?:html|head|body|div|p|span|a|br|meta|link|script|style|article|section|header|footer|nav|main|ul|ol|li|h[1-6]|img|figure|table|tr|td|strong|em|b|i|title|iframe|form|input|aside|time|blockquote)\b[^<>]{0,2000}>/gi;

/** Starts that only an HTML document has, once a leading XML prolog and comments are skipped. */
const HTML_ROOT_START = /^<(?:!doctype\s+html|html|head|body)\b/i;

/** Leading `<?xml ...?>` / `<!-- ... -->` blocks skipped before looking for the root; more than this is not a page head. */
const MAX_PROLOG_BLOCKS = 16;

/** The text after any leading whitespace, XML prolog and comments (a linear scan, no backtracking). */
function afterProlog(head: string): string {
  let rest = head.trimStart();
  for (let i = 0; i < MAX_PROLOG_BLOCKS; i++) {
    const close = rest.startsWith("<?xml")
      ? rest.indexOf("?>")
      : rest.startsWith("<!--")
        ? rest.indexOf("-->")
        : -1;
    if (close < 0) break;
    rest = rest.slice(close + (rest.startsWith("<?") ? 2 : 3)).trimStart();
  }
  return rest;
}

/** HTML or flattened text, by content; `declared` is the extension's or server's word, used when content does not decide. */
export function sniffFormat(text: string, declared: PageFormat | null): PageFormat {
  const head = text.slice(0, SNIFF_CHARS);
  if (HTML_ROOT_START.test(afterProlog(head))) return "html";
  let tags = 0;
  HTML_TAG.lastIndex = 0;
  while (tags < MIN_TAGS_FOR_HTML && HTML_TAG.exec(head) !== null) tags++;
  if (tags >= MIN_TAGS_FOR_HTML) return "html";
  if (declared === "html") return tags > 0 ? "html" : "text";
  return "text";
}
