import { randomUUID } from 'node:crypto';
import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS } from '@capacites/persistence';
import { verifyAuditChains } from '../../src/audit/audit-chain.verifier';
import { TEST_PASSWORD } from '../support/fixtures';
import { login } from '../support/http';
import { createTestDatabase, startStack, type TestStack } from '../support/stack';

/** The migrations of the previous release (v1): the schema a production database holds today. */
const PREVIOUS_RELEASE = 4;

/** Every table of the previous release, with the columns that order its rows. */
const TABLES: Record<string, string> = {
  organizations: 'id',
  tracks: 'id',
  users: 'id',
  memberships: 'user_id, organization_id, role',
  experiments: 'id',
  audit_events: 'id',
  check_ins: 'id',
  criteria_amendments: 'id',
  evaluations: 'experiment_id',
  decisions: 'experiment_id',
  notifications: 'id',
  emails: 'id',
  sessions: 'id',
};

type Rows = Record<string, unknown>[];

async function snapshot(db: DataSource, columns?: Record<string, string[]>): Promise<Record<string, Rows>> {
  const result: Record<string, Rows> = {};
  for (const [table, order] of Object.entries(TABLES)) {
    const list = columns ? columns[table].map((c) => `"${c}"`).join(', ') : '*';
    result[table] = JSON.parse(
      JSON.stringify(await db.query(`SELECT ${list} FROM "${table}" ORDER BY ${order}`)),
    );
  }
  return result;
}

function dataSourceWith(url: string, count: number): DataSource {
  return new DataSource({
    ...dataSourceOptions({ url, poolSize: 1 }),
    migrations: MIGRATIONS.slice(0, count),
  });
}

