/**
 * Figures: numbers that measure or count something ("35 minute conversation", "80 Syrian
 * soldiers", "approximately 20 participants", "$2.5 billion", "45%"). A bare number with nothing
 * counted is not kept: it cannot be compared across versions of a story.
 *
 * The scan walks the body's word tokens once; every look-ahead and look-behind is bounded by a
 * small constant, so the work is linear in the body.
 */
import type { Article, Figure, Sentence } from "../model/index.js";
import { type WordToken, wordTokensOf } from "../text/tokens.js";
import {
  CLOCK_WORDS,
  CURRENCY_PREFIXES,
  CURRENCY_WORDS,
  IRREGULAR_PLURALS,
  LABEL_WORDS,
  MONEY_SUFFIX_SCALES,
  MONTHS,
  NOT_PLURAL,
  PERCENT_WORDS,
  PHRASE_STOPS,
  QUALIFIERS,
  SCALES,
  SMALL_NUMBERS,
  UNITS,
  YEAR_LEAD_WORDS,
} from "./figures/lexicon.js";

/** Words allowed between a count and its noun: "four Syrian opposition groups" (two), "three senior State Department officials" (three). */
const MAX_MODIFIERS = 3;
/** Words looked at after a unit for what it measures: "a 35 minute leaked audio recording". */
const MAX_MEASURE_WORDS = 3;
/** Longest qualifier in words ("no fewer than"). */
const MAX_QUALIFIER_WORDS = 3;
/** Digit runs this long without separators are ids, phone numbers or codes, not quantities. */
const MAX_PLAIN_DIGITS = 6;
/** Years news copy writes as bare four-digit numbers; such a number is a year unless it counts something. */
const YEAR_MIN = 1800;
const YEAR_MAX = 2099;
/** Upper bound on figures per article: a data table pasted into a body must not flood the reading. */
const MAX_FIGURES = 5_000;

