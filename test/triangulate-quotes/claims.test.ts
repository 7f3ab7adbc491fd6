import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ClaimSupport, Reading, Witness } from "../../src/model/index.js";
import { supportClaims } from "../../src/triangulate/claims.js";
import { groupFigures } from "../../src/triangulate/figures.js";
import { groupQuotes } from "../../src/triangulate/quotes.js";
import { makeReading } from "./build.js";

const WATCHING =
  "ISIS was threatening the possibility of going to Damascus and so forth. We were watching. We saw that [ISIS] was growing in strength.";
const GROWING =
  "And we know that this was growing, we were watching, we saw that DAESH [ISIS] was growing in strength, and we thought Assad was threatened";

const republished = makeReading({
  id: "rep",
  title: "Leaked John Kerry Audio: Obama White House Wanted ISIS to Flourish in Syria",
  paragraphs: [
    "The details were leaked in audio from a secret meeting with members of the Syrian opposition, exposing a 35 minute conversation.",
    `“The reason Russia came in is because ISIS was getting stronger,” Mr. Kerry said on the recording. “${WATCHING}”`,
    `“${GROWING},” Kerry said during the meeting.`,
    "Washington even attacked a government convoy near Deir ez-Zor, killing 80 Syrian soldiers.",
    "The meeting took place days after a ceasefire Kerry had negotiated with Russia collapsed.",
  ],
  quotes: [
    { text: "The reason Russia came in is because ISIS was getting stronger", speaker: "John Kerry" },
    { text: WATCHING, speaker: "John Kerry" },
    { text: GROWING, speaker: "John Kerry" },
  ],
  figures: [
    { text: "35 minute", value: 35, unit: "minute", measure: "conversation" },
    { text: "80 Syrian soldiers", value: 80, unit: "soldier" },
  ],
  claims: [
    "The details were leaked in audio from a secret meeting with members of the Syrian opposition, exposing a 35 minute conversation.",
    "Washington even attacked a government convoy near Deir ez-Zor, killing 80 Syrian soldiers.",
    "The meeting took place days after a ceasefire Kerry had negotiated with Russia collapsed.",
  ],
});

const relay = makeReading({
  id: "relay",
  title: "Kerry Leaked Audio: US Policy in Syria “Lacked a Serious Threat of Military”",
  paragraphs: [
    'US Secretary of State John Kerry repeatedly complained in a meeting last week with Syrian civilians that his diplomacy "lacked a serious threat of military force", the New York Times revealed.',
    "In a leaked audio recording of the 40-minute discussion that took place on 22 September, Kerry said he had lost an argument inside the administration.",
    "The meeting took place days after a ceasefire Kerry had negotiated with Russia had collapsed.",
  ],
  quotes: [{ text: "lacked a serious threat of military force", speaker: "John Kerry", partial: true }],
  figures: [{ text: "40-minute", value: 40, unit: "minute", measure: "discussion" }],
  attributions: [{ text: "the New York Times revealed", outlet: "The New York Times", cue: "revealed" }],
  claims: ["The meeting took place days after a ceasefire Kerry had negotiated with Russia had collapsed."],
});

const blog = makeReading({
  id: "blog",
  title: "Kerry Admits US Will Send Ground Troops to Syria",
  paragraphs: ["According to the recording, Kerry said Washington will send ground troops to Syria."],
  claims: ["According to the recording, Kerry said Washington will send ground troops to Syria."],
});

const wire = makeReading({
  id: "wire",
  paragraphs: [
    "“We will not send ground troops to Syria, and nobody in this administration is arguing for it,” Kerry told the group.",
  ],
  quotes: [
    {
      text: "We will not send ground troops to Syria, and nobody in this administration is arguing for it",
      speaker: "John Kerry",
    },
  ],
});

function analyse(readings: Reading[], witnesses: Witness[]): ClaimSupport[] {
  return supportClaims(readings, {
    quoteGroups: groupQuotes(readings),
    figureGroups: groupFigures(readings),
    witnesses,
  });
}

const ALONE: Witness[] = ["rep", "relay", "blog", "wire"].map((id, i) => ({
  id: `w${i + 1}`,
  articles: [id],
  original: id,
}));

function supportFor(all: readonly ClaimSupport[], claimId: string): ClaimSupport {
  const s = all.find((x) => x.claim === claimId);
  assert.ok(s, `support for ${claimId}`);
  return s;
}

