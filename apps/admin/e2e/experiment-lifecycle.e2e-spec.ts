import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { dateInDays, insertAdmin, insertTeam, type Team } from '../../api/test/support/fixtures';
import { bearerToken } from '../../api/test/support/http';
import type { TestStack } from '../../api/test/support/stack';
import { accessibilityProblems } from './support/a11y';
import type { PageDocument, PageElement, PageStyle } from './support/page-globals';
import { screenshotsDir } from './support/browser';
import {
  choose as chooseOption,
  describeInBrowser,
  startBrowserStack,
  submitActionOk,
  type ActionFill,
  type BrowserStack,
} from './support/browser-stack';

declare const document: PageDocument;
declare const window: { __xss?: number };
declare function getComputedStyle(element: PageElement): PageStyle;

const TIMEOUT = 20_000;

/**
 * The scenario through the back-office, in order: the platform admin creates a
 * track and a participant's account; HR frames the test with them, the participant gives
 * their consent, HR launches it; the pilot records a check-in and a testimony; the admin
 * may not delete the track in use and archives it; HR stops the test early, evaluates it
 * and shares its learnings; the sponsor decides to iterate, the new iteration opens; the
 * CODIR finds it on the dashboard; another organisation finds nothing of it but the shared
 * learnings. Each main screen leaves a screenshot in test-results/ and passes a small
 * automated accessibility check (names of controls, labels of fields, document language).
 */
