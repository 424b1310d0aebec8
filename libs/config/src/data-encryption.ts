import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { loadKeyEntries, type PayloadKey } from './payload-codec';

/**
 * Application data keys: AES-256-GCM keys that encrypt secrets kept in PostgreSQL (webhook
 * signing secrets, chat targets' tokens and incoming-webhook URLs, TOTP secrets). Apart from
 * TEMPORAL_PAYLOAD_KEYS: another purpose, another holder (the Temporal Web UI's codec endpoint
 * must never be able to decrypt the database's secrets), rotated on its own schedule.
 */
export const dataEncryptionEnvSchema = z.object({
  /** `id:base64key` entries, comma- or line-separated; the first encrypts, the others still decrypt. */
  DATA_ENCRYPTION_KEYS: z.string().optional(),
  /** A file of the same entries, one per line (a Docker or Kubernetes secret). */
  DATA_ENCRYPTION_KEYS_FILE: z.string().optional(),
});

export type DataEncryptionEnv = z.infer<typeof dataEncryptionEnvSchema> & { NODE_ENV?: string };

/**
 * The fixed key of development and test (`npm start`, the suites): known to everyone, so never
 * accepted in production, where DATA_ENCRYPTION_KEYS[_FILE] is required.
 */
export const DEVELOPMENT_DATA_KEY: PayloadKey = {
  id: 'development',
  key: Buffer.from('Q2FwYWNpdMOpcyBkw6l2ZWxvcHBlbWVudCAtIGNsw6k=', 'base64'),
};

/** Where a secret is kept, the additional data its encryption is bound to: `<table>.<column>:<row id>`. */
export const secretContext = (table: string, column: string, id: string) => `${table}.${column}:${id}`;

/** What an encrypted value starts with: `enc:v1:<key id>:<base64url of IV ‖ ciphertext ‖ tag>`. */
export const ENCRYPTED_VALUE_PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const isProduction = (env: { NODE_ENV?: string }) => env.NODE_ENV !== 'development' && env.NODE_ENV !== 'test';

/**
 * Production (NODE_ENV other than development/test, unset included) needs its own data keys:
 * the problem, naming the variables, or undefined.
 */
export function dataEncryptionProblem(env: DataEncryptionEnv): string | undefined {
  if (!isProduction(env) || env.DATA_ENCRYPTION_KEYS || env.DATA_ENCRYPTION_KEYS_FILE) return undefined;
  return 'DATA_ENCRYPTION_KEYS or DATA_ENCRYPTION_KEYS_FILE is required in production (secrets kept in the database are encrypted with it; `npm run data-key` makes one)';
}

/**
 * The data keys: from DATA_ENCRYPTION_KEYS or its file (parsed like the payload keys), else the
 * fixed development key outside production; in production without keys, an error.
 */
export function loadDataKeys(env: DataEncryptionEnv): PayloadKey[] {
  const problem = dataEncryptionProblem(env);
  if (problem) throw new Error(problem);
  const keys = loadKeyEntries(env, 'DATA_ENCRYPTION_KEYS');
  if (keys.length > 0) return keys;
  return [DEVELOPMENT_DATA_KEY];
}

/**
 * Encrypts and decrypts the secrets of a row. Each value is bound to where it is kept (its
 * `context`, e.g. `webhook_endpoints.secret:<id>`, as GCM's additional data): a value copied
 * into another row or column does not decrypt. Values written before encryption (no prefix)
 * are read as they are, until `npm run secrets:encrypt` (or the API's start) encrypts them.
 */
export class DataCipher {
  private readonly byId: Map<string, Buffer>;
  private readonly digestKeys = new Map<string, Buffer>();

  constructor(private readonly keys: readonly PayloadKey[]) {
    if (keys.length === 0) throw new Error('DataCipher needs at least one key');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  /** The id of the key new values are encrypted with. */
  get currentKeyId(): string {
    return this.keys[0].id;
  }

  static isEncrypted(stored: string): boolean {
    return stored.startsWith(ENCRYPTED_VALUE_PREFIX);
  }

  /** The id of the key a stored value was encrypted with (null: in clear). */
  static keyIdOf(stored: string): string | null {
    if (!DataCipher.isEncrypted(stored)) return null;
    const rest = stored.slice(ENCRYPTED_VALUE_PREFIX.length);
    return rest.slice(0, Math.max(0, rest.indexOf(':')));
  }

  encrypt(plain: string, context: string): string {
    const { id, key } = this.keys[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${ENCRYPTED_VALUE_PREFIX}${id}:${data.toString('base64url')}`;
  }

  encryptNullable(plain: string | null | undefined, context: string): string | null {
    return plain === null || plain === undefined ? null : this.encrypt(plain, context);
  }

  /** The value in clear: decrypted, or as stored when it was never encrypted. */
  decrypt(stored: string, context: string): string {
    if (!DataCipher.isEncrypted(stored)) return stored;
    const keyId = DataCipher.keyIdOf(stored) ?? '';
    const key = this.byId.get(keyId);
    if (!key)
      throw new Error(
        `a value kept in the database is encrypted with data key "${keyId}", which is not among DATA_ENCRYPTION_KEYS (keep old keys after a rotation until \`npm run secrets:encrypt\` has re-encrypted everything)`,
      );
    const data = Buffer.from(stored.slice(ENCRYPTED_VALUE_PREFIX.length + keyId.length + 1), 'base64url');
    if (data.length < IV_BYTES + TAG_BYTES) throw new Error(`the encrypted value of ${context} is truncated`);
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }

  decryptNullable(stored: string | null | undefined, context: string): string | null {
    return stored === null || stored === undefined ? null : this.decrypt(stored, context);
  }

  /** Whether a stored value must be (re-)encrypted: in clear, or under another key than the newest. */
  needsEncryption(stored: string): boolean {
    return DataCipher.keyIdOf(stored) !== this.currentKeyId;
  }

  /**
   * A keyed digest (HMAC-SHA-256 under a key derived from the newest data key) for values that
   * are only counted or compared and must not be kept readable, such as a client's address in
   * a rate limit's bucket. The same in every process that holds the same keys.
   */
  digest(purpose: string, value: string): string {
    let derived = this.digestKeys.get(purpose);
    if (!derived) {
      derived = Buffer.from(hkdfSync('sha256', this.keys[0].key, '', `capacites/digest/${purpose}`, 32));
      this.digestKeys.set(purpose, derived);
    }
    return createHmac('sha256', derived).update(value, 'utf8').digest('base64url');
  }
}
