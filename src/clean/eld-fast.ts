/**
 * eld's detection (its extra-small table) with the same answers at a fraction of the cost.
 *
 * eld keeps its n-gram table as objects keyed by language number and walks them with `for in`,
 * and gathers a text's n-grams as the keys of a plain object: at ingest that was a fifth of the
 * cleaner's time. Here the table is read once into a Map of typed arrays and the n-grams into a
 * Set; the text's preparation (eld's separators, its UTF-8 byte words and n-gram cuts), the sums
 * (integers, so their order does not matter) and the reliability test (eld's own, comparing the
 * best score with the second language's number, as eld 2.1.0 does) are eld's.
 *
 * The table and helpers are eld's own modules, found next to its public entry. If they cannot be
 * loaded, or a probe of a few languages answers differently from eld.detect, `fastDetect` is
 * null and the caller uses eld.detect.
 */
import { eld } from "eld/extrasmall";

export interface Detection {
  language: string;
  reliable: boolean;
}

interface NgramData {
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

/** eld's offset of every stored score (it subtracts the smallest to keep the table small). */
const BASE_NGRAM_SCORE = 53;
/** eld's scaling of raw scores into 0-1 and its default reliability ratio. */
const SCORE_SCALE = 25;
const RELIABLE_RATIO = 0.75;
/** eld reads the first 1,000 characters, and its byte words up to these lengths. */
const MAX_TEXT_CHARS = 1000;
const CUT_AFTER_BYTES = 350;
const ENFORCE_CUT_AFTER_BYTES = 380;
const MAX_WORD_BYTES = 70;

interface Table {
  codes: string[];
  avg: number[];
  /** Per n-gram: language numbers and their scores (stored score + BASE_NGRAM_SCORE). */
  ngrams: Map<string, { langs: Int32Array; scores: Int32Array }>;
  separators: RegExp;
  dictionary: readonly string[];
}

async function loadTable(): Promise<Table | null> {
  try {
    const entry = import.meta.resolve("eld/extrasmall");
    const [{ ngramsData }, { separators }, { dictionary }, { avgScore }] = (await Promise.all([
      import(new URL("../ngrams/extrasmall.js", entry).href),
      import(new URL("../regexPatterns.js", entry).href),
      import(new URL("../dictionary.js", entry).href),
      import(new URL("../avgScore.js", entry).href),
    ])) as [
      { ngramsData: NgramData },
      { separators: RegExp },
      { dictionary: string[] },
      { avgScore: Record<string, number> },
    ];
    const n = Object.keys(ngramsData.languages).length;
    const codes: string[] = [];
    for (let i = 0; i < n; i++) codes.push(ngramsData.languages[i]!);
    const ngrams = new Map<string, { langs: Int32Array; scores: Int32Array }>();
    for (const [gram, byLang] of Object.entries(ngramsData.ngrams)) {
      const keys = Object.keys(byLang);
      const langs = new Int32Array(keys.length);
      const scores = new Int32Array(keys.length);
      keys.forEach((k, i) => {
        langs[i] = Number(k);
        scores[i] = byLang[k]! + BASE_NGRAM_SCORE;
      });
      ngrams.set(gram, { langs, scores });
    }
    return { codes, avg: codes.map((c) => avgScore[c] ?? 0), ngrams, separators, dictionary };
  } catch {
    return null;
  }
}

/** eld's byte words: each character as its UTF-8 bytes in eld's one-character-per-byte dictionary. */
function byteWords(str: string, dictionary: readonly string[]): string[] {
  let encoded = "";
  const words: string[] = [];
  let countBytes = 0;
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (c === 32) {
        if (encoded !== "") {
          words.push(encoded);
          encoded = "";
        }
        if (countBytes > CUT_AFTER_BYTES) break;
      } else {
        encoded += str[i];
      }
      countBytes++;
    } else if (c < 0x800) {
      encoded += dictionary[0xc0 | (c >> 6)]! + dictionary[0x80 | (c & 0x3f)]!;
      countBytes += 2;
    } else if (c < 0xd800 || c >= 0xe000) {
      encoded +=
        dictionary[0xe0 | (c >> 12)]! +
        dictionary[0x80 | ((c >> 6) & 0x3f)]! +
        dictionary[0x80 | (c & 0x3f)]!;
      countBytes += 3;
    } else {
      i++;
      c = 0x10000 + (((c & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      encoded +=
        dictionary[0xf0 | (c >> 18)]! +
        dictionary[0x80 | ((c >> 12) & 0x3f)]! +
        dictionary[0x80 | ((c >> 6) & 0x3f)]! +
        dictionary[0x80 | (c & 0x3f)]!;
      countBytes += 4;
    }
    if (countBytes > ENFORCE_CUT_AFTER_BYTES) break;
  }
  if (encoded !== "") words.push(encoded);
  return words;
}

function detectWith(table: Table, input: string): Detection {
  const text = input.substring(0, MAX_TEXT_CHARS).replace(table.separators, " ").trim().toLowerCase();
  const grams = new Set<string>();
  for (const word of byteWords(text, table.dictionary)) {
    const len = Math.min(word.length, MAX_WORD_BYTES);
    let j = 0;
    // 4-byte n-grams at a stride of 3, the first marked by a leading space, the last by a trailing one.
    for (; j + 4 < len; j += 3) grams.add((j === 0 ? " " : "") + word.substring(j, j + 4));
    grams.add(`${(j === 0 ? " " : "") + word.substring(len !== 3 ? len - 4 : 0)} `);
  }
  const scores = new Float64Array(table.codes.length);
  for (const gram of grams) {
    const entry = table.ngrams.get(gram);
    if (entry === undefined) continue;
    const { langs, scores: add } = entry;
    for (let k = 0; k < langs.length; k++) scores[langs[k]!]! += add[k]!;
  }
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i]! > 0 && scores[i]! > bestScore) {
      bestScore = scores[i]!;
      best = i;
    }
  }
  if (best < 0) return { language: "", reliable: false };
  const language = table.codes[best]!;
  const numNgrams = grams.size;
  if (numNgrams < 3) return { language, reliable: false };
  // eld's orderAndScale: scaled scores of the languages that scored, best first (a stable sort).
  const ranked: [number, number][] = [];
  for (let i = 0; i < scores.length; i++) {
    if (scores[i]! > 0) {
      const s = scores[i]! / numNgrams;
      ranked.push([i, s / (s + SCORE_SCALE)]);
    }
  }
  ranked.sort((a, b) => b[1] - a[1]);
  const top = ranked[0]![1];
  // As eld 2.1.0 writes it: the second entry's language number, not its score.
  const next = ranked.length > 1 ? ranked[1]![0] : 0;
  const reliable = !(table.avg[best]! * RELIABLE_RATIO > top || 0.01 > Math.abs(top - next));
  return { language, reliable };
}

