/** What the ingest stage hands to clean: one input, decoded to text, nothing else interpreted yet. */
export type PageFormat = "html" | "text";

export interface Page {
  /** Input file's base name without extension, or a hash of the URL. Unique within a story. */
  id: string;
  /** Path or URL exactly as the user gave it (or as found when walking a directory). */
  source: string;
  format: PageFormat;
  /** Decoded content (HTML source or flattened text), with "\r\n" normalised to "\n". */
  content: string;
  /** Charset the bytes were decoded with, e.g. "utf-8", "windows-1252". */
  encoding: string;
  /** How the charset was chosen: byte-order mark, HTTP header, <meta>, detector, or the default. */
  encodingEvidence: "bom" | "header" | "meta" | "detector" | "default";
  /** Final URL for fetched pages (after redirects); null for files. */
  url: string | null;
}

/** An input that could not become a Page. The CLI names it and exits 1; the rest is still analysed. */
export interface InputFailure {
  source: string;
  reason: string;
}
