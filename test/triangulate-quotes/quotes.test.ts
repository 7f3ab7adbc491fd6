import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { QuoteGroup } from "../../src/model/index.js";
import { groupQuotes } from "../../src/triangulate/quotes.js";
import { makeReading } from "./build.js";

const LONG_ISIS =
  "And we know that this was growing, we were watching, we saw that DAESH [ISIS] was growing in strength, and we thought Assad was threatened";
const LONG_IS =
  "And we know that this was growing, we were watching, we saw that DAESH [the IS] was growing in strength, and we thought Assad was threatened";
const ARGUMENT = "I lost the argument for use of force in Syria";

function groupWith(groups: readonly QuoteGroup[], quoteId: string): QuoteGroup {
  const g = groups.find((x) => x.members.some((m) => m.quote === quoteId));
  assert.ok(g, `a group holds ${quoteId}`);
  return g;
}

function relationOf(group: QuoteGroup, quoteId: string): string | undefined {
  return group.members.find((m) => m.quote === quoteId)?.relation;
}

describe("groupQuotes", () => {
  const a = makeReading({
    id: "a",
    paragraphs: [
      `“${LONG_ISIS},” Kerry said during the meeting.`,
      `“${ARGUMENT},” Kerry concluded.`,
      "“It’s truly complicated,” Kerry said.",
    ],
    quotes: [
      { text: LONG_ISIS, speaker: "John Kerry" },
      { text: ARGUMENT, speaker: "John Kerry" },
      { text: "It’s truly complicated", speaker: "John Kerry" },
    ],
  });
  const b = makeReading({
    id: "b",
    paragraphs: [
      `“${LONG_IS},” Kerry said during the meeting.`,
      `‘”${ARGUMENT},” John Kerry told the members of the opposition.`,
    ],
    quotes: [
      { text: LONG_IS, speaker: "John Kerry" },
      { text: ARGUMENT, speaker: "John Kerry" },
    ],
  });
  const c = makeReading({
    id: "c",
    paragraphs: [
      "The secretary told them: “We saw that DAESH [ISIS] was growing in strength.”",
      "He went on: “And we know that this was growing … and we thought Assad was threatened.”",
      `“${ARGUMENT.toUpperCase()}!” he said, according to the recording.`,
      "Kerry said he had “lost an argument” inside the administration.",
    ],
    quotes: [
      { text: "We saw that DAESH [ISIS] was growing in strength.", speaker: "John Kerry" },
      {
        text: "And we know that this was growing … and we thought Assad was threatened.",
        speaker: "John Kerry",
      },
      { text: `${ARGUMENT.toUpperCase()}!`, speaker: "John Kerry" },
      { text: "lost an argument", speaker: "John Kerry", partial: true },
    ],
  });
  const d = makeReading({
    id: "d",
    paragraphs: [
      `“${ARGUMENT}, and I regret that every day,” the secretary said.`,
      "“It's truly complicated,” a State Department spokesman, John Kirby, said.",
    ],
    quotes: [
      { text: `${ARGUMENT}, and I regret that every day`, speaker: "John Kerry" },
      { text: "It's truly complicated", speaker: "John Kirby" },
    ],
  });
  const groups = groupQuotes([a, b, c, d]);

  it("puts DAESH [ISIS] and DAESH [the IS] in one group as an alteration, keeping the word diff", () => {
    const g = groupWith(groups, "a:q1");
    assert.ok(g.members.some((m) => m.quote === "b:q1"));
    const altered = g.members.filter((m) => m.relation === "altered");
    assert.ok(
      altered.some((m) => m.quote === "a:q1" || m.quote === "b:q1"),
      "one of the two is altered",
    );
    const diff = altered.flatMap((m) => m.diff);
    assert.ok(
      diff.some((p) => p.text === "[ISIS]" && p.op !== "same"),
      JSON.stringify(diff),
    );
    assert.ok(
      diff.some((p) => p.text === "[the IS]" && p.op !== "same"),
      JSON.stringify(diff),
    );
    assert.equal(g.speaker, "John Kerry");
    assert.equal(g.speakerConflict, false);
  });

  it("marks a contiguous piece and an ellipsis-joined piece as trimmed", () => {
    const g = groupWith(groups, "a:q1");
    assert.equal(relationOf(g, "c:q1"), "trimmed");
    assert.equal(relationOf(g, "c:q2"), "trimmed");
    const cut = g.members.find((m) => m.quote === "c:q1");
    assert.ok(cut?.diff.some((p) => p.op === "removed" && /we were watching/.test(p.text)));
  });

  it("ignores case and marks; a longer wording is extended against the widely carried one", () => {
    const g = groupWith(groups, "a:q2");
    assert.equal(g.text, ARGUMENT);
    assert.equal(relationOf(g, "a:q2"), "identical");
    assert.equal(relationOf(g, "b:q2"), "identical");
    assert.equal(relationOf(g, "c:q3"), "identical");
    assert.equal(relationOf(g, "d:q1"), "extended");
    const ext = g.members.find((m) => m.quote === "d:q1");
    assert.ok(ext?.diff.some((p) => p.op === "added" && /regret/.test(p.text)));
  });

  it("keeps a three-word partial quote apart from the long quote it resembles", () => {
    const g = groupWith(groups, "c:q4");
    assert.equal(g.members.length, 1);
  });

  it("flags a speaker conflict when outlets name different people", () => {
    const g = groupWith(groups, "a:q3");
    assert.ok(
      g.members.some((m) => m.quote === "d:q2"),
      "same short quote, other apostrophe, grouped",
    );
    assert.equal(g.speakerConflict, true);
  });

  it("numbers groups by first appearance", () => {
    assert.deepEqual(
      groups.map((g) => g.id),
      groups.map((_, i) => `qg${i + 1}`),
    );
    assert.equal(groupWith(groups, "a:q1").id, "qg1");
    assert.equal(groupWith(groups, "a:q2").id, "qg2");
  });
});

