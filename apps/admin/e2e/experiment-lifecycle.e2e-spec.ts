import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { dateInDays, insertTeam, TEST_PASSWORD, type Team } from '../../api/test/support/fixtures';
import { startStack, type TestStack } from '../../api/test/support/stack';
import { buildBackOffice, launchChromium, screenshotsDir, skipReason } from './support/browser';

const describeInBrowser = skipReason ? describe.skip : describe;
if (skipReason) console.warn(skipReason);

const TIMEOUT = 20_000;

/**
 * The scenario through the back-office, in order: HR frames and launches a test,
 * the pilot records a check-in, HR stops it early and evaluates it, the sponsor decides
 * to iterate, the new iteration opens; the CODIR finds it on the dashboard; another
 * organisation finds nothing. Each step leaves a screenshot in test-results/.
 */
describeInBrowser('an experiment through its lifecycle in a real browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let nantes: Team;
  let gironde: Team;
  let experimentId = '';
  let iterationId = '';
  const title = `Classeur médical partagé ${Date.now()}`;

  beforeAll(async () => {
    const adminDistDir = buildBackOffice();
    stack = await startStack({ listen: true, adminDistDir });
    browser = await launchChromium();
    nantes = await insertTeam(stack.db);
    gironde = await insertTeam(stack.db, {
      id: '6a1b2c3d-0000-4000-8000-00000000dcba',
      slug: `gironde-${Date.now()}`,
      name: 'Département de la Gironde',
      kind: 'departement',
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signIn(email: string, path: string): Promise<Page> {
    const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    await page.goto(`${stack.baseUrl}/#${path}`);
    await page.locator('input[name="username"]').fill(email);
    await page.locator('input[name="password"]').fill(TEST_PASSWORD);
    const signedIn = page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.status() === 200);
    await page.locator('button[type="submit"]').click();
    await signedIn;
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });

  /** Opens an action's dialog, lets `fill` complete it, submits it and waits for the API's answer. */
  async function act(
    page: Page,
    action: string,
    label: string,
    fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
  ) {
    await page.locator(`[data-action="${action}"]`).click({ timeout: TIMEOUT });
    const dialog = page.getByRole('dialog');
    await fill(dialog);
    const answered = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes(`/api/experiments/${experimentId}/`),
    );
    await dialog.getByRole('button', { name: label }).click();
    const response = await answered;
    expect(response.status()).toBe(200);
    await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
  }

  /** Picks a person in an autocomplete input by typing part of their name. */
  async function pick(page: Page, label: string, name: string) {
    const input = page.getByRole('combobox', { name: label });
    await input.click();
    await input.fill(name);
    await page.getByRole('option', { name, exact: true }).click({ timeout: TIMEOUT });
  }

  const stateChip = (page: Page, label: string) =>
    page.locator('[data-testid="hypothesis"]').locator('..').getByText(label, { exact: true }).first();

  it('lets HR create a draft with its hypothesis', async () => {
    const page = await signIn(nantes.emails.hr, '/experiments/create');
    await page.locator('input[name="title"]').fill(title);
    await page
      .locator('textarea[name="hypothesis"]')
      .fill('Un classeur partagé permet aux auxiliaires d’administrer les médicaments en autonomie.');
    await page.locator('textarea[name="vision"]').fill('Des équipes de crèche autonomes et sereines.');
    await page.locator('textarea[name="scope"]').fill('Deux crèches volontaires du quartier Nord.');
    await shot(page, '01-experiment-create');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/experiments') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    expect((await created).status()).toBe(201);
    // Then the guided form opens on the draft for the rest of its framing.
    await page.waitForURL(/#\/experiments\/[0-9a-f-]{36}$/, { timeout: TIMEOUT });
    experimentId = page.url().split('/').pop() ?? '';
    await page.locator('input[name="expiresOn"]').waitFor({ timeout: TIMEOUT });
    await page.close();
  });

  it('lets HR complete the framing until the readiness checklist holds', async () => {
    const page = await signIn(nantes.emails.hr, `/experiments/${experimentId}`);
    await page
      .locator('.ra-input-criteria')
      .getByRole('button', { name: 'Ajouter' })
      .click({ timeout: TIMEOUT });
    await page.locator('input[name="criteria.0.name"]').fill("Erreurs d'administration");
    await page.locator('input[name="criteria.0.method"]').fill('Relevé mensuel');
    await page.locator('input[name="criteria.0.target"]').fill('0');
    await page.locator('input[name="criteria.0.coBuiltWithUsers"]').check();
    await page.locator('input[name="expiresOn"]').fill(dateInDays(30));
    await page.locator('input[name="checkInCadenceDays"]').fill('14');
    await page.locator('textarea[name="exitPlan.pilotWithdrawal"]').fill('À la fin du trimestre');
    await page.locator('textarea[name="exitPlan.takeover"]').fill('La puéricultrice référente');
    // People are picked among the organisation's users.
    await pick(page, 'Porteur·euses', 'pilot');
    await pick(page, 'Portage institutionnel', 'sponsor');
    await page.locator('.ra-input-participants').getByRole('button', { name: 'Ajouter' }).click();
    await pick(page, 'Personne', 'participant');
    await page.locator('input[name="participants.0.consentedAt"]').check();
    await shot(page, '02-experiment-edit');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/experiments/${experimentId}`) && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    expect((await saved).status()).toBe(200);
    await page.waitForURL(/\/show$/, { timeout: TIMEOUT });
    const readiness = page.locator('[data-testid="readiness"]');
    await readiness.getByText('Tout est prêt : le test peut être lancé.').waitFor({ timeout: TIMEOUT });
    expect(await readiness.locator('[data-ok="false"]').count()).toBe(0);
    await shot(page, '03-experiment-draft-ready');
    await page.close();
  });

  it('lets HR launch it: the page then carries the "EN TEST" tape with its end date', async () => {
    const page = await signIn(nantes.emails.hr, `/experiments/${experimentId}/show`);
    await act(page, 'launch', 'Lancer le test', async () => undefined);
    const tape = page.locator('[data-testid="test-tape"]');
    await tape.waitFor({ timeout: TIMEOUT });
    expect(await tape.textContent()).toMatch(/^EN TEST — jusqu'au \d{1,2} \S+ \d{4}$/);
    await expect(stateChip(page, 'En cours').isVisible()).resolves.toBe(true);
    await shot(page, '04-experiment-running');
    // The printable fiche test carries the same tape.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-testid="fiche-test"]').isVisible()).resolves.toBe(true);
    await shot(page, '05-fiche-test-print');
    await page.emulateMedia({ media: 'screen' });
    // The list shows it running, its pilot and the countdown to its expiry.
    await page.goto(`${stack.baseUrl}/#/experiments`);
    const row = page.locator('tr', { hasText: title });
    await row.getByText('En cours').waitFor({ timeout: TIMEOUT });
    await row.getByText('pilot').waitFor({ timeout: TIMEOUT });
    expect(await row.locator('[data-overdue="false"]').textContent()).toMatch(/^J-3[01]$/);
    await shot(page, '05b-experiments-list');
    await page.close();
  });

  it('lets the pilot record a check-in with its weather', async () => {
    const page = await signIn(nantes.emails.pilot, `/experiments/${experimentId}/show`);
    // The launch was announced to the pilot: the app bar counts it as unread.
    await page
      .getByRole('link', { name: /^[1-9]\d* notifications? non lues?$/ })
      .waitFor({ timeout: TIMEOUT });
    await act(page, 'recordCheckIn', "Faire un point d'étape", async (dialog) => {
      await dialog.getByLabel('Nuageux').check();
      await dialog
        .locator('textarea[name="progress"]')
        .fill('Les deux crèches utilisent le classeur depuis dix jours.');
      await dialog.locator('textarea[name="blockers"]').fill('Le classeur papier se perd parfois.');
    });
    await page.reload();
    await page
      .getByText('Les deux crèches utilisent le classeur depuis dix jours.')
      .waitFor({ timeout: TIMEOUT });
    await shot(page, '06-experiment-check-in');
    await page.close();
  });

  it('lets HR stop it early with a reason, then submit the evaluation', async () => {
    const page = await signIn(nantes.emails.hr, `/experiments/${experimentId}/show`);
    // The dialog validates before sending: no reason, no request.
    await page.locator('[data-action="stopEarly"]').click({ timeout: TIMEOUT });
    await page.getByRole('dialog').getByRole('button', { name: 'Arrêter le test' }).click();
    await page.getByRole('dialog').getByText('Ce champ est requis').waitFor({ timeout: TIMEOUT });
    await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await act(page, 'stopEarly', 'Arrêter le test', async (dialog) => {
      await dialog.locator('textarea[name="reason"]').fill('Les deux crèches déménagent en avril.');
    });
    await stateChip(page, 'En évaluation').waitFor({ timeout: TIMEOUT });
    await act(page, 'submitEvaluation', "Remettre l'évaluation", async (dialog) => {
      await dialog.getByLabel('Hypothèse en partie confirmée').check();
      await dialog
        .locator('textarea[name="criterionResults.0.result"]')
        .fill('Aucune erreur relevée en trois semaines.');
      await dialog.locator('input[name="usersVoice.sources"]').fill('entretiens, questionnaire');
      await dialog.locator('input[name="usersVoice.count"]').fill('12');
      await dialog
        .locator('textarea[name="learnings"]')
        .fill('Le classeur rassure ; il faut un double numérique.');
    });
    await stateChip(page, 'En décision').waitFor({ timeout: TIMEOUT });
    // The history tells the early stop with its reason, and the notices it caused.
    const timeline = page.locator('[data-testid="timeline"]');
    await timeline
      .locator('[data-event="stopEarly"]')
      .getByText('Les deux crèches déménagent en avril.')
      .waitFor({ timeout: TIMEOUT });
    expect(await timeline.locator('[data-kind="notice"][data-event="stopped"]').count()).toBe(1);
    await shot(page, '07-experiment-evaluated');
    await page.close();
  });

  it('lets the sponsor decide to iterate, and opens the new iteration', async () => {
    const page = await signIn(nantes.emails.sponsor, `/experiments/${experimentId}/show`);
    await act(page, 'decide', 'Décider de la suite', async (dialog) => {
      await dialog.getByLabel('Itérer').check();
      await dialog.locator('textarea[name="rationale"]').fill('Concluant, à essayer à plus grande échelle.');
      await dialog
        .locator('textarea[name="nextFocus"]')
        .fill('Le même classeur dans trois crèches, en numérique.');
    });
    await stateChip(page, 'Itéré').waitFor({ timeout: TIMEOUT });
    await shot(page, '08-experiment-iterated');
    const child = page.locator('[data-testid="child-link"]');
    await child.waitFor({ timeout: TIMEOUT });
    await child.click();
    await page.waitForURL((url) => !url.hash.includes(experimentId), { timeout: TIMEOUT });
    iterationId = page.url().split('/').slice(-2)[0];
    await page.locator('[data-testid="lineage"]').getByText('Itération n° 2').waitFor({ timeout: TIMEOUT });
    await expect(stateChip(page, 'Brouillon').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-testid="lineage"]').getByText(title).isVisible()).resolves.toBe(true);
    await shot(page, '09-new-iteration');
    await page.close();
  });

  it('shows the CODIR the iteration on its dashboard', async () => {
    const page = await signIn(nantes.emails.codir, '/dashboard');
    const states = page.locator('[data-testid="dashboard-states"]');
    await states.waitFor({ timeout: TIMEOUT });
    await expect(states.locator('[data-state-count="iterated"]').textContent()).resolves.toBe('Itéré : 1');
    await expect(states.locator('[data-state-count="draft"]').textContent()).resolves.toBe('Brouillon : 1');
    await page
      .locator('[data-testid="dashboard-recent"]')
      .getByText(title)
      .first()
      .waitFor({ timeout: TIMEOUT });
    await shot(page, '10-codir-dashboard');
    await page.close();
  });

  it('shows a user of another organisation nothing of it', async () => {
    const page = await signIn(gironde.emails.hr, '/experiments');
    await page.waitForResponse((r) => r.url().includes('/api/experiments?') && r.status() === 200);
    expect(await page.getByText(title).count()).toBe(0);
    const refused = page.waitForResponse((r) => r.url().endsWith(`/api/experiments/${iterationId}`));
    await page.goto(`${stack.baseUrl}/#/experiments/${iterationId}/show`);
    expect((await refused).status()).toBe(404);
    expect(await page.getByText(title).count()).toBe(0);
    await shot(page, '11-other-organisation');
    await page.close();
  });
});
