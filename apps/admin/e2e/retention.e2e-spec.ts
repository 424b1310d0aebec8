import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { screenshotsDir } from './support/browser';
import { describeInBrowser, startBrowserStack, type BrowserStack } from './support/browser-stack';

const TIMEOUT = 30_000;

/**
 * Issue 17, item 3, through the back-office: HR opens "Conservation des données" and reads the
 * dry run of the next pass, with its counts, for a test abandoned three years ago.
 */
describeInBrowser('"Conservation des données" in a real browser', () => {
  let browserStack: BrowserStack;
  let page: Page;

  beforeAll(async () => {
    browserStack = await startBrowserStack();
    const { stack, team } = browserStack;
    // A test abandoned long ago, as an import or an old lifecycle leaves it: one check-in.
    const id = randomUUID();
    await stack.db.query(
      `INSERT INTO experiments (id, organization_id, title, state, pilot_ids, sponsor_id, workflow_id, created_by)
       VALUES ($1, $2, 'Bourse aux idées des agent·es', 'abandoned', ARRAY[$3::uuid], $4, $5, $6)`,
      [id, team.organization.id, team.pilot, team.sponsor, `experiment-${id}`, team.hr],
    );
    await stack.db.query(
      `INSERT INTO check_ins (idempotency_key, organization_id, experiment_id, author_id, weather, progress, blockers, recorded_at)
       VALUES ($1, $2, $3, $4, 'cloudy', 'Peu d’idées cette semaine', '', now() - interval '3 years')`,
      [`e2e:${id}`, team.organization.id, id, team.pilot],
    );
    await stack.db.query(
      `INSERT INTO decisions (experiment_id, organization_id, outcome, rationale, on_time, decided_by, decided_at)
       VALUES ($1, $2, 'abandon', 'Hypothèse réfutée', true, $3, now() - interval '3 years')`,
      [id, team.organization.id, team.sponsor],
    );
    page = await browserStack.signIn(team.emails.hr, '/retention');
  });

  afterAll(async () => {
    await browserStack?.close();
  });

  it('shows HR the dry run of the next pass with its counts, writing nothing', async () => {
    await page
      .getByRole('heading', { level: 1, name: 'Conservation des données' })
      .waitFor({ timeout: TIMEOUT });
    await page.getByRole('menuitem', { name: 'Conservation des données' }).waitFor({ timeout: TIMEOUT });
    await page.getByText('Durée par défaut : 730 jours', { exact: false }).waitFor({ timeout: TIMEOUT });
    const summary = page.getByTestId('retention-due-summary');
    await summary.waitFor({ timeout: TIMEOUT });
    expect(await summary.innerText()).toBe(
      '1 test a dépassé sa durée de conservation : 3 personnes, 1 point d’étape, 1 motivation de décision',
    );
    await page.getByRole('link', { name: 'Bourse aux idées des agent·es' }).waitFor();
    await expectNoAxeViolations(page, 'retention: dry run');
    await page.screenshot({ path: join(screenshotsDir, 'retention-dry-run.png'), fullPage: true });
    const [checkIn] = await browserStack.stack.db.query(
      `SELECT progress FROM check_ins WHERE organization_id = $1`,
      [browserStack.team.organization.id],
    );
    expect(checkIn.progress).toBe('Peu d’idées cette semaine');
  });
});
