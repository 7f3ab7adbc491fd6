/**
 * What makes a name an outlet, and the one spelling a report uses for it. Detection is by pattern
 * (a capitalised name carrying a press word); the abbreviation list only folds well-known short
 * forms into the name they stand for.
 */

/** Words that mark a capitalised name as a news outlet ("The New York Times", "Middle East Monitor"). */
const OUTLET_WORDS: ReadonlySet<string> = new Set(
  `times post news journal herald guardian telegraph independent tribune gazette chronicle observer
economist reuters bloomberg press agency tv television radio channel network broadcasting broadcaster
magazine daily weekly monitor express mirror globe insider wire media newsweek examiner inquirer
intercept courier dispatch bulletin reporter review standard star sun today`.split(/\s+/),
);

/** Well-known short forms of outlets. The first group are outlets in their own right. */
const OUTLET_ACRONYMS: ReadonlySet<string> = new Set(
  "CNN BBC AP AFP NPR PBS ABC CBS NBC MSNBC CNBC RT TASS DPA UPI ANSA EFE CBC NYT WSJ FT WaPo".split(" "),
);

/** Abbreviations expanded to the outlet's name, so "NYT", "NY Times" and "the New York Times" are one outlet. */
const EXPANSIONS: readonly (readonly [RegExp, string])[] = [
  [/^NYT$/, "New York Times"],
  [/^WaPo$/i, "Washington Post"],
  [/^WSJ$/, "Wall Street Journal"],
  [/^FT$/, "Financial Times"],
  [/^AP$/, "Associated Press"],
  [/^LAT$/, "Los Angeles Times"],
  [/^NY\.? /, "New York "],
  [/^N\.Y\.? /, "New York "],
  [/^LA /, "Los Angeles "],
];

/** Outlets whose names take "The" in their own mastheads: the canonical spelling keeps it. */
const THE_TAKING: ReadonlySet<string> = new Set(
  `times post journal guardian telegraph independent observer economist tribune herald globe chronicle
gazette press hill intercept atlantic nation spectator mirror sun star express examiner inquirer`.split(
    /\s+/,
  ),
);

export function nameWords(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

/** A name that is an outlet by its form: a press word in it, or a well-known outlet abbreviation. */
export function isOutletName(name: string): boolean {
  const bare = stripArticle(name);
  if (OUTLET_ACRONYMS.has(bare)) return true;
  return nameWords(bare).some((w) => OUTLET_WORDS.has(w.toLowerCase()));
}

export function stripArticle(name: string): string {
  return name.replace(/^the\s+/i, "").trim();
}

/** "the New York Times", "NY Times", "NYT" → "The New York Times"; "CNN" stays "CNN". */
export function canonicalOutlet(name: string): string {
  let bare = stripArticle(name).replace(/['’]s$/, "");
  for (const [pattern, expansion] of EXPANSIONS) bare = bare.replace(pattern, expansion);
  const words = nameWords(bare);
  const last = words[words.length - 1]?.toLowerCase() ?? "";
  return THE_TAKING.has(last) ? `The ${bare}` : bare;
}
