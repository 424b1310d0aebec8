import type { Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { dateInDays, type Team } from '../../api/test/support/fixtures';
import { launchedExperiment, login } from '../../api/test/support/http';
import type { TestStack } from '../../api/test/support/stack';
import { startReceiver } from '../../api/test/support/webhook-receiver';
import { waitFor } from '../../api/test/support/worker-process';
import { expectNoAxeViolations } from './support/axe';
import { describeInBrowser, startBrowserStack, type BrowserStack } from './support/browser-stack';

const TIMEOUT = 30_000;
const RECEIVER_HOST = '127.0.0.2';

/**
 * The integrations screens as HR uses them, in French, each measured by axe-core: a webhook
 * registered through the form (its secret shown once, then verified by the receiver), its
 * journal and "Renvoyer"; a service account created (its token shown once) and revoked.
 */
describeInBrowser('integrations screens: webhooks, journal, service accounts', () => {
  let ui: BrowserStack;
  let stack: TestStack;
  let team: Team;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver(RECEIVER_HOST);
    ui = await startBrowserStack({ env: { WEBHOOK_ALLOWED_NETWORKS: `${RECEIVER_HOST}/32` } });
    ({ stack, team } = ui);
  });

  afterAll(async () => {
    await ui?.close();
    await receiver?.close();
  });

  const signIn = (path: string): Promise<Page> => ui.signIn(team.emails.hr, path);

  const settle = async (page: Page) => {
    await page.locator('[role="progressbar"]').first().waitFor({ state: 'detached', timeout: TIMEOUT });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
  };

  const chooseOrganization = async (page: Page) => {
    await page.getByRole('combobox', { name: 'Organisation' }).click();
    await page.getByRole('option', { name: team.organization.name }).click();
  };

  it('registers a webhook, shows its secret once, and resends from the journal', async () => {
    const page = await signIn('/webhook-endpoints/create');
    try {
      await page.locator('input[name="name"]').waitFor({ timeout: TIMEOUT });
      await settle(page);
      await expectNoAxeViolations(page, 'integration creation');
      await chooseOrganization(page);
      await page.locator('input[name="name"]').fill('Intranet de la ville');
      await page.locator('input[name="url"]').fill(receiver.url());
      await page.getByRole('button', { name: 'Enregistrer' }).click();

      const secretField = page.getByTestId('shown-secret');
      await secretField.waitFor({ timeout: TIMEOUT });
      const secret = await secretField.inputValue();
      expect(secret).toMatch(/^whsec_/);
      await expectNoAxeViolations(page, 'integration secret, shown once');
      await page.getByRole('button', { name: "C'est noté" }).click();
      await page.getByRole('heading', { name: 'Journal des envois' }).waitFor({ timeout: TIMEOUT });

      // Events of a test reach the receiver, signed with that secret.
      const hr = await login(stack.app, team.emails.hr);
      await launchedExperiment(stack.app, hr, team, 'Test relié', 30);
      await waitFor('two events received', async () => receiver.requests.length >= 2, TIMEOUT);
      for (const request of receiver.requests) new Webhook(secret).verify(request.body, request.headers);

      await page.reload();
      const resend = page.getByRole('button', { name: 'Renvoyer « Test lancé »' });
      await resend.waitFor({ timeout: TIMEOUT });
      await settle(page);
      await expectNoAxeViolations(page, 'integration page with its journal');
      const before = receiver.requests.length;
      await resend.click();
      await page.getByText('Envoi relancé').waitFor({ timeout: TIMEOUT });
      await waitFor('the resent event', async () => receiver.requests.length === before + 1, TIMEOUT);
      expect(receiver.requests[before].headers['webhook-id']).toBe(
        receiver.requests.find((r) => JSON.parse(r.body).type === 'experiment.launched')?.headers[
          'webhook-id'
        ],
      );

      await page.goto(`${stack.baseUrl}/#/webhook-endpoints`);
      await page.getByRole('link', { name: 'Intranet de la ville' }).waitFor({ timeout: TIMEOUT });
      await settle(page);
      await expectNoAxeViolations(page, 'integrations list');
    } finally {
      await page.close();
    }
  });

  it('creates a service account whose token is shown once, then revokes it', async () => {
    const page = await signIn('/service-accounts/create');
    try {
      await page.locator('input[name="name"]').waitFor({ timeout: TIMEOUT });
      await settle(page);
      await expectNoAxeViolations(page, 'service account creation');
      await chooseOrganization(page);
      await page.locator('input[name="name"]').fill('Connecteur SIRH');
      const [year, month, day] = dateInDays(90).split('-');
      await page.locator('input[name="expiresOn"]').fill(`${day}/${month}/${year}`);
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      const tokenField = page.getByTestId('shown-secret');
      await tokenField.waitFor({ timeout: TIMEOUT });
      const token = await tokenField.inputValue();
      expect(token).toMatch(/^cap_sa_/);
      await expectNoAxeViolations(page, 'service account token, shown once');
      await page.getByRole('button', { name: "C'est noté" }).click();

      const row = page.locator('.RaDataTable-row', { hasText: 'Connecteur SIRH' });
      await row.getByText('Actif').waitFor({ timeout: TIMEOUT });
      await settle(page);
      await expectNoAxeViolations(page, 'service accounts list');
      await row.getByRole('button', { name: 'Révoquer' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Révoquer' }).click();
      await row.getByText('Révoqué').waitFor({ timeout: TIMEOUT });
      const refused = await fetch(`${stack.baseUrl}/api/experiments`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(refused.status).toBe(401);
    } finally {
      await page.close();
    }
  });
});
