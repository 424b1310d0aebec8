// Fuzzing the API from its own OpenAPI document with schemathesis, with and without a
// session: no 5xx, nothing of the server's insides in any answer, every 4xx names the
// problem (apps/api/test/fuzz/checks.py). `npm run test:resilience` (or `npm test -- fuzz`).
//   CAPACITES_FUZZ_EXAMPLES   test cases per operation and phase (25; CI runs 10)
// Figures go to test-results/fuzz.json (docs/reliability.md quotes them).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dateInDays, insertAdmin, insertTeam, readyFramingBody } from '../support/fixtures';
import { bearerToken, login, participantConsents } from '../support/http';
import { LogCapture } from '../support/log-capture';
import { startStack, type TestStack } from '../support/stack';

const EXAMPLES = Number(process.env.CAPACITES_FUZZ_EXAMPLES ?? 25);
const repoRoot = resolve(__dirname, '..', '..', '..', '..');
const results = join(repoRoot, 'test-results');

interface Run {
  who: string;
  exitCode: number | null;
  requests: number;
  byStatus: Record<string, number>;
  operations: number;
  output: string;
}

function schemathesis(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const st = process.env.SCHEMATHESIS_PATH;
  if (!st)
    throw new Error('SCHEMATHESIS_PATH is not set: run the fuzz suite through `npm run test:resilience`');
  // Asynchronous: the API answering the fuzzer runs in this very process.
  mkdirSync(results, { recursive: true });
  // In test-results/ (git-ignored): schemathesis keeps a cache of its own in its working folder.
  const child = spawn(st, args, {
    cwd: results,
    env: {
      ...process.env,
      SCHEMATHESIS_HOOKS: join(__dirname, 'checks.py'),
      ...env,
      NO_COLOR: '1',
      PYTHONIOENCODING: 'utf-8',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, output })));
}

describe('Fuzzing the API from its OpenAPI document (schemathesis)', () => {
  const logs = new LogCapture();
  let stack: TestStack;
  const tokens: Record<string, string> = {};
  const runs: Run[] = [];

  beforeAll(async () => {
    stack = await startStack({ listen: true, logs });
    const team = await insertTeam(stack.db);
    const admin = await insertAdmin(stack.db, team.organization.id);
    // Some data, so that lists and the dashboard have rows to answer with.
    const hr = await login(stack.app, team.emails.hr);
    const created = await hr
      .post('/api/experiments')
      .send({ organizationId: team.organization.id, title: 'Fuzz' })
      .expect(201);
    await hr
      .put(`/api/experiments/${created.body.id}`)
      .send(readyFramingBody(team, dateInDays(30)))
      .expect(200);
    await participantConsents(stack.app, team, created.body.id);
    await hr.post(`/api/experiments/${created.body.id}/launch`).send({}).expect(200);
    for (const [who, email] of [
      ['HR', team.emails.hr],
      ['the platform admin', admin.email],
    ]) {
      // Both steps of the login; the platform admin enrols a second factor first.
      tokens[who] = await bearerToken(stack.app, email);
    }
  });

  afterAll(async () => {
    mkdirSync(results, { recursive: true });
    const summary = {
      examplesPerOperation: EXAMPLES,
      requests: runs.reduce((sum, run) => sum + run.requests, 0),
      runs: runs.map(({ output: _output, ...run }) => run),
    };
    writeFileSync(join(results, 'fuzz.json'), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`fuzz: ${JSON.stringify(summary)}`);
    await stack?.close();
  });

  it.each([['without a session'], ['HR'], ['the platform admin']])(
    'answers every generated request %s without a 5xx, a leak, or an error that does not name the problem',
    async (who) => {
      const token = tokens[who];
      const before = logs.lines.length;
      const { code, output } = await schemathesis(
        [
          // The token through the document's bearer scheme (schemathesis.toml).
          ...(token ? ['--config-file', join(__dirname, 'schemathesis.toml')] : []),
          'run',
          `${stack.baseUrl}/api/docs/openapi.json`,
          '--url',
          `${stack.baseUrl}`,
          // Every check schemathesis has (status codes, content types, headers, response
          // schemas, negative data rejected, methods, auth...) and ours (checks.py).
          '--checks',
          'all',
          '--max-examples',
          String(EXAMPLES),
          // stateful: sequences of calls following the links between operations.
          '--phases',
          'examples,coverage,fuzzing,stateful',
          '--seed',
          '20261',
          // Every run from the seed alone, not from examples a previous run stored.
          '--generation-database',
          'none',
          // One worker: with several, hypothesis 6 sometimes fails on its own lambda
          // descriptions ("AST constructor recursion depth mismatch"), a runtime error of the tool.
          '--workers',
          '1',
          '--continue-on-failure',
          '--suppress-health-check',
          'all',
          '--request-timeout',
          '30',
          // Logging out or changing the password would end the session the run relies on.
          ...(token ? ['--exclude-path-regex', '^/api/auth/(logout|password)$'] : []),
          // Cookie-authenticated unsafe requests must carry it (CSRF protection); sent always,
          // so that the fuzzed requests reach the code they aim at.
          '--header',
          'X-Capacites-Csrf: 1',
        ],
        token ? { CAPACITES_FUZZ_TOKEN: token } : {},
      );
      // Counted on the API's side: one access line per request it answered.
      const lines = logs.lines
        .slice(before)
        .map((line) => JSON.parse(line) as { responseTime?: number; res?: { statusCode: number } });
      const answered = lines.filter((line) => typeof line.responseTime === 'number');
      const byStatus: Record<string, number> = {};
      for (const line of answered)
        byStatus[line.res?.statusCode ?? 0] = (byStatus[line.res?.statusCode ?? 0] ?? 0) + 1;
      const operations = Number(/Tested:\s+(\d+)/.exec(output)?.[1] ?? 0);
      runs.push({ who, exitCode: code, requests: answered.length, byStatus, operations, output });
      mkdirSync(results, { recursive: true });
      // The schemathesis report, and the API's own error lines (with stacks) to debug a 5xx.
      const errors = logs.lines.slice(before).filter((line) => line.includes('"level":"error"'));
      writeFileSync(
        join(results, `fuzz-${runs.length}.txt`),
        `${output}\n\nAPI error log lines:\n${errors.join('')}`,
      );
      if (code !== 0)
        throw new Error(`schemathesis found failures ${who} (exit ${code}):\n${output.slice(-12_000)}`);
      expect(Object.keys(byStatus).filter((status) => Number(status) >= 500)).toEqual([]);
      expect(answered.length).toBeGreaterThan(100);
    },
    1_800_000,
  );
});
