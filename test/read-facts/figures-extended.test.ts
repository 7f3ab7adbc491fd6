/** Figures beyond plain numbers: vague plurals as lower bounds, spelled-out shares, British "and", dates by decade. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { DateMention, Figure } from "../../src/model/index.js";
import { findDates } from "../../src/read/dates.js";
import { findFigures } from "../../src/read/figures.js";
import { sentencesOf } from "./helpers.js";

function figuresIn(text: string): Figure[] {
  const { article, sentences } = sentencesOf([text]);
  return findFigures(article, sentences);
}

function datesIn(text: string, published: string | null = "2016-10-01"): DateMention[] {
  const { article, sentences } = sentencesOf([text], { published });
  return findDates(article, sentences);
}

type Expect = Partial<Pick<Figure, "text" | "value" | "unit" | "measure" | "precision" | "upper">>;

const CASES: [string, Expect[]][] = [
  [
    "Hundreds of people marched through the capital on Friday.",
    [{ text: "Hundreds of people", value: 200, unit: "person", precision: "at-least" }],
  ],
  [
    "Dozens of civilians were killed in the shelling.",
    [{ value: 24, unit: "civilian", precision: "at-least" }],
  ],
  [
    "Tens of thousands of protesters filled the square.",
    [{ text: "Tens of thousands of protesters", value: 20_000, unit: "protester", precision: "at-least" }],
  ],
  ["Scores of refugees waited at the border.", [{ value: 40, unit: "refugee", precision: "at-least" }]],
  [
    "More than a dozen soldiers were wounded.",
    [{ text: "More than a dozen soldiers", value: 12, unit: "soldier", precision: "at-least" }],
  ],
  [
    "Two-thirds of likely voters said the economy mattered most.",
    [{ text: "Two-thirds", value: 66.7, unit: "%", measure: "voter", precision: "exact" }],
  ],
  [
    "Nearly a quarter of the population lives abroad.",
    [{ text: "Nearly a quarter", value: 25, unit: "%", measure: "population", precision: "approximate" }],
  ],
  ["A third of the budget went to defence.", [{ value: 33.3, unit: "%", measure: "budget" }]],
  [
    "One hundred and twenty troops stayed behind.",
    [{ text: "One hundred and twenty troops", value: 120, unit: "troop" }],
  ],
  [
    "Between 20 and 30 families fled the village.",
    [{ value: 20, upper: 30, unit: "family", precision: "range" }],
  ],
  [
    "The fund pledged $4.8 billion to the region.",
    [{ text: "$4.8 billion", value: 4_800_000_000, unit: "USD" }],
  ],
  [
    "About 1.2 million people live in the city.",
    [{ value: 1_200_000, unit: "person", precision: "approximate" }],
  ],
  [
    "Some 40 percent of voters were undecided.",
    [{ value: 40, unit: "%", measure: "voter", precision: "approximate" }],
  ],
  // Not figures: ordinals and ordinary words.
  ["He came back a third time in the third quarter.", []],
  ["Test scores rose at the school.", []],
];

describe("findFigures: vague plurals, shares and spelled-out numbers", () => {
  for (const [text, expected] of CASES) {
    it(`reads ${expected.length ? expected.map((e) => e.text ?? e.value).join(", ") : "no figure"} in: ${text}`, () => {
      const got = figuresIn(text);
      assert.equal(got.length, expected.length, JSON.stringify(got));
      expected.forEach((exp, i) => {
        for (const [key, value] of Object.entries(exp)) {
          assert.deepEqual(got[i]![key as keyof Figure], value, `${key} of ${got[i]!.text}`);
        }
      });
    });
  }
});

describe("findDates: decades", () => {
  it("reads decades as intervals of years, narrowed by early, mid and late", () => {
    const got = datesIn("Crime fell in the 1990s, rose in the late 1970s and changed in the mid-2000s.");
    assert.deepEqual(
      got.map((d) => [d.text, d.value, d.granularity]),
      [
        ["1990s", "1990/1999", "year"],
        ["late 1970s", "1977/1979", "year"],
        ["mid-2000s", "2004/2006", "year"],
      ],
    );
  });

  it("puts a two-digit decade in the latest century not after publication, unknown without a date", () => {
    assert.equal(datesIn("Music of the ’80s filled the hall.")[0]?.value, "1980/1989");
    assert.equal(datesIn("Music of the ’10s filled the hall.")[0]?.value, "2010/2019");
    assert.equal(datesIn("Music of the ’80s filled the hall.", null)[0]?.value, null);
  });

  it("resolves relative dates against the publication date", () => {
    const got = datesIn("He left two days ago and returns next Tuesday; earlier this month he spoke.");
    assert.deepEqual(
      got.map((d) => d.value),
      ["2016-09-29", "2016-10-04", "2016-10"],
    );
  });
});
