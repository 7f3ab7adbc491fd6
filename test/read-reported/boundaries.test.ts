import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { INTRO, mentionOf, read, reported } from "./helpers.js";

/** Every case: paragraphs and the exact content span expected, with its cue and source mention. */
interface Case {
  name: string;
  paragraphs: string[];
  content: string;
  cue?: string;
  /** The source mention's text, or null for an attribution with no holder named. */
  mention?: string | null;
}

const CASES: Case[] = [
  {
    name: "contentBefore: a trailing cue after a titled name the mention leaves out",
    paragraphs: [
      "Ivar Halvorsen ran the mill for decades.",
      "The mill was a powerhouse, Mr. Halvorsen said.",
    ],
    content: "The mill was a powerhouse",
    cue: "said",
  },
  {
    name: "contentEnd: a non-restrictive relative is the writer's aside",
    paragraphs: [
      INTRO,
      "Lopez argued that the agency exceeded its authority, which the court has since put on hold.",
    ],
    content: "that the agency exceeded its authority",
  },
  {
    name: "contentEnd: a non-restrictive 'where' clause is the writer's aside on the place",
    paragraphs: [INTRO, "Lopez said the plant will move to Pueblo, where wages are lower."],
    content: "the plant will move to Pueblo",
  },
  {
    name: "contentEnd: a restrictive 'where' clause stays in the content",
    paragraphs: [INTRO, "Lopez said she visited the town where she grew up."],
    content: "she visited the town where she grew up",
  },
  {
    name: "contentEnd: a closing appositive with its own relative clause is the writer's comment",
    paragraphs: [
      INTRO,
      "Lopez claimed that the council had rigged the vote, a charge that surfaced again this week.",
    ],
    content: "that the council had rigged the vote",
  },
  {
    name: "contentEnd: a closing appositive after a dash describes the last noun",
    paragraphs: [
      INTRO,
      "Lopez said the plant would be sold to Halvorsen Steel — the largest employer in the valley.",
    ],
    content: "the plant would be sold to Halvorsen Steel",
  },
  {
    name: "contentEnd: a noun phrase with a finite verb after the comma is a clause, not an appositive",
    paragraphs: [INTRO, "Lopez said the plant would close next year, the union will fight it."],
    content: "the plant would close next year, the union will fight it",
  },
  {
    name: "contentEnd: an appositive inside the content, not at its end, stays",
    paragraphs: [INTRO, "Lopez said she met Tom Reyes, the county clerk, on Tuesday in Pueblo."],
    content: "she met Tom Reyes, the county clerk, on Tuesday in Pueblo",
  },
  {
    name: "pronounSubjectAhead: the clause starts at its subject pronoun, past the listener and the time",
    paragraphs: [INTRO, "Lopez told the Denver Post on Monday she would run again."],
    content: "she would run again",
    cue: "told",
  },
  {
    name: "thatAhead: a noun the tagger reads as a verb after a determiner and an adverb is no clause verb",
    paragraphs: [INTRO, "Lopez replied in an even tone that she was pleased."],
    content: "that she was pleased",
  },
  {
    name: "thatAhead: a long place and time adjunct, with a gerund as a preposition's object, before 'that'",
    paragraphs: [
      INTRO,
      "Lopez said Thursday during a taping of her weekly radio show at a studio in Pueblo, Colorado, that the levy would pass.",
    ],
    content: "that the levy would pass",
  },
  {
    name: "thatAhead: the second half of a hyphenated noun tagged as a verb ('op-ed') is no clause verb",
    paragraphs: [INTRO, "Lopez wrote in a Denver Post op-ed that she had penned the remarks."],
    content: "that she had penned the remarks",
  },
  {
    name: "outermost: the subject of a clause after ', and' holding its own attribution ends the content",
    paragraphs: [
      INTRO,
      "Tenant groups say the new fees are illegal, and the housing coalition has already sued the county, arguing that the fees break state law.",
    ],
    content: "the new fees are illegal",
    cue: "say",
  },
  {
    name: "pronounSubjectAhead: place and time adjuncts after 'said' are not what was said",
    paragraphs: [INTRO, "Lopez said in Pueblo on Tuesday they had won."],
    content: "they had won",
  },
  {
    name: "pronounSubjectAhead: a pronoun after the clause's own verb leaves the start alone",
    paragraphs: [INTRO, "Lopez said the plan failed because she refused to sign it."],
    content: "the plan failed because she refused to sign it",
  },
  {
    name: "pastFrontedAdjunct: a fronted phrase with no verb of its own sets the scene for 'according to'",
    paragraphs: [
      INTRO,
      "Despite a month of attacks, Reyes has failed to dent her lead, according to a new poll.",
    ],
    content: "Reyes has failed to dent her lead",
    mention: "a new poll",
  },
  {
    name: "pastFrontedAdjunct: a discourse word after the fronted phrase goes with it",
    paragraphs: [INTRO, "Nationally, however, her rating has fallen, according to the survey."],
    content: "her rating has fallen",
  },
  {
    name: "pastFrontedAdjunct: an adverbial clause after the phrase keeps the whole opening",
    paragraphs: [INTRO, "In April, as the race tightened, Reyes gained ground, according to a new poll."],
    content: "In April, as the race tightened, Reyes gained ground",
  },
  {
    name: "accordingTo: the clause goes on after a parenthetical source",
    paragraphs: [INTRO, "The plan, according to two aides, would cut taxes."],
    content: "would cut taxes",
    mention: "two aides",
  },
  {
    name: "adjunctOnly: a participle's own object after a quotation and its cue stays",
    paragraphs: [INTRO, "“We are growing,” Lopez said, citing strong sales."],
    content: "strong sales",
    cue: "citing",
  },
  {
    name: "contactRelativeSubject: the subject of a relative clause with no pronoun, not its head",
    paragraphs: [INTRO, "Scarborough Shoal is now the place Pentagon officials say the navy might go."],
    content: "the navy might go",
    mention: "Pentagon officials",
  },
  {
    name: "contactRelativeSubject: 'the ones' heads the clause its subject opens",
    paragraphs: [INTRO, "They are the ones the campaign hopes to register."],
    content: "to register",
    mention: "the campaign",
  },
  {
    name: "contactRelativeSubject: a comparative correlative's subject follows 'the more'",
    paragraphs: [INTRO, "The more voters fear the candidate, the better."],
    content: "the candidate",
    mention: "voters",
  },
  {
    name: "contactRelativeSubject: a numeral with its own noun stays the whole subject",
    paragraphs: [INTRO, "One official said the plan was dead."],
    content: "the plan was dead",
    mention: "One official",
  },
  {
    name: "phraseEnd: a preposition of occasion after the object sets the scene",
    paragraphs: [INTRO, "Lopez denounced the merger in a televised interview."],
    content: "the merger",
    cue: "denounced",
  },
  {
    name: "thatAhead: a place adjunct with a noun tagged as a verb stands before the that-clause",
    paragraphs: [INTRO, "Lopez said at a campaign stop in Pueblo, Colorado, that the plant would stay open."],
    content: "that the plant would stay open",
  },
  {
    name: "thatAhead: an adjunct stands before the infinitive of an intention verb",
    paragraphs: ["The board decided after a lengthy review not to renew the contract."],
    content: "not to renew the contract",
    cue: "decided",
  },
  {
    name: "timeAdjunctEnds: a cue followed only by a time adjunct takes the content before it",
    paragraphs: [
      "The budget is an insult to teachers, union leaders said Friday afternoon, as they gathered outside.",
    ],
    content: "The budget is an insult to teachers",
    mention: "union leaders",
  },
  {
    name: "isVerbTag: a noun-tagged cue between a plural subject and a determiner object",
    paragraphs: ["Many cities support the regulations."],
    content: "the regulations",
    mention: "Many cities",
  },
  {
    name: "isVerbTag: a noun-tagged cue between a plural noun subject and a bare noun object",
    paragraphs: ["By a lopsided margin, millennials support background checks for all buyers."],
    content: "background checks for all buyers",
    mention: "millennials",
  },
  {
    name: "isVerbTag: after a modal the cue is a verb whatever its tag",
    paragraphs: ["Fully 44 percent would back Lopez."],
    content: "Lopez",
    cue: "would back",
  },
  {
    name: "isVerbTag: a noun-tagged trailing cue after the content's comma",
    paragraphs: ["The aircraft was insured at a value of 35 million dollars, records show."],
    content: "The aircraft was insured at a value of 35 million dollars",
    mention: "records",
  },
  {
    name: "nominalCues: a cue noun with its topic and no holder",
    paragraphs: ["Questions about the senator's health have dogged the campaign."],
    content: "the senator's health",
    mention: null,
  },
  {
    name: "nominalCues: a possessed cue noun's prepositional complement is a noun phrase",
    paragraphs: [INTRO, "Lopez renewed her attacks on the governor at a rally in Aurora."],
    content: "the governor",
  },
  {
    name: "possessor: a possessed cue noun in the object takes the clause subject as its source",
    paragraphs: [INTRO, "Lopez laid out her plans for the new transit line."],
    content: "the new transit line",
    mention: "Lopez",
  },
  {
    name: "expletiveSubject: an it that only fills the subject slot names no source",
    paragraphs: ["It is hard to know where the donors will go."],
    content: "where the donors will go",
    mention: null,
  },
  {
    name: "verbCues: a chained cue takes the inner verb's object",
    paragraphs: [INTRO, "Lopez has refused to endorse the nominee."],
    content: "the nominee",
    cue: "has refused to endorse",
    mention: "Lopez",
  },
  {
    name: "lexicon: voting for is a stance on what is voted for",
    paragraphs: ["Most delegates voted for the amendment."],
    content: "the amendment",
    mention: "Most delegates",
  },
  {
    name: "lexicon: calling something a name is an evaluation of it",
    paragraphs: ["Democrats called the contempt citation a political stunt."],
    content: "the contempt citation a political stunt",
    mention: "Democrats",
  },
  {
    name: "accordingTo: a source the finder cannot resolve is the phrase up to the clause end",
    paragraphs: [
      "Violent crime fell by a third, according to the most recent data available from the state police.",
    ],
    content: "Violent crime fell by a third",
    mention: "the most recent data available from the state police",
  },
  {
    // The clause's own cue is nested in what the records show (attributions do not nest).
    name: "contentEnd: a trailing attribution with a lower-case subject ends the content",
    paragraphs: [INTRO, "Lopez agreed to sell the ranch to Reyes in 2010, records show."],
    content: "Lopez agreed to sell the ranch to Reyes in 2010",
    mention: "records",
  },
  {
    name: "contentEnd: a trailing attribution to a named outlet after its determiner",
    paragraphs: [
      INTRO,
      "Lopez told investigators she was advised to use the account, the Denver Post reported.",
    ],
    content: "Lopez told investigators she was advised to use the account",
    mention: "Denver Post",
  },
  {
    name: "contentBefore: no trailing content for a subject that has a predicate of its own",
    paragraphs: [INTRO, "Asked about it, Lopez joined Reyes in writing a letter."],
    content: "it",
    mention: "Lopez",
  },
  {
    name: "outermost: a new subject's attribution after 'and' ends the content before it",
    paragraphs: [INTRO, "Six in 10 voters said Lopez is honest, and three-quarters said the same of Reyes."],
    content: "Lopez is honest",
    mention: "Six in 10 voters",
  },
  {
    name: "outermost: the attribution after the comma and 'and' stands on its own",
    paragraphs: [INTRO, "Six in 10 voters said Lopez is honest, and three-quarters said the same of Reyes."],
    content: "the same of Reyes",
    mention: "three-quarters",
  },
  {
    name: "outermost: a complement phrase ends before a subordinate clause with its own attribution",
    paragraphs: [INTRO, "Reyes is upbeat about his chances in November, because he sees Lopez as weak."],
    content: "his chances in November",
    mention: "Reyes",
  },
];

