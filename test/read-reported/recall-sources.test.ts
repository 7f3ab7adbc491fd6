import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertMention, contentWith, INTRO, type MentionCase, mentionOf, read, reported } from "./helpers.js";

/** Sources the reader used to leave out although it found the content: each case names the form. */
const CASES: MentionCase[] = [
  {
    name: "a quantifier the tagger calls an adverb opens the sentence ('Most believe')",
    paragraphs: [INTRO, "Most believe that the water district has been run well."],
    content: "that the water district has been run well",
    mention: "Most",
  },
  {
    name: "a quantifier after a subordinator ('although most oppose it')",
    paragraphs: [INTRO, "The ranchers are split, although most oppose the new levy."],
    content: "the new levy",
    mention: "most",
  },
  {
    name: "an indefinite pronoun with 'almost' before it",
    paragraphs: [INTRO, "Almost everyone agrees the old dam needs repairs."],
    content: "the old dam needs repairs",
    mention: "Almost everyone",
  },
  {
    name: "an indefinite pronoun alone ('Everyone knows')",
    paragraphs: [INTRO, "Everyone knows the county budget is short this year."],
    content: "the county budget is short this year",
    mention: "Everyone",
  },
  {
    name: "'No one' is one subject",
    paragraphs: [INTRO, "No one expects the reservoir to fill before June."],
    content: "the reservoir to fill before June",
    mention: "No one",
  },
  {
    name: "'Neither' standing alone",
    paragraphs: [INTRO, "Lopez and Reyes met on Monday. Neither wanted to discuss the levy."],
    content: "the levy",
    mention: "Neither",
  },
  {
    name: "'since' between the auxiliary and the verb ('has since said')",
    paragraphs: [INTRO, "Lopez has since said she would back a smaller levy."],
    content: "she would back a smaller levy",
    mention: "Lopez",
  },
  {
    name: "a floating 'both' between the auxiliary and the verb",
    paragraphs: [INTRO, "The county clerks have both argued that the levy is illegal."],
    content: "that the levy is illegal",
    mention: "The county clerks",
  },
  {
    name: "a phrase of time between the auxiliary and the verb ('have in the past said')",
    paragraphs: [INTRO, "The ranchers have in the past said the water board ignores them."],
    content: "the water board ignores them",
    mention: "The ranchers",
  },
  {
    name: "a subject whose head noun the tagger reads as an adjective ('The democratic socialist said')",
    paragraphs: [INTRO, "The democratic socialist said he would carry the county easily."],
    content: "he would carry the county easily",
    mention: "The democratic socialist",
  },
  {
    name: "the object of a control verb holds the infinitive's attitude ('led the ranchers to say')",
    paragraphs: [INTRO, "The late vote led the ranchers to say that the board had misled them."],
    content: "that the board had misled them",
    mention: "the ranchers",
  },
  {
    name: "a control verb in a participle ('allowing voters to tell')",
    paragraphs: [INTRO, "The county built a new site allowing voters to tell clerks that a ballot is lost."],
    content: "that a ballot is lost",
    mention: "voters",
  },
  {
    name: "a control verb with its preposition ('rely on residents to report')",
    paragraphs: [INTRO, "Water boards rely on residents to report leaks."],
    content: "leaks",
    mention: "residents",
  },
  {
    name: "an object pronoun of a control verb is the mention ('led them to believe')",
    paragraphs: [INTRO, "The ranchers heard the news. It led them to believe that the dam would fail."],
    content: "that the dam would fail",
    mention: "them",
  },
  {
    name: "a verb that does not control its object leaves the subject ('joined the ranchers to reject')",
    paragraphs: [INTRO, "Lopez joined the ranchers to reject the new levy."],
    content: "the new levy",
    mention: "Lopez",
  },
  {
    name: "a participle after the comma before its 'that' clause is the verb ('mobilized, warning that')",
    paragraphs: [INTRO, "The ranchers had mobilized, warning that the levy would ruin the valley."],
    content: "that the levy would ruin the valley",
    mention: "The ranchers",
  },
  {
    name: "a degree adverb between the possessor and the cue noun ('Reyes's sharply worded attacks on')",
    paragraphs: [INTRO, "Tom Reyes's sharply worded attacks on the water board drew a crowd."],
    content: "the water board",
    mention: "Tom Reyes",
  },
  {
    name: "two modifiers joined by a comma before the cue noun ('highly personal, bitter attacks on')",
    paragraphs: [INTRO, "Tom Reyes's highly personal, openly bitter attacks on the board were noted."],
    content: "the board",
    mention: "Tom Reyes",
  },
  {
    name: "a subject ending in a number before 'say they' ('Those over 60 say they …')",
    paragraphs: [INTRO, "Among ranchers, those over 60 say they will vote against the levy."],
    content: "they will vote against the levy",
    mention: "those over 60",
  },
  {
    name: "a share of a pronoun's group is one subject ('Many of them said')",
    paragraphs: [INTRO, "The ranchers met in Pueblo. Many of them said the levy was unfair."],
    content: "the levy was unfair",
    mention: "Many of them",
  },
  {
    name: "a share of those a participle picks out ('Half of those surveyed say')",
    paragraphs: [INTRO, "Half of those surveyed say they would back a smaller levy."],
    content: "they would back a smaller levy",
    mention: "Half of those surveyed",
  },
  {
    name: "a percentage with its sign before 'of' ('In Pueblo, 85% of ranchers said')",
    paragraphs: [INTRO, "In Pueblo, 85% of ranchers said the levy was unfair."],
    content: "the levy was unfair",
    mention: "85% of ranchers",
  },
  {
    name: "the subject of a 'for X to' infinitive after 'enough' ('enough for Reyes to claim')",
    paragraphs: [INTRO, "The count was close enough for Tom Reyes to claim a narrow win."],
    content: "a narrow win",
    mention: "Tom Reyes",
  },
  {
    name: "a hyphenated modifier inside the subject ('Some far-right commentators have suggested')",
    paragraphs: [INTRO, "Some far-right commentators have suggested that the levy is a tax grab."],
    content: "that the levy is a tax grab",
    mention: "Some far-right commentators",
  },
];

