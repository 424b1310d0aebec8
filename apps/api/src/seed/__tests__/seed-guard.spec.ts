import { demoSeedDecision } from '../seed-guard';

const embedded = 'postgres://capacites:capacites@127.0.0.1:54329/capacites';

describe('the demo seed guard', () => {
  it("allows npm start's embedded PostgreSQL outside production", () => {
    expect(
      demoSeedDecision({
        NODE_ENV: 'development',
        DATABASE_URL: embedded,
        CAPACITES_EMBEDDED_DATABASE_URL: embedded,
      }).allowed,
    ).toBe(true);
  });

  it('refuses when NODE_ENV=production, even on the embedded PostgreSQL, and says what to do', () => {
    const decision = demoSeedDecision({
      NODE_ENV: 'production',
      DATABASE_URL: embedded,
      CAPACITES_EMBEDDED_DATABASE_URL: embedded,
    });
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toMatch(/not created in production \(NODE_ENV=production/);
    expect(decision.reason).toMatch(/npm run create-admin/);
    expect(decision.reason).toMatch(/CAPACITES_SEED_DEMO=true/);
  });

  it('counts an unset NODE_ENV as production', () => {
    const decision = demoSeedDecision({ DATABASE_URL: embedded, CAPACITES_EMBEDDED_DATABASE_URL: embedded });
    expect(decision).toMatchObject({ allowed: false, reason: expect.stringMatching(/production \(unset/) });
  });

  it('refuses an external DATABASE_URL (not the embedded one)', () => {
    expect(
      demoSeedDecision({ NODE_ENV: 'development', DATABASE_URL: 'postgres://x:y@db.internal:5432/prod' })
        .allowed,
    ).toBe(false);
    expect(
      demoSeedDecision({
        NODE_ENV: 'development',
        DATABASE_URL: 'postgres://x:y@db.internal:5432/prod',
        CAPACITES_EMBEDDED_DATABASE_URL: embedded,
      }).reason,
    ).toMatch(/DATABASE_URL/);
  });

  it('allows when asked explicitly, and refuses a value it does not understand', () => {
    expect(demoSeedDecision({ NODE_ENV: 'production', CAPACITES_SEED_DEMO: 'true' }).allowed).toBe(true);
    expect(
      demoSeedDecision({
        NODE_ENV: 'development',
        CAPACITES_SEED_DEMO: 'false',
        DATABASE_URL: embedded,
        CAPACITES_EMBEDDED_DATABASE_URL: embedded,
      }).allowed,
    ).toBe(false);
    expect(demoSeedDecision({ NODE_ENV: 'production', CAPACITES_SEED_DEMO: 'oui' }).reason).toMatch(
      /true or false/,
    );
  });
});
