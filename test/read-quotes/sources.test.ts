import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mentionText, quoteWith, read } from "./helpers.js";

/**
 * Who the sentence says a quotation is from (the speaking mention, as PolNeAR marks sources) and
 * whose words it is (the speaker's name), on news patterns written for these tests.
 */
interface Case {
  name: string;
  paragraphs: string[];
  quote: string;
  /** The speaking mention as written, or null when none is expected. */
  mention: string | null;
  /** The resolved speaker's name; omitted when only the mention matters. */
  speaker?: string | null;
  partial?: boolean;
}

const CASES: Case[] = [
  {
    name: "the object at the end of a relative clause without commas is not the subject of the verb after it",
    paragraphs: [
      "The White House and the Sanders campaign met on Monday.",
      "A White House official who spoke anonymously to discuss internal strategy said Wednesday, “Certainly there are discussions.”",
    ],
    quote: "Certainly there are discussions",
    mention: "A White House official",
  },
  {
    name: "a clause opening inside a relative clause keeps its own subject",
    paragraphs: [
      "Senator Maria Lopez spoke in Denver on Monday.",
      "Lopez, the senator who ran twice when she was young, is confident. Voters who met her when Lopez said “we will win” cheered.",
    ],
    quote: "we will win",
    mention: "Lopez",
  },
  {
    name: "a capitalised auxiliary opening a name after a role noun is part of the name",
    paragraphs: [
      "The Global Times ran the piece on Monday.",
      "“Many of his ideas are far from heartwarming,” columnist Will Jones wrote in the piece.",
    ],
    quote: "Many of his ideas",
    mention: "Will Jones",
  },
  {
    name: "a relative clause between a trailing subject and its verb is an aside, its verb no cue",
    paragraphs: [
      "Senator Elizabeth Warren spoke in Boston on Monday.",
      "“Superdelegates ought not to sway the election,” Warren, who has not endorsed a candidate, told reporters.",
    ],
    quote: "Superdelegates ought not",
    mention: "Warren",
    speaker: "Elizabeth Warren",
  },
  {
    name: "before a relative aside any noun phrase is the subject, and the listener after 'told' never is",
    paragraphs: [
      "The FBI is reviewing the case.",
      "“The agents involved are under a lot of pressure,” an intelligence source, who was not authorized to speak on the record, told Fox News.",
    ],
    quote: "The agents involved",
    mention: "an intelligence source",
  },
  {
    name: "a relative clause after an inverted subject still leaves the subject after the cue",
    paragraphs: [
      "Senator Bernie Sanders spoke in Vermont on Monday.",
      "“We will win this seat,” said Sanders, who endorsed the candidate in May, at a rally.",
    ],
    quote: "We will win this seat",
    mention: "Sanders",
    speaker: "Bernie Sanders",
  },
  {
    name: "the subject of a passive 'was asked' is not who speaks the question after it",
    paragraphs: [
      "Mayor Ellen Okonkwo spoke to the council on Monday.",
      "Okonkwo was asked, “Will the harbor close before the winter?”",
    ],
    quote: "Will the harbor close",
    mention: null,
  },
  {
    name: "a quotation after 'be' describes the subject: the subject does not speak it",
    paragraphs: [
      "Mayor Ellen Okonkwo spoke to the council on Monday.",
      "While Okonkwo is “rebuilding trust,” her rival is raising money in the capital.",
      "The harbor fund was “nearly empty by the spring” as donations dried up.",
    ],
    quote: "rebuilding trust",
    mention: null,
  },
  {
    name: "a scare quote in a sentence whose subject is 'it': a thing speaks nothing",
    paragraphs: [
      "Harbor Holdings Inc. said on Monday it would close two docks.",
      "It owed its consultants $90,000 for “strategic advice” last year.",
    ],
    quote: "strategic advice",
    mention: null,
  },
  {
    name: "a passive in a later clause leaves the sentence's subject the speaker of a phrase",
    paragraphs: [
      "Mayor Ellen Okonkwo spoke to the council on Monday.",
      "Okonkwo fumed after the news that the port was granted a “special exemption” by the board.",
    ],
    quote: "special exemption",
    mention: "Okonkwo",
  },
  {
    name: "the outermost source of a partial quote inside reported speech",
    paragraphs: [
      "Mayor Ellen Okonkwo spoke to the council on Monday.",
      "The Harbor Times reported that Okonkwo called the budget “a house of cards.”",
    ],
    quote: "a house of cards",
    mention: "The Harbor Times",
    speaker: "Ellen Okonkwo",
    partial: true,
  },
  {
    name: "an outlet relaying a trailing attribution: “…,” X said, according to Y",
    paragraphs: ["“The talks are finished,” the minister said, according to the Coastal Herald."],
    quote: "The talks are finished",
    mention: "the Coastal Herald",
  },
  {
    name: "a participle after an object: released a statement saying",
    paragraphs: ["The nurses’ union released a statement Tuesday saying the cuts were “reckless and cruel.”"],
    quote: "reckless and cruel",
    mention: "The nurses’ union",
  },
  {
    name: "a participle continuing a reporting clause: X said …, adding, “…”",
    paragraphs: ["The count was slow but fair, Dana Okafor said, adding, “We won it clean.”"],
    quote: "We won it clean",
    mention: "Dana Okafor",
    speaker: "Dana Okafor",
  },
  {
    name: "a coordinated verb shares its subject",
    paragraphs: ["The Riverside League denounced the ad and said it would “review every donation.”"],
    quote: "review every donation",
    mention: "The Riverside League",
  },
  {
    name: "a second that-complement after a comma and a conjunction stays the outer verb's",
    paragraphs: [
      "Mayor Lena Ortiz says she hopes the vote comes soon, but that the council “did everything it could.”",
    ],
    quote: "did everything it could",
    mention: "Mayor Lena Ortiz",
  },
  {
    name: "a relative clause without a reporting verb stays inside what was said",
    paragraphs: [
      "Senator Ruth Kim said Sunday in Dayton that she was hoping for a big turnout, which “will carry the whole ticket.”",
    ],
    quote: "will carry the whole ticket",
    mention: "Senator Ruth Kim",
  },
  {
    name: "a clause inside an opening “despite” phrase is not the attribution",
    paragraphs: ["Despite what she wrote in the memo, Dana Okafor said she “would sign it tomorrow.”"],
    quote: "would sign it tomorrow",
    mention: "Dana Okafor",
  },
  {
    name: "an emphatic reflexive after the subject, and a day after the verb",
    paragraphs: ["Okafor herself said Tuesday that the plan was “a gift to developers.”"],
    quote: "a gift to developers",
    mention: "Okafor",
  },
  {
    name: "a name set off from a heading by a dash labels the quotation after its colon",
    paragraphs: ["TURNOUT LOOKS LOW - Dana Okafor: “Fewer people are coming to the polls this year.”"],
    quote: "Fewer people are coming",
    mention: "Dana Okafor",
  },
  {
    name: "a thing that speaks through “that” is its owner's voice",
    paragraphs: ["Mayor Dana Okafor released a video that said, “We are going to rebuild the bridge.”"],
    quote: "rebuild the bridge",
    mention: "Mayor Dana Okafor",
    speaker: "Dana Okafor",
  },
  {
    name: "a noun after “the following” is no reporting verb",
    paragraphs: ["On Monday, Dana Okafor made the following comment: “The budget is a moral document.”"],
    quote: "moral document",
    mention: "Dana Okafor",
  },
  {
    name: "a coordinated verb after two fronted phrases shares the main clause's subject",
    paragraphs: [
      "Once in her first term, when the mayor raised the subject at dinner, Dana Okafor laughed and said, “I never wanted the job.”",
    ],
    quote: "never wanted the job",
    mention: "Dana Okafor",
  },
  {
    name: "a verb inside an opening prepositional phrase attributes nothing",
    paragraphs: ["In a video posted Sunday, Mayor Dana Okafor called the plan “a gift to developers.”"],
    quote: "a gift to developers",
    mention: "Mayor Dana Okafor",
    speaker: "Dana Okafor",
  },
  {
    name: "an opening prepositional phrase with a participle, before a colon",
    paragraphs: [
      "With donors increasingly worried about the deficit, Governor Sam Harper is trying a new line: “Budgets are moral documents.”",
    ],
    quote: "Budgets are moral documents",
    mention: "Governor Sam Harper",
  },
  {
    name: "a sentence-opening participle hangs from the main clause",
    paragraphs: ["Asked about the latest polls, Governor Sam Harper said, “Polls are noise.”"],
    quote: "Polls are noise",
    mention: "Governor Sam Harper",
  },
  {
    name: "a relative pronoun is the mention, its antecedent the speaker",
    paragraphs: ["Senator Ruth Alvarez, who called the bill “a giveaway to insurers,” voted against it."],
    quote: "a giveaway to insurers",
    mention: "who",
    speaker: "Ruth Alvarez",
  },
  {
    name: "an age and a hometown between the name and the verb",
    paragraphs: ["“We are ready for a change,” Tom Reyes, 54, of Tucson, Arizona, said."],
    quote: "ready for a change",
    mention: "Tom Reyes",
  },
  {
    name: "a description, a comma, then the name: another neighbor, Li Wei told",
    paragraphs: ["“The water came up in minutes,” another neighbor, Li Wei told reporters."],
    quote: "water came up",
    mention: "Li Wei",
  },
  {
    name: "a party-and-state tag after the name",
    paragraphs: ["“This bill will not pass,” Rep. Jane Doherty (D-Ore.) said Friday."],
    quote: "This bill will not pass",
    mention: "Rep. Jane Doherty",
  },
  {
    name: "a party-and-state tag set off by commas",
    paragraphs: ["“Our assumption is that the veto holds,” Senator Mark Ellis, R-Ky., said."],
    quote: "veto holds",
    mention: "Senator Mark Ellis",
  },
  {
    name: "a question ends the sentence; the attribution opens the next one",
    paragraphs: ["“Who pays for this?” Mayor Ann Kim asked the crowd. “Not us.”"],
    quote: "Who pays for this",
    mention: "Mayor Ann Kim",
  },
  {
    name: "the question's follow-on quotation keeps the same speaker",
    paragraphs: ["“Who pays for this?” Mayor Ann Kim asked the crowd. “Not us.”"],
    quote: "Not us",
    mention: "Mayor Ann Kim",
  },
  {
    name: "a quotation, the writer's words, then ', she said'",
    paragraphs: ["“We never planned to stay” in the city, Grace Okafor said."],
    quote: "We never planned to stay",
    mention: "Grace Okafor",
  },
  {
    name: "a signature after a dash",
    paragraphs: ["“He has never answered a single question about it.” ― Rosa Delgado"],
    quote: "never answered",
    mention: "Rosa Delgado",
  },
  {
    name: "a trailing verb the tagger may read as a noun: X points out",
    paragraphs: ["“Nobody had the numbers until Tuesday,” Brenner points out."],
    quote: "Nobody had the numbers",
    mention: "Brenner",
  },
  {
    name: "a subject with a prepositional phrase: a spokesman for the campaign",
    paragraphs: ["A spokesman for the Hale campaign said the ad was “flatly false.”"],
    quote: "flatly false",
    mention: "A spokesman for the Hale campaign",
  },
  {
    name: "a source familiar with the talks",
    paragraphs: ["A source familiar with the talks said the offer was “dead on arrival.”"],
    quote: "dead on arrival",
    mention: "A source familiar with the talks",
  },
  {
    name: "a person named right before a participle",
    paragraphs: ["The ad shows footage of Senator Mary Cole asking, “Where did the money go?”"],
    quote: "Where did the money go",
    mention: "Senator Mary Cole",
  },
  {
    name: "the possessor of a noun of expression",
    paragraphs: ["Governor Lyle Banks repeated his claim that “millions of ballots were forged.”"],
    quote: "millions of ballots",
    mention: "Governor Lyle Banks",
  },
  {
    name: "as X put it",
    paragraphs: ["The plan was, as the mayor put it, “a bridge to nowhere.”"],
    quote: "a bridge to nowhere",
    mention: "the mayor",
  },
  {
    name: "the agent of a sentence without a reporting verb",
    paragraphs: ["Senator Tom Ridley has coined a new phrase, “paper tigers in suits,” for the board."],
    quote: "paper tigers in suits",
    mention: "Senator Tom Ridley",
  },
  {
    name: "a participle used as an adjective inside the subject",
    paragraphs: ["“There is no data to suggest that,” said one unaligned party strategist."],
    quote: "no data to suggest",
    mention: "one unaligned party strategist",
  },
  {
    name: "a label before a colon",
    paragraphs: ["Harlan: “Our goal is not to contain the fire but to put it out.”"],
    quote: "Our goal is not to contain",
    mention: "Harlan",
  },
];

