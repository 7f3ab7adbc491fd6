/**
 * Agreement rules between an extractor's metadata and the expected metadata of a test page.
 * Each rule returns null when the page has no expected value for the field: such pages do not
 * count for that field (there is nothing to agree with), and the caller reports the denominator.
 */

export interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
  siteName?: string | null;
}

/** What either extractor says about a page, in one shape. */
export interface PredictedMetadata {
  title: string | null;
  byline: string | null;
  published: string | null;
  lang: string | null;
}

export function collapseSpace(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Punctuation and symbols ("|", "©", "–") are dropped: they differ between sources of one title. */
const PUNCTUATION_OR_SYMBOL = /[\p{P}\p{S}]/gu;

/** Case folded (locale-independent), punctuation dropped, whitespace collapsed. */
export function looseForm(s: string): string {
  return collapseSpace(s.normalize("NFKC").toLowerCase().replace(PUNCTUATION_OR_SYMBOL, ""));
}

/**
 * Words that introduce a byline in the page's languages ("By", "Par", "Von", "Por", "Written
 * by"). Pages differ on whether the credit line keeps it; the name is what matters.
 */
const BYLINE_LEAD = /^(?:written by|by|par|von|por)\s+/;

export function looseByline(s: string): string {
  return looseForm(s).replace(BYLINE_LEAD, "");
}

const present = (s: string | null | undefined): s is string => typeof s === "string" && s.trim() !== "";

/** Exact title after whitespace is collapsed and trimmed. */
export function titleExact(expected: ExpectedMetadata, predicted: PredictedMetadata): boolean | null {
  if (!present(expected.title)) return null;
  return present(predicted.title) && collapseSpace(predicted.title) === collapseSpace(expected.title);
}

/** Title equal after case folding and dropping punctuation. */
export function titleLoose(expected: ExpectedMetadata, predicted: PredictedMetadata): boolean | null {
  if (!present(expected.title)) return null;
  return present(predicted.title) && looseForm(predicted.title) === looseForm(expected.title);
}

/** Byline equal in loose form, a leading "By" ignored. */
export function bylineLoose(expected: ExpectedMetadata, predicted: PredictedMetadata): boolean | null {
  if (!present(expected.byline)) return null;
  return present(predicted.byline) && looseByline(predicted.byline) === looseByline(expected.byline);
}

/**
 * Byline of one contained in the other's, in loose form and on word boundaries: the expected
 * bylines often carry a date or a job title beside the name ("By Kelli Miller WebMD Health News").
 */
export function bylineContains(expected: ExpectedMetadata, predicted: PredictedMetadata): boolean | null {
  if (!present(expected.byline)) return null;
  if (!present(predicted.byline)) return false;
  const a = ` ${looseByline(predicted.byline)} `;
  const b = ` ${looseByline(expected.byline)} `;
  if (a.trim() === "" || b.trim() === "") return false;
  return a.includes(b) || b.includes(a);
}

/** A date written first in an ISO-like stamp: "2017-11-03 03:01:00", "2021-11-01T10:52:50+0100". */
const LEADING_ISO_DATE = /^\s*(\d{4}-\d{2}-\d{2})/;

/**
 * The calendar date of a publication stamp, as the page writes it. The written date is taken
 * rather than the UTC one: an evening stamp with an offset is still that day where it was
 * published. A stamp in another format falls back to the date parser, read in UTC.
 */
export function calendarDate(stamp: string): string | null {
  const iso = LEADING_ISO_DATE.exec(stamp);
  if (iso) return iso[1]!;
  const time = Date.parse(stamp);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

export function publishedSameDay(expected: ExpectedMetadata, predicted: PredictedMetadata): boolean | null {
  if (!present(expected.publishedTime)) return null;
  const want = calendarDate(expected.publishedTime);
  if (want === null) return null;
  return present(predicted.published) && calendarDate(predicted.published) === want;
}

/** "en-US" → "en": the region is a property of the page, not of the language read. */
export function primarySubtag(tag: string): string {
  return tag.trim().split(/[-_]/)[0]!.toLowerCase();
}

export function langPrimary(expected: ExpectedMetadata, predicted: PredictedMetadata): boolean | null {
  if (!present(expected.lang)) return null;
  return present(predicted.lang) && primarySubtag(predicted.lang) === primarySubtag(expected.lang);
}

/** The rules the bench reports, in print order, with the name shown in the table. */
export const METADATA_RULES = [
  { field: "title (exact)", agree: titleExact },
  { field: "title (loose)", agree: titleLoose },
  { field: "byline (loose)", agree: bylineLoose },
  { field: "byline (contains)", agree: bylineContains },
  { field: "published (same day)", agree: publishedSameDay },
  { field: "lang (primary subtag)", agree: langPrimary },
] as const;

export interface Agreement {
  field: string;
  /** Pages with an expected value for the field. */
  expected: number;
  agreed: number;
}

export function agreement(
  pages: readonly { expected: ExpectedMetadata; predicted: PredictedMetadata }[],
): Agreement[] {
  return METADATA_RULES.map(({ field, agree }) => {
    let expected = 0;
    let agreed = 0;
    for (const page of pages) {
      const verdict = agree(page.expected, page.predicted);
      if (verdict === null) continue;
      expected++;
      if (verdict) agreed++;
    }
    return { field, expected, agreed };
  });
}
