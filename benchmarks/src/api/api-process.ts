// The real API, run from its own entry point in a process of its own (as `npm start`
// runs it), its logs in a file as in production; the SQL capture preloaded, idle.
import { closeSync, openSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
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

/** A bearer token for `email` (POST /api/auth/token). */
export async function tokenFor(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login of ${email} refused: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
