import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toReadRecord } from "../../src/cli/read.js";
import type { Quote } from "../../src/model/index.js";
import { cueLemma } from "../../src/read/reported/lexicon.js";
import { creditQuotesInReported } from "../../src/read/reported.js";
import { toReport } from "../../src/report/json.js";
import { buildStory } from "../report/fixture.js";
import { contentWith, INTRO, mentionOf, read, reported, withContent, withCue } from "./helpers.js";

/** Every case: paragraphs, a fragment the content must hold, and what must (not) be in it. */
interface Case {
  name: string;
  paragraphs: string[];
  content: string;
  /** Words the content must not run into (the next attribution, the writer's own clause). */
  excludes?: string[];
  speaker?: string | null;
  mention?: string | null;
  cue?: string;
}

const CASES: Case[] = [
  {
    name: "verbCues: a that-clause after a reporting verb, surname resolved to the full name",
    paragraphs: [INTRO, "Lopez admitted that the bill had stalled in committee."],
    content: "that the bill had stalled in committee",
    speaker: "Maria Lopez",
    mention: "Lopez",
    cue: "admitted",
  },
  {
    name: "contentEnd: a participle cue after a comma starts a new attribution",
    paragraphs: [
      INTRO,
      "She argued that voters would punish delay, adding that the governor had been warned.",
    ],
    content: "that voters would punish delay",
    excludes: ["adding", "governor"],
    speaker: "Maria Lopez",
    mention: "She",
  },
  {
    name: "sourceOf: a participle cue shares the subject of the clause it hangs from",
    paragraphs: [
      INTRO,
      "She argued that voters would punish delay, adding that the governor had been warned.",
    ],
    content: "that the governor had been warned",
    speaker: "Maria Lopez",
    mention: "She",
    cue: "adding",
  },
  {
    name: "contentBefore: the content first, then a trailing attribution",
    paragraphs: [INTRO, "The deal is dead, two aides said."],
    content: "The deal is dead",
    excludes: ["aides"],
    mention: "two aides",
  },
  {
    name: "contentBefore: an inverted subject after the cue",
    paragraphs: ["The budget will not pass this year, said Tom Reyes, the party whip."],
    content: "The budget will not pass this year",
    speaker: "Tom Reyes",
  },
  {
    name: "accordingTo: a source at the sentence end",
    paragraphs: ["Turnout will rise among young voters, according to a new survey by Harlow University."],
    content: "Turnout will rise among young voters",
    excludes: ["survey"],
    mention: "a new survey",
    cue: "according to",
  },
  {
    name: "accordingTo: a source opening the sentence",
    paragraphs: ["According to the survey, younger voters remain undecided."],
    content: "younger voters remain undecided",
    excludes: ["survey"],
    mention: "the survey",
  },
  {
    name: "relativeSource: the relative pronoun is the mention, the antecedent the speaker",
    paragraphs: [INTRO, "Lopez, who told reporters the vote would slip to June, left early."],
    content: "the vote would slip to June",
    excludes: ["left early", "reporters"],
    speaker: "Maria Lopez",
    mention: "who",
  },
  {
    name: "contentAfter: an intention verb takes its infinitive",
    paragraphs: [INTRO, "Lopez plans to introduce a new bill."],
    content: "to introduce a new bill",
    speaker: "Maria Lopez",
  },
  {
    name: "contentAfter: a question reported with whether",
    paragraphs: ["Reporters asked whether the vote would be delayed."],
    content: "whether the vote would be delayed",
    mention: "Reporters",
  },
  {
    name: "isPassive: the listener of a passive is not the source",
    paragraphs: ["The governor was asked whether he would sign the bill."],
    content: "whether he would sign the bill",
    mention: null,
  },
  {
    name: "contentAfter: a frame preposition joins the cue",
    paragraphs: [INTRO, "Lopez called for an independent audit of the agency."],
    content: "an independent audit of the agency",
    cue: "called for",
  },
  {
    name: "phraseEnd: an object content stops before a time adjunct",
    paragraphs: [INTRO, "Lopez endorsed Hector Ruiz last week during a rally in Pueblo."],
    content: "Hector Ruiz",
    excludes: ["last week", "rally"],
  },
  {
    name: "nominalCues: a possessed cue noun heading the subject ends at the main verb",
    paragraphs: [INTRO, "Her claim that the audit was blocked drew scorn."],
    content: "that the audit was blocked",
    excludes: ["drew"],
    speaker: "Maria Lopez",
    mention: "Her",
  },
  {
    name: "nominalCues: a support verb gives the cue noun its subject",
    paragraphs: [INTRO, "Lopez expressed concern that the audit would be delayed."],
    content: "that the audit would be delayed",
    cue: "expressed concern",
    speaker: "Maria Lopez",
  },
  {
    name: "nominalCues: an attitude adjective after be",
    paragraphs: [INTRO, "Lopez is confident that the bill will pass."],
    content: "that the bill will pass",
    cue: "is confident",
  },
  {
    name: "viewFrames: in someone's view",
    paragraphs: [INTRO, "In Lopez's view, the audit is overdue."],
    content: "the audit is overdue",
    speaker: "Maria Lopez",
  },
  {
    name: "inSubordinateClause: a fronted adverbial clause ends at its comma",
    paragraphs: [INTRO, "When Lopez said the audit was overdue, the room fell silent."],
    content: "the audit was overdue",
    excludes: ["room"],
  },
  {
    name: "inRelativeClause: a restrictive relative ends at the main verb",
    paragraphs: ["Voters who said the economy mattered most backed the mayor."],
    content: "the economy mattered most",
    excludes: ["backed"],
    mention: "who",
  },
  {
    name: "asideStart: a subject behind a dashed aside",
    paragraphs: ["Many lawmakers — including two from her own party — said the audit had no chance."],
    content: "the audit had no chance",
    mention: "Many lawmakers",
  },
  {
    name: "mainSubject: a coordinated cue shares the sentence's subject",
    paragraphs: [INTRO, "Lopez toured the plant and says the audit will be finished in May."],
    content: "the audit will be finished in May",
    speaker: "Maria Lopez",
    mention: "Lopez",
  },
  {
    name: "resolve: the newspaper is the outlet named before it",
    paragraphs: [
      "The Harlow Gazette reported that the mayor had met the auditors.",
      "The newspaper said the meeting lasted an hour.",
    ],
    content: "the meeting lasted an hour",
    speaker: "Harlow Gazette",
    mention: "The newspaper",
  },
  {
    name: "isVerbTag: a noun-tagged verb after a plural subject and before that",
    paragraphs: ["Polls show that the challenger leads in the west."],
    content: "that the challenger leads in the west",
    mention: "Polls",
  },
  {
    name: "thatAhead: adverbials between the cue and its that",
    paragraphs: [INTRO, "Lopez said in an interview with the Gazette on Tuesday that she would run again."],
    content: "that she would run again",
    excludes: ["interview"],
  },
  {
    name: "contentEnd: a contrasting clause after a comma is the writer's",
    paragraphs: [INTRO, "Lopez said the audit was overdue, while her rival toured the plant."],
    content: "the audit was overdue",
    excludes: ["rival"],
  },
  {
    name: "clauseFollows: a long subject noun phrase before the content's verb",
    paragraphs: [
      INTRO,
      "Lopez says the governor's new rules for the state's oil and gas wells are not worth the paper.",
    ],
    content: "the governor's new rules",
  },
  {
    name: "skipRecipient: the listener after told is not content",
    paragraphs: [INTRO, "Lopez told a crowd of supporters that the fight was not over."],
    content: "that the fight was not over",
    excludes: ["crowd"],
  },
  {
    name: "seem: a raising verb has no source",
    paragraphs: ["The mayor seems to favour a second term."],
    content: "to favour a second term",
    mention: null,
  },
];

