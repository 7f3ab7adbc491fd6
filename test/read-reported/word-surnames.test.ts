import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contentWith, mentionOf, read } from "./helpers.js";

/** Surnames that are also English words: the tagger reads them as a modal, an adverb or a verb. */
describe("surnames spelled like words before a verb of saying", () => {
  it("a modal-looking surname opening the sentence is the subject ('May said', 'May told')", () => {
    const r = read([
      "Prime Minister Theresa May spoke in London on Monday.",
      "May said the talks would resume next week.",
      "May told reporters the deal was done.",
    ]);
    for (const content of ["the talks would resume", "the deal was done"]) {
      const q = contentWith(r, content);
      assert.equal(mentionOf(r, q), "May");
      assert.equal(q.speaker, "Theresa May");
    }
  });

  it("'Will urged' and a closing quotation's '…,” Will said' name the columnist", () => {
    const r = read([
      "Columnist George Will wrote about the race on Friday.",
      "Will urged the Republican electorate to abandon all outsider candidates.",
      "“The race is over,” Will said.",
    ]);
    assert.equal(mentionOf(r, contentWith(r, "the Republican electorate")), "Will");
    const direct = r.quotes.find((q) => q.text.includes("The race is over"));
    assert.ok(direct);
    assert.equal(mentionOf(r, direct), "Will");
  });

  it("a surname the tagger reads as a verb speaks a quotation ('…,” Read said')", () => {
    const r = read([
      "Pfizer chief executive Ian Read spoke to analysts on Monday.",
      "“We believe this deal is a great deal for shareholders,” Read said.",
    ]);
    const q = r.quotes.find((x) => x.text.includes("great deal for shareholders"));
    assert.ok(q);
    assert.equal(mentionOf(r, q), "Read");
  });

  it("an adverb-looking surname the article writes as a name is the subject, not part of the cue", () => {
    const r = read([
      "Rep. David Jolly spoke at the forum on Monday.",
      "Jolly said he would be cautious in restructuring federal education spending.",
    ]);
    const q = contentWith(r, "he would be cautious");
    assert.equal(q.cue, "said");
    assert.equal(mentionOf(r, q), "Jolly");
    assert.equal(q.speaker, "David Jolly");
  });

  it("a surname spelled like a preposition speaks its quotation ('…,” From said')", () => {
    const r = read([
      "Al From founded the Democratic Leadership Council.",
      "“In this case, people point the finger at Wall Street,” From said.",
    ]);
    const q = r.quotes.find((x) => x.text.includes("point the finger"));
    assert.ok(q);
    assert.equal(mentionOf(r, q), "From");
  });

  it("a name the tagger reads as a verb everywhere, before 'itself said' ('Ford itself said')", () => {
    const r = read([
      "Trump was wrong about Ford canceling its plant in Mexico.",
      "Ford itself said the deal was on.",
      "“We are ready,” the company itself said.",
    ]);
    assert.equal(mentionOf(r, contentWith(r, "the deal was on")), "Ford");
    const q = r.quotes.find((x) => x.text.includes("We are ready"));
    assert.ok(q);
    assert.equal(mentionOf(r, q), "the company");
  });

  it("a headline's capitalised adverb stays in its cue ('Sharpton Just Said')", () => {
    const r = read([
      "Wow: Al Sharpton Just Said Something Unexpected About Donald Trump – It Might Surprise You.",
      "The remark came on Monday.",
    ]);
    const q = contentWith(r, "Something Unexpected");
    assert.equal(mentionOf(r, q), "Sharpton");
  });
});
