import { join } from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { dateInDays, TEST_PASSWORD, type Team } from '../../api/test/support/fixtures';
import { login, readyDraft } from '../../api/test/support/http';
import type { TestStack } from '../../api/test/support/stack';
import { accessibilityProblems } from './support/a11y';
import { screenshotsDir } from './support/browser';
import {
  describeInBrowser,
  startBrowserStack,
  submitAction,
  submitActionOk,
  type ActionFill,
  type BrowserStack,
} from './support/browser-stack';

const TIMEOUT = 20_000;

/**
 * Issue 12, item 10, through the back-office: after launch, the pilot amends the criteria
 * (a target changed, a criterion added); the page lists the amendment with what changed,
 * why, who and when; the evaluation form then asks a result for each criterion in force,
 * and the API accepts it (it refused the launch criteria with 409 before). On the way, a
 * refusal of the workflow is said in French from its code and parameters (item 16).
 */
describeInBrowser('criteria amended after launch, in a real browser', () => {
  let ui: BrowserStack;
  let stack: TestStack;
  let team: Team;
  let experimentId = '';
  const reason = 'Zéro erreur est hors de portée ; la sérénité des équipes compte aussi.';

  beforeAll(async () => {
    ui = await startBrowserStack();
    ({ stack, team } = ui);
    const hr = await login(stack.app, team.emails.hr);
    // Consent is the participant's own act: they give it before HR launches.
    experimentId = await readyDraft(stack.app, hr, team, `Classeur partagé ${Date.now()}`);
  });

  afterAll(() => ui?.close());

  const signIn = (email: string): Promise<Page> => ui.signIn(email, `/experiments/${experimentId}/show`);

  /** Opens an action's dialog, lets `fill` complete it, submits it and returns the API's answer. */
  const act = (page: Page, action: string, label: string, fill: ActionFill) =>
    submitAction(page, experimentId, action, label, fill, TIMEOUT);

  const actOk = (page: Page, action: string, label: string, fill: ActionFill) =>
    submitActionOk(page, experimentId, action, label, fill, TIMEOUT);

  const stateChip = (page: Page, label: string) =>
    page.locator('[data-testid="hypothesis"]').locator('..').getByText(label, { exact: true }).first();

  it('lets HR launch the test', async () => {
    const page = await signIn(team.emails.hr);
    await actOk(page, 'launch', 'Lancer le test', async () => undefined);
    await stateChip(page, 'En cours').waitFor({ timeout: TIMEOUT });
    await page.close();
  });

  it('lets the pilot amend the criteria, and lists the amendment with what changed, why, who and when', async () => {
    const page = await signIn(team.emails.pilot);
    await actOk(page, 'amendCriteria', 'Modifier les critères', async (dialog) => {
      // The dialog starts from the criteria in force.
      const target = dialog.locator('input[name="criteria.0.target"]');
      await expect(target.inputValue({ timeout: TIMEOUT })).resolves.toBe('0');
      await target.fill('2 au plus');
      await dialog.locator('.ra-input-criteria').getByRole('button', { name: 'Ajouter' }).click();
      await dialog.locator('input[name="criteria.1.name"]').fill('Sérénité des équipes');
      await dialog.locator('input[name="criteria.1.method"]').fill('Entretiens');
      await dialog.locator('textarea[name="reason"]').fill(reason);
    });
    const amendments = page.locator('[data-testid="criteria-amendments"]');
    await amendments.getByText(reason).waitFor({ timeout: TIMEOUT });
    await amendments.getByText(/par pilot$/).waitFor({ timeout: TIMEOUT });
    await expect(
      amendments.locator('[data-testid="amendment-changes"] li').allTextContents(),
    ).resolves.toEqual([
      'Critère ajouté : Sérénité des équipes (Comment le mesurer : Entretiens)',
      "Critère « Erreurs d'administration » modifié : Cible : « 0 » devient « 2 au plus »",
    ]);
    const current = page.locator('[data-testid="current-criteria"]');
    await current.getByText('Sérénité des équipes').waitFor({ timeout: TIMEOUT });
    await current.getByText('2 au plus').waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: join(screenshotsDir, 'criteria-amended.png'), fullPage: true });
    expect(await accessibilityProblems(page, 'fr')).toEqual([]);

    // A second amendment starts from the first one's criteria, not from the launch.
    await page.locator('[data-action="amendCriteria"]').click({ timeout: TIMEOUT });
    const dialog = page.getByRole('dialog');
    await expect(
      dialog.locator('input[name="criteria.1.name"]').inputValue({ timeout: TIMEOUT }),
    ).resolves.toBe('Sérénité des équipes');
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
    await page.close();
  });

  it('says a refusal of the workflow in French, with its parameters (item 16)', async () => {
    const page = await signIn(team.emails.pilot);
    const frenchDay = dateInDays(400).split('-').reverse().join('/');
    const { response, dialog } = await act(
      page,
      'requestExtension',
      'Demander une prolongation',
      async (d) => {
        await d.locator('input[name="newExpiryDate"]').fill(frenchDay);
        await d.locator('textarea[name="justification"]').fill('Un été de plus');
      },
    );
    expect(response.status()).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'EXTENSION_TOO_LONG', params: { maxDays: 365 } });
    const alert = dialog.getByTestId('action-refusal');
    await alert.waitFor({ timeout: TIMEOUT });
    const text = await alert.textContent();
    expect(text).toBe(
      'Refusé par le serveur : La nouvelle date de péremption doit rester dans la durée maximale de 365 jours après le lancement.',
    );
    expect(text).not.toMatch(/maximum duration|must|expiry/);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await page.close();
  });

  it('lets HR stop the test and submit its evaluation on the criteria in force', async () => {
    const page = await signIn(team.emails.hr);
    await actOk(page, 'stopEarly', 'Arrêter le test', async (dialog) => {
      await dialog.locator('textarea[name="reason"]').fill('Les crèches déménagent.');
    });
    await stateChip(page, 'En évaluation').waitFor({ timeout: TIMEOUT });
    await actOk(page, 'submitEvaluation', "Remettre l'évaluation", async (dialog) => {
      await dialog.getByLabel('Hypothèse en partie confirmée').check();
      await dialog.getByLabel("Erreurs d'administration").fill('Deux erreurs en un mois.');
      await dialog.getByLabel('Sérénité des équipes').fill('Les auxiliaires se disent rassurées.');
      await dialog.locator('input[name="usersVoice.sources"]').fill('entretiens');
      await dialog.locator('input[name="usersVoice.count"]').fill('8');
      await dialog.locator('textarea[name="learnings"]').fill('Le classeur ne suffit pas seul.');
    });
    await stateChip(page, 'En décision').waitFor({ timeout: TIMEOUT });
    const evaluation = page.locator('[data-testid="evaluation"]');
    await evaluation.getByText('Sérénité des équipes').waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: join(screenshotsDir, 'criteria-evaluated.png'), fullPage: true });
    await page.close();

    // What the API recorded: a result for each criterion in force, the amendment beside it.
    const api = await request(stack.app.getHttpServer())
      .post('/api/auth/token')
      .send({ email: team.emails.hr, password: TEST_PASSWORD });
    const recorded = await request(stack.app.getHttpServer())
      .get(`/api/evaluations/${experimentId}`)
      .set('Authorization', `Bearer ${api.body.token as string}`)
      .expect(200);
    expect(recorded.body.criterionResults.map((r: { criterionId: string }) => r.criterionId)).toEqual([
      'errors',
      expect.any(String),
    ]);
    expect(recorded.body.amendments).toHaveLength(1);
  });
});
