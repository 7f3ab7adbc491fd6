/** Named people, organisations and places on hand-written news text: each heuristic of the name finder. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Entity } from "../../src/model/index.js";
import {
  colonHeadingLength,
  gluedWords,
  hyphenNamePart,
  initialPositions,
  isBrandCased,
  isDateline,
  isHeadline,
  isLabelLine,
  isNonEntityName,
  kinshipIntroduced,
} from "../../src/read/entities/candidates.js";
import { findEntities } from "../../src/read/entities.js";
import { plainTokens, sentenceTokens, type Token } from "../../src/read/nlp.js";
import { splitSentences } from "../../src/read/sentences.js";
import { makeArticle } from "../articles.js";

function entitiesOf(paragraphs: string[]): Entity[] {
  const a = makeArticle(paragraphs);
  return findEntities(a, splitSentences(a));
}

function tagged(text: string): Token[] {
  const a = makeArticle([text]);
  return sentenceTokens(splitSentences(a)).flat();
}

function named(entities: readonly Entity[], name: string): Entity | undefined {
  return entities.find((e) => e.name === name);
}

function mentionTexts(e: Entity | undefined): string[] {
  return (e?.mentions ?? []).map((m) => m.text);
}

describe("entities: merging by surname and first name", () => {
  const entities = entitiesOf([
    "Former President Bill Clinton campaigned in Ohio on Monday for his wife Hillary Clinton.",
    "“The plan works,” Clinton told supporters, before Bill Clinton’s motorcade left for Dayton.",
    "Hillary Clinton was in Florida, where Mrs. Clinton and her daughter Chelsea Clinton met voters.",
  ]);

  it("gives the bare surname to the first-named bearer, never to one introduced as a relative", () => {
    const bill = named(entities, "Bill Clinton");
    assert.deepEqual(mentionTexts(bill), ["Bill Clinton", "Clinton", "Bill Clinton"]);
    // "Mrs. Clinton" is hers: the title's gender matches the one "his wife" gave her.
    assert.deepEqual(mentionTexts(named(entities, "Hillary Clinton")), [
      "Hillary Clinton",
      "Hillary Clinton",
      "Clinton",
    ]);
    assert.deepEqual(mentionTexts(named(entities, "Chelsea Clinton")), ["Chelsea Clinton"]);
  });

  it("merges a titled surname ('Mrs. Clinton') by the same rule and never crosses a first name", () => {
    const all = entities.filter((e) => e.name.endsWith("Clinton"));
    assert.equal(all.length, 3, JSON.stringify(all.map((e) => e.name)));
  });

  it("merges a lone first name and a family-name-first surname into the one full name", () => {
    const es = entitiesOf([
      "Melania Trump spoke in Cleveland. Melania said she was proud.",
      "U.N. Secretary General Ban Ki-moon arrived on Sunday. Mr. Ban met the foreign ministers.",
    ]);
    assert.deepEqual(mentionTexts(named(es, "Melania Trump")), ["Melania Trump", "Melania"]);
    assert.deepEqual(mentionTexts(named(es, "Ban Ki-moon")), ["Ban Ki-moon", "Ban"]);
  });

  it("keeps a surname particle ('De Blasio' after 'Bill de Blasio')", () => {
    const es = entitiesOf([
      "De Blasio says the blast was intentional.",
      "Mayor Bill de Blasio spoke to reporters late on Saturday.",
    ]);
    assert.deepEqual(mentionTexts(named(es, "Bill de Blasio")), ["De Blasio", "Bill de Blasio"]);
  });
});

describe("entities: headlines, labels and sentence starts", () => {
  it("finds the body's names again in a title-case headline, and nothing else there", () => {
    const es = entitiesOf([
      "Senator Slams Pentagon Over Budget Plan, Elizabeth Warren Says",
      "Sen. Elizabeth Warren criticised the plan on Tuesday. Warren said the Pentagon had ignored Congress.",
    ]);
    assert.deepEqual(mentionTexts(named(es, "Elizabeth Warren")), [
      "Elizabeth Warren",
      "Elizabeth Warren",
      "Warren",
    ]);
    assert.equal(named(es, "Budget Plan"), undefined);
    assert.equal(named(es, "Senator Slams Pentagon"), undefined);
  });

  it("reads signature lines word by word: a name stays, a section label of ordinary words goes", () => {
    const es = entitiesOf([
      "Human Rights.",
      "The council has failed on human rights, and the rights of refugees are ignored.",
      "Maria Gonzalez.",
    ]);
    assert.ok(named(es, "Maria Gonzalez"));
    assert.equal(named(es, "Human Rights"), undefined);
  });

  it("takes back a sentence-initial given name the first pass doubted ('Bill' is a word too)", () => {
    const es = entitiesOf([
      "Bill Clinton calls the bill a mistake.",
      "Former President Bill Clinton spoke in Flint.",
    ]);
    assert.deepEqual(mentionTexts(named(es, "Bill Clinton")), ["Bill Clinton", "Bill Clinton"]);
  });

  it("drops a verb opening a quotation before a known name (“Notice Trump sniffing”)", () => {
    const es = entitiesOf(["Donald Trump spoke. Dean tweeted, “Notice Trump sniffing all the time.”"]);
    assert.deepEqual(mentionTexts(named(es, "Donald Trump")), ["Donald Trump", "Trump"]);
  });

  it("does not make abbreviated months, pronouns or indefinite pronouns people", () => {
    const es = entitiesOf([
      "The memorial on Sept. 11 was crowded. Neither do I. None of them came back. Everything Smith said was true.",
    ]);
    for (const w of ["Sept.", "Sept", "I", "None", "Everything Smith"])
      assert.equal(named(es, w), undefined, w);
    assert.ok(named(es, "Smith"));
  });

  it("treats all-capital transcript labels as speakers", () => {
    const es = entitiesOf([
      "Moderator Lester Holt opened the debate.",
      "HOLT: Good evening.",
      "TRUMP: Thank you.",
    ]);
    assert.deepEqual(mentionTexts(named(es, "Lester Holt")), ["Lester Holt", "HOLT"]);
    assert.equal(named(es, "Trump")?.type, "person");
  });
});

describe("entities: organisations", () => {
  const es = entitiesOf([
    "NYPD Commissioner James O’Neill said the device was found near the park. O'Neill declined to say more.",
    "The U.S. Department of Justice is investigating, and the Secret Service has been told.",
    "Sen. Lindsey Graham told the Commission on Presidential Debates and the Center for American Progress.",
    "A reporter for USA Today spotted her. The Gannett newspaper chain and Cosmopolitan magazine asked.",
    "Members of the House Intelligence Committee met. The Intelligence Committee said little.",
    "Students at Hofstra University waited. Hofstra had closed its gates. The AFL-CIO endorsed her.",
    "Researchers at the Center for Strategic and International Studies agreed.",
  ]);

  it("takes the organisation out of a role ('NYPD Commissioner') and merges apostrophe variants", () => {
    assert.equal(named(es, "NYPD")?.type, "organization");
    assert.deepEqual(mentionTexts(named(es, "James O’Neill")), ["James O’Neill", "O'Neill"]);
  });

  it("names an organisation without the country abbreviation leading it", () => {
    assert.equal(named(es, "Department of Justice")?.type, "organization");
    assert.equal(named(es, "Secret Service")?.type, "organization");
  });

  it("continues organisation names over 'for', 'on' and a later 'and'", () => {
    assert.equal(named(es, "Commission on Presidential Debates")?.type, "organization");
    assert.equal(named(es, "Center for American Progress")?.type, "organization");
    assert.equal(named(es, "Center for Strategic and International Studies")?.type, "organization");
  });

  it("types outlets and firms by their name or the noun after them", () => {
    for (const name of ["USA Today", "Gannett", "Cosmopolitan", "AFL-CIO"]) {
      assert.equal(named(es, name)?.type, "organization", name);
    }
  });

  it("merges a short form into the organisation it ends or opens", () => {
    assert.deepEqual(mentionTexts(named(es, "House Intelligence Committee")), [
      "House Intelligence Committee",
      "Intelligence Committee",
    ]);
    assert.deepEqual(mentionTexts(named(es, "Hofstra University")), ["Hofstra University", "Hofstra"]);
  });
});

describe("entities: modifiers and joined names", () => {
  const es = entitiesOf([
    "A new Washington Post-ABC News poll has Democrat Hillary Clinton ahead of Libertarian Gary Johnson.",
    "Both RealClearPolitics and FiveThirtyEight agree, Sen. John McCain said.",
  ]);

  it("takes a party word before a name as a modifier", () => {
    assert.ok(named(es, "Hillary Clinton"));
    assert.ok(named(es, "Gary Johnson"));
    assert.equal(named(es, "Democrat Hillary Clinton"), undefined);
  });

  it("keeps a given name that is also a group word, but not before a plural", () => {
    const films = entitiesOf([
      "Christian Bale will play Steve Jobs in the film about the Apple founder, the studio said on Monday.",
      "Bale, who starred as Batman, signed on after weeks of talks, while Christian Zionists protested outside.",
    ]);
    assert.equal(named(films, "Christian Bale")?.type, "person");
    assert.equal(named(films, "Christian Zionists"), undefined);
  });

  it("splits two organisations joined by a hyphen", () => {
    assert.equal(named(es, "Washington Post")?.type, "organization");
    assert.equal(named(es, "ABC News")?.type, "organization");
  });

  it("types brand-cased words as organisations, not surname prefixes", () => {
    assert.equal(named(es, "RealClearPolitics")?.type, "organization");
    assert.equal(named(es, "John McCain")?.type, "person");
    assert.ok(isBrandCased("FiveThirtyEight") && !isBrandCased("McCain") && !isBrandCased("DeSantis"));
  });
});

describe("entities: places and names that are no entity", () => {
  const es = entitiesOf([
    "FLINT, Mich. (AP) — The rally in Tulsa drew voters from Colorado Springs and the Chelsea neighborhood.",
    "Sunni Muslims, African-Americans and Democrats were there. The Affordable Care Act and the ACA came up.",
    "Medicare was discussed. Critics of the Iraq War marched. A Saudi-led coalition was blamed.",
    "Howard Dean, a doctor, spoke. Dean said the Former President should apologize.",
    "Travis Davis left. As stated in Davis' letter, Iraqis were waiting.",
  ]);

  it("types datelines, gazetteer cities and names before a place noun as places", () => {
    for (const name of ["FLINT", "Tulsa", "Colorado Springs", "Chelsea"])
      assert.equal(named(es, name)?.type, "place", name);
  });

  it("drops groups, laws (and their acronyms), programmes and events", () => {
    for (const name of [
      "Sunni Muslims",
      "African-Americans",
      "Democrats",
      "Affordable Care Act",
      "ACA",
      "Medicare",
      "Iraq War",
      "Saudi",
    ]) {
      assert.equal(named(es, name), undefined, name);
    }
  });

  it("keeps a name ending in a title word, and drops a bare role", () => {
    assert.deepEqual(mentionTexts(named(es, "Howard Dean")), ["Howard Dean", "Dean"]);
    assert.equal(named(es, "Former President"), undefined);
  });

  it("does not take surnames shaped like plural nationalities for nationalities", () => {
    assert.deepEqual(mentionTexts(named(es, "Travis Davis")), ["Travis Davis", "Davis"]);
    assert.equal(named(es, "Iraqis"), undefined);
  });
});

describe("entities: helpers", () => {
  it("isHeadline and isLabelLine tell headlines and signature lines from prose", () => {
    assert.ok(isHeadline(tagged("Donald Trump Is Right About Thousands of Shootings in Chicago this Year")));
    assert.ok(
      !isHeadline(tagged("Sen. Lindsey Graham told The Huffington Post on Thursday that he disagreed.")),
    );
    assert.ok(!isHeadline(tagged("Members of the House Intelligence Committee met.")));
    assert.ok(isLabelLine(tagged("Toni Ann Williams.")));
    assert.ok(!isLabelLine(tagged("Williams wrote a letter.")));
  });

  it("colonHeadingLength skips a title-case heading before a colon only", () => {
    const heading = tagged("Little Relief for Refugees: The crisis is growing.");
    assert.equal(heading[colonHeadingLength(heading) - 1]?.text, ":");
    assert.equal(colonHeadingLength(tagged("Follow him on Twitter: he posts daily.")), 0);
    assert.equal(colonHeadingLength(tagged("Caddell continued: the numbers are bad.")), 0);
  });

  it("initialPositions marks sentence and quotation openings", () => {
    const toks = tagged("He said, “Notice the man.” Then Smith left.");
    const initial = initialPositions(toks);
    const at = (w: string) => initial[toks.findIndex((t) => t.text === w)];
    assert.equal(at("He"), true);
    assert.equal(at("Notice"), true);
    assert.equal(at("Then"), true);
    assert.equal(at("Smith"), false);
  });

  it("hyphenNamePart joins name syllables and particles, never modifiers", () => {
    const toks = plainTokensSplit("Ban Ki - moon and Lashkar - e - Taiba and Saudi - led");
    assert.equal(hyphenNamePart(toks, 2, 2), 2);
    assert.equal(hyphenNamePart(toks, 6, 1), 3);
    assert.equal(hyphenNamePart(toks, 12, 1), 0);
  });

  it("isDateline, isNonEntityName, kinshipIntroduced and gluedWords", () => {
    const toks = tagged(
      "FLINT, Mich. Then his wife Hillary Clinton spoke. Ivanka Trump, the nominee's eldest daughter, spoke.",
    );
    assert.ok(isDateline([toks[0] as Token], toks.slice(1, 4)));
    assert.ok(isNonEntityName(["Affordable", "Care", "Act"]));
    assert.ok(isNonEntityName(["Medicare"]));
    assert.ok(!isNonEntityName(["Hillary", "Clinton"]));
    const hillary = toks.findIndex((t) => t.text === "Hillary");
    assert.ok(kinshipIntroduced(toks, hillary, hillary + 2));
    const ivanka = toks.findIndex((t) => t.text === "Ivanka");
    assert.ok(kinshipIntroduced(toks, ivanka, ivanka + 2));
    assert.deepEqual(gluedWords(plainTokens("Holtz-Eakin", 0)), ["Holtz-Eakin"]);
  });

  it("splits a possessive the tagger glued to a name", () => {
    const toks = tagged("Trump's plan and the Washington Post–shows data.");
    assert.ok(toks.some((t) => t.text === "Trump"));
    assert.ok(toks.some((t) => t.text === "Post"));
  });

  it("gives mention spans that index the body and unique per entity", () => {
    const a = makeArticle([
      "John Kerry met Sergey Lavrov in Geneva.",
      "Kerry said Lavrov agreed. Mr. Kerry left.",
    ]);
    for (const e of findEntities(a, splitSentences(a))) {
      const spans = new Set<string>();
      for (const m of e.mentions) {
        assert.equal(a.body.slice(m.start, m.end), m.text);
        assert.ok(!spans.has(`${m.start}:${m.end}`));
        spans.add(`${m.start}:${m.end}`);
      }
    }
  });
});

/** Tokens from a space-separated string whose hyphens stand glued to their neighbours. */
function plainTokensSplit(spaced: string): Token[] {
  const parts = spaced.split(" ");
  const out: Token[] = [];
  let at = 0;
  parts.forEach((p, i) => {
    const glued = p === "-" || parts[i - 1] === "-";
    if (i > 0 && !glued) at++;
    out.push({ text: p, lower: p.toLowerCase(), start: at, end: at + p.length, pos: "" });
    at += p.length;
  });
  return out;
}
