import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  assertMention,
  contentWith,
  cuesOf,
  INTRO,
  type MentionCase,
  mentionOf,
  read,
  reported,
  withContent,
} from "./helpers.js";

/** Attributions the reader used to miss altogether: each case names the form it now finds. */
const CASES: MentionCase[] = [
  {
    name: "a tweeted object ('tweeted her thanks to')",
    paragraphs: [INTRO, "Lopez tweeted her thanks to the volunteers on Sunday."],
    content: "her thanks",
    mention: "Lopez",
  },
  {
    name: "a posted object ('posted a photo of')",
    paragraphs: [INTRO, "Later that evening she posted a photo of the flooded road to her Facebook page."],
    content: "a photo of the flooded road",
    mention: "she",
  },
  {
    name: "a contracted 'is' before the cue ('He's suggesting')",
    paragraphs: [INTRO, "She's hoping the endorsement will lift her numbers in the South."],
    content: "the endorsement will lift her numbers",
    mention: "She",
  },
  {
    name: "a contracted 'has' after a relative pronoun ('who's argued')",
    paragraphs: [INTRO, "Tom Reyes, who's argued for years that the levy is illegal, ran again."],
    content: "that the levy is illegal",
    mention: "who",
  },
  {
    name: "a share of a group before a verb the tagger read as a noun",
    paragraphs: [INTRO, "A majority of the ranchers polled support water rationing."],
    content: "water rationing",
    mention: "A majority of the ranchers",
  },
  {
    name: "a noun-tagged verb before its preposition ('talks about')",
    paragraphs: [INTRO, "Reyes talks about a new deal for the valley."],
    content: "a new deal for the valley",
    mention: "Reyes",
  },
  {
    name: "a noun-tagged verb after a plural subject ('point out that')",
    paragraphs: [INTRO, "Water engineers point out that the dam is old."],
    content: "that the dam is old",
    mention: "Water engineers",
  },
  {
    name: "a verb of resentment takes a that-clause",
    paragraphs: [INTRO, "Ranchers resent that the levy passed without a vote."],
    content: "that the levy passed without a vote",
    mention: "Ranchers",
  },
  {
    name: "a body divided over an issue holds views on it",
    paragraphs: [INTRO, "The county commissioners were sharply divided over the levy."],
    content: "the levy",
    mention: "The county commissioners",
  },
  {
    name: "'voiced concern over' is a concern with its holder",
    paragraphs: [INTRO, "Lopez has voiced concern over the cost of the dam."],
    content: "the cost of the dam",
    mention: "Lopez",
  },
  {
    name: "making the case that argues for the clause",
    paragraphs: [INTRO, "Lopez made the case that the levy is unfair."],
    content: "that the levy is unfair",
    mention: "Lopez",
  },
  {
    name: "a manner adverb between a verb and the preposition of its frame",
    paragraphs: [INTRO, "Reyes spoke warmly of the ranchers who stayed."],
    content: "the ranchers who stayed",
    mention: "Reyes",
  },
  {
    name: "talking to someone about something: the listener before the topic",
    paragraphs: [INTRO, "Lopez is talking to farmers about water rights."],
    content: "water rights",
    mention: "Lopez",
  },
  {
    name: "finding an object with its adjective is an opinion",
    paragraphs: [INTRO, "Lopez found the new county budget hard to defend."],
    content: "the new county budget hard to defend",
    mention: "Lopez",
  },
  {
    name: "a time word between a possessed cue noun and its that-clause",
    paragraphs: [INTRO, "Lopez's assertion Tuesday that the dam could fail alarmed the ranchers."],
    content: "that the dam could fail",
    mention: "Lopez",
  },
  {
    name: "'made no mention of' with a support verb",
    paragraphs: [INTRO, "Lopez made no mention of the levy."],
    content: "the levy",
    mention: "Lopez",
  },
  {
    name: "'made several statements about' with a support verb",
    paragraphs: [INTRO, "Reyes has made several statements about the dam."],
    content: "the dam",
    mention: "Reyes",
  },
  {
    name: "'has made no secret of' states an attitude",
    paragraphs: [INTRO, "Reyes has made no secret of his dislike for the levy."],
    content: "his dislike for the levy",
    mention: "Reyes",
  },
  {
    name: "a verb of rebuke takes its target as the object ('chided')",
    paragraphs: [INTRO, "Reyes chided the governor for the long delay."],
    content: "the governor",
    mention: "Reyes",
  },
  {
    name: "'disputes' takes a that-clause",
    paragraphs: [INTRO, "The county disputes that the dam is unsafe."],
    content: "that the dam is unsafe",
    mention: "The county",
  },
  {
    name: "a past form the tagger reads as an adjective after a name ('Reyes alleged that')",
    paragraphs: [INTRO, "Reyes alleged that the district hid the leak."],
    content: "that the district hid the leak",
    mention: "Reyes",
  },
  {
    name: "a past form the tagger reads as an adjective after 'have'",
    paragraphs: [INTRO, "Some ranchers have alleged they were misled by the district."],
    content: "they were misled by the district",
    mention: "Some ranchers",
  },
  {
    name: "an infinitive of 'be', which the tagger calls an auxiliary ('declined to be identified')",
    paragraphs: [INTRO, "A county adviser, who declined to be identified, said the levy would pass."],
    content: "to be identified",
    mention: "who",
  },
  {
    name: "a finding after its content at the sentence's end (', the poll found.')",
    paragraphs: [INTRO, "Lopez has kept her lead among rural voters, the poll found."],
    content: "Lopez has kept her lead among rural voters",
    mention: "the poll",
  },
  {
    name: "what a newspaper learned, its content first (', the Post has learned.')",
    paragraphs: [INTRO, "Lopez was taken to the hospital after her fall, The Denver Post has learned."],
    content: "Lopez was taken to the hospital after her fall",
    mention: "Denver Post",
  },
  {
    name: "a trailing cue after coordinated subjects (', he and Mr. Allen said.')",
    paragraphs: [INTRO, "The paper is not only about big audiences for advertisers, he and Mr. Allen said."],
    content: "The paper is not only about big audiences",
    mention: "Allen",
  },
  {
    name: "a verb in -s the tagger reads as a noun after its subject's appositive ('…, a consultant, notes that')",
    paragraphs: [
      INTRO,
      "Tom Reyes, a county political consultant, notes that a fifth of the vote is enough.",
    ],
    content: "that a fifth of the vote is enough",
    mention: "Tom Reyes",
  },
  {
    name: "an as-clause opening the sentence holds the main clause ('As Reyes noted, …')",
    paragraphs: [INTRO, "As Reyes noted on Monday, the reservoir is lower than in any year since 1977."],
    content: "the reservoir is lower than in any year",
    mention: "Reyes",
  },
  {
    name: "a trailing as-clause holds the clause before its comma (', as Lopez has acknowledged')",
    paragraphs: [INTRO, "The numbers changed over the summer, as Lopez has acknowledged."],
    content: "The numbers changed over the summer",
    mention: "Lopez",
  },
  {
    name: "an as-clause inside the clause it stands for ('The levy, as Reyes pointed out, …')",
    paragraphs: [INTRO, "The levy, as Reyes pointed out, would cost each rancher $400."],
    content: "would cost each rancher",
    mention: "Reyes",
  },
];

