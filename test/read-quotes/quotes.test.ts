import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { quoteWith, read } from "./helpers.js";

describe("findQuotes: marks and spans", () => {
  it("does not take apostrophes for quotation marks", () => {
    const { quotes } = read([
      "Obama’s aides didn’t expect the ’90s-era plan to work, and the Syrians’ leaders said it was “doomed from the start”.",
    ]);
    assert.deepEqual(
      quotes.map((q) => q.text),
      ["doomed from the start"],
    );
  });

  it("maps every quote span exactly into the body", () => {
    const { article, quotes } = read([
      "“We tried,” Kerry said. ‘It failed,’ he added.",
      "According to Reuters, «the talks collapsed» on Friday.",
    ]);
    assert.equal(quotes.length, 3);
    for (const q of quotes) assert.equal(article.body.slice(q.start, q.end), q.text);
  });

  it("ignores a stray single mark before a double one (‘”I lost …”)", () => {
    const { quotes } = read([
      "John Kerry met the opposition in New York.",
      "‘”I lost the argument for use of force in Syria,” John Kerry told the members of the opposition.",
    ]);
    const q = quoteWith(quotes, "I lost the argument");
    assert.ok(q);
    assert.equal(q.text, "I lost the argument for use of force in Syria");
    assert.equal(q.speaker, "John Kerry");
    assert.equal(q.cue, "told");
  });

  it("gives both pieces of a split quotation the speaker and one continues id", () => {
    const { quotes } = read([
      "“And we were watching,” Kerry said during the meeting.",
      "“(We) thought, however,” he continued to say, “We could probably manage that Assad might then negotiate.”",
    ]);
    const a = quoteWith(quotes, "(We) thought");
    const b = quoteWith(quotes, "We could probably manage");
    assert.ok(a && b);
    assert.equal(a.speaker, "Kerry");
    assert.equal(b.speaker, "Kerry");
    assert.equal(a.cue, "continued to say");
    assert.ok(a.continues !== null && a.continues === b.continues);
  });

  it("follows a quotation over a paragraph break (open paragraph, next opens with a mark)", () => {
    const { quotes } = read([
      "“We have lost everything,” said Fatima Noor, a mother of three. “Our house, our shop, our savings.",
      "“Now we wait for help that never comes.”",
    ]);
    const a = quoteWith(quotes, "Our house");
    const b = quoteWith(quotes, "Now we wait");
    assert.ok(a && b);
    assert.equal(b.speaker, "Fatima Noor");
    assert.ok(a.continues !== null && a.continues === b.continues);
  });

  it("does not open a quotation from an unclosed mark when no paragraph continues it", () => {
    const { quotes } = read([
      "The minister said “we will see what happens next week.",
      "Markets fell on the news.",
    ]);
    assert.deepEqual(quotes, []);
  });

  it("drops one-word scare quotes but keeps attributed ones", () => {
    const { quotes } = read([
      "Obama was counting on ISIS being an ‘ally’ against Assad.",
      "Kerry called the plan “unworkable”.",
    ]);
    assert.deepEqual(
      quotes.map((q) => q.text),
      ["unworkable"],
    );
  });

  it("records the sentence holding the quote and the cue span", () => {
    const { article, sentences, quotes } = read(["The talks ended.", "“We are done,” the Kremlin said."]);
    const q = quotes[0];
    assert.ok(q?.cueSpan);
    assert.equal(sentences[q.sentence]?.text, "“We are done,” the Kremlin said.");
    assert.equal(article.body.slice(q.cueSpan.start, q.cueSpan.end), "said");
  });

  it("finishes on a million quotation marks and on a whole article of unbalanced marks", () => {
    const marks = "“a ".repeat(400_000) + "” b ".repeat(300_000) + '"'.repeat(300_000);
    const { quotes } = read([marks, "“never closed ".repeat(50_000)]);
    assert.ok(Array.isArray(quotes));
    for (const q of quotes) assert.ok(q.end - q.start <= 3_000);
  });
});
