import { join } from 'node:path';
import { dateInDays, type Team } from '../../api/test/support/fixtures';
import { launchedExperiment, login, type ApiClient } from '../../api/test/support/http';
import type { TestStack } from '../../api/test/support/stack';
import { accessibilityProblems } from './support/a11y';
import { expectNoAxeViolations } from './support/axe';
import { screenshotsDir } from './support/browser';
import { describeInBrowser, startBrowserStack, type BrowserStack } from './support/browser-stack';

const TIMEOUT = 20_000;

/**
 * Issue 15, item 2 and 3, through the back-office: HR plans a CODIR session whose agenda
 * comes from the portfolio, annotates it, shares its pack with an élue (the shared page is
 * plain, French and accessible); a CODIR member records the minutes, one decision applied
 * through its test's workflow and one refused (an extension is the sponsor's to grant),
 * which stays open with its reason said in French.
 */
describeInBrowser('a committee session from agenda to minutes, in a real browser', () => {
  let ui: BrowserStack;
  let stack: TestStack;
  let team: Team;
  let hr: ApiClient;
  const decidingTitle = `Classeur partagé en crèche ${Date.now()}`;
  const extensionTitle = `Micro-mobilité des agents ${Date.now()}`;
  const addedTitle = `Subsidiarité en voirie ${Date.now()}`;
  let sessionUrl = '';

  const launched = (title: string) => launchedExperiment(stack.app, hr, team, title);

  beforeAll(async () => {
    ui = await startBrowserStack();
    ({ stack, team } = ui);
    hr = await login(stack.app, team.emails.hr);
    const deciding = await launched(decidingTitle);
    await hr.post(`/api/experiments/${deciding}/stop`).send({ reason: 'Objectifs atteints' }).expect(200);
    await hr
      .post(`/api/experiments/${deciding}/evaluation`)
      .send({
        verdict: 'confirmed',
        criterionResults: [{ criterionId: 'errors', result: 'Zéro erreur', met: true }],
        usersVoice: { sources: ['entretiens'], count: 6 },
        learnings: 'Un outil simple.',
      })
      .expect(200);
    const extension = await launched(extensionTitle);
    await hr
      .post(`/api/experiments/${extension}/extension`)
      .send({ newExpiryDate: dateInDays(90), justification: 'Rentrée scolaire' })
      .expect(200);
    // Not due for anything: HR adds it to the agenda by hand.
    await launched(addedTitle);
  });

  afterAll(() => ui?.close());

  const signIn = (email: string, path: string) => ui.signIn(email, path);

  it('lets HR plan a session: the agenda comes from the portfolio, notes are saved, the pack is shared', async () => {
    const page = await signIn(team.emails.hr, '/committee-sessions/create');
    await page.locator('input[name="title"]').fill('CODIR de décembre', { timeout: TIMEOUT });
    const today = dateInDays(0).split('-').reverse().join('/');
    await page.locator('input[name="heldOn"]').fill(today);
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/committee-sessions') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    expect((await created).status()).toBe(201);
    const agenda = page.locator('[data-testid="agenda"]');
    await agenda.getByRole('link', { name: decidingTitle }).waitFor({ timeout: TIMEOUT });
    await agenda.getByRole('cell', { name: 'Décision à prendre' }).waitFor();
    await agenda.getByRole('cell', { name: 'Demande de prolongation' }).waitFor();
    sessionUrl = page.url();
    await expectNoAxeViolations(page, 'séance du CODIR (ordre du jour)');
    expect(await accessibilityProblems(page)).toEqual([]);

    expect(await agenda.getByRole('link', { name: addedTitle }).count()).toBe(0);
    await page.getByLabel(`Note pour le comité : ${decidingTitle}`).fill('Passation à préparer avant l’été');
    await page.getByLabel("Ajouter un test à l'ordre du jour").selectOption({ label: addedTitle });
    await page.getByLabel('Motif', { exact: true }).selectOption('expiringSoon');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.getByRole('button', { name: `Monter « ${addedTitle} » dans l’ordre du jour` }).click();
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().includes('/api/committee-sessions/'),
    );
    await page.getByRole('button', { name: "Enregistrer l'ordre du jour" }).click();
    expect((await saved).status()).toBe(200);
    // Saved in the order given: the added test before the extension request.
    const rows = agenda.locator('tbody tr');
    await rows.nth(1).getByRole('link', { name: addedTitle }).waitFor({ timeout: TIMEOUT });
    await rows.nth(2).getByRole('link', { name: extensionTitle }).waitFor();

    const pack = await page.request.get(
      `${stack.baseUrl}/api/committee-sessions/${sessionUrl.split('/').at(-2)}/pack.pdf`,
    );
    expect(pack.status()).toBe(200);
    expect(pack.headers()['content-type']).toMatch(/^application\/pdf/);

    await page.getByRole('button', { name: 'Partager le dossier de séance' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Destinataire').fill('Mme la maire');
    await dialog.getByRole('button', { name: 'Créer le lien' }).click();
    const url = await dialog.getByLabel('Adresse du lien (à copier)').inputValue({ timeout: TIMEOUT });
    await expectNoAxeViolations(page, 'partage du dossier de séance');
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    // The élue opens it without an account: a plain French page, accessible.
    const shared = await ui.newPage({ width: 390, height: 844 });
    await shared.goto(url.replace(/^https?:\/\/[^/]+/, stack.baseUrl));
    await shared.getByRole('heading', { name: 'CODIR de décembre' }).waitFor({ timeout: TIMEOUT });
    await shared.getByText('Passation à préparer avant l’été').waitFor();
    await expectNoAxeViolations(shared, 'dossier de séance partagé');
    await shared.screenshot({ path: join(screenshotsDir, 'committee-shared-pack.png'), fullPage: true });
    await shared.close();

    await page.goto(`${stack.baseUrl}/#/share-links`);
    await page.getByRole('cell', { name: 'Mme la maire' }).waitFor({ timeout: TIMEOUT });
    await expectNoAxeViolations(page, 'liens de consultation');
    await page.close();
  });

  it('lets a CODIR member record the minutes: one decision applied, one refused and left open with its reason', async () => {
    const page = await signIn(team.emails.codir, sessionUrl.split('#')[1]);
    const minutes = page.locator('[data-testid="minutes-section"]');
    await minutes
      .getByLabel(/Présent·es/)
      .fill('Claire Martin (DGS)\nPaul Durand (DGA)', { timeout: TIMEOUT });
    await minutes.getByLabel(`Décision du comité : ${decidingTitle}`).selectOption('decide');
    await minutes.getByLabel('Issue').selectOption('perpetuate');
    await minutes.getByLabel('Justification').fill('Les auxiliaires le demandent');
    await minutes.getByLabel('Passation : quand le porteur se retire').fill('En juin');
    await minutes.getByLabel('Passation : qui reprend').fill('La puéricultrice référente');
    await minutes.getByLabel(`Décision du comité : ${extensionTitle}`).selectOption('approveExtension');
    await expectNoAxeViolations(page, 'relevé de décisions (saisie)');
    const recorded = page.waitForResponse(
      (r) => r.url().endsWith('/minutes') && r.request().method() === 'POST',
    );
    await minutes.getByRole('button', { name: 'Enregistrer le relevé et appliquer les décisions' }).click();
    expect((await recorded).status()).toBe(200);

    const result = page.locator('[data-testid="minutes-result"]');
    await result
      .locator('[data-outcome="applied"]')
      .getByText(decidingTitle, { exact: false })
      .waitFor({ timeout: TIMEOUT });
    const refused = result.locator('[data-outcome="refused"]');
    await refused.getByText(extensionTitle, { exact: false }).waitFor();
    await refused.getByText(/Refusé : .*portage institutionnel/).waitFor();
    await page.getByRole('link', { name: 'Télécharger le relevé de décisions (PDF)' }).waitFor();
    await expectNoAxeViolations(page, 'relevé de décisions (enregistré)');
    await page.screenshot({ path: join(screenshotsDir, 'committee-minutes.png'), fullPage: true });
    await page.close();
  });
});
