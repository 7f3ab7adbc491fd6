/**
 * Attributions to other outlets and organisations: "the New York Times revealed", "according to
 * Wikileaks", "MEMO reported", "told Reuters", "published at the time by the New York Times and
 * CNN", and "the newspaper reported" resolved to the outlet named before it.
 */
import type { Article, Attribution, Entity, Sentence } from "../model/index.js";
import { canonicalOutlet, isOutletName, nameWords, stripArticle } from "./attributions/outlets.js";

/** A capitalised word of a name ("Times", "U.S.", "Al-Assad", "CNN"). */
const CAP_WORD = String.raw`\p{Lu}(?:[\p{L}\p{N}&'’-]|\.(?=\p{L}))*`;
/** Up to six words: "The Sydney Morning Herald", "Times of India"; longer runs are not one name. */
const NAME = String.raw`(?:[Tt]he\s+)?${CAP_WORD}(?:\s+(?:of\s+|&\s+)?${CAP_WORD}){0,5}`;
/** "the newspaper", "the outlet": stand-ins for the outlet last named. */
const ANAPHOR = String.raw`[Tt]he\s+(?:news\s+agency|newspaper|paper|outlet|daily|broadcaster|agency|channel|network|website|site|magazine|station|publication|tabloid|weekly)`;
/** Adverbs and auxiliaries between a subject and its verb ("the Times first reported", "CNN has learned"). */
const SUBJECT_FILLER = String.raw`(?:(?:has|had|have|also|first|previously|originally|later|earlier|exclusively|itself|then)\s+){0,2}`;
const SUBJECT_VERBS =
  "reported|reports|revealed|reveals|disclosed|discloses|said|says|wrote|writes|published|publishes|released|aired|broadcast|quoted|cited|noted|added|learned|obtained|confirmed";

const ACCORDING_TO = new RegExp(String.raw`\b[Aa]ccording\s+to\s+(${ANAPHOR}|${NAME})`, "gu");
const SUBJECT = new RegExp(String.raw`(${ANAPHOR}|${NAME})\s+${SUBJECT_FILLER}(${SUBJECT_VERBS})\b`, "gu");
/**
 * A verb SUBJECT (and INVERTED, whose verbs are among them) must find. SUBJECT tries a name at
 * every capital, the costliest pattern here; most sentences have none of its verbs, and this one
 * scan rules it out for them.
 */
const SUBJECT_VERB = new RegExp(String.raw`(?:${SUBJECT_VERBS})\b`);
const ANAPHOR_ONLY = new RegExp(`^${ANAPHOR}$`, "u");
const SENTENCE_IT = new RegExp(String.raw`^[“"‘']?It\s+${SUBJECT_FILLER}(${SUBJECT_VERBS})\b`, "u");
const INVERTED = new RegExp(String.raw`[,—–]\s*(said|reported|wrote|added)\s+(${ANAPHOR}|${NAME})`, "gu");
const OBJECT = new RegExp(
  String.raw`\b(told|said\s+to|speaking\s+to|in\s+an\s+interview\s+with|interviewed\s+by|leaked\s+to|obtained\s+by|provided\s+to|quoted\s+by|cited\s+by)\s+(${NAME})`,
  "gu",
);
/** A word every OBJECT cue holds: the pattern tries a cue at every word boundary, this scan is one pass. */
const OBJECT_CUE = /told|said|speaking|interview|leaked|obtained|provided|quoted|cited/;
const BY_LIST = new RegExp(String.raw`\bby\s+(${NAME}(?:(?:\s*,\s*|\s*,?\s+and\s+)${NAME}){0,4})`, "gu");
const LIST_SPLIT = /\s*,\s*(?:and\s+)?|\s+and\s+/;
/** Verbs of publication that make "by X" a credit: "published at the time by the New York Times" (the nearest verb wins). */
const PUBLISH_BEFORE_BY =
  /^.*\b(published|reported|released|aired|broadcast|revealed|posted|obtained|first reported|made public|leaked)\b[^.;:!?]{0,60}$/i;
