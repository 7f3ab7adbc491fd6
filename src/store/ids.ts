/** Article ids in the store: the id a record asks for, made unique by a numeric suffix. */

/** Longer ids are cut: an id names an article in reports and URLs, it is not a place for data. */
export const MAX_ID_CHARS = 200;

/** base, or base-2, base-3, ... (the first not taken); control characters and surrounding space removed. */
export function uniqueIdIn(base: string, taken: (id: string) => boolean): string {
  const clean =
    base
      .replace(/[\u0000-\u001f\u007f]/g, "")
      .trim()
      .slice(0, MAX_ID_CHARS) || "article";
  if (!taken(clean)) return clean;
  for (let n = 2; ; n++) {
    const candidate = `${clean}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
