/** Per-article features: determinism, exact-duplicate normalisation, canonical URLs, names, dates, MinHash. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { base64ToU32 } from "../../src/corpus/hash.js";
import { canonicalUrl, docFeatures, minhashOf } from "../../src/corpus/index.js";
import { LEAD_WEIGHT, MINHASH_HASHES } from "../../src/corpus/knobs.js";
import { ORIGINAL, QUAKE_A, QUAKE_B, REPOST } from "./fixtures.js";

function jaccardEstimate(a: string, b: string): number {
  const x = minhashOf(a)!;
  const y = minhashOf(b)!;
  let same = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === y[i]) same++;
  return same / x.length;
}

describe("docFeatures", () => {
  it("is deterministic and plain JSON", () => {
    const f = docFeatures(QUAKE_A[0]!);
    assert.deepEqual(docFeatures(QUAKE_A[0]!), f);
    assert.deepEqual(JSON.parse(JSON.stringify(f)), f);
    assert.equal(base64ToU32(f.minhash!)!.length, MINHASH_HASHES);
  });

  it("gives one text hash to texts that differ only in case, spacing, punctuation and quote marks", () => {
    const a = docFeatures({ id: "a", text: "The Mayor’s plan:  close the BRIDGE, now!\nSaid he." });
    const b = docFeatures({ id: "b", text: "the mayor's plan close the bridge now said he" });
    const c = docFeatures({ id: "c", text: "the mayor's plan close the bridge later said he" });
    assert.equal(a.textHash, b.textHash);
    assert.notEqual(a.textHash, c.textHash);
  });

  it("canonicalises URLs: scheme, www, tracking parameters, fragment, trailing slash, AMP", () => {
    const base = "example.com/news/2014/quake";
    assert.equal(canonicalUrl("https://www.Example.com/news/2014/quake/?utm_source=tw&fbclid=x#top"), base);
    assert.equal(canonicalUrl("http://m.example.com/news/2014/quake/amp"), base);
    assert.equal(canonicalUrl("example.com/news/2014/quake"), base);
    assert.equal(canonicalUrl("https://example.com/story?id=7&utm_medium=x"), "example.com/story?id=7");
    assert.notEqual(
      canonicalUrl("https://example.com/story?id=7"),
      canonicalUrl("https://example.com/story?id=8"),
    );
    assert.equal(canonicalUrl("mailto:x@example.com"), null);
    assert.equal(canonicalUrl(""), null);
    assert.equal(canonicalUrl(null), null);
  });

  it("finds names by capitalisation, not sentence-initial common words or title-case headlines", () => {
    const f = docFeatures({
      id: "n",
      text: "Lindsay Lohan Checks Into Rehab Facility\nPolice said Lindsay Lohan checked into the Betty Ford Center on Friday.\nThe police were not involved, Lohan said.",
    });
    const names = new Set(f.entities.map(([k]) => k));
    assert.ok(names.has("lindsay lohan"), JSON.stringify(f.entities));
    assert.ok(names.has("betty ford center"));
    assert.ok(!names.has("police"), "a sentence-initial word written in lower case elsewhere is no name");
    assert.ok(!names.has("checks") && !names.has("rehab"), "title-case words are not names");
    assert.ok(!names.has("friday"));
  });

  it("weighs words and names of the lead over those of the background", () => {
    const f = docFeatures({
      id: "lead",
      text: `Gulls defensive tackle Tomas Okafor was arrested on suspicion of drunken driving early Sunday, the second such arrest of a Gulls player in less than a month.
He was pulled over for speeding on a freeway outside downtown, failed a sobriety test and spent the night in a police station before he was released on bail in the afternoon. The team said it was aware of the arrest and would say nothing more until it had spoken to him and to his agent.
In January, receiver Marcus Reyes was stopped by Highway Patrol officers and charged.`,
    });
    const count = (list: readonly [string, number][], key: string) => list.find(([k]) => k === key)?.[1];
    assert.ok(count(f.entities, "okafor")! > count(f.entities, "reyes")!, JSON.stringify(f.entities));
    assert.ok(count(f.terms, "tackle")! > count(f.terms, "receiver")!, JSON.stringify(f.terms));
    assert.equal(count(f.terms, "tackle"), LEAD_WEIGHT);
    const lead = f.leadNames.map(([k]) => k);
    assert.ok(lead.includes("okafor") && lead.includes("gulls"), JSON.stringify(f.leadNames));
    assert.ok(!lead.includes("reyes"), JSON.stringify(f.leadNames));
  });

  it("finds the people of the lead by first and last name, and keeps their surnames", () => {
    const f = docFeatures({
      id: "people",
      text: `Golden Eagles midfielder Tomas Kerr was arrested in Los Angeles on Saturday after a fight outside a bar, the San Jose Rapids said, days after the Golden Eagles sold him to them.
Kerr was held overnight and released without charge. His agent said Kerr regretted the incident. The club's statement added that it was working with police, and that he would train with the squad on Monday as planned.
The Rapids signed the striker Owen Baptiste in the same window; Baptiste said he had not spoken to his new teammate.`,
    });
    // "Golden Eagles" is never written apart, "Los Angeles" is a city, "San Jose Rapids" starts
    // with one: none is a person. Baptiste is a person, but of the background, not the lead.
    assert.deepEqual(f.leadPeople, ["kerr"]);
  });

  it("finds a lead person named after an office of several words", () => {
    const f = docFeatures({
      id: "office",
      text: `Energy Secretary Dana Whitfield ordered a review of offshore drilling permits on Thursday, a week after the pipeline spill off the Gulf coast.
Whitfield told reporters that no new permits would be signed until the review was done. Oregon Gov. Paul Okonjo, who had asked for the review, welcomed it.`,
    });
    assert.deepEqual(f.leadPeople, ["whitfield"]);
  });

  it("finds lead people whose given name or surname is also a group word", () => {
    const f = docFeatures({
      id: "group-word-names",
      text: `Christian Bale will play Steve Jobs in the studio's film about the Apple founder, and Betty White joins the cast, the studio said on Monday.
Bale signed on after weeks of talks; White said the script had won her over. Christian Democrats in Berlin called the casting a coup for the studio.`,
    });
    // "Christian Democrats" is a party, not a person named Democrats.
    assert.deepEqual(f.leadPeople, ["bale", "white"]);
  });

  it("matches a lead person's particle surname with and without its particle", () => {
    const f = docFeatures({
      id: "particle",
      text: `Militant commander Abu Yusuf Al-Masri was killed in an airstrike on Tuesday, officials said.
In a statement, the group confirmed that Masri had died and named his successor.`,
    });
    assert.deepEqual(f.leadPeople, ["al-masri", "masri"]);
  });

  it("reads dates, the dateline day, figures and the publication day", () => {
    const f = docFeatures({ ...QUAKE_A[0]!, published: "2011-03-04T08:00:00Z" });
    const dates = new Set(f.dates.map(([k]) => k));
    assert.ok(
      dates.has("y:2011") && dates.has("ym:2011-03") && dates.has("md:03-03"),
      JSON.stringify(f.dates),
    );
    assert.equal(f.lead, Date.UTC(2011, 2, 3) / 86_400_000);
    assert.equal(f.published, Date.UTC(2011, 2, 4) / 86_400_000);
    const numbers = new Set(f.numbers.map(([k]) => k));
    assert.ok(numbers.has("6.4") && numbers.has("41") && numbers.has("24"), JSON.stringify(f.numbers));
    assert.ok(!numbers.has("3"), "the day of a date is not a figure");
    assert.ok(f.quotes.length > 0);
  });

  it("keys the first year of the lead apart, so two editions of one event differ on it", () => {
    const later = docFeatures({
      id: "later",
      text: `Valdoria votes in two-party election / 14 October 2019
Voters in Valdoria went to the polls on Sunday in the country's first parliamentary election with two parties on the ballot.
Observers said turnout was lower than in 2014, when a single party ran for all 90 seats.`,
    });
    const earlier = docFeatures({
      id: "earlier",
      text: `Voters in Valdoria went to the polls on Sunday in a parliamentary election with a single party on the ballot, the first since a new constitution was adopted in 2009.
Election officials said 2014 would be remembered as the year the country finally voted.`,
    });
    const iso = docFeatures({
      id: "iso",
      text: "2019-10-14 Valdoria counts the votes of its two-party election.",
    });
    const keys = (f: { dates: readonly [string, number][] }) => new Set(f.dates.map(([k]) => k));
    assert.ok(keys(later).has("ly:2019") && !keys(later).has("ly:2014"), JSON.stringify(later.dates));
    assert.ok(keys(later).has("y:2014"), "a background year is still a year");
    // The earlier report names 2014 as a year too, but only its lead year is its event's.
    assert.ok(keys(earlier).has("ly:2009") && !keys(earlier).has("ly:2014"), JSON.stringify(earlier.dates));
    assert.ok(keys(iso).has("ly:2019"), JSON.stringify(iso.dates));
  });
  it("keeps quote shingles so that a trimmed quote still matches", () => {
    const a = docFeatures({
      id: "a",
      text: 'He said: "We cannot wait for a bridge to fall before we act," at the meeting.',
    });
    const b = docFeatures({ id: "b", text: 'Solberg: "We cannot wait for a bridge to fall."' });
    const shared = a.quotes.filter(([k]) => b.quotes.some(([j]) => j === k));
    assert.ok(shared.length >= 3, `${shared.length} shared quote shingles`);
  });
});

describe("MinHash", () => {
  it("estimates a high Jaccard for a repost and a low one for different stories", () => {
    const near = jaccardEstimate(ORIGINAL.text, REPOST.text);
    const far = jaccardEstimate(QUAKE_A[0]!.text, QUAKE_B[0]!.text);
    assert.ok(near >= 0.8, `repost ${near}`);
    assert.ok(far <= 0.1, `different quakes ${far}`);
  });

  it("is the same signature on every run (fixed seed)", () => {
    assert.deepEqual(minhashOf(ORIGINAL.text), minhashOf(ORIGINAL.text));
    assert.equal(docFeatures(ORIGINAL).minhash, docFeatures({ ...ORIGINAL, id: "other" }).minhash);
  });
});
