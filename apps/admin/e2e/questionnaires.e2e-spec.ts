import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { hash } from 'argon2';
import type { Browser, Page } from 'playwright-core';
import { MembershipEntity, UserEntity } from '@capacites/persistence';
import { dateInDays, readyFramingBody, TEST_PASSWORD, type Team } from '../../api/test/support/fixtures';
import { login, participantConsents, type ApiClient } from '../../api/test/support/http';
import { startSmtpCatcher } from '../../api/test/support/smtp-catcher';
import type { TestStack } from '../../api/test/support/stack';
import { waitFor } from '../../api/test/support/worker-process';
import { expectNoAxeViolations } from './support/axe';
import { screenshotsDir } from './support/browser';
import { describeInBrowser, startBrowserStack, type BrowserStack } from './support/browser-stack';
import type { PageDocument, PageElement } from './support/page-globals';

declare const document: PageDocument & { activeElement: PageElement | null };

const TIMEOUT = 30_000;
/** What the issue allows the public page's first load: 100 kB of JavaScript, gzip. */
const PUBLIC_PAGE_JS_BUDGET = 100 * 1024;
/** The links in emails and views name this origin (PUBLIC_URL); the test server has another. */
const PUBLIC_URL = 'https://capacites.nantes.example';

/**
 * Issue 14 through the back-office and the public answer page, in order: HR builds a
 * participants' questionnaire on a running test and publishes it; the participant answers
 * from the emailed link (keyboard only), then changes the answer; a member of the public
 * answers a public questionnaire on a phone; HR sees who has not answered and the results;
 * the pilot's evaluation form shows what the questionnaires say and is pre-filled. axe-core
 * measures every new screen and the public page; the public page's first-load JavaScript
 * is measured on the built output.
 */
