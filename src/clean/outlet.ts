/**
 * The outlet's name, shared by the text and HTML cleaners: from the page's address when there is
 * one, else from a copyright line the page carries.
 */

/** "© 2016 The Daily Planet. All rights reserved." names the outlet. */
const COPYRIGHT_OWNER =
  /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(\p{Lu}[\p{L}\p{N}&'’ .-]{1,60}?)\s*(?:[.,|]|all rights reserved|$)/iu;

/** The outlet from the page's address, else from a copyright line among the removed text. */
export function findOutlet(url: string | null, removedLines: readonly string[]): string | null {
  if (url !== null) {
    try {
      return new URL(url).hostname.replace(/^www\./, "") || null;
    } catch {
      // Not a URL after all: fall through to the text.
    }
  }
  for (const text of removedLines) {
    if (text.length > 200) continue;
    const owner = COPYRIGHT_OWNER.exec(text)?.[1]?.trim();
    if (owner !== undefined && owner.length > 1 && !/^all rights/i.test(owner)) return owner;
  }
  return null;
}
