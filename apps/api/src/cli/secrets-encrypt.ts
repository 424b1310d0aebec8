// `npm run secrets:encrypt`: encrypts the secrets kept in PostgreSQL that are still in clear
// (rows of a release before encryption at rest; the API's start does the same), and
// re-encrypts those of an older data key with the newest one (rotation: run it once every API
// process and worker holds the new key first in DATA_ENCRYPTION_KEYS, then the old key can be
// removed). Idempotent. Exit code 0 when every secret is under the newest key, 1 when some
// could not be read (named; their key is missing), 2 when it could not run.
import 'reflect-metadata';
import { databaseTimeouts, DataCipher, loadDataKeys } from '@capacites/config';
import { createDataSource } from '@capacites/persistence';
import { loadApiConfig } from '../config/api.config';
import { encryptSecretsAtRest } from '../security/secrets-at-rest';
import { runCli } from './run-cli';

async function main(): Promise<number> {
  const config = loadApiConfig();
  const cipher = new DataCipher(loadDataKeys(config));
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: 1,
    timeouts: { ...databaseTimeouts(config), statementTimeoutMs: 0 },
  });
  await dataSource.initialize();
  try {
    const pass = await encryptSecretsAtRest(dataSource, cipher, { rotate: true });
    for (const row of pass.unreadable)
      process.stdout.write(`UNREADABLE ${row.table}.${row.column} of ${row.id}: ${row.reason}\n`);
    process.stdout.write(
      `secrets at rest: ${pass.encrypted} encrypted, ${pass.reencrypted} re-encrypted with key "${cipher.currentKeyId}", ${pass.unreadable.length} unreadable\n`,
    );
    return pass.unreadable.length === 0 ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

runCli('secrets:encrypt', main);
