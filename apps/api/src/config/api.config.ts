import { z } from 'zod';
import {
  dataEncryptionEnvSchema,
  databaseEnvSchema,
  loadConfig,
  loggingEnvSchema,
  outboundEnvSchema,
  temporalEnvSchema,
} from '@capacites/config';

/** ProConnect's scopes (https://partenaires.proconnect.gouv.fr/docs/fournisseur-service/donnees_fournies). */
export const PROCONNECT_SCOPES = 'openid email given_name usual_name uid siret';

const apiEnvSchema = databaseEnvSchema.extend(temporalEnvSchema.shape).extend({
  /** LOG_LEVEL (libs/config): JSON logs on stdout. */
  ...loggingEnvSchema.shape,
  /** Webhooks and chat alerts: networks endpoints may reach besides public ones (SSRF), DNS servers. */
  ...outboundEnvSchema.shape,
  /** Application data keys (DATA_ENCRYPTION_KEYS[_FILE]): secrets kept in PostgreSQL are encrypted with them. */
  ...dataEncryptionEnvSchema.shape,
  /** Requests per minute and client address to the public token routes (share links, calendar feeds, public questionnaires). */
  PUBLIC_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(120),
  /** Requests per minute to one share link, calendar feed or public questionnaire, from anywhere. */
  PUBLIC_TOKEN_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(60),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Origin of the back-office, the only one CORS lets in (Vite dev server by default). */
  ADMIN_ORIGIN: z.url().default('http://localhost:5173'),
  /** Built back-office (apps/admin/dist) served by the API in production mode. */
  ADMIN_DIST_DIR: z.string().optional(),
  /** Swagger UI and the OpenAPI document at /api/docs: on in development and test, off otherwise (NODE_ENV). */
  API_DOCS: z.stringbool().optional(),
  /**
   * Origins of Temporal's Web UI (comma-separated URLs), allowed to call the codec endpoint
   * (/api/temporal-codec) with an operator's session, and nothing else of the API.
   */
  TEMPORAL_UI_ORIGINS: z
    .string()
    .optional()
    .refine((value) => value === undefined || value.split(',').every((url) => URL.canParse(url.trim())), {
      message: 'TEMPORAL_UI_ORIGINS must be URLs separated by commas',
    }),
  /** Largest accepted request body. */
  API_BODY_LIMIT: z.string().default('100kb'),
  /**
   * Prometheus request metrics at GET /metrics on this host:port, a listener of its own and
   * never the public one (off when unset; docker-compose: 0.0.0.0:9465 on its network only).
   */
  API_METRICS_ADDRESS: z
    .string()
    .regex(/^[^:]+:\d+$/, { message: 'API_METRICS_ADDRESS must be host:port (e.g. 0.0.0.0:9465)' })
    .optional(),
  /** A session ends after this much inactivity… */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** …and at the latest this long after login (12 hours at most). */
  SESSION_MAX_HOURS: z.coerce.number().min(0.01).max(12).default(12),
  /**
   * development and test run over plain HTTP on this machine; anything else (unset
   * included) is treated as production: secure defaults.
   */
  NODE_ENV: z.string().default('production'),
  /**
   * Secure cookies (HTTPS only), named `__Host-…`: on by default outside development and
   * test. `false` runs a production build over plain HTTP on this machine (README).
   */
  SESSION_COOKIE_SECURE: z.stringbool().optional(),
  /**
   * Login attempts (password, token, second factor, OpenID Connect) allowed per minute and
   * client address, counted in PostgreSQL: shared by every API process.
   */
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  /** Failed login attempts allowed per account within LOGIN_ACCOUNT_WINDOW_MINUTES, from anywhere. */
  LOGIN_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_ACCOUNT_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /**
   * Reverse proxies in front of the API whose X-Forwarded-For is trusted: 0 (default) uses
   * the socket's address; 1 behind one proxy (nginx, Traefik), and so on. Too high a value
   * lets a client choose its own address, and so escape the login limits.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * OpenID Connect login (ProConnect): on when OIDC_ISSUER is set, and then the client
   * settings below are required. See the README, "Connexion ProConnect".
   */
  OIDC_ISSUER: z
    .url({
      protocol: /^https?$/,
      message: 'OIDC_ISSUER must be a URL (the issuer or its discovery document)',
    })
    .optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_REDIRECT_URI: z.url({ protocol: /^https?$/, message: 'OIDC_REDIRECT_URI must be a URL' }).optional(),
  OIDC_POST_LOGOUT_REDIRECT_URI: z
    .url({ protocol: /^https?$/, message: 'OIDC_POST_LOGOUT_REDIRECT_URI must be a URL' })
    .optional(),
  /** ProConnect's scopes: the email identifies the user; the others are its usual claims. */
  OIDC_SCOPES: z.string().default(PROCONNECT_SCOPES),
  OIDC_LABEL: z.string().max(60).default('ProConnect'),
  // --- questionnaires (issue 14) ---
  /** Back-office URL: the public questionnaires' links (`<PUBLIC_URL>/q/<code>`) and QR codes. */
  PUBLIC_URL: z.url().default('http://localhost:5173'),
  /** Public answers accepted per minute and client address (counted in PostgreSQL under a keyed digest, the address never stored). */
  PUBLIC_ANSWERS_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(20),
  /** Records (all sections together) above which the personal data PDF is refused (409, the HTML or JSON export instead); see docs/rgpd.md. */
  PERSONAL_DATA_PDF_MAX_RECORDS: z.coerce.number().int().min(1).max(1000000).default(2000),
});

