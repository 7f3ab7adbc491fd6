import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  assertMention,
  contentWith,
  cuesOf,
  cueWith,
  INTRO,
  type MentionCase,
  mentionOf,
  read,
  reported,
  withContent,
  withCue,
} from "./helpers.js";

const CASES: MentionCase[] = [
  {
    name: "a bare day between a subject and its verb is when, not who",
    paragraphs: [INTRO, "A county audit released Wednesday said the levy had been misspent."],
    content: "the levy had been misspent",
    mention: "A county audit",
  },
  {
    name: "a bare day opening the sentence before its comma is when; the name after it is the subject",
    paragraphs: [
      INTRO,
      "Friday, Colorado, leading a group of nine states, asked a federal judge to block the rules.",
    ],
    content: "a federal judge to block the rules",
    mention: "Colorado",
  },
  {
    name: "a day after a trailing cue is no inverted subject",
    paragraphs: [INTRO, "The levy will fail, Tom Reyes, the county clerk, said Sunday."],
    content: "The levy will fail",
    mention: "Tom Reyes",
  },
  {
    name: "an object right after a verb is not the subject of a participle or verb after its comma",
    paragraphs: [
      INTRO,
      "The county clerk repeatedly ignored requests, admitted she lost the ballots, and resigned.",
    ],
    content: "she lost the ballots",
    mention: "The county clerk",
  },
  {
    name: "'told' never puts its subject after it: the name after it is the listener",
    paragraphs: [
      INTRO,
      "The plant must stay open for the town, Tom Reyes, a close adviser to Lopez, told AFP.",
    ],
    content: "The plant must stay open for the town",
    mention: "Tom Reyes",
  },
  {
    name: "'noted' takes a noun-phrase object",
    paragraphs: [INTRO, "Lopez praised the ranchers, but she also noted the cost of the new dams."],
    content: "the cost of the new dams",
    mention: "she",
  },
  {
    name: "'noted' takes a wh-clause",
    paragraphs: [INTRO, "Lopez noted how few farmers had come to the hearing."],
    content: "how few farmers had come to the hearing",
    mention: "Lopez",
  },
  {
    name: "a trailing 'they say' after a passive cue with no agent takes the whole clause",
    paragraphs: [INTRO, "Her plans for the levy are widely criticized, they say."],
    content: "Her plans for the levy are widely criticized",
    mention: "they",
  },
  {
    name: "an appositive holding a relative clause stands between the name and its verb",
    paragraphs: [INTRO, "Tom Reyes, a county clerk who ran the count in 2012, said the ballots were lost."],
    content: "the ballots were lost",
    mention: "Tom Reyes",
  },
  {
    name: "a ratio of two numbers is the subject",
    paragraphs: [INTRO, "Seven in 10 say that the road tax is too high."],
    content: "that the road tax is too high",
    mention: "Seven in 10",
  },
  {
    name: "a ratio with out of, before a noun",
    paragraphs: [INTRO, "Eight out of 10 farmers say they need more rain."],
    content: "they need more rain",
    mention: "Eight out of 10 farmers",
  },
  {
    name: "a word rounding the number belongs to the quantity subject",
    paragraphs: [INTRO, "Women liked Lopez while about 6 in 10 ranchers supported Reyes."],
    content: "Reyes",
    mention: "about 6 in 10 ranchers",
  },
  {
    name: "more than a number is one quantity",
    paragraphs: [INTRO, "More than 40 percent of farmers said they would stay home."],
    content: "they would stay home",
    mention: "More than 40 percent of farmers",
  },
  {
    name: "a pro-form after a verb of saying is the content",
    paragraphs: [INTRO, "Most called the levy fair, after 55 percent said so."],
    content: "so",
    mention: "55 percent",
  },
  {
    name: "'the same' after a verb of saying is the content",
    paragraphs: [INTRO, "Three-quarters said the same of Reyes."],
    content: "the same of Reyes",
    mention: "Three-quarters",
  },
  {
    name: "a relative clause's subject before the cue: the reported verb follows the cue",
    paragraphs: [INTRO, "Reyes came third, a result that he said defied the polls."],
    content: "defied the polls",
    mention: "he",
  },
  {
    name: "'that' before a plural noun opens a clause; it is not part of the subject",
    paragraphs: [INTRO, "The county kept back records that officials said would embarrass the mayor."],
    content: "would embarrass the mayor",
    mention: "officials",
  },
  {
    name: "the agent of a passive cue is its source, the subject its content",
    paragraphs: [INTRO, "The merger was first reported by the Valley Herald."],
    content: "The merger",
    mention: "Valley Herald",
  },
  {
    name: "a passive cue's agent, then a clause: the clause is the content",
    paragraphs: [INTRO, "Lopez was asked by reporters whether she would run again."],
    content: "whether she would run again",
    mention: "reporters",
  },
  {
    name: "'As reported by X,' sources the clause after the comma",
    paragraphs: [INTRO, "As reported by the Valley Herald, the county raised its wage."],
    content: "the county raised its wage",
    mention: "Valley Herald",
  },
  {
    name: "a survey finds a result without 'that'",
    paragraphs: [INTRO, "A recent county survey found most farmers backing the levy."],
    content: "most farmers backing the levy",
    mention: "A recent county survey",
  },
  {
    name: "an appositive's comma inside a closing quotation mark",
    paragraphs: [INTRO, "Reyes, who calls the levy a “scam,” said the vote would fail."],
    content: "the vote would fail",
    mention: "Reyes",
  },
  {
    name: "a compound noun opened by a cue word is no cue ('think tank')",
    paragraphs: [INTRO, "Tom Reyes, a founder of the Prairie think tank, said the levy was fair."],
    content: "the levy was fair",
    mention: "Tom Reyes",
  },
  {
    name: "an adjunct of the medium between the subject and its verb",
    paragraphs: [INTRO, "Tom Reyes in a Facebook post wrote that the levy was unfair."],
    content: "that the levy was unfair",
    mention: "Tom Reyes",
  },
  {
    name: "'at the time' between the subject and its verb",
    paragraphs: [INTRO, "Tom Reyes at the time said the levy would pass."],
    content: "the levy would pass",
    mention: "Tom Reyes",
  },
  {
    name: "a fraction is the subject of a verb the tagger reads as a noun",
    paragraphs: [INTRO, "Two-thirds support raising the fuel levy."],
    content: "raising the fuel levy",
    mention: "Two-thirds",
  },
  {
    name: "a quantifier tagged as an adjective is the subject",
    paragraphs: [INTRO, "Most say he is a careful driver."],
    content: "he is a careful driver",
    mention: "Most",
  },
  {
    name: "a quantifier opening the sentence stands alone as the subject",
    paragraphs: [INTRO, "Both want the library to stay open."],
    content: "the library to stay open",
    mention: "Both",
  },
  {
    name: "a percentage is the subject",
    paragraphs: [INTRO, "In Pueblo, 41% say the mayor should resign."],
    content: "the mayor should resign",
    mention: "41%",
  },
  {
    name: "a study by an organisation: the preposition stays inside the subject",
    paragraphs: [INTRO, "A 2019 review by the Harbor Institute found that the dam was unsafe."],
    content: "that the dam was unsafe",
    mention: "Harbor Institute",
  },
  {
    name: "a reduced relative between the subject and its verb",
    paragraphs: [INTRO, "A Gallup survey of Ohio released on Friday showed Lopez ahead by six points."],
    content: "Lopez ahead by six points",
    mention: "Gallup",
  },
  {
    name: "an inverted subject of 'said' followed by a time and a place adjunct",
    paragraphs: [INTRO, "The levy will fail in November, said Tom Reyes at a briefing on Monday."],
    content: "The levy will fail in November",
    mention: "Tom Reyes",
  },
  {
    name: "an inverted described subject with an adjective taking a preposition",
    paragraphs: [INTRO, "The county will drop the levy, said a person familiar with the budget talks."],
    content: "The county will drop the levy",
    mention: "a person",
  },
  {
    name: "an inverted counted subject with a participle phrase is the subject, not the content",
    paragraphs: [INTRO, "The county will drop the levy, said two officials briefed on the plan."],
    content: "The county will drop the levy",
    mention: "two officials",
  },
  {
    name: "a noun phrase with an adjunct after a verb that takes objects stays its object",
    paragraphs: [INTRO, "Reyes, the county clerk, noted the shortfall in his report."],
    content: "the shortfall",
    mention: "Reyes",
  },
  {
    name: "a name after the cue of an object frame is its object, not an inverted subject",
    paragraphs: [INTRO, "Reyes, the county clerk under the former mayor, criticized Lopez's budget."],
    content: "Lopez's budget",
    mention: "Reyes",
  },
  {
    name: "the object of a relative clause inside the subject is not the source",
    paragraphs: [INTRO, "Farmers and others who want to ban the pesticide said the vote was rigged."],
    content: "the vote was rigged",
    mention: "Farmers and others",
  },
  {
    name: "a time phrase between the subject and its verb is not the source",
    paragraphs: [INTRO, "The county board less than two weeks ago said that the bridge would close."],
    content: "that the bridge would close",
    mention: "The county board",
  },
  {
    name: "a subject with a preposition chain, found from the clause start",
    paragraphs: [
      INTRO,
      "An analysis by the Harbor Institute of elections going back to 1972 showed the turnout fell.",
    ],
    content: "the turnout fell",
    mention: "An analysis",
  },
  {
    name: "an emphatic pronoun after the subject",
    paragraphs: [INTRO, "Lopez herself said that the levy would pass."],
    content: "that the levy would pass",
    mention: "Lopez",
  },
  {
    name: "a subject modified by a relative clause with no commas",
    paragraphs: [INTRO, "Ranchers who have worked with the county for decades say the fence is too low."],
    content: "the fence is too low",
    mention: "Ranchers",
  },
  {
    name: "an aside between spaced dashes stands between the subject and its verb",
    paragraphs: [INTRO, "The county clerk - a lawyer from Pueblo - noted that the count was late."],
    content: "that the count was late",
    mention: "The county clerk",
  },
  {
    name: "the subject of a participle after 'with' is the phrase after it",
    paragraphs: [INTRO, "Lopez leads the race, with 22 percent saying they would never vote for Reyes."],
    content: "they would never vote for Reyes",
    mention: "22 percent",
  },
  {
    name: "a participle right after a noun for people has that noun as its subject",
    paragraphs: [
      INTRO,
      "The mayor was met at the airport by a chorus of voters urging her to veto the levy.",
    ],
    content: "her to veto the levy",
    mention: "voters",
  },
  {
    name: "a group a participle modifies holds the attitude, not the giver",
    paragraphs: [INTRO, "Tom Reyes gave $2 million last year to a group backing the water levy."],
    content: "the water levy",
    mention: "a group",
  },
  {
    name: "people addressed by a message are its listeners: the participle stays the sender's",
    paragraphs: [
      INTRO,
      "The clerk sent a letter on Friday to county commissioners urging them to delay the vote.",
    ],
    content: "them to delay the vote",
    mention: "The clerk",
  },
  {
    name: "a participle hangs from the nearer of two coordinated clauses, the one after ', and'",
    paragraphs: [
      INTRO,
      "Tenants rallied outside the courthouse, and the housing coalition sued the county, saying the new fees break state law.",
    ],
    content: "the new fees break state law",
    mention: "the housing coalition",
  },
  {
    name: "an adverb before a fronted subordinator still leaves the main clause's subject to a participle",
    paragraphs: [
      INTRO,
      "Ever since she entered the race, Lopez has been a fierce critic of the mayor, calling him a coward.",
    ],
    content: "him a coward",
    mention: "Lopez",
  },
  {
    name: "a relative clause between commas holds no verb of the clause a participle hangs from",
    paragraphs: [
      INTRO,
      "The mayor, who announced on Monday that he would retire, released a statement saying the levy had passed.",
    ],
    content: "the levy had passed",
    mention: "The mayor",
  },
  {
    name: "a name after a fronted phrase and before an age is the subject; only a place name makes it an aside",
    paragraphs: [INTRO, "As part of the settlement, Tom Reyes, 44, said that he had repaid the money."],
    content: "that he had repaid the money",
    mention: "Tom Reyes",
  },
  {
    name: "the relative 'that' opening a subject's clause is not part of the subject",
    paragraphs: [
      INTRO,
      "The union ended a strike that company executives said could cost the mill its contract.",
    ],
    content: "could cost the mill its contract",
    mention: "company executives",
  },
  {
    name: "a demonstrative 'that' stays in its noun phrase",
    paragraphs: [INTRO, "That letter, on county letterhead, demanded that Reyes resign."],
    content: "that Reyes resign",
    mention: "That letter",
  },
  {
    name: "the subject of 'be' does not hold a cue inside its noun-phrase complement",
    paragraphs: [
      INTRO,
      "The county fair is the best chance for Lopez to convince voters that the levy works.",
    ],
    content: "that the levy works",
    mention: null,
  },
  {
    name: "the subject of 'be' does not hold a cue inside its clause complement",
    paragraphs: [INTRO, "The real problem is that angry ranchers will show up to vote against the levy."],
    content: "the levy",
    mention: null,
  },
  {
    name: "a second verb of the subject of 'be' keeps the subject",
    paragraphs: [INTRO, "Tom Reyes is a vocal critic of the levy and wrote a letter saying it would fail."],
    content: "a letter saying it would fail",
    mention: "Tom Reyes",
  },
  {
    name: "a ranking after 'be' keeps its subject as the holder of the infinitive",
    paragraphs: [INTRO, "Tom Reyes was the first rancher to endorse Lopez."],
    content: "Lopez",
    mention: "Tom Reyes",
  },
  {
    name: "the agent of a passive cue may follow its complement",
    paragraphs: [INTRO, "The levy was seen as a victory by most ranchers."],
    content: "The levy",
    mention: "most ranchers",
  },
  {
    name: "a reduced passive: the agent holds the attitude towards the phrase before it",
    paragraphs: [INTRO, "The dam project, opposed by the ranchers, never got built."],
    content: "The dam project",
    mention: "the ranchers",
  },
  {
    name: "'as first reported by' credits the clause before it",
    paragraphs: [INTRO, "The mill will close in May, as first reported by the Pueblo Chieftain."],
    content: "The mill will close in May",
    mention: "Pueblo Chieftain",
  },
  {
    name: "a dateline before the subject is not part of the mention",
    paragraphs: ["DENVER ― Maria Lopez's campaign said it would appeal the ruling."],
    content: "it would appeal the ruling",
    mention: "Maria Lopez's campaign",
  },
  {
    name: "a time phrase after the subject is not part of the mention",
    paragraphs: [INTRO, "County prosecutors in April accused two ranchers of fraud."],
    content: "two ranchers",
    mention: "County prosecutors",
  },
  {
    name: "a share joined by 'and' to the name before it is the subject alone",
    paragraphs: [INTRO, "In the poll, 45 percent would back Lopez and 44 percent would back Reyes."],
    content: "Reyes",
    mention: "44 percent",
  },
  {
    name: "a name, then a noun-tagged verb in -s before its object",
    paragraphs: [INTRO, "In his filings, Reyes reports investments in three ranches."],
    content: "investments",
    mention: "Reyes",
  },
  {
    name: "a noun-tagged verb before a possessive opening its clause",
    paragraphs: [INTRO, "The candidate claims his ranch is worth ten million dollars."],
    content: "his ranch is worth ten million dollars",
    mention: "The candidate",
  },
  {
    name: "an agent phrase after 'by' that names no one in particular",
    paragraphs: [INTRO, "The levy was viewed as a victory by some in the movement."],
    content: "The levy",
    mention: "some in the movement",
  },
  {
    name: "a subject after a comma and a conjunction opens its own clause",
    paragraphs: [INTRO, "The first bid was spurned, and the Harbor Group then agreed to a settlement."],
    content: "a settlement",
    mention: "Harbor Group",
  },
  {
    name: "a participle opening the sentence has the main clause's subject",
    paragraphs: [INTRO, "Recognizing the risk, the county board delayed the vote."],
    content: "the risk",
    mention: "the county board",
  },
  {
    name: "a raising verb's colon opens the writer's clause; the attribution after it stands",
    paragraphs: [INTRO, "The vote may be closer than it appears: Reyes opposes the levy."],
    content: "the levy",
    mention: "Reyes",
  },
  {
    name: "a subject with a second conjunct that is no name ('and much of the press')",
    paragraphs: [INTRO, "His campaign and much of the press will tell you that he won."],
    content: "that he won",
    mention: "His campaign",
  },
  {
    name: "a subject after a fronted phrase, with a relative clause before its verb",
    paragraphs: [INTRO, "On the ranchers' side, Reyes, who spent Monday in Pueblo, predicted a win."],
    content: "a win",
    mention: "Reyes",
  },
  {
    name: "a subject after a subordinator inside the sentence",
    paragraphs: [
      INTRO,
      "The levy took on weight as county clerks Tom Reyes and Ann Ruiz both sought to delay it.",
    ],
    content: "to delay it",
    mention: "Ann Ruiz",
  },
  {
    name: "a poll the finding is in",
    paragraphs: [INTRO, "In a Denver Post poll released Monday, 50 percent of voters chose Lopez."],
    content: "50 percent of voters chose Lopez",
    mention: "a Denver Post poll",
  },
];

