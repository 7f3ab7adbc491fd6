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
  /**
   * Names the page goes by, read from the page by the bench (og:site_name, the host of its
   * address): a title suffix naming one of them is the site, not part of the headline.
   */
  siteNames?: readonly string[];
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

/** Separators before a site-name suffix in a title: "Headline | Site", "Headline - Site", "Headline — Site". */
const SUFFIX_SEPARATOR = / (?:\||-|–|—|·|::|»|_) /g;

/** Letters and digits only, lower-cased: how a suffix is compared with a site's names. */
function squashed(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** A site identifier this short ("bbc") is matched whole; a longer one also inside a suffix. */
const MIN_SITE_KEY_CHARS = 3;

/** "www.theguardian.com" → "theguardian": the registered label names the site. */
function hostLabel(host: string): string {
  const labels = host
    .toLowerCase()
    .replace(/^www\./, "")
    .split(".");
  const generic = /^(?:co|com|org|net|gov|ac|edu)$/;
  const named = labels.slice(0, -1).filter((l) => !generic.test(l));
  return named[named.length - 1] ?? "";
}

/** True when the suffix is the site's name: equal to one of its names, or naming its host. */
export function isSiteSuffix(suffix: string, names: readonly string[]): boolean {
  const s = squashed(suffix);
  if (s.length === 0) return false;
  for (const name of names) {
    const n = /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(name.trim()) ? hostLabel(name.trim()) : squashed(name);
    if (n.length < MIN_SITE_KEY_CHARS) continue;
    if (s === n || s.includes(n) || n.includes(s)) return true;
  }
  return false;
}

/** The expected title without a trailing " | Site" (and the readings that strip several such suffixes). */
export function headlineForms(title: string, names: readonly string[]): string[] {
  const forms = [title];
  let rest = collapseSpace(title);
  for (;;) {
    const seps = [...rest.matchAll(SUFFIX_SEPARATOR)];
    const last = seps[seps.length - 1];
    if (last?.index === undefined || last.index === 0) break;
    const suffix = rest.slice(last.index + last[0].length);
    if (!isSiteSuffix(suffix, names)) break;
    rest = rest.slice(0, last.index).trim();
    forms.push(rest);
  }
  return forms;
}

/**
 * Headline agreement: the loose title equal to the expected one, or to the expected one with its
 * site-name suffixes dropped (Readability keeps "… | Site" and "… - Breitbart"; a reader's headline
 * does not). The expected byline counts as a suffix too: the Guardian appends the columnist.
 */
export function titleHeadline(expected: ExpectedMetadata, predicted: PredictedMetadata): boolean | null {
  if (!present(expected.title)) return null;
  if (!present(predicted.title)) return false;
  const names = [...(expected.siteNames ?? []), expected.siteName, expected.byline].filter(present);
  const got = looseForm(predicted.title);
  return headlineForms(expected.title, names).some((form) => looseForm(form) === got);
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
  { field: "title (headline)", agree: titleHeadline },
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

// ---------------------------------------------------------------------------------------------
// Judged labels: what a reader of the page says (bench/clean/dates-judged.json, bylines-judged.json)

/** Judged publication day per page: "YYYY-MM-DD", or null for a page that shows no date. */
export type JudgedDates = Readonly<Record<string, string | null>>;
/** Judged author names per page, or null for a page that names none. */
export type JudgedBylines = Readonly<Record<string, readonly string[] | null>>;

export interface JudgedScore {
  /** Pages judged to have a value, and how many of them the extractor got right. */
  valued: number;
  right: number;
  /** Pages judged to have none, and how many of them the extractor still gave one for. */
  empty: number;
  invented: number;
}

export function scoreJudgedDates(
  judged: JudgedDates,
  predicted: ReadonlyMap<string, string | null>,
): JudgedScore {
  const score = { valued: 0, right: 0, empty: 0, invented: 0 };
  for (const [id, day] of Object.entries(judged)) {
    const got = predicted.get(id) ?? null;
    const gotDay = present(got) ? calendarDate(got) : null;
    if (day === null) {
      score.empty++;
      if (gotDay !== null) score.invented++;
    } else {
      score.valued++;
      if (gotDay === day) score.right++;
    }
  }
  return score;
}

/** Words that join names in a byline in the pages' languages: "and", "avec", "et", "und", "y". */
const NAME_GLUE = new Set(["and", "avec", "et", "und", "y", "e", "with", "by"]);

/**
 * A byline is right when it holds every judged name (loose form, whole words) and nothing else
 * but glue words: "Jane Doe and John Roe" is right for [Jane Doe, John Roe]; "Ben Silverman Games
 * Editor" is not right for [Ben Silverman].
 */
export function bylineMatchesNames(byline: string, names: readonly string[]): boolean {
  let rest = ` ${looseByline(byline)} `;
  for (const name of names) {
    const key = ` ${looseForm(name)} `;
    if (key.trim() === "" || !rest.includes(key)) return false;
    rest = rest.replace(key, " ");
  }
  return rest
    .trim()
    .split(" ")
    .every((w) => w === "" || NAME_GLUE.has(w));
}

export function scoreJudgedBylines(
  judged: JudgedBylines,
  predicted: ReadonlyMap<string, string | null>,
): JudgedScore {
  const score = { valued: 0, right: 0, empty: 0, invented: 0 };
  for (const [id, names] of Object.entries(judged)) {
    const got = predicted.get(id) ?? null;
    if (names === null) {
      score.empty++;
      if (present(got)) score.invented++;
    } else {
      score.valued++;
      if (present(got) && bylineMatchesNames(got, names)) score.right++;
    }
  }
  return score;
}
