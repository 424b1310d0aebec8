import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { insertOrganization, organizationStub } from '../../api/test/support/fixtures';
import { startStack, type TestStack } from '../../api/test/support/stack';
import { buildBackOffice, launchChromium, screenshotsDir, skipReason } from './support/browser';

const describeInBrowser = skipReason ? describe.skip : describe;
if (skipReason) console.warn(skipReason);

describeInBrowser('walking skeleton in a real browser', () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    const adminDistDir = buildBackOffice();
    stack = await startStack({ listen: true, adminDistDir });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows in the back-office list an experiment created through the API', async () => {
    const organization = await insertOrganization(stack.db, organizationStub.nantes());
    const title = `Classeur médical partagé ${Date.now()}`;
    const created = await fetch(`${stack.baseUrl}/api/experiments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organizationId: organization.id,
        title,
        hypothesis: 'Un classeur partagé sécurise les soins.',
      }),
    });
    expect(created.status).toBe(201);

    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(`${stack.baseUrl}/#/experiments`);
    await page.getByText(title).waitFor({ timeout: 20000 });
    await expect(page.getByText('Brouillon').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshotsDir, 'experiments-list.png'), fullPage: true });
    await page.close();
  });
});
