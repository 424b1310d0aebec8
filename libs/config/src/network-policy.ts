import ipaddr from 'ipaddr.js';

/**
 * Outbound requests to the organisations' endpoints go to public addresses only (SSRF): not
 * loopback, private, link-local, carrier-grade NAT, multicast, reserved or any other special
 * range, unless the platform allows a network by setting (WEBHOOK_ALLOWED_NETWORKS, CIDRs).
 * Pure (no I/O): the worker and the API resolve names, then ask this about each address.
 * Server-side only (libs/config), so that the back-office and the workflow bundle stay without it.
 */
export interface AddressVerdict {
  allowed: boolean;
  /** ipaddr.js's range name (`loopback`, `private`, `linkLocal`, `unicast`…). */
  range: string;
}

export type AllowedNetworks = readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];

/** Parses `10.0.0.0/8,127.0.0.1/32,::1/128` (a bare address is itself only); throws naming a bad one. */
export function parseAllowedNetworks(list: string | undefined): AllowedNetworks {
  if (!list || !list.trim()) return [];
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      if (item.includes('/')) return ipaddr.parseCIDR(item);
      const address = ipaddr.parse(item);
      return [address, address.kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
    });
}

export function isValidNetworkList(list: string): boolean {
  try {
    parseAllowedNetworks(list);
    return true;
  } catch {
    return false;
  }
}

/** Whether an address is in one of the networks the platform allows (WEBHOOK_ALLOWED_NETWORKS). */
export function isInAllowedNetworks(address: string, allowedNetworks: AllowedNetworks = []): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return allowedNetworks.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits));
}

/**
 * Plain http carries a signed payload, a bot's token or a secret URL in clear: it is accepted
 * only towards networks the platform allowed (an internal receiver), never a public address.
 */
export function plainHttpAllowed(addresses: readonly string[], allowedNetworks: AllowedNetworks = []): boolean {
  return addresses.length > 0 && addresses.every((address) => isInAllowedNetworks(address, allowedNetworks));
}

export function classifyAddress(address: string, allowedNetworks: AllowedNetworks = []): AddressVerdict {
  if (!ipaddr.isValid(address)) return { allowed: false, range: 'invalid' };
  let parsed = ipaddr.parse(address);
  // ::ffff:127.0.0.1 is 127.0.0.1.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  const inAllowed = allowedNetworks.some(
    ([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits),
  );
  return { allowed: range === 'unicast' || inAllowed, range };
}
