import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { classifyAddress, plainHttpAllowed, type AllowedNetworks } from '@capacites/config';
import { RefusalException } from '../common/app.exception';

/**
 * An endpoint is registered only if its host resolves to public addresses (or allowed networks):
 * refused with 400 naming `url` otherwise; plain http only towards allowed networks (a signed
 * payload, a bot's token or a secret URL never crosses the internet in clear). The worker checks
 * the resolved address again at each attempt, since DNS answers change.
 */
export async function assertPublicUrl(
  url: string,
  allowed: AllowedNetworks,
  servers: string[] | undefined,
): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    if (isIP(host)) addresses = [host];
    else if (servers && servers.length > 0) {
      const resolver = new dns.Resolver({ timeout: 3000, tries: 2 });
      resolver.setServers(servers);
      const found = await Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]);
      addresses = found.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
    } else addresses = (await dns.lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    addresses = [];
  }
  if (addresses.length === 0)
    throw new RefusalException('invalid', 'URL_UNRESOLVABLE', { host }, [
      { field: 'url', message: `${host} does not resolve` },
    ]);
  for (const address of addresses) {
    const verdict = classifyAddress(address, allowed);
    if (!verdict.allowed)
      throw new RefusalException('invalid', 'URL_NOT_PUBLIC', { host, address, range: verdict.range }, [
        { field: 'url', message: `${host} is ${address} (${verdict.range}), not a public address` },
      ]);
  }
  if (new URL(url).protocol === 'http:' && !plainHttpAllowed(addresses, allowed))
    throw new RefusalException('invalid', 'URL_NOT_HTTPS', { host }, [
      { field: 'url', message: `${host} is a public address: use https://` },
    ]);
}
