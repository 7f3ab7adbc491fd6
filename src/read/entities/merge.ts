import type { EntityType, Mention } from "../../model/index.js";
import { type Candidate, type Gender, isAcronym, normKey } from "./candidates.js";
import { ORG_CUES, SURNAME_PARTICLES } from "./lexicon.js";

/**
 * Groups of candidates that name one entity, and the rules that decide which group a new
 * candidate joins: the same name, the same person with a middle name, an acronym, a surname, a
 * first name, or a short form of an organisation. Every rule looks its groups up in an index keyed
 * by the word it compares, so merging stays linear in the candidates however many groups there are.
 */

/** Roles kept per entity: a page repeating "a spokesman", "an aide" … thousands of times must not grow the list. */
const MAX_ROLES = 24;

export interface Group {
  words: string[];
  mentions: Mention[];
  roles: string[];
  votes: { type: EntityType; strong: boolean }[];
  /** Every mention opened a sentence (so its capital proves nothing). */
  onlyInitial: boolean;
  /** The fullest written form so far ("Bashar Al-Assad"). */
  text: string;
  /** Introduced as someone's relative ("his wife Hillary Clinton"). */
  kin: boolean;
  /** Body offset of the first mention. */
  first: number;
  /** Gender a title or kinship noun gave one of its mentions, or null. */
  gender: Gender;
  /** The type the votes so far give (kept up to date by the merger). */
  type: EntityType;
  /** "start:end" of every mention added, so a span found again is not added twice. */
  spans: Set<string>;
  /** Votes counted by type, firm ones apart, so the type is known without rereading every vote. */
  strongVotes: Record<EntityType, number>;
  weakVotes: Record<EntityType, number>;
}

/** "Al-Assad" and "Assad" are one surname: Arabic article prefixes are often dropped. */
export function surnameKey(word: string): string {
  return word
    .replace(/\./g, "")
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/^(?:al|el|ad|as|ar|an)[-‐‑]/, "");
}

/** The surname of a full name: its last word, with a particle before it ("de Blasio", "van Gogh"). */
export function surnameOf(words: readonly string[]): string {
  const last = words[words.length - 1] as string;
  const before = words[words.length - 2];
  if (words.length >= 3 && before !== undefined && SURNAME_PARTICLES.has(before.toLowerCase())) {
    return `${before.toLowerCase()} ${surnameKey(last)}`;
  }
  return surnameKey(last);
}

/** Initials of the capitalised words, lower case: "United Nations" → "un", "Islamic State of Iraq and Syria" → "isis". */
export function initials(words: readonly string[]): string {
  return words
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("")
    .toLowerCase();
}

export function dropArticle(words: readonly string[]): string[] {
  return words[0]?.toLowerCase() === "the" ? words.slice(1) : [...words];
}

/** Firm votes decide when there are any, else the weak ones; the larger count wins. */
function voteType(g: Pick<Group, "strongVotes" | "weakVotes">): EntityType {
  const s = g.strongVotes;
  const count = s.person + s.organization + s.place > 0 ? s : g.weakVotes;
  // Ties go to person: an unmarked capitalised name in news copy is most often a person.
  if (count.person >= count.organization && count.person >= count.place) return "person";
  return count.organization >= count.place ? "organization" : "place";
}

export function typeOf(g: Group): EntityType {
  return g.type;
}

function isFullPerson(g: Group): boolean {
  return g.words.length > 1 && g.type === "person";
}

/** A multimap from a key to the groups filed under it. */
class Index {
  private readonly map = new Map<string, Group[]>();

  put(key: string, g: Group): void {
    const list = this.map.get(key);
    if (list === undefined) this.map.set(key, [g]);
    else if (!list.includes(g)) list.push(g);
  }

  get(key: string): readonly Group[] {
    return this.map.get(key) ?? [];
  }
}