describe("sources of attributions whose content was already found", () => {
  for (const c of CASES) it(c.name, () => assertMention(c));

  it("the object of a verb of urging is no source of the infinitive's cue ('pushed the ranchers to reject')", () => {
    const r = read([INTRO, "Lopez pushed the ranchers to reject the levy."]);
    assert.ok(
      reported(r).every((q) => mentionOf(r, q) !== "the ranchers"),
      JSON.stringify(reported(r).map((q) => mentionOf(r, q))),
    );
  });

  it("a 'for' after a verb is its preposition, not a complementizer ('prepared for the board to')", () => {
    const r = read([INTRO, "Lopez was prepared for the board to reject the levy."]);
    assert.ok(
      reported(r).every((q) => mentionOf(r, q) !== "the board"),
      JSON.stringify(reported(r).map((q) => mentionOf(r, q))),
    );
  });

  it("a hyphenated modifier inside an inverted subject ('said one well-connected rancher')", () => {
    const r = read([INTRO, "“The levy is unfair,” said one well-connected rancher."]);
    const q = r.quotes.find((x) => x.text.includes("The levy is unfair"));
    assert.ok(q, JSON.stringify(r.quotes));
    assert.equal(mentionOf(r, q), "one well-connected rancher");
  });

  it("a cue noun after its determiner stays a noun after a comma ('…, a warning that')", () => {
    const r = read([INTRO, "Lopez spoke for an hour, a warning that the levy would fail."]);
    assert.ok(
      reported(r).every((q) => q.cue !== "warning"),
      JSON.stringify(reported(r).map((q) => q.cue)),
    );
  });

  it("a passive keeps no source across a floating 'both' ('are both seen as')", () => {
    const r = read([INTRO, "Lopez and Reyes are both seen as leaders who would fix the dam."]);
    assert.equal(mentionOf(r, contentWith(r, "who would fix the dam")), null);
  });

  it("a preposition's phrase before the verb is no insert unless it is one of time or manner", () => {
    const r = read([INTRO, "Reyes is among the few widely regarded as able to fix the dam."]);
    assert.equal(mentionOf(r, contentWith(r, "as able to fix the dam")), null);
  });

  it("'easier said than done' reports nothing", () => {
    const r = read([INTRO, "Fixing the old dam is easier said than done in a dry year."]);
    assert.deepEqual(
      reported(r).map((q) => q.cue),
      [],
    );
  });

  it("'most' before another adverb is a degree word, not a subject ('most recently')", () => {
    const r = read([
      INTRO,
      "Lopez toured the valley, met the ranchers, and most recently defended the levy in Pueblo.",
    ]);
    assert.ok(
      reported(r).every((q) => mentionOf(r, q) !== "most"),
      JSON.stringify(reported(r).map((q) => mentionOf(r, q))),
    );
  });
});
