import { isOidcLoginError, OIDC_LOGIN_ERRORS, OIDC_LOGIN_MESSAGES, oidcLoginMessages } from '../oidc';

describe('the login page texts for OpenID Connect (ProConnect)', () => {
  it('are French by default, English when asked', () => {
    expect(oidcLoginMessages('fr').button).toBe('Se connecter avec %{label}');
    expect(oidcLoginMessages('de').button).toBe('Se connecter avec %{label}');
    expect(oidcLoginMessages('en').button).toBe('Log in with %{label}');
  });

  it.each(OIDC_LOGIN_ERRORS)('explain the refusal "%s" in French and in English', (code) => {
    expect(OIDC_LOGIN_MESSAGES.fr.errors[code]).toMatch(/\S/);
    expect(OIDC_LOGIN_MESSAGES.en.errors[code]).toMatch(/\S/);
    expect(OIDC_LOGIN_MESSAGES.fr.errors[code]).not.toBe(OIDC_LOGIN_MESSAGES.en.errors[code]);
  });

  it('tell an unknown user to ask an administrator, since accounts are never created at login', () => {
    expect(OIDC_LOGIN_MESSAGES.fr.errors.oidc_unknown_user).toMatch(/administrateur/);
  });

  it('only read the reasons the API sends', () => {
    expect(isOidcLoginError('oidc_unknown_user')).toBe(true);
    expect(isOidcLoginError('<script>')).toBe(false);
    expect(isOidcLoginError(null)).toBe(false);
  });
});