export class Merger {
  readonly groups: Group[] = [];
  private readonly byKey = new Map<string, Group>();
  /** Groups by the surname, the first word, the last word and the initials of their fullest name. */
  private readonly bySurname = new Index();
  private readonly byFirst = new Index();
  private readonly byLast = new Index();
  private readonly byInitials = new Index();
  private readonly byAcronym = new Index();

  constructor(private readonly body: string) {}

  add(
    g: Group | undefined,
    c: Pick<
      Candidate,
      "start" | "end" | "words" | "text" | "type" | "strong" | "role" | "initial" | "kin"
    > & {
      gender?: Gender;
    },
  ): Group {
    const group = g ?? this.create(c);
    // One span is one mention, whichever pass finds it again.
    const span = `${c.start}:${c.end}`;
    if (group.spans.has(span)) return group;
    group.spans.add(span);
    group.mentions.push({ start: c.start, end: c.end, text: this.body.slice(c.start, c.end) });
    group.votes.push({ type: c.type, strong: c.strong });
    (c.strong ? group.strongVotes : group.weakVotes)[c.type]++;
    group.type = voteType(group);
    group.onlyInitial &&= c.initial;
    group.kin ||= c.kin;
    group.gender ??= c.gender ?? null;
    group.first = Math.min(group.first, c.start);
    if (c.role && group.roles.length < MAX_ROLES && !group.roles.includes(c.role)) group.roles.push(c.role);
    // The index keys come from the group's words alone: filed again only when those change.
    let renamed = g === undefined;
    if (c.words.length > group.words.length) {
      group.words = [...c.words];
      group.text = c.text;
      renamed = true;
    }
    if (renamed) this.file(group);
    if (c.words.length > 0) this.byKey.set(normKey(dropArticle(c.words)), group);
    return group;
  }

  /**
   * File a group under the keys of its current fullest name (stale keys are checked on look-up).
   * Filing is idempotent, so a group whose words have not changed since it was filed is skipped.
   */
  private file(g: Group): void {
    const words = dropArticle(g.words);
    if (words.length === 0) return;
    if (g.words.length > 1) {
      this.bySurname.put(surnameOf(g.words), g);
      this.bySurname.put(surnameKey(g.words[g.words.length - 1] as string), g);
      this.byFirst.put(surnameKey(g.words[0] as string), g);
      this.byInitials.put(initials(words), g);
    } else {
      this.byAcronym.put((words[0] as string).replace(/\./g, "").toLowerCase(), g);
    }
    this.byLast.put((words[words.length - 1] as string).toLowerCase(), g);
    this.byFirst.put((words[0] as string).toLowerCase(), g);
  }

  private create(c: Pick<Candidate, "words" | "text" | "start" | "type">): Group {
    const g: Group = {
      words: [...c.words],
      text: c.text,
      mentions: [],
      roles: [],
      votes: [],
      onlyInitial: true,
      kin: false,
      first: c.start,
      gender: null,
      type: c.type,
      spans: new Set(),
      strongVotes: { person: 0, organization: 0, place: 0 },
      weakVotes: { person: 0, organization: 0, place: 0 },
    };
    this.groups.push(g);
    return g;
  }

  byName(words: readonly string[]): Group | undefined {
    return this.byKey.get(normKey(dropArticle(words)));
  }

  /** A full name with the same first and last word ("John F. Kerry" = "John Kerry"). */
  samePerson(words: readonly string[]): Group | undefined {
    const first = words[0]?.toLowerCase();
    const last = surnameKey(words[words.length - 1] as string);
    return this.bySurname
      .get(last)
      .find(
        (g) =>
          isFullPerson(g) &&
          g.words[0]?.toLowerCase() === first &&
          surnameKey(g.words[g.words.length - 1] as string) === last,
      );
  }