describe("sources of quotations on news patterns", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { article, quotes } = read(c.paragraphs);
      const q = quoteWith(quotes, c.quote);
      assert.ok(q, `quote “${c.quote}” among ${JSON.stringify(quotes.map((x) => x.text))}`);
      const mention = mentionText(article, q);
      // The mention may be the whole phrase or the name inside it ("Sam Harper" in "Governor Sam Harper").
      if (c.mention === null || mention === null) assert.equal(mention, c.mention, "speaking mention");
      else assert.ok(c.mention.includes(mention), `speaking mention “${mention}” within “${c.mention}”`);
      if (c.speaker !== undefined) assert.equal(q.speaker, c.speaker, "speaker");
      if (c.partial !== undefined) assert.equal(q.partial, c.partial, "partial");
    });
  }
});

describe("what is not an attribution", () => {
  it("does not take a naming participle for a reporting verb", () => {
    const { quotes } = read([
      "One, a civil engineer named Omar Haddad, said the envoy had told them, “You are on your own.”",
    ]);
    const q = quoteWith(quotes, "on your own");
    assert.ok(q);
    assert.notEqual(q.cue, "named");
  });

  it("does not take the next paragraph's claim for the quotation's attribution", () => {
    const { quotes } = read([
      "“The rules bind us and not them.”",
      "The agency knew its program was unlawful.",
    ]);
    const q = quoteWith(quotes, "rules bind us");
    assert.ok(q);
    assert.equal(q.speaker, null);
    assert.equal(q.speakerMention, null);
  });
});

