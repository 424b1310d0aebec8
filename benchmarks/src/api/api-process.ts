// The real API, run from its own entry point in a process of its own (as `npm start`
// runs it), its logs in a file as in production; the SQL capture preloaded, idle.
import { closeSync, openSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { sleep } from '../lib/log';
import { freePort, repoRoot, stopChild } from '../lib/services';

export interface ApiProcess {
  baseUrl: string;
  pid: number;
  child: ChildProcess;
  /** Switches the SQL capture on or off (see sql-capture.cjs). */
  capture(on: boolean): Promise<void>;
  stop(): Promise<void>;
}

export async function startApi(options: {
  databaseUrl: string;
  logFile: string;
  sqlFile?: string;
  adminDistDir?: string;
  /** Writes a CPU profile of the API process here (node --cpu-prof). */
  profileDir?: string;
  /** More environment of the API (the answers benchmark: a trusted proxy). */
  env?: Record<string, string>;
}): Promise<ApiProcess> {
  const port = await freePort();
  const log = openSync(options.logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []),
      '-r',
      join(repoRoot, 'scripts', 'register.cjs'),
      '-r',
      join(__dirname, 'sql-capture.cjs'),
      join(repoRoot, 'apps', 'api', 'src', 'main.ts'),
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        API_HOST: '127.0.0.1',
        API_PORT: String(port),
        // Plain HTTP on loopback: cookies without Secure.
        NODE_ENV: process.env.NODE_ENV ?? 'development',
        // The benchmarked routes never reach Temporal; the client connects lazily.
        TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
        LOGIN_ATTEMPTS_PER_MINUTE: '1000',
        ...(options.sqlFile ? { CAPACITES_BENCH_SQL_FILE: options.sqlFile } : {}),
        ...(options.adminDistDir ? { ADMIN_DIST_DIR: options.adminDistDir } : {}),
        ...options.env,
      },
      stdio: ['ignore', log, log, 'ipc'],
    },
  );
  closeSync(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the API exited at start (code ${child.exitCode}); see ${options.logFile}`);
    try {
      await fetch(`${baseUrl}/api/health`);
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`the API did not answer within 120 s; see ${options.logFile}`);
      await sleep(250);
    }
  }
  return {
    baseUrl,
    pid: child.pid ?? 0,
    child,
    capture: (on) =>
      new Promise<void>((resolve) => {
        child.once('message', () => resolve());
        child.send({ capture: on });
      }),
    stop: () => stopChild(child),
  };
}

/** TOTP secrets of the accounts enrolled by the benchmark (platform admins must have one). */
const totpSecrets = new Map<string, string>();

const totpCode = (secret: string, step: number) =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
    timestamp: step * 30_000,
  });

/**
 * A bearer token for `email` (POST /api/auth/token). A platform admin must have a second
 * factor: it is enrolled here on first use, then its code sent as the login's second step.
 */
export async function tokenFor(baseUrl: string, email: string, password: string): Promise<string> {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  let response = await post('/api/auth/token', { email, password });
  if (!response.ok) throw new Error(`login of ${email} refused: ${response.status} ${await response.text()}`);
  let body = (await response.json()) as { token?: string; totpRequired?: boolean; pendingToken?: string };
  const secret = totpSecrets.get(email);
  if (body.totpRequired && secret) {
    // One step ahead: the code of the enrolment (this step) is spent.
    const code = totpCode(secret, Math.floor(Date.now() / 30_000) + 1);
    response = await post('/api/auth/login/totp', { pendingToken: body.pendingToken, code });
    if (!response.ok) throw new Error(`second factor of ${email} refused: ${response.status}`);
    body = (await response.json()) as typeof body;
  }
  const token = body.token;
  if (!token) throw new Error(`login of ${email}: no token (${JSON.stringify(body)})`);
  const me = (await (
    await fetch(`${baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { totp?: { enrolmentRequired?: boolean } };
  if (me.totp?.enrolmentRequired) {
    const enrol = (await (await post('/api/auth/totp/enrol', {}, token)).json()) as { secret: string };
    const confirm = await post(
      '/api/auth/totp/confirm',
      { code: totpCode(enrol.secret, Math.floor(Date.now() / 30_000)) },
      token,
    );
    if (!confirm.ok) throw new Error(`second factor enrolment of ${email} refused: ${confirm.status}`);
    totpSecrets.set(email, enrol.secret);
  }
  return token;
}
