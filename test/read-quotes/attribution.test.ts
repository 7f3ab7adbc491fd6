import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { quoteWith, read } from "./helpers.js";

/**
 * Wire-style attribution patterns. Each case: paragraphs, a fragment of the quotation, and who
 * must be credited (null: nobody is named).
 */
interface Case {
  name: string;
  paragraphs: string[];
  quote: string;
  speaker: string | null;
  partial?: boolean;
}

const CASES: Case[] = [
  {
    name: "subject then verb, surname resolved to the full name",
    paragraphs: [
      "Secretary of State John Kerry arrived in Geneva on Monday.",
      "“We will not back down,” Kerry said.",
    ],
    quote: "We will not back down",
    speaker: "John Kerry",
  },
  {
    name: "verb then subject with an appositive role",
    paragraphs: ["“The talks are over,” said Sergei Lavrov, Russia’s foreign minister."],
    quote: "The talks are over",
    speaker: "Sergei Lavrov",
  },
  {
    name: "verb then subject behind a lower-case role",
    paragraphs: ["“We have nothing to add,” said State Department spokesman John Kirby."],
    quote: "nothing to add",
    speaker: "John Kirby",
  },
  {
    name: "pronoun in the next paragraph",
    paragraphs: [
      "German Chancellor Angela Merkel visited a refugee shelter in Berlin on Tuesday.",
      "“This is a humanitarian duty,” she said.",
    ],
    quote: "humanitarian duty",
    speaker: "Angela Merkel",
  },
  {
    name: "title and surname (Mr.)",
    paragraphs: [
      "John Kerry met the group in New York.",
      "“It is a mistake,” Mr. Kerry said on the recording.",
    ],
    quote: "It is a mistake",
    speaker: "John Kerry",
  },
  {
    name: "appositive description between subject and verb",
    paragraphs: ["Ahmed Hassan, a teacher from Homs, said: “The schools are empty.”"],
    quote: "The schools are empty",
    speaker: "Ahmed Hassan",
  },
  {
    name: "name in the appositive after a description",
    paragraphs: ["One resident, Maria Lopez, told reporters “the water is gone” after the storm."],
    quote: "the water is gone",
    speaker: "Maria Lopez",
    partial: true,
  },
  {
    name: "partial quote as the object of the verb",
    paragraphs: [
      "Finance Minister Paolo Rossi met bankers in Rome.",
      "Rossi called the plan “a dangerous gamble” on Friday.",
    ],
    quote: "a dangerous gamble",
    speaker: "Paolo Rossi",
    partial: true,
  },
  {
    name: "according to an organisation",
    paragraphs: ["According to Amnesty International, “thousands remain in detention without charge.”"],
    quote: "thousands remain",
    speaker: "Amnesty International",
  },
  {
    name: "nested reporting: the outlet reports, the subject speaks",
    paragraphs: [
      "German Chancellor Angela Merkel spoke in Brussels.",
      "Merkel warned that Europe “cannot close its eyes to the suffering”, the Guardian reported.",
    ],
    quote: "cannot close its eyes",
    speaker: "Angela Merkel",
    partial: true,
  },
  {
    name: "organisation as subject after the quote",
    paragraphs: ["“The claims are baseless,” the Kremlin said in a statement."],
    quote: "The claims are baseless",
    speaker: "Kremlin",
  },
  {
    name: "organisation before a partial quote",
    paragraphs: ["The World Health Organization said the outbreak was “largely under control” by Sunday."],
    quote: "largely under control",
    speaker: "World Health Organization",
    partial: true,
  },
  {
    name: "unattributed quote paragraph after an attributed one",
    paragraphs: [
      "“This is a dark day for our country,” said Senator Elizabeth Warren.",
      "“We will fight this in the courts and in the streets.”",
    ],
    quote: "fight this in the courts",
    speaker: "Elizabeth Warren",
  },
  {
    name: "quote paragraph introduced by a colon in the paragraph before",
    paragraphs: [
      "Opposition leader Raila Odinga told supporters in Nairobi:",
      "“The vote was rigged from the start.”",
    ],
    quote: "rigged from the start",
    speaker: "Raila Odinga",
  },
  {
    name: "quote paragraph followed by a bare attribution",
    paragraphs: [
      "Mayor Tom Becker toured the flooded streets.",
      "“We are not leaving. This is our home.” He said.",
    ],
    quote: "We are not leaving",
    speaker: "Tom Becker",
  },
  {
    name: "no attribution at all",
    paragraphs: [
      "The storm hit the coast at dawn.",
      "“Peace is possible.” The words were painted on a wall in the old town.",
    ],
    quote: "Peace is possible",
    speaker: null,
  },
  {
    name: "two words in marks with no speaker",
    paragraphs: ["The phrase “fake news” has become common in campaign speeches."],
    quote: "fake news",
    speaker: null,
  },
  {
    name: "colon after the verb",
    paragraphs: ["Prime Minister Theresa May said: “Brexit means Brexit.”"],
    quote: "Brexit means Brexit",
    speaker: "Theresa May",
  },
  {
    name: "asked with a partial quote and an appositive name",
    paragraphs: ["A reporter, Lina Sami, asked “how long” the siege would last."],
    quote: "how long",
    speaker: "Lina Sami",
    partial: true,
  },
  {
    name: "the ministry resolves to the organisation named before",
    paragraphs: [
      "Russia’s Defence Ministry denied the strike.",
      "The ministry said it “regrets the loss of life” in Idlib.",
    ],
    quote: "regrets the loss of life",
    speaker: "Defence Ministry",
    partial: true,
  },
  {
    name: "single marks and a role description",
    paragraphs: [
      "British Prime Minister Theresa May spoke in Parliament.",
      "‘We will not be bullied,’ the prime minister said.",
    ],
    quote: "We will not be bullied",
    speaker: "Theresa May",
  },
  {
    name: "guillemets",
    paragraphs: ["«We will not yield», said Emmanuel Macron."],
    quote: "We will not yield",
    speaker: "Emmanuel Macron",
  },
  {
    name: "straight double quotes",
    paragraphs: [
      "General Mark Milley briefed Congress on Thursday.",
      '"We are ready," Milley told reporters.',
    ],
    quote: "We are ready",
    speaker: "Mark Milley",
  },
  {
    name: "went on to say",
    paragraphs: [
      "Foreign Secretary Boris Johnson spoke to reporters.",
      "“We failed,” Johnson said, and went on to say that “the next government must do better.”",
    ],
    quote: "next government must do better",
    speaker: "Boris Johnson",
    partial: true,
  },
  {
    name: "several sentences in one quotation, attribution at the end",
    paragraphs: [
      "Mayor Tom Becker toured the town.",
      "“We tried everything. We failed. Now we wait,” Becker said.",
    ],
    quote: "We tried everything",
    speaker: "Tom Becker",
  },
  {
    name: "brackets and an ellipsis inside the quotation",
    paragraphs: [
      "John Kerry met activists.",
      "“We saw that [ISIS] was growing … and we watched,” Kerry said.",
    ],
    quote: "[ISIS] was growing … and we watched",
    speaker: "John Kerry",
  },
  {
    name: "a possessive name before a lower-case head is not the speaker",
    paragraphs: [
      "John Kerry left early.",
      "Kerry’s spokesman said the plan was “not dead yet” despite the vote.",
    ],
    quote: "not dead yet",
    speaker: null,
    partial: true,
  },
  {
    name: "title-stripped full name after the verb with a role",
    paragraphs: ["“The port is open again,” said US Secretary of State John Kerry."],
    quote: "port is open",
    speaker: "John Kerry",
  },
  {
    name: "pronoun continuing a sentence whose subject spoke first",
    paragraphs: [
      "Kerry responded that “the regime’s indifference” could push the Obama administration to act, but he also said that “arming rebels could backfire.”",
    ],
    quote: "arming rebels could backfire",
    speaker: "Kerry",
    partial: true,
  },
];

describe("quote attribution on wire-style patterns", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { quotes } = read(c.paragraphs);
      const q = quoteWith(quotes, c.quote);
      assert.ok(q, `quote “${c.quote}” found among ${JSON.stringify(quotes.map((x) => x.text))}`);
      assert.equal(q.speaker, c.speaker);
      if (c.partial !== undefined) assert.equal(q.partial, c.partial, "partial");
      if (c.speaker !== null && q.cue !== null)
        assert.ok(q.speakerMention, "speaker mention set with the cue");
    });
  }
});
