import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FigureGroup } from "../../src/model/index.js";
import { groupFigures } from "../../src/triangulate/figures.js";
import { makeReading } from "./build.js";

function groupHolding(
  groups: readonly FigureGroup[],
  article: string,
  value: number,
): FigureGroup | undefined {
  return groups.find((g) => g.members.some((m) => m.article === article && m.value === value));
}

describe("groupFigures", () => {
  const a = makeReading({
    id: "a",
    paragraphs: [
      "A leaked audio of the secretary’s meeting with opposition members exposed a 35 minute conversation that was omitted by the network.",
      "Washington even attacked a government convoy, killing 80 Syrian soldiers.",
    ],
    figures: [
      { text: "35 minute", value: 35, unit: "minute", measure: "conversation" },
      { text: "80 Syrian soldiers", value: 80, unit: "soldier" },
    ],
  });
  const b = makeReading({
    id: "b",
    paragraphs: [
      "In a leaked audio recording of the 40-minute discussion that took place on 22 September, the secretary said he had lost an argument.",
      "The approximately 20 participants included representatives of four Syrian groups.",
      "The war has driven 12 million refugees from their homes.",
    ],
    figures: [
      { text: "40-minute", value: 40, unit: "minute", measure: "discussion" },
      { text: "approximately 20 participants", value: 20, unit: "participant", precision: "approximate" },
      { text: "12 million refugees", value: 12_000_000, unit: "refugee" },
    ],
  });
  const c = makeReading({
    id: "c",
    paragraphs: ["The audio of the meeting, which ran to 35 minutes, was released this week."],
    figures: [{ text: "35 minutes", value: 35, unit: "minutes" }],
  });
  const groups = groupFigures([a, b, c]);

  it("puts the 35-minute conversation and the 40-minute discussion in one conflicting group", () => {
    const g = groupHolding(groups, "a", 35);
    assert.ok(g);
    assert.ok(g.members.some((m) => m.article === "b" && m.value === 40));
    assert.ok(
      g.members.some((m) => m.article === "c" && m.value === 35),
      "measure noun found from context",
    );
    assert.equal(g.conflict, true);
    assert.equal(g.unit, "minute");
    assert.match(g.measure, /conversation.*length in minutes/);
    assert.equal(g.id, "fg1");
  });

  it("keeps soldiers, participants and refugees out of the duration group, and drops singletons", () => {
    const g = groupHolding(groups, "a", 35);
    assert.ok(g && !g.members.some((m) => [80, 20, 12_000_000].includes(m.value)));
    assert.equal(groupHolding(groups, "a", 80), undefined);
    assert.equal(groupHolding(groups, "b", 20), undefined);
    assert.equal(groups.length, 1);
  });

  it("does not flag values that approximate figures and ranges allow", () => {
    const x = makeReading({
      id: "x",
      paragraphs: ["About 20 participants attended the closed meeting in New York."],
      figures: [{ text: "About 20 participants", value: 20, unit: "participant", precision: "approximate" }],
    });
    const y = makeReading({
      id: "y",
      paragraphs: ["Between 18 and 25 participants attended the meeting, diplomats said."],
      figures: [
        {
          text: "Between 18 and 25 participants",
          value: 18,
          unit: "participant",
          precision: "range",
          upper: 25,
        },
      ],
    });
    const z = makeReading({
      id: "z",
      paragraphs: ["Some 22 participants attended the meeting with the secretary."],
      figures: [{ text: "Some 22 participants", value: 22, unit: "participant", precision: "approximate" }],
    });
    const [g] = groupFigures([x, y, z]);
    assert.ok(g);
    assert.equal(g.members.length, 3);
    assert.equal(g.conflict, false);
    assert.equal(g.measure, "number of participants");
  });

  it("flags two exact counts that disagree, and groups a repeat within one article", () => {
    const x = makeReading({
      id: "x",
      paragraphs: [
        "The strike on the army convoy killed 80 soldiers, the monitor said.",
        "Of the 80 soldiers killed in the convoy strike, most were conscripts.",
      ],
      figures: [
        { text: "80 soldiers", value: 80, unit: "soldier" },
        { text: "80 soldiers killed", value: 80, unit: "soldier" },
      ],
    });
    const y = makeReading({
      id: "y",
      paragraphs: ["At least 62 soldiers were killed when jets struck the army convoy near the airport."],
      figures: [{ text: "At least 62 soldiers", value: 62, unit: "soldier", precision: "at-least" }],
    });
    const z = makeReading({
      id: "z",
      paragraphs: ["The convoy strike killed 90 soldiers, the army said."],
      figures: [{ text: "90 soldiers", value: 90, unit: "soldier" }],
    });
    const withinOne = groupFigures([x]);
    assert.equal(withinOne.length, 1);
    assert.equal(withinOne[0]?.conflict, false);
    assert.equal(groupFigures([x, y])[0]?.conflict, false, "at least 62 allows 80");
    const all = groupFigures([x, y, z]);
    assert.equal(all.length, 1);
    assert.equal(all[0]?.conflict, true);
  });
});
