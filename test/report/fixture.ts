/**
 * A hand-made story for the report tests: three versions of one (invented) news event, a leaked
 * recording of a health minister. It has what real stories have: an original report, a late
 * copy with a spun headline, a trimmed and an altered quote, a figure conflict (25- versus
 * 30-minute recording), text reuse with a direction, two witnesses, claim verdicts with
 * evidence, and page junk removed from every version.
 */
import type {
  Article,
  ClaimSupport,
  DiffPart,
  FigureGroup,
  InputFailure,
  QuoteGroup,
  QuoteRelation,
  Reading,
  Removed,
  ReusePair,
  Story,
} from "../../src/model/index.js";
import { joinParagraphs } from "../../src/model/index.js";

interface QuoteSpec {
  text: string;
  speaker: string | null;
  cue: string | null;
  partial?: boolean;
}

interface ArticleSpec {
  id: string;
  source: string;
  outlet: string | null;
  title: string | null;
  dek?: string | null;
  byline?: string | null;
  dateline?: string | null;
  published: string | null;
  paragraphs: string[];
  removed: Removed[];
  quotes: QuoteSpec[];
  figures: { text: string; value: number; unit: string | null; measure: string | null }[];
  dates: { text: string; value: string | null }[];
  bodyClaims: string[];
}

