/** The entity metric of bench/read/entity-metric.ts on hand-made documents. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type GoldDocument, normalizeName, scoreEntityDocument } from "../../bench/read/entity-metric.js";

// "Hillary Clinton met Bill Clinton. Clinton spoke on CNN." with offsets written out.
const gold: GoldDocument = {
  entities: [
    {
      name: "Hillary Clinton",
      type: "person",
      mentions: [
        [0, 15],
        [34, 41],
      ],
    },
    { name: "Bill Clinton", type: "person", mentions: [[20, 32]] },
    { name: "CNN", type: "organization", mentions: [[51, 54]] },
  ],
  ignore: [[60, 70]],
};

describe("entity metric", () => {
  it("scores exact and overlapping spans with the type", () => {
    const s = scoreEntityDocument(gold, [
      {
        name: "Hillary Clinton",
        type: "person",
        mentions: [
          { start: 0, end: 15 },
          { start: 34, end: 41 },
        ],
      },
      { name: "Bill Clinton", type: "person", mentions: [{ start: 25, end: 32 }] },
      { name: "CNN", type: "place", mentions: [{ start: 51, end: 54 }] },
      { name: "Show", type: "person", mentions: [{ start: 62, end: 66 }] },
    ]);
    assert.equal(s.counts.predictedMentions, 3, "the place is not scored, the ignored span is left out");
    assert.equal(s.counts.exactRight, 2);
    assert.equal(s.counts.overlapRight, 3);
    assert.equal(s.counts.exactAnyType, 3, "CNN's span is found, typed wrong");
    assert.equal(s.counts.entitiesRight, 2);
    assert.equal(s.counts.predictedEntities, 2);
  });

  it("scores merging: a split gold entity and a predicted entity mixing two", () => {
    const s = scoreEntityDocument(gold, [
      {
        name: "Bill Clinton",
        type: "person",
        mentions: [
          { start: 20, end: 32 },
          { start: 34, end: 41 },
        ],
      },
      { name: "Hillary Clinton", type: "person", mentions: [{ start: 0, end: 15 }] },
    ]);
    assert.equal(s.counts.multiMentionGold, 1);
    assert.equal(s.counts.wholeGold, 0, "Hillary's mentions sit in two predicted entities");
    assert.equal(s.counts.mixedPredicted, 1, "the Bill entity holds a mention of Hillary");
    assert.ok(s.counts.b3Precision / s.counts.b3Mentions < 1);
    assert.deepEqual(s.mixed, [["Bill Clinton", ["Bill Clinton", "Hillary Clinton"]]]);
  });

  it("normalises names for the entity match", () => {
    assert.equal(normalizeName("The  New York Times"), "new york times");
    assert.equal(normalizeName("James O’Neill"), "james o'neill");
  });
});
