/**
 * Small, fast, deterministic hashes (no crypto, no platform dependence): FNV-1a over UTF-16 code
 * units with a murmur3 finaliser, so every run on every machine gives the same keys.
 */

/** murmur3's 32-bit finaliser: a bijection on uint32 that mixes every input bit into every output bit. */
export function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** 32-bit hash of a string, seeded. */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Combines a running hash with one more uint32 (order matters). */
export function combine(h: number, v: number): number {
  return fmix32(Math.imul(h ^ v, 0x9e3779b1) + 0x7f4a7c15);
}

const SEED_B = 0x9747b28c;

/** 64-bit hash as 16 hex digits: two independently seeded 32-bit hashes. */
export function hash64Hex(s: string): string {
  return hex32(hash32(s)) + hex32(hash32(s, SEED_B));
}

export function hex32(v: number): string {
  return (v >>> 0).toString(16).padStart(8, "0");
}

/** The two 32-bit halves of a hash64Hex string (NaN-free: a malformed string gives zeros). */
export function splitHex64(hex: string): [number, number] {
  const hi = Number.parseInt(hex.slice(0, 8), 16);
  const lo = Number.parseInt(hex.slice(8, 16), 16);
  return [Number.isFinite(hi) ? hi >>> 0 : 0, Number.isFinite(lo) ? lo >>> 0 : 0];
}

/** Uint32 values as base64 (little-endian bytes): a signature of 50 hashes is 268 characters of JSON. */
export function u32ToBase64(values: Uint32Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString("base64");
}

/** Inverse of u32ToBase64; null when the text is not a whole number of uint32 values. */
export function base64ToU32(text: string): Uint32Array | null {
  const bytes = Buffer.from(text, "base64");
  if (bytes.length % 4 !== 0) return null;
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readUInt32LE(i * 4);
  return out;
}
