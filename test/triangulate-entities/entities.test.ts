import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Entity, EntityType, Reading, StoryEntity } from "../../src/model/index.js";
import { mergeStoryEntities, type VersionEntities } from "../../src/triangulate/entities.js";
import { triangulate } from "../../src/triangulate/index.js";
import { groupQuotes } from "../../src/triangulate/quotes.js";
import { readAll } from "./versions.js";

function versionsOf(readings: readonly Reading[]): VersionEntities[] {
  return readings.map((r) => ({ article: r.article.id, entities: r.entities }));
}

/** The article's entity of that name: the fixtures are read by the real reader, so ids are looked up. */
function entityId(readings: readonly Reading[], article: string, name: string): string {
  const reading = readings.find((r) => r.article.id === article);
  const entity = reading?.entities.find((e) => e.name === name);
  assert.ok(entity, `${article} reads an entity named ${name}`);
  return entity.id;
}

function storyEntityOf(entities: readonly StoryEntity[], entity: string): StoryEntity {
  const found = entities.find((e) => e.members.some((m) => m.entity === entity));
  assert.ok(found, `a story entity holds ${entity}`);
  return found;
}

describe("mergeStoryEntities across the versions of a story", () => {
  const readings = readAll();
  const entities = mergeStoryEntities(versionsOf(readings));
  const id = (article: string, name: string) => entityId(readings, article, name);

  it("ties the versions that only write “Kerry” to the one that names John Kerry", () => {
    const kerry = storyEntityOf(entities, id("wire", "John Kerry"));
    assert.equal(kerry.name, "John Kerry");
    assert.equal(kerry.type, "person");
    for (const [article, name] of [
      ["blog", "Kerry"],
      ["relay", "Kerry"],
      ["rewrite", "John F. Kerry"],
    ] as const) {
      assert.equal(storyEntityOf(entities, id(article, name)).id, kerry.id, `${article}'s ${name}`);
    }
    assert.ok(kerry.variants.includes("Kerry") && kerry.variants.includes("John F. Kerry"));
  });

  it("keeps John Kerry and John Kirby apart, each with his own surname-only mentions", () => {
    const kerry = storyEntityOf(entities, id("wire", "John Kerry"));
    const kirby = storyEntityOf(entities, id("wire", "John Kirby"));
    assert.notEqual(kirby.id, kerry.id);
    assert.equal(kirby.name, "John Kirby");
    assert.equal(storyEntityOf(entities, id("blog", "Kirby")).id, kirby.id);
    assert.equal(storyEntityOf(entities, id("relay", "Kirby")).id, kirby.id);
    assert.equal(storyEntityOf(entities, id("rewrite", "John Kirby")).id, kirby.id);
  });

  it("ties an organisation’s short forms to the version that spells it out", () => {
    const un = storyEntityOf(entities, id("wire", "United Nations"));
    assert.equal(un.name, "United Nations");
    assert.equal(storyEntityOf(entities, id("blog", "UN")).id, un.id);
    const nyt = storyEntityOf(entities, id("wire", "New York Times"));
    assert.equal(nyt.name, "New York Times");
    assert.equal(storyEntityOf(entities, id("relay", "NY Times")).id, nyt.id);
    // The blog's reader took a sentence-initial "The Times" for a surname; its words say newspaper.
    assert.equal(storyEntityOf(entities, id("blog", "Times")).id, nyt.id);
    // Another body of the same organisation is another entity.
    assert.notEqual(storyEntityOf(entities, id("relay", "UN General Assembly")).id, un.id);
  });

  it("maps every article entity to exactly one story entity, never two of one article", () => {
    const all = readings.flatMap((r) => r.entities.map((e) => e.id));
    const mapped = entities.flatMap((e) => e.members.map((m) => m.entity));
    assert.deepEqual([...mapped].sort(), [...all].sort());
    for (const e of entities) {
      const articles = e.members.map((m) => m.article);
      assert.equal(new Set(articles).size, articles.length, `${e.name} holds one entity per article`);
    }
    assert.deepEqual(
      entities.map((e) => e.id),
      entities.map((_, i) => `se${i + 1}`),
    );
  });

  it("names a quote group’s speaker as the story does, not as its members spell it", () => {
    const story = triangulate(readings);
    assert.deepEqual(story.entities, entities);
    const watching = story.quoteGroups.find((g) => g.text.startsWith("We were watching"));
    assert.ok(watching, "the blog's and the relay's quote form a group");
    assert.deepEqual(
      watching.members.map((m) => m.article),
      ["blog", "relay"],
    );
    // Neither version writes the first name; the wire does, in another paragraph.
    assert.deepEqual(
      watching.members.map((m) => m.speaker),
      ["Kerry", "Kerry"],
    );
    assert.equal(watching.speaker, "John Kerry");
    assert.equal(watching.speakerConflict, false);
    const alone = groupQuotes(readings).find((g) => g.text.startsWith("We were watching"));
    assert.equal(alone?.speaker, "Kerry", "without the story's entities only the members' spelling is known");
  });
});

