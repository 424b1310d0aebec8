import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { IMPORT_COLUMNS, localDate, type ImportColumnKey } from '@capacites/domain';
import { ExperimentEntity } from '@capacites/persistence';
import type { Team } from '../../api/test/support/fixtures';
import type { TestStack } from '../../api/test/support/stack';
import { accessibilityProblems } from './support/a11y';
import { expectNoAxeViolations } from './support/axe';
import { screenshotsDir } from './support/browser';
import { describeInBrowser, startBrowserStack, type BrowserStack } from './support/browser-stack';

const TIMEOUT = 30_000;
const DAY = 86_400_000;
const day = (offset: number) => {
  const iso = localDate(new Date(Date.now() + offset * DAY), 'Europe/Paris');
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
};

/** A CSV as HR exports it from its own spreadsheet (";", UTF-8 with BOM). */
function csv(rows: Partial<Record<ImportColumnKey, string>>[]): Buffer {
  const lines = [
    IMPORT_COLUMNS.map((c) => c.header),
    ...rows.map((r) => IMPORT_COLUMNS.map((c) => r[c.key] ?? '')),
  ];
  return Buffer.from('\uFEFF' + lines.map((l) => l.join(';')).join('\r\n'), 'utf8');
}

/**
 * Issue 16, item 3, through the back-office: HR sends a file with a bad cell, reads the dry
 * run's report (the cell named by row and column, in French), sends the corrected file and
 * imports it; the progress ends with the tests in the list.
 */
describeInBrowser('import of existing tests from a spreadsheet, in a real browser', () => {
  let ui: BrowserStack;
  let stack: TestStack;
  let team: Team;
  let page: Page;

  const rows = (sponsor: string) => [
    {
      reference: 'E2E-1',
      title: 'Missions temporaires d’appui',
      state: 'en cours',
      hypothesis: 'Des missions courtes décloisonnent les compétences.',
      scope: 'DRH',
      criteria: 'Missions réalisées : 10',
      pilots: team.emails.pilot,
      sponsor,
      launchedOn: day(-30),
      expiresOn: day(60),
    },
    {
      reference: 'E2E-2',
      title: 'Bourse aux idées des agent·es',
      state: 'abandonné',
      hypothesis: 'Un temps dédié aux idées fait émerger des projets.',
      scope: 'Toutes directions',
      criteria: 'Idées testées : 5',
      pilots: team.emails.pilot,
      sponsor: team.emails.sponsor,
      launchedOn: day(-400),
      expiresOn: day(-300),
      stoppedOn: day(-300),
      verdict: 'réfutée',
      evaluatedOn: day(-290),
      usersVoiceCount: '8',
      learnings: 'Les idées ont besoin d’un temps protégé.',
      decidedOn: day(-280),
      rationale: 'Hypothèse réfutée.',
    },
  ];

  beforeAll(async () => {
    ui = await startBrowserStack();
    ({ stack, team } = ui);
    page = await ui.signIn(team.emails.hr, '/imports');
  });

  afterAll(() => ui?.close());

  it('shows the dry run with the bad cell by row and column, then imports the corrected file with its progress', async () => {
    await page
      .getByRole('heading', { level: 1, name: 'Importer des tests depuis un tableur' })
      .waitFor({ timeout: TIMEOUT });
    await page.getByRole('menuitem', { name: 'Importer des tests' }).waitFor({ timeout: TIMEOUT });
    expect(await page.getByRole('link', { name: 'modèle Excel (XLSX)' }).getAttribute('href')).toBe(
      '/api/imports/model?format=xlsx',
    );

    // A file with a sponsor who is not a member: the dry run names the cell, nothing is written.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'suivi-des-tests.csv',
      mimeType: 'text/csv',
      buffer: csv(rows('inconnu@ailleurs.fr')),
    });
    await page.getByRole('button', { name: 'Vérifier le fichier (essai à blanc)' }).click();
    const table = page.getByRole('table', { name: 'Cellules à corriger, par ligne et colonne du fichier' });
    await table.waitFor({ timeout: TIMEOUT });
    const cells = await table.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(cells).toEqual([
      '2',
      'Portage institutionnel (courriel)',
      "inconnu@ailleurs.fr n'est pas membre de l'organisation.",
    ]);
    await page.getByText('Une cellule est à corriger').waitFor();
    expect(await page.getByRole('button', { name: /Importer les? .*tests?/ }).count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await expectNoAxeViolations(page, 'import: dry run with errors');
    await page.screenshot({ path: join(screenshotsDir, 'import-dry-run-errors.png'), fullPage: true });
    expect(
      await stack.db.getRepository(ExperimentEntity).countBy({ organizationId: team.organization.id }),
    ).toBe(0);

    // The corrected file: two tests to create, then the run and its progress.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'suivi-des-tests.csv',
      mimeType: 'text/csv',
      buffer: csv(rows(team.emails.sponsor)),
    });
    await page.getByRole('button', { name: 'Vérifier le fichier (essai à blanc)' }).click();
    await page.getByText('2 tests à créer').waitFor({ timeout: TIMEOUT });
    await page.getByRole('button', { name: 'Importer les 2 tests' }).click();
    await page.getByText('Import terminé : 2 tests créés, 0 déjà présents.').waitFor({ timeout: 120_000 });
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await expectNoAxeViolations(page, 'import: completed');
    await page.screenshot({ path: join(screenshotsDir, 'import-completed.png'), fullPage: true });

    await page.getByRole('link', { name: 'Voir les tests' }).click();
    await page.getByText('Missions temporaires d’appui').first().waitFor({ timeout: TIMEOUT });
    await page.getByText('Bourse aux idées des agent·es').first().waitFor({ timeout: TIMEOUT });
    const created = await stack.db
      .getRepository(ExperimentEntity)
      .findBy({ organizationId: team.organization.id });
    expect(created.map((e) => e.state).sort()).toEqual(['abandoned', 'running']);
  });
});
