import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

/** The encoding of an encrypted payload: its data is IV ‖ ciphertext ‖ tag of the whole original payload. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** Metadata key naming the key that encrypted a payload (rotation: old ones stay readable). */
export const KEY_ID_METADATA = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface PayloadKey {
  id: string;
  key: Buffer;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Parses `id:base64key` entries (comma- or line-separated); the first is the key new payloads
 * are encrypted with, the others still decrypt older ones. Each key is 32 bytes (AES-256).
 */
export function parsePayloadKeys(text: string, source: string): PayloadKey[] {
  const entries = text
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry && !entry.startsWith('#'));
  const keys = entries.map((entry, i) => {
    const separator = entry.indexOf(':');
    const id = separator > 0 ? entry.slice(0, separator) : '';
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(id))
      throw new Error(
        `${source}: entry ${i + 1} must be <key id>:<base64 key> (id of letters, digits, . _ -)`,
      );
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (key.length !== 32)
      throw new Error(`${source}: key "${id}" must be 32 bytes in base64 (AES-256), got ${key.length}`);
    return { id, key };
  });
  const ids = keys.map((k) => k.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`${source}: key id "${twice}" appears twice`);
  return keys;
}

/** A new key entry for TEMPORAL_PAYLOAD_KEYS (`npm run payload-key`). */
export function newPayloadKeyEntry(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

/**
 * AES-256-GCM over each whole payload (metadata included: the encoding of a value says what
 * it is), with the key id in the new payload's metadata. A payload that is not encrypted
 * (histories written before encryption was turned on) is passed through unchanged.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: readonly PayloadKey[]) {
    if (keys.length === 0) throw new Error('AesGcmPayloadCodec needs at least one key');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  get currentKeyId(): string {
    return this.keys[0].id;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keys[0];
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: { encoding: encoder.encode(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: encoder.encode(id) },
        data,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.encoding;
      if (!encoding || decoder.decode(encoding) !== ENCRYPTED_ENCODING) return payload;
      const keyIdBytes = payload.metadata?.[KEY_ID_METADATA];
      const keyId = keyIdBytes ? decoder.decode(keyIdBytes) : '';
      const key = this.byId.get(keyId);
      if (!key)
        throw new Error(
          `payload encrypted with key "${keyId}", which is not among TEMPORAL_PAYLOAD_KEYS (keep old keys after a rotation)`,
        );
      const data = Buffer.from(payload.data ?? new Uint8Array());
      const iv = data.subarray(0, IV_BYTES);
      const tag = data.subarray(data.length - TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      const plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}

/**
 * Keys from the variable `<name>` or the file named by `<name>_FILE` (not both), parsed by
 * parsePayloadKeys: the workflow payload keys and the application data keys read the same way.
 */
export function loadKeyEntries(env: Record<string, string | undefined>, name: string): PayloadKey[] {
  const inline = env[name];
  const file = env[`${name}_FILE`];
  if (inline && file) throw new Error(`set ${name} or ${name}_FILE, not both`);
  if (inline) return parsePayloadKeys(inline, name);
  if (file) return parsePayloadKeys(readFileSync(file, 'utf8'), `${name}_FILE`);
  return [];
}

/** The payload keys from TEMPORAL_PAYLOAD_KEYS or the file TEMPORAL_PAYLOAD_KEYS_FILE (not both). */
export function loadPayloadKeys(env: {
  TEMPORAL_PAYLOAD_KEYS?: string;
  TEMPORAL_PAYLOAD_KEYS_FILE?: string;
}): PayloadKey[] {
  return loadKeyEntries(env, 'TEMPORAL_PAYLOAD_KEYS');
}

/**
 * The data converter of every Temporal client and worker of the application (the workflow
 * bundle holds the same failure converter, apps/worker/src/workflow-bundle.ts): payloads
 * encrypted when keys are set, and failures' messages and stack traces moved into an
 * encoded attribute, so that an error naming a test's text is encrypted too.
 */
export function temporalDataConverter(keys: readonly PayloadKey[]): DataConverter {
  return {
    payloadCodecs: keys.length > 0 ? [new AesGcmPayloadCodec(keys)] : [],
    failureConverterPath: FAILURE_CONVERTER_PATH,
  };
}

/** The failure converter module (failure-converter.ts): `.ts` from sources, `.js` compiled. */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');
