import { DataCipher, newPayloadKeyEntry, secretContext } from '@capacites/config';
import { loadApiConfig } from '../../config/api.config';
import { dataCipherOf } from '../data-cipher';

const DATABASE_URL = 'postgres://capacites@127.0.0.1/capacites';

describe("The API's data cipher", () => {
  it('refuses to start in production without data keys, naming the variables', () => {
    for (const NODE_ENV of ['production', undefined])
      expect(() => dataCipherOf(loadApiConfig({ DATABASE_URL, NODE_ENV }))).toThrow(
        /DATA_ENCRYPTION_KEYS or DATA_ENCRYPTION_KEYS_FILE is required in production/,
      );
  });

  it('encrypts with the configured key in production, with the development key in development', () => {
    const production = dataCipherOf(
      loadApiConfig({ DATABASE_URL, NODE_ENV: 'production', DATA_ENCRYPTION_KEYS: newPayloadKeyEntry('prod-1') }),
    );
    const context = secretContext('users', 'totp_secret', 'u1');
    expect(DataCipher.keyIdOf(production.encrypt('JBSWY3DP', context))).toBe('prod-1');
    const development = dataCipherOf(loadApiConfig({ DATABASE_URL, NODE_ENV: 'development' }));
    expect(development.currentKeyId).toBe('development');
  });
});