describe("subjects", () => {
  it("never takes a day after the verb for an inverted subject", () => {
    const { article, quotes } = read([
      "The mayor, tired and hoarse after a long night of counting, finally said Tuesday that the vote was “a disgrace.”",
    ]);
    const m = quoteWith(quotes, "a disgrace")?.speakerMention;
    assert.notEqual(m ? article.body.slice(m.start, m.end) : null, "Tuesday");
  });
});

describe("transcripts", () => {
  it("takes the label opening a turn as the speaker of quotations in it", () => {
    const { article, quotes } = read([
      "HOLT: Let me ask about the debate you called “a circus” last week.",
      "REYNA: I stand by it.",
    ]);
    const q = quoteWith(quotes, "a circus");
    assert.ok(q?.speakerMention);
    assert.equal(mentionText(article, q), "HOLT");
  });

  it("strips the label off a turn quoted whole", () => {
    const { article, quotes } = read([
      "A partial transcript follows:",
      "“HOLT: Will you accept the result of the election?",
      "“REYNA: I will look at it at the time.”",
    ]);
    const q = quoteWith(quotes, "accept the result");
    assert.ok(q?.speakerMention);
    assert.equal(q.text, "Will you accept the result of the election?");
    assert.equal(mentionText(article, q), "HOLT");
    assert.equal(article.body.slice(q.start, q.end), q.text);
  });

  it("keeps a quoted turn whole when it quotes something itself, and starts a new turn at each label", () => {
    const { article, quotes } = read([
      "A partial transcript follows:",
      "“HOLT: Your rival called the plan “a circus.” How do you answer?",
      "“REYNA: I stand by the plan. It is sound.",
      "“And I will keep saying so.",
      "“HOLT: Thank you.”",
    ]);
    const turn = quoteWith(quotes, "Your rival called");
    assert.ok(turn?.speakerMention);
    assert.equal(turn.text, "Your rival called the plan “a circus.” How do you answer?");
    assert.equal(mentionText(article, turn), "HOLT");
    assert.equal(quoteWith(quotes, "a circus")?.start, turn.start);
    const carried = quoteWith(quotes, "keep saying so");
    assert.ok(carried?.speakerMention);
    assert.equal(mentionText(article, carried), "REYNA");
  });

  it("does not take an editorial label for a speaker", () => {
    const { quotes } = read(["Update: The council called the vote “final,” a spokesman said."]);
    const q = quoteWith(quotes, "final");
    assert.ok(q);
    assert.notEqual(q.speaker, "Update");
  });
});