/** Offset of `needle` in `body`, failing loudly: a fixture with a wrong span would test nothing. */
function spanOf(body: string, needle: string, from = 0): { start: number; end: number } {
  const start = body.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: "${needle}" not in body`);
  return { start, end: start + needle.length };
}

/** Sentences cut at ". " / ".” " boundaries: good enough for a fixture whose sentences are plain. */
function sentencesOf(article: Article): Reading["sentences"] {
  const out: Reading["sentences"] = [];
  let offset = 0;
  article.paragraphs.forEach((p, paragraph) => {
    for (const m of p.matchAll(/[^.!?]+[.!?]+[”’"]?(?:\s+|$)/g)) {
      const text = m[0].trim();
      const start = offset + m.index;
      out.push({ text, start, end: start + text.length, paragraph });
    }
    offset += p.length + 2;
  });
  return out;
}

export function buildReading(spec: ArticleSpec): Reading {
  const body = joinParagraphs(spec.paragraphs);
  const article: Article = {
    id: spec.id,
    source: spec.source,
    outlet: spec.outlet,
    title: spec.title,
    dek: spec.dek ?? null,
    byline: spec.byline ?? null,
    published: spec.published,
    dateline: spec.dateline ?? null,
    lang: "en",
    paragraphs: spec.paragraphs,
    body,
    removed: spec.removed,
  };
  const sentences = sentencesOf(article);
  const sentenceAt = (offset: number) =>
    Math.max(
      0,
      sentences.findIndex((s) => s.start <= offset && offset < s.end),
    );
  let searchFrom = 0;
  const quotes = spec.quotes.map((q, n) => {
    const span = spanOf(body, q.text, searchFrom);
    searchFrom = span.end;
    return {
      id: `${spec.id}:q${n}`,
      text: q.text,
      kind: q.partial ? ("partial" as const) : ("direct" as const),
      partial: q.partial ?? false,
      speaker: q.speaker,
      speakerMention: null,
      speakerEntity: null,
      cue: q.cue,
      cueSpan: null,
      sentence: sentenceAt(span.start),
      continues: null,
      ...span,
    };
  });
  const figures = spec.figures.map((f) => ({
    ...f,
    ...spanOf(body, f.text),
    precision: "exact" as const,
    upper: null,
  }));
  const dates = spec.dates.map((d) => ({
    ...d,
    ...spanOf(body, d.text),
    relative: false,
    granularity: "day" as const,
  }));
  const headline = spec.title
    ? [{ id: `${spec.id}:c0`, text: spec.title, role: "headline" as const, span: null, sentence: null }]
    : [];
  const bodyClaims = spec.bodyClaims.map((text, n) => {
    const span = spanOf(body, text);
    return {
      id: `${spec.id}:c${n + 1}`,
      text,
      role: "body" as const,
      span,
      sentence: sentenceAt(span.start),
    };
  });
  return {
    article,
    sentences,
    quotes,
    reported: [],
    entities: [],
    figures,
    dates,
    attributions: [],
    claims: [...headline, ...bodyClaims],
  };
}

export const A = "a01_courier";
export const B = "b02_dailypulse";
export const C = "c03_metrowire";

const QUOTE_FULL = "We cannot keep every rural ward open, and I lost that argument in cabinet";
const QUOTE_TRIMMED = "We cannot keep every rural ward open";
const QUOTE_ALTERED = "We can’t keep every rural ward open, and I lost that argument in cabinet";
const QUOTE_MONEY = "The money simply is not there this year.";

export function courier(): ArticleSpec {
  return {
    id: A,
    source: "https://www.northern-courier.example/news/health/2023/03/14/marsh-tape",
    outlet: "Northern Courier",
    title: "Leaked tape: Health minister says she lost cabinet fight over rural wards",
    dek: "A recording of a closed meeting with hospital trust chiefs reveals the minister’s private doubts.",
    byline: "Priya Nandakumar, Health Correspondent",
    dateline: "LEEDS",
    published: "2023-03-14T08:30:00",
    paragraphs: [
      "Health Minister Helen Marsh told hospital chiefs at a closed meeting on March 10 that she had lost a cabinet argument over funding for rural wards, according to a 25-minute recording obtained by the Northern Courier.",
      `“${QUOTE_FULL},” Ms Marsh said on the recording. “${QUOTE_MONEY}”`,
      "The meeting, attended by about 30 trust executives, came a week after the department confirmed that 14 rural wards would be reviewed for closure.",
      "Marsh added that she had asked the Treasury to “look again” at capital spending before the autumn.",
      "A spokesman for the Department of Health declined to comment on the recording.",
    ],
    removed: [
      { kind: "navigation", text: "Home | News | Health | Politics | Sport | Opinion" },
      { kind: "share-counter", text: "1,204 shares" },
      { kind: "newsletter", text: "Sign up to the Courier morning briefing. Enter your email" },
    ],
    quotes: [
      { text: QUOTE_FULL, speaker: "Helen Marsh", cue: "said" },
      { text: QUOTE_MONEY, speaker: "Helen Marsh", cue: "said" },
      { text: "look again", speaker: "Helen Marsh", cue: "added", partial: true },
    ],
    figures: [
      { text: "25-minute", value: 25, unit: "minute", measure: "recording" },
      { text: "about 30 trust executives", value: 30, unit: "executive", measure: null },
      { text: "14 rural wards", value: 14, unit: "ward", measure: null },
    ],
    dates: [{ text: "March 10", value: "2023-03-10" }],
    bodyClaims: [
      "The meeting, attended by about 30 trust executives, came a week after the department confirmed that 14 rural wards would be reviewed for closure.",
    ],
  };
}

export function dailyPulse(): ArticleSpec {
  return {
    id: B,
    source: "https://dailypulse.example/2023/06/02/minister-wanted-rural-hospitals-to-close/",
    outlet: "The Daily Pulse",
    title: "Minister WANTED rural hospitals to close, secret tape reveals",
    published: "2023-06-02",
    paragraphs: [
      "Health Minister Helen Marsh told hospital chiefs at a closed meeting that she had lost a cabinet argument over funding for rural wards, according to a 30-minute recording.",
      `“${QUOTE_TRIMMED},” Ms Marsh said on the recording. “${QUOTE_MONEY}”`,
      "Critics say the remarks show the government always intended to shut rural hospitals.",
    ],
    removed: [
      { kind: "related-links", text: "READ MORE: Ten hospitals facing cuts this winter" },
      { kind: "comments", text: "Jim R. — typical, they never cared about us up north" },
      { kind: "comments", text: "Sandra K. — Source? This recording is months old." },
      { kind: "comments", text: "Reply · 12 likes" },
      { kind: "reply-form", text: "Leave a Reply Cancel reply. Your email address will not be published." },
    ],
    quotes: [
      { text: QUOTE_TRIMMED, speaker: "Helen Marsh", cue: "said" },
      { text: QUOTE_MONEY, speaker: "Helen Marsh", cue: "said" },
    ],
    figures: [{ text: "30-minute", value: 30, unit: "minute", measure: "recording" }],
    dates: [],
    bodyClaims: ["Critics say the remarks show the government always intended to shut rural hospitals."],
  };
}

export function metroWire(): ArticleSpec {
  return {
    id: C,
    source: "/data/scrapes/metrowire/marsh-lost-argument.html",
    outlet: "Metro Wire",
    title: "Marsh: ‘I lost that argument’ on rural ward funding",
    byline: "Tom Ellery",
    dateline: "LONDON (11:02 A.M.)",
    published: "2023-03-15T11:02:00",
    paragraphs: [
      "Health Minister Helen Marsh said she was overruled in cabinet on funding for rural wards, a recording of a meeting with hospital executives shows.",
      `“${QUOTE_ALTERED},” Marsh said in the 25 minute recording, which was passed to reporters by one of those present.`,
      "Nurses’ union leader Gareth Bowen called the plan “a betrayal of every nurse in the county” and said members would ballot on strike action.",
    ],
    removed: [
      { kind: "caption", text: "Helen Marsh leaves Downing Street on Tuesday. Photo: Press Association" },
      { kind: "newsletter", text: "Get Metro Wire in your inbox" },
    ],
    quotes: [
      { text: QUOTE_ALTERED, speaker: "Helen Marsh", cue: "said" },
      {
        text: "a betrayal of every nurse in the county",
        speaker: "Gareth Bowen",
        cue: "called",
        partial: true,
      },
    ],
    figures: [{ text: "25 minute", value: 25, unit: "minute", measure: "recording" }],
    dates: [],
    bodyClaims: [],
  };
}

function same(text: string): DiffPart {
  return { op: "same", text };
}

function member(
  article: string,
  n: number,
  relation: QuoteRelation,
  diff: DiffPart[] = [],
  speaker = "Helen Marsh",
) {
  return { article, quote: `${article}:q${n}`, relation, speaker, diff };
}

function quoteGroups(): QuoteGroup[] {
  return [
    {
      id: "qg1",
      speaker: "Helen Marsh",
      text: QUOTE_FULL,
      speakerConflict: false,
      members: [
        member(A, 0, "identical"),
        member(B, 0, "trimmed", [
          same(QUOTE_TRIMMED),
          { op: "removed", text: "and I lost that argument in cabinet" },
        ]),
        member(C, 0, "altered", [
          same("We"),
          { op: "removed", text: "cannot" },
          { op: "added", text: "can’t" },
          same("keep every rural ward open, and I lost that argument in cabinet"),
        ]),
      ],
    },
    {
      id: "qg2",
      speaker: "Helen Marsh",
      text: QUOTE_MONEY,
      speakerConflict: false,
      members: [member(A, 1, "identical"), member(B, 1, "identical")],
    },
    {
      id: "qg3",
      speaker: "Helen Marsh",
      text: "look again",
      speakerConflict: false,
      members: [member(A, 2, "identical")],
    },
    {
      id: "qg4",
      speaker: "Gareth Bowen",
      text: "a betrayal of every nurse in the county",
      speakerConflict: false,
      members: [member(C, 1, "identical", [], "Gareth Bowen")],
    },
  ];
}

function figureGroups(readings: Reading[]): FigureGroup[] {
  const fig = (article: string, text: string) => {
    const f = readings.find((r) => r.article.id === article)?.figures.find((x) => x.text === text);
    if (!f) throw new Error(`fixture: figure ${text} in ${article}`);
    return { article, text: f.text, value: f.value, unit: f.unit, start: f.start, end: f.end };
  };
  return [
    {
      id: "fg1",
      measure: "recording length",
      unit: "minute",
      members: [fig(A, "25-minute"), fig(B, "30-minute"), fig(C, "25 minute")],
      conflict: true,
    },
    {
      id: "fg2",
      measure: "rural wards under review",
      unit: "ward",
      members: [fig(A, "14 rural wards")],
      conflict: false,
    },
  ];
}

function reuse(readings: Reading[]): ReusePair[] {
  const [ra, rb] = [A, B].map((id) => readings.find((r) => r.article.id === id)!);
  const pa = ra!.article.paragraphs;
  const pb = rb!.article.paragraphs;
  const passages = [
    { a: pa[0]!, b: pb[0]! },
    {
      a: `Ms Marsh said on the recording. “${QUOTE_MONEY}”`,
      b: `Ms Marsh said on the recording. “${QUOTE_MONEY}”`,
    },
  ].map((p) => ({ ...p, aSpan: spanOf(ra!.article.body, p.a), bSpan: spanOf(rb!.article.body, p.b) }));
  const shared = (side: "aSpan" | "bSpan") => passages.reduce((n, p) => n + p[side].end - p[side].start, 0);
  return [
    {
      a: A,
      b: B,
      passages,
      shareOfA: shared("aSpan") / ra!.article.body.length,
      shareOfB: shared("bSpan") / rb!.article.body.length,
      direction: "a->b",
      directionReason: "a01_courier was published 80 days earlier",
    },
  ];
}

function claimSupport(): ClaimSupport[] {
  return [
    {
      article: A,
      claim: `${A}:c0`,
      verdict: "supported",
      evidence: [`${A}:q0`, `${C}:q0`],
      reasons: ["Helen Marsh is quoted saying she lost the argument, in two independent witnesses."],
    },
    {
      article: B,
      claim: `${B}:c0`,
      verdict: "unsupported",
      evidence: [`${A}:q0`, `${B}:q0`],
      reasons: [
        "No quote of Helen Marsh contains an intent verb like 'wanted'.",
        "The quote was cut before “and I lost that argument in cabinet”, which changes its meaning.",
      ],
    },
    {
      article: C,
      claim: `${C}:c0`,
      verdict: "supported",
      evidence: [`${C}:q0`, `${A}:c0`],
      reasons: ["The headline repeats words Helen Marsh is quoted saying."],
    },
    { article: A, claim: `${A}:c1`, verdict: "supported", evidence: ["fg2"], reasons: [] },
    {
      article: B,
      claim: `${B}:c1`,
      verdict: "partly",
      evidence: [],
      reasons: ["Only unnamed critics are cited; no quote says the government intended closures."],
    },
  ];
}

export function buildStory(): Story {
  const readings = [buildReading(courier()), buildReading(dailyPulse()), buildReading(metroWire())];
  return {
    readings,
    entities: [],
    quoteGroups: quoteGroups(),
    figureGroups: figureGroups(readings),
    reuse: reuse(readings),
    witnesses: [
      { id: "w1", articles: [A, B], original: A },
      { id: "w2", articles: [C], original: C },
    ],
    claimSupport: claimSupport(),
    coverage: [
      { article: A, uniqueQuotes: ["qg3"], uniqueSentences: [4, 5] },
      { article: B, uniqueQuotes: [], uniqueSentences: [3] },
      { article: C, uniqueQuotes: ["qg4"], uniqueSentences: [2] },
    ],
    timeline: {
      event: "2023-03-10",
      eventEvidence: [`${A}: March 10`],
      publications: [
        { article: A, published: "2023-03-14T08:30:00", daysAfterEvent: 4, lateRepublication: false },
        { article: B, published: "2023-06-02", daysAfterEvent: 84, lateRepublication: true },
        { article: C, published: "2023-03-15T11:02:00", daysAfterEvent: 5, lateRepublication: false },
      ],
    },
  };
}

export const FAILURES: InputFailure[] = [
  { source: "/data/scrapes/broken/page.pdf", reason: "binary content, not a web page" },
];

/**
 * A long story: `n` versions, most of them re-publications of the three above under other
 * outlet names, with a quote group and reuse for each. For layout at scale (wide matrix,
 * collapsed articles), not for realism of the numbers.
 */
export function buildLongStory(n: number): Story {
  const base = buildStory();
  const readings: Reading[] = [];
  const specs = [courier, dailyPulse, metroWire];
  for (let i = 0; i < n; i++) {
    const spec = specs[i % 3]!();
    const id = `v${String(i + 1).padStart(3, "0")}_${spec.id}`;
    const day = String(1 + (i % 28)).padStart(2, "0");
    readings.push(
      buildReading({
        ...spec,
        id,
        outlet: `${spec.outlet} mirror ${i + 1}`,
        published: `2023-04-${day}`,
        source: `${spec.source}?copy=${i + 1}`,
      }),
    );
  }
  const ids = readings.map((r) => r.article.id);
  return {
    ...base,
    readings,
    quoteGroups: base.quoteGroups.map((g) => ({
      ...g,
      members: ids
        .filter((_, i) => i % 3 === (g.members[0]?.article === C ? 2 : 0) || i % 5 === 1)
        .map((id) => ({
          article: id,
          quote: `${id}:q0`,
          relation: (["identical", "trimmed", "altered"] as const)[ids.indexOf(id) % 3]!,
          speaker: g.speaker,
          diff: g.members[1]?.diff ?? [],
        })),
    })),
    figureGroups: base.figureGroups.map((g) => ({
      ...g,
      members: ids.slice(0, 20).map((article, i) => ({ ...g.members[i % g.members.length]!, article })),
    })),
    reuse: ids
      .slice(1, 30)
      .map((b, i) => ({ ...base.reuse[0]!, a: ids[0]!, b, shareOfA: 0.2 + (i % 7) / 10 })),
    witnesses: [
      { id: "w1", articles: ids.filter((_, i) => i % 3 !== 2), original: ids[0]! },
      ...ids
        .filter((_, i) => i % 3 === 2)
        .map((id, i) => ({ id: `w${i + 2}`, articles: [id], original: id })),
    ],
    claimSupport: ids.slice(0, 12).map((id, i) => ({
      ...base.claimSupport[i % 3]!,
      article: id,
      claim: `${id}:c0`,
      evidence: [`${id}:q0`, `${ids[(i + 2) % ids.length]}:q0`],
    })),
    coverage: [],
    timeline: {
      event: "2023-03-10",
      eventEvidence: [],
      publications: readings.map((r, i) => ({
        article: r.article.id,
        published: r.article.published,
        daysAfterEvent: 22 + i,
        lateRepublication: i % 10 === 9,
      })),
    },
  };
}
