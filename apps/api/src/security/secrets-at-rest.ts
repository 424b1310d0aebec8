import { DataCipher, ENCRYPTED_VALUE_PREFIX, secretContext } from '@capacites/config';
import type { DataSource } from 'typeorm';

/**
 * Every column that holds a secret the application must read back (so it cannot be hashed):
 * encrypted with the data keys, bound to its row (secretContext). Tokens that are only
 * compared (sessions, share links, calendar feeds, service accounts, recovery codes) are
 * stored as hashes instead and are not listed here.
 */
export const SECRET_COLUMNS = [
  // The Standard Webhooks signing secret, or a Tchap bot's access token.
  { table: 'webhook_endpoints', column: 'secret' },
  // Slack, Mattermost and Teams incoming-webhook URLs are bearer secrets; a webhook URL may
  // carry a receiver's key in its query too: every endpoint URL is encrypted.
  { table: 'webhook_endpoints', column: 'url' },
  { table: 'users', column: 'totp_secret' },
  { table: 'users', column: 'totp_pending_secret' },
] as const;

export interface SecretsPass {
  /** Values that were in clear and are now encrypted. */
  encrypted: number;
  /** Values re-encrypted from an older key with the newest one. */
  reencrypted: number;
  /** Values that could not be read (a key no longer configured, an altered value): left as they are. */
  unreadable: { table: string; column: string; id: string; reason: string }[];
}

const BATCH = 500;

/**
 * Encrypts the secrets still in clear (written before encryption, or by an older release) and,
 * with `rotate`, re-encrypts those of an older key with the newest one, so that the old key can
 * then be removed. Idempotent and safe with concurrent writers and several API processes: each
 * value is replaced only if it is still the one read (compare-and-set), one row at a time.
 * The API's start encrypts without rotating: during a rolling deployment, a process that does
 * not hold the newest key yet must still read every value.
 */
export async function encryptSecretsAtRest(
  dataSource: DataSource,
  cipher: DataCipher,
  options: { rotate: boolean },
): Promise<SecretsPass> {
  const pass: SecretsPass = { encrypted: 0, reencrypted: 0, unreadable: [] };
  // Rows to rewrite: those not under the newest key (rotate), or those in clear.
  const current = options.rotate ? `${ENCRYPTED_VALUE_PREFIX}${cipher.currentKeyId}:` : ENCRYPTED_VALUE_PREFIX;
  for (const { table, column } of SECRET_COLUMNS) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      // Identifiers come from SECRET_COLUMNS above, never from input.
      const rows: { id: string; value: string }[] = await dataSource.query(
        `SELECT id::text AS id, "${column}" AS value FROM "${table}"
          WHERE "${column}" IS NOT NULL AND left("${column}", $1) <> $2 AND id > $3
          ORDER BY id LIMIT ${BATCH}`,
        [current.length, current, after],
      );
      for (const row of rows) {
        const context = secretContext(table, column, row.id);
        let plain: string;
        try {
          plain = cipher.decrypt(row.value, context);
        } catch (error) {
          pass.unreadable.push({ table, column, id: row.id, reason: (error as Error).message });
          continue;
        }
        const updated: unknown[] = await dataSource.query(
          `WITH changed AS (
             UPDATE "${table}" SET "${column}" = $1 WHERE id = $2 AND "${column}" = $3 RETURNING id)
           SELECT id FROM changed`,
          [cipher.encrypt(plain, context), row.id, row.value],
        );
        if (updated.length === 0) continue;
        if (DataCipher.isEncrypted(row.value)) pass.reencrypted += 1;
        else pass.encrypted += 1;
      }
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1].id;
    }
  }
  return pass;
}
