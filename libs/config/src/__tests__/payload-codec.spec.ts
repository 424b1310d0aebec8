import type { Payload } from '@temporalio/common';
import {
  AesGcmPayloadCodec,
  ENCRYPTED_ENCODING,
  KEY_ID_METADATA,
  loadPayloadKeys,
  newPayloadKeyEntry,
  parsePayloadKeys,
} from '../payload-codec';
import { payloadEncryptionProblem, temporalEnvSchema } from '../temporal.config';

const text = (bytes?: Uint8Array | null) => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');
const plain: Payload = {
  metadata: { encoding: Buffer.from('json/plain') },
  data: Buffer.from(JSON.stringify({ hypothesis: 'Une hypothèse à taire' })),
};

describe('the payload keys', () => {
  it('parse id:base64 entries, by commas or lines, the first encrypting', () => {
    const a = newPayloadKeyEntry('a');
    const b = newPayloadKeyEntry('b');
    expect(parsePayloadKeys(`${a},${b}`, 'X').map((k) => k.id)).toEqual(['a', 'b']);
    expect(parsePayloadKeys(`# rotated in June\n${b}\n\n${a}\n`, 'X').map((k) => k.id)).toEqual(['b', 'a']);
  });

  it('name what is wrong: a missing id, a short key, an id given twice, both variables', () => {
    expect(() => parsePayloadKeys('c2hvcnQ=', 'TEMPORAL_PAYLOAD_KEYS')).toThrow(
      'TEMPORAL_PAYLOAD_KEYS: entry 1 must be <key id>:<base64 key>',
    );
    expect(() => parsePayloadKeys('k:c2hvcnQ=', 'TEMPORAL_PAYLOAD_KEYS')).toThrow(
      'key "k" must be 32 bytes in base64 (AES-256), got 5',
    );
    const a = newPayloadKeyEntry('a');
    expect(() => parsePayloadKeys(`${a},${a}`, 'X')).toThrow('key id "a" appears twice');
    expect(() => loadPayloadKeys({ TEMPORAL_PAYLOAD_KEYS: a, TEMPORAL_PAYLOAD_KEYS_FILE: '/k' })).toThrow(
      'not both',
    );
  });

  it('are required in production, not in development or tests, unless turned off explicitly', () => {
    const env = (extra: Record<string, string>) => ({ ...temporalEnvSchema.parse(extra), ...extra });
    expect(payloadEncryptionProblem(env({}))).toMatch(
      /TEMPORAL_PAYLOAD_KEYS or TEMPORAL_PAYLOAD_KEYS_FILE is required/,
    );
    expect(payloadEncryptionProblem(env({ NODE_ENV: 'production' }))).toBeDefined();
    expect(payloadEncryptionProblem(env({ NODE_ENV: 'development' }))).toBeUndefined();
    expect(payloadEncryptionProblem(env({ NODE_ENV: 'test' }))).toBeUndefined();
    expect(payloadEncryptionProblem(env({ TEMPORAL_PAYLOAD_ENCRYPTION: 'off' }))).toBeUndefined();
    expect(payloadEncryptionProblem(env({ TEMPORAL_PAYLOAD_KEYS: newPayloadKeyEntry('p') }))).toBeUndefined();
  });
});

describe('AesGcmPayloadCodec', () => {
  const [a, b] = [newPayloadKeyEntry('a'), newPayloadKeyEntry('b')];

  it('encrypts the whole payload, names its key, and decrypts it back', async () => {
    const codec = new AesGcmPayloadCodec(parsePayloadKeys(a, 'X'));
    const [encrypted] = await codec.encode([plain]);
    expect(text(encrypted.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(encrypted.metadata?.[KEY_ID_METADATA])).toBe('a');
    expect(text(encrypted.data)).not.toContain('hypothèse');
    expect(text(encrypted.data)).not.toContain('json/plain');
    const [decoded] = await codec.decode([encrypted]);
    expect(text(decoded.data)).toBe(text(plain.data));
    expect(text(decoded.metadata?.encoding)).toBe('json/plain');
    // A fresh IV each time: the same value never gives the same bytes.
    const [again] = await codec.encode([plain]);
    expect(Buffer.from(again.data as Uint8Array).equals(Buffer.from(encrypted.data as Uint8Array))).toBe(
      false,
    );
  });

  it('rotates: B encrypts, A still decrypts what it encrypted; a payload of an unknown key is named', async () => {
    const [oldPayload] = await new AesGcmPayloadCodec(parsePayloadKeys(a, 'X')).encode([plain]);
    const rotated = new AesGcmPayloadCodec(parsePayloadKeys(`${b},${a}`, 'X'));
    const [newPayload] = await rotated.encode([plain]);
    expect(text(newPayload.metadata?.[KEY_ID_METADATA])).toBe('b');
    const decoded = await rotated.decode([oldPayload, newPayload]);
    expect(decoded.map((p) => text(p.data))).toEqual([text(plain.data), text(plain.data)]);
    const onlyB = new AesGcmPayloadCodec(parsePayloadKeys(b, 'X'));
    await expect(onlyB.decode([oldPayload])).rejects.toThrow('payload encrypted with key "a"');
  });

  it('refuses a payload altered in Temporal, and passes unencrypted ones through', async () => {
    const codec = new AesGcmPayloadCodec(parsePayloadKeys(a, 'X'));
    const [encrypted] = await codec.encode([plain]);
    const data = Buffer.from(encrypted.data as Uint8Array);
    data[20] ^= 1;
    await expect(codec.decode([{ ...encrypted, data }])).rejects.toThrow(/authenticate/);
    expect(await codec.decode([plain])).toEqual([plain]);
  });
});
