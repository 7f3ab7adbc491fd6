/**
 * Verbs, nouns and adjectives that attribute a propositional attitude to a source: statements,
 * beliefs, knowledge, intentions, desires, evaluations, evidence. General English vocabulary,
 * grouped by the complements each word takes (what follows it is the attributed content).
 *
 * Frame letters:
 * - `c`: a finite clause, with or without "that" ("said (that) the deal is dead");
 * - `i`: an infinitive ("plans to run", "declined to comment");
 * - `n`: a noun-phrase object ("criticised the plan", "endorsed Clinton");
 * - `w`: a wh- or whether-clause ("asked whether", "explained how");
 * - `r`: the first object is the listener, not the content ("told reporters (that) …");
 * - `b`: the content may come first, the cue after it ("The deal is dead, he said.");
 * - `t`: the clause needs its "that" (a bare object or clause is most often another sense: "find
 *   their way");
 * - `s`: an object with its predicate adjective is the content ("found it difficult", "finds
 *   him unfit"), an opinion even where the plain object is not;
 * - `x`: a raising verb with no source of its own ("seems to be", "appears headed"): the grammatical
 *   subject is part of the content, the attitude is the writer's or nobody's in particular;
 * - `p:x|y`: the content follows one of these prepositions ("called for", "spoke about").
 */

export interface Frame {
  clause: boolean;
  infinitive: boolean;
  object: boolean;
  wh: boolean;
  recipient: boolean;
  before: boolean;
  sourceless: boolean;
  thatOnly: boolean;
  smallClause: boolean;
  preps: readonly string[];
}

/** Verbs of saying: statements, questions, answers, written and posted words. */
const SPEECH = `
say:cwb tell:crwib add:cbt explain:cwb admit:cnb acknowledge:cnb concede:cb claim:cinb insist:cb
argue:cb contend:cb maintain:cbt assert:cb declare:cb announce:cnb state:cbt note:cnwb observe:cb
remark:cb report:cnb reveal:cnwb disclose:cnw confirm:cnb deny:cnb warn:crib caution:crb
predict:cnb promise:crinb vow:cib pledge:cinb threaten:ci suggest:cnb hint:cb imply:c indicate:cnb
write:cb tweet:cnb post:cn recall:cnwb recount:cw reply:cb respond:cb retort:cb counter:cb
complain:cbp:about|of lament:cnb boast:cbp:about|of brag:cbp:about joke:cbp:about quip:cb
conclude:cb reiterate:cnb repeat:cb stress:cnb emphasize:cnb emphasise:cnb underscore:cn
mention:cn testify:cbp:about|that allege:cb charge:cb ask:wnip:about|for demand:cni request:ni
propose:cni recommend:cn advise:cri assure:crb remind:crwb inform:cr notify:cr signal:cn
estimate:cn calculate:cn project:c forecast:cn speculate:cbp:about wonder:wb question:wn
tout:n hail:n praise:n criticize:n criticise:n condemn:n denounce:n slam:n blast:n decry:n
deride:n mock:n ridicule:n dismiss:n reject:cn defend:n endorse:n cite:n reference:n discuss:nw
debate:nw describe:nw characterize:n characterise:n portray:n label:n dub:n accuse:n blame:n
applaud:n welcome:n thank:n congratulate:n attack:n lambaste:n chastise:n scold:n rebuke:n
excoriate:n pan:n knock:n ding:n fault:n accept:cn urge:ni implore:ni plead:cibp:for beg:i
agree:cibp:with|on|to disagree:cbp:with|on echo:n concur:cb speak:p:about|of|out
talk:p:about|of refer:p:to comment:p:on|about elaborate:p:on insinuate:cb muse:cb opine:cb scoff:cbp:at
shout:cb yell:cb whisper:cb exclaim:cb tease:cb stipulate:c decree:c rule:c order:ni
instruct:i direct:i campaign:p:for|against|on rail:p:against lobby:p:for
push:p:for advocate:np:for call:np:for|on press:p:for|on respond:p:to reply:p:to react:p:to
vote:p:for|against express:n offer:ni articulate:cn outline:nw rebut:n assail:n bemoan:cn lash:p:at
liken:n side:p:with unveil:n voice:cn retweet:n invoke:n vouch:p:for contradict:n contemplate:nw
encourage:ni detail:nw document:nw balk:p:at brush:p:aside|off convince:cr persuade:ri
spar:p:with mull:nw affirm:cn reaffirm:cn clarify:cnw utter:n intimate:c disavow:n refute:n
repudiate:n apologize:p:for|to apologise:p:for|to answer:nw email:cb insult:n preach:np:about
trumpet:n rip:n savage:n swipe:p:at allude:p:to dwell:p:on acquiesce:p:to relish:n marvel:p:at
foreshadow:n interpret:n shrug:p:off rebuff:n chide:n admonish:n castigate:n berate:n
belittle:n disparage:n taunt:n downplay:n dispute:cn  chant:cb protest:n care:p:about count:p:on list:n paint:n author:n pressure:ri
`;

