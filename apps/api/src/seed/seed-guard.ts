/**
 * The demo accounts share a password published in the README: they must never reach a
 * production database by accident. The demo data is created only for `npm start`'s own
 * embedded PostgreSQL outside production, or when asked for explicitly.
 */

/** Set to `true` to seed the demo data anyway (a staging copy, a training platform). */
export const SEED_DEMO_VARIABLE = 'CAPACITES_SEED_DEMO';
/** Set by `npm start` to the URL of the embedded PostgreSQL it started. */
export const EMBEDDED_DATABASE_VARIABLE = 'CAPACITES_EMBEDDED_DATABASE_URL';

/** Exit code of `prepare` when it refuses to seed (npm start goes on without demo data). */
export const SEED_REFUSED_EXIT_CODE = 3;

/** `npm start` runs the apps with NODE_ENV=development; the suites with test. */
const DEVELOPMENT_ENVIRONMENTS = ['development', 'test'];

export type SeedDecision = { allowed: true; reason: string } | { allowed: false; reason: string };

export function demoSeedDecision(env: Record<string, string | undefined>): SeedDecision {
  const explicit = env[SEED_DEMO_VARIABLE];
  if (explicit !== undefined && explicit !== '') {
    if (/^(true|1|yes)$/i.test(explicit))
      return { allowed: true, reason: `${SEED_DEMO_VARIABLE}=${explicit}` };
    if (!/^(false|0|no)$/i.test(explicit))
      return { allowed: false, reason: `${SEED_DEMO_VARIABLE} must be true or false (got "${explicit}")` };
    return { allowed: false, reason: `${SEED_DEMO_VARIABLE}=${explicit}` };
  }
  const howTo =
    `The demo accounts share a published password. A production installation gets its first administrator ` +
    `with \`npm run create-admin -- --email … --organization …\` (docs/operations.md, "Première installation en production"). ` +
    `To create the demo data anyway (a staging or training copy), set ${SEED_DEMO_VARIABLE}=true.`;
  // As for the API's other secure defaults: anything but development or test (unset included) is production.
  if (!DEVELOPMENT_ENVIRONMENTS.includes(env.NODE_ENV ?? '')) {
    const nodeEnv = env.NODE_ENV === undefined || env.NODE_ENV === '' ? 'unset' : `NODE_ENV=${env.NODE_ENV}`;
    return {
      allowed: false,
      reason: `Demo data is not created in production (${nodeEnv}; only NODE_ENV=development or test is not production). ${howTo}`,
    };
  }
  const embedded = env[EMBEDDED_DATABASE_VARIABLE];
  if (!embedded || embedded !== env.DATABASE_URL) {
    return {
      allowed: false,
      reason: `Demo data is created only in npm start's embedded PostgreSQL, not in a database given by DATABASE_URL. ${howTo}`,
    };
  }
  return { allowed: true, reason: "npm start's embedded PostgreSQL, outside production" };
}
