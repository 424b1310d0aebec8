import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { organizationStub, type Team } from '../../api/test/support/fixtures';
import { login, readyDraft } from '../../api/test/support/http';
import type { TestStack } from '../../api/test/support/stack';
import { accessibilityProblems } from './support/a11y';
import { expectNoAxeViolations } from './support/axe';
import { screenshotsDir } from './support/browser';
import {
  describeInBrowser,
  startBrowserStack,
  submitActionOk,
  type ActionFill,
  type BrowserStack,
} from './support/browser-stack';

const TIMEOUT = 20_000;

/**
 * Issue 15, item 4, through the back-office: in an organisation that approves launches, HR
 * requests the launch; the page says it waits and for whom; HR cannot approve it; the
 * sponsor sees it in their tasks and on the dashboard's card, approves, and the test runs.
 * Every screen of the path in French, axe-clean.
 */
describeInBrowser('launch approval (four-eyes), in a real browser', () => {
  let ui: BrowserStack;
  let stack: TestStack;
  let team: Team;
  let experimentId = '';

  beforeAll(async () => {
    ui = await startBrowserStack({ organization: { ...organizationStub.nantes(), settings: { launchApproval: true } } });
    ({ stack, team } = ui);
    const hr = await login(stack.app, team.emails.hr);
    experimentId = await readyDraft(stack.app, hr, team, 'Accueil partagé des usagers');
  });

  afterAll(() => ui?.close());

  const signIn = (email: string, path = `/experiments/${experimentId}/show`): Promise<Page> =>
    ui.signIn(email, path);

  const actOk = (page: Page, action: string, label: string, fill: ActionFill) =>
    submitActionOk(page, experimentId, action, label, fill, TIMEOUT);

  it('lets HR request the launch: the test waits, says for whom, and HR cannot approve it', async () => {
    const page = await signIn(team.emails.hr);
    // No direct launch in this organisation.
    await page.locator('[data-action="requestLaunch"]').waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-action="launch"]').count()).toBe(0);
    await actOk(page, 'requestLaunch', 'Demander le lancement', async (dialog) => {
      await dialog
        .getByText(/le portage institutionnel ou un membre du CODIR le valide/)
        .waitFor({ timeout: TIMEOUT });
    });
    const panel = page.getByTestId('launch-request');
    await panel.getByText('Lancement demandé, en attente de validation').waitFor({ timeout: TIMEOUT });
    await panel.getByText(/Demandé le .* par hr/).waitFor({ timeout: TIMEOUT });
    await page.locator('[data-awaiting-approval="true"]').first().waitFor({ timeout: TIMEOUT });
    await page.locator('[data-action="withdrawLaunchRequest"]').waitFor({ timeout: TIMEOUT });
    expect(await page.locator('[data-action="approveLaunch"]').count()).toBe(0);
    await page.screenshot({ path: join(screenshotsDir, 'launch-requested.png'), fullPage: true });
    expect(await accessibilityProblems(page, 'fr')).toEqual([]);
    await expectNoAxeViolations(page, 'test en attente de validation du lancement');
    await page.close();
  });

  it('shows the sponsor the launch to approve in their tasks and on the dashboard, and lets them approve it: the test runs', async () => {
    const page = await signIn(team.emails.sponsor, '/tasks');
    const task = page.locator('[data-task="launch-approval"]');
    await task.getByText('Lancement à valider').waitFor({ timeout: TIMEOUT });
    await expectNoAxeViolations(page, 'mes tâches avec un lancement à valider');
    await page.goto(`${stack.baseUrl}/#/experiments/${experimentId}/show`);
    await page.locator('[data-action="approveLaunch"]').click({ timeout: TIMEOUT });
    const dialog = page.getByRole('dialog');
    // The dialog shows the request itself before the decision.
    await dialog.getByTestId('launch-request').waitFor({ timeout: TIMEOUT });
    await expectNoAxeViolations(page, 'dialogue de validation du lancement');
    await dialog.locator('textarea[name="reason"]').fill('Cadrage clair, équipe volontaire');
    const answered = page.waitForResponse((r) =>
      r.url().endsWith(`/api/experiments/${experimentId}/launch-request/approve`),
    );
    await dialog.getByRole('button', { name: 'Valider le lancement' }).click();
    expect((await answered).status()).toBe(200);
    await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
    await page
      .locator('[data-testid="hypothesis"]')
      .locator('..')
      .getByText('En cours', { exact: true })
      .first()
      .waitFor({ timeout: TIMEOUT });
    expect(await page.getByTestId('launch-request').count()).toBe(0);
    await page.getByText('Test lancé').first().waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: join(screenshotsDir, 'launch-approved.png'), fullPage: true });
    await page.close();
  });

  it('shows the CODIR the card of launches to approve on the dashboard, axe-clean', async () => {
    // A second request, still waiting, for the card.
    const pilot = await login(stack.app, team.emails.pilot);
    const hr = await login(stack.app, team.emails.hr);
    const waiting = await readyDraft(stack.app, hr, team, 'Coworking inter-services', 45);
    await pilot.post(`/api/experiments/${waiting}/launch-request`).send({}).expect(200);
    const page = await signIn(team.emails.codir, '/dashboard');
    const card = page.getByTestId('dashboard-launch-approvals');
    await card.getByRole('link', { name: 'Coworking inter-services' }).waitFor({ timeout: TIMEOUT });
    await card.getByText("Demandé aujourd'hui").waitFor({ timeout: TIMEOUT });
    await expectNoAxeViolations(page, 'tableau de bord avec les lancements à valider');
    await page.close();
  });
});
