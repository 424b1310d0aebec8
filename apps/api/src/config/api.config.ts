import { z } from 'zod';
import { databaseEnvSchema, loadConfig, temporalEnvSchema } from '@capacites/config';

const apiEnvSchema = databaseEnvSchema.extend(temporalEnvSchema.shape).extend({
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Origin of the back-office, the only one CORS lets in (Vite dev server by default). */
  ADMIN_ORIGIN: z.url().default('http://localhost:5173'),
  /** Built back-office (apps/admin/dist) served by the API in production mode. */
  ADMIN_DIST_DIR: z.string().optional(),
  /** Largest accepted request body. */
  API_BODY_LIMIT: z.string().default('100kb'),
  /** A session ends after this much inactivity… */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** …and at the latest this long after login (12 hours at most). */
  SESSION_MAX_HOURS: z.coerce.number().min(0.01).max(12).default(12),
  /** Secure cookies (HTTPS only): on unless explicitly turned off for local HTTP. */
  SESSION_COOKIE_SECURE: z.stringbool().default(false),
  /** Login attempts allowed per minute and client address. */
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
});

export type ApiConfig = z.infer<typeof apiEnvSchema>;

export const API_CONFIG = Symbol('API_CONFIG');

/** The only place where the API reads process.env. */
export function loadApiConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  return loadConfig(apiEnvSchema, env);
}
