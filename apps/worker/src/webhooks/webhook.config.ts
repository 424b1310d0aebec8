import { z } from 'zod';
import { isValidNetworkList } from '@capacites/domain';

/** Standard Webhooks' schedule after the first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const DEFAULT_RETRY_SCHEDULE = '5,300,1800,7200,18000,36000,36000';

export const webhookEnvSchema = z.object({
  /**
   * Networks (CIDRs, comma-separated) that endpoints may reach although they are not public:
   * none by default (SSRF). `10.20.0.0/16` for an intranet's chat server, for instance.
   */
  WEBHOOK_ALLOWED_NETWORKS: z
    .string()
    .default('')
    .refine(isValidNetworkList, {
      message: 'WEBHOOK_ALLOWED_NETWORKS must be CIDRs or addresses separated by commas (10.0.0.0/8,::1)',
    }),
  /** Seconds to wait before each retry, comma-separated (about 28 hours in all by default). */
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .default(DEFAULT_RETRY_SCHEDULE)
    .refine((value) => /^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$/.test(value), {
      message: 'WEBHOOK_RETRY_SCHEDULE must be seconds separated by commas (5,300,1800)',
    }),
  /** Each attempt's time limit, connection and answer included. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(10_000),
  /**
   * DNS servers (host or host:port, comma-separated) to resolve endpoints' names with, instead
   * of the system's resolver (/etc/hosts, nsswitch). Resolved addresses are checked either way.
   */
  WEBHOOK_DNS_SERVERS: z.string().optional(),
});

export type WebhookEnv = z.infer<typeof webhookEnvSchema>;

export function retryDelaysMs(schedule: string): number[] {
  return schedule
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((seconds) => Math.round(Number(seconds) * 1000));
}
