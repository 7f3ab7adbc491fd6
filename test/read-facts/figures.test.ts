import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Figure } from "../../src/model/index.js";
import { findFigures } from "../../src/read/figures.js";
import { sentencesOf } from "./helpers.js";

function figuresIn(text: string): Figure[] {
  const { article, sentences } = sentencesOf([text]);
  return findFigures(article, sentences);
}

type Expect = Partial<Pick<Figure, "text" | "value" | "unit" | "measure" | "precision" | "upper">>;

/** Each sentence holds exactly the listed figures, in order. */
const CASES: [string, Expect[]][] = [
  [
    "The leak exposed a 35 minute conversation that was omitted by CNN.",
    [{ text: "35 minute", value: 35, unit: "minute", measure: "conversation" }],
  ],
  [
    "A recording of the 40-minute discussion was handed to the paper.",
    [{ text: "40-minute", value: 40, unit: "minute", measure: "discussion" }],
  ],
  [
    "The strike on the convoy killed 80 Syrian soldiers near Deir ez-Zor.",
    [{ text: "80 Syrian soldiers", value: 80, unit: "soldier", measure: null }],
  ],
  [
    "The approximately 20 participants included aid workers.",
    [{ text: "approximately 20 participants", value: 20, unit: "participant", precision: "approximate" }],
  ],
  [
    "Representatives of four Syrian groups attended.",
    [{ text: "four Syrian groups", value: 4, unit: "group" }],
  ],
  [
    "Diplomats from three or four countries sat in.",
    [{ text: "three or four countries", value: 3, upper: 4, unit: "country", precision: "range" }],
  ],
  [
    "He said that he and “three…four people” lost the argument.",
    [{ value: 3, upper: 4, unit: "person", precision: "range" }],
  ],
  [
    "More than a dozen people were arrested overnight.",
    [{ text: "More than a dozen people", value: 12, unit: "person", precision: "at-least" }],
  ],
  [
    "The talks lasted half an hour before the delegation left.",
    [{ text: "half an hour", value: 0.5, unit: "hour" }],
  ],
  [
    "The agency said 4.8 million were displaced inside the country.",
    [{ text: "4.8 million", value: 4_800_000, unit: null }],
  ],
  [
    "Congress approved $2.5 billion for the programme.",
    [{ text: "$2.5 billion", value: 2_500_000_000, unit: "USD" }],
  ],
  ["Turnout reached 45% in the capital.", [{ text: "45%", value: 45, unit: "%" }]],
  ["Prices rose 3.5 per cent last year.", [{ value: 3.5, unit: "%" }]],
  ["Support fell by 12 percent among young voters.", [{ value: 12, unit: "%" }]],
  ["Some 1,500 troops crossed the border.", [{ value: 1500, unit: "troop", precision: "approximate" }]],
  [
    "Between 5000 and 10000 soldiers were trapped in the pocket.",
    [{ value: 5000, upper: 10000, unit: "soldier", precision: "range" }],
  ],
  [
    "Rescue teams needed 3-4 hours to reach the site.",
    [{ value: 3, upper: 4, unit: "hour", precision: "range" }],
  ],
  ["Officials said twenty-five people were injured.", [{ value: 25, unit: "person" }]],
  ["At least 30 civilians died in the airstrikes.", [{ value: 30, unit: "civilian", precision: "at-least" }]],
  ["Up to 200 families may lose their homes.", [{ value: 200, unit: "family", precision: "at-most" }]],
  ["The convoy of 12 trucks was hit.", [{ value: 12, unit: "truck" }]],
  ["The minister pledged €300 million in aid.", [{ value: 300_000_000, unit: "EUR" }]],
  ["The wall is 5km long.", [{ value: 5, unit: "kilometre" }]],
  ["The 22-year-old man was detained.", [{ value: 22, unit: "year", measure: "man" }]],
  ["Three of the participants asked to stay anonymous.", [{ value: 3, unit: "participant" }]],
  ["Nearly 300 refugees reached the island.", [{ value: 300, unit: "refugee", precision: "approximate" }]],
  // Not figures: years, dates, times, ids, labels, ordinals, bare numbers.
  ["The meeting took place on 22 September at the Dutch mission.", []],
  ["In 2016 the war entered its sixth year.", []],
  ["BEIRUT (2:20 P.M.) The statement came late.", []],
  ["They broke A/RES/2625(XXV) repeatedly.", []],
  ["Read it at https://example.com/news/2016/10/01/12345-story today.", []],
  ["The 1st Crimean war is a distant memory.", []],
  ["Resolution 2254 calls for a ceasefire.", []],
  ["The officers in the city were 12 in total.", []],
  ["One, a civil engineer, said nothing.", []],
  ["One of the men said he would return.", []],
  ["The session opened at 10 a.m. on Monday.", []],
  ["Fighting resumed on Sept. 22 after the truce.", []],
  ["The Boeing 737 landed safely.", []],
];

describe("findFigures", () => {
  for (const [text, expected] of CASES) {
    it(`reads ${expected.length ? expected.map((e) => e.text ?? e.value).join(", ") : "no figure"} in: ${text}`, () => {
      const got = figuresIn(text);
      assert.equal(got.length, expected.length, JSON.stringify(got));
      expected.forEach((exp, i) => {
        const fig = got[i]!;
        for (const [key, value] of Object.entries(exp)) {
          assert.deepEqual(fig[key as keyof Figure], value, `${key} of ${fig.text}`);
        }
      });
    });
  }

  it("gives spans that index the body", () => {
    const text = "First line here.\n\nA second paragraph counts 14 bodies, and 80 Syrian soldiers.";
    const { article, sentences } = sentencesOf(text.split("\n\n"));
    for (const f of findFigures(article, sentences)) assert.equal(article.body.slice(f.start, f.end), f.text);
  });

  it("stays bounded on a huge body of digits and dashes", () => {
    const hostile = "1-2-3-4 ".repeat(50_000) + "9".repeat(100_000);
    const { article, sentences } = sentencesOf([hostile]);
    const got = findFigures(article, sentences);
    assert.ok(got.length <= 5_000);
  });
});