/** A hand-made entity list, for the rules a short fixture cannot make the reader produce. */
function version(
  article: string,
  names: readonly (readonly [EntityType, string, ...string[]])[],
): VersionEntities {
  const entities: Entity[] = names.map(([type, name, ...mentions], n) => ({
    id: `${article}:e${n}`,
    type,
    name,
    mentions: [name, ...mentions].map((text) => ({ start: 0, end: text.length, text })),
    roles: [],
  }));
  return { article, entities };
}

function holder(entities: readonly StoryEntity[], entity: string): string | undefined {
  return entities.find((e) => e.members.some((m) => m.entity === entity))?.name;
}

describe("mergeStoryEntities rules", () => {
  it("gives a bare surname shared by two people to the one most versions name, and to neither on a tie", () => {
    const hillary = version("a", [["person", "Hillary Clinton", "Clinton"]]);
    const bill = version("b", [["person", "Bill Clinton"]]);
    const bare = version("c", [["person", "Clinton"]]);
    assert.equal(holder(mergeStoryEntities([hillary, bill, bare]), "c:e0"), "Clinton");
    const again = version("d", [["person", "Hillary Clinton"]]);
    assert.equal(holder(mergeStoryEntities([hillary, bill, bare, again]), "c:e0"), "Hillary Clinton");
  });

  it("never merges two entities one article kept apart", () => {
    const a = version("a", [
      ["organization", "State Department"],
      ["organization", "Obama State Department"],
    ]);
    const b = version("b", [["organization", "State Department"]]);
    const merged = mergeStoryEntities([a, b]);
    assert.equal(holder(merged, "b:e0"), "State Department");
    assert.notEqual(
      merged.find((e) => e.name === "State Department")?.id,
      merged.find((e) => e.name === "Obama State Department")?.id,
    );
  });

  it("reads through titles and possessives left in a name", () => {
    const merged = mergeStoryEntities([
      version("a", [["person", "Secretary of State John Kerry"]]),
      version("b", [["person", "Kerry’s"]]),
      version("c", [["person", "Mr. Kirby"]]),
      version("d", [["person", "John Kirby"]]),
    ]);
    assert.equal(holder(merged, "a:e0"), "John Kerry");
    assert.equal(holder(merged, "b:e0"), "John Kerry");
    assert.equal(holder(merged, "c:e0"), "John Kirby");
    assert.equal(merged.length, 2);
  });

  it("does not take a first name shared by two people as either of them", () => {
    const merged = mergeStoryEntities([
      version("a", [["person", "John Kerry"]]),
      version("b", [["person", "John Kirby"]]),
      version("c", [["person", "John"]]),
    ]);
    assert.equal(holder(merged, "c:e0"), "John");
    assert.equal(merged.length, 3);
  });

  it("matches an acronym only with the one organisation whose initials it is", () => {
    const merged = mergeStoryEntities([
      version("a", [
        ["organization", "Islamic State of Iraq and Syria"],
        ["organization", "United Nations"],
      ]),
      version("b", [
        ["organization", "ISIS"],
        ["organization", "U.N."],
        ["organization", "NATO"],
      ]),
    ]);
    assert.equal(holder(merged, "b:e0"), "Islamic State of Iraq and Syria");
    assert.equal(holder(merged, "b:e1"), "United Nations");
    assert.equal(holder(merged, "b:e2"), "NATO");
  });
});