/** Cases where a span must not be read as any indirect content. */
const ABSENT: { name: string; paragraphs: string[]; absent: string }[] = [
  {
    name: "accordingTo: a contrasting clause after the source is not a second piece",
    paragraphs: [
      INTRO,
      "Turnout rose sharply, according to county officials, but the results will not be known until Friday.",
    ],
    absent: "the results will not be known",
  },
  {
    name: "adjunctOnly: after a quotation, where it was said is not what was said",
    paragraphs: [INTRO, "“The tax laws are unfair,” Lopez said at a campaign stop this week."],
    absent: "at a campaign stop",
  },
  {
    name: "adjunctOnly: after a quotation, how it was asked is not what was asked",
    paragraphs: [INTRO, "“Why now?” Lopez asked rhetorically."],
    absent: "rhetorically",
  },
];

describe("indirect attribution boundaries", () => {
  for (const c of ABSENT) {
    it(c.name, () => {
      const texts = reported(read(c.paragraphs)).map((q) => q.text);
      assert.ok(
        !texts.some((t) => t.includes(c.absent)),
        `«${c.absent}» read as content in ${JSON.stringify(texts)}`,
      );
    });
  }
  for (const c of CASES) {
    it(c.name, () => {
      const r = read(c.paragraphs);
      const texts = reported(r).map((q) => q.text);
      const q = reported(r).find((x) => x.text === c.content);
      assert.ok(q, `no indirect content «${c.content}» in ${JSON.stringify(texts)}`);
      if (c.cue !== undefined) assert.equal(q.cue, c.cue);
      if (c.mention !== undefined) assert.equal(mentionOf(r, q), c.mention);
    });
  }
});
