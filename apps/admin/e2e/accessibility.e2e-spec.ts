import type { Page } from 'playwright-core';
import { insertAdmin, insertTeam, TEST_PASSWORD, type Team } from '../../api/test/support/fixtures';
import { launchedExperiment, login } from '../../api/test/support/http';
import type { TestStack } from '../../api/test/support/stack';
import { expectNoAxeViolations } from './support/axe';
import { describeInBrowser, startBrowserStack, type BrowserStack } from './support/browser-stack';

const TIMEOUT = 30_000;

/**
 * Every screen of the back-office, in French, measured by axe-core with the WCAG 2.1 A and
 * AA rules: no violation of any impact. The data is set up through the API (a running test
 * with a check-in, an evaluated one whose learnings are shared), then each screen is opened
 * as the person who uses it, its content awaited, and measured.
 */
describeInBrowser('accessibility of every screen, measured by axe-core (WCAG 2.1 A/AA)', () => {
  let ui: BrowserStack;
  let stack: TestStack;
  let nantes: Team;
  let gironde: Team;
  let admin: { id: string; email: string };
  let running = '';
  let evaluated = '';
  let draft = '';
  const stamp = Date.now();

  beforeAll(async () => {
    ui = await startBrowserStack();
    ({ stack, team: nantes } = ui);
    gironde = await insertTeam(stack.db, {
      id: '6a1b2c3d-0000-4000-8000-0000000a11ee',
      slug: `gironde-${stamp}`,
      name: 'Département de la Gironde',
      kind: 'departement',
    });
    admin = await insertAdmin(stack.db, nantes.organization.id);
    // A platform admin must have a second factor: enrolled through the API (the helper does).
    await login(stack.app, admin.email);
    const hr = await login(stack.app, nantes.emails.hr);
    const pilot = await login(stack.app, nantes.emails.pilot);
    const create = async (title: string) => {
      const created = await hr
        .post('/api/experiments')
        .send({ organizationId: nantes.organization.id, title })
        .expect(201);
      return created.body.id as string;
    };
    const launched = (title: string) => launchedExperiment(stack.app, hr, nantes, title, 30);
    draft = await create(`Brouillon accessible ${stamp}`);
    running = await launched(`Classeur médical partagé ${stamp}`);
    await pilot
      .post(`/api/experiments/${running}/check-ins`)
      .send({ weather: 'sunny', progress: 'Les équipes s’approprient le classeur.' })
      .expect(200);
    evaluated = await launched(`Entraide entre crèches ${stamp}`);
    await hr.post(`/api/experiments/${evaluated}/stop`).send({ reason: 'Objectifs atteints' }).expect(200);
    await hr
      .post(`/api/experiments/${evaluated}/evaluation`)
      .send({
        verdict: 'confirmed',
        criterionResults: [{ criterionId: 'errors', result: 'Zéro erreur', met: true }],
        usersVoice: { sources: ['entretiens'], count: 6 },
        learnings: 'Un outil simple, conçu avec les agent·es.',
      })
      .expect(200);
    const evaluations = await hr
      .get(`/api/evaluations?filter=${encodeURIComponent(JSON.stringify({ experimentId: evaluated }))}`)
      .expect(200);
    await hr.put(`/api/evaluations/${evaluations.body[0].id}/sharing`).send({ shared: true }).expect(200);
  });

  afterAll(() => ui?.close());

  const signIn = (email: string, path: string) => ui.signIn(email, path);

  /** Signs in, opens `path`, waits for `ready` and measures the screen. */
  async function measure(
    screen: string,
    email: string,
    path: string,
    ready: (page: Page) => Promise<unknown>,
  ) {
    const page = await signIn(email, path);
    try {
      await ready(page);
      // Loaded: no spinner left (lazy charts, lists), then fonts and transitions settle
      // (MUI's ripples, fades) before colours are measured.
      await page.locator('[role="progressbar"]').first().waitFor({ state: 'detached', timeout: TIMEOUT });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      await expectNoAxeViolations(page, screen);
    } finally {
      await page.close();
    }
  }

  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name }).waitFor({ timeout: TIMEOUT });

  it('login', async () => {
    const page = await ui.newPage();
    try {
      await page.goto(`${stack.baseUrl}/#/experiments`);
      await page.locator('input[name="username"]').waitFor({ timeout: TIMEOUT });
      await expectNoAxeViolations(page, 'login');
    } finally {
      await page.close();
    }
  });

  it('login: the second factor step', async () => {
    const page = await ui.newPage();
    try {
      await page.goto(`${stack.baseUrl}/#/experiments`);
      await page.locator('input[name="username"]').fill(admin.email);
      await page.locator('input[name="password"]').fill(TEST_PASSWORD);
      await page.locator('button[type="submit"]').click();
      await page.getByRole('textbox', { name: /Code de vérification/ }).waitFor({ timeout: TIMEOUT });
      await expectNoAxeViolations(page, 'login: second factor');
    } finally {
      await page.close();
    }
  });

  it('experiments list', async () => {
    await measure('experiments list', nantes.emails.hr, '/experiments', (page) =>
      page.locator('.RaDataTable-row').first().waitFor({ timeout: TIMEOUT }),
    );
  });

  it('experiment page (running, with a check-in)', async () => {
    await measure('experiment page (running)', nantes.emails.hr, `/experiments/${running}/show`, (page) =>
      page.locator('[data-testid="test-tape"]').waitFor({ timeout: TIMEOUT }),
    );
  });

  it('experiment page (evaluated)', async () => {
    await measure('experiment page (evaluated)', nantes.emails.hr, `/experiments/${evaluated}/show`, (page) =>
      page.locator('[data-testid="hypothesis"]').waitFor({ timeout: TIMEOUT }),
    );
  });

  it('experiment creation', async () => {
    await measure('experiment creation', nantes.emails.hr, '/experiments/create', (page) =>
      page.locator('input[name="title"]').waitFor({ timeout: TIMEOUT }),
    );
  });

  it('experiment framing (draft edit)', async () => {
    await measure('experiment framing', nantes.emails.hr, `/experiments/${draft}`, (page) =>
      page.locator('input[name="expiresOn"]').waitFor({ timeout: TIMEOUT }),
    );
  });

  it('dashboard', async () => {
    await measure('dashboard', nantes.emails.codir, '/dashboard', async (page) => {
      await page.locator('[data-testid="dashboard-recent"]').waitFor({ timeout: TIMEOUT });
      // The charts (loaded lazily) with their data tables.
      await page.locator('details summary').first().waitFor({ timeout: TIMEOUT });
    });
  });

  it('my tasks', async () => {
    await measure('my tasks', nantes.emails.pilot, '/tasks', (page) => heading(page, 'Mes tâches'));
  });

  it('notifications', async () => {
    await measure('notifications', nantes.emails.pilot, '/notifications', (page) =>
      page.locator('tbody tr').first().waitFor({ timeout: TIMEOUT }),
    );
  });

  it('shared learnings', async () => {
    await measure('shared learnings', gironde.emails.hr, '/shared-learnings', (page) =>
      page.locator('[data-testid="shared-learnings-text"]').first().waitFor({ timeout: TIMEOUT }),
    );
  });

  it.each([
    ['users', '/users'],
    ['tracks', '/tracks'],
    ['organisations', '/organizations'],
    ['emails', '/emails'],
  ])('administration: %s', async (screen, path) => {
    await measure(`administration: ${screen}`, admin.email, path, (page) =>
      page.locator('main').first().waitFor({ timeout: TIMEOUT }),
    );
  });

  it('administration: organisation settings', async () => {
    await measure(
      'administration: organisation settings',
      admin.email,
      `/organizations/${nantes.organization.id}`,
      (page) => page.getByLabel(/Durée maximale d'un test/).waitFor({ timeout: TIMEOUT }),
    );
  });
});