  /** Organisation whose initials are this acronym ("UN" for "United Nations"), or the reverse. */
  acronymMatch(words: readonly string[]): Group | undefined {
    if (words.length === 1 && isAcronym(words[0] as string)) {
      const key = (words[0] as string).replace(/\./g, "").toLowerCase();
      return this.byInitials
        .get(key)
        .find((g) => g.words.length > 1 && initials(dropArticle(g.words)) === key);
    }
    const init = initials(dropArticle(words));
    if (init.length < 2) return undefined;
    return this.byAcronym
      .get(init)
      .find((g) => g.words.length === 1 && (g.words[0] as string).replace(/\./g, "").toLowerCase() === init);
  }

  /**
   * The full-named person a surname refers to. Two people may share it ("Hillary Clinton", "Bill
   * Clinton"): a bearer of the mention's own gender ("Mrs. Clinton") is meant; otherwise one
   * introduced as the other's relative ("his wife", "daughter Chelsea Clinton") gives way, and
   * among the rest the first named is the one the article is about and keeps the bare surname. A
   * first name is never crossed: the surname goes to a full name, never to another surname-only
   * entity.
   */
  surnameOwner(key: string, gender: Gender = null): Group | undefined {
    let owners = this.bySurname
      .get(key)
      .filter(
        (g) =>
          isFullPerson(g) &&
          (surnameOf(g.words) === key || surnameKey(g.words[g.words.length - 1] as string) === key) &&
          (gender === null || g.gender === null || g.gender === gender),
      );
    if (owners.length === 0) return undefined;
    const sameGender = gender === null ? [] : owners.filter((g) => g.gender === gender);
    if (sameGender.length > 0) owners = sameGender;
    else if (owners.length > 1) {
      const notKin = owners.filter((g) => !g.kin);
      if (notKin.length > 0) owners = notKin;
    }
    return owners.reduce((a, b) => (b.first < a.first ? b : a));
  }

  /**
   * The one full-named person whose first name this is ("Hillary" after "Hillary Clinton", "Mr.
   * Ban" after "Ban Ki-moon", whose family name comes first); none when two people share it.
   */
  firstNameOwner(word: string): Group | undefined {
    const key = surnameKey(word);
    const owners = this.byFirst
      .get(key)
      .filter((g) => isFullPerson(g) && surnameKey(g.words[0] as string) === key);
    return owners.length === 1 ? owners[0] : undefined;
  }

  /**
   * An organisation this shorter name ends ("the Times" for "The New York Times", "the Intelligence
   * Committee" for "the House Intelligence Committee"): the nearest one named before `at`, else the
   * first. The shorter name must end in an organisation word.
   */
  orgSuffixOwner(words: readonly string[], at: number): Group | undefined {
    const own = dropArticle(words).map((w) => w.toLowerCase());
    const last = own[own.length - 1] as string;
    if (!ORG_CUES.has(last)) return undefined;
    let best: Group | undefined;
    let bestAt = -1;
    for (const g of this.byLast.get(last)) {
      const theirs = dropArticle(g.words).map((w) => w.toLowerCase());
      if (theirs.length <= own.length || g.type !== "organization") continue;
      if (theirs.slice(theirs.length - own.length).join(" ") !== own.join(" ")) continue;
      let before = -1;
      for (const m of g.mentions) if (m.start < at && m.start > before) before = m.start;
      if (best === undefined || before > bestAt) {
        best = g;
        bestAt = before;
      }
    }
    return best;
  }

  /** "Hofstra" after "Hofstra University", "Cato" after "the Cato Institute": the one organisation it opens. */
  orgPrefixOwner(word: string): Group | undefined {
    const key = word.toLowerCase();
    const owners = this.byFirst.get(key).filter((g) => {
      const words = dropArticle(g.words);
      return (
        words.length === 2 &&
        words[0]?.toLowerCase() === key &&
        ORG_CUES.has((words[1] as string).toLowerCase()) &&
        g.type === "organization"
      );
    });
    return owners.length === 1 ? owners[0] : undefined;
  }
}
