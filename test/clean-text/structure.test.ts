/**
 * The text cleaner's context heuristics, each on the real-world shape it exists for (teaser
 * lists, link walls, flattened galleries, hard-wrapped text, CJK pages, comment counts in the
 * header), and the near misses that must not trigger it. All texts are written for these tests.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cleanText } from "../../src/clean/text/index.js";
import {
  features,
  isInlineList,
  isNameLike,
  isProse,
  isSentenceLike,
  isTitleCase,
} from "../../src/clean/text/lines.js";
import { isRelatedCue, isThreadCue } from "../../src/clean/text/patterns.js";
import { type Line, prepareText, unglue } from "../../src/clean/text/prepare.js";
import type { Article } from "../../src/model/index.js";

function clean(lines: string[], separator = "\n\n"): Article {
  return cleanText({
    id: "t",
    source: "t.txt",
    format: "text",
    content: lines.join(separator),
    encoding: "utf-8",
    encodingEvidence: "default",
    url: null,
  });
}

function line(text: string): Line {
  return { index: 0, raw: text, text, indent: 0, blankBefore: false, continues: false };
}

const feat = (text: string) => features(line(text));

const removedOf = (a: Article, kind: string) =>
  a.removed
    .filter((r) => r.kind === kind)
    .map((r) => r.text)
    .join("\n");

const P1 =
  "The harbour authority said on Monday that dredging of the northern channel would start in April and take about eighteen months to complete.";
const P2 =
  "Shipping companies have complained for years that the channel is too shallow for the larger container vessels now used on Baltic routes.";
const P3 =
  "The project is expected to cost 140 million euros, two thirds of which will come from a European infrastructure fund approved last year.";
const P4 =
  "Environmental groups warned that the work could disturb a protected seal colony on the sandbanks at the mouth of the river.";

describe("word counts in scripts without spaces", () => {
  it("a Chinese sentence counts by characters, not as one word", () => {
    const zh = "市政府周一宣布，北部港口的疏浚工程将于四月开工，预计耗时十八个月，总投资约一亿四千万欧元。";
    const f = feat(zh);
    assert.ok(f.words >= 25, `words ${f.words}`);
    assert.ok(isProse(f), "a long Chinese sentence is prose");
    assert.equal(isNameLike(line(zh)), false, "nor is it a commenter's name");
  });

  it("CJK full stops end sentences, and caseless headlines count as capitalised", () => {
    const a = clean([
      "首页",
      "新闻",
      "北部港口疏浚工程四月开工",
      "市政府周一宣布，北部港口的疏浚工程将于四月开工，预计耗时十八个月。航运公司多年来一直抱怨航道太浅。",
      "环保组织警告说，施工可能会干扰河口沙洲上受保护的海豹群。该项目的三分之二资金来自欧洲基础设施基金。",
    ]);
    assert.equal(a.title, "北部港口疏浚工程四月开工");
    assert.equal(a.paragraphs.length, 2);
  });

  it("function words of other languages make a short line a sentence", () => {
    assert.ok(isSentenceLike(feat("Le projet a été approuvé.")));
    assert.ok(isSentenceLike(feat("Die Arbeiten beginnen im April.")));
    assert.ok(isNameLike(line("Nuno Cardoso da Silva")), "name particles still make names");
  });
});

describe("lines that look like paragraphs but are lists or headlines", () => {
  it("a menu or a magazine's contents run into one line is not prose", () => {
    const toc =
      "Cheap against Apple • Scripting magic • HomeKit • Data recovery • Automating the iPad • Sharing your location • Hidden settings • Backups";
    assert.ok(isInlineList(feat(toc)));
    assert.equal(isProse(feat(toc)), false);
    assert.equal(isInlineList(feat(P1)), false);
  });

  it("a Title Case headline ending in '!' is not a paragraph", () => {
    const h = "Model Explains Why There Are So Many Irish People In America!";
    assert.ok(isTitleCase(feat(h)));
    assert.equal(isProse(feat(h)), false);
    assert.equal(isSentenceLike(feat(h)), false);
    assert.equal(isTitleCase(feat("Die Stadt Hamburg hat am Montag den Hafen für Schiffe gesperrt.")), false);
  });
});

describe("teaser lists next to the article", () => {
  const teasers = [
    "More news",
    "City council approves new cycle lanes on the ring road",
    "The plan adds twelve kilometres of protected lanes and removes about 300 parking spaces in the centre.",
    "Metro",
    "Ferry operator cancels winter timetable after fuel price rise",
    "Passengers on the island routes will have two sailings a day instead of four from November onwards.",
    "Business",
    "Bakery chain opens its first shop outside the region this spring",
    "The family firm, founded in 1921, says it will hire forty people for the new branch in the capital.",
    "Local",
  ];

  it("headline, one-line summary, section: repeated after the article, they are not the article", () => {
    const a = clean(["Channel dredging to start in April", P1, P2, P3, "Advertisement", ...teasers]);
    assert.equal(a.paragraphs.length, 3);
    assert.doesNotMatch(a.body, /cycle lanes|Ferry operator|Bakery/);
  });

  it("a list article carrying on from its introduction keeps its items", () => {
    const a = clean([
      "The five best ferry trips in the Baltic",
      P1,
      P2,
      "“Tallinn to Helsinki” (two hours)",
      "The classic crossing is short enough for a day trip, and the old town is a short walk from the terminal on either side.",
      "“Stockholm to Turku” (eleven hours)",
      "The overnight boat threads through thousands of islands of the archipelago, best seen from the deck at sunrise.",
      "“Gdansk to Nynäshamn” (eighteen hours)",
      "The longest trip on the list crosses the open sea and is the one to choose if you want to see the Baltic in a storm.",
      "Share on Facebook",
    ]);
    assert.match(a.body, /Tallinn to Helsinki/);
    assert.match(a.body, /longest trip on the list/);
  });

  it("a page that is only a list of short items keeps them rather than returning nothing", () => {
    const a = clean(teasers.slice(1, 9));
    assert.match(a.body, /twelve kilometres of protected lanes/);
  });
});

describe("a bare cross-link header ends the article", () => {
  it("what follows 'Related' must earn much more than a few short paragraphs to join the body", () => {
    const a = clean([
      "Channel dredging to start in April",
      P1,
      P2,
      P3,
      "Related",
      "Port traffic rose by a tenth last year",
      "The port handled 32 million tonnes of cargo in the year, a tenth more than the year before, mostly containers.",
    ]);
    assert.equal(a.paragraphs.length, 3);
  });

  it("the header is recognised in the languages of the news, in brackets too", () => {
    for (const h of [
      "Lire aussi",
      "Lesen Sie auch:",
      "Noticias relacionadas",
      "Související",
      "【関連記事】",
      "相关阅读",
      "Читайте также",
    ])
      assert.ok(isRelatedCue(line(h)), h);
    assert.equal(isRelatedCue(line("Relations between the two ports remain tense.")), false);
  });
});

describe("lists the writer marked", () => {
  it("a changelog of marked items with no paragraph around it is the article", () => {
    const a = clean([
      "Release notes",
      "+ Added a night mode for the map view",
      "+ Added export of routes as GPX files",
      "+ Fixed a crash when opening old bookmarks",
      "* Search is now faster on large offline maps",
      "* The settings screen has been reorganised",
      "- Removed the legacy sync service",
      "Privacy Policy",
    ]);
    assert.match(a.body, /night mode/);
    assert.match(a.body, /legacy sync service/);
  });
});

describe("hard-wrapped text", () => {
  it("lines cut at a fixed width are joined into paragraphs before they are judged", () => {
    const wrapped = [
      "The harbour authority said on Monday that dredging of the northern",
      "channel would start in April and take about eighteen months, with",
      "work paused during the seal breeding season.",
      "Shipping companies have complained for years that the channel is",
      "too shallow for the larger container vessels on Baltic routes.",
    ].join("\n");
    const { lines } = prepareText(wrapped);
    assert.equal(lines.length, 2);
    assert.match(lines[0]!.text, /northern channel would start/);
    const a = clean([wrapped]);
    assert.equal(a.paragraphs.length, 2);
  });

  it("a block of short lines with one long one is not a wrapped paragraph", () => {
    const { lines } = prepareText(
      [
        "Petra Lind",
        "March 5, 2021 at 9:14 am",
        "Typical. They found money for the stadium car park, though.",
        "Reply",
      ].join("\n"),
    );
    assert.equal(lines.length, 4);
  });
});

describe("comment threads, stricter", () => {
  it("a heading the page repeats (a table of contents, 'Image' labels) is not a thread of readers", () => {
    const a = clean([
      "Introduction",
      "Design",
      "Results",
      P1,
      "Introduction",
      P2,
      "Design",
      P3,
      "Results",
      P4,
      "Image",
      "A dredger at work in the northern channel last winter, when the first survey was carried out.",
      "Image",
      "The seal colony on the sandbanks at the mouth of the river, photographed from the air in June.",
    ]);
    assert.ok(a.paragraphs.includes(P4));
    assert.equal(removedOf(a, "comments"), "");
  });

  it("readers answering each other by name is a thread, without any furniture", () => {
    const a = clean([
      P1,
      P2,
      P3,
      "Jens Holm",
      "Dredging never solves anything, the sand comes back within two winters.",
      "Maria Keller",
      "It worked in Rotterdam for decades, so I do not see why it would fail here.",
      "Jens Holm",
      "Rotterdam has a different current and a lot more money.",
      "Tom Ekdal",
      "The seals were there first, and nobody asked them.",
      "Maria Keller",
      "The report has a whole chapter on the seals, it is worth reading.",
    ]);
    assert.equal(a.paragraphs.length, 3);
    assert.match(removedOf(a, "comments"), /Maria Keller/);
  });

  it("'There are 13 comments' and comment counts in other languages start the thread", () => {
    for (const cue of [
      "There are 13 comments",
      "12 Kommentare",
      "5 commentaires",
      "评论(12)",
      "Comments (4)",
    ])
      assert.ok(isThreadCue(line(cue)), cue);
    assert.equal(isThreadCue(line("Kommentare")), false, "the bare word is only a weak cue");
  });

  it("a comment count under the header's date is a link to the thread, not its start", () => {
    const a = clean([
      "Channel dredging to start in April",
      "By Maria Keller",
      "March 2, 2021",
      "11 Comments",
      P1,
      P2,
      P3,
    ]);
    assert.equal(a.paragraphs.length, 3);
    assert.equal(a.byline, "Maria Keller");
  });

  it("teaser summaries above the headline are not the 40 words of article a cue needs", () => {
    const a = clean([
      "Ferry operator cancels winter timetable after fuel price rise",
      "Passengers on the island routes will have two sailings a day instead of four from November onwards, the operator said.",
      "Business",
      "Channel dredging to start in April",
      "Associated PressMarch 2, 2021",
      "11 Comments",
      P1,
      P2,
    ]);
    assert.ok(a.paragraphs.includes(P2));
  });
});

describe("consent notices of any length", () => {
  it("a long 'We use cookies…' notice is a banner, an article about cookie law is not", () => {
    const notice =
      "We use cookies and similar technologies to improve your browsing experience, personalize content and offers, show targeted ads, analyze traffic, and understand where our audience is coming from. To find out more or to opt out, please read our Cookie Policy. In addition, please read our Privacy Policy, which has also been updated.";
    const law =
      "The court ruled that websites must ask before they store cookies, and that a pre-ticked box does not count as consent under the directive, a decision that the advertising industry said would cost it billions.";
    const a = clean([notice, "Channel dredging to start in April", P1, law, P2]);
    assert.equal(removedOf(a, "cookie-banner"), notice);
    assert.ok(a.paragraphs.includes(law));
  });
});

describe("glued inline text", () => {
  it("a capital right after a lower-case letter starts a new word", () => {
    assert.equal(unglue("Associated PressDecember 2, 2016"), "Associated Press December 2, 2016");
  });
});

describe("header: byline, date and title from the usual shapes", () => {
  it("a name on its own line beside the date stamp is the byline", () => {
    const a = clean(["World", "Channel dredging to start in April", "Maria Keller", "1:39 PM ET", P1, P2]);
    assert.equal(a.byline, "Maria Keller");
    assert.equal(a.title, "Channel dredging to start in April");
  });

  it("name and date on one line, or the credit after the date", () => {
    assert.equal(
      clean(["Channel dredging to start in April", "Maria Keller - Mar 2, 2021 8:02 pm UTC", P1, P2]).byline,
      "Maria Keller",
    );
    const after = clean([
      "Channel dredging to start in April",
      "Posted on March 2, 2021 by Maria Keller",
      P1,
      P2,
    ]);
    assert.equal(after.byline, "Maria Keller");
    assert.equal(after.published, "2021-03-02");
    assert.equal(
      clean(["Channel dredging to start in April", "Par Maria Keller", P1, P2]).byline,
      "Maria Keller",
    );
  });

  it("a short stamp with an update in brackets is still the date", () => {
    const a = clean([
      "Dragage du chenal en avril",
      "AFP 2 mars 2021 à 07:19 (Mis à jour : 2 mars 2021 à 07:38)",
      P1,
      P2,
    ]);
    assert.equal(a.published?.slice(0, 10), "2021-03-02");
  });

  it("a photo caption ending in its credit right above the body is not the title", () => {
    const a = clean([
      "Channel dredging to start in April",
      "Work will pause during the seal breeding season from May to July, the authority said",
      "A dredger in the northern channel - Jan Nowak/Harbour Authority",
      "March 2, 2021",
      P1,
      P2,
    ]);
    assert.equal(a.title, "Channel dredging to start in April");
  });

  it("the headline above a longer standfirst is the title, the standfirst the dek", () => {
    const a = clean([
      "Channel dredging to start in April",
      "The harbour authority will dredge the northern channel for eighteen months, pausing for the seals' breeding season",
      P1,
      P2,
    ]);
    assert.equal(a.title, "Channel dredging to start in April");
    assert.match(a.dek ?? "", /^The harbour authority will dredge/);
  });

  it("a headline ending in an initialism still reads as a headline", () => {
    assert.equal(feat("Manhole Fires and Burst Pipes Under N.Y.C.").endsWithPeriod, false);
    assert.equal(feat("He moved to the U.S. last year and never went back.").endsSentence, true);
  });
});
