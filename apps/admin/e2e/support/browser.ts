import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');
export const screenshotsDir = join(repoRoot, 'test-results', 'screenshots');

/** Why the browser suites are skipped, when they are (set by scripts/test.mjs). */
export const skipReason = process.env.CAPACITES_E2E_SKIP;
// In CI every suite must run: a skipped browser suite there is a failure, not a quiet skip.
if (skipReason && /^(1|true|yes)$/i.test(process.env.CI ?? ''))
  throw new Error(`The browser suite cannot be skipped in CI (CI=true): ${skipReason}`);

/** Builds the back-office once, in production mode, into a temporary folder. */
export function buildBackOffice(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'capacites-admin-'));
  const result = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: join(repoRoot, 'apps', 'admin'), encoding: 'utf8' },
  );
  if (result.status !== 0)
    throw new Error(`the back-office build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

/** Debian's Chromium, headless; Playwright's own browser download is not needed. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(screenshotsDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
