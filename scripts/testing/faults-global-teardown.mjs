import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  await globalThis.__capacitesTemporalPg?.stop();
  if (process.env.CAPACITES_TEST_DIR)
    rmSync(process.env.CAPACITES_TEST_DIR, { recursive: true, force: true });
}
