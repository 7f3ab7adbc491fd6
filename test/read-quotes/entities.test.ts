import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { read } from "./helpers.js";

describe("findEntities", () => {
  const { entities } = read([
    "US Secretary of State John Kerry met Syrian opposition members in New York, the New York Times reported.",
    "Although the meeting was private, Mr. Kerry’s remarks were recorded. Kerry said the State Department would respond.",
    "State Department spokesman John Kirby declined to comment. A civil engineer named Mustafa Alsyofi attended.",
    "Russian and Syrian forces bombed the city of Aleppo. CNN and the UN reported the strikes.",
  ]);
  const byName = (name: string) => entities.find((e) => e.name === name);

  it("merges title, surname and possessive variants under the full name", () => {
    const kerry = byName("John Kerry");
    assert.ok(kerry);
    assert.equal(kerry.type, "person");
    const texts = kerry.mentions.map((m) => m.text);
    assert.deepEqual(texts, ["John Kerry", "Kerry", "Kerry"]);
    assert.ok(kerry.roles.includes("US Secretary of State"));
    assert.ok(kerry.roles.includes("Mr."));
  });

  it("keeps lower-case roles before a name", () => {
    assert.deepEqual(byName("John Kirby")?.roles, ["State Department spokesman"]);
    assert.deepEqual(byName("Mustafa Alsyofi")?.roles, ["A civil engineer"]);
  });

  it("types organisations by cue words and acronyms, places by country list and context", () => {
    assert.equal(byName("New York Times")?.type, "organization");
    assert.equal(byName("State Department")?.type, "organization");
    assert.equal(byName("CNN")?.type, "organization");
    assert.equal(byName("UN")?.type, "organization");
    assert.equal(byName("Aleppo")?.type, "place");
  });

  it("does not make sentence-initial words or nationality adjectives entities", () => {
    for (const word of ["Although", "Russian", "Syrian", "A"]) assert.equal(byName(word), undefined, word);
  });

  it("gives ids in order of first mention", () => {
    assert.deepEqual(
      entities.map((e) => e.id),
      entities.map((_, i) => `t:e${i}`),
    );
  });
});
