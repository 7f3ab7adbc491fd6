/**
 * The incremental story clusterer: each article, in arrival order, is checked for an exact
 * duplicate (canonical URL, normalised-text hash), then for a near-duplicate (MinHash, LSH bands
 * with capped buckets), and otherwise scored against the few stories that share its most
 * distinctive keys; it joins the best if the score clears the threshold, or starts a story.
 * See index.ts for the contract.
 */
import type { DocFeatures, Weighted } from "./features.js";
import { base64ToU32, combine, hash32, splitHex64 } from "./hash.js";
import {
  DATE_CONFLICT_FACTOR,
  ERA_CAMP_MIN,
  ERA_GAP_YEARS,
  EVENT_DATE_TOLERANCE_DAYS,
  INDEX_KEYS_PER_STORY,
  JOIN_THRESHOLD,
  LEAD_NAME_PENALTY,
  LEAD_PERSON_PENALTY,
  LSH_BANDS,
  LSH_BUCKET_CAP,
  LSH_ROWS,
  MAX_CANDIDATES,
  MAX_COUNTED_KEYS,
  MAX_KEY_DF_SHARE,
  MERGE_THRESHOLD,
  MIN_DUPLICATE_WORDS,
  MINHASH_HASHES,
  NEAR_DUPLICATE_JACCARD,
  ORPHAN_JOIN_SHARE,
  POSTINGS_WALK,
  QUERY_KEYS,
  REFINE_ROUNDS,
  SAME_EVENT_DAYS,
  SPLIT_MIN_LEADS,
  STORY_DATES,
  STORY_ENTITIES,
  STORY_NUMBERS,
  STORY_QUOTES,
  STORY_TERMS,
  TIME_GRACE_DAYS,
  TIME_HALF_LIFE_DAYS,
  TOPIC_GUARD_MIN_SIZE,
  TOPIC_KEYS,
  TOPIC_OVERLAP_SHARE,
  WEIGHT_DATES,
  WEIGHT_ENTITIES,
  WEIGHT_NUMBERS,
  WEIGHT_QUOTES,
  WEIGHT_TERMS,
} from "./knobs.js";
import { ChainIndex, IntList, KeyCounter } from "./tables.js";

/** Feature blocks, in key-id order (the block is the key id's top 3 bits). */
export const BLOCKS = ["terms", "entities", "numbers", "dates", "quotes"] as const;
export type BlockName = (typeof BLOCKS)[number];
const NBLOCKS = BLOCKS.length;
const ENTITY_BLOCK = BLOCKS.indexOf("entities");
const STORY_CAP: readonly number[] = [STORY_TERMS, STORY_ENTITIES, STORY_NUMBERS, STORY_DATES, STORY_QUOTES];

function blockLists(f: DocFeatures): readonly Weighted[][] {
  return [f.terms, f.entities, f.numbers, f.dates, f.quotes];
}

/** The similarity's tunable parameters; defaults are the knobs. */
export interface ClusterParams {
  /** Per-block weights, in BLOCKS order. */
  weights: readonly number[];
  joinThreshold: number;
  dateConflictFactor: number;
}

export const DEFAULT_PARAMS: ClusterParams = {
  weights: [WEIGHT_TERMS, WEIGHT_ENTITIES, WEIGHT_NUMBERS, WEIGHT_DATES, WEIGHT_QUOTES],
  joinThreshold: JOIN_THRESHOLD,
  dateConflictFactor: DATE_CONFLICT_FACTOR,
};

/**
 * An article's keys as the clusterer weighs them before IDF: what a refinement round reads
 * again. Key ids are in block order (the order of the feature lists), tf is 1 + ln count.
 */
export interface DocKeys {
  /** Insertion index of the article. */
  doc: number;
  ids: Uint32Array;
  tf: Float32Array;
  /** Lead (dateline) day, or NaN. */
  lead: number;
  /** Publication day, or NaN. */
  published: number;
  /** Entity key ids of the lead's people (DocFeatures.leadPeople). */
  people: Uint32Array;
  /** The latest year the text writes, or NaN. */
  latestYear: number;
}

/**
 * Where the clusterer keeps the keys of the articles it clusters, for `refine`: in memory for a
 * small batch, in a file for a large one (src/cli/cluster.ts). Replays in insertion order.
 */
export interface KeyLog {
  append(keys: DocKeys): void;
  replay(): Iterable<DocKeys>;
}

/** A KeyLog in memory: about 2 KB an article. */
export class MemoryKeyLog implements KeyLog {
  private readonly items: DocKeys[] = [];
  append(keys: DocKeys): void {
    this.items.push(keys);
  }
  replay(): Iterable<DocKeys> {
    return this.items;
  }
}

/**
 * The steps of `refine` that take time in proportion to the corpus: the reassignment rounds
 * (articles looked at), the merge of stories alike (stories looked at) and the adoption of
 * articles left alone (articles looked at).
 */
export type RefinePhase = "reassign" | "merge" | "adopt";

/**
 * Where a refinement is: in which phase (and, for reassignment, which round), items looked at so
 * far out of all, and how many moved (articles; for the merge, stories absorbed). Each phase is
 * reported at 0, every REFINE_PROGRESS_EVERY items, and at its total.
 */
export interface RefineProgress {
  phase: RefinePhase;
  round: number;
  done: number;
  total: number;
  moved: number;
}

/** Items between two progress calls of `refine`. */
const REFINE_PROGRESS_EVERY = 1_000;

export interface AddResult {
  /** Story id, stable for the life of the clusterer (and across a replay): "s000001", "s000002", … */
  story: string;
  /** The earlier article with the same canonical URL or the same normalised text, or null. */
  duplicateOf: string | null;
  /** The earlier article whose text is a near copy (estimated Jaccard ≥ NEAR_DUPLICATE_JACCARD), or null. */
  nearDuplicateOf: string | null;
  /** True when this article started its story. */
  created: boolean;
  /** Score against the story joined (1 for duplicates, 0 for a new story). */
  score: number;
}

interface Story {
  /** Centroid key ids, ascending (block in the top 3 bits). */
  ids: Uint32Array;
  /** Centroid weights, parallel to ids: sums of member articles' unit block vectors. */
  w: Float32Array;
  /** Per-block Euclidean norm of the centroid. */
  norms: Float64Array;
  /** Articles in the story, duplicates included. */
  size: number;
  /** Publication-day span of the members (NaN when none had one). */
  tmin: number;
  tmax: number;
  /** Lead (dateline) days of members, at most LEADS_KEPT. */
  leads: number[];

  /** Keys the story is listed under (a short array: a Set would cost a kilobyte a story). */
  indexed: number[];
}

/** Distinct lead days a story remembers. */
const LEADS_KEPT = 8;
/** Too-common keys are only judged once this many articles have been counted. */
const DF_WARMUP_DOCS = 1_000;

function hasKey(ids: Uint32Array, id: number): boolean {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return ids[lo] === id;
}

/**
 * 1 - LEAD_PERSON_PENALTY when the story is one article that names none of the people of this
 * article's lead. Only then: a story of one report has not yet shown who its event is about in
 * more than one telling, which is where a sibling event's first report slips in; a grown story's
 * members name several people, and another report of it may lead with any of them.
 */
function personFactor(people: Uint32Array, story: Story): number {
  return story.size === 1 && namesNone(people, story) ? 1 - LEAD_PERSON_PENALTY : 1;
}

