/**
 * Which network addresses a fetch may connect to. A URL handed to the CLI (or, later, to a
 * server) must not become a way to reach the machine itself or its private network, so every
 * address is checked after DNS resolution and again on each redirect.
 */
import { BlockList, isIP } from "node:net";

const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
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
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
  ["2001:db8::", 32], // documentation
] as const) {
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
