import { CommandError, parseCreateAdminArgs, passwordProblem } from '../create-admin-options';

describe('create-admin options', () => {
  it('reads the email (lower-cased), the name and the organisation', () => {
    expect(
      parseCreateAdminArgs([
        '--email',
        'Admin@Ville.FR',
        '--name',
        'Camille Admin',
        '--organization',
        'ville-x',
      ]),
    ).toMatchObject({
      email: 'admin@ville.fr',
      name: 'Camille Admin',
      organization: 'ville-x',
      organizationKind: 'other',
    });
  });

  it.each([['--password', 'secret-secret-1'], ['--password=secret-secret-1'], ['-p', 'x']])(
    'refuses a password on the command line (%s)',
    (...args) => {
      expect(() => parseCreateAdminArgs(['--email', 'a@b.fr', '--organization', 'x', ...args])).toThrow(
        /--password is refused.*command line/s,
      );
    },
  );

  it('names what is missing or wrong', () => {
    expect(() => parseCreateAdminArgs(['--organization', 'x'])).toThrow(/--email is required/);
    expect(() => parseCreateAdminArgs(['--email', 'nope', '--organization', 'x'])).toThrow(
      /--email must be an email/,
    );
    expect(() => parseCreateAdminArgs(['--email', 'a@b.fr'])).toThrow(/--organization is required/);
    expect(() => parseCreateAdminArgs(['--email', 'a@b.fr', '--organization', 'x', '--bogus'])).toThrow(
      CommandError,
    );
  });

  it("applies the API's password policy", () => {
    expect(passwordProblem('short')).toMatch(/at least 12 characters/);
    expect(passwordProblem('password1234')).toMatch(/most common passwords/);
    expect(passwordProblem('a long enough passphrase')).toBeNull();
  });
});