/** Verbs of thinking, knowing and perceiving. */
const COGNITION = `
think:cbp:about|of believe:cnb feel:cb know:cnwb understand:cnw realize:cnw realise:cnw
recognize:cn recognise:cn learn:cwb discover:cnw find:ctsb notice:cn remember:cnw forget:cw doubt:cnw
suspect:cn assume:cb presume:c reckon:cb figure:cb guess:cb imagine:cnw envision:cn trust:c
bet:cb suppose:c consider:nw regard:n view:n deem:n judge:cn perceive:cn sense:cn see:cn
acknowledge:cn worry:cbp:about fear:cnib hope:cibp:for expect:cinb anticipate:cn foresee:cn
`;

/** Verbs of wanting, intending, deciding, favouring and opposing. */
const INTENTION = `
want:in wish:ci plan:ip:for intend:i aim:i seek:in decide:ci decline:i refuse:i
prefer:in favor:n favour:n support:n back:n oppose:n like:i love:i hate:i dislike:n
resist:n reject:n pursue:n insist:p:on demand:n choose:i opt:ip:for
dread:n desire:n crave:n envy:n embrace:n champion:n tout:n promote:n resent:cn
`;

/** Raising verbs of appearance: the content is the subject and the complement ("Trump seems [to be …]"). */
const APPEARANCE = `
seem:ix appear:ix
`;

/** Things that carry evidence: polls, reports and studies "show", "suggest", "find". */
const EVIDENCE = `
show:cnwb demonstrate:cn highlight:cn illustrate:cnw underline:cn point:p:to|out focus:p:on
`;

/** Nouns of saying, thinking and wanting that take the content as a complement ("his claim that"). */
export const CUE_NOUNS: ReadonlySet<string> = new Set(
  `claim claims belief beliefs view views argument arguments assertion suggestion suggestions promise
promises pledge pledges vow vows plan plans hope hopes fear fears concern concerns warning warnings call
calls demand demands request proposal proposals decision insistence allegation allegations accusation
accusations statement announcement admission contention prediction predictions expectation expectations
assurance assurances threat threats desire wish intention intentions criticism support opposition
endorsement praise attacks attack refusal determination conviction position stance suspicion opinion
assessment estimate recommendation insinuation assumption complaint complaints charge charges denial
message idea thinking argument plea reminder acknowledgment acknowledgement explanation answer
question questions doubts doubt worry worries objection objections commitment push goal vision
portrayal description characterization defense defence advocacy embrace rejection dismissal case
statements comment comments remark remarks mention secret`.split(/\s+/),
);

/**
 * Cue nouns whose prepositional complement is the attributed content even with no holder named
 * ("questions about his health", "calls for a recount", "criticism of the plan").
 */
export const NOUN_TOPIC_PREPS: ReadonlyMap<string, readonly string[]> = new Map(
  `questions:about concerns:about doubts:about worries:about fears:about calls:for criticism:of|for
endorsement:of attacks:on|against opposition:to praise:for demands:for accusations:of allegations:of`
    .split(/\s+/)
    .map((entry) => {
      const [noun, preps = ""] = entry.split(":") as [string, string?];
      return [noun, preps.split("|")];
    }),
);

/** Adjectives of attitude that take the content after "be" ("confident that", "eager to", "critical of"). */
export const CUE_ADJECTIVES: ReadonlySet<string> = new Set(
  `confident sure certain convinced aware afraid worried concerned hopeful optimistic pessimistic eager
determined willing unwilling reluctant adamant skeptical sceptical critical supportive happy glad pleased
disappointed angry upset proud satisfied frustrated opposed doubtful unsure uncertain fearful wary
insistent keen anxious open unhappy outraged thrilled outspoken nervous enamored dismissive
unapologetic upbeat bullish enthusiastic vocal fond sympathetic hostile receptive excited furious cautious divided split`.split(
    /\s+/,
  ),
);

/** Prepositions that tie a cue adjective to its content ("critical of", "opposed to", "wary of"). */
export const ADJECTIVE_PREPS: ReadonlySet<string> = new Set([
  "of",
  "about",
  "to",
  "that",
  "with",
  "on",
  "over",
]);