describe("'state' as a noun", () => {
  it("a state named in an aside or heading a plural phrase is no cue", () => {
    const r = read([
      INTRO,
      "Senator Kim, facing a tough race in Ohio, a swing state, said he would welcome the governor.",
      "Voters went to the polls in Ohio and Michigan, Rust Belt states that have lost factory jobs.",
      "The governor campaigned in all battleground states, aides said.",
    ]);
    assert.deepEqual(
      reported(r).filter((q) => q.cue === "state" || q.cue === "states"),
      [],
    );
    assert.equal(mentionOf(r, contentWith(r, "he would welcome the governor")), "Kim");
  });

  it("keeps the verb after a determiner's subject or a pronoun", () => {
    const r = read([
      INTRO,
      "The rule states that courts should not rule too close to an election.",
      "Court filings state that the levy was misspent.",
      "It states that the county must repay the funds.",
    ]);
    assert.equal(mentionOf(r, contentWith(r, "courts should not rule")), "The rule");
    assert.equal(mentionOf(r, contentWith(r, "the levy was misspent")), "Court filings");
    assert.equal(mentionOf(r, contentWith(r, "must repay")), "It");
  });
});

describe("a second verb after 'then' or 'later'", () => {
  it("shares the main clause's subject, not the noun before its comma", () => {
    const r = read([
      INTRO,
      "Lopez offered the clerk a seat on the board of the Port Authority, then says she will welcome advice from anyone.",
      "The mayor toured the flooded port on Monday, and later said the levee would hold.",
    ]);
    assert.equal(mentionOf(r, contentWith(r, "she will welcome advice")), "Lopez");
    assert.equal(mentionOf(r, contentWith(r, "the levee would hold")), "The mayor");
  });
});

