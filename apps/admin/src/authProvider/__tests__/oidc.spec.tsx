import { enMessages } from '../../i18n/en';
import { frCapacitesMessages } from '../../i18n/fr';
import { isOidcLoginError, OIDC_LOGIN_ERRORS } from '../oidc';

const en = enMessages as unknown as typeof frCapacitesMessages;

describe('the login page texts for OpenID Connect (ProConnect)', () => {
  it('name the provider in the button, in French and in English', () => {
    expect(frCapacitesMessages.app.login.oidcButton).toBe('Se connecter avec %{label}');
    expect(en.app.login.oidcButton).toBe('Log in with %{label}');
  });

  it.each(OIDC_LOGIN_ERRORS)('explain the refusal "%s" in French and in English', (code) => {
    expect(frCapacitesMessages.app.login.errors[code]).toMatch(/\S/);
    expect(en.app.login.errors[code]).toMatch(/\S/);
    expect(frCapacitesMessages.app.login.errors[code]).not.toBe(en.app.login.errors[code]);
  });

  it('tell an unknown user to ask an administrator, since accounts are never created at login', () => {
    expect(frCapacitesMessages.app.login.errors.oidc_unknown_user).toMatch(/administrateur/);
  });

  it('only read the reasons the API sends', () => {
    expect(isOidcLoginError('oidc_unknown_user')).toBe(true);
    expect(isOidcLoginError('<script>')).toBe(false);
    expect(isOidcLoginError(null)).toBe(false);
  });
});
