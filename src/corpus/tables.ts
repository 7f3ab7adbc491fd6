/**
 * Typed-array hash tables for the million-article indexes. A JS Map costs 50–80 bytes an entry;
 * these cost 8 (key and value in two typed arrays, open addressing, linear probing), so ten LSH
 * bands over a million articles fit in about 200 MB.
 */

const EMPTY = 0;
const MAX_LOAD = 0.7;

/** uint32 → non-negative int32 (stored +1 so that 0 marks an empty slot). */
export class U32Map {
  private keys: Uint32Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity / MAX_LOAD) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(key: number): number {
    let i = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    while (this.vals[i] !== EMPTY && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  /** The value, or -1 when absent. */
  get(key: number): number {
    return this.vals[this.slot(key >>> 0)]! - 1;
  }

  set(key: number, value: number): void {
    const k = key >>> 0;
    let i = this.slot(k);
    if (this.vals[i] === EMPTY) {
      if (this.size + 1 > this.keys.length * MAX_LOAD) {
        this.grow();
        i = this.slot(k);
      }
      this.size++;
      this.keys[i] = k;
    }
    this.vals[i] = value + 1;
  }

  /** Bytes held by the arrays. */
  get bytes(): number {
    return this.keys.byteLength + this.vals.byteLength;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.vals = new Int32Array(oldVals.length * 2);
    this.mask = this.keys.length - 1;
    for (let j = 0; j < oldKeys.length; j++) {
      if (oldVals[j] === EMPTY) continue;
      const i = this.slot(oldKeys[j]!);
      this.keys[i] = oldKeys[j]!;
      this.vals[i] = oldVals[j]!;
    }
  }
}

/** A growable int32 array. */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Int32Array(Math.max(16, initialCapacity));
  }

  push(v: number): number {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  set(i: number, v: number): void {
    this.data[i] = v;
  }
}

/**
 * uint32 key → a list of int32 items, newest first (a linked list through two growable arrays:
 * 8 bytes an item plus the key table). Callers walk at most a fixed number of items.
 */
export class ChainIndex {
  private readonly heads = new U32Map();
  private readonly items = new IntList();
  private readonly nexts = new IntList();

  /** Adds item to the front of key's list. */
  add(key: number, item: number): void {
    const head = this.heads.get(key);
    const slot = this.items.push(item);
    this.nexts.push(head);
    this.heads.set(key, slot);
  }

  /** First slot of key's list, or -1. */
  first(key: number): number {
    return this.heads.get(key);
  }

  next(slot: number): number {
    return this.nexts.get(slot);
  }

  item(slot: number): number {
    return this.items.get(slot);
  }

  /** Items in key's list, counting at most `limit`. */
  count(key: number, limit: number): number {
    let n = 0;
    for (let s = this.first(key); s >= 0 && n < limit; s = this.next(s)) n++;
    return n;
  }

  get bytes(): number {
    return this.heads.bytes + this.items.data.byteLength + this.nexts.data.byteLength;
  }
}

/**
 * Document frequency of uint32 keys, exact for the first `maxKeys` distinct keys; a key first
 * seen after the table is full counts as seen once (rare by construction: common keys arrive early).
 */
export class KeyCounter {
  private readonly map = new U32Map(1 << 16);
  private readonly counts = new IntList(1 << 16);

  constructor(private readonly maxKeys: number) {}

  add(key: number): void {
    const i = this.map.get(key);
    if (i >= 0) {
      this.counts.set(i, this.counts.get(i) + 1);
      return;
    }
    if (this.map.size >= this.maxKeys) return;
    this.map.set(key, this.counts.push(1));
  }

  get(key: number): number {
    const i = this.map.get(key);
    return i < 0 ? 0 : this.counts.get(i);
  }

  get bytes(): number {
    return this.map.bytes + this.counts.data.byteLength;
  }
}