describe("attributions found beyond the plain verb of saying", () => {
  for (const c of CASES) it(c.name, () => assertMention(c));

  it("'it's assumed' stays a passive with no holder", () => {
    const r = read([INTRO, "It's assumed the ruling will help the ranchers."]);
    const q = contentWith(r, "the ruling will help the ranchers");
    assert.equal(mentionOf(r, q), null);
  });

  it("a name and a noun of campaigning make a compound, not a subject and its verb", () => {
    const r = read([INTRO, "The Lopez campaign on Monday released a video."]);
    assert.deepEqual(cuesOf(r), []);
  });

  it("an owner's case before a court is a lawsuit, not an argument", () => {
    const r = read([
      INTRO,
      "Acme Mills created two subsidiaries in Denver, allowing its case to be heard there.",
    ]);
    assert.deepEqual(cuesOf(r), []);
  });

  it("finding someone a thing is no small clause ('found them new homes')", () => {
    const r = read([INTRO, "The county found them new homes in Pueblo."]);
    assert.deepEqual(cuesOf(r), []);
  });

  it("a possessor's statements to someone are a record, not an attribution", () => {
    const r = read([INTRO, "His statements to the sheriff were recorded."]);
    assert.deepEqual(cuesOf(r), []);
  });

  it("an adjective's content in a relative clause ends at the clause's comma", () => {
    const r = read([INTRO, "The ranchers, who are wary of the levy, voted no."]);
    const q = contentWith(r, "the levy");
    assert.equal(q.text, "the levy");
    assert.equal(mentionOf(r, q), "who");
  });

  it("a trailing ', title Name said' ends the content before it and keeps its own source", () => {
    const r = read([
      INTRO,
      "Many ranchers believe the levy is unfair, county clerk Tom Reyes said on Monday.",
    ]);
    const inner = contentWith(r, "the levy is unfair");
    assert.ok(!inner.text.includes("Reyes"), inner.text);
    assert.ok(
      reported(r).some((q) => mentionOf(r, q) === "Tom Reyes"),
      JSON.stringify(reported(r).map((q) => mentionOf(r, q))),
    );
  });

  it("a list's last names before a trailing cue are no coordinated subject", () => {
    const r = read([INTRO, "Besides Texas, Utah, Nevada and Idaho have claims on the river."]);
    assert.equal(withContent(r, "Besides Texas"), undefined);
  });

  it("a fronted adverbial before a verb that needs its 'that' is no content ('In contrast, … has maintained support')", () => {
    const r = read([INTRO, "In contrast, Reyes has maintained support among the ranchers."]);
    assert.equal(withContent(r, "In contrast"), undefined);
  });

  it("a past form after a possessive stays an adjective ('his preferred methods')", () => {
    const r = read([INTRO, "His preferred methods are radio ads."]);
    assert.deepEqual(cuesOf(r), []);
  });

  it("'is like' compares; it reports no liking", () => {
    const r = read([INTRO, "To the ranchers, it's like to watch a storm roll in."]);
    assert.deepEqual(cuesOf(r), []);
  });
});