describe("supportClaims", () => {
  const all = analyse([republished, relay, blog, wire], ALONE);

  it("gives one verdict per claim, headline first", () => {
    assert.equal(all.length, 4 + 2 + 2);
    assert.equal(all[0]?.claim, "rep:c0");
  });

  it("does not support an intent headline no quote carries, and says why", () => {
    const s = supportFor(all, "rep:c0");
    assert.equal(s.verdict, "unsupported");
    const reason = s.reasons.find((r) => /intent verb/.test(r));
    assert.ok(reason, s.reasons.join("\n"));
    assert.match(reason, /“Wanted”|“wanted”/);
    assert.match(reason, /John Kerry/);
    assert.match(reason, /we were watching|was growing in strength/i);
  });

  it("supports a headline whose quoted words are in a quote of the named speaker", () => {
    const s = supportFor(all, "relay:c0");
    assert.equal(s.verdict, "supported", s.reasons.join("\n"));
    assert.ok(s.evidence.includes("relay:q1"));
    assert.ok(s.reasons.some((r) => /New York Times/.test(r)));
  });

  it("flags a number no source gives", () => {
    const s = supportFor(all, "rep:c2");
    assert.notEqual(s.verdict, "supported");
    assert.ok(
      s.reasons.some(
        (r) => /80 Syrian soldiers/.test(r) && /no independent version gives this number/.test(r),
      ),
    );
  });

  it("contradicts a claim a quote of the speaker negates", () => {
    const s = supportFor(all, "blog:c1");
    assert.equal(s.verdict, "contradicted", s.reasons.join("\n"));
    assert.ok(s.evidence.includes("wire:q1"));
    assert.ok(s.reasons.some((r) => /not send ground troops/.test(r)));
  });

  it("contradicts a figure an independent version gives otherwise", () => {
    const s = supportFor(all, "rep:c1");
    assert.equal(s.verdict, "contradicted");
    assert.ok(s.evidence.some((e) => e.startsWith("fg")));
    assert.ok(s.reasons.some((r) => /40-minute/.test(r)));
  });

  it("supports a sentence an independent version also reports", () => {
    const s = supportFor(all, "rep:c3");
    assert.equal(s.verdict, "supported", s.reasons.join("\n"));
    assert.ok(s.evidence.includes("relay:c1"));
  });

  it("counts copies of one witness once", () => {
    const copies: Witness[] = [
      { id: "w1", articles: ["rep", "relay"], original: "relay" },
      { id: "w2", articles: ["blog"], original: "blog" },
      { id: "w3", articles: ["wire"], original: "wire" },
    ];
    const s = supportFor(analyse([republished, relay, blog, wire], copies), "rep:c3");
    assert.equal(s.verdict, "unsupported");
    assert.ok(s.reasons.some((r) => /count once/.test(r)));
  });
});

describe("supportClaims, cut quotes and intent wording", () => {
  const FULL = "Note that it represents the US narrative and not necessarily the entire true narrative.";
  const CUT = "it represents the US narrative and the entire true narrative";
  const leaksFull = makeReading({
    id: "full",
    paragraphs: [`According to Wikileaks, “${FULL}”`],
    quotes: [{ text: FULL, speaker: "Wikileaks" }],
  });
  const leaksCut = makeReading({
    id: "cut",
    title: "Wikileaks: Kerry Audio Is “the Entire True Narrative”",
    paragraphs: [
      `Wikileaks says the audio represents the US narrative and the entire true narrative. “${CUT},” Wikileaks wrote.`,
      "Russia was legally allowed to operate in Syria at the invitation of the government.",
    ],
    quotes: [{ text: CUT, speaker: "Wikileaks" }],
    claims: [
      "Wikileaks says the audio represents the US narrative and the entire true narrative.",
      "Russia was legally allowed to operate in Syria at the invitation of the government.",
    ],
  });
  const readings = [leaksFull, leaksCut];
  const witnesses: Witness[] = [
    { id: "w1", articles: ["full"], original: "full" },
    { id: "w2", articles: ["cut"], original: "cut" },
  ];
  const all = analyse(readings, witnesses);

  it("says when the quoted words follow a negation the claim leaves out", () => {
    const s = supportFor(all, "cut:c0");
    assert.notEqual(s.verdict, "supported");
    assert.ok(
      s.reasons.some((r) => /quotation is cut/.test(r) && /“not”/.test(r)),
      s.reasons.join("\n"),
    );
  });

  it("says when the version's own quote dropped a negation the fuller wording has", () => {
    const s = supportFor(all, "cut:c1");
    assert.notEqual(s.verdict, "supported");
    assert.ok(
      s.reasons.some((r) => /leaves out “not” and “necessarily”/.test(r)),
      s.reasons.join("\n"),
    );
  });

  it("does not read a passive permission as an intent", () => {
    const s = supportFor(all, "cut:c2");
    assert.ok(!s.reasons.some((r) => /intent verb/.test(r)), s.reasons.join("\n"));
  });
});
