import type { Browser, Locator, Page, Response } from 'playwright-core';
import {
  insertTeam,
  TEST_PASSWORD,
  type OrganizationStub,
  type Team,
} from '../../../api/test/support/fixtures';
import { startStack, type StackOptions, type TestStack } from '../../../api/test/support/stack';
import { hasEnrolledTotp, nextTotpCode } from '../../../api/test/support/totp';
import { buildBackOffice, launchChromium, skipReason } from './browser';

// The setup every browser spec shares: the stack serving the built back-office, Chromium, an
// organisation with its people, and the login form (second factor included).

/** `describe`, or `describe.skip` when no browser can run here (the reason is said once). */
export const describeInBrowser: typeof describe = skipReason ? describe.skip : describe;
if (skipReason) console.warn(skipReason);

/** The desktop size the screens are designed and measured at. */
export const DESKTOP = { width: 1280, height: 900 } as const;

export interface SignInOptions {
  /** The account's password (default: the fixtures' TEST_PASSWORD). */
  password?: string;
  /** An answer to wait for besides the login's, awaited from before the form is sent. */
  until?: (response: Response) => boolean;
}

export interface BrowserStack {
  stack: TestStack;
  browser: Browser;
  /** The seeded organisation and its people (HR, pilot, sponsor, participant, CODIR). */
  team: Team;
  /** The built back-office, which the API serves. */
  adminDistDir: string;
  /** A new page in French, at the desktop size unless told otherwise. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Opens the back-office at `path` (a hash route), signs in as `email` and returns the page. */
  signIn(email: string, path: string, options?: SignInOptions): Promise<Page>;
  close(): Promise<void>;
}

export interface BrowserStackOptions {
  /** Extra environment of the apps (SMTP_URL, PUBLIC_URL…). */
  env?: StackOptions['env'];
  /** The organisation to seed (default: a new Ville de Nantes). */
  organization?: OrganizationStub;
}

/** Builds the back-office, starts the stack serving it and Chromium, seeds an organisation. */
export async function startBrowserStack(options: BrowserStackOptions = {}): Promise<BrowserStack> {
  const adminDistDir = buildBackOffice();
  const stack = await startStack({ listen: true, adminDistDir, env: options.env });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const team = await insertTeam(stack.db, options.organization);
    const chromium = browser;
    const newPage = (viewport: { width: number; height: number } = DESKTOP) =>
      chromium.newPage({ locale: 'fr-FR', viewport });
    const signIn = async (email: string, path: string, how: SignInOptions = {}): Promise<Page> => {
      const page = await newPage();
      await page.goto(`${stack.baseUrl}/#${path}`);
      await page.locator('input[name="username"]').fill(email);
      await page.locator('input[name="password"]').fill(how.password ?? TEST_PASSWORD);
      const signedIn = page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.status() === 200);
      const awaited = how.until ? page.waitForResponse(how.until) : undefined;
      await page.locator('button[type="submit"]').click();
      await signedIn;
      if (hasEnrolledTotp(email)) {
        // The second step: the code of the authenticator app.
        const verified = page.waitForResponse(
          (r) => r.url().endsWith('/api/auth/login/totp') && r.status() === 200,
        );
        await page.getByRole('textbox', { name: /Code de vérification/ }).fill(nextTotpCode(email));
        await page.getByRole('button', { name: 'Vérifier' }).click();
        await verified;
      }
      await awaited;
      return page;
    };
    return {
      stack,
      browser,
      team,
      adminDistDir,
      newPage,
      signIn,
      async close() {
        await chromium.close();
        await stack.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await stack.close();
    throw error;
  }
}

/** Completes an action's dialog before it is submitted. */
export type ActionFill = (dialog: Locator) => Promise<void>;

/**
 * Opens a lifecycle action's dialog on a test's page, lets `fill` complete it, submits it
 * with the button `label` and returns the API's answer and the dialog.
 */
export async function submitAction(
  page: Page,
  experimentId: string,
  action: string,
  label: string,
  fill: ActionFill,
  timeout: number,
): Promise<{ response: Response; dialog: Locator }> {
  await page.locator(`[data-action="${action}"]`).click({ timeout });
  const dialog = page.getByRole('dialog');
  await fill(dialog);
  const answered = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().includes(`/api/experiments/${experimentId}/`),
  );
  await dialog.getByRole('button', { name: label }).click();
  return { response: await answered, dialog };
}

/** `submitAction`, expecting the API's 200 (its refusal shown otherwise) and the dialog closed. */
export async function submitActionOk(...args: Parameters<typeof submitAction>): Promise<void> {
  const { response, dialog } = await submitAction(...args);
  expect({
    status: response.status(),
    body: response.status() === 200 ? null : await response.json(),
  }).toEqual({ status: 200, body: null });
  await dialog.waitFor({ state: 'detached', timeout: args[5] });
}

/** Picks an option of a select input by its label and the option's name. */
export async function choose(page: Page, label: string | RegExp, option: string, timeout: number) {
  await page.getByRole('combobox', { name: label }).click({ timeout });
  await page.getByRole('option', { name: option, exact: true }).click({ timeout });
}
