import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import {
  experimentWorkflowId,
  PERSONAL_TEXT_REMOVED,
  uncoveredPersonColumns,
  type RetentionPreview,
} from '@capacites/domain';
import { listUserReferenceColumns } from '@capacites/persistence';
import { RETENTION_WORKFLOW, type RetentionRunResult } from '@capacites/workflows';
import { verifyAuditChains } from '../../src/audit/audit-chain.verifier';
import { dateInDays, insertAdmin, insertTeam, readyFramingBody, type Team } from '../support/fixtures';
import { login, loginTeam, participantConsents, type ApiClient } from '../support/http';
import { startStack, type TestStack } from '../support/stack';

const MARK = PERSONAL_TEXT_REMOVED;

/**
 * Retention and erasure of personal data (issue 17, item 3) through the real stack: a test
 * run to its decision on the real Temporal dev server and PostgreSQL, the retention workflow
 * run by the stack's worker, erasure through the API, and the audit chain verified after each.
 */
describe('Retention and erasure of personal data (issue 17, item 3)', () => {
  let stack: TestStack;
  let team: Team;
  let as: Record<'pilot' | 'sponsor' | 'participant' | 'codir' | 'hr', ApiClient>;
  let admin: ApiClient;

  beforeAll(async () => {
    stack = await startStack();
    team = await insertTeam(stack.db);
    as = await loginTeam(stack.app, team);
    admin = await login(stack.app, (await insertAdmin(stack.db, team.organization.id)).email);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    ((await stack.db.query(sql, params)) as T[])[0];
  const auditCount = async (experimentId: string) =>
    (await one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE experiment_id = $1`, [experimentId]))
      .n;

  /** A test run to an abandon decision: check-in, testimony, early stop, evaluation, decision. */
  async function closedTest(title: string): Promise<string> {
    const id = (
      await as.hr.post('/api/experiments').send({ organizationId: team.organization.id, title }).expect(201)
    ).body.id as string;
    await as.hr.put(`/api/experiments/${id}`).send(readyFramingBody(team, dateInDays(60))).expect(200);
    await participantConsents(stack.app, team, id);
    await as.hr.post(`/api/experiments/${id}/launch`).send({}).expect(200);
    await as.pilot
      .post(`/api/experiments/${id}/check-ins`)
      .send({ weather: 'stormy', progress: 'Mme Dupont a refusé le classeur', blockers: 'M. Martin absent' })
      .expect(200);
    await as.pilot
      .post('/api/testimonies')
      .send({
        experimentId: id,
        quote: 'Je me sens enfin écoutée',
        speaker: 'Camille Durand',
        speakerRole: 'auxiliaire',
        source: 'interview',
        collectedAt: dateInDays(0),
      })
      .expect(201);
    await as.hr.post(`/api/experiments/${id}/stop`).send({ reason: 'Camille part en congé' }).expect(200);
    await as.hr
      .post(`/api/experiments/${id}/evaluation`)
      .send({
        verdict: 'refuted',
        criterionResults: [{ criterionId: 'errors', result: 'Deux erreurs', met: false }],
        usersVoice: { sources: ['entretiens'], count: 4 },
        learnings: 'Un classeur ne suffit pas.',
      })
      .expect(200);
    await as.sponsor
      .post(`/api/experiments/${id}/decision`)
      .send({ outcome: 'abandon', rationale: 'Mme Dupont ne veut plus' })
      .expect(200);
    return id;
  }

  /** The workflow closes after the decision; the test is said to have closed `days` ago. */
  async function closedDaysAgo(id: string, days: number) {
    await stack.temporal.workflow.getHandle(experimentWorkflowId(id)).result();
    await stack.db.query(`UPDATE decisions SET decided_at = now() - make_interval(days => $2) WHERE experiment_id = $1`, [
      id,
      days,
    ]);
  }

  const runRetention = (at = new Date()): Promise<RetentionRunResult> =>
    stack.temporal.workflow.execute(RETENTION_WORKFLOW, {
      taskQueue: stack.taskQueue,
      workflowId: `retention-test-${randomUUID()}`,
      args: [{ at: at.toISOString() }],
    });

  it('lets HR set the period within bounds, audited with the old and new values', async () => {
    const url = `/api/retention/${team.organization.id}/settings`;
    expect((await as.hr.get(url).expect(200)).body).toMatchObject({ retentionDays: 730, custom: false, defaultDays: 730 });
    const tooShort = await as.hr.put(url).send({ retentionDays: 7 }).expect(400);
    expect(tooShort.body.fields.map((f: { field: string }) => f.field)).toEqual(['retentionDays']);
    await as.pilot.put(url).send({ retentionDays: 60 }).expect(403);
    await as.hr.put(url).send({ retentionDays: 30 }).expect(200);
    expect((await as.hr.get(url).expect(200)).body).toMatchObject({ retentionDays: 30, custom: true });
    const record = await one<{ details: unknown; actor_id: string }>(
      `SELECT details, actor_id FROM audit_events WHERE event = 'organization.retentionChanged' ORDER BY id DESC LIMIT 1`,
    );
    expect(record).toEqual({
      actor_id: team.hr,
      details: { retentionDays: { from: 730, to: 30 }, custom: { from: false, to: true } },
    });
    // Another organisation's settings do not exist for this HR.
    const other = await insertTeam(stack.db);
    await as.hr.get(`/api/retention/${other.organization.id}/settings`).expect(404);
  });

  it('dry-runs, then pseudonymises a closed test past its period once, deleting its workflow history', async () => {
    const due = await closedTest('Classeur partagé en crèche');
    const recent = await closedTest('Classeur partagé, bis');
    await closedDaysAgo(due, 40);
    await closedDaysAgo(recent, 5);
    const before = await one<{ progress: string }>(`SELECT progress FROM check_ins WHERE experiment_id = $1`, [due]);
    const auditBefore = await auditCount(due);

    // The dry run: counts, nothing written.
    const preview = (await as.hr.get(`/api/retention/${team.organization.id}/preview`).expect(200))
      .body as RetentionPreview;
    expect(preview.due.map((d) => d.experimentId)).toEqual([due]);
    expect(preview.due[0].counts).toMatchObject({ checkIns: 1, testimonies: 1, decisions: 1, people: 4 });
    expect(preview.due[0].counts.auditRows).toBeGreaterThanOrEqual(2);
    expect(preview.upcoming.map((d) => d.experimentId)).toEqual([recent]);
    expect(before.progress).toBe('Mme Dupont a refusé le classeur');
    expect(await auditCount(due)).toBe(auditBefore);
    await as.pilot.get(`/api/retention/${team.organization.id}/preview`).expect(403);

    // The run, on the stack's worker.
    const result = await runRetention();
    expect(result).toMatchObject({ due: 1, pseudonymised: 1, workflowHistories: 1, workflowsStillOpen: 0 });

    // Free texts by individuals are gone; the decision, the evaluation and the counts stay.
    expect(await one(`SELECT weather, progress, blockers FROM check_ins WHERE experiment_id = $1`, [due])).toEqual({
      weather: 'stormy',
      progress: MARK,
      blockers: MARK,
    });
    expect(await one(`SELECT quote, speaker, speaker_role AS role FROM testimonies WHERE experiment_id = $1`, [due])).toEqual(
      { quote: MARK, speaker: '', role: 'auxiliaire' },
    );
    expect(await one(`SELECT outcome, rationale FROM decisions WHERE experiment_id = $1`, [due])).toEqual({
      outcome: 'abandon',
      rationale: MARK,
    });
    expect(
      await one(`SELECT verdict, criterion_results AS results FROM evaluations WHERE experiment_id = $1`, [due]),
    ).toMatchObject({ verdict: 'refuted', results: [{ criterionId: 'errors', met: false }] });
    expect(await one(`SELECT count(*)::int AS n FROM notifications WHERE experiment_id = $1`, [due])).toEqual({ n: 0 });

    // The people are "Participant N", the same one in every row; the real accounts are untouched.
    const experiment = await one<{ pilot_ids: string[]; sponsor_id: string; participants: { userId: string }[] }>(
      `SELECT pilot_ids, sponsor_id, participants FROM experiments WHERE id = $1`,
      [due],
    );
    const names = async (ids: string[]) =>
      ((await stack.db.query(`SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`, [ids])) as {
        id: string;
        display_name: string;
      }[]).reduce<Record<string, string>>((acc, u) => ({ ...acc, [u.id]: u.display_name }), {});
    const labels = await names([experiment.pilot_ids[0], experiment.sponsor_id, experiment.participants[0].userId]);
    expect(labels[experiment.pilot_ids[0]]).toBe('Participant 1');
    expect(labels[experiment.sponsor_id]).toBe('Participant 2');
    expect(labels[experiment.participants[0].userId]).toBe('Participant 3');
    expect(
      (await one<{ author_id: string }>(`SELECT author_id FROM check_ins WHERE experiment_id = $1`, [due])).author_id,
    ).toBe(experiment.pilot_ids[0]);
    expect((await names([team.pilot]))[team.pilot]).toBe('pilot');
    // The test that closed recently is untouched.
    expect(
      (await one<{ progress: string }>(`SELECT progress FROM check_ins WHERE experiment_id = $1`, [recent])).progress,
    ).toBe('Mme Dupont a refusé le classeur');

    // Its workflow history is gone from Temporal (deleted in the background: polled with a
    // deadline); the recent one's stays.
    const gone = async () =>
      stack.temporal.workflow
        .getHandle(experimentWorkflowId(due))
        .describe()
        .then(
          () => false,
          (error: Error) => error.name === 'WorkflowNotFoundError',
        );
    const deadline = Date.now() + 60_000;
    while (!(await gone())) {
      if (Date.now() > deadline) throw new Error('the workflow history of the test was not deleted');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await expect(stack.temporal.workflow.getHandle(experimentWorkflowId(recent)).describe()).resolves.toBeDefined();

    // One audit record for the test, its rows redacted, the chain still verified.
    const records = (await stack.db.query(
      `SELECT details FROM audit_events WHERE experiment_id = $1 AND event = 'retention.pseudonymised'`,
      [due],
    )) as { details: { counts: { checkIns: number }; workflowHistories: number; redactedAuditRows: unknown[] } }[];
    expect(records).toHaveLength(1);
    expect(records[0].details).toMatchObject({ counts: { checkIns: 1 }, workflowHistories: 1 });
    expect(records[0].details.redactedAuditRows.length).toBeGreaterThanOrEqual(2);
    expect(
      await one(`SELECT reason FROM audit_events WHERE experiment_id = $1 AND event = 'stopEarly'`, [due]),
    ).toEqual({ reason: MARK });
    const report = await verifyAuditChains(stack.db);
    expect(report.problems).toEqual([]);
    expect(report.redacted).toBe(records[0].details.redactedAuditRows.length);

    // The screen's last runs.
    const runs = (await as.hr.get(`/api/retention/${team.organization.id}/runs`).expect(200)).body;
    expect(runs).toEqual([expect.objectContaining({ experimentId: due, counts: expect.objectContaining({ checkIns: 1 }) })]);

    // A second pass does nothing and writes nothing.
    const auditAfter = await auditCount(due);
    expect(await runRetention()).toMatchObject({ due: 0, pseudonymised: 0, workflowHistories: 0 });
    expect(await auditCount(due)).toBe(auditAfter);
    const empty = (await as.hr.get(`/api/retention/${team.organization.id}/preview`).expect(200)).body as RetentionPreview;
    expect(empty.due).toEqual([]);
  });

  it('keeps the audit trail append-only: a direct UPDATE, a forged redaction record or a forged redaction are refused or detected', async () => {
    const client = new PgClient({ connectionString: stack.databaseUrl });
    await client.connect();
    try {
      const row = (
        await client.query(
          `SELECT id::text, details::text AS details FROM audit_events
            WHERE organization_id = $1 AND reason IS NULL AND details ? 'fields' ORDER BY id LIMIT 1`,
          [team.organization.id],
        )
      ).rows[0] as { id: string; details: string };
      // Even a pure redaction is refused outside audit_events_redact.
      await expect(
        client.query(`UPDATE audit_events SET reason = reason WHERE id = $1`, [row.id]),
      ).rejects.toThrow(/append-only/);
      await expect(
        client.query(`UPDATE audit_events SET details = jsonb_set(details, '{fields}', '"[supprimé]"') WHERE id = $1`, [
          row.id,
        ]),
      ).rejects.toThrow(/append-only/);
      // A record vouching for redactions cannot be written by hand.
      await expect(
        client.query(
          `INSERT INTO audit_events (idempotency_key, organization_id, event, details, occurred_at)
           VALUES ($1, $2, 'retention.pseudonymised', '{"redactedAuditRows": []}', now())`,
          [`forged:${randomUUID()}`, team.organization.id],
        ),
      ).rejects.toThrow(/audit_events_redact only/);
      // The function refuses any other event than its own two.
      await expect(
        client.query(
          `SELECT audit_events_redact(ARRAY[$1::bigint], ARRAY['fields'], $2::uuid, NULL, 'framingUpdated', NULL, $3, '{}', now())`,
          [row.id, team.organization.id, `forged:${randomUUID()}`],
        ),
      ).rejects.toThrow(/unknown event/);

      // A superuser who turns the triggers off and "redacts" a row leaves it unvouched: detected.
      await client.query(`SET session_replication_role = replica`);
      await client.query(`UPDATE audit_events SET details = jsonb_set(details, '{fields}', '"[supprimé]"') WHERE id = $1`, [
        row.id,
      ]);
      // And a redacted row changed afterwards no longer matches what its record vouches for.
      const redacted = (
        await client.query(`SELECT id::text, event FROM audit_events WHERE reason = $1 ORDER BY id LIMIT 1`, [MARK])
      ).rows[0] as { id: string; event: string };
      await client.query(`UPDATE audit_events SET event = 'stopOnTime' WHERE id = $1`, [redacted.id]);
      await client.query(`SET session_replication_role = origin`);
      const report = await verifyAuditChains(stack.db);
      expect(report.problems.map((p) => [p.id, p.problem]).sort()).toEqual(
        [
          [row.id, 'rewritten'],
          [redacted.id, 'rewritten'],
        ].sort(),
      );
      // Put them back (same superuser path) so that the next test starts from an intact trail.
      await client.query(`SET session_replication_role = replica`);
      await client.query(`UPDATE audit_events SET event = $2 WHERE id = $1`, [redacted.id, redacted.event]);
      await client.query(`UPDATE audit_events SET details = $2::jsonb WHERE id = $1`, [row.id, row.details]);
      await client.query(`SET session_replication_role = origin`);
      expect((await verifyAuditChains(stack.db)).problems).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('erases a disabled account after a dry run and a confirmation, everywhere the same way', async () => {
    // A running test where the pilot wrote a check-in.
    const id = (
      await as.hr.post('/api/experiments').send({ organizationId: team.organization.id, title: 'Effacement' }).expect(201)
    ).body.id as string;
    await as.hr.put(`/api/experiments/${id}`).send(readyFramingBody(team, dateInDays(60))).expect(200);
    await participantConsents(stack.app, team, id);
    await as.hr.post(`/api/experiments/${id}/launch`).send({}).expect(200);
    await as.pilot
      .post(`/api/experiments/${id}/check-ins`)
      .send({ weather: 'sunny', progress: 'Tout va bien, signé Paul', blockers: '' })
      .expect(200);
    const url = `/api/users/${team.pilot}/erasure`;

    // Active: refused. A pilot may not erase anyone. An unknown account: 404.
    expect((await as.hr.post(url).send({ dryRun: true }).expect(409)).body.code).toBe('ERASURE_ACCOUNT_ACTIVE');
    await admin.delete(`/api/users/${team.pilot}`).expect(200);
    await as.sponsor.post(url).send({ dryRun: true }).expect(403);
    await as.hr.post(`/api/users/${randomUUID()}/erasure`).send({ dryRun: true }).expect(404);

    // The dry run counts; nothing changes.
    const dry = await as.hr.post(url).send({}).expect(200);
    // Its check-ins here and in the test closed recently (the other one is pseudonymised already).
    expect(dry.body).toMatchObject({
      dryRun: true,
      alreadyErased: false,
      counts: { checkIns: 2, testimonies: 1, memberships: 1 },
    });
    expect(await one(`SELECT display_name FROM users WHERE id = $1`, [team.pilot])).toEqual({ display_name: 'pilot' });

    // The erasure needs the email typed again.
    const wrong = await as.hr.post(url).send({ dryRun: false, confirmEmail: 'autre@exemple.fr' }).expect(400);
    expect(wrong.body.code).toBe('ERASURE_CONFIRMATION_MISMATCH');
    expect(wrong.body.fields.map((f: { field: string }) => f.field)).toEqual(['confirmEmail']);
    const done = await as.hr.post(url).send({ dryRun: false, confirmEmail: team.emails.pilot }).expect(200);
    expect(done.body).toMatchObject({ dryRun: false, counts: { checkIns: 2 } });

    const user = await one<Record<string, unknown>>(
      `SELECT email, display_name, password_hash, oidc_subject, totp_secret, erased_at FROM users WHERE id = $1`,
      [team.pilot],
    );
    expect(user).toMatchObject({
      email: `erased-${team.pilot}@pseudonyme.invalid`,
      display_name: `Compte supprimé ${team.pilot.slice(0, 8)}`,
      password_hash: null,
      oidc_subject: null,
      totp_secret: null,
    });
    expect(user.erased_at).not.toBeNull();
    for (const table of ['sessions', 'memberships', 'notifications', 'calendar_subscriptions'])
      expect(
        await one(
          `SELECT count(*)::int AS n FROM ${table} WHERE ${table === 'notifications' ? 'recipient_id' : 'user_id'} = $1`,
          [team.pilot],
        ),
      ).toEqual({ n: 0 });
    // The check-in still counts, under the pseudonymous id; its text is gone.
    expect(await one(`SELECT author_id, progress FROM check_ins WHERE experiment_id = $1`, [id])).toEqual({
      author_id: team.pilot,
      progress: MARK,
    });
    expect(
      (await one<{ pilot_ids: string[] }>(`SELECT pilot_ids FROM experiments WHERE id = $1`, [id])).pilot_ids,
    ).toEqual([team.pilot]);
    // Login is impossible with the old email.
    const { anonymous } = await import('../support/http');
    await anonymous(stack.app)
      .post('/api/auth/token')
      .send({ email: team.emails.pilot, password: 'mot-de-passe-de-test' })
      .expect(401);
    // Audited (one record per chain naming them), and the chain still verifies.
    const erased = (await stack.db.query(`SELECT actor_id, details FROM audit_events WHERE event = 'user.erased'`)) as {
      actor_id: string;
      details: { userId: string };
    }[];
    expect(erased.length).toBeGreaterThanOrEqual(1);
    expect(erased.every((e) => e.actor_id === team.hr && e.details.userId === team.pilot)).toBe(true);
    expect((await verifyAuditChains(stack.db)).problems).toEqual([]);
    // Once erased, HR no longer finds it (no membership left); a second call by the admin does nothing.
    await as.hr.post(url).send({}).expect(404);
    const again = await admin.post(url).send({ dryRun: false, confirmEmail: 'x' }).expect(200);
    expect(again.body.alreadyErased).toBe(true);
    expect((await stack.db.query(`SELECT 1 FROM audit_events WHERE event = 'user.erased'`)).length).toBe(erased.length);
  });

  it('has a retention and erasure rule for every column of the schema that names a person', async () => {
    const columns = await listUserReferenceColumns(stack.db);
    expect(columns.length).toBeGreaterThan(20);
    expect(uncoveredPersonColumns(columns)).toEqual([]);
    // The check can fail: a new table naming a person, in a transaction rolled back.
    const runner = stack.db.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`CREATE TABLE "zz_retention_probe" (id uuid PRIMARY KEY, "user_id" uuid)`);
      expect(uncoveredPersonColumns(await listUserReferenceColumns(runner))).toEqual([
        { table: 'zz_retention_probe', column: 'user_id' },
      ]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

