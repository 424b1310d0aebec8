import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client as PgClient } from 'pg';
import { AuditEventEntity } from '@capacites/persistence';
import { verifyAuditChains } from '../../src/audit/audit-chain.verifier';
import { insertTeam, type Team } from '../support/fixtures';
import { login, type ApiClient } from '../support/http';
import { createTestDatabase, startStack, type TestStack } from '../support/stack';

const run = promisify(execFile);
const repoRoot = join(__dirname, '..', '..', '..', '..');

/** `npm run audit:verify` as an operator runs it: its exit code and what it printed. */
async function auditVerify(databaseUrl: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(
      process.execPath,
      ['-r', './scripts/register.cjs', 'apps/api/src/cli/verify-audit.ts'],
      { cwd: repoRoot, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' } },
    );
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: `${failed.stdout}${failed.stderr}` };
  }
}

describe('The audit trail: append-only and chained (issue 17, item 4)', () => {
  let stack: TestStack;
  let team: Team;
  let hr: ApiClient;

  const insertEvent = (client: PgClient, organizationId: string | null, event: string) =>
    client.query(
      `INSERT INTO audit_events (idempotency_key, organization_id, event, actor_id, reason, details, occurred_at)
       VALUES ($1, $2, $3, NULL, 'raison', '{"b": 1, "a": [1, 2]}', now())`,
      [`test:${randomUUID()}`, organizationId, event],
    );
  const connect = async (url = stack.databaseUrl) => {
    const client = new PgClient({ connectionString: url });
    await client.connect();
    return client;
  };

  beforeAll(async () => {
    stack = await startStack();
    team = await insertTeam(stack.db);
    hr = await login(stack.app, team.emails.hr);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('chains rows written concurrently in one organisation without a gap or a fork', async () => {
    const organizationId = team.organization.id;
    const clients = await Promise.all(Array.from({ length: 8 }, () => connect()));
    try {
      // Eight transactions at once, each writing three rows and committing late.
      await Promise.all(
        clients.map(async (client, i) => {
          await client.query('BEGIN');
          for (let k = 0; k < 3; k += 1) await insertEvent(client, organizationId, `concurrent-${i}-${k}`);
          await client.query('COMMIT');
        }),
      );
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const rows: { seq: string; previous_hash: string | null; hash: string }[] = await stack.db.query(
      `SELECT a.chain_seq::text AS seq, a.previous_hash, a.hash FROM audit_events a
       WHERE a.chain_key = $1 ORDER BY a.chain_seq`,
      [organizationId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(24);
    rows.forEach((row, i) => {
      expect(row.seq).toBe(String(i + 1));
      expect(row.previous_hash).toBe(i === 0 ? null : rows[i - 1].hash);
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    });
    const report = await verifyAuditChains(stack.db);
    expect(report.problems).toEqual([]);
    expect(report.chains.find((c) => c.chainKey === organizationId)?.rows).toBe(rows.length);
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even to a superuser', async () => {
    const client = await connect();
    try {
      await insertEvent(client, null, 'platform-event');
      const isSuperuser = (await client.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`))
        .rows[0].rolsuper as boolean;
      expect(isSuperuser).toBe(true);
      for (const statement of [
        `UPDATE audit_events SET reason = 'réécrit'`,
        `DELETE FROM audit_events`,
        `TRUNCATE audit_events`,
      ])
        await expect(client.query(statement)).rejects.toThrow(/audit_events is append-only/);
    } finally {
      await client.end();
    }
  });

  it("denies the application's own role the privileges to change or remove rows", async () => {
    // A database owned by an ordinary role, migrated by it, as production runs it.
    const role = `app_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
    const admin = await connect();
    const url = new URL(await createTestDatabase());
    const database = url.pathname.slice(1);
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'secret-of-the-test'`);
      await admin.query(`ALTER DATABASE ${database} OWNER TO ${role}`);
      const owner = await connect(url.toString());
      await owner.query(`ALTER SCHEMA public OWNER TO ${role}`);
      await owner.end();
    } finally {
      await admin.end();
    }
    url.username = role;
    url.password = 'secret-of-the-test';
    const { runMigrations } = await import('@capacites/persistence');
    await runMigrations({ url: url.toString() });
    const app = await connect(url.toString());
    try {
      await insertEvent(app, null, 'written-by-the-app');
      for (const statement of [
        `UPDATE audit_events SET reason = 'réécrit'`,
        `DELETE FROM audit_events`,
        `TRUNCATE audit_events`,
      ])
        await expect(app.query(statement)).rejects.toMatchObject({ code: '42501' });
      expect((await app.query(`SELECT count(*)::int AS n FROM audit_events`)).rows[0].n).toBe(1);
    } finally {
      await app.end();
    }
  });

  it('records what a framing edit changed, before and after', async () => {
    const created = await hr
      .post('/api/experiments')
      .send({
        organizationId: team.organization.id,
        title: 'Accueil sans rendez-vous',
        hypothesis: 'Première version.',
      })
      .expect(201);
    const id = created.body.id as string;
    await hr
      .put(`/api/experiments/${id}`)
      .send({ hypothesis: 'Seconde version, plus précise.', scope: 'Mairie annexe' })
      .expect(200);
    const edit = await stack.db
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ experimentId: id, event: 'framingUpdated' });
    expect(edit.details).toMatchObject({
      fields: expect.arrayContaining(['hypothesis', 'scope']),
      changes: {
        hypothesis: { from: 'Première version.', to: 'Seconde version, plus précise.' },
        scope: { to: 'Mairie annexe' },
      },
    });
    expect(edit.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('`npm run audit:verify` says intact, then names a rewritten row and a removed one', async () => {
    const intact = await auditVerify(stack.databaseUrl);
    expect(intact.stdout).toMatch(/audit trail intact: \d+ rows in \d+ chains/);
    expect(intact.stdout).toMatch(
      new RegExp(`chain ${team.organization.id}: \\d+ rows, head #\\d+ [0-9a-f]{64}`),
    );
    expect(intact.code).toBe(0);

    // Someone with the database's superuser turns the triggers off and rewrites history.
    const organizationId = team.organization.id;
    const tamper = await connect();
    let rewritten: string;
    let removedSeq: number;
    try {
      await tamper.query(`SET session_replication_role = replica`);
      const rows = (
        await tamper.query(
          `SELECT id::text, chain_seq::int AS seq FROM audit_events WHERE chain_key = $1 ORDER BY chain_seq`,
          [organizationId],
        )
      ).rows as { id: string; seq: number }[];
      rewritten = rows[2].id;
      removedSeq = rows[5].seq;
      await tamper.query(`UPDATE audit_events SET reason = 'une autre raison' WHERE id = $1`, [rewritten]);
      await tamper.query(`DELETE FROM audit_events WHERE id = $1`, [rows[5].id]);
    } finally {
      await tamper.end();
    }
    const broken = await auditVerify(stack.databaseUrl);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`BROKEN chain ${organizationId} at #3 (row id ${rewritten}): rewritten`);
    expect(broken.stdout).toContain(`BROKEN chain ${organizationId} at #${removedSeq + 1}`);
    expect(broken.stdout).toContain('missing-before');
    expect(broken.stdout).toMatch(/audit trail BROKEN: 2 problems/);
  });
});