describe("indirect attributions (reported speech, belief, intention)", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = read(c.paragraphs);
      const q = contentWith(r, c.content);
      assert.equal(q.kind, "indirect");
      for (const word of c.excludes ?? [])
        assert.ok(!q.text.includes(word), `«${q.text}» runs into «${word}»`);
      if (c.speaker !== undefined) assert.equal(q.speaker, c.speaker);
      if (c.mention !== undefined) assert.equal(mentionOf(r, q), c.mention);
      if (c.cue !== undefined) assert.equal(q.cue, c.cue);
    });
  }

  it("contentBefore: a parenthetical attribution splits the content into two linked pieces", () => {
    const r = read([INTRO, "The plan, she said, was never funded."]);
    const first = withContent(r, "The plan");
    const second = withContent(r, "was never funded");
    assert.ok(first && second);
    assert.ok(!first.text.includes("said") && !second.text.includes("said"));
    assert.ok(first.continues !== null && first.continues === second.continues);
    assert.equal(second.speaker, "Maria Lopez");
  });

  it("outermost: an attribution nested in another's content is not a separate relation", () => {
    const r = read([INTRO, "Lopez said her rival believes that the audit is a stunt."]);
    const outer = withContent(r, "the audit is a stunt");
    assert.ok(outer);
    assert.equal(outer.cue, "said");
    assert.equal(reported(r).filter((q) => q.cue === "believes").length, 0);
  });

  it("relativeHolder: people who say something inside a content hold a view of their own", () => {
    const r = read([INTRO, "Lopez cited ranchers who say the new levy will close their farms."]);
    const inner = withCue(r, "say");
    assert.ok(inner, JSON.stringify(reported(r).map((q) => q.text)));
    assert.equal(inner.text, "the new levy will close their farms");
    assert.equal(mentionOf(r, inner), "who");
    assert.equal(contentWith(r, "ranchers who say").cue, "cited");
    const other = read([INTRO, "Lopez cited ranchers who wanted the new levy to fail."]);
    assert.equal(reported(other).filter((q) => q.cue === "wanted").length, 0);
  });

  it("quotationFollows and insideQuote: a direct quotation is not repeated as indirect", () => {
    const r = read([
      INTRO,
      "Lopez said, “We will not wait for the committee.”",
      "“The audit is late,” Lopez said.",
    ]);
    assert.ok(r.quotes.some((q) => q.text.includes("We will not wait")));
    assert.equal(reported(r).length, 0, JSON.stringify(reported(r).map((q) => q.text)));
  });

  it("cueVerbAt: nouns and names that look like cue verbs are not cues", () => {
    const r = read([
      "The call lasted an hour and the state budget passed.",
      "The Denver Post endorsed nobody.",
    ]);
    assert.ok(!reported(r).some((q) => q.cue === "call" || q.cue === "state"));
  });

  it("cueLemma: regular and irregular forms of cue verbs", () => {
    assert.equal(cueLemma("admitted"), "admit");
    assert.equal(cueLemma("replied"), "reply");
    assert.equal(cueLemma("hoping"), "hope");
    assert.equal(cueLemma("said"), "say");
    assert.equal(cueLemma("thought"), "think");
    assert.equal(cueLemma("table"), null);
    // The shortest lemmas, at the length below which no word is looked up.
    assert.equal(cueLemma("say"), "say");
    assert.equal(cueLemma("ask"), "ask");
    assert.equal(cueLemma("is"), null);
  });

  it("creditQuotesInReported: a quotation inside an indirect content takes its source", () => {
    const r = read(["The Harlow Gazette reports that aides want to “keep the details under wraps.”"]);
    const q = r.quotes.find((x) => x.text.includes("keep the details"));
    assert.ok(q);
    assert.equal(q.speaker, "Harlow Gazette");
    // Pure: a speakerless quote outside every content is left as it was.
    const lone: Quote = { ...q, start: 0, end: 3, speaker: null, speakerMention: null, speakerEntity: null };
    const [same] = creditQuotesInReported([lone], reported(r));
    assert.equal(same?.speaker, null);
  });

  it("readArticle keeps quotes direct and partial; the read CLI record adds the indirect ones", () => {
    const r = read([INTRO, "Lopez admitted that the bill had stalled.", "“We will fight on,” she said."]);
    assert.ok(r.quotes.length > 0 && r.quotes.every((q) => q.kind !== "indirect"));
    const record = toReadRecord(r, "test", r.article.body, (i) => i);
    const indirect = record.quotes.filter((q) => q.kind === "indirect");
    assert.ok(indirect.some((q) => q.text === "that the bill had stalled" && q.speaker === "Maria Lopez"));
    assert.ok(indirect.every((q) => q.speakerStart !== null && record.quotes.length > indirect.length));
  });

  it("the JSON report's article quotes stay direct and partial", () => {
    const story = buildStory();
    const reading = story.readings[0]!;
    const extra: Quote = {
      ...(reading.quotes[0] as Quote),
      id: `${reading.article.id}:r0`,
      kind: "indirect",
      partial: false,
    };
    const withReported = {
      ...story,
      readings: [{ ...reading, reported: [extra] }, ...story.readings.slice(1)],
    };
    const report = toReport(withReported, []);
    assert.ok(!JSON.stringify(report.articles[0]?.quotes).includes(":r0"));
  });
});

describe("indirect attributions on hostile input", () => {
  const BOUND = { timeout: 60_000 };

  it("a 5 MB paragraph with no sentence end finishes in bounded time", BOUND, () => {
    const words = "officials said that the plan would fail and argued that voters believe ";
    const text = words.repeat(Math.ceil(5_000_000 / words.length));
    const started = Date.now();
    const r = read([text]);
    assert.ok(Date.now() - started < 45_000);
    assert.ok(reported(r).length > 0);
  });

  it("unbalanced quote marks across a whole article", BOUND, () => {
    const para =
      "“He said that the plan would fail, she said. ”They think “ it is over, according to “aides.";
    const r = read(Array.from({ length: 2000 }, () => para));
    for (const q of reported(r)) assert.ok(q.start < q.end && q.end <= r.article.body.length);
  });

  it("a sentence of nothing but cue words", BOUND, () => {
    const r = read([`${"said ".repeat(400)}.`, `${"he said that ".repeat(150)}.`]);
    assert.ok(reported(r).length >= 0);
  });
});
