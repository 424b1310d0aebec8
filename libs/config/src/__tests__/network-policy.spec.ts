import { classifyAddress, isValidNetworkList, parseAllowedNetworks } from '../network-policy';

describe('Outbound address policy (SSRF): public addresses only, unless a network is allowed', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.10.0.5', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.4.2', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00::1', 'uniqueLocal'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:7f00:1::', '6to4'],
  ])('refuses %s (%s)', (address, range) => {
    expect(classifyAddress(address)).toEqual({ allowed: false, range });
  });

  it.each(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34'])(
    'accepts the public address %s',
    (address) => {
      expect(classifyAddress(address)).toEqual({ allowed: true, range: 'unicast' });
    },
  );

  it('accepts what an allowed network holds, and nothing more', () => {
    const allowed = parseAllowedNetworks('10.20.0.0/16, 127.0.0.2, ::1/128');
    expect(classifyAddress('10.20.3.4', allowed).allowed).toBe(true);
    expect(classifyAddress('10.21.0.1', allowed).allowed).toBe(false);
    expect(classifyAddress('127.0.0.2', allowed).allowed).toBe(true);
    expect(classifyAddress('127.0.0.1', allowed).allowed).toBe(false);
    expect(classifyAddress('::1', allowed).allowed).toBe(true);
    expect(classifyAddress('not an address', allowed)).toEqual({ allowed: false, range: 'invalid' });
  });

  it('names a bad setting', () => {
    expect(isValidNetworkList('')).toBe(true);
    expect(isValidNetworkList('10.0.0.0/8,::1')).toBe(true);
    expect(isValidNetworkList('10.0.0.0/33')).toBe(false);
    expect(isValidNetworkList('intranet')).toBe(false);
  });
});
