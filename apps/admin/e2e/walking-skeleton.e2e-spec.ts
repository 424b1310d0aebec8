import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { insertTeam, TEST_PASSWORD, type Team } from '../../api/test/support/fixtures';
import { login } from '../../api/test/support/http';
import { startStack, type TestStack } from '../../api/test/support/stack';
import { buildBackOffice, launchChromium, screenshotsDir, skipReason } from './support/browser';

const describeInBrowser = skipReason ? describe.skip : describe;
if (skipReason) console.warn(skipReason);

describeInBrowser('walking skeleton in a real browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let nantes: Team;
  let gironde: Team;
  const title = `Classeur médical partagé ${Date.now()}`;

  beforeAll(async () => {
    const adminDistDir = buildBackOffice();
    stack = await startStack({ listen: true, adminDistDir });
    browser = await launchChromium();
    nantes = await insertTeam(stack.db);
    gironde = await insertTeam(stack.db, {
      id: '6a1b2c3d-0000-4000-8000-00000000abcd',
      slug: `gironde-${Date.now()}`,
      name: 'Département de la Gironde',
      kind: 'departement',
    });
    const hr = await login(stack.app, nantes.emails.hr);
    await hr
      .post('/api/experiments')
      .send({
        organizationId: nantes.organization.id,
        title,
        hypothesis: 'Un classeur partagé sécurise les soins.',
      })
      .expect(201);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signIn(email: string): Promise<Page> {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(`${stack.baseUrl}/#/experiments`);
    await page.locator('input[name="username"]').fill(email);
    await page.locator('input[name="password"]').fill(TEST_PASSWORD);
    // The list is loaded once signed in: wait for the API's answer, not for a fixed time.
    const listed = page.waitForResponse((r) => r.url().includes('/api/experiments?') && r.status() === 200);
    await page.locator('button[type="submit"]').click();
    await listed;
    return page;
  }

  it('asks for a login, then shows HR the experiments of its organisation', async () => {
    const page = await signIn(nantes.emails.hr);
    await page.getByText(title).waitFor({ timeout: 20000 });
    await expect(page.getByText('Brouillon').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshotsDir, 'experiments-list.png'), fullPage: true });
    await page.close();
  });

  it('shows a user of another organisation nothing of it', async () => {
    const page = await signIn(gironde.emails.hr);
    expect(await page.getByText(title).count()).toBe(0);
    await page.screenshot({
      path: join(screenshotsDir, 'experiments-other-organisation.png'),
      fullPage: true,
    });
    await page.close();
  });
});