type ApiEnv = z.infer<typeof apiEnvSchema>;

/** Every variable the API reads (checked against docker-compose.yml and the Dockerfile). */
export const API_ENV_VARIABLES = Object.keys(apiEnvSchema.shape);

/** The OpenID Connect client settings, when OIDC login is enabled. */
export interface OidcSettings {
  /** Issuer identifier, or the full URL of its discovery document (…/.well-known/openid-configuration). */
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The API's callback, as registered at the provider (…/api/auth/oidc/callback). */
  redirectUri: string;
  postLogoutRedirectUri: string;
  scopes: string[];
  label: string;
}

const OIDC_CLIENT_VARIABLES = [
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_REDIRECT_URI',
  'OIDC_POST_LOGOUT_REDIRECT_URI',
] as const;

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/** Plain HTTP is accepted for a local test provider only. */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\./.test(host);
}

const splitScopes = (scopes: string): string[] => scopes.split(/\s+/).filter(Boolean);

/**
 * The OIDC variables go together. Written defensively: it also runs when other
 * variables failed (so that every problem is named at once), on a partly parsed env.
 */
function checkOidcVariables(env: Partial<Record<keyof ApiEnv, unknown>>, ctx: z.RefinementCtx): void {
  const problem = (variable: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [variable], message });
  const set = OIDC_CLIENT_VARIABLES.filter((name) => env[name] !== undefined);
  if (env.OIDC_ISSUER === undefined) {
    if (set.length > 0)
      problem(
        'OIDC_ISSUER',
        `OIDC_ISSUER is required when ${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set (or unset them all to disable OpenID Connect login)`,
      );
    return;
  }
  for (const name of OIDC_CLIENT_VARIABLES) {
    if (env[name] === undefined)
      problem(name, `${name} is required when OIDC_ISSUER is set (OpenID Connect login)`);
  }
  // A malformed URL has been reported by the field's own check.
  const url = (value: unknown) => (typeof value === 'string' && URL.canParse(value) ? new URL(value) : null);
  const issuer = url(env.OIDC_ISSUER);
  if (issuer && issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopbackUrl(issuer)))
    problem('OIDC_ISSUER', 'OIDC_ISSUER must be an https:// URL (plain http only for a local provider)');
  const redirectUri = url(env.OIDC_REDIRECT_URI);
  if (redirectUri && !redirectUri.pathname.endsWith(OIDC_CALLBACK_PATH))
    problem(
      'OIDC_REDIRECT_URI',
      `OIDC_REDIRECT_URI must be the API's callback, ending with ${OIDC_CALLBACK_PATH}`,
    );
  const scopes = typeof env.OIDC_SCOPES === 'string' ? splitScopes(env.OIDC_SCOPES) : [];
  for (const required of ['openid', 'email']) {
    if (!scopes.includes(required))
      problem(
        'OIDC_SCOPES',
        `OIDC_SCOPES must include "${required}" (users are matched by their email address)`,
      );
  }
}

/** NODE_ENV values that run over plain HTTP by default (npm start, the test suites). */
const PLAIN_HTTP_ENVIRONMENTS = ['development', 'test'];

const apiConfigSchema = apiEnvSchema
  .superRefine(checkOidcVariables, { when: () => true })
  .transform((env) => ({
    ...env,
    /** Origins (scheme://host:port) of Temporal's Web UI, for the codec endpoint only. */
    temporalUiOrigins: (env.TEMPORAL_UI_ORIGINS ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean)
      .map((url) => new URL(url).origin),
    /** Whether /api/docs and /api/docs/openapi.json are served. */
    apiDocs: env.API_DOCS ?? PLAIN_HTTP_ENVIRONMENTS.includes(env.NODE_ENV),
    SESSION_COOKIE_SECURE: env.SESSION_COOKIE_SECURE ?? !PLAIN_HTTP_ENVIRONMENTS.includes(env.NODE_ENV),
    /** null when OpenID Connect login is disabled (OIDC_ISSUER unset). */
    oidc: env.OIDC_ISSUER
      ? ({
          // The client variables are set: checkOidcVariables has made sure of it.
          issuer: new URL(env.OIDC_ISSUER),
          clientId: env.OIDC_CLIENT_ID as string,
          clientSecret: env.OIDC_CLIENT_SECRET as string,
          redirectUri: env.OIDC_REDIRECT_URI as string,
          postLogoutRedirectUri: env.OIDC_POST_LOGOUT_REDIRECT_URI as string,
          scopes: splitScopes(env.OIDC_SCOPES),
          label: env.OIDC_LABEL,
        } satisfies OidcSettings)
      : null,
  }));

export type ApiConfig = z.output<typeof apiConfigSchema>;

export const API_CONFIG = Symbol('API_CONFIG');

/** The only place where the API reads process.env. */
export function loadApiConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  return loadConfig(apiConfigSchema, env);
}
