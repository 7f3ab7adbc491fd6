import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findCoverage } from "../../src/triangulate/coverage.js";
import { findReuse } from "../../src/triangulate/reuse.js";
import { buildTimeline, LATE_REPUBLICATION_DAYS } from "../../src/triangulate/timeline.js";
import { findWitnesses } from "../../src/triangulate/witnesses.js";
import { makeReading } from "./builder.js";
import { EDITED, INDEPENDENT, storyReadings, WIRE } from "./story.js";

describe("findWitnesses", () => {
  const readings = storyReadings();
  const reuse = findReuse(readings);

  it("makes the wire and its copies one witness, the independent report another", () => {
    assert.deepEqual(findWitnesses(readings, reuse), [
      { id: "w1", articles: ["wire", "trimmed", "edited"], original: "wire" },
      { id: "w2", articles: ["independent"], original: "independent" },
    ]);
  });

  it("falls back to the most complete version when dates are missing", () => {
    const undated = readings.slice(0, 3).map((r) => ({ ...r, article: { ...r.article, published: null } }));
    const [w] = findWitnesses(undated, findReuse(undated));
    assert.equal(w?.original, "wire");
  });

  it("gives every article exactly one witness even with no reuse at all", () => {
    const alone = [makeReading("x", null, ["One thing happened."]), makeReading("y", null, ["Another did."])];
    assert.deepEqual(
      findWitnesses(alone, []).map((w) => w.articles),
      [["x"], ["y"]],
    );
  });
});

describe("buildTimeline", () => {
  const event = "2023-03-14";
  const wire = makeReading("wire", "2023-03-14T09:00:00Z", WIRE, {
    dates: [
      { text: "on Tuesday", value: event },
      { text: "last month", value: "2023-02", granularity: "month" },
    ],
  });
  const edited = makeReading("edited", "2023-03-15", EDITED, {
    dates: [{ text: "on Tuesday", value: event }],
  });
  const independent = makeReading("independent", "2023-03-14", INDEPENDENT, {
    dates: [{ text: "by lunchtime", value: "2023-03-14T12:00", granularity: "time" }],
  });
  const republished = makeReading(
    "republished",
    "2025-03-20",
    ["Dam releases water as river rises.", ...WIRE.slice(0, 3)],
    { dates: [{ text: "on Tuesday", value: "2025-03-18" }] },
  );
  const readings = [wire, edited, independent, republished];
  const timeline = buildTimeline(readings, findReuse(readings));

  it("votes the event day across witnesses, copies counting once", () => {
    assert.equal(timeline.event, event);
    assert.deepEqual(timeline.eventEvidence, [
      "wire: on Tuesday",
      "edited: on Tuesday",
      "independent: by lunchtime",
    ]);
  });

  it("lets two independent reports outvote three copies of one text", () => {
    const copy = (id: string) =>
      makeReading(id, "2023-03-20", WIRE, { dates: [{ text: "on Tuesday", value: "2023-03-13" }] });
    const own = (id: string, text: string) =>
      makeReading(id, "2023-03-20", [text], { dates: [{ text: "on 14 March", value: event }] });
    const story = [
      copy("c1"),
      copy("c2"),
      copy("c3"),
      own("i1", "A farmer watched the water rise over his fields near Eastholm on 14 March."),
      own("i2", "When the gates opened on 14 March, council staff were filling sandbags at the depot."),
    ];
    assert.equal(buildTimeline(story, findReuse(story)).event, event);
  });

  it("dates each publication against the event and flags the late re-publication", () => {
    assert.deepEqual(
      timeline.publications.map((p) => [p.article, p.daysAfterEvent, p.lateRepublication]),
      [
        ["wire", 0, false],
        ["edited", 1, false],
        ["independent", 0, false],
        ["republished", 737, true],
      ],
    );
    assert.ok(737 > LATE_REPUBLICATION_DAYS);
  });

  it("ignores dates after the article's own publication (plans, not the event)", () => {
    const plan = makeReading("plan", "2023-03-10", ["The vote is due on 20 March."], {
      dates: [{ text: "on 20 March", value: "2023-03-20" }],
    });
    const t = buildTimeline([plan], []);
    assert.equal(t.event, null);
    assert.deepEqual(t.publications, [
      { article: "plan", published: "2023-03-10", daysAfterEvent: null, lateRepublication: false },
    ]);
  });
});

describe("findCoverage", () => {
  const readings = storyReadings();
  const reuse = findReuse(readings);
  const witnesses = findWitnesses(readings, reuse);
  const quoteGroups = [
    {
      id: "g1",
      speaker: "Helen Dray",
      text: "We will not allow this town to be forgotten again",
      speakerConflict: false,
      members: ["wire", "trimmed", "edited", "independent"].map((article, k) => ({
        article,
        quote: `${article}:q${k}`,
        relation: "identical" as const,
        speaker: "Helen Dray",
        diff: [],
      })),
    },
    {
      id: "g2",
      speaker: "Tom Ashby",
      text: "sold out of pumps",
      speakerConflict: false,
      members: [
        {
          article: "independent",
          quote: "independent:q2",
          relation: "identical" as const,
          speaker: null,
          diff: [],
        },
      ],
    },
  ];
  const coverage = findCoverage(readings, { quoteGroups, reuse, witnesses });
  const of = (id: string) => coverage.find((c) => c.article === id);

  it("lists quote groups only one witness carries", () => {
    assert.deepEqual(of("independent")?.uniqueQuotes, ["g2"]);
    assert.deepEqual(of("wire")?.uniqueQuotes, []);
  });

  it("finds the sentences only one article has", () => {
    const sentences = (id: string) => {
      const r = readings.find((x) => x.article.id === id);
      return (of(id)?.uniqueSentences ?? []).map((n) => r?.sentences[n]?.text ?? "");
    };
    assert.deepEqual(sentences("trimmed"), []);
    assert.ok(sentences("wire").some((s) => s.startsWith("Forecasters expect a further 40 millimetres")));
    assert.ok(!sentences("wire").some((s) => s.startsWith("Engineers at the Kestrel Valley dam")));
    assert.ok(sentences("independent").some((s) => s.startsWith("Tom Ashby, who runs a hardware shop")));
    assert.ok(sentences("edited").some((s) => s.startsWith("Residents of two riverside districts")));
  });
});

describe("findCoverage on rewritten sentences", () => {
  it("does not call a sentence unique when it folds in another article's shorter sentence", () => {
    const a = makeReading("a", null, [
      "The harbour master closed the northern pier after storm waves cracked its concrete deck overnight.",
    ]);
    const b = makeReading("b", null, [
      "Storm waves cracked the concrete deck of the northern pier overnight, and the harbour master, who had warned the council about its condition twice last winter, closed it to fishing boats and walkers until engineers can inspect the damage.",
    ]);
    const c = makeReading("c", null, [
      "Ferry services to the islands will run from the southern quay on Saturday.",
    ]);
    const readings = [a, b, c];
    const coverage = findCoverage(readings, {
      quoteGroups: [],
      reuse: [],
      witnesses: findWitnesses(readings, []),
    });
    assert.deepEqual(
      coverage.map((x) => x.uniqueSentences),
      [[], [], [0]],
    );
  });
});
