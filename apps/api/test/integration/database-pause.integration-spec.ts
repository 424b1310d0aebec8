// A PostgreSQL that stops answering (paused with SIGSTOP: the postmaster and every backend)
// must not hang requests: the pools' timeouts turn it into 503 DATABASE_UNAVAILABLE, and
// everything recovers by itself once PostgreSQL runs again (SIGCONT).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../../src/common/dependency-errors';
import { loadWorkerConfig } from '../../../worker/src/config/worker.config';
import { WorkerModule } from '../../../worker/src/worker.module';
import { insertTeam, type Team } from '../support/fixtures';
import { login, type ApiClient } from '../support/http';
import { freePort, initCluster, startPostgres, type PostgresServer } from '../support/postgres-server';
import { startStack, type TestStack } from '../support/stack';
import { waitFor } from '../support/worker-process';

/** Short timeouts for the test; production defaults are 5 s (connect) and 20 s (statement). */
const TIMEOUTS = {
  DATABASE_CONNECT_TIMEOUT_MS: '2000',
  DATABASE_STATEMENT_TIMEOUT_MS: '3000',
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '10000',
};

/** The postmaster (first line of postmaster.pid) and every process it forked (its backends). */
function postgresProcesses(dataDir: string): number[] {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, hence after ')'.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

describe('PostgreSQL paused (SIGSTOP) under the API and the worker', () => {
  let pg: PostgresServer;
  let stack: TestStack;
  let team: Team;
  let hr: ApiClient;
  let workerDb: DataSource;
  let closeWorkerContext: () => Promise<void> = async () => undefined;
  let paused: number[] = [];

  const resume = () => {
    for (const pid of paused) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // gone already
      }
    }
    paused = [];
  };

  beforeAll(async () => {
    const dir = join(process.env.CAPACITES_TEST_DIR as string, `postgres-pause-${process.pid}`);
    initCluster(dir);
    pg = await startPostgres(dir, await freePort());
    const admin = new PgClient({ connectionString: pg.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE paused');
    await admin.end();
    stack = await startStack({ worker: false, databaseUrl: pg.url('paused'), env: TIMEOUTS });
    team = await insertTeam(stack.db);
    hr = await login(stack.app, team.emails.hr);
    // The worker's own pool, built as the worker builds it (WorkerModule, its config).
    const workerContext = await NestFactory.createApplicationContext(
      WorkerModule.forConfig(loadWorkerConfig({ ...stack.env })),
      { logger: false },
    );
    closeWorkerContext = () => workerContext.close();
    workerDb = workerContext.get(DataSource);
  });

  afterAll(async () => {
    resume();
    await closeWorkerContext();
    await stack?.close();
    await pg?.stop();
  });

  it('answers 503 DATABASE_UNAVAILABLE while paused, never hangs, and recovers by itself after SIGCONT', async () => {
    // Warm pools: idle connections that will be stuck mid-query once the server is paused.
    await hr.get('/api/experiments').expect(200);
    await workerDb.query('SELECT 1');

    paused = postgresProcesses(pg.dir);
    expect(paused.length).toBeGreaterThan(1);
    for (const pid of paused) process.kill(pid, 'SIGSTOP');

    // More requests than the pool has connections (4): some wait for a connection, some for
    // an answer on a connection, some open a new one. Each must end while still paused.
    const server = stack.app.getHttpServer();
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, () => hr.get('/api/experiments')),
      hr.get('/api/auth/me'),
      request(server)
        .post('/api/auth/login')
        .send({ email: team.emails.pilot, password: 'whatever it is 1' }),
    ]);
    for (const answer of answers) {
      expect({ status: answer.status, code: answer.body.code }).toEqual({
        status: 503,
        code: 'DATABASE_UNAVAILABLE',
      });
      expect(answer.headers['retry-after']).toBe('5');
    }
    const health = await request(server).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.checks.postgres.status).toBe('down');

    // The worker's pool gives up too (activities then retry with backoff), as an outage.
    const workerFailure = await workerDb.query('SELECT 1').then(
      () => null,
      (error: unknown) => error,
    );
    expect(workerFailure).not.toBeNull();
    expect(isDatabaseUnavailable(workerFailure)).toBe(true);

    // Still paused when every answer above came back: nothing waited for PostgreSQL.
    const state = readFileSync(`/proc/${paused[0]}/stat`, 'utf8');
    expect(state.slice(state.lastIndexOf(')') + 2)[0]).toBe('T');

    resume();
    await waitFor(
      'the API to answer 200 again',
      async () => (await hr.get('/api/experiments')).status === 200,
      60_000,
    );
    await waitFor('the worker pool to answer again', async () =>
      workerDb.query('SELECT 1').then(
        () => true,
        () => false,
      ),
    );
    // And it stays well: several requests in a row, none 503.
    for (let i = 0; i < 5; i += 1) await hr.get('/api/experiments').expect(200);
    await request(server).get('/api/health').expect(200);
  });
});
