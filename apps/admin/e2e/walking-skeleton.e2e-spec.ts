import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { insertTeam, type Team } from '../../api/test/support/fixtures';
import { login } from '../../api/test/support/http';
import type { TestStack } from '../../api/test/support/stack';
import { screenshotsDir } from './support/browser';
import { describeInBrowser, startBrowserStack, type BrowserStack } from './support/browser-stack';

describeInBrowser('walking skeleton in a real browser', () => {
  let ui: BrowserStack;
  let stack: TestStack;
  let nantes: Team;
  let gironde: Team;
  const title = `Classeur médical partagé ${Date.now()}`;

  beforeAll(async () => {
    ui = await startBrowserStack();
    ({ stack, team: nantes } = ui);
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

  afterAll(() => ui?.close());

  // The list is loaded once signed in: wait for the API's answer, not for a fixed time.
  const signIn = (email: string): Promise<Page> =>
    ui.signIn(email, '/experiments', {
      until: (r) => r.url().includes('/api/experiments?') && r.status() === 200,
    });

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
