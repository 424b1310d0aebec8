import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** The rules measured: WCAG 2.0 and 2.1, levels A and AA (what RGAA 4 builds on). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's violations on the page as it is now, every impact. */
export async function axeViolations(page: Page): Promise<Result[]> {
  // Legacy mode: axe runs in the page itself, so that a page of browser.newPage() will do
  // (the default mode opens a second page in the context, which such pages cannot). The
  // back-office has no iframes, which is all legacy mode gives up.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  return results.violations;
}

/** One line per violation and per element: rule, impact, what axe says, where. */
export function describeViolations(violations: Result[]): string {
  return violations
    .map(
      (violation) =>
        `- ${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help} [${violation.helpUrl}]\n` +
        violation.nodes
          .map(
            (node) =>
              `    ${node.target.join(' ')}\n      ${node.html.replace(/\s+/g, ' ').slice(0, 240)}\n      ${(
                node.failureSummary ?? ''
              )
                .replace(/\s+/g, ' ')
                .slice(0, 400)}`,
          )
          .join('\n'),
    )
    .join('\n');
}

/**
 * Fails with the list of violations when axe-core (WCAG 2.1 A/AA rules) finds any on the
 * current screen. Wait for the screen's content first: axe measures what is rendered.
 */
export async function expectNoAxeViolations(page: Page, screenName: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    const count = violations.reduce((sum, violation) => sum + violation.nodes.length, 0);
    throw new Error(
      `axe-core found ${violations.length} violated rule(s), ${count} element(s), on "${screenName}":\n` +
        describeViolations(violations),
    );
  }
}