/** How far back the publish verb may stand from "by" (words like "at the time" sit between). */
const PUBLISH_LOOKBACK_CHARS = 70;

/** Verbs that credit any organisation; the others ("said", "wrote") only credit names that are outlets by form. */
const ORG_VERBS: ReadonlySet<string> = new Set([
  "reported",
  "reports",
  "revealed",
  "reveals",
  "disclosed",
  "discloses",
]);

/** Capitalised words that open a sentence or clause and are not part of a name ("Then CNN reported"). */
const LEADING_NON_NAME: ReadonlySet<string> = new Set(
  `then but and yet so also now earlier later meanwhile however in on at when while after before since still
today yesterday instead separately both all some many several officials sources it he she they this that
these those we i you there his her their its our`.split(/\s+/),
);
/** Titles before a person's name: a name used with one anywhere in the article is a person, not an outlet. */
const PERSON_TITLES = String.raw`(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Prof|President|Minister|Secretary|Senator|General|spokesman|spokeswoman|spokesperson|Ambassador|envoy)\.?`;
/** Pronoun-like openers that are not names even when capitalised. */
const NOT_NAMES: ReadonlySet<string> = new Set([
  "The",
  "It",
  "He",
  "She",
  "They",
  "We",
  "I",
  "You",
  "This",
  "That",
]);

interface Found {
  start: number;
  end: number;
  name: string;
  cue: string;
  anaphor: boolean;
  /** Credited by a verb that credits any organisation, not only outlets. */
  orgVerb: boolean;
  /** The span opens with the name (subject patterns), so trimming the name moves the start. */
  nameAtStart: boolean;
}

export function findAttributions(
  article: Article,
  sentences: readonly Sentence[],
  entities: readonly Entity[],
): Attribution[] {
  const isPerson = personTest(article.body, entities);
  const out: Attribution[] = [];
  let lastOutlet: string | null = null;
  let previousSentenceOutlet: string | null = null;

  sentences.forEach((sentence, index) => {
    const found = candidatesIn(sentence.text).sort((a, b) => a.start - b.start);
    let thisSentenceOutlet: string | null = null;
    const inSentence: Attribution[] = [];
    const itCue = SENTENCE_IT.exec(sentence.text);
    if (itCue && previousSentenceOutlet) {
      const m = itCue[0];
      out.push({
        start: sentence.start + m.indexOf("It"),
        end: sentence.start + m.length,
        outlet: previousSentenceOutlet,
        cue: itCue[1]!,
        sentence: index,
      });
      thisSentenceOutlet = previousSentenceOutlet;
    }
    for (const f of found) {
      let outlet: string | null = null;
      let shift = 0;
      if (f.anaphor) {
        outlet = lastOutlet;
      } else {
        const name = cleanName(f.name);
        if (name && credits(name, f.orgVerb, isPerson)) {
          outlet = canonicalOutlet(name);
          if (isOutletName(name)) lastOutlet = outlet;
          if (f.nameAtStart)
            shift = Math.max(0, f.name.indexOf(stripArticle(name)) - (/^the\s/i.test(name) ? 4 : 0));
        }
      }
      if (!outlet) continue;
      const start = sentence.start + f.start + shift;
      const end = sentence.start + f.end;
      if (inSentence.some((a) => a.outlet === outlet && a.start < end && start < a.end)) continue;
      const attribution = { start, end, outlet, cue: f.cue, sentence: index };
      inSentence.push(attribution);
      out.push(attribution);
      thisSentenceOutlet = outlet;
    }
    previousSentenceOutlet = thisSentenceOutlet;
  });
  return out;
}

