/**
 * The read-stage facts on the seed story, each article built by hand from its paragraphs (the
 * cleaner is tested on its own): figures, dates, attributions and claims a reader relies on.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Article, Sentence } from "../../src/model/index.js";
import { findAttributions } from "../../src/read/attributions.js";
import { findClaims } from "../../src/read/claims.js";
import { findDates } from "../../src/read/dates.js";
import { findFigures } from "../../src/read/figures.js";
import { makeArticle } from "../articles.js";
import { HAVE_SEEDS, SEEDS_DIR } from "../paths.js";
import { naiveSentences } from "./helpers.js";

/** The paragraphs of a seed from the one opening with `first` to the one opening with `last`. */
function seedParagraphs(prefix: string, first: string, last: string): string[] {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  assert.ok(file, `seed ${prefix}`);
  const paragraphs = readFileSync(join(SEEDS_DIR, file), "utf8")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith("READ ALSO"));
  const from = paragraphs.findIndex((p) => p.startsWith(first));
  const to = paragraphs.findIndex((p) => p.startsWith(last));
  assert.ok(from >= 0 && to >= from, `${prefix}: paragraphs ${first} … ${last}`);
  return paragraphs.slice(from, to + 1);
}

function build(
  prefix: string,
  first: string,
  last: string,
  opts: Parameters<typeof makeArticle>[1] = {},
): { article: Article; sentences: Sentence[] } {
  const article = makeArticle(seedParagraphs(prefix, first, last), { id: prefix, ...opts });
  return { article, sentences: naiveSentences(article) };
}

describe("read facts on the seed story", { skip: !HAVE_SEEDS && "../shared/seeds absent" }, () => {
  it("001: a 35 minute conversation and 80 soldiers, according to Wikileaks", () => {
    const { article, sentences } = build(
      "001",
      "On Wednesday, Wikileaks released",
      "The full audio has never",
    );
    const figures = findFigures(article, sentences);
    const minutes = figures.find((f) => f.unit === "minute");
    assert.equal(minutes?.value, 35);
    assert.equal(minutes?.measure, "conversation");
    const soldiers = figures.find((f) => f.unit === "soldier");
    assert.equal(soldiers?.value, 80);
    assert.equal(soldiers?.text, "80 Syrian soldiers");
    const outlets = findAttributions(article, sentences, []).map((a) => `${a.cue} ${a.outlet}`);
    assert.ok(outlets.includes("according to Wikileaks"), outlets.join("; "));
    assert.ok(outlets.includes("published by The New York Times"), outlets.join("; "));
  });

  it("002: a 35 minute conversation, according to Wikileaks", () => {
    const { article, sentences } = build("002", "BEIRUT", "The audio was originally leaked");
    const minutes = findFigures(article, sentences).filter((f) => f.unit === "minute");
    assert.deepEqual(
      minutes.map((f) => [f.value, f.measure]),
      [[35, "conversation"]],
    );
    const figures = findFigures(article, sentences);
    assert.ok(!figures.some((f) => f.value === 2 || f.value === 20), "the dateline's 2:20 P.M. is a time");
    const outlets = findAttributions(article, sentences, []).map((a) => a.outlet);
    assert.ok(outlets.includes("Wikileaks"));
    assert.ok(outlets.includes("The New York Times"), "NY Times, leaked to");
  });

  it("003: figures, dates and attributions of the newspaper relay", () => {
    const { article, sentences } = build(
      "003",
      "US Secretary of State John Kerry repeatedly",
      "The New York Times said State",
      {
        published: "2016-10-01T17:14:58",
      },
    );
    const figures = findFigures(article, sentences);
    const summary = figures.map((f) => [f.value, f.upper, f.unit, f.measure, f.precision]);
    assert.deepEqual(summary, [
      [40, null, "minute", "discussion", "exact"],
      [3, 4, "person", null, "range"],
      [20, null, "participant", null, "approximate"],
      [4, null, "group", null, "exact"],
      [3, 4, "country", null, "range"],
    ]);

    const dates = findDates(article, sentences);
    const sept22 = dates.find((d) => d.text === "22 September");
    assert.equal(sept22?.value, "2016-09-22");
    const lastWeek = dates.find((d) => d.text === "last week");
    assert.equal(lastWeek?.granularity, "week");
    assert.equal(lastWeek?.value, "2016-09-19");

    const attributions = findAttributions(article, sentences, []);
    const text = (a: (typeof attributions)[number]) => article.body.slice(a.start, a.end);
    assert.deepEqual(
      attributions.map((a) => [text(a), a.outlet]),
      [
        ["the New York Times revealed", "The New York Times"],
        ["the newspaper reported", "The New York Times"],
        ["The New York Times said", "The New York Times"],
        ["It said", "The New York Times"],
        ["The New York Times said", "The New York Times"],
        ["MEMO reported", "MEMO"],
      ],
    );
  });

  it("000: the headline is c0, and the intent sentence is a body claim", () => {
    const title = "Leaked John Kerry Audio: Obama White House Wanted ISIS to Flourish in Syria";
    const { article, sentences } = build("000", "Obama and John", "The U.S. knew their presence", { title });
    const claims = findClaims(article, sentences, []);
    assert.deepEqual(claims[0], { id: "000:c0", text: title, role: "headline", span: null, sentence: null });
    const intent = claims.find((c) =>
      c.text.startsWith("In order to achieve that goal, the White House wanted"),
    );
    assert.ok(intent, claims.map((c) => c.text).join("\n"));
    assert.equal(intent.role, "body");
    assert.ok(!claims.some((c) => c.text === "Here is the audio in full."));
    assert.ok(!claims.some((c) => /^“I lost the argument/.test(c.text)), "a pure quote is not a claim");
    assert.ok(claims.length <= 13);
    claims.forEach((c, i) => {
      assert.equal(c.id, `000:c${i}`);
    });
  });
});