/**
 * Whether some lead (dateline) day of one story is within SAME_EVENT_DAYS of one of the
 * other's: two stories whose reports date the event alike (a report filed the next morning or
 * across a time zone included) are held to the join threshold only when merging (see knobs.ts).
 */
function sameEventDay(a: Story, b: Story): boolean {
  for (const d of a.leads) for (const e of b.leads) if (Math.abs(d - e) <= SAME_EVENT_DAYS) return true;
  return false;
}

/** Does the story's centroid name none of these lead people (and there are some)? */
function namesNone(people: Uint32Array, story: Story): boolean {
  if (people.length === 0) return false;
  for (const id of people) if (hasKey(story.ids, id)) return false;
  return true;
}

/**
 * True when two stories of at least TOPIC_GUARD_MIN_SIZE articles owe their agreement to a few
 * keys: averaged over the term and name blocks, the TOPIC_KEYS largest products of shared keys'
 * centroid weights exceed TOPIC_OVERLAP_SHARE of the block's dot product (see knobs.ts).
 */
function sharesOnlyTopic(a: Story, b: Story): boolean {
  if (Math.min(a.size, b.size) < TOPIC_GUARD_MIN_SIZE) return false;
  const dots = TOPIC_BLOCKS.map(() => 0);
  const tops = TOPIC_BLOCKS.map((): number[] => []);
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      const t = TOPIC_BLOCKS.indexOf(blockOf(x));
      if (t >= 0) {
        const p = a.w[i]! * b.w[j]!;
        dots[t]! += p;
        keepLargest(tops[t]!, p, TOPIC_KEYS);
      }
      i++;
      j++;
    }
  }
  let sum = 0;
  // No shared key at all is the most concentrated overlap there is.
  for (const [t, dot] of dots.entries()) sum += dot > 0 ? tops[t]!.reduce((s, p) => s + p, 0) / dot : 1;
  return sum / TOPIC_BLOCKS.length > TOPIC_OVERLAP_SHARE;
}

const TOPIC_BLOCKS = [BLOCKS.indexOf("terms"), ENTITY_BLOCK];

/** Inserts p into `top` (descending, at most k long) if it is among the k largest. */
function keepLargest(top: number[], p: number, k: number): void {
  if (top.length === k && p <= top[k - 1]!) return;
  let at = top.length === k ? k - 1 : top.length;
  while (at > 0 && top[at - 1]! < p) {
    top[at] = top[at - 1]!;
    at--;
  }
  top[at] = p;
}

function emptyStory(): Story {
  return {
    ids: new Uint32Array(0),
    w: new Float32Array(0),
    norms: new Float64Array(NBLOCKS),
    size: 0,
    tmin: Number.NaN,
    tmax: Number.NaN,
    leads: [],
    indexed: [],
  };
}

/**
 * What `add` reads of an article's features, its strings hashed to key ids and its signature
 * decoded: numbers and typed arrays only. An ingest worker computes it beside the features, so
 * that the thread that clusters neither parses the features' JSON nor hashes their keys (about a
 * sixth of that thread's time at 100k articles). `add` given DocFeatures compiles them itself,
 * with this same function, so both ways give the same stories.
 */
export interface CompiledFeatures {
  words: number;
  /** The text hash's two 32-bit halves: the chain key and the check. */
  textKey: number;
  textCheck: number;
  /** hash32 of the canonical URL and its check, or -1 and 0 for no URL. */
  urlKey: number;
  urlCheck: number;
  /** The MinHash signature, or null (none, or not of MINHASH_HASHES values). */
  sig: Uint32Array | null;
  lead: number;
  published: number;
  /** Every key id in block order, zero counts too: what the document frequencies count. */
  counted: Uint32Array;
  /** The keys with a positive count, in block order, and their 1 + ln count. */
  ids: Uint32Array;
  tf: Float32Array;
  people: Uint32Array;
  latestYear: number;
  /** Entity key ids of the lead's names, and each one's 1 + ln count. */
  leadIds: Uint32Array;
  leadTf: Float64Array;
}

export function compileFeatures(f: DocFeatures): CompiledFeatures {
  const lists = blockLists(f);
  let all = 0;
  let n = 0;
  for (const list of lists) {
    all += list.length;
    for (const [, c] of list) if (c > 0) n++;
  }
  const counted = new Uint32Array(all);
  const ids = n === all ? counted : new Uint32Array(n);
  const tf = new Float32Array(n);
  let at = 0;
  let i = 0;
  for (let b = 0; b < NBLOCKS; b++) {
    for (const [k, c] of lists[b]!) {
      const id = keyId(b, k);
      counted[at++] = id;
      if (c <= 0) continue;
      ids[i] = id;
      tf[i] = 1 + Math.log(c);
      i++;
    }
  }
  const [textCheck, textKey] = splitHex64(f.textHash);
  const sig = f.minhash !== null ? base64ToU32(f.minhash) : null;
  return {
    words: f.words,
    textKey,
    textCheck: textCheck | 0,
    urlKey: f.url !== null ? hash32(f.url) : -1,
    urlCheck: f.url !== null ? hash32(f.url, 0x9747b28c) | 0 : 0,
    sig: sig !== null && sig.length === MINHASH_HASHES ? sig : null,
    lead: f.lead ?? Number.NaN,
    published: f.published ?? Number.NaN,
    counted,
    ids,
    tf,
    people: Uint32Array.from(f.leadPeople, (name) => keyId(ENTITY_BLOCK, name)),
    latestYear: latestYear(f),
    leadIds: Uint32Array.from(f.leadNames, ([name]) => keyId(ENTITY_BLOCK, name)),
    leadTf: Float64Array.from(f.leadNames, ([, c]) => 1 + Math.log(c)),
  };
}

function isCompiled(f: DocFeatures | CompiledFeatures): f is CompiledFeatures {
  return "counted" in f;
}

function latestYear(f: DocFeatures): number {
  let latest = Number.NaN;
  for (const [k] of f.dates) {
    if (!k.startsWith("y:")) continue;
    const y = Number(k.slice(2));
    if (!(y <= latest)) latest = y;
  }
  return latest;
}

interface Era {
  event: number;
  latest: number;
}

/** Whether every year the article writes or is dated lies ERA_GAP_YEARS or more before `year` (and it writes one). */
function writtenBefore(keys: DocKeys, year: number): boolean {
  return (
    keys.latestYear <= year - ERA_GAP_YEARS &&
    (Number.isNaN(keys.lead) || yearOfDay(keys.lead) <= year - ERA_GAP_YEARS)
  );
}

/** Whether the article was written before the story's event year, or dated well after every year the story writes. */
function otherEra(keys: DocKeys, era: Era | undefined): boolean {
  if (era === undefined) return false;
  if (writtenBefore(keys, era.event)) return true;
  return !Number.isNaN(keys.lead) && era.latest <= yearOfDay(keys.lead) - ERA_GAP_YEARS;
}

/**
 * Whether two stories are of different eras: every year one writes or is dated lies
 * ERA_GAP_YEARS or more before the other's event year (see splitEras).
 */
function erasApart(a: Era | undefined, b: Era | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return a.latest <= b.event - ERA_GAP_YEARS || b.latest <= a.event - ERA_GAP_YEARS;
}