const NUMERIC = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const NUMERIC_RANGE = /^(\d+(?:\.\d+)?)[-–](\d+(?:\.\d+)?)$/;
const NUMERIC_SUFFIXED = /^(\d+(?:\.\d+)?)([a-z]+)$/i;
const NUMBER_HYPHEN_WORD = /^(\d+(?:\.\d+)?|[a-z]+)-([a-z]+)(?:-[a-z]+)*$/i;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"“”]+/gi;
/** Only spaces between two words of one phrase; a newline or punctuation ends it. */
const PHRASE_GAP = /^[ \t\u00a0]+$/;
const RANGE_MARK_GAP = /^[ \t\u00a0]*(?:-|–|—|…|\.\.\.)[ \t\u00a0]*$/;
/** Characters glued before a number that make it part of an id, path or code ("A/RES/2625", "#5", "F-16"). */
const GLUED_BEFORE = /[/_#@=\\+:]$|[\p{L}\p{N}][-.]$/u;
/** Characters glued after a number that make it part of an id or a time ("2625(XXV)", "2:20", "10/01"). */
const GLUED_AFTER = /^(?:[/_@=\\([]|:\d)/;
const QUALIFIER_GAP = /^[ \t\u00a0]+(?:US ?\$|[$€£¥₹₽])?$/;
const SENTENCE_END_GAP = /[.!?:;"“”‘’'(]\s*$|\n/;

type Precision = Figure["precision"];

interface ParsedNumber {
  value: number;
  /** Index of the number's first and last tokens. */
  first: number;
  last: number;
  /** Written with words ("three"), not digits. */
  words: boolean;
  /** Carries a scale ("4.8 million", "a dozen"): a figure even with nothing counted. */
  scaled: boolean;
  /** Unit glued into the number token ("5km", "$5m" → USD is found separately). */
  gluedUnit: string | null;
  /** A unit glued by hyphen ("40-minute"): the adjectival form that names a measure next. */
  hyphenUnit: string | null;
  /** A vague plural ("hundreds", "tens of thousands"): the value is its least reading, a lower bound. */
  vague?: boolean;
}

interface Head {
  unit: string;
  measure: string | null;
  /** Index of the last token belonging to the figure's text. */
  last: number;
  /** End offset when the text ends on a mark rather than a token ("45%"). */
  endOffset: number | null;
}

export function findFigures(article: Article, _sentences: readonly Sentence[]): Figure[] {
  const body = article.body;
  const tokens = wordTokensOf(article, body);
  const inUrl = urlMask(body);
  const figures: Figure[] = [];
  let i = 0;
  while (i < tokens.length && figures.length < MAX_FIGURES) {
    const tok = tokens[i]!;
    if (!mayStartFigure(tok.norm) || inUrl(tok.start)) {
      i++;
      continue;
    }
    const figure = readFigureAt(body, tokens, i);
    if (figure) {
      figures.push(figure.figure);
      i = figure.next;
    } else {
      i++;
    }
  }
  return figures;
}

/**
 * Can a figure start at this word? readFraction and parseNumber start only at digits, hyphenated
 * words, number words, vague plurals, "half" and "a"/"an": most words are ruled out here, before
 * their half-dozen patterns run.
 */
function mayStartFigure(norm: string): boolean {
  const c = norm.charCodeAt(0);
  return (
    (c >= 48 && c <= 57) ||
    norm.includes("-") ||
    norm === "a" ||
    norm === "an" ||
    norm === "half" ||
    SMALL_NUMBERS.has(norm) ||
    VAGUE_PLURALS.has(norm)
  );
}

/** Is an offset inside a URL? Asked in increasing order of offsets, so a cursor keeps it linear. */
function urlMask(body: string): (offset: number) => boolean {
  const spans: [number, number][] = [];
  for (const m of body.matchAll(URL)) spans.push([m.index, m.index + m[0].length]);
  let k = 0;
  return (offset) => {
    while (k < spans.length && (spans[k] as [number, number])[1] <= offset) k++;
    const span = spans[k];
    return span !== undefined && offset >= span[0];
  };
}

function gapBetween(body: string, tokens: readonly WordToken[], a: number, b: number): string {
  return body.slice(tokens[a]!.end, tokens[b]!.start);
}

function phraseNext(body: string, tokens: readonly WordToken[], i: number): WordToken | null {
  const next = tokens[i + 1];
  if (!next) return null;
  return PHRASE_GAP.test(gapBetween(body, tokens, i, i + 1)) ? next : null;
}

function readFigureAt(
  body: string,
  tokens: readonly WordToken[],
  i: number,
): { figure: Figure; next: number } | null {
  const fraction = readFraction(body, tokens, i);
  if (fraction) return fraction;
  const num = parseNumber(body, tokens, i);
  if (!num) return null;
  if (!standsAlone(body, tokens, num)) return null;

  let value = num.value;
  let upper: number | null = null;
  let last = num.last;
  const range = parseRangeEnd(body, tokens, num);
  if (range) {
    upper = range.value;
    if (range.scaled && !num.scaled && range.scale > 1 && value * range.scale <= upper) value *= range.scale;
    last = range.last;
  }

  const currency = currencyBefore(body, tokens[num.first]!.start);
  const head = readHead(body, tokens, { ...num, value, last }, upper !== null, currency !== null);
  if (isYear(tokens[num.first]!, num) && (!head || yearLead(tokens, num.first))) return null;
  if (num.words && value === 1 && upper === null && !num.scaled && !(head && UNITS.has(head.unit)))
    return null;

  const unit = currency ? currency.code : (head?.unit ?? null);
  if (!unit && !num.scaled) return null;
  const measure = currency && !head ? measureAfter(body, tokens, last) : (head?.measure ?? null);

  const between = range?.between ?? false;
  const qualifier = between ? null : qualifierBefore(body, tokens, num.first);
  const startTok = between ? num.first - 1 : (qualifier?.first ?? num.first);
  const start = Math.min(tokens[startTok]!.start, currency?.start ?? Number.POSITIVE_INFINITY);
  const lastTok = head?.last ?? last;
  const end = head?.endOffset ?? tokens[lastTok]!.end;
  const plus = upper === null && body[tokens[num.last]!.end] === "+";

  let precision: Precision = "exact";
  if (upper !== null) precision = "range";
  else if (qualifier) precision = qualifier.precision;
  else if (plus || num.vague) precision = "at-least";

  return {
    figure: {
      start,
      end,
      text: body.slice(start, end),
      value: tidy(value),
      unit,
      measure,
      precision,
      upper: upper === null ? null : tidy(upper),
    },
    next: Math.max(lastTok, last) + 1,
  };
}

/** Float noise from scaling ("4.8 million" → 4800000.000000001) is rounded away. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Reads a number starting at token i: digits ("2,500", "4.8"), digits with a scale ("4.8
 * million"), number words ("three", "twenty-five", "two hundred"), "a dozen", "half an hour".
 */
function parseNumber(body: string, tokens: readonly WordToken[], i: number): ParsedNumber | null {
  const tok = tokens[i]!;
  const norm = tok.norm;
  let value: number;
  let words = false;
  let scaled = false;
  let last = i;
  let gluedUnit: string | null = null;
  let hyphenUnit: string | null = null;

  if (NUMERIC.test(norm)) {
    const digits = norm.replace(/,/g, "");
    if (!norm.includes(",") && !norm.includes(".") && digits.length > MAX_PLAIN_DIGITS) return null;
    value = Number(digits);
  } else if (NUMERIC_RANGE.test(norm)) {
    // "3-4" is one token; the range reader splits it.
    value = Number(NUMERIC_RANGE.exec(norm)![1]);
  } else if (NUMERIC_SUFFIXED.test(norm)) {
    const [, digits, suffix] = NUMERIC_SUFFIXED.exec(norm)!;
    const unit = gluedSuffixUnit(body, tok, suffix!);
    if (!unit) return null;
    value = Number(digits) * unit.scale;
    scaled = unit.scale > 1;
    gluedUnit = unit.unit;
  } else if (NUMBER_HYPHEN_WORD.test(norm)) {
    const [, lead, unitWord] = NUMBER_HYPHEN_WORD.exec(norm)!;
    const leadValue = /^\d/.test(lead!) ? Number(lead) : SMALL_NUMBERS.get(lead!);
    const unit = UNITS.get(unitWord!);
    if (leadValue !== undefined && unit) {
      value = leadValue;
      hyphenUnit = unit;
      words = !/^\d/.test(lead!);
    } else {
      const compound = compoundWordNumber(norm);
      if (compound === null) return null;
      value = compound;
      words = true;
    }
  } else if (VAGUE_PLURALS.has(norm)) {
    return parseVague(body, tokens, i);
  } else if (norm === "half") {
    return parseHalf(body, tokens, i);
  } else if (norm === "a" || norm === "an") {
    const next = phraseNext(body, tokens, i);
    const scale = next ? SCALES.get(next.norm) : undefined;
    if (!scale || !["dozen", "hundred", "thousand", "million", "billion"].includes(next!.norm)) return null;
    value = 1;
    words = true;
  } else if (SMALL_NUMBERS.has(norm)) {
    value = SMALL_NUMBERS.get(norm)!;
    words = true;
  } else {
    return null;
  }

  if (!gluedUnit && !hyphenUnit) {
    // Further number words and scales: "two hundred", "4.8 million", "twenty five thousand".
    let current = value;
    let total = 0;
    for (;;) {
      const next = phraseNext(body, tokens, last);
      if (!next) break;
      const scale = SCALES.get(next.norm);
      if (scale !== undefined) {
        if (scale >= 1_000) {
          total += current * scale;
          current = 0;
        } else {
          current *= scale;
        }
        scaled = true;
        last++;
        continue;
      }
      const small = SMALL_NUMBERS.get(next.norm) ?? compoundWordNumber(next.norm);
      if (words && small !== null && small !== undefined && takesSmallNumber(current, small)) {
        current += small;
        last++;
        continue;
      }
      // "one hundred and twenty": British English joins the tens to the hundreds with "and".
      if (words && next.norm === "and" && current > 0 && current % 100 === 0) {
        const after = phraseNext(body, tokens, last + 1);
        const tail = after ? (SMALL_NUMBERS.get(after.norm) ?? compoundWordNumber(after.norm)) : undefined;
        if (tail !== undefined && tail !== null && tail > 0 && tail < 100) {
          current += tail;
          last += 2;
          continue;
        }
      }
      break;
    }
    value = total + current;
  }
  return { value, first: i, last, words, scaled, gluedUnit, hyphenUnit };
}

/** "two hundred five", "twenty five": a smaller number word adds to a round one before it. */
function takesSmallNumber(current: number, small: number): boolean {
  if (current <= 0) return false;
  if (current % 100 === 0) return small < 100;
  return current >= 20 && current < 100 && current % 10 === 0 && small < 10;
}

function compoundWordNumber(norm: string): number | null {
  const m = /^([a-z]+)-([a-z]+)$/.exec(norm);
  if (!m) return null;
  const tens = SMALL_NUMBERS.get(m[1]!);
  const ones = SMALL_NUMBERS.get(m[2]!);
  if (tens === undefined || ones === undefined || tens < 20 || tens % 10 !== 0 || ones >= 10) return null;
  return tens + ones;
}

/**
 * Vague plurals read as their least value and a lower bound: "dozens" → at least 24, "hundreds" →
 * at least 200, "tens of thousands" → at least 20,000, "hundreds of millions" → at least 200,000,000.
 * The plural means two or more of the unit, so twice the unit is the least reading.
 */
export const VAGUE_PLURALS: ReadonlyMap<string, number> = new Map([
  ["dozens", 12],
  ["scores", 20],
  ["tens", 10],
  ["hundreds", 100],
  ["thousands", 1_000],
  ["millions", 1_000_000],
  ["billions", 1_000_000_000],
]);

/** Copies of the unit a vague plural means at least ("hundreds": two hundreds). */
const VAGUE_LEAST_COUNT = 2;

function parseVague(body: string, tokens: readonly WordToken[], i: number): ParsedNumber | null {
  let value = VAGUE_PLURALS.get(tokens[i]!.norm)!;
  let last = i;
  // "tens of thousands", "hundreds of millions": the second plural multiplies the first.
  const of = phraseNext(body, tokens, i);
  const second = of?.norm === "of" ? phraseNext(body, tokens, i + 1) : null;
  const scale = second ? VAGUE_PLURALS.get(second.norm) : undefined;
  if (scale !== undefined && scale >= 1_000 && scale > value) {
    value *= scale;
    last = i + 2;
  }
  // "scores" and "tens" alone are ordinary words ("test scores", "tens of" needs a scale).
  if ((tokens[i]!.norm === "tens" || tokens[i]!.norm === "scores") && last === i) {
    if (phraseNext(body, tokens, i)?.norm !== "of") return null;
    if (tokens[i]!.norm === "tens") return null;
  }
  return {
    value: value * VAGUE_LEAST_COUNT,
    first: i,
    last,
    words: true,
    scaled: true,
    gluedUnit: null,
    hyphenUnit: null,
    vague: true,
  };
}

/** Denominators of spelled-out fractions: "a third", "two-thirds", "three-quarters", "a fifth". */
const FRACTION_DENOMINATORS: ReadonlyMap<string, number> = new Map([
  ["half", 2],
  ["halves", 2],
  ["third", 3],
  ["thirds", 3],
  ["quarter", 4],
  ["quarters", 4],
  ["fourth", 4],
  ["fourths", 4],
  ["fifth", 5],
  ["fifths", 5],
  ["tenth", 10],
  ["tenths", 10],
]);

/** Decimals kept in a fraction's percentage: two-thirds is 66.7%. */
const FRACTION_DECIMALS = 1;

/**
 * A spelled-out share of something, as a percentage of it: "two-thirds of voters" → 66.7 % of
 * voter, "a quarter of the population" → 25 %, "half of the delegates" → 50 %. Only before "of":
 * "a third time" and "the third quarter" are not shares.
 */
function readFraction(
  body: string,
  tokens: readonly WordToken[],
  i: number,
): { figure: Figure; next: number } | null {
  const tok = tokens[i]!;
  let numerator: number | undefined;
  let denominator: number | undefined;
  let last = i;
  const hyphenated = /^([a-z]+)-([a-z]+)$/.exec(tok.norm);
  if (hyphenated) {
    numerator = hyphenated[1] === "a" ? 1 : SMALL_NUMBERS.get(hyphenated[1]!);
    denominator = FRACTION_DENOMINATORS.get(hyphenated[2]!);
  } else if (tok.norm === "half") {
    numerator = 1;
    denominator = 2;
  } else if (tok.norm === "a" || tok.norm === "one" || SMALL_NUMBERS.has(tok.norm)) {
    const next = phraseNext(body, tokens, i);
    if (!next) return null;
    numerator = tok.norm === "a" ? 1 : SMALL_NUMBERS.get(tok.norm);
    denominator = FRACTION_DENOMINATORS.get(next.norm);
    last = i + 1;
  }
  if (numerator === undefined || denominator === undefined || numerator <= 0 || numerator >= denominator)
    return null;
  if (phraseNext(body, tokens, last)?.norm !== "of") return null;
  const measure = fractionMeasure(body, tokens, last + 2);
  const qualifier = qualifierBefore(body, tokens, i);
  const startTok = qualifier?.first ?? i;
  const start = tokens[startTok]!.start;
  const end = tokens[last]!.end;
  const scale = 10 ** FRACTION_DECIMALS;
  return {
    figure: {
      start,
      end,
      text: body.slice(start, end),
      value: Math.round(((100 * numerator) / denominator) * scale) / scale,
      unit: "%",
      measure,
      precision: qualifier?.precision ?? "exact",
      upper: null,
    },
    next: last + 1,
  };
}

/**
 * What a share is of: the word after "of" and a determiner ("of the budget went" → budget), or the
 * plural after an adjective-shaped modifier ("of likely voters" → voter).
 */
function fractionMeasure(body: string, tokens: readonly WordToken[], at: number): string | null {
  let k = at;
  if (
    tokens[k] &&
    ["the", "its", "his", "her", "their", "our", "all", "these", "those"].includes(tokens[k]!.norm)
  )
    k++;
  const first = tokens[k];
  if (!first || !PHRASE_GAP.test(gapBetween(body, tokens, k - 1, k))) return null;
  if (PHRASE_STOPS.has(first.norm) || isNumberish(first)) return null;
  const second = tokens[k + 1];
  // "of likely voters": an adjective-shaped word before a plural is its modifier.
  if (
    !isPluralNoun(first) &&
    ADJECTIVE_SHAPED.test(first.norm) &&
    second &&
    PHRASE_GAP.test(gapBetween(body, tokens, k, k + 1)) &&
    isPluralNoun(second)
  ) {
    return singularize(second);
  }
  return singularize(first);
}

/** Endings of adjectives that modify the noun after them ("likely", "national", "eligible", "Syrian"). */
const ADJECTIVE_SHAPED = /(?:ly|al|ic|ive|ous|ful|less|able|ible|ern|ish|ian|an|ed)$/;

/** "half an hour" → 0.5 hour; "half a million" → 500000; "half a dozen" → 6. */
function parseHalf(body: string, tokens: readonly WordToken[], i: number): ParsedNumber | null {
  const article = phraseNext(body, tokens, i);
  if (!article || (article.norm !== "a" && article.norm !== "an")) return null;
  const what = phraseNext(body, tokens, i + 1);
  if (!what) return null;
  const scale = SCALES.get(what.norm);
  if (scale !== undefined) {
    return {
      value: scale / 2,
      first: i,
      last: i + 2,
      words: true,
      scaled: true,
      gluedUnit: null,
      hyphenUnit: null,
    };
  }
  if (UNITS.has(what.norm)) {
    return {
      value: 0.5,
      first: i,
      last: i + 1,
      words: true,
      scaled: false,
      gluedUnit: null,
      hyphenUnit: null,
    };
  }
  return null;
}

/** "5km", "10kg" are measures; "$5m", "£2bn" are money with a scale; anything else glued is a code. */
function gluedSuffixUnit(
  body: string,
  tok: WordToken,
  suffix: string,
): { unit: string | null; scale: number } | null {
  const lower = suffix.toLowerCase();
  if (currencyBefore(body, tok.start)) {
    const scale = MONEY_SUFFIX_SCALES.get(lower);
    return scale ? { unit: null, scale } : null;
  }
  if (lower === "m") return { unit: "metre", scale: 1 };
  const unit = UNITS.get(lower);
  return unit && lower.length <= 3 ? { unit, scale: 1 } : null;
}

/**
 * A number that is part of something else is not a figure: ids and paths ("A/RES/2625(XXV)"),
 * clock times ("2:20 P.M."), dates ("22 September", "Sept. 22"), and labels ("Resolution 2254").
 */
function standsAlone(body: string, tokens: readonly WordToken[], num: ParsedNumber): boolean {
  const first = tokens[num.first]!;
  const lastTok = tokens[num.last]!;
  const before = body.slice(Math.max(0, first.start - 2), first.start);
  if (GLUED_BEFORE.test(before)) return false;
  if (GLUED_AFTER.test(body.slice(lastTok.end, lastTok.end + 2))) return false;
  if (num.words) return true;

  const prev = tokens[num.first - 1];
  const prevGap = prev ? body.slice(prev.end, first.start) : "";
  const prevAdjacent =
    prev !== undefined && /^[ \t\u00a0]*\.?[ \t\u00a0]*$/.test(prevGap) && !currencyBefore(body, first.start);
  if (prevAdjacent && isMonthWord(prev)) return false;
  if (prevAdjacent && LABEL_WORDS.has(prev.norm)) return false;
  if (prevAdjacent && isCapitalisedLabel(body, tokens, num.first - 1)) return false;

  const next = tokens[num.last + 1];
  const nextGap = next ? gapBetween(body, tokens, num.last, num.last + 1) : "";
  if (next && PHRASE_GAP.test(nextGap)) {
    if (isMonthWord(next)) return false;
    if (CLOCK_WORDS.has(next.norm)) return false;
    if (next.norm === "of" && tokens[num.last + 2] && isMonthWord(tokens[num.last + 2]!)) return false;
  }
  return true;
}

/** Month names count only when capitalised: "may 5" is a verb and a number. */
function isMonthWord(tok: WordToken): boolean {
  return MONTHS.has(tok.norm) && /^\p{Lu}/u.test(tok.text);
}

/**
 * A capitalised word right before a number, inside a sentence, names the number ("Boeing 737",
 * "Flight MH 17", "Camp 22"): the number is a label. At a sentence start the word is an ordinary
 * capitalised word ("Killing 80 soldiers").
 */
function isCapitalisedLabel(body: string, tokens: readonly WordToken[], k: number): boolean {
  const tok = tokens[k]!;
  if (!/^\p{Lu}/u.test(tok.text) || /['’]s$/.test(tok.text)) return false;
  const before = tokens[k - 1];
  if (!before) return false;
  return !SENTENCE_END_GAP.test(body.slice(before.end, tok.start));
}

/** "in 2016 Syrian forces": the number after a temporal preposition is the year, whatever follows. */
function yearLead(tokens: readonly WordToken[], first: number): boolean {
  const prev = tokens[first - 1];
  return prev !== undefined && YEAR_LEAD_WORDS.has(prev.norm);
}

function isYear(tok: WordToken, num: ParsedNumber): boolean {
  if (num.words || num.scaled || !/^\d{4}$/.test(tok.norm)) return false;
  const v = Number(tok.norm);
  return v >= YEAR_MIN && v <= YEAR_MAX;
}

/** "three or four", "3 to 4", "3-4", "three…four", "between 5000 and 10000". */
function parseRangeEnd(
  body: string,
  tokens: readonly WordToken[],
  num: ParsedNumber,
): { value: number; last: number; scaled: boolean; scale: number; between: boolean } | null {
  const lastTok = tokens[num.last]!;
  const inToken = NUMERIC_RANGE.exec(lastTok.norm);
  if (inToken && num.first === num.last) {
    const upper = Number(inToken[2]);
    return upper > num.value
      ? { value: upper, last: num.last, scaled: false, scale: 1, between: false }
      : null;
  }
  if (num.gluedUnit || num.hyphenUnit) return null;
  const next = tokens[num.last + 1];
  if (!next) return null;
  let secondAt: number;
  const gap = gapBetween(body, tokens, num.last, num.last + 1);
  const prev = tokens[num.first - 1];
  const between = prev !== undefined && prev.norm === "between";
  if (RANGE_MARK_GAP.test(gap)) {
    secondAt = num.last + 1;
  } else if (
    PHRASE_GAP.test(gap) &&
    (next.norm === "or" || next.norm === "to" || (between && next.norm === "and")) &&
    phraseNext(body, tokens, num.last + 1)
  ) {
    secondAt = num.last + 2;
  } else {
    return null;
  }
  const second = parseNumber(body, tokens, secondAt);
  if (!second || second.gluedUnit || second.hyphenUnit) return null;
  const scale = second.scaled ? scaleOf(tokens, second) : 1;
  if (second.value <= num.value) return null;
  return { value: second.value, last: second.last, scaled: second.scaled, scale, between };
}

function scaleOf(tokens: readonly WordToken[], num: ParsedNumber): number {
  return SCALES.get(tokens[num.last]!.norm) ?? 1;
}

function currencyBefore(body: string, numberStart: number): { code: string; start: number } | null {
  const before = body.slice(Math.max(0, numberStart - 5), numberStart);
  for (const [mark, code] of CURRENCY_PREFIXES) {
    for (const spaced of [mark, `${mark} `]) {
      if (before.endsWith(spaced)) {
        const start = numberStart - spaced.length;
        // "USD" must be its own word, not the tail of one.
        if (/\p{L}/u.test(mark[0]!) && /\p{L}/u.test(body[start - 1] ?? "")) continue;
        return { code, start };
      }
    }
  }
  return null;
}

function qualifierBefore(
  body: string,
  tokens: readonly WordToken[],
  first: number,
): { first: number; precision: Exclude<Precision, "exact" | "range"> } | null {
  const words: string[] = [];
  let k = first;
  for (let n = 0; n < MAX_QUALIFIER_WORDS; n++) {
    const prev = tokens[k - 1];
    if (!prev) break;
    const gap = body.slice(prev.end, tokens[k]!.start);
    // A currency mark may sit between the qualifier and the number ("more than $2 billion").
    if (!(n === 0 ? QUALIFIER_GAP : PHRASE_GAP).test(gap)) break;
    words.unshift(prev.norm);
    k--;
  }
  if (words.length === 0) return null;
  // The last n words joined, for each n: asked of every qualifier, made once per number.
  const tails: string[] = [""];
  for (let n = 1; n <= words.length; n++) tails.push(words.slice(words.length - n).join(" "));
  for (const { phrase, length, precision } of QUALIFIER_PHRASES) {
    if (length <= words.length && tails[length] === phrase) return { first: first - length, precision };
  }
  return null;
}

/** QUALIFIERS with their word counts, split once. */
const QUALIFIER_PHRASES = QUALIFIERS.map(([phrase, precision]) => ({
  phrase,
  length: phrase.split(" ").length,
  precision,
}));

/**
 * What the number measures or counts: a unit ("35 minute", "45%", "2.5 billion dollars"), or the
 * counted noun, skipping adjectives ("80 Syrian soldiers" → soldier).
 */
function readHead(
  body: string,
  tokens: readonly WordToken[],
  num: ParsedNumber,
  isRange: boolean,
  hasCurrency: boolean,
): (Head & { counted: boolean }) | null {
  const lastTok = tokens[num.last]!;
  if (num.hyphenUnit) {
    return {
      unit: num.hyphenUnit,
      measure: measureAfter(body, tokens, num.last),
      last: num.last,
      endOffset: null,
      counted: false,
    };
  }
  if (num.gluedUnit) {
    return { unit: num.gluedUnit, measure: null, last: num.last, endOffset: null, counted: false };
  }
  const after = body.slice(lastTok.end, lastTok.end + 2);
  if (/^ ?%/.test(after)) {
    const endOffset = lastTok.end + after.indexOf("%") + 1;
    return {
      unit: "%",
      measure: ofNoun(body, tokens, num.last + 1, endOffset),
      last: num.last,
      endOffset,
      counted: false,
    };
  }
  const next = phraseNext(body, tokens, num.last);
  if (!next) return null;
  const k = num.last + 1;
  if (PERCENT_WORDS.has(next.norm)) {
    return {
      unit: "%",
      measure: ofNoun(body, tokens, k + 1, null),
      last: k,
      endOffset: null,
      counted: false,
    };
  }
  if (next.norm === "per" && phraseNext(body, tokens, k)?.norm === "cent") {
    return {
      unit: "%",
      measure: ofNoun(body, tokens, k + 2, null),
      last: k + 1,
      endOffset: null,
      counted: false,
    };
  }
  if (next.norm === "percentage" && phraseNext(body, tokens, k)?.norm === "points") {
    return { unit: "percentage point", measure: null, last: k + 1, endOffset: null, counted: false };
  }
  const currencyWord = CURRENCY_WORDS.get(next.norm);
  if (currencyWord && !hasCurrency) {
    return { unit: currencyWord, measure: null, last: k, endOffset: null, counted: false };
  }
  const unit = UNITS.get(next.norm);
  if (unit) {
    const singular = next.norm === unit || next.text.length <= 3;
    const adjectival = singular && (num.value !== 1 || isRange);
    const measure = adjectival ? measureAfter(body, tokens, k) : ofNoun(body, tokens, k + 1, null);
    return { unit, measure, last: k, endOffset: null, counted: false };
  }
  if (hasCurrency) return null;
  const counted = countedNoun(body, tokens, k, num.value === 1 && !isRange);
  return counted
    ? { unit: counted.unit, measure: null, last: counted.last, endOffset: null, counted: true }
    : null;
}

/** The head noun after a count, skipping modifiers; "three of the participants" reads through "of the". */
function countedNoun(
  body: string,
  tokens: readonly WordToken[],
  k: number,
  single: boolean,
): { unit: string; last: number } | null {
  let at = k;
  if (tokens[at]?.norm === "of") {
    if (!phraseNext(body, tokens, at - 1)) return null;
    at++;
    const det = tokens[at];
    if (det && ["the", "these", "those", "its", "his", "her", "their", "our"].includes(det.norm)) at++;
    if (!PHRASE_GAP.test(gapBetween(body, tokens, at - 1, at))) return null;
  }
  for (let m = 0; m <= MAX_MODIFIERS; m++) {
    const tok = tokens[at + m];
    if (!tok || !PHRASE_GAP.test(gapBetween(body, tokens, at + m - 1, at + m))) return null;
    if (PHRASE_STOPS.has(tok.norm) || isNumberish(tok)) return null;
    if (isPluralNoun(tok)) return { unit: singularize(tok), last: at + m };
    if (single && m === 0 && /^\p{Ll}+$/u.test(tok.text) && !/(?:ly|ed|ing)$/.test(tok.norm)) {
      return { unit: tok.norm, last: at + m };
    }
  }
  return null;
}

/** The noun a measurement describes: "35 minute conversation" → conversation. */
function measureAfter(body: string, tokens: readonly WordToken[], unitAt: number): string | null {
  let head: WordToken | null = null;
  for (let m = 1; m <= MAX_MEASURE_WORDS; m++) {
    const tok = tokens[unitAt + m];
    if (!tok || !PHRASE_GAP.test(gapBetween(body, tokens, unitAt + m - 1, unitAt + m))) break;
    if (PHRASE_STOPS.has(tok.norm) || isNumberish(tok)) break;
    // A verb form after a noun ends the phrase ("a 35 minute conversation omitted by CNN").
    if (head && /(?:ed|ing)$/.test(tok.norm)) break;
    head = tok;
  }
  return head ? singularize(head) : null;
}

/** "45% of voters" → voter; "35 minutes of audio" → audio. */
function ofNoun(
  body: string,
  tokens: readonly WordToken[],
  k: number,
  fromOffset: number | null,
): string | null {
  const of = tokens[k];
  if (of?.norm !== "of") return null;
  const prevEnd = fromOffset ?? tokens[k - 1]?.end ?? of.start;
  if (!PHRASE_GAP.test(body.slice(prevEnd, of.start))) return null;
  let at = k + 1;
  const det = tokens[at];
  if (det && ["the", "its", "his", "her", "their", "our", "all"].includes(det.norm)) at++;
  return measureAfter(body, tokens, at - 1);
}

function isNumberish(tok: WordToken): boolean {
  return /^\d/.test(tok.norm) || SMALL_NUMBERS.has(tok.norm) || SCALES.has(tok.norm);
}

function isPluralNoun(tok: WordToken): boolean {
  const w = tok.norm;
  if (IRREGULAR_PLURALS.has(w)) return true;
  if (!/^\p{L}[\p{L}'’-]*$/u.test(tok.text) || w.length < 3) return false;
  // All-capital words ending in S are acronyms ("ISIS"), not plurals.
  if (tok.text.length > 1 && tok.text === tok.text.toUpperCase()) return false;
  if (NOT_PLURAL.has(w) || /(?:ss|us|is|['’]s)$/.test(w)) return false;
  return w.endsWith("s");
}

/** Plural → singular for the counted thing; proper demonyms keep their capital ("Syrians" → "Syrian"). */
function singularize(tok: WordToken): string {
  const w = tok.norm;
  const irregular = IRREGULAR_PLURALS.get(w);
  let out: string;
  if (irregular) out = irregular;
  else if (!isPluralNoun(tok)) out = w;
  else if (/[^aeiou]ies$/.test(w) && w.length > 4) out = `${w.slice(0, -3)}y`;
  else if (/(?:ches|shes|sses|xes|zes)$/.test(w)) out = w.slice(0, -2);
  else out = w.slice(0, -1);
  return /^\p{Lu}\p{Ll}/u.test(tok.text) ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}
