// A production installation: the demo data (whose accounts share a published password)
// is refused; the first platform administrator comes from `npm run create-admin`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AuditEventEntity, MembershipEntity, OrganizationEntity, UserEntity } from '@capacites/persistence';
import { login } from '../support/http';
import { startStack, type TestStack } from '../support/stack';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the API's commands (apps/api/src/cli) as `npm run …` does, with only the given environment. */
function runCli(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        join(repoRoot, 'scripts', 'register.cjs'),
        join(repoRoot, 'apps', 'api', 'src', 'cli', script),
        ...args,
      ],
      {
        cwd: repoRoot,
        // No inherited NODE_ENV, CAPACITES_* or password: each case says what it sets.
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'error', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

const PASSWORD = 'correct horse battery staple 42';

/** util-linux `script` gives the command a real terminal (a pty), as an operator's shell would. */
const SCRIPT = '/usr/bin/script';
const withTerminal = existsSync(SCRIPT) ? it : it.skip;

/** Runs create-admin in a terminal, typing each answer once its prompt has appeared. */
function runInTerminal(
  args: string[],
  env: Record<string, string>,
  answers: Array<{ after: RegExp; type: string }>,
): Promise<{ code: number | null; output: string }> {
  const command = [
    process.execPath,
    '-r',
    join(repoRoot, 'scripts', 'register.cjs'),
    join(repoRoot, 'apps', 'api', 'src', 'cli', 'create-admin.ts'),
    ...args,
  ]
    .map((part) => `'${part.replace(/'/g, "'\\''")}'`)
    .join(' ');
  return new Promise((done, fail) => {
    const child = spawn(SCRIPT, ['-q', '-e', '-c', command, '/dev/null'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        TERM: 'dumb',
        LOG_LEVEL: 'error',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let next = 0;
    let seen = 0;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const answer = answers[next];
      if (!answer) return;
      const rest = output.slice(seen);
      const match = answer.after.exec(rest);
      if (match) {
        seen += match.index + match[0].length;
        next += 1;
        child.stdin.write(answer.type);
        if (next === answers.length) child.stdin.end();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', fail);
    child.once('exit', (code) => done({ code, output }));
  });
}

describe('First installation in production', () => {
  let stack: TestStack;
  const counts = async () => ({
    users: await stack.db.getRepository(UserEntity).count(),
    organizations: await stack.db.getRepository(OrganizationEntity).count(),
  });

  beforeAll(async () => {
    stack = await startStack({ worker: false });
  });

  afterAll(async () => {
    await stack?.close();
  });

  describe('the demo seed', () => {
    it('is refused when NODE_ENV=production, naming the way out, and creates nothing', async () => {
      const before = await counts();
      const run = await runCli('prepare.ts', [], {
        DATABASE_URL: stack.databaseUrl,
        NODE_ENV: 'production',
        // Even on the database npm start would have started: production wins.
        CAPACITES_EMBEDDED_DATABASE_URL: stack.databaseUrl,
      });
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/Demo data is not created in production \(NODE_ENV=production/);
      expect(run.stderr).toMatch(/npm run create-admin/);
      expect(await counts()).toEqual(before);
    });

    it('is refused against an external DATABASE_URL unless CAPACITES_SEED_DEMO=true', async () => {
      const before = await counts();
      const run = await runCli('prepare.ts', [], {
        DATABASE_URL: stack.databaseUrl,
        NODE_ENV: 'development',
      });
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/not in a database given by DATABASE_URL/);
      expect(await counts()).toEqual(before);
    });
  });

  describe('npm run create-admin', () => {
    const env = () => ({ DATABASE_URL: stack.databaseUrl, NODE_ENV: 'production' });

    it('refuses a password given as an argument, and creates nothing', async () => {
      const before = await counts();
      for (const args of [['--password', PASSWORD], [`--password=${PASSWORD}`]]) {
        const run = await runCli(
          'create-admin.ts',
          ['--email', 'argv@ville.example', '--organization', 'ville', ...args],
          env(),
        );
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/--password is refused/);
        expect(run.stderr).toMatch(/CAPACITES_ADMIN_PASSWORD/);
        expect(run.stderr).not.toMatch(/^\s+at /m);
      }
      expect(await counts()).toEqual(before);
    });

    it('refuses without a terminal or the variable, and a password below the policy', async () => {
      const args = [
        '--email',
        'nopass@ville.example',
        '--organization',
        'ville',
        '--organization-name',
        'Ville',
      ];
      const none = await runCli('create-admin.ts', args, env());
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/No terminal to type the password in: set CAPACITES_ADMIN_PASSWORD/);
      const weak = await runCli('create-admin.ts', args, { ...env(), CAPACITES_ADMIN_PASSWORD: 'short' });
      expect(weak.code).toBe(2);
      expect(weak.stderr).toMatch(/at least 12 characters/);
      expect(await stack.db.getRepository(UserEntity).countBy({ email: 'nopass@ville.example' })).toBe(0);
    });

    it('creates a platform administrator (password from the environment) who can log in, audited; once', async () => {
      const args = [
        '--email',
        'Premiere.Admin@Ville.example',
        '--name',
        'Première Administratrice',
        '--organization',
        'ville-de-test',
        '--organization-name',
        'Ville de Test',
        '--organization-kind',
        'commune',
      ];
      const run = await runCli('create-admin.ts', args, { ...env(), CAPACITES_ADMIN_PASSWORD: PASSWORD });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Platform administrator premiere.admin@ville.example created/);

      const user = await stack.db
        .getRepository(UserEntity)
        .findOneByOrFail({ email: 'premiere.admin@ville.example' });
      expect(user.displayName).toBe('Première Administratrice');
      const organization = await stack.db
        .getRepository(OrganizationEntity)
        .findOneByOrFail({ slug: 'ville-de-test' });
      expect(organization).toMatchObject({ name: 'Ville de Test', kind: 'commune' });
      expect(await stack.db.getRepository(MembershipEntity).findBy({ userId: user.id })).toEqual([
        expect.objectContaining({ organizationId: organization.id, role: 'admin' }),
      ]);

      // The administrator logs in and acts as one: lists every organisation.
      const admin = await login(stack.app, 'premiere.admin@ville.example', PASSWORD);
      const me = await admin.get('/api/auth/me').expect(200);
      expect(JSON.stringify(me.body)).toMatch(/"admin"/);
      await admin.get('/api/organizations').expect(200);

      // Audited as administrative acts of the command line.
      const audit = await stack.db
        .getRepository(AuditEventEntity)
        .findBy({ organizationId: organization.id });
      expect(audit.map((event) => event.event).sort()).toEqual(['organization.created', 'user.created']);
      const created = audit.find((event) => event.event === 'user.created');
      expect(created?.details).toMatchObject({ userId: user.id, via: { command: 'create-admin' } });
      expect(JSON.stringify(audit)).not.toContain(PASSWORD);

      // A second run for the same email (any case) refuses and changes nothing.
      const before = await counts();
      const again = await runCli(
        'create-admin.ts',
        ['--email', 'PREMIERE.ADMIN@ville.example', '--organization', 'ville-de-test'],
        { ...env(), CAPACITES_ADMIN_PASSWORD: 'another passphrase 99' },
      );
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(
        /A user with the email "premiere.admin@ville.example" already exists: nothing was created/,
      );
      expect(await counts()).toEqual(before);
      await login(stack.app, 'premiere.admin@ville.example', PASSWORD);
    });

    withTerminal('reads the password from the terminal, twice, without showing it', async () => {
      const args = [
        '--email',
        'terminal@ville.example',
        '--organization',
        'ville-du-terminal',
        '--organization-name',
        'Ville du Terminal',
      ];
      const env = { DATABASE_URL: stack.databaseUrl, NODE_ENV: 'production' };
      // Two different entries: refused, nothing created, asked again; then twice the same.
      const run = await runInTerminal(args, env, [
        { after: /Password of the administrator \(not shown\): /, type: `${PASSWORD}\r` },
        { after: /The same password again: /, type: 'not the same one at all\r' },
        { after: /Password of the administrator \(not shown\): /, type: `${PASSWORD}\r` },
        { after: /The same password again: /, type: `${PASSWORD}\r` },
      ]);
      expect(run.output).toMatch(/The two passwords differ/);
      expect(run.output).toMatch(/Platform administrator terminal@ville.example created/);
      expect(run.output).not.toContain(PASSWORD);
      expect(run.output).not.toContain('not the same one');
      expect(run.code).toBe(0);
      await login(stack.app, 'terminal@ville.example', PASSWORD);
    });

    it('joins an existing organisation without --organization-name, and names an unknown one', async () => {
      const unknown = await runCli(
        'create-admin.ts',
        ['--email', 'second@ville.example', '--organization', 'no-such-town'],
        { ...env(), CAPACITES_ADMIN_PASSWORD: PASSWORD },
      );
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/There is no organisation "no-such-town"/);
      const joined = await runCli(
        'create-admin.ts',
        ['--email', 'second@ville.example', '--organization', 'ville-de-test'],
        { ...env(), CAPACITES_ADMIN_PASSWORD: PASSWORD },
      );
      expect(joined.code).toBe(0);
      await login(stack.app, 'second@ville.example', PASSWORD);
    });
  });
});