describe("continuations", () => {
  it("gives a follow-on quotation the speaking mention of the one before", () => {
    const { article, quotes } = read([
      "“We lost the vote,” said Senator Irene Vance. “We did not lose the argument.”",
    ]);
    const q = quoteWith(quotes, "did not lose");
    const first = quoteWith(quotes, "We lost the vote");
    assert.ok(q?.speakerMention && first?.speakerMention);
    assert.deepEqual(q.speakerMention, first.speakerMention);
    assert.match(mentionText(article, q) ?? "", /Irene Vance/);
    assert.equal(q.speaker, "Irene Vance");
  });

  it("keeps a description as the mention and resolves it to the person in focus", () => {
    const { article, quotes } = read([
      "The tower was planned by developer Frank Dorsey.",
      "“It will be the tallest in the state,” the businessman replied.",
    ]);
    const q = quoteWith(quotes, "tallest");
    assert.ok(q?.speakerMention);
    assert.equal(mentionText(article, q), "the businessman");
    assert.equal(q.speaker, "Frank Dorsey");
  });

  it("resolves a pronoun to the speaker named just before", () => {
    const { quotes } = read([
      "Kerry responded that “the regime’s indifference” was the problem, and he added that “patience has limits.”",
    ]);
    assert.equal(quoteWith(quotes, "patience has limits")?.speaker, "Kerry");
  });
});

