import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataCipher } from '@capacites/config';
import { DataSource } from 'typeorm';
import { DATA_CIPHER } from './data-cipher';
import { encryptSecretsAtRest } from './secrets-at-rest';

/**
 * At each start, the API encrypts the secrets still in clear (rows of a release before
 * encryption at rest): a migration cannot, since it does not hold the keys. Reads accept both
 * meanwhile. A database that cannot be reached yet delays nothing: the next start, or
 * `npm run secrets:encrypt`, does it.
 */
@Injectable()
export class SecretsAtRestService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Secrets');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATA_CIPHER) private readonly cipher: DataCipher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const pass = await encryptSecretsAtRest(this.dataSource, this.cipher, { rotate: false });
      if (pass.encrypted > 0 || pass.unreadable.length > 0)
        this.logger.log(
          JSON.stringify({
            event: 'secrets_encrypted_at_rest',
            encrypted: pass.encrypted,
            unreadable: pass.unreadable.map(({ table, column, id }) => ({ table, column, id })),
          }),
        );
    } catch (error) {
      this.logger.warn(`secrets in clear not encrypted at start: ${(error as Error).message}`);
    }
  }
}
