/**
 * The story's entities: each version's people, organisations and places merged across versions.
 * A version's reader has already merged its own variants ("US Secretary of State John Kerry",
 * "Mr. Kerry", "Kerry’s" → "John Kerry"); a version that only ever writes "Kerry", "the UN" or "NY
 * Times" is tied here to the one that writes "John Kerry", "the United Nations" or "New York
 * Times". The rules are the per-article merger's, asked across versions: the same name, the same
 * first name and surname, a surname or first name whose owner is unambiguous, an acronym, a short
 * form of an organisation. Names are compared word by word, never by resemblance, so "John Kerry"
 * and "John Kirby" stay two people.
 *
 * A story entity never takes two entities of one article: the reader saw both in one text and kept
 * them apart ("State Department" beside "Obama State Department"), which outweighs any resemblance
 * seen from another version.
 */
import type { Entity, EntityType, StoryEntity } from "../model/index.js";
import { isAcronym } from "../read/entities/candidates.js";
import { normTitle, ORG_CUES, PERSON_TITLES, ROLE_MODIFIERS } from "../read/entities/lexicon.js";
import { initials, surnameKey, surnameOf } from "../read/entities/merge.js";
import { foldWord } from "../text/tokens.js";

/** One version's entities, as its reading gives them. */
export interface VersionEntities {
  article: string;
  entities: readonly Entity[];
}

/** One article entity and the words its name is compared by. */
interface Node {
  article: string;
  entity: Entity;
  /** The name's words as written, without a leading "the", person titles or a trailing possessive. */
  words: string[];
  /** The same words folded for comparison: lower case, accents and dots dropped ("U.S." → "us"). */
  keys: string[];
  /** Compared forms of the entity's mentions ("kerry" for a "Kerry" mention of "John Kerry"). */
  mentionKeys: Set<string>;
  /** Position in the versions' entity lists, read in order. */
  order: number;
}

/** Article entities taken to name one thing; merged clusters forward to the one they joined. */
interface Cluster {
  type: EntityType;
  nodes: Node[];
  articles: Set<string>;
  /** Compared words of the fullest name among the nodes. */
  keys: string[];
  /** First appearance, for a deterministic order and the story entity's id. */
  order: number;
  into: Cluster | null;
}

