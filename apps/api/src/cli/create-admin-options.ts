import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ORGANIZATION_KINDS, passwordSchema } from '@capacites/domain';

/** The environment variable that may carry the password (never the command line). */
export const ADMIN_PASSWORD_VARIABLE = 'CAPACITES_ADMIN_PASSWORD';

export const CREATE_ADMIN_USAGE = `Usage: npm run create-admin -- --email <email> --organization <slug> [--name "<name>"]
                            [--organization-name "<name>" [--organization-kind <kind>]]

Creates a platform administrator (first installation in production). The password is read
from the terminal (typed twice, not shown) or from the ${ADMIN_PASSWORD_VARIABLE} environment
variable; never from the command line, where other users and the shell history would see it.
The administrator joins the organisation <slug>; if it does not exist yet, --organization-name
creates it (kind: ${ORGANIZATION_KINDS.join(', ')}; "other" by default).`;

/** A refusal to print as is (no stack trace), with the exit code of the command. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

const optionsSchema = z.object({
  email: z.email({ message: '--email must be an email address' }).max(320).toLowerCase(),
  name: z.string().trim().min(1).max(200).optional(),
  organization: z
    .string({ message: "--organization is required (the slug of the administrator's organisation)" })
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      message: '--organization must be a slug: lowercase letters, digits and single hyphens',
    }),
  organizationName: z.string().trim().min(1).max(200).optional(),
  organizationKind: z
    .enum(ORGANIZATION_KINDS, {
      message: `--organization-kind must be one of ${ORGANIZATION_KINDS.join(', ')}`,
    })
    .default('other'),
});
export type CreateAdminOptions = z.infer<typeof optionsSchema>;

/** Reads the command line; refuses a password given there. */
export function parseCreateAdminArgs(argv: string[]): CreateAdminOptions {
  if (argv.some((arg) => arg === '--password' || arg.startsWith('--password=') || arg === '-p')) {
    throw new CommandError(
      `--password is refused: a password on the command line is visible to other users (ps) and kept in the shell history.\n` +
        `Run the command in a terminal to type it, or set ${ADMIN_PASSWORD_VARIABLE} in its environment.`,
    );
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        organization: { type: 'string' },
        'organization-name': { type: 'string' },
        'organization-kind': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CommandError(`${(error as Error).message}\n\n${CREATE_ADMIN_USAGE}`);
  }
  if (values.help) throw new CommandError(CREATE_ADMIN_USAGE, 0);
  if (values.email === undefined) throw new CommandError(`--email is required\n\n${CREATE_ADMIN_USAGE}`);
  const parsed = optionsSchema.safeParse({
    email: values.email,
    name: values.name,
    organization: values.organization,
    organizationName: values['organization-name'],
    organizationKind: values['organization-kind'],
  });
  if (!parsed.success) {
    throw new CommandError(parsed.error.issues.map((issue) => issue.message).join('\n'));
  }
  return parsed.data;
}

/** The API's password policy (the same schema as user creation), as one plain message or null. */
export function passwordProblem(password: string): string | null {
  const checked = passwordSchema.safeParse(password);
  return checked.success ? null : checked.error.issues.map((issue) => issue.message).join('; ');
}
