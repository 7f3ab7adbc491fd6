/** What the clean stage produces: the article itself, and everything around it kept and labelled. */

/**
 * Labels for removed page parts. Open-ended (a string), but these are the names the stages use,
 * so a reader of the report sees one vocabulary.
 */
export type RemovedKind =
  | "comments"
  | "widget"
  | "donation"
  | "banner"
  | "related-links"
  | "navigation"
  | "caption"
  | "share-counter"
  | "reply-form"
  | "data-dump"
  | "duplicate-title"
  | "newsletter"
  | "cookie-banner"
  | "author-bio"
  | "advertisement"
  | "boilerplate";

export interface Removed {
  kind: RemovedKind | (string & {});
  text: string;
}

export interface Article {
  id: string;
  source: string;
  /** Site name or domain, when the page tells it (og:site_name, JSON-LD publisher, URL host). */
  outlet: string | null;
  title: string | null;
  /** Standfirst / subheadline. */
  dek: string | null;
  byline: string | null;
  /** ISO 8601 date ("2016-10-01") or date-time ("2016-10-01T17:14:58"), as precise as the page gives. */
  published: string | null;
  /** Place (and time, if any) opening the body, e.g. "BEIRUT, LEBANON (2:20 P.M.)". Removed from body. */
  dateline: string | null;
  /** BCP 47 primary language tag when known ("en"). */
  lang: string | null;
  /** Clean paragraphs in order; `body` is these joined by "\n\n". */
  paragraphs: string[];
  body: string;
  removed: Removed[];
}

export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join("\n\n");
}
