// `npm run payload-key [-- <key id>]` (or `npm run data-key`, the same format for
// DATA_ENCRYPTION_KEYS): prints a new entry for TEMPORAL_PAYLOAD_KEYS (or a line of
// the TEMPORAL_PAYLOAD_KEYS_FILE), `<id>:<32 random bytes in base64>`; the id defaults to the
// month. Put it first to encrypt new payloads with it; keep the old ones after it (rotation).
import { newPayloadKeyEntry } from '@capacites/config';

const id = process.argv[2] ?? new Date().toISOString().slice(0, 7);
if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) {
  process.stderr.write('the key id is letters, digits, . _ - (64 at most)\n');
  process.exit(1);
}
process.stdout.write(`${newPayloadKeyEntry(id)}\n`);
