import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Attribution, Entity } from "../../src/model/index.js";
import { findAttributions } from "../../src/read/attributions.js";
import { sentencesOf } from "./helpers.js";

function attributionsIn(paragraphs: string[], entities: Entity[] = []): Attribution[] {
  const { article, sentences } = sentencesOf(paragraphs);
  const got = findAttributions(article, sentences, entities);
  for (const a of got) assert.ok(a.start >= 0 && a.end <= article.body.length && a.start < a.end);
  return got;
}

function outlets(paragraphs: string[], entities: Entity[] = []): [string, string][] {
  return attributionsIn(paragraphs, entities).map((a) => [a.outlet, a.cue]);
}

describe("findAttributions", () => {
  it("credits a named outlet with its reporting verb", () => {
    const got = attributionsIn([
      "Kerry complained that his diplomacy “lacked a serious threat of military force”, the New York Times revealed.",
    ]);
    assert.equal(got.length, 1);
    assert.equal(got[0]!.outlet, "The New York Times");
    assert.equal(got[0]!.cue, "revealed");
    assert.equal(got[0]!.sentence, 0);
  });

  it("resolves “the newspaper” to the outlet named before it", () => {
    const got = attributionsIn([
      "The Washington Post first reported the memo on Monday.",
      "The memo was written in March, the newspaper reported, citing two officials.",
    ]);
    assert.deepEqual(
      got.map((a) => [a.outlet, a.sentence]),
      [
        ["The Washington Post", 0],
        ["The Washington Post", 1],
      ],
    );
  });

  it("credits organisations with “according to” and “reported”", () => {
    assert.deepEqual(
      outlets([
        "According to Wikileaks, the audio gives a glimpse into what goes on outside official meetings.",
      ]),
      [["Wikileaks", "according to"]],
    );
    assert.deepEqual(
      outlets(["The spokesman declined to comment on a private conversation, MEMO reported."]),
      [["MEMO", "reported"]],
    );
  });

  it("finds each pattern's credit when its cue word is the sentence's only one", () => {
    // The patterns are skipped on sentences without their cue words; each of these has just one.
    assert.deepEqual(outlets(["The ceasefire collapsed within hours, according to Al Jazeera."]), [
      ["Al Jazeera", "according to"],
    ]);
    assert.deepEqual(outlets(["The Washington Post first reported the memo on Tuesday."]), [
      ["The Washington Post", "first reported"],
    ]);
    assert.deepEqual(outlets(["The vote has been delayed until March, wrote the Financial Times."]), [
      ["The Financial Times", "wrote"],
    ]);
  });

  it("credits every outlet of a passive list", () => {
    assert.deepEqual(
      outlets(["Portions of the audio were published at the time by the New York Times and CNN."]),
      [
        ["The New York Times", "published by"],
        ["CNN", "published by"],
      ],
    );
  });

  it("folds abbreviations into one canonical name", () => {
    const got = outlets([
      "The audio was originally leaked to NY Times in late September.",
      "NYT reported that the tape was genuine.",
    ]);
    assert.deepEqual(
      got.map(([o]) => o),
      ["The New York Times", "The New York Times"],
    );
  });

  it("reads “told Reuters” and “in an interview with the BBC”", () => {
    assert.deepEqual(outlets(["A senior official told Reuters that the talks had stalled."]), [
      ["Reuters", "told"],
    ]);
    assert.deepEqual(outlets(["The minister said in an interview with the BBC that he would stay."]), [
      ["BBC", "in an interview with"],
    ]);
  });

  it("does not credit people, even with a reporting verb", () => {
    const people: Entity[] = [
      {
        id: "t:e0",
        type: "person",
        name: "John Kirby",
        mentions: [{ start: 0, end: 10, text: "John Kirby" }],
        roles: [],
      },
    ];
    assert.deepEqual(
      outlets(["Mr. Kerry revealed little about the plan.", "According to Kerry, the plan failed."]),
      [],
    );
    assert.deepEqual(outlets(["John Kirby reported no progress in the talks."], people), []);
  });

  it("does not trust a one-word “person” entity over the pattern", () => {
    const misread: Entity[] = [
      {
        id: "t:e0",
        type: "person",
        name: "Wikileaks",
        mentions: [{ start: 13, end: 22, text: "Wikileaks" }],
        roles: [],
      },
    ];
    assert.deepEqual(outlets(["According to Wikileaks, the audio is genuine."], misread), [
      ["Wikileaks", "according to"],
    ]);
  });

  it("needs an outlet name for “said” and “told”", () => {
    assert.deepEqual(
      outlets([
        "The Pentagon said the strike was a mistake.",
        "He told the members of the Syrian opposition to wait.",
      ]),
      [],
    );
    assert.deepEqual(outlets(["The Guardian said the strike was a mistake."]), [["The Guardian", "said"]]);
  });

  it("continues an outlet into a following “It said”", () => {
    const got = attributionsIn([
      "The New York Times said several people in the meeting pressed Kerry. It said one woman asked how many had to die.",
    ]);
    assert.deepEqual(
      got.map((a) => [a.outlet, a.cue, a.sentence]),
      [
        ["The New York Times", "said", 0],
        ["The New York Times", "said", 1],
      ],
    );
  });

  it("drops clause openers from the credited name", () => {
    const got = attributionsIn(["Then CNN reported that the audio had been edited."]);
    assert.equal(got.length, 1);
    assert.equal(got[0]!.outlet, "CNN");
  });

  it("leaves an unresolvable “the newspaper” alone", () => {
    assert.deepEqual(outlets(["The newspaper reported that the strike killed dozens."]), []);
  });
});
