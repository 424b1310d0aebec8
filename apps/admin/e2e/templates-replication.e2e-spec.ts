import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TrackEntity } from '@capacites/persistence';
import { dateInDays, insertTeam, readyFramingBody, type Team } from '../../api/test/support/fixtures';
import { login, type ApiClient } from '../../api/test/support/http';
import type { TestStack } from '../../api/test/support/stack';
import { accessibilityProblems } from './support/a11y';
import { expectNoAxeViolations } from './support/axe';
import { screenshotsDir } from './support/browser';
import {
  choose as chooseOption,
  describeInBrowser,
  startBrowserStack,
  type BrowserStack,
} from './support/browser-stack';

const TIMEOUT = 20_000;

/**
 * Issue 16, items 1 and 2 in the back-office: HR writes a template and starts a test from it
 * ("Nouveau test à partir d'un modèle"); another organisation's HR replicates a test from the
 * shared learnings ("Reproduire dans mon organisation") and lands on its own draft, which names
 * its original; the original counts one replication without naming who. Each screen passes
 * axe-core (WCAG 2.1 A/AA) and the product's own accessibility check.
 */
describeInBrowser('templates and replication in a real browser', () => {
  let ui: BrowserStack;
  let stack: TestStack;
  let nantes: Team;
  let gironde: Team;
  let nantesHr: ApiClient;
  let originalId = '';
  const stamp = randomUUID().slice(0, 6);
  const trackName = `Micro-mobilité ${stamp}`;
  const templateName = `Immersion de trois jours ${stamp}`;
  const originalTitle = `Classeur médical partagé ${stamp}`;

  beforeAll(async () => {
    ui = await startBrowserStack();
    ({ stack, team: nantes } = ui);
    gironde = await insertTeam(stack.db, {
      id: randomUUID(),
      slug: `gironde-${stamp}`,
      name: 'Département de la Gironde',
      kind: 'departement',
    });
    // A shared track (the platform admin's act, tested elsewhere).
    await stack.db.getRepository(TrackEntity).insert({
      id: randomUUID(),
      slug: `micro-mobilite-${stamp}`,
      name: trackName,
      description: '',
      organizationId: null,
      archivedAt: null,
    });
    // Nantes' test, evaluated, its learnings shared with the network.
    nantesHr = await login(stack.app, nantes.emails.hr);
    const pilot = await login(stack.app, nantes.emails.pilot);
    const participant = await login(stack.app, nantes.emails.participant);
    originalId = (
      await nantesHr
        .post('/api/experiments')
        .send({ organizationId: nantes.organization.id, title: originalTitle })
        .expect(201)
    ).body.id;
    await nantesHr
      .put(`/api/experiments/${originalId}`)
      .send(readyFramingBody(nantes, dateInDays(60)))
      .expect(200);
    await participant.post(`/api/experiments/${originalId}/consent`).send({ consent: true }).expect(200);
    await nantesHr.post(`/api/experiments/${originalId}/launch`).send({}).expect(200);
    await pilot.post(`/api/experiments/${originalId}/stop`).send({ reason: 'Assez de recul' }).expect(200);
    await pilot
      .post(`/api/experiments/${originalId}/evaluation`)
      .send({
        verdict: 'confirmed',
        criterionResults: [{ criterionId: 'errors', result: 'Aucune erreur', met: true }],
        usersVoice: { sources: ['entretiens'], count: 6 },
        learnings: 'Le classeur rassure les équipes.',
      })
      .expect(200);
    await nantesHr.put(`/api/evaluations/${originalId}/sharing`).send({ shared: true }).expect(200);
  });

  afterAll(() => ui?.close());

  const signIn = (email: string, path: string): Promise<Page> => ui.signIn(email, path);

  /** The screen's screenshot, axe-core's verdict and the product's own check. */
  async function checkScreen(page: Page, name: string) {
    await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });
    await expectNoAxeViolations(page, name);
    expect(await accessibilityProblems(page, 'fr')).toEqual([]);
  }

  const choose = (page: Page, label: string | RegExp, option: string) => chooseOption(page, label, option, TIMEOUT);

  it('lets HR write a template, then start a new test from it', async () => {
    const page = await signIn(nantes.emails.hr, '/templates/create');
    await page.locator('input[name="name"]').fill(templateName, { timeout: TIMEOUT });
    await choose(page, /Piste/, trackName);
    await page
      .locator('textarea[name="hypothesis"]')
      .fill('Si des agents passent trois jours dans un autre service, alors …');
    await page.locator('.ra-input-criteria').getByRole('button', { name: 'Ajouter' }).click();
    await page.locator('input[name="criteria.0.name"]').fill('Envie de mobilité');
    await page.locator('input[name="criteria.0.method"]').fill('Questionnaire');
    await page.locator('input[name="criteria.0.target"]').fill('60 %');
    await page.locator('input[name="durationDays"]').fill('90');
    await page.locator('input[name="checkInCadenceDays"]').fill('21');
    await page.locator('textarea[name="exitPlan.takeover"]').fill('Le service RH');
    await checkScreen(page, 'templates-01-create');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/templates') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const response = await saved;
    expect(response.status()).toBe(201);
    const template = (await response.json()) as { id: string };

    // The list, then "Nouveau test" from this template.
    const start = page.getByRole('link', { name: `Nouveau test à partir du modèle « ${templateName} »` });
    await start.waitFor({ timeout: TIMEOUT });
    await checkScreen(page, 'templates-02-list');
    await start.click();
    await page.getByTestId('template-summary').waitFor({ timeout: TIMEOUT });
    await page.locator('input[name="title"]').fill(`Immersions à la voirie ${stamp}`);
    await checkScreen(page, 'templates-03-new-test-from-template');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/experiments') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const draftResponse = await created;
    expect(draftResponse.status()).toBe(201);
    const draft = (await draftResponse.json()) as { id: string };
    const stored = (await nantesHr.get(`/api/experiments/${draft.id}`).expect(200)).body;
    expect(stored).toMatchObject({
      templateId: template.id,
      checkInCadenceDays: 21,
      criteria: [
        expect.objectContaining({ name: 'Envie de mobilité', method: 'Questionnaire', target: '60 %' }),
      ],
      exitPlan: { pilotWithdrawal: '', takeover: 'Le service RH' },
    });
    expect(stored.expiresAt).not.toBeNull();

    // The test's page says where it comes from.
    await page.goto(`${stack.baseUrl}/#/experiments/${draft.id}/show`);
    await page.getByText(`Créé à partir du modèle « ${templateName} ».`).waitFor({ timeout: TIMEOUT });
    await page.close();
  });

  it('lets another organisation replicate a shared test into a draft of its own, the original counting it', async () => {
    const page = await signIn(gironde.emails.hr, '/shared-learnings');
    const button = page.getByRole('button', {
      name: `Reproduire dans mon organisation : « ${originalTitle} »`,
    });
    await button.waitFor({ timeout: TIMEOUT });
    await checkScreen(page, 'replication-01-shared-learnings');
    await button.click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText('Ni les personnes, ni leurs réponses', { exact: false })
      .waitFor({ timeout: TIMEOUT });
    await checkScreen(page, 'replication-02-dialog');
    const replicated = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/api/experiments/${originalId}/replications`) && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: 'Créer le brouillon' }).click();
    const response = await replicated;
    expect(response.status()).toBe(201);
    const draft = (await response.json()) as { id: string; organizationId: string; pilotIds: string[] };
    expect(draft.organizationId).toBe(gironde.organization.id);
    expect(draft.pilotIds).toEqual([]);
    // The framing form of the new draft opens: its people, dates and consents come next.
    await page.waitForURL(new RegExp(`#/experiments/${draft.id}$`), { timeout: TIMEOUT });
    await page.locator('input[name="title"]').waitFor({ timeout: TIMEOUT });
    expect(await page.locator('input[name="title"]').inputValue()).toBe(originalTitle);

    await page.goto(`${stack.baseUrl}/#/experiments/${draft.id}/show`);
    await page
      .getByText(`Reproduit à partir de « ${originalTitle} » (Ville de Nantes).`)
      .waitFor({ timeout: TIMEOUT });
    await checkScreen(page, 'replication-03-replica-page');
    await page.close();

    // Nantes sees one replication, not who.
    const original = await signIn(nantes.emails.hr, `/experiments/${originalId}/show`);
    const count = original.getByTestId('replication-count');
    await count.waitFor({ timeout: TIMEOUT });
    expect(await count.textContent()).toBe('Reproduit par 1 autre organisation');
    expect(await original.getByTestId('provenance-section').textContent()).not.toContain('Gironde');
    await checkScreen(original, 'replication-04-original-page');
    await original.close();
  });
});