/** "Kerry’s" → "Kerry", "Reuters’" → "Reuters". */
const POSSESSIVE = /['’]s?$/;

function wordKey(word: string): string {
  return foldWord(word).replace(/\./g, "");
}

/** A leading word of a person's name that is a title or qualifies one ("Secretary of State", "Mr.", "Former"). */
function isTitleWord(word: string): boolean {
  const t = normTitle(word);
  return PERSON_TITLES.has(t) || ROLE_MODIFIERS.has(t) || t === "of";
}

/**
 * The words a name is compared by. Readers keep titles in roles and possessives out of names, but
 * an entity list from elsewhere (or a reader's slip: "Secretary Kerry" with no first name in the
 * text) may carry them, and one such name must not become a second story entity.
 */
function nameWords(name: string, type: EntityType): string[] {
  let words = name.split(/\s+/).filter((w) => w.length > 0);
  if (words.length > 1 && words[0]?.toLowerCase() === "the") words = words.slice(1);
  const last = words.length - 1;
  if (last >= 0 && words[last] !== undefined) {
    const bare = (words[last] as string).replace(POSSESSIVE, "");
    if (bare.length > 0) words[last] = bare;
  }
  if (type === "person") {
    let from = 0;
    while (from < words.length - 1 && isTitleWord(words[from] as string)) from++;
    words = words.slice(from);
  }
  return words;
}

function nodeOf(article: string, entity: Entity, order: number): Node {
  const words = nameWords(entity.name, entity.type);
  const keys = words.map(wordKey);
  const own = keys.join(" ");
  const mentionKeys = new Set<string>();
  for (const m of entity.mentions) {
    const key = nameWords(m.text, entity.type).map(wordKey).join(" ");
    if (key !== own && key.length > 0) mentionKeys.add(key);
  }
  return { article, entity, words, keys, mentionKeys, order };
}

/** A multimap from a compared key to the clusters filed under it, in filing order. */
class Index {
  private readonly map = new Map<string, Cluster[]>();

  put(key: string, c: Cluster): void {
    const list = this.map.get(key);
    if (list === undefined) this.map.set(key, [c]);
    else if (!list.includes(c)) list.push(c);
  }

  get(key: string): readonly Cluster[] {
    return this.map.get(key) ?? [];
  }
}

function root(c: Cluster): Cluster {
  let r = c;
  while (r.into !== null) r = r.into;
  return r;
}

/** Would the merged cluster hold two entities of one article? */
function overlaps(a: Cluster, b: Cluster): boolean {
  const [small, large] = a.articles.size <= b.articles.size ? [a, b] : [b, a];
  for (const article of small.articles) if (large.articles.has(article)) return true;
  return false;
}

function join(into: Cluster, from: Cluster): void {
  for (const n of from.nodes) into.nodes.push(n);
  for (const a of from.articles) into.articles.add(a);
  if (from.keys.length > into.keys.length) into.keys = from.keys;
  into.order = Math.min(into.order, from.order);
  from.into = into;
  from.nodes = [];
}

/**
 * The distinct live clusters among `candidates` that `short` may join: other, of the type asked
 * (the short name's own, unless its words say otherwise), not sharing an article.
 */
function eligible(short: Cluster, candidates: readonly Cluster[], type: EntityType = short.type): Cluster[] {
  const out: Cluster[] = [];
  for (const c of candidates) {
    const r = root(c);
    if (r === short || r.type !== type || out.includes(r) || overlaps(r, short)) continue;
    out.push(r);
  }
  return out;
}

/** The one owner, or none when the rule points at several. */
function unique(owners: readonly Cluster[]): Cluster | undefined {
  return owners.length === 1 ? owners[0] : undefined;
}

/**
 * Among people sharing a surname ("Hillary Clinton", "Bill Clinton"), a version's bare "Clinton"
 * goes to the one most versions name in full; on a tie nothing says which one is meant.
 */
function mostNamed(owners: readonly Cluster[]): Cluster | undefined {
  if (owners.length <= 1) return owners[0];
  const sorted = [...owners].sort((a, b) => b.articles.size - a.articles.size || a.order - b.order);
  const [first, second] = sorted as [Cluster, Cluster];
  return first.articles.size > second.articles.size ? first : undefined;
}

function endsWith(long: readonly string[], short: readonly string[]): boolean {
  if (short.length === 0 || short.length >= long.length) return false;
  const offset = long.length - short.length;
  return short.every((w, i) => long[offset + i] === w);
}

/** Clusters of full names, filed by the words the short-name rules look them up by. */
class Owners {
  private readonly bySurname = new Index();
  private readonly byFirst = new Index();
  private readonly byInitials = new Index();
  private readonly byLast = new Index();
  private readonly byMention = new Index();

  constructor(clusters: readonly Cluster[]) {
    for (const c of clusters) {
      const k = c.keys;
      if (k.length > 1) {
        if (c.type === "person") {
          // "de Blasio" is filed under "blasio" too, as the reader files it.
          this.bySurname.put(surnameOf(k), c);
          this.bySurname.put(surnameKey(k[k.length - 1] as string), c);
        } else this.byInitials.put(initials(this.words(c)), c);
        this.byFirst.put(k[0] as string, c);
        this.byLast.put(k[k.length - 1] as string, c);
      }
      for (const n of c.nodes) for (const m of n.mentionKeys) this.byMention.put(m, c);
    }
  }

  /** Written words of the cluster's fullest name (initials need the capitals). */
  private words(c: Cluster): string[] {
    return c.nodes.find((n) => n.keys.length === c.keys.length)?.words ?? [];
  }

  /** The cluster a short name belongs to, or none. */
  ownerOf(short: Cluster): Cluster | undefined {
    const owner =
      short.type === "person"
        ? (this.personOwner(short) ?? this.orgShortForm(short))
        : this.nameOwner(short, short.type);
    return owner !== undefined && owner.keys.length > short.keys.length ? owner : undefined;
  }

  /**
   * A name ending in an organisation's head noun ("the Times", "Justice Department") is an
   * organisation's short form, whatever one version's reader typed it (a lone "Times" opening a
   * sentence reads like a surname).
   */
  private orgShortForm(short: Cluster): Cluster | undefined {
    if (!ORG_CUES.has(short.keys[short.keys.length - 1] as string)) return undefined;
    return this.nameOwner(short, "organization");
  }

  /** "Kerry" → "John Kerry", "Assad" → "Bashar al-Assad", "Hillary" → "Hillary Clinton". */
  private personOwner(short: Cluster): Cluster | undefined {
    if (short.keys.length !== 1) return undefined;
    const key = short.keys[0] as string;
    const surname = surnameKey(key);
    const bySurname = eligible(
      short,
      this.bySurname.get(surname).filter((c) => {
        const k = root(c).keys;
        return surnameOf(k) === surname || surnameKey(k[k.length - 1] as string) === surname;
      }),
    );
    if (bySurname.length > 0) return mostNamed(bySurname);
    return (
      unique(eligible(short, this.byMention.get(key))) ??
      unique(
        eligible(
          short,
          this.byFirst.get(key).filter((c) => root(c).keys[0] === key),
        ),
      )
    );
  }

  /** "UN" → "United Nations", "NY Times" → "New York Times", "State Department" → "U.S. State Department". */
  private nameOwner(short: Cluster, type: EntityType): Cluster | undefined {
    const keys = short.keys;
    const words = this.words(short);
    const key = keys.join(" ");
    const head = words[0];
    if (keys.length === 1 && head !== undefined && isAcronym(head)) {
      const byAcronym = unique(
        eligible(
          short,
          this.byInitials.get(key).filter((c) => initials(this.words(root(c))) === key),
          type,
        ),
      );
      if (byAcronym) return byAcronym;
    }
    if (keys.length > 1 && head !== undefined && isAcronym(head)) {
      // An acronym standing for the owner's leading words: "NY Times" for "New York Times".
      const rest = keys.slice(1);
      const led = eligible(short, this.byLast.get(keys[keys.length - 1] as string), type).filter((c) => {
        const theirs = c.keys;
        if (!endsWith(theirs, rest)) return false;
        const lead = this.words(c).slice(0, theirs.length - rest.length);
        return lead.length > 1 && initials(lead) === keys[0];
      });
      const owner = unique(led);
      if (owner) return owner;
    }
    const last = keys[keys.length - 1] as string;
    if (ORG_CUES.has(last)) {
      // "the Times" for "The New York Times", "State Department" for "US State Department".
      const owner = unique(
        eligible(short, this.byLast.get(last), type).filter((c) => endsWith(c.keys, keys)),
      );
      if (owner) return owner;
    }
    if (keys.length === 1) {
      // "Cato" for "the Cato Institute": the one organisation this word opens.
      const owner = unique(
        eligible(short, this.byFirst.get(key), type).filter(
          (c) => c.keys.length === 2 && c.keys[0] === key && ORG_CUES.has(c.keys[1] as string),
        ),
      );
      if (owner) return owner;
    }
    return unique(eligible(short, this.byMention.get(key), type));
  }
}

function liveClusters(clusters: readonly Cluster[]): Cluster[] {
  return clusters.filter((c) => c.into === null);
}

/** Union clusters of one type that share `keyOf`, in order, never two entities of one article. */
function mergeByKey(clusters: readonly Cluster[], keyOf: (c: Cluster) => string | null): void {
  const seen = new Map<string, Cluster[]>();
  for (const c of clusters) {
    const key = keyOf(c);
    if (key === null) continue;
    const fullKey = `${c.type}|${key}`;
    const homes = seen.get(fullKey);
    const home = homes?.map(root).find((h) => h !== c && !overlaps(h, c));
    if (home) join(home, c);
    else if (homes) homes.push(c);
    else seen.set(fullKey, [c]);
  }
}

/** A middle initial ("F." in "John F. Kerry") makes a name no fuller for a reader telling people apart. */
function informativeWords(n: Node): number {
  return n.keys.filter((k) => k.length > 1).length;
}

/**
 * The name shown for a story entity: the fullest (middle initials aside), then the spelling most
 * versions use, then the first seen. "John Kerry" beside a later "John F. Kerry" stays "John Kerry".
 */
function displayName(c: Cluster): string {
  const counts = new Map<string, { count: number; words: number; first: number }>();
  for (const n of [...c.nodes].sort((a, b) => a.order - b.order)) {
    const name = n.words.join(" ");
    const seen = counts.get(name);
    if (seen) seen.count++;
    else counts.set(name, { count: 1, words: informativeWords(n), first: n.order });
  }
  const [best] = [...counts].sort(
    ([, a], [, b]) => b.words - a.words || b.count - a.count || a.first - b.first,
  );
  return best?.[0] ?? "";
}

/** Every spelling of the entity across versions, names and mentions, in order of first appearance. */
function variantsOf(c: Cluster): string[] {
  const out = new Set<string>();
  for (const n of c.nodes) {
    out.add(n.entity.name);
    for (const m of n.entity.mentions) out.add(m.text);
  }
  return [...out];
}

/**
 * Merge the entities of every version of a story. Each named article entity lands in exactly one
 * story entity; story entities come in order of first appearance (versions in the order given).
 */
export function mergeStoryEntities(versions: readonly VersionEntities[]): StoryEntity[] {
  const clusters: Cluster[] = [];
  for (const v of versions) {
    for (const entity of v.entities) {
      const node = nodeOf(v.article, entity, clusters.length);
      if (node.keys.length === 0) continue;
      clusters.push({
        type: entity.type,
        nodes: [node],
        articles: new Set([v.article]),
        keys: node.keys,
        order: node.order,
        into: null,
      });
    }
  }
  // The same name ("Kerry" and "Kerry", "U.S." and "US"), then the same person written with or
  // without a middle name or initial ("John F. Kerry", "John Kerry").
  mergeByKey(clusters, (c) => c.keys.join(" "));
  mergeByKey(liveClusters(clusters), (c) =>
    c.type === "person" && c.keys.length > 1 ? `${c.keys[0]} ${surnameOf(c.keys)}` : null,
  );
  // Short names join the fuller names they stand for, longest first: "NY Times" joins "New York
  // Times" before "the Times" looks, which then finds one owner rather than two. A cluster only
  // ever takes shorter names, so its fullest name, and the index filed by it, stay true.
  const live = liveClusters(clusters);
  const owners = new Owners(live);
  for (const c of [...live].sort((a, b) => b.keys.length - a.keys.length || a.order - b.order)) {
    if (c.into !== null) continue;
    const owner = owners.ownerOf(c);
    if (owner) join(owner, c);
  }
  return liveClusters(clusters)
    .sort((a, b) => a.order - b.order)
    .map((c, i) => ({
      id: `se${i + 1}`,
      type: c.type,
      name: displayName(c),
      members: [...c.nodes]
        .sort((a, b) => a.order - b.order)
        .map((n) => ({ article: n.article, entity: n.entity.id })),
      variants: variantsOf(c),
    }));
}

/** Story entity of each article entity id. */
export function storyEntityIndex(entities: readonly StoryEntity[]): Map<string, StoryEntity> {
  const out = new Map<string, StoryEntity>();
  for (const e of entities) for (const m of e.members) out.set(m.entity, e);
  return out;
}