describe("a quotation standing after the sentence that names its speaker", () => {
  it("takes the attribution closing the sentence before, in the same paragraph", () => {
    const { quotes } = read([
      "The administration may wait until after the talks, Senator Ruth Kim said. “The other factor is the calendar.”",
    ]);
    assert.equal(quoteWith(quotes, "The other factor")?.speaker, "Ruth Kim");
  });

  it("takes the reporting verb of the sentence before, when it has no quotation of its own", () => {
    const { article, quotes } = read([
      "Governor Sam Harper praised the rescue crews on Tuesday. “They worked through the night for strangers.”",
    ]);
    const q = quoteWith(quotes, "worked through the night");
    assert.ok(q?.speakerMention);
    assert.match(mentionText(article, q) ?? "", /Sam Harper/);
    assert.equal(q.speaker, "Sam Harper");
  });

  it("not across a paragraph break", () => {
    const { quotes } = read([
      "The administration may wait until after the talks, Senator Ruth Kim said.",
      "“The other factor is the calendar.”",
    ]);
    assert.equal(quoteWith(quotes, "The other factor")?.speaker, null);
  });

  it("after a quotation of its own, passes that quotation's speaker on, not a relative clause", () => {
    const { quotes } = read([
      "“We are ready,” said Omar Haddad, a farmer from Lodi, who already voted. “Every time she speaks, I cringe.”",
    ]);
    assert.equal(quoteWith(quotes, "Every time she speaks")?.speaker, "Omar Haddad");
  });
});

describe("quotations typed with two apostrophes", () => {
  it("attributes a question to the speaker after it, not to the sentence before", () => {
    const { quotes } = read(["He questioned her record on trade. ''Can we win Ohio?'' Mr. Brandt asked."]);
    assert.equal(quoteWith(quotes, "Can we win Ohio")?.speaker, "Brandt");
  });
});