describe("groupQuotes, harder cases", () => {
  it("groups two overlapping quotes of one article and keeps a member for each", () => {
    const first =
      "ISIS was threatening the possibility of going to Damascus and so forth. We were watching. We saw that [ISIS] was growing in strength.";
    const r = makeReading({
      id: "x",
      paragraphs: [`“${first}”`, `“${LONG_ISIS},” Kerry said.`],
      quotes: [
        { text: first, speaker: "John Kerry" },
        { text: LONG_ISIS, speaker: "John Kerry" },
      ],
    });
    const groups = groupQuotes([r]);
    assert.equal(groups.length, 1);
    assert.deepEqual(
      groups[0]?.members.map((m) => m.quote),
      ["x:q1", "x:q2"],
    );
  });

  it("links a paraphrase by the same speaker, but not the same words from someone else", () => {
    const p1 = "Assad felt threatened because the terrorist group grew stronger across Syria";
    const p2 = "we thought the terrorist group was getting stronger in Syria, so Assad would feel threatened";
    const r1 = makeReading({
      id: "p1",
      paragraphs: [`“${p1},” he said.`],
      quotes: [{ text: p1, speaker: "John Kerry" }],
    });
    const r2 = makeReading({
      id: "p2",
      paragraphs: [`“${p2},” he said.`],
      quotes: [{ text: p2, speaker: "Kerry" }],
    });
    const r3 = makeReading({
      id: "p3",
      paragraphs: [`“${p2},” she said.`],
      quotes: [{ text: p2, speaker: "Marcell Shehwaro" }],
    });
    const linked = groupQuotes([r1, r2]);
    assert.equal(linked.length, 1);
    assert.deepEqual(linked[0]?.members.map((m) => m.relation).sort(), ["identical", "paraphrased"]);
    assert.equal(groupQuotes([r1, r3]).length, 2);
  });

  it("keeps unrelated quotes of one speaker apart", () => {
    const r = makeReading({
      id: "u",
      paragraphs: [
        "“We’re trying to pursue the diplomacy, and I understand it’s frustrating,” Kerry said.",
        "“The problem is we in the US care about international law and Russia does not,” he said.",
      ],
      quotes: [
        {
          text: "We’re trying to pursue the diplomacy, and I understand it’s frustrating",
          speaker: "John Kerry",
        },
        {
          text: "The problem is we in the US care about international law and Russia does not",
          speaker: "John Kerry",
        },
      ],
    });
    assert.equal(groupQuotes([r]).length, 2);
  });

  it("finds one group per quote across a hundred copies of thirty quotes", () => {
    const places =
      "Aleppo Homs Idlib Raqqa Deir Daraa Hama Latakia Tartus Palmyra Kobani Manbij Afrin Qamishli Hasakah Douma Zabadani Madaya Quneitra Suwayda Jarablus Azaz Tabqa Mayadin Bukamal Saraqib Maarat Jisr Talbiseh Rastan".split(
        " ",
      );
    const things =
      "bread fuel medicine water blankets generators ambulances tents insulin vaccines flour diesel batteries antibiotics stretchers doctors engineers teachers cement glass seeds fertiliser cables pumps radios trucks tyres masks gloves bandages".split(
        " ",
      );
    const groups2 =
      "volunteers nurses monitors inspectors clerics farmers lawyers students mayors drivers pilots traders elders mediators observers medics rescuers couriers bakers welders plumbers tailors miners fishermen shepherds guards judges reporters auditors surveyors".split(
        " ",
      );
    const sentences = places.map(
      (place, i) =>
        `${place} needs ${things[i]} urgently, and the ${groups2[i]} there reported ${i + 3} incidents`,
    );
    const readings = Array.from({ length: 100 }, (_, v) =>
      makeReading({
        id: `v${v}`,
        paragraphs: sentences.map((s) => `“${v % 2 ? s : s.toLowerCase()},” the envoy said.`),
        quotes: sentences.map((s) => ({ text: v % 2 ? s : s.toLowerCase(), speaker: "Staffan de Mistura" })),
      }),
    );
    const groups = groupQuotes(readings);
    assert.equal(groups.length, 30);
    assert.ok(
      groups.every((g) => g.members.length === 100 && g.members.every((m) => m.relation === "identical")),
    );
  });
});
