import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { loadPayloadKeys, type PayloadKey } from './payload-codec';

export const temporalEnvSchema = z.object({
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('capacites-experiments'),
  /** mTLS client certificate and key (PEM files), for a secured cluster. */
  TEMPORAL_TLS_CERT_PATH: z.string().optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().optional(),
  /** CA of the server certificate, when it is not publicly trusted. */
  TEMPORAL_TLS_CA_PATH: z.string().optional(),
  /** Name the server certificate is checked against, when not the host of TEMPORAL_ADDRESS. */
  TEMPORAL_TLS_SERVER_NAME: z.string().optional(),
  TEMPORAL_TLS: z.stringbool().default(false),
  /** API key (Temporal Cloud). Implies TLS. */
  TEMPORAL_API_KEY: z.string().optional(),
  /**
   * Keys that encrypt workflow payloads (AES-256-GCM), `id:base64key` comma-separated, the
   * first for new payloads, the others to read older ones (rotation). Or a file of them,
   * one per line. Required in production unless TEMPORAL_PAYLOAD_ENCRYPTION=off.
   */
  TEMPORAL_PAYLOAD_KEYS: z.string().optional(),
  TEMPORAL_PAYLOAD_KEYS_FILE: z.string().optional(),
  /** `off` lets production run without payload encryption (a Temporal you fully control). */
  TEMPORAL_PAYLOAD_ENCRYPTION: z.enum(['on', 'off']).optional(),
});

export type TemporalEnv = z.infer<typeof temporalEnvSchema>;

export interface TemporalConnectionSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  tls?:
    | {
        clientCertPair?: { crt: Buffer; key: Buffer };
        serverRootCACertificate?: Buffer;
        serverNameOverride?: string;
      }
    | boolean;
  apiKey?: string;
  /** Payload encryption keys (empty: payloads in clear, development or TEMPORAL_PAYLOAD_ENCRYPTION=off). */
  payloadKeys: PayloadKey[];
}

/** Connection settings accepted by both `Connection` (client) and `NativeConnection` (worker). */
export function temporalConnectionSettings(env: TemporalEnv): TemporalConnectionSettings {
  const mtls = env.TEMPORAL_TLS_CERT_PATH && env.TEMPORAL_TLS_KEY_PATH;
  const wantsTls =
    env.TEMPORAL_TLS ||
    Boolean(mtls) ||
    Boolean(env.TEMPORAL_TLS_CA_PATH) ||
    Boolean(env.TEMPORAL_TLS_SERVER_NAME) ||
    Boolean(env.TEMPORAL_API_KEY);
  let tls: TemporalConnectionSettings['tls'];
  if (wantsTls) {
    tls = {
      ...(mtls
        ? {
            clientCertPair: {
              crt: readFileSync(env.TEMPORAL_TLS_CERT_PATH as string),
              key: readFileSync(env.TEMPORAL_TLS_KEY_PATH as string),
            },
          }
        : {}),
      ...(env.TEMPORAL_TLS_CA_PATH
        ? { serverRootCACertificate: readFileSync(env.TEMPORAL_TLS_CA_PATH) }
        : {}),
      ...(env.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME } : {}),
    };
  }
  const payloadKeys = env.TEMPORAL_PAYLOAD_ENCRYPTION === 'off' ? [] : loadPayloadKeys(env);
  return {
    payloadKeys,
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    ...(tls ? { tls } : {}),
    ...(env.TEMPORAL_API_KEY ? { apiKey: env.TEMPORAL_API_KEY } : {}),
  };
}

/**
 * Production (NODE_ENV other than development/test, unset included) encrypts Temporal
 * payloads: a missing key is a configuration error naming the variables, unless
 * TEMPORAL_PAYLOAD_ENCRYPTION=off says so explicitly.
 */
export function payloadEncryptionProblem(env: TemporalEnv & { NODE_ENV?: string }): string | undefined {
  const production = env.NODE_ENV !== 'development' && env.NODE_ENV !== 'test';
  if (!production || env.TEMPORAL_PAYLOAD_ENCRYPTION === 'off') return undefined;
  if (env.TEMPORAL_PAYLOAD_KEYS || env.TEMPORAL_PAYLOAD_KEYS_FILE) return undefined;
  return 'TEMPORAL_PAYLOAD_KEYS or TEMPORAL_PAYLOAD_KEYS_FILE is required in production (workflow payloads hold personal data; `npm run payload-key` makes one), or TEMPORAL_PAYLOAD_ENCRYPTION=off';
}