describe("titles and labels are not speech", () => {
  it("drops a programme named after a possessive or a preposition", () => {
    const { quotes } = read([
      "The senator told Channel Nine’s “Morning Report” that she would run.",
      "She appeared on “Face the Voters” on Sunday.",
    ]);
    assert.deepEqual(
      quotes.map((q) => q.text),
      [],
    );
  });

  it("drops a title beside the kind of work it names, even with an attribution after it", () => {
    const { quotes } = read([
      "In her 2009 memoir, “Rivers We Crossed,” Senator Hale described her childhood.",
      "The band closed with the protest song “Hold the Line Tonight” as the mayor said goodbye.",
    ]);
    assert.equal(quoteWith(quotes, "Rivers We Crossed"), undefined);
    assert.equal(quoteWith(quotes, "Hold the Line"), undefined);
  });

  it("drops a title-cased name modifying a noun, even inside an attribution", () => {
    const { quotes } = read(["Senator Hale said the “Stand Your Ground” ad would run statewide."]);
    assert.equal(quoteWith(quotes, "Stand Your Ground"), undefined);
  });

  it("keeps a title-cased chant that is the object of its verb", () => {
    const { quotes } = read(["The crowd kept chanting “Lock Him Up” as the governor spoke."]);
    assert.ok(quoteWith(quotes, "Lock Him Up"));
  });

  it("drops a short-worded title in title case after a possessive", () => {
    const { quotes } = read(["The governor told Channel Four’s “Up Late” that she would not run again."]);
    assert.equal(quoteWith(quotes, "Up Late"), undefined);
  });

  it("keeps speech that opens with capitals but is not in title case", () => {
    const { quotes } = read(["Asked about the deal, Governor Ana Reyes said simply, “No, I did not.”"]);
    assert.equal(quoteWith(quotes, "No, I did not")?.speaker, "Ana Reyes");
  });

  it("drops a title after a preposition even when an attribution follows it", () => {
    const { quotes } = read([
      "On Sunday’s episode of “The Harbor Hour With Dana Ruiz,” the senator said that she would run for governor.",
    ]);
    assert.equal(quoteWith(quotes, "Harbor Hour"), undefined);
  });

  it("drops a programme that is the hearer of “told”, keeping the speech before it", () => {
    const { quotes } = read(["“We will not back down,” Mayor Lena Ortiz told “Good Day Metro” on Friday."]);
    assert.equal(quoteWith(quotes, "Good Day Metro"), undefined);
    assert.equal(quoteWith(quotes, "We will not back down")?.speaker, "Lena Ortiz");
  });

  it("drops attribute values of markup left in the text", () => {
    const { quotes } = read([
      'The mayor posted a photo of the flooded square. <tweet pic="pic.twitter.com/x1y2z3" author="cityhall">',
    ]);
    assert.deepEqual(
      quotes.map((q) => q.text),
      [],
    );
  });

  it("drops a section heading quoted in single marks, not giving it the previous speaker", () => {
    const { quotes } = read([
      "“We have to keep the buses running,” Mayor Lena Ortiz said.",
      "‘A change of course.’",
      "The council met again on Friday to vote on the budget.",
    ]);
    assert.equal(quoteWith(quotes, "A change of course"), undefined);
    assert.equal(quoteWith(quotes, "keep the buses running")?.speaker, "Lena Ortiz");
  });

  it("drops a short quoted term modifying a noun when no reporting verb is near", () => {
    const { quotes } = read([
      "The council has pushed the “safe streets” agenda for two years.",
      "Since 2019 the city has run a “clean air” program in every district.",
    ]);
    assert.deepEqual(
      quotes.map((q) => q.text),
      [],
    );
  });

  it("keeps a quoted term before a noun inside a reported statement", () => {
    const { quotes } = read(["Mayor Lena Ortiz said the “safe streets” agenda would pass."]);
    assert.equal(quoteWith(quotes, "safe streets")?.speaker, "Lena Ortiz");
  });

  it("keeps a title-cased exclamation", () => {
    const { quotes } = read(["“What a Night!” Rivera shouted from the stage."]);
    assert.equal(quoteWith(quotes, "What a Night")?.speaker, "Rivera");
  });
});
