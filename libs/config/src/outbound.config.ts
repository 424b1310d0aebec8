import { z } from 'zod';
import { isValidNetworkList } from './network-policy';

/**
 * Where the organisations' endpoints (webhooks, chat rooms) may be reached: read by the API
 * (checked when an endpoint is registered) and by the worker (checked again at each attempt).
 */
export const outboundEnvSchema = z.object({
  /**
   * Networks (CIDRs or addresses, comma-separated) that endpoints may reach although they are
   * not public: none by default (SSRF). `10.20.0.0/16` for an intranet's chat server, say.
   */
  WEBHOOK_ALLOWED_NETWORKS: z.string().default('').refine(isValidNetworkList, {
    message: 'WEBHOOK_ALLOWED_NETWORKS must be CIDRs or addresses separated by commas (10.0.0.0/8,::1)',
  }),
  /**
   * DNS servers (host or host:port, comma-separated) that resolve endpoints' names instead of
   * the system's resolver. Resolved addresses are checked either way.
   */
  WEBHOOK_DNS_SERVERS: z.string().optional(),
});

export type OutboundEnv = z.infer<typeof outboundEnvSchema>;

export const dnsServers = (env: OutboundEnv): string[] | undefined =>
  env.WEBHOOK_DNS_SERVERS?.split(',')
    .map((server) => server.trim())
    .filter(Boolean);