describe("an impersonal infinitive", () => {
  it("'it's fair to assume' has no holder; 'finds it hard to' keeps the finder", () => {
    const r = read([
      INTRO,
      "Given the insults he has hurled at farmers, it's hard to imagine him winning Iowa.",
      "Whatever the mayor decides, it is fair to assume that the council will reject the levy.",
      "Lopez will find it hard to deny that the levy was misspent.",
    ]);
    assert.equal(mentionOf(r, contentWith(r, "him winning Iowa")), null);
    assert.equal(mentionOf(r, contentWith(r, "the council will reject the levy")), null);
    assert.equal(mentionOf(r, contentWith(r, "the levy was misspent")), "Lopez");
  });
});

describe("a quantifier after a trailing cue", () => {
  it("'said one of those advisers, who …' names the speaker of the quotation", () => {
    const r = read([
      INTRO,
      "“The levy is dead,” said one of those advisers, who spoke on condition of anonymity.",
    ]);
    const q = r.quotes.find((x) => x.text.includes("The levy is dead"));
    assert.ok(q);
    assert.equal(mentionOf(r, q), "one of those advisers");
  });
});

describe("headlines", () => {
  it("takes a capitalised verb of a title-case headline for a cue", () => {
    const r = read([
      "Governor Lopez Says Bridge Tolls Will Rise Next Year.",
      "The governor spoke in Denver.",
    ]);
    const q = contentWith(r, "Bridge Tolls Will Rise");
    assert.equal(q.cue, "Says");
    assert.equal(mentionOf(r, q), "Governor Lopez");
  });

  it("takes a headline's verb in -s that the tagger read as a name", () => {
    const r = read([
      "Governor Lopez Praises Pueblo Ranchers For Their Patience.",
      "The governor spoke in Denver.",
    ]);
    const q = contentWith(r, "Pueblo Ranchers");
    assert.equal(q.cue, "Praises");
    assert.equal(mentionOf(r, q), "Governor Lopez");
  });

  it("takes the verb of a live blog's headline glued to the entry before it", () => {
    const r = read([
      INTRO,
      "Posted by the county desk at 9:52PMLopez Says Bridge Tolls Will Rise Next Year The governor spoke in Denver.",
    ]);
    const q = contentWith(r, "Bridge Tolls Will Rise");
    assert.equal(q.cue, "Says");
    assert.equal(mentionOf(r, q), "Lopez");
  });

  it("keeps a capitalised word of running text a name", () => {
    const r = read([
      "She joined the Daily Reports desk, which covers the state budget and its many critics.",
    ]);
    assert.equal(withCue(r, "Reports"), undefined);
  });
});

