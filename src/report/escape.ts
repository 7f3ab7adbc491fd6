/**
 * Every piece of story data reaches the HTML report through these functions. Article text is
 * hostile (scraped pages, reader comments): nothing from it may become markup, an attribute, an
 * id that collides with ours, or a link with a script scheme.
 */

const TEXT_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

// C0 controls other than tab/newline/carriage return are parse errors in HTML (NUL is even
// rewritten by parsers), and a lone UTF-16 surrogate cannot be encoded: both come out of broken
// decoders on real pages. Each becomes one U+FFFD, so string lengths (and offsets) are unchanged.
const UNSAFE_CODE_UNITS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function wellFormed(value: string): string {
  return value.replace(UNSAFE_CODE_UNITS, "\uFFFD");
}

/**
 * For text nodes. Quotes and backticks are escaped too, so one rule covers every context we
 * write data into and a string moved from text to an attribute stays safe.
 */
export function escapeText(value: string): string {
  return wellFormed(value).replace(/[&<>"'`]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** For double-quoted attribute values; backticks matter here, old IE treated them as attribute quotes. */
export const escapeAttr = escapeText;

/** Only plain web addresses become links; anything else (javascript:, data:, file paths) stays text. */
export function safeHttpUrl(value: string): string | null {
  return /^https?:\/\/[^\s<>"'`]+$/i.test(value) ? value : null;
}

// Long enough to stay readable in the address bar, short enough that a megabyte-long hostile
// id does not bloat every link to it.
const MAX_ID_STEM = 48;

/**
 * Element ids derived from data: letters, digits, "_" and "-" only, under a fixed prefix, and
 * unique within one report even when two data keys sanitise to the same stem ("a<b", "a>b") or
 * hostile data repeats a key. `ref` gives the id links use; `anchor` gives the id an element
 * carries: the linked one the first time, a fresh one if the same key is defined again.
 */
export class IdRegistry {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly defined = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();

  ref(namespace: string, key: string): string {
    const mapKey = `${namespace}\u0000${key}`;
    const known = this.byKey.get(mapKey);
    if (known !== undefined) return known;
    const id = this.fresh(namespace, key);
    this.byKey.set(mapKey, id);
    return id;
  }

  anchor(namespace: string, key: string): string {
    const mapKey = `${namespace}\u0000${key}`;
    if (this.defined.has(mapKey)) return this.fresh(namespace, key);
    this.defined.add(mapKey);
    return this.ref(namespace, key);
  }

  private fresh(namespace: string, key: string): string {
    const stem = `${namespace}-${key.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, MAX_ID_STEM)}`;
    // Resume numbering where this stem left off, so thousands of colliding keys stay linear.
    let n = this.nextSuffix.get(stem) ?? 1;
    let candidate = n === 1 ? stem : `${stem}-${n}`;
    while (this.taken.has(candidate)) candidate = `${stem}-${++n}`;
    this.nextSuffix.set(stem, n + 1);
    this.taken.add(candidate);
    return candidate;
  }
}
