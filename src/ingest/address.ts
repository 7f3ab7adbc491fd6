/**
 * Which network addresses a fetch may connect to. A URL handed to the CLI (or, later, to a
 * server) must not become a way to reach the machine itself or its private network, so every
 * address is checked after DNS resolution and again on each redirect.
 */
import { BlockList, isIP } from "node:net";

/** IPv4 ranges that are not the public internet. */
const NOT_PUBLIC_V4: readonly (readonly [string, number])[] = [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, incl. cloud metadata endpoints
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, incl. broadcast
];

const NOT_PUBLIC_V6: readonly (readonly [string, number])[] = [
  ["::", 96], // unspecified, loopback, and the deprecated IPv4-compatible form (::127.0.0.1)
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard-only
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated, still routed on some networks)
  ["ff00::", 8], // multicast
  ["2001:db8::", 32], // documentation
];

/**
 * IPv6 prefixes that carry an IPv4 address a gateway will connect to: NAT64 (64:ff9b::/96, the
 * IPv4 address in the last 32 bits) and 6to4 (2002::/16, in the 32 bits after the prefix). A
 * private IPv4 range behind either is as private as the range itself.
 */
const IPV4_CARRIERS: readonly { bits: number; place: (v4Groups: string) => string }[] = [
  { bits: 96, place: (v4) => `64:ff9b::${v4}` },
  { bits: 16, place: (v4) => `2002:${v4}::` },
];

/** An IPv4 address as the two 16-bit IPv6 groups that hold it. */
function ipv4Groups(address: string): string {
  const [a, b, c, d] = address.split(".").map(Number) as [number, number, number, number];
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of NOT_PUBLIC_V4) {
  NOT_PUBLIC.addSubnet(net, prefix, "ipv4");
  for (const carrier of IPV4_CARRIERS) {
    NOT_PUBLIC.addSubnet(carrier.place(ipv4Groups(net)), carrier.bits + prefix, "ipv6");
  }
}
for (const [net, prefix] of NOT_PUBLIC_V6) {
  NOT_PUBLIC.addSubnet(net, prefix, "ipv6");
}

/** True for an address on the public internet; false for loopback, private, link-local and reserved ranges. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, "ipv4");
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is matched against the IPv4 ranges by BlockList itself.
  if (family === 6) return !NOT_PUBLIC.check(address, "ipv6");
  return false;
}