describeInBrowser('questionnaires: built, answered by participants and the public, evaluated', () => {
  let ui: BrowserStack;
  let stack: TestStack;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let browser: Browser;
  let adminDistDir = '';
  let team: Team;
  let hr: ApiClient;
  let experimentId = '';
  let participantsQuestionnaireId = '';
  let publicQuestionnaireId = '';
  let publicPath = '';
  const stamp = Date.now();
  const latecomer = { id: randomUUID(), email: `dominique-${stamp}@nantes.test`, name: 'Dominique Retard' };
  const freeText = 'Le <b>classeur</b> rassure les équipes.';

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    ui = await startBrowserStack({ env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    ({ stack, browser, team, adminDistDir } = ui);
    // A second participant, who will not answer: the pilot sees them as not answered yet.
    await stack.db.getRepository(UserEntity).insert({
      id: latecomer.id,
      email: latecomer.email,
      displayName: latecomer.name,
      passwordHash: await hash(TEST_PASSWORD),
    });
    await stack.db
      .getRepository(MembershipEntity)
      .insert({ userId: latecomer.id, organizationId: team.organization.id, role: 'member' });
    // The test itself is framed and launched through the API: its screens have their own specs.
    hr = await login(stack.app, team.emails.hr);
    const created = await hr
      .post('/api/experiments')
      .send({ organizationId: team.organization.id, title: `Classeur partagé ${stamp}` })
      .expect(201);
    experimentId = created.body.id as string;
    const framing = readyFramingBody(team, dateInDays(45));
    await hr
      .put(`/api/experiments/${experimentId}`)
      .send({ ...framing, participants: [...framing.participants, { userId: latecomer.id }] })
      .expect(200);
    await participantConsents(stack.app, team, experimentId);
    const late = await login(stack.app, latecomer.email);
    await late.post(`/api/experiments/${experimentId}/consent`).send({ consent: true }).expect(200);
    await hr.post(`/api/experiments/${experimentId}/launch`).send({}).expect(200);
  });

  afterAll(async () => {
    await ui?.close();
    await smtp?.close();
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(screenshotsDir, `q-${name}.png`), fullPage: true });

  const signIn = (email: string, path: string): Promise<Page> => ui.signIn(email, path);

  /** The path of a link that names PUBLIC_URL, on the test server. */
  const onTestServer = (url: string) => `${stack.baseUrl}${url.slice(PUBLIC_URL.length)}`;

  it("keeps the public page's first-load JavaScript under 100 kB gzip (built output)", () => {
    const html = readFileSync(join(adminDistDir, 'q.html'), 'utf8');
    const entries = [
      ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
      ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
    ].map((m) => m[1]);
    expect(entries.length).toBeGreaterThan(0);
    // The entry and every chunk it imports statically, transitively: what the browser loads first.
    const seen = new Set<string>();
    const visit = (file: string) => {
      const path = file.replace(/^\//, '');
      if (seen.has(path)) return;
      seen.add(path);
      const code = readFileSync(join(adminDistDir, path), 'utf8');
      for (const m of code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']\.\/([^"']+\.js)["']/g))
        visit(join(path, '..', m[1]));
    };
    entries.forEach(visit);
    const sizes = [...seen].map((file) => ({
      file,
      gzip: gzipSync(readFileSync(join(adminDistDir, file))).length,
    }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    console.info(`public answer page, first load: ${total} bytes of JavaScript gzip`, sizes);
    expect(total).toBeGreaterThan(1000);
    expect(total).toBeLessThan(PUBLIC_PAGE_JS_BUDGET);
    // Nothing of react-admin nor MUI in it.
    for (const file of seen)
      expect(readFileSync(join(adminDistDir, file), 'utf8')).not.toMatch(/react-admin|MuiButton/);
  });

  it('lets HR build a participants’ questionnaire tied to a criterion, and publish it', async () => {
    const page = await signIn(team.emails.hr, `/experiments/${experimentId}/show`);
    const section = page.locator('[data-testid="questionnaires"]');
    await section.getByText('Aucun questionnaire sur ce test pour l’instant.').waitFor({ timeout: TIMEOUT });
    await section.getByRole('link', { name: 'Nouveau questionnaire' }).click();
    await page.locator('input[name="title"]').waitFor({ timeout: TIMEOUT });
    await page.locator('input[name="title"]').fill('Pulse du classeur');
    await page.locator('textarea[name="intro"]').fill('Trois questions, deux minutes.');
    // Default audience and window: the participants, during the test.
    await expect(page.getByLabel('Participants du test').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Pendant le test (de son lancement à son arrêt)').isChecked()).resolves.toBe(
      true,
    );
    // Question 1: a scale with labelled ends, tied to the test's criterion.
    await page.locator('input[name="questions.0.label"]').fill('Le classeur vous aide-t-il ?');
    await page.locator('input[name="questions.0.minLabel"]').fill('Pas du tout');
    await page.locator('input[name="questions.0.maxLabel"]').fill('Beaucoup');
    await page.getByRole('combobox', { name: 'Critère évalué' }).first().click();
    await page.getByRole('option', { name: "Erreurs d'administration" }).click();
    await page.locator('input[name="questions.0.required"]').check();
    // Question 2: a single choice, not anonymous (named answers).
    await page.locator('.ra-input-questions').getByRole('button', { name: 'Ajouter' }).last().click();
    await page.getByRole('combobox', { name: 'Type de question' }).nth(1).click();
    await page.getByRole('option', { name: 'Choix unique' }).click();
    await page.locator('input[name="questions.1.label"]').fill('Quelle équipe ?');
    await page.locator('textarea[name="questions.1.optionsText"]').fill('Crèche Nord\nCrèche Sud');
    await page.locator('input[name="questions.1.anonymous"]').uncheck();
    // Question 3: a long text.
    await page.locator('.ra-input-questions').getByRole('button', { name: 'Ajouter' }).last().click();
    await page.getByRole('combobox', { name: 'Type de question' }).nth(2).click();
    await page.getByRole('option', { name: 'Texte long' }).click();
    await page.locator('input[name="questions.2.label"]').fill('Un mot pour l’équipe ?');
    await page.locator('input[name="questions.2.help"]').fill('Facultatif.');
    await shot(page, '01-builder');
    await expectNoAxeViolations(page, 'questionnaire builder');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/questionnaires') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const response = await saved;
    expect(response.status()).toBe(201);
    participantsQuestionnaireId = ((await response.json()) as { id: string }).id;
    await page.waitForURL(new RegExp(`/questionnaires/${participantsQuestionnaireId}/show$`), {
      timeout: TIMEOUT,
    });
    await page.getByTestId('questionnaire-status').getByText('Brouillon').waitFor({ timeout: TIMEOUT });
    await page.getByText(/Critère évalué : Erreurs d'administration/).waitFor({ timeout: TIMEOUT });
    await expectNoAxeViolations(page, 'questionnaire page (draft)');

    await page.getByRole('button', { name: 'Publier' }).click();
    const published = page.waitForResponse(
      (r) => r.url().endsWith(`/publish`) && r.request().method() === 'POST',
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Publier' }).click();
    expect((await published).status()).toBe(200);
    // The test runs: the workflow opens the questionnaire at once.
    await waitFor(
      'the questionnaire open',
      async () => {
        await page.reload();
        await page.getByTestId('questionnaire-status').waitFor({ timeout: TIMEOUT });
        return (await page.getByTestId('questionnaire-status').textContent()) === 'Ouvert';
      },
      TIMEOUT,
    );
    await page
      .getByTestId('respondents')
      .getByText('0 participant·es sur 2 ont répondu.')
      .waitFor({ timeout: TIMEOUT });
    await shot(page, '02-published');
    await expectNoAxeViolations(page, 'questionnaire page (open, no answer)');
    await page.close();
  });

  it('lets the participant answer from the emailed link, with the keyboard only, then change the answer', async () => {
    const participantEmail = team.emails.participant;
    const email = await waitFor(
      'the email inviting the participant',
      async () =>
        smtp.emails.find((e) => e.to.includes(participantEmail) && e.text.includes('/#/questionnaires/')),
      TIMEOUT,
    );
    const link = /https:\/\/\S+\/#\/questionnaires\/[0-9a-f-]{36}\/answer/.exec(email.text)?.[0] ?? '';
    expect(link).toContain(participantsQuestionnaireId);
    // Not signed in: the back-office asks for the login, then leads to the answer page.
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(onTestServer(link));
    await page.locator('input[name="username"]').fill(participantEmail);
    await page.locator('input[name="password"]').fill(TEST_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(`${stack.baseUrl}/q/${participantsQuestionnaireId}`, { timeout: TIMEOUT });
    // "Mes tâches" lists it to answer, by the email's own link, which leads to the same page.
    await page.goto(`${stack.baseUrl}/#/tasks`);
    const task = page.getByRole('link', { name: 'Pulse du classeur' });
    await task.waitFor({ timeout: TIMEOUT });
    expect(await task.getAttribute('href')).toBe(`/#/questionnaires/${participantsQuestionnaireId}/answer`);
    await expectNoAxeViolations(page, 'my tasks with a questionnaire to answer');
    await task.click();
    await page.waitForURL(`${stack.baseUrl}/q/${participantsQuestionnaireId}`, { timeout: TIMEOUT });
    await page.getByRole('heading', { level: 1, name: 'Pulse du classeur' }).waitFor({ timeout: TIMEOUT });
    await page.getByText('Réponse nominative : les porteurs du test verront votre nom').waitFor();
    await expectNoAxeViolations(page, 'answer page (participant)');

    // Sent empty: the required question's error is tied to its controls, and the summary takes the focus.
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).focus();
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'point(s) à corriger' });
    await summary.waitFor({ timeout: TIMEOUT });
    const firstScale = page.getByRole('radio', { name: '1 — Pas du tout' });
    const describedBy = (await firstScale.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error')) ?? '';
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('Répondez à cette question.');
    expect(await firstScale.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'answer page with an error');
    await shot(page, '03-participant-error');

    // Keyboard only: from the summary's link to the scale, arrows pick 4, Tab to the next group.
    await summary.getByRole('link').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: '4', exact: true }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: 'Crèche Nord' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type(freeText);
    await page.keyboard.press('Tab');
    const sent = page.waitForResponse(
      (r) => r.url().endsWith('/my-response') && r.request().method() === 'PUT',
    );
    await page.keyboard.press('Enter');
    expect((await sent).status()).toBe(200);
    await page
      .getByText(/^Merci, votre réponse est enregistrée\. Vous pouvez la modifier/)
      .waitFor({ timeout: TIMEOUT });
    await shot(page, '04-participant-answered');

    // Later, on the same link: the answer is there, and may change until the questionnaire closes.
    await page.reload();
    await page.getByText(/^Votre réponse du .+ est enregistrée\./).waitFor({ timeout: TIMEOUT });
    await page.getByRole('button', { name: 'Modifier ma réponse' }).click();
    expect(await page.getByRole('radio', { name: '4', exact: true }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: '5 — Beaucoup' }).check();
    const changed = page.waitForResponse(
      (r) => r.url().endsWith('/my-response') && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Enregistrer mes nouvelles réponses' }).click();
    expect((await changed).status()).toBe(200);
    await page.getByText(/^Merci, votre réponse est enregistrée/).waitFor({ timeout: TIMEOUT });
    // Answered: no longer to do, listed apart until it closes.
    await page.goto(`${stack.baseUrl}/#/tasks`);
    await page
      .getByRole('region', { name: 'Questionnaires auxquels vous avez répondu' })
      .getByRole('link', { name: 'Pulse du classeur' })
      .waitFor({ timeout: TIMEOUT });
    await context.close();
  });

  it('lets a member of the public answer on a phone, anonymously, once', async () => {
    // Built through the API: the builder's screens were measured above.
    const created = await hr
      .post('/api/questionnaires')
      .send({
        experimentId,
        title: 'Votre avis sur l’accueil',
        audience: 'public',
        questions: [
          {
            kind: 'scale',
            label: 'Êtes-vous satisfait de l’accueil ?',
            minLabel: 'Pas du tout',
            maxLabel: 'Tout à fait',
            required: true,
            criterionId: 'errors',
          },
          { kind: 'yesNo', label: 'Reviendrez-vous ?' },
          {
            kind: 'multipleChoice',
            label: 'Qu’avez-vous apprécié ?',
            options: ['Le délai', 'L’écoute', 'Le lieu'],
          },
          { kind: 'shortText', label: 'Un mot ?' },
        ],
      })
      .expect(201);
    publicQuestionnaireId = created.body.id as string;
    await hr.post(`/api/questionnaires/${publicQuestionnaireId}/publish`).send({}).expect(200);
    const view = await waitFor(
      'the public questionnaire open',
      async () => {
        const response = await hr.get(`/api/questionnaires/${publicQuestionnaireId}`).expect(200);
        return response.body.status === 'open' ? (response.body as { publicUrl: string }) : undefined;
      },
      TIMEOUT,
    );
    expect(view.publicUrl).toMatch(new RegExp(`^${PUBLIC_URL}/q/[2-9a-z]{10}$`));
    publicPath = view.publicUrl.slice(PUBLIC_URL.length);

    const phone = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 375, height: 667 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    const scripts: Buffer[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js'))
        void response
          .body()
          .then((body) => scripts.push(body))
          .catch(() => undefined);
    });
    await page.goto(`${stack.baseUrl}${publicPath}`);
    await page
      .getByRole('heading', { level: 1, name: 'Votre avis sur l’accueil' })
      .waitFor({ timeout: TIMEOUT });
    // The CNIL notice: anonymous, no IP kept, a random token only against double answers.
    await page
      .getByRole('complementary', { name: 'Vos données' })
      .getByText(/ne conservons pas votre adresse IP/)
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    // Nothing wider than the phone's screen.
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page, 'public answer page (phone)');
    await shot(page, '05-public-phone');
    const loaded = scripts.reduce((sum, body) => sum + gzipSync(body).length, 0);
    console.info(`public answer page in Chromium: ${scripts.length} scripts, ${loaded} bytes gzip`);
    expect(loaded).toBeLessThan(PUBLIC_PAGE_JS_BUDGET);

    await page.getByRole('radio', { name: '5 — Tout à fait' }).tap();
    await page.getByRole('radio', { name: 'Oui' }).tap();
    await page.getByRole('checkbox', { name: 'L’écoute' }).tap();
    await page.getByRole('checkbox', { name: 'Le délai' }).tap();
    await page.getByRole('textbox', { name: 'Un mot ?' }).fill('Très bon accueil');
    const sent = page.waitForResponse(
      (r) => r.url().endsWith('/responses') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).tap();
    const response = await sent;
    expect(response.status()).toBe(201);
    // No personal data: the browser's random token and the answers, options in the question's order.
    const body = response.request().postDataJSON() as { token: string; answers: Record<string, unknown> };
    expect(Object.keys(body).sort()).toEqual(['answers', 'token']);
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
    expect(Object.values(body.answers)).toEqual([5, true, ['Le délai', 'L’écoute'], 'Très bon accueil']);
    await page.getByText('Merci, votre réponse est enregistrée.').waitFor({ timeout: TIMEOUT });
    await expectNoAxeViolations(page, 'public answer page, answered');
    // Once per browser.
    await page.reload();
    await page
      .getByText('Vous avez déjà répondu à ce questionnaire depuis ce navigateur. Merci !')
      .waitFor({ timeout: TIMEOUT });

    // An unknown code says so in plain French.
    await page.goto(`${stack.baseUrl}/q/zzzzzzzzzz`);
    await page.getByRole('heading', { name: 'Questionnaire introuvable' }).waitFor({ timeout: TIMEOUT });
    await expectNoAxeViolations(page, 'public answer page, unknown questionnaire');
    await phone.close();
  });

  it('shows HR who has not answered, the results per question and criterion, the export, the QR code and its poster', async () => {
    const page = await signIn(team.emails.hr, `/questionnaires/${participantsQuestionnaireId}/show`);
    const respondents = page.getByTestId('respondents');
    await respondents.getByText('1 participant·es sur 2 ont répondu.').waitFor({ timeout: TIMEOUT });
    // Who has not answered: named; who answered what: never, but for the named question.
    expect(await respondents.getByTestId('not-answered').textContent()).toBe(latecomer.name);
    const results = page.getByTestId('questionnaire-results');
    await results
      .getByTestId('respondent-count')
      .getByText(/^1 réponse · Taux de réponse : 50\s% \(sur 2 participant·es\)\.$/)
      .waitFor({ timeout: TIMEOUT });
    await results.getByTestId('scale-mean').first().getByText('5 / 5').waitFor();
    // Free text stays text.
    await results.getByTestId('free-texts').getByText(freeText, { exact: true }).waitFor();
    await results
      .getByRole('table')
      .filter({ hasText: 'Réponses nominatives' })
      .getByText('Crèche Nord')
      .waitFor();
    await results.getByRole('heading', { name: "Critère : Erreurs d'administration" }).waitFor();
    // Charts have their data table.
    await results.getByText('Voir les données du graphique').first().click();
    await results.getByRole('rowheader', { name: '5 — Beaucoup' }).first().waitFor();
    const csv = await results.getByRole('link', { name: 'Réponses (CSV)' }).getAttribute('href');
    expect(csv).toBe(
      `/api/exports/questionnaire-responses?format=csv&filter=${encodeURIComponent(
        JSON.stringify({ questionnaireId: participantsQuestionnaireId }),
      )}`,
    );
    const download = await page.request.get(`${stack.baseUrl}${csv}`);
    expect(download.status()).toBe(200);
    await shot(page, '06-results');
    await expectNoAxeViolations(page, 'questionnaire results');

    // The public questionnaire: its link, its QR code, the printable poster.
    await page.goto(`${stack.baseUrl}/#/questionnaires/${publicQuestionnaireId}/show`);
    const link = page.getByTestId('public-link');
    await link
      .getByTestId('public-url')
      .getByText(`${PUBLIC_URL}${publicPath}`)
      .waitFor({ timeout: TIMEOUT });
    const qr = link.getByRole('img', { name: /QR code menant au questionnaire/ });
    await waitFor(
      'the QR code drawn',
      async () => (await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)) > 0,
      TIMEOUT,
    );
    await page
      .getByTestId('questionnaire-results')
      .getByTestId('respondent-count')
      .getByText('1 réponse')
      .waitFor({ timeout: TIMEOUT });
    await expectNoAxeViolations(page, 'public questionnaire page');
    await link.getByRole('link', { name: 'Affiche à imprimer' }).click();
    const poster = page.getByTestId('questionnaire-poster');
    await poster.getByRole('heading', { name: 'Donnez votre avis' }).waitFor({ timeout: TIMEOUT });
    await poster.getByText(`${PUBLIC_URL.replace('https://', '')}${publicPath}`).waitFor();
    await expectNoAxeViolations(page, 'questionnaire poster');
    await page.emulateMedia({ media: 'print' });
    await shot(page, '07-poster-print');
    await page.close();
  });

  it('pre-fills the evaluation with the users’ voice, per criterion, and leaves the result to the evaluator', async () => {
    await hr.post(`/api/experiments/${experimentId}/stop`).send({ reason: 'Assez de recul' }).expect(200);
    // The test stopped: its run-window questionnaires close, and the public page says so.
    const closedPage = await browser.newPage({ locale: 'fr-FR' });
    await waitFor(
      'the public questionnaire closed',
      async () => {
        await closedPage.goto(`${stack.baseUrl}${publicPath}`);
        return closedPage
          .getByRole('heading', { name: /^Questionnaire clos/ })
          .isVisible({ timeout: 2_000 })
          .catch(() => false);
      },
      TIMEOUT,
    );
    await expectNoAxeViolations(closedPage, 'public answer page, closed');
    await closedPage.close();

    const page = await signIn(team.emails.pilot, `/experiments/${experimentId}/show`);
    // The test's history names the questionnaires' events in French.
    await page.getByText('Questionnaire publié', { exact: true }).first().waitFor({ timeout: TIMEOUT });
    await page.getByText('Questionnaire ouvert aux réponses', { exact: true }).first().waitFor();
    await page.getByText(/^Invitation à répondre au questionnaire — envoyé à 2 personnes$/).waitFor();
    await page.locator('[data-action="submitEvaluation"]').click({ timeout: TIMEOUT });
    const dialog = page.getByRole('dialog');
    const voice = dialog.locator('[data-criterion-voice="errors"]');
    await voice
      .getByText(/Pulse du classeur — Le classeur vous aide-t-il \? : Moyenne 5 \/ 5/)
      .waitFor({ timeout: TIMEOUT });
    await voice
      .getByText(/Votre avis sur l’accueil — Êtes-vous satisfait de l’accueil \? : Moyenne 5 \/ 5/)
      .waitFor();
    await dialog.getByTestId('users-voice-prefilled').waitFor();
    expect(await dialog.locator('input[name="usersVoice.count"]').inputValue()).toBe('2');
    const sources = await dialog.locator('input[name="usersVoice.sources"]').inputValue();
    expect(sources).toContain('Pulse du classeur');
    expect(sources).toContain('Votre avis sur l’accueil');
    // The evaluator still writes the result per criterion.
    expect(await dialog.locator('textarea[name="criterionResults.0.result"]').inputValue()).toBe('');
    await shot(page, '08-evaluation-prefilled');
    await expectNoAxeViolations(page, 'evaluation form with the users’ voice');
    await dialog.getByLabel('Hypothèse confirmée', { exact: true }).check();
    await dialog
      .locator('textarea[name="criterionResults.0.result"]')
      .fill('Aucune erreur relevée ; 5/5 de satisfaction.');
    await dialog.locator('textarea[name="learnings"]').fill('Un classeur simple suffit.');
    const submitted = page.waitForResponse((r) =>
      r.url().endsWith(`/api/experiments/${experimentId}/evaluation`),
    );
    await dialog.getByRole('button', { name: "Remettre l'évaluation" }).click();
    expect((await submitted).status()).toBe(200);
    const evaluation = await hr.get(`/api/evaluations/${experimentId}`).expect(200);
    expect(evaluation.body.usersVoice).toMatchObject({ count: 2 });
    await page.close();
  });
});
