import { databaseEnvSchema } from '../database.config';
import { ConfigError, loadConfig } from '../load-config';
import { temporalConnectionSettings, temporalEnvSchema } from '../temporal.config';

describe('configuration loading', () => {
  const schema = databaseEnvSchema.extend(temporalEnvSchema.shape);

  it('applies defaults and coerces numbers', () => {
    const config = loadConfig(schema, { DATABASE_URL: 'postgres://u:p@h:5432/d', DATABASE_POOL_SIZE: '4' });
    expect(config).toMatchObject({
      DATABASE_POOL_SIZE: 4,
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
    });
  });

  it('fails fast naming every bad variable at once', () => {
    expect.assertions(3);
    try {
      loadConfig(schema, { DATABASE_URL: 'mysql://nope', DATABASE_POOL_SIZE: 'many' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n')).toMatch(/DATABASE_URL/);
      expect((error as ConfigError).problems.join('\n')).toMatch(/DATABASE_POOL_SIZE/);
    }
  });

  it('treats empty strings as unset', () => {
    expect(() => loadConfig(schema, { DATABASE_URL: '' })).toThrow(/DATABASE_URL is required/);
  });

  it('connects without TLS unless asked, and with TLS when an API key is given', () => {
    const base = loadConfig(temporalEnvSchema, {});
    expect(temporalConnectionSettings(base).tls).toBeUndefined();
    const cloud = loadConfig(temporalEnvSchema, { TEMPORAL_API_KEY: 'secret' });
    expect(temporalConnectionSettings(cloud)).toMatchObject({ tls: {}, apiKey: 'secret' });
  });

  it('checks the server certificate against TEMPORAL_TLS_SERVER_NAME when set (a Kubernetes service name)', () => {
    const env = loadConfig(temporalEnvSchema, {
      TEMPORAL_ADDRESS: '10.0.0.7:7233',
      TEMPORAL_TLS_SERVER_NAME: 'temporal-frontend',
    });
    expect(temporalConnectionSettings(env).tls).toEqual({ serverNameOverride: 'temporal-frontend' });
  });
});
