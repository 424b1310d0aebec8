import { CalendarSubscriptionEntity, OrganizationEntity, UserEntity } from '@capacites/persistence';
import { insertAdmin, type Team } from '../../api/test/support/fixtures';
import { login } from '../../api/test/support/http';
import type { TestStack } from '../../api/test/support/stack';
import { expectNoAxeViolations } from './support/axe';
import { describeInBrowser, startBrowserStack, type BrowserStack } from './support/browser-stack';

const TIMEOUT = 30_000;

/**
 * The CODIR cycle's screens (issue 15), in French, driven in Chromium and measured by
 * axe-core: the profile's digest opt-out and calendar subscription, and the organisation's
 * working days and digest settings.
 */
describeInBrowser('CODIR cycle screens in the browser', () => {
  let ui: BrowserStack;
  let stack: TestStack;
  let team: Team;
  let admin: { id: string; email: string };

  beforeAll(async () => {
    ui = await startBrowserStack();
    ({ stack, team } = ui);
    admin = await insertAdmin(stack.db, team.organization.id);
    await login(stack.app, admin.email); // enrols the platform admin's second factor
  });

  afterAll(() => ui?.close());

  const signIn = (email: string, path: string) => ui.signIn(email, path);

  it('profile: one turns the digest off and gets a calendar subscription address, shown once', async () => {
    const page = await signIn(team.emails.codir, '/profile');
    try {
      const receive = page.getByRole('switch', { name: 'Recevoir la lettre du portefeuille par courriel' });
      await receive.waitFor({ timeout: TIMEOUT });
      await expectNoAxeViolations(page, 'profile');
      const saved = page.waitForResponse(
        (r) => r.url().endsWith('/api/me/digest') && r.request().method() === 'PUT',
      );
      await receive.click();
      await saved;
      await page.getByText('Vous ne recevez plus la lettre.').waitFor({ timeout: TIMEOUT });
      const codir = await stack.db.getRepository(UserEntity).findOneByOrFail({ id: team.codir });
      expect(codir.digestOptedOutAt).not.toBeNull();

      await page.getByRole('button', { name: 'Créer mon adresse d’abonnement' }).click();
      const webcal = page.getByRole('textbox', { name: /Adresse webcal/ });
      await webcal.waitFor({ timeout: TIMEOUT });
      expect(await webcal.inputValue()).toMatch(/^webcal:\/\/.+\/api\/calendar\/subscription\.ics\?token=/);
      await page.getByRole('button', { name: 'Renouveler l’adresse' }).waitFor({ timeout: TIMEOUT });
      await page.waitForTimeout(300); // MUI's fades settle before colours are measured
      await expectNoAxeViolations(page, 'profile with a subscription address');
      expect(await stack.db.getRepository(CalendarSubscriptionEntity).countBy({ userId: team.codir })).toBe(
        1,
      );

      await page.getByRole('button', { name: 'Révoquer l’abonnement' }).click();
      await page
        .getByText('Abonnement révoqué : l’adresse ne fonctionne plus.')
        .waitFor({ timeout: TIMEOUT });
      expect(await stack.db.getRepository(CalendarSubscriptionEntity).countBy({ userId: team.codir })).toBe(
        0,
      );
    } finally {
      await page.close();
    }
  });

  it('organisation settings: département, durations in working days and the digest', async () => {
    const page = await signIn(admin.email, `/organizations/${team.organization.id}`);
    try {
      const departement = page.getByRole('textbox', { name: /^Département/ });
      await departement.waitFor({ timeout: TIMEOUT });
      await departement.fill('57');
      await page.getByRole('checkbox', { name: "Délai de l'évaluation" }).check();
      await page.getByRole('combobox', { name: 'Rythme' }).click();
      await page.getByRole('option', { name: 'Toutes les deux semaines' }).click();
      await page.getByRole('combobox', { name: 'Jour d’envoi' }).click();
      await page.getByRole('option', { name: 'Jeudi' }).click();
      await page.getByRole('checkbox', { name: 'CODIR' }).check();
      await page.waitForTimeout(300);
      await expectNoAxeViolations(page, 'organisation settings with the CODIR cycle');
      const saved = page.waitForResponse(
        (r) =>
          r.url().includes(`/api/organizations/${team.organization.id}`) && r.request().method() === 'PUT',
      );
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      expect((await saved).status()).toBe(200);
      const organization = await stack.db
        .getRepository(OrganizationEntity)
        .findOneByOrFail({ id: team.organization.id });
      expect(organization.settings).toMatchObject({
        departement: '57',
        workingDayDurations: ['evaluationDue'],
      });
      expect(organization.digestSettings).toEqual({
        rhythm: 'fortnightly',
        weekday: 4,
        recipients: ['codir'],
      });
    } finally {
      await page.close();
    }
  });
});