/** Every pattern's raw hits in one sentence, offsets relative to the sentence. */
function candidatesIn(text: string): Found[] {
  const found: Found[] = [];
  const isAnaphor = (name: string) => ANAPHOR_ONLY.test(name);
  // Each guard is a word its patterns cannot match without.
  const according = text.includes("ccording");
  const subjectVerb = SUBJECT_VERB.test(text);
  for (const m of according ? text.matchAll(ACCORDING_TO) : []) {
    const name = m[1]!;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      name,
      cue: "according to",
      anaphor: isAnaphor(name),
      orgVerb: true,
      nameAtStart: false,
    });
  }
  for (const m of subjectVerb ? text.matchAll(SUBJECT) : []) {
    const name = m[1]!;
    const verb = m[2]!;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      name,
      cue: m[0].slice(name.length).trim(),
      anaphor: isAnaphor(name),
      orgVerb: ORG_VERBS.has(verb),
      nameAtStart: true,
    });
  }
  for (const m of subjectVerb ? text.matchAll(INVERTED) : []) {
    const name = m[2]!;
    const start = m.index + m[0].indexOf(m[1]!);
    found.push({
      start,
      end: m.index + m[0].length,
      name,
      cue: m[1]!,
      anaphor: isAnaphor(name),
      orgVerb: ORG_VERBS.has(m[1]!),
      nameAtStart: false,
    });
  }
  for (const m of OBJECT_CUE.test(text) ? text.matchAll(OBJECT) : []) {
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      name: m[2]!,
      cue: m[1]!.replace(/\s+/g, " "),
      anaphor: false,
      orgVerb: false,
      nameAtStart: false,
    });
  }
  for (const m of text.includes("by") ? text.matchAll(BY_LIST) : []) {
    const verb = PUBLISH_BEFORE_BY.exec(text.slice(Math.max(0, m.index - PUBLISH_LOOKBACK_CHARS), m.index));
    if (!verb) continue;
    let at = m.index + m[0].indexOf(m[1]!);
    for (const part of m[1]!.split(LIST_SPLIT)) {
      const pos = text.indexOf(part, at);
      if (pos < 0 || !part) continue;
      found.push({
        start: pos,
        end: pos + part.length,
        name: part,
        cue: `${verb[1]!.toLowerCase()} by`,
        anaphor: false,
        orgVerb: true,
        nameAtStart: true,
      });
      at = pos + part.length;
    }
  }
  return found;
}

/** Drops clause openers caught with the name ("Then CNN" → "CNN"); null when nothing name-like is left. */
function cleanName(raw: string): string | null {
  const words = nameWords(raw);
  const hadArticle = words[0]?.toLowerCase() === "the";
  let i = hadArticle ? 1 : 0;
  while (i < words.length - 1 && LEADING_NON_NAME.has(words[i]!.toLowerCase())) i++;
  const rest = words
    .slice(i)
    .join(" ")
    .replace(/[.,]+$/, "");
  if (!rest || NOT_NAMES.has(rest) || LEADING_NON_NAME.has(rest.toLowerCase())) return null;
  return hadArticle && i === 1 ? `the ${rest}` : rest;
}

/**
 * Whether a name may be credited here: outlets by form always; other organisations ("Wikileaks",
 * "MEMO") only with "according to", "reported", "revealed"; people never (they are speakers).
 */
function credits(name: string, orgVerb: boolean, isPerson: (name: string) => boolean): boolean {
  if (isOutletName(name)) return true;
  return orgVerb && !isPerson(stripArticle(name));
}

function personTest(body: string, entities: readonly Entity[]): (name: string) => boolean {
  const people = new Set<string>();
  const others = new Set<string>();
  for (const e of entities) {
    // A one-word "person" is often a misread organisation ("Wikileaks"); full names are trusted.
    const target = e.type === "person" && nameWords(e.name).length > 1 ? people : others;
    target.add(e.name.toLowerCase());
    for (const m of e.mentions) target.add(m.text.toLowerCase());
  }
  const cache = new Map<string, boolean>();
  return (name) => {
    const key = name.toLowerCase();
    if (others.has(key)) return false;
    if (people.has(key)) return true;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const titled = new RegExp(
      String.raw`\b${PERSON_TITLES}\s+(?:\p{Lu}[\p{L}'’-]*\s+){0,2}${escaped}\b`,
      "u",
    ).test(body);
    cache.set(key, titled);
    return titled;
  };
}