/** Representative data of the previous release, written with its own schema (raw SQL, not today's entities). */
async function insertPreviousReleaseData(db: DataSource) {
  const org = randomUUID();
  const track = randomUUID();
  const [hr, pilot, sponsor, member] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [running, evaluated, decided, child] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const passwordHash = await hash(TEST_PASSWORD);
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);

  await q(
    `INSERT INTO organizations (id, slug, name, kind, time_zone, settings) VALUES ($1, 'v1-nantes', 'Ville de Nantes', 'commune', 'Europe/Paris', '{"maxDurationDays": 180}')`,
    [org],
  );
  await q(
    `INSERT INTO tracks (id, slug, name, description, organization_id) VALUES ($1, 'v1-accueil', 'Accueil des usagers', 'Piste propre', $2)`,
    [track, org],
  );
  for (const [id, role] of [
    [hr, 'hr'],
    [pilot, 'pilot'],
    [sponsor, 'sponsor'],
    [member, 'member'],
  ]) {
    await q(`INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)`, [
      id,
      `${role}@v1.nantes.test`,
      `Agent ${role} — é`,
      passwordHash,
    ]);
    await q(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, $3)`, [id, org, role]);
  }
  const criteria = JSON.stringify([
    { id: 'errors', name: "Erreurs d'administration", method: 'Relevé', target: '0', coBuiltWithUsers: true },
  ]);
  const participants = JSON.stringify([{ userId: member, consentedAt: '2026-01-05T09:00:00.000Z' }]);
  const settings = JSON.stringify({ maxDurationDays: 180, maxExtensions: 1, timeZone: 'Europe/Paris' });
  const experiment = (id: string, title: string, state: string, extra: string, values: unknown[]) =>
    q(
      `INSERT INTO experiments (id, organization_id, track_id, title, hypothesis, vision, scope, state, expires_at,
         iteration, parent_id, workflow_id, created_by, pilot_ids, sponsor_id, participants, criteria,
         check_in_cadence_days, exit_plan, settings_snapshot, launched_at, original_expires_at ${extra})
       VALUES ($1, $2, $3, $4, 'Un classeur partagé réduit les oublis.', 'Vision', 'Deux crèches', $5,
         '2026-06-30T21:59:59.999Z', $6, $7, $8, $9, ARRAY[$10]::uuid[], $11, $12, $13, 14,
         '{"pilotWithdrawal":"Fin du trimestre","takeover":"La référente"}', $14, '2026-01-10T08:00:00Z',
         '2026-06-30T21:59:59.999Z' ${values.map((_, i) => `, $${15 + i}`).join('')})`,
      [
        id,
        org,
        track,
        title,
        state,
        id === child ? 2 : 1,
        id === child ? decided : null,
        `experiment-${id}`,
        hr,
        pilot,
        sponsor,
        participants,
        criteria,
        settings,
        ...values,
      ],
    );
  await experiment(running, 'Classeur des médicaments', 'running', ', last_check_in_at, last_weather', [
    '2026-02-01T10:00:00Z',
    'sunny',
  ]);
  await experiment(
    evaluated,
    'Bureau nomade',
    'deciding',
    ', stopped_at, stop_kind, evaluation_due_at, decision_due_at',
    ['2026-03-01T10:00:00Z', 'early', '2026-03-31T10:00:00Z', '2026-04-30T10:00:00Z'],
  );
  await experiment(decided, 'Pacte de micro-mobilité', 'iterated', ', stopped_at, stop_kind, algeco', [
    '2026-02-01T10:00:00Z',
    'expired',
    true,
  ]);
  await experiment(child, 'Pacte de micro-mobilité (itération 2)', 'draft', ', hypothesis_needs_revision', [
    true,
  ]);
  await q(`UPDATE experiments SET child_experiment_id = $1 WHERE id = $2`, [child, decided]);

  let key = 0;
  for (const [id, event, from, to] of [
    [running, 'create', null, 'draft'],
    [running, 'launch', 'draft', 'running'],
    [evaluated, 'stopEarly', 'running', 'evaluating'],
    [evaluated, 'submitEvaluation', 'evaluating', 'deciding'],
    [decided, 'decide', 'deciding', 'iterated'],
  ]) {
    key += 1;
    await q(
      `INSERT INTO audit_events (idempotency_key, organization_id, experiment_id, event, from_state, to_state, actor_id, reason, details, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'Parce que', '{"fields":["scope"]}', '2026-01-10T08:00:00Z')`,
      [`v1:${key}`, org, id, event, from, to, hr],
    );
  }
  await q(
    `INSERT INTO check_ins (idempotency_key, organization_id, experiment_id, author_id, weather, progress, blockers, recorded_at)
     VALUES ('v1:check-in', $1, $2, $3, 'sunny', 'En route', 'Aucun', '2026-02-01T10:00:00Z')`,
    [org, running, pilot],
  );
  await q(
    `INSERT INTO criteria_amendments (idempotency_key, experiment_id, criteria, reason, amended_by, amended_at)
     VALUES ('v1:amendment', $1, $2, 'Mieux mesurer', $3, '2026-02-02T10:00:00Z')`,
    [running, criteria, pilot],
  );
  await q(
    `INSERT INTO evaluations (experiment_id, organization_id, verdict, criterion_results, users_voice, learnings,
       criteria_at_launch, amendments, on_time, submitted_by, submitted_at)
     VALUES ($1, $2, 'partly_confirmed', '[{"criterionId":"errors","result":"2 erreurs","met":false}]',
       '{"sources":["entretiens"],"count":12,"noneReason":""}', 'Former avant de lancer', $3, '[]', true, $4,
       '2026-03-20T10:00:00Z')`,
    [evaluated, org, criteria, pilot],
  );
  await q(
    `INSERT INTO decisions (experiment_id, organization_id, outcome, rationale, handover, next_focus, child_experiment_id,
       on_time, decided_by, decided_at)
     VALUES ($1, $2, 'iterate', 'Étendre à un autre service', NULL, 'Un autre service', $3, true, $4, '2026-02-20T10:00:00Z')`,
    [decided, org, child, sponsor],
  );
  const notification = randomUUID();
  await q(
    `INSERT INTO notifications (id, dedupe_key, organization_id, experiment_id, recipient_id, event, subject, body, link, read_at)
     VALUES ($1, 'v1:notice', $2, $3, $4, 'launched', 'Test lancé', 'Le test est lancé.', '/#/experiments/x/show', NULL)`,
    [notification, org, running, pilot],
  );
  await q(
    `INSERT INTO emails (notification_id, organization_id, to_address, subject, text, status)
     VALUES ($1, $2, 'pilot@v1.nantes.test', 'Test lancé', 'Le test est lancé.', 'outbox')`,
    [notification, org],
  );
  await q(
    `INSERT INTO sessions (token_hash, user_id, last_seen_at, expires_at) VALUES ('v1-session-hash', $1, now(), now() + interval '1 hour')`,
    [hr],
  );
  return { org, running, hr, emails: { hr: 'hr@v1.nantes.test' } };
}

describe('Migrations on a database holding the previous release’s data', () => {
  let url: string;
  let stack: TestStack | undefined;

  beforeAll(async () => {
    url = await createTestDatabase();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('migrates forward without loss, serves the old data through the API, and the newest migrations go down and up again', async () => {
    const previous = dataSourceWith(url, PREVIOUS_RELEASE);
    await previous.initialize();
    const v1 = (await previous.runMigrations({ transaction: 'each' })).map((m) => m.name);
    expect(v1).toEqual(MIGRATIONS.slice(0, PREVIOUS_RELEASE).map((m) => new m().name));
    const data = await insertPreviousReleaseData(previous);
    const before = await snapshot(previous);
    const columns = Object.fromEntries(
      Object.entries(before).map(([table, rows]) => [table, Object.keys(rows[0])]),
    );
    for (const [table, rows] of Object.entries(before))
      expect([table, rows.length > 0]).toEqual([table, true]);
    await previous.destroy();

    const current = dataSourceWith(url, MIGRATIONS.length);
    await current.initialize();
    try {
      const applied = (await current.runMigrations({ transaction: 'each' })).map((m) => m.name);
      expect(applied).toEqual(MIGRATIONS.slice(PREVIOUS_RELEASE).map((m) => new m().name));
      // Every row and every value of the previous release, unchanged.
      expect(await snapshot(current, columns)).toEqual(before);
      // The new columns start empty on old rows.
      expect(
        await current.query(`SELECT count(*)::int AS n FROM users WHERE disabled_at IS NOT NULL`),
      ).toEqual([{ n: 0 }]);
      expect(
        await current.query(`SELECT count(*)::int AS n FROM sessions WHERE id_token IS NOT NULL`),
      ).toEqual([{ n: 0 }]);

      // Down the newest migrations (those of this release), one at a time: the old data stays.
      for (let i = MIGRATIONS.length; i > PREVIOUS_RELEASE; i -= 1) {
        await current.undoLastMigration({ transaction: 'each' });
      }
      const executed = await current.query(`SELECT name FROM migrations ORDER BY id`);
      expect(executed.map((row: { name: string }) => row.name)).toEqual(v1);
      expect(await snapshot(current, columns)).toEqual(before);
      await current.runMigrations({ transaction: 'each' });
      expect(await snapshot(current, columns)).toEqual(before);
      // The audit rows of the previous release were chained in the order they were written.
      const audit = await verifyAuditChains(current);
      expect(audit.problems).toEqual([]);
      expect(audit.rows).toBe(before.audit_events.length);
    } finally {
      await current.destroy();
    }

    // Today's API reads yesterday's data: login with the old hash, lists, the full-text index.
    stack = await startStack({ databaseUrl: url, worker: false });
    const hr = await login(stack.app, data.emails.hr);
    const list = await hr.get('/api/experiments?range=[0,9]').expect(200);
    expect(list.headers['content-range']).toBe('experiments 0-3/4');
    const found = await hr
      .get(`/api/experiments?filter=${encodeURIComponent(JSON.stringify({ q: 'medicaments' }))}`)
      .expect(200);
    expect(found.body.map((e: { id: string }) => e.id)).toEqual([data.running]);
    const audit = await hr
      .get(
        `/api/audit-events?range=[0,99]&filter=${encodeURIComponent(JSON.stringify({ organizationId: data.org }))}`,
      )
      .expect(200);
    expect(audit.body).toHaveLength(5);
  });
});
