import { loadApiConfig } from '../api.config';

const base = { DATABASE_URL: 'postgres://u:p@h:5432/d' };

describe('API_DOCS', () => {
  it.each([
    // Unset NODE_ENV is production: secure defaults.
    [{}, false],
    [{ NODE_ENV: 'development' }, true],
    [{ NODE_ENV: 'test' }, true],
    [{ NODE_ENV: 'production' }, false],
    [{ NODE_ENV: 'production', API_DOCS: 'true' }, true],
    [{ NODE_ENV: 'development', API_DOCS: 'false' }, false],
  ])('%j: docs served = %s', (env, expected) => {
    expect(loadApiConfig({ ...base, ...env }).apiDocs).toBe(expected);
  });

  it('names a bad value', () => {
    expect(() => loadApiConfig({ ...base, API_DOCS: 'perhaps' })).toThrow(/API_DOCS/);
  });
});
