// `npm run create-admin -- --email … --organization <slug>`: the first platform
// administrator of a production installation (where no demo data exists). Runs the
// migrations first (idempotent), then creates the account, once, audited.
// Usage: node -r ./scripts/register.cjs apps/api/src/cli/create-admin.ts --email … (see --help)
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { hash } from 'argon2';
import { databaseTimeouts } from '@capacites/config';
import {
  createDataSource,
  MembershipEntity,
  OrganizationEntity,
  runMigrations,
  UserEntity,
} from '@capacites/persistence';
import { recordAdminEvent } from '../common/admin-audit';
import { loadApiConfig } from '../config/api.config';
import {
  ADMIN_PASSWORD_VARIABLE,
  CommandError,
  parseCreateAdminArgs,
  passwordProblem,
  type CreateAdminOptions,
} from './create-admin-options';

/** Reads one line from the terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  // Echo off before the prompt appears: what is typed after it is never shown.
  input.setRawMode(true);
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    input.resume();
    input.setEncoding('utf8');
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003' || char === '\u0004') return done(new CommandError('cancelled', 130));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    input.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env[ADMIN_PASSWORD_VARIABLE];
  if (fromEnv !== undefined && fromEnv !== '') {
    const problem = passwordProblem(fromEnv);
    if (problem) throw new CommandError(`${ADMIN_PASSWORD_VARIABLE} is refused: ${problem}`);
    return fromEnv;
  }
  if (!process.stdin.isTTY) {
    throw new CommandError(
      `No terminal to type the password in: set ${ADMIN_PASSWORD_VARIABLE} in the command's environment.`,
    );
  }
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const first = await readHidden('Password of the administrator (not shown): ');
    const problem = passwordProblem(first);
    if (problem) {
      process.stderr.write(`Refused: ${problem}\n`);
      continue;
    }
    const second = await readHidden('The same password again: ');
    if (first === second) return first;
    process.stderr.write('The two passwords differ.\n');
  }
  throw new CommandError('No acceptable password after three attempts; nothing was created.');
}

async function createAdmin(options: CreateAdminOptions, password: string): Promise<void> {
  const config = loadApiConfig();
  await runMigrations({ url: config.DATABASE_URL, timeouts: databaseTimeouts(config) });
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: 1,
    timeouts: databaseTimeouts(config),
  });
  await dataSource.initialize();
  try {
    const passwordHash = await hash(password);
    const outcome = await dataSource.transaction(async (manager) => {
      const taken = await manager
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .where('lower(u.email) = lower(:email)', { email: options.email })
        .getCount();
      if (taken > 0) {
        throw new CommandError(
          `A user with the email "${options.email}" already exists: nothing was created. ` +
            'To give an existing user the administrator role, sign in as an administrator and use the people screen.',
          1,
        );
      }
      // Who ran the command: there is no signed-in user, the audit names the system account.
      const via = { command: 'create-admin', osUser: userInfo().username };
      let organization = await manager.findOneBy(OrganizationEntity, { slug: options.organization });
      if (!organization) {
        if (!options.organizationName) {
          throw new CommandError(
            `There is no organisation "${options.organization}". Give its name with --organization-name "…" ` +
              '(and --organization-kind) to create it, or name an existing one.',
            1,
          );
        }
        const created = {
          id: randomUUID(),
          slug: options.organization,
          name: options.organizationName,
          kind: options.organizationKind,
        };
        await manager.insert(OrganizationEntity, created);
        await recordAdminEvent(manager, {
          organizationId: created.id,
          event: 'organization.created',
          actorId: null,
          details: { ...created, via },
        });
        organization = await manager.findOneByOrFail(OrganizationEntity, { id: created.id });
      }
      const id = randomUUID();
      const displayName = options.name ?? options.email;
      await manager.insert(UserEntity, {
        id,
        email: options.email,
        displayName,
        passwordHash,
        disabledAt: null,
      });
      const memberships = [{ organizationId: organization.id, role: 'admin' as const }];
      await manager.insert(
        MembershipEntity,
        memberships.map((m) => ({ userId: id, ...m })),
      );
      await recordAdminEvent(manager, {
        organizationId: organization.id,
        event: 'user.created',
        actorId: null,
        details: { userId: id, email: options.email, memberships, via },
      });
      return { id, organization: organization.slug };
    });
    console.log(
      `Platform administrator ${options.email} created (id ${outcome.id}, organisation "${outcome.organization}"). ` +
        'Sign in to the back-office with this email and password.',
    );
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const options = parseCreateAdminArgs(process.argv.slice(2));
  const password = await readPassword();
  await createAdmin(options, password);
}

main().catch((error: unknown) => {
  if (error instanceof CommandError) {
    (error.exitCode === 0 ? process.stdout : process.stderr).write(`${error.message}\n`);
    process.exit(error.exitCode);
  }
  console.error(`create-admin failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
