import { promises as dns } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { classifyAddress, plainHttpAllowed, type AllowedNetworks } from '@capacites/config';

/** What an endpoint receives: built by webhook-formats.ts. */
export interface OutboundRequest {
  method: 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface OutboundResult {
  /** The receiver's status, when it answered. */
  statusCode: number | null;
  ok: boolean;
  /** Why it failed, in a few words (never the receiver's whole answer). */
  error: string | null;
  /** The start of the answer, at most EXCERPT_CHARS characters. */
  excerpt: string | null;
  durationMs: number;
}

export interface OutboundPolicy {
  allowedNetworks: AllowedNetworks;
  timeoutMs: number;
  /** DNS servers to ask instead of the system's resolver (tests, special set-ups). */
  dnsServers?: string[];
}

/** The answer is read up to this, and then the connection is closed. */
export const EXCERPT_CHARS = 500;
const EXCERPT_BYTES = 2048;

export class AddressRefused extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`address refused: ${host} resolves to ${address} (${range})`);
    this.name = 'AddressRefused';
  }
}

async function resolveAll(hostname: string, servers: string[] | undefined): Promise<string[]> {
  if (isIP(hostname)) return [hostname];
  if (servers && servers.length > 0) {
    const resolver = new dns.Resolver({ timeout: 3000, tries: 2 });
    resolver.setServers(servers);
    const [v4, v6] = await Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)]);
    const addresses = [
      ...(v4.status === 'fulfilled' ? v4.value : []),
      ...(v6.status === 'fulfilled' ? v6.value : []),
    ];
    if (addresses.length === 0) throw new Error(`the name ${hostname} does not resolve`);
    return addresses;
  }
  const found = await dns.lookup(hostname, { all: true, verbatim: true });
  return found.map((entry) => entry.address);
}

/**
 * The address to connect to: every address the name resolves to must be public (or in an
 * allowed network), so that a name with one public and one private record is refused too.
 * The request then goes to that very address: a second resolution (DNS rebinding) cannot
 * send it elsewhere.
 */
export async function checkedAddress(url: URL, policy: OutboundPolicy): Promise<string> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = await resolveAll(hostname, policy.dnsServers);
  for (const address of addresses) {
    const verdict = classifyAddress(address, policy.allowedNetworks);
    if (!verdict.allowed) throw new AddressRefused(hostname, address, verdict.range);
  }
  // Registered before https was required, or a name now leading elsewhere: not in clear.
  if (url.protocol === 'http:' && !plainHttpAllowed(addresses, policy.allowedNetworks))
    throw new Error(`plain http refused: ${hostname} is a public address (https required)`);
  return addresses[0];
}

/**
 * Sends one request: to a checked address only, never following a redirection, within the
 * time limit, keeping a short excerpt of the answer. Never throws: the result says what happened.
 */
export async function sendOutbound(
  request: OutboundRequest,
  policy: OutboundPolicy,
  onProgress: () => void = () => undefined,
): Promise<OutboundResult> {
  const started = Date.now();
  const done = (partial: Omit<OutboundResult, 'durationMs'>): OutboundResult => ({
    ...partial,
    durationMs: Date.now() - started,
  });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return done({ statusCode: null, ok: false, error: 'invalid URL', excerpt: null });
  }
  let address: string;
  try {
    address = await checkedAddress(url, policy);
  } catch (error) {
    return done({ statusCode: null, ok: false, error: (error as Error).message, excerpt: null });
  }
  // Same options for both; https adds the certificate's name (servername).
  const send = (url.protocol === 'https:' ? https.request : http.request) as typeof https.request;
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const progress = setInterval(onProgress, 1000);
  progress.unref();
  try {
    return await new Promise<OutboundResult>((resolve) => {
      let settled = false;
      const finish = (result: Omit<OutboundResult, 'durationMs'>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(done(result));
      };
      const req = send(
        {
          method: request.method,
          host: address,
          port: url.port || (url.protocol === 'https:' ? 443 : 80),
          path: `${url.pathname}${url.search}`,
          // The certificate is checked against the name, not the address connected to.
          servername: isIP(hostname) ? undefined : hostname,
          headers: {
            ...request.headers,
            host: url.host,
            'content-length': String(Buffer.byteLength(request.body)),
          },
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          const statusCode = res.statusCode ?? 0;
          const conclude = () => {
            const text = Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_CHARS);
            const ok = statusCode >= 200 && statusCode < 300;
            const error = ok
              ? null
              : statusCode >= 300 && statusCode < 400
                ? `redirection not followed (HTTP ${statusCode})`
                : `HTTP ${statusCode}`;
            finish({ statusCode, ok, error, excerpt: text || null });
          };
          res.on('data', (chunk: Buffer) => {
            if (size < EXCERPT_BYTES) chunks.push(chunk.subarray(0, EXCERPT_BYTES - size));
            size += chunk.length;
            // Enough read: the rest of the answer is not wanted.
            if (size >= EXCERPT_BYTES) {
              conclude();
              res.destroy();
            }
          });
          res.on('end', conclude);
          res.on('error', conclude);
        },
      );
      const timer = setTimeout(() => {
        finish({
          statusCode: null,
          ok: false,
          error: `no answer within ${policy.timeoutMs} ms`,
          excerpt: null,
        });
        req.destroy();
      }, policy.timeoutMs);
      // Never what keeps a stopping process alive.
      timer.unref();
      req.on('error', (error) =>
        finish({ statusCode: null, ok: false, error: error.message, excerpt: null }),
      );
      req.end(request.body);
    });
  } finally {
    clearInterval(progress);
  }
}
