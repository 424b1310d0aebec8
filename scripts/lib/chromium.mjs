// Finds a Chromium for the browser tests. Playwright's own browser download does not
// work on machines without internet access: Debian's `chromium` package does.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium() {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

export const CHROMIUM_HINT =
  'No Chromium found: the browser end-to-end tests are skipped. Install one with `apt-get install -y chromium` ' +
  '(Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome binary.';