describe("verbs of expressing, offering and taking sides", () => {
  const cases: [string, string, string][] = [
    ["Lopez expressed frustration with the delays.", "frustration with the delays", "expressed"],
    ["Reyes offered to resign.", "to resign", "offered"],
    ["Reyes lashed out at the county board.", "the county board", "lashed out at"],
    ["Lopez bemoaned the slow count.", "the slow count", "bemoaned"],
    ["Reyes sided with the farmers.", "the farmers", "sided with"],
    ["Lopez apologized for the remark.", "the remark", "apologized for"],
    ["Reyes cares about the farm vote.", "the farm vote", "cares about"],
    ["Lopez was nervous about the recount.", "the recount", "was nervous"],
    ["Lopez made clear that she would not run.", "that she would not run", "made clear"],
    ["Reyes has made it clear he wants the job.", "he wants the job", "has made it clear"],
    ["Reyes came out in support of Lopez.", "Lopez", "in support of"],
    ["Lopez painted Reyes as a spendthrift.", "Reyes", "painted"],
    ["Reyes listed the levy's flaws.", "the levy's flaws", "listed"],
    ["Lopez believes, for example, that the levy should pass.", "that the levy should pass", "believes"],
    ["Reyes said no to the merger.", "no to the merger", "said"],
    [
      "As a rule, farmers who borrow should repay within ten years, Lopez said.",
      "As a rule, farmers who borrow should repay within ten years",
      "said",
    ],
  ];
  for (const [sentence, content, cue] of cases) {
    it(`${cue}: ${sentence}`, () => {
      const r = read([INTRO, "Tom Reyes chairs the board.", sentence]);
      const q = contentWith(r, content);
      assert.equal(q.cue, cue);
      assert.ok(mentionOf(r, q) === "Lopez" || mentionOf(r, q) === "Reyes");
    });
  }
});

