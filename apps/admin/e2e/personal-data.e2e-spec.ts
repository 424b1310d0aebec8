import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { PersonalDataExport } from '@capacites/domain';
import { insertTeam, TEST_PASSWORD, type Team } from '../../api/test/support/fixtures';
import { startStack, type TestStack } from '../../api/test/support/stack';
import { expectNoAxeViolations } from './support/axe';
import { buildBackOffice, launchChromium, skipReason } from './support/browser';

const describeInBrowser = skipReason ? describe.skip : describe;
if (skipReason) console.warn(skipReason);

const TIMEOUT = 30_000;

/**
 * The right of access in the browser (issue 17, item 2): an agent downloads everything held
 * about them from "Mon compte", and HR answers a request received by mail; both screens in
 * French, measured by axe-core.
 */
describeInBrowser('Personal data export in the browser', () => {
  let stack: TestStack;
  let browser: Browser;
  let team: Team;

  beforeAll(async () => {
    const adminDistDir = buildBackOffice();
    stack = await startStack({ listen: true, adminDistDir });
    browser = await launchChromium();
    team = await insertTeam(stack.db);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signIn(email: string, path: string): Promise<Page> {
    const page = await browser.newPage({
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    await page.goto(`${stack.baseUrl}/#${path}`);
    await page.locator('input[name="username"]').fill(email);
    await page.locator('input[name="password"]').fill(TEST_PASSWORD);
    const signedIn = page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.status() === 200);
    await page.locator('button[type="submit"]').click();
    await signedIn;
    return page;
  }

  it('an agent downloads their data from "Mon compte": a JSON file arrives that names them', async () => {
    const page = await signIn(team.emails.participant, '/profile');
    try {
      const link = page.getByRole('link', {
        name: 'Télécharger au format JSON (complet, lisible par une machine)',
      });
      await link.waitFor({ timeout: TIMEOUT });
      await expectNoAxeViolations(page, 'profile with personal data');
      const arriving = page.waitForEvent('download', { timeout: TIMEOUT });
      await link.click();
      const download = await arriving;
      expect(download.suggestedFilename()).toMatch(
        /^capacites-donnees-personnelles-\d{4}-\d{2}-\d{2}\.json$/,
      );
      const file = await download.path();
      const json = JSON.parse(await readFile(file, 'utf8')) as PersonalDataExport;
      expect(json.subject).toEqual({
        id: team.participant,
        email: team.emails.participant,
        displayName: 'participant',
      });
      expect(json.sections.memberships).toEqual([expect.objectContaining({ role: 'member' })]);
      const audited = await stack.db.query(
        `SELECT actor_id FROM audit_events WHERE event = 'personalData.exported' AND details->>'subjectId' = $1`,
        [team.participant],
      );
      expect(audited).toEqual([{ actor_id: team.participant }]);
      // Not HR: no way offered to export someone else's data.
      expect(await page.getByRole('link', { name: /demande d’accès reçue par courrier/ }).count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('HR answers a request received by mail: picks the person, downloads the PDF', async () => {
    const page = await signIn(team.emails.hr, '/profile');
    try {
      await page.getByRole('link', { name: 'Répondre à une demande d’accès reçue par courrier' }).click();
      const person = page.getByRole('combobox', { name: 'Personne concernée' });
      await person.waitFor({ timeout: TIMEOUT });
      await person.fill('pilot');
      await page.getByRole('option', { name: new RegExp(team.emails.pilot) }).click();
      const pdf = page.getByRole('link', { name: 'Télécharger au format PDF (lisible, avec sommaire)' });
      await pdf.waitFor({ timeout: TIMEOUT });
      await expectNoAxeViolations(page, 'personal data request');
      const arriving = page.waitForEvent('download', { timeout: TIMEOUT });
      await pdf.click();
      const download = await arriving;
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      expect((await readFile(await download.path())).subarray(0, 5).toString()).toBe('%PDF-');
      const audited = await stack.db.query(
        `SELECT actor_id, details->>'format' AS format FROM audit_events
          WHERE event = 'personalData.exported' AND details->>'subjectId' = $1`,
        [team.pilot],
      );
      expect(audited).toEqual([{ actor_id: team.hr, format: 'pdf' }]);
    } finally {
      await page.close();
    }
  });
});
