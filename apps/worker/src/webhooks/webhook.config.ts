import { z } from 'zod';
import { dataEncryptionEnvSchema, outboundEnvSchema } from '@capacites/config';

/** Standard Webhooks' schedule after the first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const DEFAULT_RETRY_SCHEDULE = '5,300,1800,7200,18000,36000,36000';

/** The worker's webhook settings: where endpoints may be reached, how often and how long to try. */
export const webhookEnvSchema = outboundEnvSchema.extend({
  /** Seconds to wait before each retry, comma-separated (about 28 hours in all by default). */
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .default(DEFAULT_RETRY_SCHEDULE)
    .refine((value) => /^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$/.test(value), {
      message: 'WEBHOOK_RETRY_SCHEDULE must be seconds separated by commas (5,300,1800)',
    }),
  /** Each attempt's time limit, connection and answer included. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(10_000),
  /** The application data keys: endpoints' URLs and secrets are encrypted in PostgreSQL. */
  ...dataEncryptionEnvSchema.shape,
});

export function retryDelaysMs(schedule: string): number[] {
  return schedule
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((seconds) => Math.round(Number(seconds) * 1000));
}