describe("labels before a colon", () => {
  it("a transcript's capitalised label is the source of the turn", () => {
    const r = read([INTRO, "MODERATOR: And you still think the tax can pass this year?"]);
    const q = contentWith(r, "you still think");
    assert.equal(mentionOf(r, q), "MODERATOR");
  });

  it("a known name labels a headline's claim", () => {
    const r = read([INTRO, "Lopez: The Mill Tax Will Hurt Farmers."]);
    const q = contentWith(r, "The Mill Tax Will Hurt Farmers");
    assert.equal(mentionOf(r, q), "Lopez");
  });

  it("a word for evidence labels a headline's finding", () => {
    const r = read(["Poll: Voters Say The School Levy Will Pass.", INTRO]);
    const q = contentWith(r, "The School Levy Will Pass");
    assert.equal(mentionOf(r, q), "Poll");
  });

  it("a title-case verb the tagger calls a name makes the headline's rest a clause", () => {
    const r = read(["Poll: Lopez Ties Reyes in a Three-Way Race.", INTRO]);
    const q = contentWith(r, "Lopez Ties Reyes");
    assert.equal(mentionOf(r, q), "Poll");
  });

  it("a title-case headline with no verb after the label is no claim", () => {
    const r = read(["Lopez: A Life in the Valley.", INTRO]);
    assert.deepEqual(
      reported(r).filter((q) => q.cue === ":"),
      [],
    );
  });

  it("a tabloid kicker before a headline's colon is no source", () => {
    const r = read([
      "EXCLUSIVE: In a memo to the council, the mayor insists the port is safe.",
      "BOOM: Lopez just fired back at the mayor over the levy.",
    ]);
    assert.deepEqual(
      reported(r).filter((q) => q.cue === ":"),
      [],
    );
  });

  it("an editorial label or a place heading a list is no source", () => {
    const r = read([
      INTRO,
      "Editor's note: The story was updated to correct a date.",
      "The Latest: Lopez wins the Denver caucus.",
      "Ohio: Tom Reyes, Ann Lee and Carl Diaz took part.",
    ]);
    assert.deepEqual(
      reported(r).filter((q) => q.cue === ":"),
      [],
    );
  });
});

