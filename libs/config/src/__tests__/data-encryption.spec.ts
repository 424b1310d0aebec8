import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DataCipher,
  dataEncryptionProblem,
  DEVELOPMENT_DATA_KEY,
  loadDataKeys,
  secretContext,
} from '../data-encryption';
import { newPayloadKeyEntry, parsePayloadKeys } from '../payload-codec';

const cipherOf = (keys: string) => new DataCipher(parsePayloadKeys(keys, 'DATA_ENCRYPTION_KEYS'));
const here = secretContext('webhook_endpoints', 'secret', '6f1c1a52-3d0a-4c39-a7a4-2b53c3a7e001');
const elsewhere = secretContext('webhook_endpoints', 'secret', '6f1c1a52-3d0a-4c39-a7a4-2b53c3a7e002');

describe('the application data keys', () => {
  it('are required in production, naming both variables, and never the development key there', () => {
    for (const NODE_ENV of [undefined, 'production', 'staging']) {
      expect(dataEncryptionProblem({ NODE_ENV })).toMatch(/DATA_ENCRYPTION_KEYS or DATA_ENCRYPTION_KEYS_FILE is required in production/);
      expect(() => loadDataKeys({ NODE_ENV })).toThrow(/required in production/);
    }
    expect(loadDataKeys({ NODE_ENV: 'development' })).toEqual([DEVELOPMENT_DATA_KEY]);
    expect(loadDataKeys({ NODE_ENV: 'test' })).toEqual([DEVELOPMENT_DATA_KEY]);
    expect(DEVELOPMENT_DATA_KEY.key).toHaveLength(32);
  });

  it('are read like the payload keys: from the variable or its file, not both, the first encrypting', () => {
    const a = newPayloadKeyEntry('a');
    const b = newPayloadKeyEntry('b');
    expect(loadDataKeys({ NODE_ENV: 'production', DATA_ENCRYPTION_KEYS: `${b},${a}` }).map((k) => k.id)).toEqual(['b', 'a']);
    const file = join(mkdtempSync(join(tmpdir(), 'data-keys-')), 'keys');
    writeFileSync(file, `# rotated\n${a}\n`);
    expect(loadDataKeys({ NODE_ENV: 'production', DATA_ENCRYPTION_KEYS_FILE: file }).map((k) => k.id)).toEqual(['a']);
    expect(() => loadDataKeys({ DATA_ENCRYPTION_KEYS: a, DATA_ENCRYPTION_KEYS_FILE: file })).toThrow(
      'set DATA_ENCRYPTION_KEYS or DATA_ENCRYPTION_KEYS_FILE, not both',
    );
    expect(() => loadDataKeys({ DATA_ENCRYPTION_KEYS: 'k:c2hvcnQ=' })).toThrow(
      'DATA_ENCRYPTION_KEYS: key "k" must be 32 bytes in base64 (AES-256), got 5',
    );
  });
});

describe('DataCipher', () => {
  it('encrypts with the newest key, each value differently, bound to where it is kept', () => {
    const cipher = cipherOf(newPayloadKeyEntry('2026-12'));
    const first = cipher.encrypt('whsec_c2VjcmV0', here);
    const second = cipher.encrypt('whsec_c2VjcmV0', here);
    expect(first).toMatch(/^enc:v1:2026-12:[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('c2VjcmV0');
    expect(cipher.decrypt(first, here)).toBe('whsec_c2VjcmV0');
    // Copied into another row, or altered: refused, never returned as text.
    expect(() => cipher.decrypt(first, elsewhere)).toThrow();
    const altered = `${first.slice(0, -2)}${first.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(() => cipher.decrypt(altered, here)).toThrow();
  });

  it('reads values left in clear as they are, and says which need (re-)encryption', () => {
    const old = newPayloadKeyEntry('old');
    const cipher = cipherOf(`${newPayloadKeyEntry('new')},${old}`);
    expect(cipher.decrypt('https://hooks.slack.com/services/T/B/x', here)).toBe('https://hooks.slack.com/services/T/B/x');
    expect(cipher.needsEncryption('https://hooks.slack.com/services/T/B/x')).toBe(true);
    const underOld = cipherOf(old).encrypt('JBSWY3DPEHPK3PXP', here);
    expect(cipher.decrypt(underOld, here)).toBe('JBSWY3DPEHPK3PXP');
    expect(cipher.needsEncryption(underOld)).toBe(true);
    expect(cipher.needsEncryption(cipher.encrypt('JBSWY3DPEHPK3PXP', here))).toBe(false);
  });

  it('names a missing key rather than taking the value for clear text', () => {
    const value = cipherOf(newPayloadKeyEntry('gone')).encrypt('secret', here);
    expect(() => cipherOf(newPayloadKeyEntry('other')).decrypt(value, here)).toThrow(
      /data key "gone", which is not among DATA_ENCRYPTION_KEYS/,
    );
  });

  it('digests a value with a key of its own: stable, keyed, never the value', () => {
    const key = newPayloadKeyEntry('k');
    const digest = cipherOf(key).digest('rate-limit', '203.0.113.7');
    expect(digest).toBe(cipherOf(key).digest('rate-limit', '203.0.113.7'));
    expect(digest).not.toContain('203.0.113.7');
    expect(cipherOf(newPayloadKeyEntry('k')).digest('rate-limit', '203.0.113.7')).not.toBe(digest);
    expect(cipherOf(key).digest('other', '203.0.113.7')).not.toBe(digest);
  });
});