function eldDetect(text: string): Detection {
  const r = eld.detect(text);
  return { language: r.language, reliable: r.language !== "" && r.isReliable() };
}

/** Texts whose answers the fast path must share with eld before it is used. */
const PROBES = [
  "The mayor said on Tuesday that the bridge would reopen after the repairs were finished.",
  "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, critiquée par les syndicats.",
  "Die Regierung hat am Dienstag neue Regeln für den Verkehr in den Innenstädten beschlossen.",
  "El presidente anunció el martes un plan para reducir el desempleo entre los jóvenes.",
  "Президент заявил во вторник, что переговоры продолжатся на следующей неделе.",
  "政府は火曜日、新しい経済対策を発表した。",
  "ok",
];

function probed(table: Table | null): Table | null {
  if (table === null) return null;
  for (const probe of PROBES) {
    const a = detectWith(table, probe);
    const b = eldDetect(probe);
    if (a.language !== b.language || a.reliable !== b.reliable) return null;
  }
  return table;
}

const table = probed(await loadTable());

/** eld.detect's language and reliability, computed faster; null when eld's internals are not as expected. */
export const fastDetect: ((text: string) => Detection) | null =
  table === null ? null : (text) => detectWith(table, text);

/** eld.detect's language and reliability, through eld itself. */
export { eldDetect };