describeInBrowser('an experiment through its lifecycle in a real browser', () => {
  let ui: BrowserStack;
  let stack: TestStack;
  let nantes: Team;
  let gironde: Team;
  let admin: { id: string; email: string };
  let experimentId = '';
  let iterationId = '';
  let trackId = '';
  const stamp = Date.now();
  const title = `Classeur médical partagé ${stamp}`;
  const trackName = `Entraide entre crèches ${stamp}`;
  const participant = {
    name: 'Camille Agent',
    email: `camille-${stamp}@nantes.test`,
    password: 'un mot de passe de Camille',
  };
  const learnings = 'Le classeur rassure ; il faut un double numérique.';
  // Markup typed in a quote must come back as the same text, never as HTML.
  const htmlQuote = '<b>Enfin</b> on ose demander de l’aide <img src=x onerror="window.__xss=1">';

  beforeAll(async () => {
    ui = await startBrowserStack();
    ({ stack, team: nantes } = ui);
    gironde = await insertTeam(stack.db, {
      id: '6a1b2c3d-0000-4000-8000-00000000dcba',
      slug: `gironde-${Date.now()}`,
      name: 'Département de la Gironde',
      kind: 'departement',
    });
    admin = await insertAdmin(stack.db, nantes.organization.id);
    // A platform admin must have a second factor: enrolled as from the profile, its codes
    // then typed at login like those of an authenticator app.
    await bearerToken(stack.app, admin.email);
  });

  afterAll(() => ui?.close());

  const signIn = (email: string, path: string, password?: string): Promise<Page> =>
    ui.signIn(email, path, { password });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });

  /** A main screen: its screenshot, and no control without a name nor field without a label. */
  async function checkScreen(page: Page, name: string, lang = 'fr') {
    await shot(page, name);
    expect(await accessibilityProblems(page, lang)).toEqual([]);
  }

  /** The day `days` from now as typed in the French date fields (jj/mm/aaaa). */
  const frenchDayInDays = (days: number) => dateInDays(days).split('-').reverse().join('/');

  /** Picks an option of a select input by its label and the option's name. */
  const choose = (page: Page, label: string | RegExp, option: string) => chooseOption(page, label, option, TIMEOUT);

  it('lets the platform admin create a track and the account of a participant', async () => {
    const page = await ui.newPage();
    await page.goto(`${stack.baseUrl}/#/tracks/create`);
    await page.locator('input[name="username"]').waitFor({ timeout: TIMEOUT });
    await checkScreen(page, '00-login');
    await page.close();

    const adminPage = await signIn(admin.email, '/tracks/create');
    await adminPage.locator('input[name="name"]').fill(trackName);
    await adminPage
      .locator('textarea[name="description"]')
      .fill("Des agents de crèche aident une autre crèche lors d'un pic d'activité.");
    await checkScreen(adminPage, '00a-admin-track-create');
    const created = adminPage.waitForResponse(
      (r) => r.url().endsWith('/api/tracks') && r.request().method() === 'POST',
    );
    await adminPage.getByRole('button', { name: 'Enregistrer' }).click();
    const trackResponse = await created;
    expect(trackResponse.status()).toBe(201);
    trackId = ((await trackResponse.json()) as { id: string }).id;
    await adminPage.getByRole('cell', { name: trackName }).waitFor({ timeout: TIMEOUT });
    await checkScreen(adminPage, '00b-admin-tracks');

    await adminPage.goto(`${stack.baseUrl}/#/users/create`);
    await adminPage.locator('input[name="displayName"]').fill(participant.name);
    await adminPage.locator('input[name="email"]').fill(participant.email);
    await adminPage.locator('input[name="password"]').fill(participant.password);
    await choose(adminPage, 'Organisation', 'Ville de Nantes');
    await checkScreen(adminPage, '00c-admin-user-create');
    const userCreated = adminPage.waitForResponse(
      (r) => r.url().endsWith('/api/users') && r.request().method() === 'POST',
    );
    await adminPage.getByRole('button', { name: 'Enregistrer' }).click();
    const userResponse = await userCreated;
    expect(userResponse.status()).toBe(201);
    expect(await userResponse.json()).toMatchObject({
      email: participant.email,
      memberships: [{ organizationId: nantes.organization.id, role: 'member' }],
    });
    const row = adminPage.locator('tr', { hasText: participant.email });
    await row.getByText('Membre (équipe testeuse) — Ville de Nantes').waitFor({ timeout: TIMEOUT });
    await checkScreen(adminPage, '00d-admin-users');

    // The other administration screens: organisations with their settings, the outbox.
    await adminPage.goto(`${stack.baseUrl}/#/organizations/${nantes.organization.id}`);
    await adminPage.getByLabel(/Durée maximale d'un test/).waitFor({ timeout: TIMEOUT });
    await checkScreen(adminPage, '00e-admin-organization-settings');
    await adminPage.goto(`${stack.baseUrl}/#/emails`);
    await adminPage
      .getByText('Les courriels de notification.', { exact: false })
      .waitFor({ timeout: TIMEOUT });
    await checkScreen(adminPage, '00f-admin-emails');
    await adminPage.close();
  });

  /** Opens an action's dialog, lets `fill` complete it, submits it and waits for the API's answer. */
  const act = (page: Page, action: string, label: string, fill: ActionFill) =>
    submitActionOk(page, experimentId, action, label, fill, TIMEOUT);

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
    await checkScreen(page, '01-experiment-create');
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

  it("lets HR complete the framing, leaving the participant's consent to them", async () => {
    const page = await signIn(nantes.emails.hr, `/experiments/${experimentId}`);
    await page
      .locator('.ra-input-criteria')
      .getByRole('button', { name: 'Ajouter' })
      .click({ timeout: TIMEOUT });
    await page.locator('input[name="criteria.0.name"]').fill("Erreurs d'administration");
    await page.locator('input[name="criteria.0.method"]').fill('Relevé mensuel');
    await page.locator('input[name="criteria.0.target"]').fill('0');
    await page.locator('input[name="criteria.0.coBuiltWithUsers"]').check();
    await page.locator('input[name="expiresOn"]').fill(frenchDayInDays(30));
    await choose(page, 'Piste', trackName);
    await page.locator('input[name="checkInCadenceDays"]').fill('14');
    await page.locator('textarea[name="exitPlan.pilotWithdrawal"]').fill('À la fin du trimestre');
    await page.locator('textarea[name="exitPlan.takeover"]').fill('La puéricultrice référente');
    // People are picked among the organisation's users.
    await pick(page, 'Porteur·euses', 'pilot');
    await pick(page, 'Portage institutionnel', 'sponsor');
    await page.locator('.ra-input-participants').getByRole('button', { name: 'Ajouter' }).click();
    // The participant gives their own consent, later: HR leaves it pending.
    await pick(page, 'Personne', participant.name);
    await checkScreen(page, '02-experiment-edit');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/experiments/${experimentId}`) && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    expect((await saved).status()).toBe(200);
    await page.waitForURL(/\/show$/, { timeout: TIMEOUT });
    const readiness = page.locator('[data-testid="readiness"]');
    await readiness.getByText('Encore 1 point à compléter avant le lancement.').waitFor({ timeout: TIMEOUT });
    await expect(readiness.locator('[data-readiness="consent"]').getAttribute('data-ok')).resolves.toBe(
      'false',
    );
    await page.getByText('Accord en attente').waitFor({ timeout: TIMEOUT });
    await checkScreen(page, '03-experiment-draft-consent-pending');
    await page.close();
  });

  it('lets the participant give their consent, which completes the checklist', async () => {
    const page = await signIn(participant.email, `/experiments/${experimentId}/show`, participant.password);
    const consented = page.waitForResponse(
      (r) => r.url().endsWith(`/api/experiments/${experimentId}/consent`) && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Je donne mon accord' }).click({ timeout: TIMEOUT });
    expect((await consented).status()).toBe(200);
    await page.getByText(/^Accord donné le \d{1,2} \S+ \d{4}$/).waitFor({ timeout: TIMEOUT });
    await page.getByRole('button', { name: 'Retirer mon accord' }).waitFor({ timeout: TIMEOUT });
    await checkScreen(page, '03a-participant-consent');
    await page.close();

    const hr = await signIn(nantes.emails.hr, `/experiments/${experimentId}/show`);
    const readiness = hr.locator('[data-testid="readiness"]');
    await readiness.getByText('Tout est prêt : le test peut être lancé.').waitFor({ timeout: TIMEOUT });
    expect(await readiness.locator('[data-ok="false"]').count()).toBe(0);
    await checkScreen(hr, '03b-experiment-draft-ready');
    await hr.close();
  });

  it('lets HR launch it: the page then carries the "EN TEST" tape with its end date', async () => {
    const page = await signIn(nantes.emails.hr, `/experiments/${experimentId}/show`);
    await act(page, 'launch', 'Lancer le test', async () => undefined);
    const tape = page.locator('[data-testid="test-tape"]');
    await tape.waitFor({ timeout: TIMEOUT });
    expect(await tape.textContent()).toMatch(/^EN TEST — jusqu'au \d{1,2} \S+ \d{4}$/);
    await expect(stateChip(page, 'En cours').isVisible()).resolves.toBe(true);
    await checkScreen(page, '04-experiment-running');
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
    await checkScreen(page, '05b-experiments-list');
    // With the keyboard: the title is a link, Enter opens the test.
    await row.getByRole('link', { name: title }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/experiments/${experimentId}/show$`), { timeout: TIMEOUT });
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
    await checkScreen(page, '06-experiment-check-in');

    // A testimony with markup in it: stored as typed, shown as the same text.
    await page.getByRole('button', { name: 'Ajouter un témoignage' }).click({ timeout: TIMEOUT });
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea[name="quote"]').fill(htmlQuote);
    await dialog.locator('input[name="speakerRole"]').fill('Auxiliaire de puériculture');
    const added = page.waitForResponse(
      (r) => r.url().endsWith('/api/testimonies') && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: 'Ajouter un témoignage' }).click();
    const response = await added;
    expect(response.status()).toBe(201);
    expect(((await response.json()) as { quote: string }).quote).toBe(htmlQuote);
    await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
    const quote = page.locator('[data-testid="testimony-quote"]');
    await quote.waitFor({ timeout: TIMEOUT });
    expect(await quote.textContent()).toBe(htmlQuote);
    expect(await quote.locator('b, img').count()).toBe(0);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    await page
      .locator('[data-testid="testimonies"]')
      .screenshot({ path: join(screenshotsDir, '06b-testimony.png') });
    await page.close();
  });

  it('refuses the admin to delete a track in use, and archives it instead', async () => {
    const page = await signIn(admin.email, `/tracks/${trackId}`);
    await page.getByRole('button', { name: 'Supprimer la piste' }).click({ timeout: TIMEOUT });
    const confirm = page.getByRole('dialog');
    const refused = page.waitForResponse(
      (r) => r.url().endsWith(`/api/tracks/${trackId}`) && r.request().method() === 'DELETE',
    );
    await confirm.getByRole('button', { name: 'Supprimer la piste' }).click();
    expect((await refused).status()).toBe(409);
    const explanation = page.getByRole('dialog').getByRole('alert');
    await explanation.waitFor({ timeout: TIMEOUT });
    expect(await explanation.textContent()).toMatch(/^Des tests utilisent cette piste/);
    await shot(page, '06c-admin-track-in-use');
    const archived = page.waitForResponse(
      (r) => r.url().endsWith(`/api/tracks/${trackId}`) && r.request().method() === 'PUT',
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Archiver la piste' }).click();
    expect((await archived).status()).toBe(200);
    await page.locator('tr', { hasText: trackName }).getByText('Archivée').waitFor({ timeout: TIMEOUT });
    await page.close();
  });

  it('lets HR stop it early with a reason, then submit the evaluation', async () => {
    const page = await signIn(nantes.emails.hr, `/experiments/${experimentId}/show`);
    // With the keyboard: the dialog opens with Enter, keeps the focus inside, shows where
    // it is, and closes with Escape.
    await page.locator('[data-action="stopEarly"]').focus({ timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ timeout: TIMEOUT });
    const focusInDialog = () =>
      page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
    await expect(focusInDialog()).resolves.toBe(true);
    for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
    await expect(focusInDialog()).resolves.toBe(true);
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as PageElement);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: TIMEOUT });

    // The dialog validates before sending: no reason, no request.
    await page.locator('[data-action="stopEarly"]').click({ timeout: TIMEOUT });
    await page.getByRole('dialog').getByRole('button', { name: 'Arrêter le test' }).click();
    await page.getByRole('dialog').getByText('Ce champ est requis').waitFor({ timeout: TIMEOUT });
    await checkScreen(page, '06d-action-dialog');
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
      await dialog.locator('textarea[name="learnings"]').fill(learnings);
    });
    await stateChip(page, 'En décision').waitFor({ timeout: TIMEOUT });
    // The history tells the early stop with its reason, and the notices it caused.
    const timeline = page.locator('[data-testid="timeline"]');
    await timeline
      .locator('[data-event="stopEarly"]')
      .getByText('Les deux crèches déménagent en avril.')
      .waitFor({ timeout: TIMEOUT });
    expect(await timeline.locator('[data-kind="notice"][data-event="stopped"]').count()).toBe(1);
    // HR shares the learnings with the network.
    const shared = page.waitForResponse(
      (r) => r.url().endsWith(`/api/evaluations/${experimentId}/sharing`) && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Partager avec le réseau' }).click({ timeout: TIMEOUT });
    expect((await shared).status()).toBe(200);
    await page.getByText(/^Enseignements partagés avec le réseau le /).waitFor({ timeout: TIMEOUT });
    await checkScreen(page, '07-experiment-evaluated');
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
    await checkScreen(page, '08-experiment-iterated');
    const child = page.locator('[data-testid="child-link"]');
    await child.waitFor({ timeout: TIMEOUT });
    await child.click();
    await page.waitForURL((url) => !url.hash.includes(experimentId), { timeout: TIMEOUT });
    iterationId = page.url().split('/').slice(-2)[0];
    await page.locator('[data-testid="lineage"]').getByText('Itération n° 2').waitFor({ timeout: TIMEOUT });
    await expect(stateChip(page, 'Brouillon').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-testid="lineage"]').getByText(title).isVisible()).resolves.toBe(true);
    await checkScreen(page, '09-new-iteration');
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
    await checkScreen(page, '10-codir-dashboard');
    // In English, the document's language follows.
    await page.getByRole('button', { name: 'Langue : Français' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Executive dashboard' }).waitFor({ timeout: TIMEOUT });
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await checkScreen(page, '10b-codir-dashboard-english', 'en');
    await page.close();
  });

  it("lists the pilot's tasks and notifications", async () => {
    const page = await signIn(nantes.emails.pilot, '/tasks');
    await page.getByRole('heading', { level: 1, name: 'Mes tâches' }).waitFor({ timeout: TIMEOUT });
    await page
      .locator('[data-task]')
      .or(page.getByText('Rien à faire pour le moment.'))
      .first()
      .waitFor({ timeout: TIMEOUT });
    await checkScreen(page, '10c-my-tasks');
    await page.goto(`${stack.baseUrl}/#/notifications`);
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).waitFor({ timeout: TIMEOUT });
    await page.locator('tbody tr').first().waitFor({ timeout: TIMEOUT });
    await checkScreen(page, '10d-notifications');
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
    await checkScreen(page, '11-other-organisation');
    await page.close();
  });

  it('shows another organisation the learnings shared with the network, and only them', async () => {
    const page = await signIn(gironde.emails.hr, '/shared-learnings');
    const entry = page.locator('[data-testid="shared-learnings-text"]', { hasText: learnings });
    await entry.waitFor({ timeout: TIMEOUT });
    await page.getByText('Ville de Nantes', { exact: false }).first().waitFor({ timeout: TIMEOUT });
    await checkScreen(page, '12-shared-learnings');
    await page.close();
  });
});
