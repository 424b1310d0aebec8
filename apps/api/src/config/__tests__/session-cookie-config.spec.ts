import { loadApiConfig } from '../api.config';
import { sessionCookieSettings } from '../../auth/session-cookie';

const base = { DATABASE_URL: 'postgres://u:p@h:5432/d' };

describe('Session cookie settings', () => {
  it('are secure by default: NODE_ENV unset is production', () => {
    expect(loadApiConfig(base).SESSION_COOKIE_SECURE).toBe(true);
    expect(loadApiConfig({ ...base, NODE_ENV: 'production' }).SESSION_COOKIE_SECURE).toBe(true);
    expect(loadApiConfig({ ...base, NODE_ENV: 'staging' }).SESSION_COOKIE_SECURE).toBe(true);
  });

  it('run over plain HTTP in development and test (npm start, the test suites)', () => {
    expect(loadApiConfig({ ...base, NODE_ENV: 'development' }).SESSION_COOKIE_SECURE).toBe(false);
    expect(loadApiConfig({ ...base, NODE_ENV: 'test' }).SESSION_COOKIE_SECURE).toBe(false);
  });

  it('follow SESSION_COOKIE_SECURE when it is set, either way', () => {
    expect(
      loadApiConfig({ ...base, NODE_ENV: 'production', SESSION_COOKIE_SECURE: 'false' })
        .SESSION_COOKIE_SECURE,
    ).toBe(false);
    expect(
      loadApiConfig({ ...base, NODE_ENV: 'development', SESSION_COOKIE_SECURE: 'true' })
        .SESSION_COOKIE_SECURE,
    ).toBe(true);
  });

  it('use the __Host- prefix (path /, Secure) only when secure', () => {
    expect(sessionCookieSettings(true)).toEqual({
      name: '__Host-capacites_session',
      path: '/',
      secure: true,
    });
    expect(sessionCookieSettings(false)).toEqual({ name: 'capacites_session', path: '/api', secure: false });
  });
});