function parse(entries: string): Map<string, Frame> {
  const out = new Map<string, Frame>();
  for (const entry of entries.split(/\s+/)) {
    if (entry === "") continue;
    const [lemma, flags = "", preps = ""] = entry.split(":") as [string, string?, string?];
    const held = out.get(lemma);
    const f: Frame = {
      clause: flags.includes("c") || (held?.clause ?? false),
      infinitive: flags.includes("i") || (held?.infinitive ?? false),
      object: flags.includes("n") || (held?.object ?? false),
      wh: flags.includes("w") || (held?.wh ?? false),
      recipient: flags.includes("r") || (held?.recipient ?? false),
      before: flags.includes("b") || (held?.before ?? false),
      sourceless: flags.includes("x") || (held?.sourceless ?? false),
      thatOnly: flags.includes("t") || (held?.thatOnly ?? false),
      smallClause: flags.includes("s") || (held?.smallClause ?? false),
      preps: [...(held?.preps ?? []), ...preps.split("|").filter((p) => p !== "")],
    };
    out.set(lemma, f);
  }
  return out;
}

/** Every cue verb with its frame, merged across the classes. */
export const CUE_VERBS: ReadonlyMap<string, Frame> = parse(
  `${SPEECH} ${COGNITION} ${INTENTION} ${EVIDENCE} ${APPEARANCE}`,
);

/** Past forms that suffix stripping cannot recover. */
const IRREGULAR: Readonly<Record<string, string>> = {
  said: "say",
  says: "say",
  told: "tell",
  wrote: "write",
  written: "write",
  spoke: "speak",
  spoken: "speak",
  thought: "think",
  knew: "know",
  known: "know",
  saw: "see",
  seen: "see",
  felt: "feel",
  meant: "mean",
  found: "find",
  sought: "seek",
  understood: "understand",
  foresaw: "foresee",
  foreseen: "foresee",
  chose: "choose",
  chosen: "choose",
  forgot: "forget",
  forgotten: "forget",
  bet: "bet",
  shown: "show",
  proven: "prove",
};

/**
 * The lexicon lemma of `word` as a verb form, or null: irregular forms, then the regular
 * suffixes ("admitted" → "admit", "replied" → "reply", "hoping" → "hope").
 */
export function cueLemma(word: string): string | null {
  // A third of a sentence's tokens are punctuation and two-letter words: no lookup for them.
  if (word.length < SHORTEST_CUE_FORM) return null;
  const known = LEMMAS.get(word);
  if (known !== undefined) return known;
  const lemma = lemmaOf(word);
  if (LEMMAS.size < MAX_REMEMBERED_LEMMAS) LEMMAS.set(word, lemma);
  return lemma;
}

/**
 * No form has a lemma when shorter than this: a lemma or an irregular form is matched whole, and
 * a regular form is a stem of two letters or more plus a suffix.
 */
const SHORTEST_CUE_FORM = Math.min(
  3,
  ...[...CUE_VERBS.keys(), ...Object.keys(IRREGULAR)].map((w) => w.length),
);

/** Lemmas by word form: the same few thousand forms are asked about in every article. */
const LEMMAS = new Map<string, string | null>();
/** A page of made-up words must not grow the memo without limit. */
const MAX_REMEMBERED_LEMMAS = 50_000;

function lemmaOf(word: string): string | null {
  const w = word.toLowerCase();
  if (CUE_VERBS.has(w)) return w;
  const irregular = IRREGULAR[w];
  if (irregular !== undefined) return CUE_VERBS.has(irregular) ? irregular : null;
  return regularLemma(w, (lemma) => CUE_VERBS.has(lemma));
}

/**
 * The lemma of a regular verb form `w` (lower case) that `known` accepts, by its suffix:
 * "admitted" → "admit", "replied" → "reply", "hoping" → "hope"; null when none is known.
 */
export function regularLemma(w: string, known: (lemma: string) => boolean): string | null {
  for (const suffix of ["ing", "ed", "es", "s", "d"]) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    if (stem.length < 2) continue;
    if (known(stem)) return stem;
    if (known(`${stem}e`)) return `${stem}e`;
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] && known(stem.slice(0, -1)))
      return stem.slice(0, -1);
    if (stem.endsWith("i") && known(`${stem.slice(0, -1)}y`)) return `${stem.slice(0, -1)}y`;
  }
  return null;
}

/** The verb form is a gerund or present participle ("saying", "adding"). */
export function isParticiple(word: string): boolean {
  return /ing$/i.test(word);
}

/** The verb form is a past participle or past tense ("asked", "known", "told"). */
export function isPastForm(word: string): boolean {
  const w = word.toLowerCase();
  return /ed$/.test(w) || (IRREGULAR[w] !== undefined && !/s$/.test(w));
}