describe("sources of indirect attributions", () => {
  for (const c of CASES) it(c.name, () => assertMention(c));

  it("a first name the tagger reads as a participle still opens the subject before an aside", () => {
    const r = read([
      INTRO,
      "Ted Halvorsen, by contrast, wrote a letter urging the council to pass the levy.",
    ]);
    const q = contentWith(r, "a letter urging the council to pass the levy");
    assert.match(mentionOf(r, q) ?? "", /Halvorsen$/);
  });

  it("a clause credited to a source by 'according to' gives its own cue no source", () => {
    const r = read([INTRO, "Lopez plans to visit Ohio on Sunday, according to an aide."]);
    const sources = reported(r).map((q) => mentionOf(r, q));
    assert.ok(sources.includes("an aide"), JSON.stringify(sources));
    assert.ok(!sources.includes("Lopez"), JSON.stringify(sources));
  });

  it("'according to' after a clause takes the whole clause, the clause's own cues nested in it", () => {
    const r = read([INTRO, "Most ranchers say they prefer a smaller levy, according to a county survey."]);
    const sources = reported(r).map((q) => mentionOf(r, q));
    assert.deepEqual(sources, ["a county survey"]);
    assert.equal(contentWith(r, "smaller levy").text, "Most ranchers say they prefer a smaller levy");
  });

  it("a trailing 'X said' takes its whole clause, the clause's own cue and subject nested in it", () => {
    const r = read([INTRO, "Lopez plans to visit Ohio next week, an aide said."]);
    assert.deepEqual(
      reported(r).map((q) => [mentionOf(r, q), q.text]),
      [["an aide", "Lopez plans to visit Ohio next week"]],
    );
  });

  it("a trailing 'X said' does not reach back over a fronted participle or adverbial clause", () => {
    const r = read([
      INTRO,
      "Asked if she would run again, Lopez said no.",
      "While Lopez has condemned the levy, the ranchers’ group wrote in a letter to the board.",
    ]);
    assert.equal(contentWith(r, "if she would run again").cue, "Asked");
    const condemned = cueWith(r, "has condemned");
    assert.equal(mentionOf(r, condemned), "Lopez");
  });

  it("a trailing verb cue does not swallow a 'said' of its own before it", () => {
    const r = read([
      INTRO,
      "The videos do not show whether Reyes had anything in his hands, which he said were at his side when he was stopped, the footage showed.",
    ]);
    const said = cueWith(r, "said");
    assert.equal(mentionOf(r, said), "he");
  });

  it("a source inside another attribution's content is part of what it reports, and names no source", () => {
    const r = read([
      INTRO,
      "Audit files from the vendor show that four different Reyes-linked accounts conducted 24 separate searches of county data during a 40-minute period, searching for lists of voters most and least likely to support her campaign.",
    ]);
    assert.equal(mentionOf(r, contentWith(r, "her campaign")), null);
    assert.equal(mentionOf(r, contentWith(r, "24 separate searches")), "Audit files from the vendor");
    // The people of a "who … say" clause inside a content hold a view of their own.
    const poll = read([
      INTRO,
      "Seventy-four percent of registered voters say they have a favorable view of Lopez, compared with 64 percent who say the same of Reyes.",
    ]);
    const same = reported(poll).find((q) => q.text === "the same of Reyes");
    assert.ok(same, JSON.stringify(reported(poll).map((q) => q.text)));
    assert.equal(mentionOf(poll, same), "who");
  });

  it("'according to' after a clause break credits only the clause after it", () => {
    const r = read([
      INTRO,
      "Ranchers rejected the levy, which would double the water fee, according to county records.",
    ]);
    assert.equal(mentionOf(r, contentWith(r, "double the water fee")), "county records");
    assert.equal(mentionOf(r, contentWith(r, "the levy")), "Ranchers");
  });

  it("the holder of criticism follows 'from'; the one criticised is the subject", () => {
    const r = read([INTRO, "Tom Reyes drew sharp criticism from both parties."]);
    const q = cueWith(r, "criticism from");
    assert.equal(mentionOf(r, q), "both parties");
    assert.equal(q.text, "Tom Reyes");
  });

  it("a possessor before modifiers of a cue noun is its source", () => {
    const r = read([INTRO, "Lopez's energetic endorsement of the levy surprised the board."]);
    const q = contentWith(r, "the levy");
    assert.equal(mentionOf(r, q), "Lopez");
  });

  it("a relative 'that' or a generic 'you' names no source", () => {
    const r = read([
      INTRO,
      "The levy drew a crowd that hardly expected such a result.",
      "If you want to understand the levy, read the county budget.",
    ]);
    for (const q of reported(r)) assert.ok(!["that", "you"].includes(mentionOf(r, q) ?? ""), q.text);
  });

  it("a bid for office or being ready states no attitude", () => {
    const r = read([INTRO, "Lopez's bid for the seat began in May, and Reyes was ready to vote."]);
    assert.deepEqual(cuesOf(r), []);
  });

  it("the interviewer's 'Q:' labels no claim", () => {
    const r = read([INTRO, "Q: You said the levy would pass and it did not?"]);
    assert.equal(withCue(r, ":"), undefined);
  });

  it("a quantifier floating after its noun phrase is not the source", () => {
    const r = read([INTRO, "Lopez and Reyes both argued that the tax was unfair."]);
    const q = withContent(r, "the tax was unfair");
    assert.ok(q);
    assert.notEqual(mentionOf(r, q), "both");
  });

  it("a noun after a quantifier heads the subject; it is no cue verb", () => {
    const r = read([INTRO, "Some states remained too close to call."]);
    assert.equal(
      reported(r).find((q) => q.cue?.toLowerCase() === "states"),
      undefined,
    );
  });

  it("a person finding their way reports nothing", () => {
    const r = read([INTRO, "Lopez found her way to the hall."]);
    assert.equal(withCue(r, "found"), undefined);
  });

  it("'said by telephone' names no agent", () => {
    const r = read([INTRO, "“We will win,” Lopez said by telephone."]);
    assert.equal(
      reported(r).find((q) => mentionOf(r, q) === "telephone"),
      undefined,
    );
  });

  it("the polls in general hold no finding", () => {
    const r = read([INTRO, "Reyes slid in the polls after the debate."]);
    assert.equal(withCue(r, "in"), undefined);
  });

  it("a poll opening the sentence holds the finding, not the share it counts", () => {
    const r = read([INTRO, "In the survey, 41% say the mayor should resign."]);
    const q = contentWith(r, "41% say the mayor should resign");
    assert.equal(mentionOf(r, q), "the survey");
  });

  it("an expletive 'it' names no source, even where 'it' could be read as a known organisation", () => {
    const r = read([
      INTRO,
      "The Harbor Institute released its study on Monday.",
      "It is too soon to say whether the levy will pass.",
    ]);
    const q = contentWith(r, "whether the levy will pass");
    assert.equal(mentionOf(r, q), null);
  });

  it("'is expected to' makes the subject part of what is expected, not its source", () => {
    const r = read([INTRO, "Lopez is expected to announce her budget on Monday."]);
    const q = contentWith(r, "her budget");
    assert.equal(mentionOf(r, q), null);
  });

  it("'a group called X' names the group; 'called off' cancels", () => {
    const r = read([INTRO, "A new group called Ranchers First backs Lopez.", "Reyes called off the vote."]);
    assert.equal(withCue(r, "called"), undefined);
  });

  it("the object of a preposition is not the subject of a participle after its comma", () => {
    const r = read([INTRO, "Lopez shot back at the mayor, saying she had done nothing wrong."]);
    assert.notEqual(mentionOf(r, contentWith(r, "she had done nothing wrong")), "the mayor");
  });

  it("a reduced passive after a noun, with no agent, names no source", () => {
    const r = read([
      INTRO,
      "The mill hired Tom Reyes, a chemist accused of falsifying tests.",
      "The death of Judge Anna Berg, regarded as the court's anchor, stunned Denver.",
    ]);
    assert.equal(mentionOf(r, contentWith(r, "falsifying tests")), null);
    assert.equal(mentionOf(r, contentWith(r, "the court's anchor")), null);
  });

  it("an object-first clause keeps its subject before a participle ('what the writers described as')", () => {
    const r = read([INTRO, "Lopez lamented what the writers described as missed chances."]);
    assert.equal(mentionOf(r, contentWith(r, "missed chances")), "the writers");
  });

  it("a name after 'called' with nothing it is called names a thing or places a phone call", () => {
    const r = read([
      INTRO,
      "A rival super PAC called Our Future is ramping up its ads.",
      "She posted a syllabus for a 1998 history class called “Frontiers” on her website.",
      "Her brother joined a farm movement called the Western Growers League.",
      "Lopez called Tom Reyes on Tuesday night.",
    ]);
    assert.deepEqual(
      reported(r).filter((q) => q.cue === "called"),
      [],
    );
  });

  it("'called' with a complement after the name still reports what someone is called", () => {
    const r = read([
      INTRO,
      "Lopez called Reyes, a former county clerk, a reckless gambler.",
      "What several auditors called “waste” turned out to be routine.",
    ]);
    const mentions = reported(r)
      .filter((q) => q.cue === "called")
      .map((q) => mentionOf(r, q));
    assert.deepEqual(mentions, ["Lopez", "several auditors"]);
  });

  it("a cue followed by nothing but a place or a time reports nothing ('reported from Denver.')", () => {
    const r = read([
      INTRO,
      "Tom Reyes reported from Denver.",
      "Lopez announced on Monday the closure of the mill.",
    ]);
    assert.equal(withCue(r, "reported"), undefined);
    assert.equal(contentWith(r, "the closure of the mill").cue, "announced");
  });

  it("'showed up', 'see how it goes', 'maintained a lead', 'response to' report no attitude", () => {
    const r = read([
      INTRO,
      "Hundreds showed up at the hall.",
      "Reyes wants to see how the vote goes.",
      "Lopez maintained a narrow lead in the county.",
      "Her response to the flood was slow.",
    ]);
    for (const cue of ["showed", "see", "maintained", "response"])
      assert.equal(withCue(r, cue), undefined, cue);
  });

  it("the holder of support follows 'among', and of a received endorsement 'of'", () => {
    const r = read([
      INTRO,
      "Lopez has strong support among ranchers.",
      "Reyes won the endorsement of the Pueblo Chieftain.",
    ]);
    assert.equal(mentionOf(r, contentWith(r, "Lopez")), "ranchers");
    assert.equal(mentionOf(r, contentWith(r, "Reyes")), "Pueblo Chieftain");
  });

  it("a described subject after 'said' keeps its relative clause out of the content", () => {
    const r = read([INTRO, "The levy will pass, said a county official who asked not to be named."]);
    assert.equal(mentionOf(r, contentWith(r, "The levy will pass")), "a county official");
  });

  it("'agreed to' takes a noun phrase as what is agreed to", () => {
    const r = read([INTRO, "Reyes agreed to a settlement with the county."]);
    assert.equal(contentWith(r, "a settlement").cue, "agreed to");
  });

  it("'back' tagged as an adverb after a plural subject and before its object is the verb", () => {
    const r = read([INTRO, "Ranchers back her by ten points."]);
    assert.equal(mentionOf(r, contentWith(r, "her")), "Ranchers");
  });

  it("the listener after 'told' is never its subject, nor a relative aside before it its content", () => {
    const r = read([
      INTRO,
      "“The agents are under a lot of pressure,” an intelligence source, who was not authorized to speak on the record, told Fox News.",
    ]);
    assert.deepEqual(
      reported(r).filter((q) => mentionOf(r, q) === "Fox News" || q.text.startsWith("who")),
      [],
    );
  });

  it("a role before the cue is the appositive of the name before its comma, which is the subject", () => {
    const r = read([
      INTRO,
      "The deal is dead, Reyes, the party whip, said.",
      "“We will start chipping away at the lead,” Jeff Weaver, the campaign manager, said.",
    ]);
    const q = contentWith(r, "The deal is dead");
    assert.equal(mentionOf(r, q), "Reyes");
    assert.equal(q.text, "The deal is dead");
    // The quotation's attribution is found with the quotation, not again as reported speech.
    assert.deepEqual(
      reported(r).filter((x) => x.text.includes("Jeff Weaver")),
      [],
    );
  });

  it("a name before the cue after a place and its comma is the subject, not an appositive", () => {
    const r = read([
      INTRO,
      "Silva was a civil engineer based in Johannesburg, South Africa, Correio de Manha reports.",
    ]);
    assert.equal(mentionOf(r, contentWith(r, "Silva was a civil engineer")), "Correio de Manha");
  });

  it("a trailing subject's lead phrase holds possessives and a title's 'of'", () => {
    const r = read([
      INTRO,
      "The machines are a real threat, Donald Trump's longtime confidant Roger Stone stated.",
      "The union will likely sit out the election, UMWA Director of Government Affairs Phil Smith told POLITICO earlier this week.",
    ]);
    assert.equal(mentionOf(r, contentWith(r, "The machines are a real threat")), "Roger Stone");
    assert.equal(mentionOf(r, contentWith(r, "The union will likely sit out")), "Phil Smith");
  });

  it("two apostrophes closing a quotation are no possessive before the subject", () => {
    const r = read([
      INTRO,
      "''Are you OK, honey? Don't fall,'' he said, when a protester seemed to stumble.",
    ]);
    assert.equal(withContent(r, "when a protester"), undefined);
  });

  it("'wrote to' its recipient, then 'that' and what was written", () => {
    const r = read([
      INTRO,
      "The American Legion wrote to Sanders' Senate office that it did not approve of the fliers.",
    ]);
    const q = contentWith(r, "it did not approve");
    assert.equal(q.cue, "wrote");
    assert.equal(mentionOf(r, q), "American Legion");
  });

  it("a noun after a number is no cue verb", () => {
    const r = read([INTRO, "Her 2016 plan that would raise taxes failed."]);
    assert.equal(withCue(r, "plan"), undefined);
  });
});