/** The era of two stories merged: the first's event year unless it has none, the latest year of either. */
function joinEras(a: Era | undefined, b: Era | undefined): Era | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  return {
    event: Number.isNaN(a.event) ? b.event : a.event,
    latest: Number.isNaN(a.latest) || b.latest > a.latest ? b.latest : a.latest,
  };
}

function yearOfDay(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

function blockOf(id: number): number {
  return id >>> 29;
}

function keyId(block: number, key: string): number {
  return ((hash32(key) >>> 3) | (block << 29)) >>> 0;
}

interface DocVector {
  ids: Uint32Array;
  w: Float32Array;
  /** Which blocks are non-empty. */
  has: boolean[];
  /**
   * An open-addressing table of `ids` (linear probing, at most a quarter full): scoring walks a
   * story's keys and probes it, instead of merging two sorted lists, which cost more per story.
   */
  slotKey: Uint32Array;
  /** Index into `ids` of the key in each slot, or -1 for an empty slot. */
  slotAt: Int32Array;
}

function slotOf(id: number, mask: number): number {
  return (Math.imul(id, 0x9e3779b1) >>> 0) & mask;
}

function withSlots(ids: Uint32Array, w: Float32Array, has: boolean[]): DocVector {
  const n = ids.length;
  let capacity = 16;
  while (capacity < n * 4) capacity *= 2;
  const mask = capacity - 1;
  const slotKey = new Uint32Array(capacity);
  const slotAt = new Int32Array(capacity).fill(-1);
  for (let k = 0; k < n; k++) {
    let h = slotOf(ids[k]!, mask);
    while (slotAt[h]! >= 0) h = (h + 1) & mask;
    slotKey[h] = ids[k]!;
    slotAt[h] = k;
  }
  return { ids, w, has, slotKey, slotAt };
}

export class StoryClusterer {
  private readonly params: ClusterParams;
  private readonly df = new KeyCounter(MAX_COUNTED_KEYS);
  private counted = 0;

  // Per article, by insertion index.
  private readonly ids: string[] = [];
  private readonly docStory = new IntList(1 << 12);
  private readonly textHi = new IntList(1 << 12);
  private readonly urlHi = new IntList(1 << 12);
  private readonly sigs = new IntList(1 << 14);
  /** Insertion index → offset of its signature in sigs, or -1. */
  private readonly sigAt = new IntList(1 << 12);

  private readonly byText = new ChainIndex();
  private readonly byUrl = new ChainIndex();
  private readonly bands = new ChainIndex();

  private readonly stories: Story[] = [];
  /** Query-key hits per story, zero between calls of `candidates`. */
  private hitCount = new Int32Array(1024);
  private readonly postings = new ChainIndex();

  /**
   * Insertion index → the earlier article it duplicates: its index for an exact duplicate,
   * -2 - its index for a near one, -1 for none.
   */
  private readonly copyOf = new IntList(1 << 12);
  private readonly keyLog: KeyLog | null;
  /** Articles that are not copies: those in the key log, which the refinement's article phases go through. */
  private logged = 0;
  private merged = 0;
  private split = 0;
  private adopted = 0;

  /** With a key log, the clusterer keeps every article's keys there, so that `refine` can run. */
  constructor(params: Partial<ClusterParams> = {}, keyLog: KeyLog | null = null) {
    this.params = { ...DEFAULT_PARAMS, ...params };
    this.keyLog = keyLog;
  }

  get docCount(): number {
    return this.ids.length;
  }

  get storyCount(): number {
    return this.stories.length;
  }

  /** Stories with at least one article (refinement can empty a story). */
  liveStoryCount(): number {
    let n = 0;
    for (const s of this.stories) if (s.size > 0) n++;
    return n;
  }

  /** Story id of the n-th story (0-based). */
  static storyId(index: number): string {
    return `s${String(index + 1).padStart(6, "0")}`;
  }

  /** Bytes held by the typed indexes (the story objects and id strings come on top). */
  indexBytes(): number {
    return (
      this.df.bytes +
      this.docStory.data.byteLength * 4 +
      this.sigs.data.byteLength +
      this.byText.bytes +
      this.byUrl.bytes +
      this.bands.bytes +
      this.postings.bytes
    );
  }

  /**
   * Adds one article. Deterministic: the same features in the same order give the same stories.
   * An id seen before is added again as a new article (the store should not call it twice).
   */
  add(id: string, features: DocFeatures | CompiledFeatures, opts: { observed?: boolean } = {}): AddResult {
    const f = isCompiled(features) ? features : compileFeatures(features);
    const doc = this.ids.length;
    this.ids.push(id);

    // Exact duplicates: canonical URL, then normalised text.
    let dup = -1;
    const hasUrl = f.urlKey !== -1;
    const { urlKey, urlCheck, textKey, textCheck } = f;
    if (hasUrl) dup = this.findChain(this.byUrl, urlKey, this.urlHi, urlCheck);
    const textCounts = f.words >= MIN_DUPLICATE_WORDS;
    if (dup < 0 && textCounts) dup = this.findChain(this.byText, textKey, this.textHi, textCheck);
    this.urlHi.push(urlCheck);
    this.textHi.push(textCheck);
    if (hasUrl) this.byUrl.add(urlKey, doc);
    if (textCounts) this.byText.add(textKey, doc);

    // Near duplicates: MinHash with LSH bands.
    let near = -1;
    let nearJ = 0;
    const sig = textCounts ? f.sig : null;
    if (sig !== null) {
      const at = this.sigs.length;
      for (let i = 0; i < MINHASH_HASHES; i++) this.sigs.push(sig[i]! | 0);
      this.sigAt.push(at);
      const seen = new Set<number>();
      for (let b = 0; b < LSH_BANDS; b++) {
        let h = b + 1;
        for (let r = 0; r < LSH_ROWS; r++) h = combine(h, sig[b * LSH_ROWS + r]!);
        let n = 0;
        for (let s = this.bands.first(h); s >= 0; s = this.bands.next(s)) {
          n++;
          const other = this.bands.item(s);
          if (dup >= 0 || seen.has(other)) continue;
          seen.add(other);
          const j = this.jaccard(at, this.sigAt.get(other));
          if (j > nearJ || (j === nearJ && near >= 0 && other < near)) {
            nearJ = j;
            near = other;
          }
        }
        if (n < LSH_BUCKET_CAP) this.bands.add(h, doc);
      }
      if (nearJ < NEAR_DUPLICATE_JACCARD) near = -1;
    } else {
      this.sigAt.push(-1);
    }

    const copyOf = dup >= 0 ? dup : near;
    this.copyOf.push(dup >= 0 ? dup : near >= 0 ? -2 - near : -1);
    if (copyOf >= 0) {
      const si = this.docStory.get(copyOf);
      const story = this.stories[si]!;
      story.size++;
      this.stretchTime(story, f.lead, f.published);
      this.docStory.push(si);
      return {
        story: StoryClusterer.storyId(si),
        duplicateOf: dup >= 0 ? this.ids[dup]! : null,
        nearDuplicateOf: dup < 0 ? this.ids[near]! : null,
        created: false,
        score: 1,
      };
    }

    // Stories.
    if (opts.observed !== true) this.countTerms(f);
    const keys: DocKeys = {
      doc,
      ids: f.ids,
      tf: f.tf,
      lead: f.lead,
      published: f.published,
      people: f.people,
      latestYear: f.latestYear,
    };
    this.keyLog?.append(keys);
    this.logged++;
    const vec = this.vector(keys);
    const query = this.queryKeys(vec);
    const people = keys.people;
    let best = -1;
    let bestScore = 0;
    for (const si of this.candidates(query)) {
      const story = this.stories[si]!;
      const score =
        this.score(vec, keys, story, false) * this.leadFactor(f, story) * personFactor(people, story);
      if (score > bestScore || (score === bestScore && best >= 0 && si < best)) {
        bestScore = score;
        best = si;
      }
    }
    let created = false;
    if (best < 0 || bestScore < this.params.joinThreshold) {
      best = this.stories.length;
      this.stories.push(emptyStory());
      created = true;
    }
    const story = this.stories[best]!;
    this.join(story, vec, keys);
    this.index(best, story, query);
    this.docStory.push(best);
    return {
      story: StoryClusterer.storyId(best),
      duplicateOf: null,
      nearDuplicateOf: null,
      created,
      score: created ? 0 : bestScore,
    };
  }

  /** Story id of every article added so far, in insertion order (after `refine`, the refined stories). */
  storyOf(doc: number): string {
    return StoryClusterer.storyId(this.docStory.get(doc));
  }

  /** Id of the n-th article added. */
  idOf(doc: number): string {
    return this.ids[doc]!;
  }

  /** The earlier article the n-th one duplicates, exactly or nearly, or null. */
  copyOfDoc(doc: number): string | null {
    const c = this.originalOf(doc);
    return c >= 0 ? this.ids[c]! : null;
  }

  /** Whether the n-th article is a near (not exact) duplicate of the one copyOfDoc names. */
  isNearCopy(doc: number): boolean {
    return this.copyOf.get(doc) <= -2;
  }

  private originalOf(doc: number): number {
    const c = this.copyOf.get(doc);
    return c <= -2 ? -2 - c : c;
  }

  /**
   * Batch refinement, once every article is in: rounds of K-means reassignment started from the
   * incremental stories. Each article is scored against its own story without itself and
   * against the stories its keys find; it moves when another story scores higher and at least
   * the join threshold; then every centroid is rebuilt from its new members. An online pass
   * decides each article on the stories seen before it, so its first members join on thin
   * evidence and late ones cannot pull an early one over; reassignment lets every article be
   * judged by all the others. Reassignment never starts a story: after the rounds, a story led
   * by two camps of people is split (splitStories), so is one holding a camp of reports written
   * before its dated reports' year (splitEras), and more rounds settle the articles in neither;
   * an earlier event's reports left in a later event's story move to the earlier era's story
   * (settleEras); then stories whose centroids agree are merged (mergeStories), unless they are
   * two such camps or two eras; last, an article still alone joins the story it scores best
   * against at a lower bar (adoptOrphans). Duplicates follow the article they copy. Needs the key
   * log given to the constructor. Returns the articles moved in each round.
   */
  refine(rounds: number = REFINE_ROUNDS, onProgress?: (p: RefineProgress) => void): number[] {
    const log = this.keyLog;
    if (log === null) throw new Error("refine needs a StoryClusterer built with a key log");
    const movedPerRound = this.reassign(log, rounds, null, onProgress);
    const splits = [this.splitStories(log), this.splitEras(log)].filter((x) => x !== null);
    const apart = splits.flatMap((x) => x.pairs);
    this.split = apart.length / 2;
    if (splits.length > 0) {
      const changed = new Uint8Array(this.stories.length);
      for (const x of splits) for (let i = 0; i < x.changed.length; i++) changed[i]! |= x.changed[i]!;
      movedPerRound.push(...this.reassign(log, rounds, changed, onProgress));
    }
    this.settleEras(log);
    this.merged = this.mergeStories(log, apart, onProgress);
    this.adopted = this.adoptOrphans(log, onProgress);
    return movedPerRound;
  }

  /**
   * Moves each article left alone in its story after the rounds and the merge into the story of
   * at least two articles it scores best against, when that score reaches ORPHAN_JOIN_SHARE of
   * the join threshold (see knobs.ts): a short report scores low against a long centroid even
   * when it tells that story's event. Stories of one article are not targets, so two orphans
   * never pair up on a weak score. A story that never names any of the article's lead people
   * scores 1 - LEAD_PERSON_PENALTY of it: at this low bar a brief about another person in the
   * same setting (another actor entering the same clinic) would otherwise be taken in. Returns the
   * articles moved.
   */
  private adoptOrphans(log: KeyLog, onProgress?: (p: RefineProgress) => void): number {
    const bar = ORPHAN_JOIN_SHARE * this.params.joinThreshold;
    const target = this.storyOfEachArticle();
    const next = new Uint8Array(this.stories.length);
    let moved = 0;
    let done = 0;
    const total = this.logged;
    onProgress?.({ phase: "adopt", round: 0, done, total, moved });
    for (const keys of log.replay()) {
      if (++done % REFINE_PROGRESS_EVERY === 0 && done < total)
        onProgress?.({ phase: "adopt", round: 0, done, total, moved });
      const own = target[keys.doc]!;
      if (this.stories[own]!.size !== 1) continue;
      const vec = this.vector(keys);
      let best = -1;
      let bestScore = 0;
      for (const si of this.candidates(this.queryKeys(vec))) {
        if (si === own || this.stories[si]!.size < 2) continue;
        const story = this.stories[si]!;
        const score =
          this.score(vec, keys, story, false) * (namesNone(keys.people, story) ? 1 - LEAD_PERSON_PENALTY : 1);
        if (score > bestScore || (score === bestScore && best >= 0 && si < best)) {
          bestScore = score;
          best = si;
        }
      }
      if (best < 0 || bestScore < bar) continue;
      target[keys.doc] = best;
      next[own] = 1;
      next[best] = 1;
      moved++;
    }
    if (moved > 0) this.rebuild(log, target, next);
    onProgress?.({ phase: "adopt", round: 0, done, total, moved });
    return moved;
  }

  /** Each article's story now: a pass writes the stories it moves articles to into it. */
  private storyOfEachArticle(): Int32Array {
    const target = new Int32Array(this.ids.length);
    for (let d = 0; d < target.length; d++) target[d] = this.docStory.get(d);
    return target;
  }

  /**
   * Opens an empty story for a piece to split off each of `from`: `fresh` maps each story to its
   * new one, `split` lists them as pairs (story, new story) that the merge must not join again.
   */
  private openSplitStories(from: Iterable<number>): { fresh: Map<number, number>; split: number[] } {
    const fresh = new Map<number, number>();
    const split: number[] = [];
    for (const si of from) {
      fresh.set(si, this.stories.length);
      split.push(si, this.stories.length);
      this.stories.push(emptyStory());
    }
    return { fresh, split };
  }

  /** Reassignment rounds; with `changed`, the first round looks only at members of the stories it marks. */
  private reassign(
    log: KeyLog,
    rounds: number,
    from: Uint8Array | null,
    onProgress?: (p: RefineProgress) => void,
  ): number[] {
    const movedPerRound: number[] = [];
    // Stories whose members changed in the last round: after the first round, only their
    // members are scored again and only they are rebuilt (the rest of the corpus stands still).
    let changed: Uint8Array | null = from;
    for (let round = 0; round < rounds; round++) {
      const target = this.storyOfEachArticle();
      const next = new Uint8Array(this.stories.length);
      let moved = 0;
      let done = 0;
      // After a split, an article does not move into a story of another era (see splitEras):
      // the undated reports of the earlier event would otherwise drift back into the later's.
      const eras = from === null ? null : this.storyEras(log);
      const total = this.logged;
      onProgress?.({ phase: "reassign", round, done, total, moved });
      for (const keys of log.replay()) {
        if (++done % REFINE_PROGRESS_EVERY === 0 && done < total)
          onProgress?.({ phase: "reassign", round, done, total, moved });
        const own = target[keys.doc]!;
        if (changed !== null && changed[own] !== 1) continue;
        const vec = this.vector(keys);
        let best = own;
        let bestScore = this.score(vec, keys, this.stories[own]!, true);
        for (const si of this.candidates(this.queryKeys(vec))) {
          if (si === own) continue;
          if (eras !== null && otherEra(keys, eras.get(si))) continue;
          const score = this.score(vec, keys, this.stories[si]!, false);
          if (score > bestScore || (score === bestScore && best !== own && si < best)) {
            bestScore = score;
            best = si;
          }
        }
        if (best !== own && bestScore >= this.params.joinThreshold) {
          target[keys.doc] = best;
          next[own] = 1;
          next[best] = 1;
          moved++;
        }
      }
      movedPerRound.push(moved);
      if (moved > 0) this.rebuild(log, target, next);
      onProgress?.({ phase: "reassign", round, done, total, moved });
      if (moved === 0) break;
      changed = next;
    }
    return movedPerRound;
  }

  /**
   * Splits each story whose members' leads fall into two camps of people: SPLIT_MIN_LEADS
   * members or more led by A, as many led by B, no lead naming both, and one camp never naming
   * the other's person anywhere. Reports of one event lead with whoever it is about and name its
   * people together; two sibling events that the online pass joined (two players arrested, two
   * actresses in rehab) each lead with their own person, and the first event's reports cannot
   * know the second's, while the second's may recall the first in the background. The camp that
   * did not lead the story's first led report leaves for a new story; the members led by
   * neither are left to the reassignment rounds that follow. Returns the stories split with
   * their new halves (pairs, flat) and the stories changed, or null when none split.
   */
  private splitStories(log: KeyLog): { pairs: number[]; changed: Uint8Array } | null {
    const led = this.leadCounts(log);
    // Pairs of people each leading SPLIT_MIN_LEADS members, by story, most-led first.
    const pairs = new Map<number, [number, number][]>();
    for (const [si, counts] of led) {
      const big = [...counts].filter(([, c]) => c >= SPLIT_MIN_LEADS);
      if (big.length < 2) continue;
      big.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
      const list: [number, number][] = [];
      for (let i = 0; i < big.length; i++)
        for (let j = i + 1; j < big.length; j++) list.push([big[i]![0], big[j]![0]]);
      pairs.set(si, list);
    }
    if (pairs.size === 0) return null;
    // Which pairs some lead names together, and which person's camp names the other anywhere.
    const met = new Set<string>();
    const first = new Map<number, Uint32Array>();
    for (const keys of log.replay()) {
      if (keys.people.length === 0) continue;
      const si = this.docStory.get(keys.doc);
      if (pairs.has(si) && !first.has(si)) first.set(si, keys.people);
      for (const [a, b] of pairs.get(si) ?? []) {
        const byA = keys.people.includes(a);
        const byB = keys.people.includes(b);
        if (byA && byB) met.add(`${si}:${a}:${b}`);
        else if (byA && keys.ids.includes(b)) met.add(`${si}:${a}>${b}`);
        else if (byB && keys.ids.includes(a)) met.add(`${si}:${b}>${a}`);
      }
    }
    const leaving = new Map<number, number>();
    for (const [si, list] of pairs) {
      const camp = list.find(
        ([a, b]) =>
          !met.has(`${si}:${a}:${b}`) && !(met.has(`${si}:${a}>${b}`) && met.has(`${si}:${b}>${a}`)),
      );
      // The camp of the story's first report keeps the story.
      if (camp !== undefined) leaving.set(si, first.get(si)!.includes(camp[1]) ? camp[0] : camp[1]);
    }
    if (leaving.size === 0) return null;
    const { fresh, split } = this.openSplitStories(leaving.keys());
    const target = this.storyOfEachArticle();
    const changed = new Uint8Array(this.stories.length);
    for (const keys of log.replay()) {
      const si = target[keys.doc]!;
      const person = leaving.get(si);
      if (person === undefined) continue;
      changed[si] = 1;
      if (keys.people.includes(person)) {
        target[keys.doc] = fresh.get(si)!;
        changed[fresh.get(si)!] = 1;
      }
    }
    this.rebuild(log, target, changed);
    return { pairs: split, changed };
  }

  /**
   * Splits each story with an event year (see storyEras) that holds ERA_CAMP_MIN members or
   * more written before it: members whose latest year, written or dated, is ERA_GAP_YEARS or
   * more before the event year. A report of an event dates it or writes its year; one whose
   * years all lie well before (the year of the election it reports, a two-year-old quake as the
   * latest mention) was written about an earlier event of the same kind, which the sibling's
   * reports may recall but not the other way round. The dated members and the old camp seed two
   * centroids; each other member goes to the one it scores higher against, the old camp's side
   * to a new story (undated reports of one event share their words with each other more than
   * with the sibling's). Returns the stories split with their new halves (pairs, flat) and the
   * stories changed, or null when none split.
   */
  private splitEras(log: KeyLog): { pairs: number[]; changed: Uint8Array } | null {
    const eras = this.storyEras(log);
    const before = (keys: DocKeys, era: Era): boolean => writtenBefore(keys, era.event);
    const oldCount = new Map<number, number>();
    for (const keys of log.replay()) {
      const si = this.docStory.get(keys.doc);
      const era = eras.get(si);
      if (era !== undefined && before(keys, era)) oldCount.set(si, (oldCount.get(si) ?? 0) + 1);
    }
    const seedNew = new Map<number, Story>();
    const seedOld = new Map<number, Story>();
    for (const [si, count] of oldCount) {
      if (count < ERA_CAMP_MIN) continue;
      seedNew.set(si, emptyStory());
      seedOld.set(si, emptyStory());
    }
    if (seedNew.size === 0) return null;
    const dated = (keys: DocKeys, era: Era): boolean =>
      !Number.isNaN(keys.lead) && Math.abs(yearOfDay(keys.lead) - era.event) < ERA_GAP_YEARS;
    for (const keys of log.replay()) {
      const si = this.docStory.get(keys.doc);
      const era = eras.get(si);
      if (era === undefined || !seedNew.has(si)) continue;
      if (dated(keys, era)) this.join(seedNew.get(si)!, this.vector(keys), keys);
      else if (before(keys, era)) this.join(seedOld.get(si)!, this.vector(keys), keys);
    }
    const seeded = [...seedNew].filter(([, seed]) => seed.size > 0).map(([si]) => si);
    if (seeded.length === 0) return null;
    const { fresh, split } = this.openSplitStories(seeded);
    const target = this.storyOfEachArticle();
    const changed = new Uint8Array(this.stories.length);
    for (const keys of log.replay()) {
      const si = target[keys.doc]!;
      const to = fresh.get(si);
      if (to === undefined) continue;
      changed[si] = 1;
      changed[to] = 1;
      const era = eras.get(si)!;
      let old = before(keys, era);
      if (!old && !dated(keys, era)) {
        const vec = this.vector(keys);
        old = this.score(vec, keys, seedOld.get(si)!, false) > this.score(vec, keys, seedNew.get(si)!, false);
      }
      if (old) target[keys.doc] = to;
    }
    this.rebuild(log, target, changed);
    return { pairs: split, changed };
  }

  /**
   * Moves the reports of an earlier event out of a story with an event year into the story of
   * that earlier era it scores best against at the merge bar (a story whose every written or
   * dated year lies ERA_GAP_YEARS or more before the event year): the online pass let a few
   * undated reports of the earlier event join the later one's story, too few for splitEras, and
   * the merge, which must not join two eras, would leave them there. As in splitEras, the
   * members dated in the event year seed the later side and the earlier story is the other; a
   * member written before the event year leaves, an undated one goes to the side it scores
   * higher against. Returns the articles moved.
   */
  private settleEras(log: KeyLog): number {
    const eras = this.storyEras(log);
    const older = new Map<number, number>();
    for (let si = 0; si < this.stories.length; si++) {
      const era = eras.get(si);
      const story = this.stories[si]!;
      if (era === undefined || Number.isNaN(era.event) || story.size === 0) continue;
      const vec = this.centroidVector(story);
      let best = -1;
      let bestScore = MERGE_THRESHOLD;
      for (const other of this.candidates(this.queryKeys(vec))) {
        const o = this.stories[other]!;
        if (other === si || o.size === 0) continue;
        const oe = eras.get(other);
        if (oe === undefined || !(oe.latest <= era.event - ERA_GAP_YEARS)) continue;
        const score = this.storyScore(vec, story, o);
        if (score >= bestScore && !sharesOnlyTopic(story, o)) {
          bestScore = score;
          best = other;
        }
      }
      if (best >= 0) older.set(si, best);
    }
    if (older.size === 0) return 0;
    const dated = (keys: DocKeys, event: number): boolean =>
      !Number.isNaN(keys.lead) && Math.abs(yearOfDay(keys.lead) - event) < ERA_GAP_YEARS;
    const seeds = new Map<number, Story>();
    for (const keys of log.replay()) {
      const si = this.docStory.get(keys.doc);
      if (!older.has(si) || !dated(keys, eras.get(si)!.event)) continue;
      let seed = seeds.get(si);
      if (seed === undefined) {
        seed = emptyStory();
        seeds.set(si, seed);
      }
      this.join(seed, this.vector(keys), keys);
    }
    const target = this.storyOfEachArticle();
    const changed = new Uint8Array(this.stories.length);
    let moved = 0;
    for (const keys of log.replay()) {
      const si = target[keys.doc]!;
      const to = older.get(si);
      const seed = seeds.get(si);
      if (to === undefined || seed === undefined) continue;
      const event = eras.get(si)!.event;
      if (dated(keys, event)) continue;
      let old = writtenBefore(keys, event);
      if (!old) {
        const vec = this.vector(keys);
        old = this.score(vec, keys, this.stories[to]!, false) > this.score(vec, keys, seed, false);
      }
      if (!old) continue;
      target[keys.doc] = to;
      changed[si] = 1;
      changed[to] = 1;
      moved++;
    }
    if (moved > 0) this.rebuild(log, target, changed);
    return moved;
  }

  /** Stories the last `refine` split in two (see splitStories). */
  get splitStoryCount(): number {
    return this.split;
  }

  /** Articles the last `refine` moved out of a story of their own (see adoptOrphans). */
  get adoptedCount(): number {
    return this.adopted;
  }

  /** Stories the last `refine` merged into another (see mergeStories). */
  get mergedStoryCount(): number {
    return this.merged;
  }

  /** Rebuilds the centroids of the stories marked in `next` from their members in `target`. */
  private rebuild(log: KeyLog, target: Int32Array, next: Uint8Array): void {
    for (let si = 0; si < this.stories.length; si++) {
      if (next[si] === 0) continue;
      const indexed = this.stories[si]!.indexed;
      this.stories[si] = emptyStory();
      this.stories[si]!.indexed = indexed;
    }
    for (const keys of log.replay()) {
      const si = target[keys.doc]!;
      if (next[si] === 0) continue;
      this.docStory.set(keys.doc, si);
      const vec = this.vector(keys);
      const story = this.stories[si]!;
      this.join(story, vec, keys);
      this.index(si, story, this.queryKeys(vec));
    }
    for (let d = 0; d < this.ids.length; d++) {
      const c = this.originalOf(d);
      if (c < 0) continue;
      const si = this.docStory.get(c);
      this.docStory.set(d, si);
      if (next[si] === 1) this.stories[si]!.size++;
    }
  }

  /**
   * Merges stories whose centroids score at least MERGE_THRESHOLD against each other (single
   * link), into the oldest of them. Reassignment moves one article at a time and never empties
   * a story wholesale: when the online pass has opened a story twice (its first report arrived
   * before the words that tie it to the other had been seen, or a story's distinctive names were
   * still too rare to look it up by), each half holds its members and the halves stay apart. Two
   * centroids of one story share most of their weight; two events of one kind share their topic
   * words but not their names and specifics, so the bar is well above the join threshold, and
   * two grown stories that agree only on their topic stay apart (sharesOnlyTopic). Two stories
   * whose leads date the event to the same day need only the join threshold (sameEventDay).
   * Returns the stories absorbed.
   */
  private mergeStories(
    log: KeyLog,
    apart: readonly number[],
    onProgress?: (p: RefineProgress) => void,
  ): number {
    const count = this.stories.length;
    const parent = new Int32Array(count);
    for (let si = 0; si < count; si++) parent[si] = si;
    const root = (si: number): number => {
      let r = si;
      while (parent[r] !== r) r = parent[r]!;
      return r;
    };
    // Stories just split stay apart, however alike their centroids.
    const kept = (a: number, b: number): boolean => {
      for (let k = 0; k < apart.length; k += 2) {
        const x = root(apart[k]!);
        const y = root(apart[k + 1]!);
        if ((x === a && y === b) || (x === b && y === a)) return true;
      }
      return false;
    };
    let merged = 0;
    const report = (done: number) =>
      onProgress?.({ phase: "merge", round: 0, done, total: count, moved: merged });
    report(0);
    const led = this.leadCounts(log);
    const eras = this.storyEras(log);
    for (let si = 0; si < count; si++) {
      if (si > 0 && si % REFINE_PROGRESS_EVERY === 0) report(si);
      const story = this.stories[si]!;
      if (story.size === 0 || story.ids.length === 0) continue;
      const vec = this.centroidVector(story);
      for (const other of this.candidates(this.queryKeys(vec))) {
        const o = this.stories[other]!;
        if (other === si || o.size === 0) continue;
        const bar = sameEventDay(story, o) ? this.params.joinThreshold : MERGE_THRESHOLD;
        if (this.storyScore(vec, story, o) < bar) continue;
        if (sharesOnlyTopic(story, o)) continue;
        const a = root(si);
        const b = root(other);
        if (a === b || kept(a, b) || this.rivals(si, other, led)) continue;
        // Nor two eras (see settleEras), judged on what each side holds so far.
        if (erasApart(eras.get(a), eras.get(b))) continue;
        const era = joinEras(eras.get(Math.min(a, b)), eras.get(Math.max(a, b)));
        if (era !== undefined) eras.set(Math.min(a, b), era);
        parent[Math.max(a, b)] = Math.min(a, b);
        merged++;
      }
    }
    if (merged === 0) {
      report(count);
      return 0;
    }
    const target = new Int32Array(this.ids.length);
    const next = new Uint8Array(count);
    for (let d = 0; d < this.ids.length; d++) {
      const own = this.docStory.get(d);
      const r = root(own);
      target[d] = r;
      if (r !== own) {
        next[own] = 1;
        next[r] = 1;
      }
    }
    this.rebuild(log, target, next);
    report(count);
    return merged;
  }

  /**
   * Per story: its event year, the lead (dateline) year of most of its dated members when at
   * least SPLIT_MIN_LEADS share it (NaN otherwise), and the latest year any member writes or is
   * dated (NaN when none writes a year).
   */
  private storyEras(log: KeyLog): Map<number, Era> {
    const leadYears = new Map<number, Map<number, number>>();
    const eras = new Map<number, Era>();
    for (const keys of log.replay()) {
      const si = this.docStory.get(keys.doc);
      let era = eras.get(si);
      if (era === undefined) {
        era = { event: Number.NaN, latest: Number.NaN };
        eras.set(si, era);
      }
      if (keys.latestYear > era.latest || Number.isNaN(era.latest)) era.latest = keys.latestYear;
      if (Number.isNaN(keys.lead)) continue;
      const y = yearOfDay(keys.lead);
      if (!(y <= era.latest)) era.latest = y;
      let c = leadYears.get(si);
      if (c === undefined) {
        c = new Map();
        leadYears.set(si, c);
      }
      c.set(y, (c.get(y) ?? 0) + 1);
    }
    for (const [si, c] of leadYears) {
      let best = Number.NaN;
      let bestN = 0;
      for (const [y, n] of c) if (n > bestN || (n === bestN && y > best)) [best, bestN] = [y, n];
      if (bestN >= SPLIT_MIN_LEADS) eras.get(si)!.event = best;
    }
    return eras;
  }

  /** Per story, how many members' leads name each person. */
  private leadCounts(log: KeyLog): Map<number, Map<number, number>> {
    const led = new Map<number, Map<number, number>>();
    for (const keys of log.replay()) {
      if (keys.people.length === 0) continue;
      const si = this.docStory.get(keys.doc);
      let counts = led.get(si);
      if (counts === undefined) {
        counts = new Map();
        led.set(si, counts);
      }
      for (const id of keys.people) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return led;
  }

  /**
   * Whether two stories are led by two camps of people (see splitStories): x's members lead
   * with a, y's with b, neither story's leads name the other's person, and one of them never
   * names the other's person at all.
   */
  private rivals(x: number, y: number, led: Map<number, Map<number, number>>): boolean {
    const cx = led.get(x);
    const cy = led.get(y);
    if (cx === undefined || cy === undefined) return false;
    for (const [a, na] of cx) {
      if (na < SPLIT_MIN_LEADS || cy.has(a)) continue;
      for (const [b, nb] of cy) {
        if (nb < SPLIT_MIN_LEADS || cx.has(b)) continue;
        if (!hasKey(this.stories[x]!.ids, b) || !hasKey(this.stories[y]!.ids, a)) return true;
      }
    }
    return false;
  }

  /** A story's centroid as an article's vector: each block scaled to unit length. */
  private centroidVector(story: Story): DocVector {
    const w = new Float32Array(story.ids.length);
    const has: boolean[] = new Array<boolean>(NBLOCKS).fill(false);
    for (let k = 0; k < story.ids.length; k++) {
      const block = blockOf(story.ids[k]!);
      has[block] = true;
      w[k] = story.w[k]! / story.norms[block]!;
    }
    return withSlots(story.ids, w, has);
  }

  private findChain(index: ChainIndex, key: number, checks: IntList, check: number): number {
    let found = -1;
    for (let s = index.first(key); s >= 0; s = index.next(s)) {
      const other = index.item(s);
      if (checks.get(other) === check) found = other; // the list is newest first: keep the oldest
    }
    return found;
  }

  private jaccard(a: number, b: number): number {
    if (b < 0) return 0;
    const d = this.sigs.data;
    let same = 0;
    for (let i = 0; i < MINHASH_HASHES; i++) if (d[a + i] === d[b + i]) same++;
    return same / MINHASH_HASHES;
  }

  /**
   * Counts an article's keys into the document frequencies without clustering it. A batch can
   * observe its first articles before adding them (`add(id, f, { observed: true })`), so that
   * the first stories are scored with settled IDF weights rather than those of a handful of
   * articles. Observing is part of the state: a replay must observe and add in the same order.
   */
  observe(f: DocFeatures | CompiledFeatures): void {
    this.countTerms(isCompiled(f) ? f : compileFeatures(f));
  }

  private countTerms(f: CompiledFeatures): void {
    this.counted++;
    for (const id of f.counted) this.df.add(id);
  }

  private idf(id: number): number {
    const df = Math.max(1, this.df.get(id));
    return Math.log((this.counted + 1) / (df + 1)) + 1;
  }

  /** The article's sparse vector: per block, (1 + ln count) × idf, scaled to unit length. */
  private vector(keys: DocKeys): DocVector {
    const entries: { id: number; w: number }[] = [];
    const has: boolean[] = new Array<boolean>(NBLOCKS).fill(false);
    let from = 0;
    while (from < keys.ids.length) {
      const block = blockOf(keys.ids[from]!);
      let end = from;
      let norm = 0;
      for (; end < keys.ids.length && blockOf(keys.ids[end]!) === block; end++) {
        const id = keys.ids[end]!;
        const w = keys.tf[end]! * this.idf(id);
        entries.push({ id, w });
        norm += w * w;
      }
      has[block] = true;
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let i = entries.length - (end - from); i < entries.length; i++) entries[i]!.w *= scale;
      from = end;
    }
    entries.sort((a, b) => a.id - b.id);
    // Two keys of one block may share an id (hash collision): merged.
    const ids = new Uint32Array(entries.length);
    const w = new Float32Array(entries.length);
    let n = 0;
    for (const e of entries) {
      if (n > 0 && ids[n - 1] === e.id) w[n - 1]! += e.w;
      else {
        ids[n] = e.id;
        w[n] = e.w;
        n++;
      }
    }
    return withSlots(ids.subarray(0, n), w.subarray(0, n), has);
  }

  /** The article's heaviest keys that are not too common to look stories up by. */
  private queryKeys(vec: DocVector): number[] {
    const limit = this.counted >= DF_WARMUP_DOCS ? MAX_KEY_DF_SHARE * this.counted : Number.POSITIVE_INFINITY;
    const ranked: { id: number; w: number }[] = [];
    for (let i = 0; i < vec.ids.length; i++) {
      const id = vec.ids[i]!;
      if (this.df.get(id) > limit) continue;
      ranked.push({ id, w: vec.w[i]! * this.params.weights[blockOf(id)]! });
    }
    ranked.sort((a, b) => b.w - a.w || a.id - b.id);
    return ranked.slice(0, QUERY_KEYS).map((r) => r.id);
  }

  /** Stories sharing query keys, most shared first (newer first on ties), at most MAX_CANDIDATES. */
  private candidates(query: readonly number[]): number[] {
    // Counts in a reused array and buckets by count: a map and a sort of every story touched
    // were most of the cost once stories number in the hundreds of thousands.
    if (this.hitCount.length < this.stories.length) {
      this.hitCount = new Int32Array(Math.max(1024, this.stories.length * 2));
    }
    const count = this.hitCount;
    const touched: number[] = [];
    for (const key of query) {
      let walked = 0;
      for (let s = this.postings.first(key); s >= 0 && walked < POSTINGS_WALK; s = this.postings.next(s)) {
        walked++;
        const si = this.postings.item(s);
        if (count[si]!++ === 0) touched.push(si);
      }
    }
    const buckets: number[][] = [];
    let top = 0;
    for (const si of touched) {
      const c = count[si]!;
      count[si] = 0;
      let bucket = buckets[c];
      if (bucket === undefined) {
        bucket = [];
        buckets[c] = bucket;
      }
      bucket.push(si);
      if (c > top) top = c;
    }
    const out: number[] = [];
    for (let c = top; c > 0 && out.length < MAX_CANDIDATES; c--) {
      const bucket = buckets[c];
      if (bucket === undefined) continue;
      bucket.sort((x, y) => y - x);
      for (let k = 0; k < bucket.length && out.length < MAX_CANDIDATES; k++) out.push(bucket[k]!);
    }
    return out;
  }

  /**
   * Weighted mean of per-block cosines over the blocks both sides have, times the time factors.
   * With `member`, the article is one of the story's members and is taken out of its centroid
   * first (leave one out), so that a refinement round compares it with what the others say.
   */
  private score(
    vec: DocVector,
    doc: Pick<DocKeys, "lead" | "published">,
    story: Story,
    member: boolean,
  ): number {
    const dot = new Float64Array(NBLOCKS);
    const b = story.ids;
    const keys = vec.slotKey;
    const at = vec.slotAt;
    const mask = keys.length - 1;
    // In the story's (ascending) key order, so the sums are those a sorted merge would make.
    for (let j = 0; j < b.length; j++) {
      const y = b[j]!;
      for (let h = slotOf(y, mask); at[h]! >= 0; h = (h + 1) & mask) {
        if (keys[h] === y) {
          dot[blockOf(y)]! += vec.w[at[h]!]! * story.w[j]!;
          break;
        }
      }
    }
    const weights = this.params.weights;
    let num = 0;
    let den = 0;
    for (let k = 0; k < NBLOCKS; k++) {
      if (!vec.has[k] || story.norms[k] === 0 || weights[k] === 0) continue;
      let d = dot[k]!;
      let norm = story.norms[k]!;
      if (member) {
        // The article's unit block vector is in the centroid (bar keys the cap dropped).
        const rest = norm * norm - 2 * d + 1;
        d -= 1;
        if (rest <= 1e-9 || d <= 0) continue;
        norm = Math.sqrt(rest);
      }
      num += weights[k]! * (d / norm);
      den += weights[k]!;
    }
    if (den === 0) return 0;
    let s = num / den;
    if (!Number.isNaN(doc.lead) && story.leads.length > 0) {
      let nearest = Number.POSITIVE_INFINITY;
      for (const d of story.leads) nearest = Math.min(nearest, Math.abs(d - doc.lead));
      if (nearest > EVENT_DATE_TOLERANCE_DAYS) s *= this.params.dateConflictFactor;
    }
    if (!Number.isNaN(doc.published) && !Number.isNaN(story.tmin)) {
      const gap = Math.max(0, story.tmin - doc.published, doc.published - story.tmax);
      if (gap > TIME_GRACE_DAYS) s *= 0.5 ** ((gap - TIME_GRACE_DAYS) / TIME_HALF_LIFE_DAYS);
    }
    return s;
  }

  /**
   * A story's centroid (`vec`) scored against another story, dated the day of its span nearest
   * the other's, so the time factor sees the gap between the two spans.
   */
  private storyScore(vec: DocVector, story: Story, other: Story): number {
    const day = Math.min(Math.max(other.tmin, story.tmin), story.tmax);
    return this.score(vec, { lead: Number.NaN, published: day }, other, false);
  }

  /** 1 - LEAD_NAME_PENALTY × the IDF share of the lead names the story's centroid lacks. */
  private leadFactor(f: CompiledFeatures, story: Story): number {
    let total = 0;
    let missing = 0;
    const ids = story.ids;
    for (let k = 0; k < f.leadIds.length; k++) {
      const id = f.leadIds[k]!;
      const w = f.leadTf[k]! * this.idf(id);
      total += w;
      if (!hasKey(ids, id)) missing += w;
    }
    return total > 0 ? 1 - (LEAD_NAME_PENALTY * missing) / total : 1;
  }

  private stretchTime(story: Story, lead: number | null, published: number | null): void {
    if (published !== null && !Number.isNaN(published)) {
      if (Number.isNaN(story.tmin) || published < story.tmin) story.tmin = published;
      if (Number.isNaN(story.tmax) || published > story.tmax) story.tmax = published;
    }
    if (
      lead !== null &&
      !Number.isNaN(lead) &&
      story.leads.length < LEADS_KEPT &&
      !story.leads.includes(lead)
    ) {
      story.leads.push(lead);
    }
  }

  /** Adds the article's vector to the story's centroid, keeping each block's heaviest entries. */
  private join(story: Story, vec: DocVector, keys: DocKeys): void {
    story.size++;
    this.stretchTime(story, keys.lead, keys.published);
    const a = story.ids;
    const b = vec.ids;
    const ids: number[] = [];
    const w: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const x = i < a.length ? a[i]! : 0xffffffff + 1;
      const y = j < b.length ? b[j]! : 0xffffffff + 1;
      if (x === y) {
        ids.push(x);
        w.push(story.w[i]! + vec.w[j]!);
        i++;
        j++;
      } else if (x < y) {
        ids.push(x);
        w.push(story.w[i]!);
        i++;
      } else {
        ids.push(y);
        w.push(vec.w[j]!);
        j++;
      }
    }
    // Truncate each block to its cap, keeping the heaviest (ties by id).
    const keep: number[] = [];
    let start = 0;
    while (start < ids.length) {
      const block = blockOf(ids[start]!);
      let end = start;
      while (end < ids.length && blockOf(ids[end]!) === block) end++;
      const cap = STORY_CAP[block]!;
      if (end - start <= cap) for (let k = start; k < end; k++) keep.push(k);
      else {
        const order: number[] = [];
        for (let k = start; k < end; k++) order.push(k);
        order.sort((p, q) => w[q]! - w[p]! || ids[p]! - ids[q]!);
        keep.push(...order.slice(0, cap).sort((p, q) => p - q));
      }
      start = end;
    }
    story.ids = new Uint32Array(keep.length);
    story.w = new Float32Array(keep.length);
    story.norms.fill(0);
    for (let k = 0; k < keep.length; k++) {
      const src = keep[k]!;
      story.ids[k] = ids[src]!;
      story.w[k] = w[src]!;
      story.norms[blockOf(ids[src]!)]! += w[src]! * w[src]!;
    }
    for (let k = 0; k < NBLOCKS; k++) story.norms[k] = Math.sqrt(story.norms[k]!);
  }

  /** Lists the story under the article's query keys it is not yet listed under. */
  private index(si: number, story: Story, query: readonly number[]): void {
    for (const key of query) {
      if (story.indexed.length >= INDEX_KEYS_PER_STORY) break;
      if (story.indexed.includes(key)) continue;
      story.indexed.push(key);
      this.postings.add(key, si);
    }
  }
}
