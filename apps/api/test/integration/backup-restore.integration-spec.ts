import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Client as PgClient } from 'pg';
import { AuditEventEntity, ExperimentEntity, TrackEntity } from '@capacites/persistence';
import { verifyAuditChains } from '../../src/audit/audit-chain.verifier';
import { dateInDays, insertTeam, readyFramingBody } from '../support/fixtures';
import { login, participantConsents } from '../support/http';
import { freePort, ownForPostgres, startPostgres, type PostgresServer } from '../support/postgres-server';
import { startStack, type TestStack } from '../support/stack';
import { startTemporalServer, type TemporalServer } from '../support/temporal-server';
import { waitFor } from '../support/worker-process';

/** What a base backup leaves out (docs, "Making a Base Backup Using the Low Level API"); pg_wal is copied after the stop. */
const NOT_COPIED = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'pg_wal',
  'pg_replslot',
  'pg_stat_tmp',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_subtrans',
]);

/** The folders of the run's data directory that must exist (empty) in the copy. */
const EMPTY_DIRS = [
  'pg_replslot',
  'pg_stat_tmp',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_subtrans',
];

describe('Backup and restore', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'capacites-backup-'));
  chmodSync(scratch, 0o755);
  let stack: TestStack | undefined;
  let restoredStack: TestStack | undefined;
  let restored: PostgresServer | undefined;
  let temporal: TemporalServer | undefined;

  afterAll(async () => {
    await restoredStack?.close();
    await stack?.close();
    await restored?.stop();
    await temporal?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('restores the application database from an online base backup (pg_backup_start, copy, pg_backup_stop)', async () => {
    stack = await startStack();
    const team = await insertTeam(stack.db);
    const hr = await login(stack.app, team.emails.hr);
    for (const title of ['Sauvegardé en brouillon', 'Sauvegardé en cours']) {
      await hr.post('/api/experiments').send({ organizationId: team.organization.id, title }).expect(201);
    }
    const tracks = stack.db.getRepository(TrackEntity);
    const track = (slug: string) => ({
      id: randomUUID(),
      slug: `${slug}-${randomUUID().slice(0, 8)}`,
      name: slug,
    });
    const before = track('avant-la-sauvegarde');
    await tracks.insert(before);
    const database = new URL(stack.databaseUrl).pathname.slice(1);
    const counts = async (client: PgClient) =>
      (
        await client.query<{ table: string; rows: number }>(
          `SELECT relname AS table, (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I', relname), false, true, '')))[1]::text::int AS rows
           FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY relname`,
        )
      ).rows;
    const source = new PgClient({ connectionString: stack.databaseUrl });
    await source.connect();
    const expected = await counts(source);
    await source.end();

    // The backup, while the server runs and the application writes.
    const dataDir = join(process.env.CAPACITES_TEST_DIR as string, 'postgres');
    const backupDir = join(scratch, 'postgres-backup');
    const admin = new PgClient({ connectionString: process.env.CAPACITES_TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`SELECT pg_backup_start('capacites-test', true)`);
    cpSync(dataDir, backupDir, {
      recursive: true,
      filter: (path) => !(join(dataDir, basename(path)) === path && NOT_COPIED.has(basename(path))),
    });
    const during = track('pendant-la-sauvegarde');
    await tracks.insert(during);
    const stopped = await admin.query<{ labelfile: string; spcmapfile: string }>(
      `SELECT * FROM pg_backup_stop(false)`,
    );
    await admin.end();
    // The WAL written until the stop, which recovery replays to a consistent state.
    cpSync(join(dataDir, 'pg_wal'), join(backupDir, 'pg_wal'), { recursive: true });
    for (const dir of EMPTY_DIRS) mkdirSync(join(backupDir, dir), { recursive: true });
    writeFileSync(join(backupDir, 'backup_label'), stopped.rows[0].labelfile);
    if (stopped.rows[0].spcmapfile)
      writeFileSync(join(backupDir, 'tablespace_map'), stopped.rows[0].spcmapfile);
    const after = track('apres-la-sauvegarde');
    await tracks.insert(after);
    ownForPostgres(backupDir);
    chmodSync(backupDir, 0o700);

    // Restore: a server on the copy recovers from the label and serves the data as it was.
    restored = await startPostgres(backupDir, await freePort());
    expect(restored.output()).toMatch(/starting backup recovery|redo done|consistent recovery state/);
    const copy = new PgClient({ connectionString: restored.url(database) });
    await copy.connect();
    try {
      const restoredCounts = await counts(copy);
      const slugs = (await copy.query<{ slug: string }>(`SELECT slug FROM tracks`)).rows.map(
        (row) => row.slug,
      );
      expect(slugs).toContain(before.slug);
      expect(slugs).not.toContain(after.slug);
      // Written during the copy: in the backup or not, but never half there.
      const tracksBefore = expected.find((c) => c.table === 'tracks')?.rows ?? 0;
      expect(restoredCounts.filter((c) => c.table !== 'tracks')).toEqual(
        expected.filter((c) => c.table !== 'tracks'),
      );
      expect([tracksBefore, tracksBefore + 1]).toContain(
        restoredCounts.find((c) => c.table === 'tracks')?.rows,
      );
    } finally {
      await copy.end();
    }

    // The application runs on the restored database.
    restoredStack = await startStack({ databaseUrl: restored.url(database), worker: false });
    // The audit trail comes back whole: every chain verifies.
    expect((await verifyAuditChains(restoredStack.db)).problems).toEqual([]);
    const restoredHr = await login(restoredStack.app, team.emails.hr);
    const list = await restoredHr.get('/api/experiments').expect(200);
    expect(list.body.map((e: { title: string }) => e.title).sort()).toEqual([
      'Sauvegardé en brouillon',
      'Sauvegardé en cours',
    ]);
    await restoredStack.close();
    restoredStack = undefined;
    await restored.stop();
    restored = undefined;
  });

  it('restores Temporal’s SQLite file: a running experiment is still there after restore, and its expiry fires', async () => {
    const port = await freePort();
    const dbFile = join(scratch, 'temporal', 'temporal.db');
    temporal = await startTemporalServer({ dbFile, port });
    await stack?.close();
    stack = await startStack({ temporalAddress: temporal.address });
    const team = await insertTeam(stack.db);
    const hr = await login(stack.app, team.emails.hr);
    const created = await hr
      .post('/api/experiments')
      .send({ organizationId: team.organization.id, title: 'Survit à la restauration' })
      .expect(201);
    const id = created.body.id as string;
    await hr
      .put(`/api/experiments/${id}`)
      .send(readyFramingBody(team, dateInDays(30)))
      .expect(200);
    await participantConsents(stack.app, team, id);
    // An expiry seconds away, set like the demo data does (the API takes whole days).
    const expiresAt = new Date(Date.now() + 8_000);
    await stack.db.getRepository(ExperimentEntity).update({ id }, { expiresAt });
    await hr.post(`/api/experiments/${id}/launch`).send({}).expect(200);

    // Backup: stop the server (SQLite is consistent once closed), copy the file and its WAL.
    await temporal.stop();
    temporal = undefined;
    const experiments = stack.db.getRepository(ExperimentEntity);
    const stateAtStop = (await experiments.findOneByOrFail({ id })).state;
    if (stateAtStop !== 'running') {
      throw new Error(
        `the experiment was already ${stateAtStop} when Temporal stopped: launching and stopping took over 8 s`,
      );
    }
    const restoredDir = join(scratch, 'temporal-restored');
    mkdirSync(restoredDir);
    for (const file of readdirSync(join(scratch, 'temporal')).filter((f) => f.startsWith('temporal.db'))) {
      cpSync(join(scratch, 'temporal', file), join(restoredDir, file));
    }
    rmSync(join(scratch, 'temporal'), { recursive: true });
    expect(existsSync(join(restoredDir, 'temporal.db'))).toBe(true);
    // The expiry passes while Temporal is down: the timer must still fire after the restore.
    await waitFor('the expiry instant to pass', async () => Date.now() > expiresAt.getTime() + 500, 30_000);

    temporal = await startTemporalServer({ dbFile: join(restoredDir, 'temporal.db'), port });
    const status = await waitFor(
      'the workflow to answer on the restored server',
      async () => {
        const response = await hr.get(`/api/experiments/${id}/status`);
        return response.status === 200 ? (response.body as { state: string }) : null;
      },
      60_000,
    );
    expect(['running', 'evaluating']).toContain(status.state);
    await waitFor(
      'the expiry to fire after the restore',
      async () => (await experiments.findOneByOrFail({ id })).state === 'evaluating',
      60_000,
    );
    const audit = await stack.db.getRepository(AuditEventEntity).findBy({ experimentId: id });
    expect(audit.map((a) => a.event).sort()).toEqual([
      'consentGiven',
      'create',
      'expire',
      'framingUpdated',
      'launch',
    ]);
  });
});
