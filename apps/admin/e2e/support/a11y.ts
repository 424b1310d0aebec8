import type { Page } from 'playwright-core';
import type { PageDocument, PageElement, PageStyle } from './page-globals';

declare const document: PageDocument;
declare function getComputedStyle(element: PageElement): PageStyle;

/**
 * A cheap automated accessibility check of the current screen (RGAA 11.1, 11.9, 8.3;
 * axe-core is not a dependency): every visible control (button, link, menu item,
 * checkbox…) has an accessible name, every form field has a label, and the document's
 * language is the expected one. Answers the problems found, empty when there is none.
 */
export function accessibilityProblems(page: Page, lang = 'fr'): Promise<string[]> {
  return page.evaluate((expectedLang) => {
    const problems: string[] = [];
    const hidden = (el: PageElement) => {
      if (el.closest('[aria-hidden="true"], [hidden]')) return true;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return (
        (rect.width === 0 && rect.height === 0) || style.visibility === 'hidden' || style.display === 'none'
      );
    };
    const textOf = (ids: string) =>
      ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    // Enough of the accessible name computation for our controls: ARIA, then labels
    // (switches and checkboxes inside a <label>), content and title.
    const labelsText = (el: PageElement) =>
      Array.from(el.labels ?? [])
        .map((label) => label.textContent ?? '')
        .join(' ');
    const nameOf = (el: PageElement) =>
      (
        el.getAttribute('aria-label') ||
        textOf(el.getAttribute('aria-labelledby') ?? '') ||
        labelsText(el) ||
        el.textContent ||
        el.getAttribute('title') ||
        ''
      ).trim();
    const describe = (el: PageElement) => el.outerHTML.replace(/\s+/g, ' ').slice(0, 200);

    const controls = document.querySelectorAll(
      'button, a[href], [role="button"], [role="link"], [role="menuitem"], [role="tab"], [role="option"], [role="switch"]',
    );
    for (const el of controls) {
      if (!hidden(el) && !nameOf(el)) problems.push(`control without an accessible name: ${describe(el)}`);
    }
    for (const el of document.querySelectorAll('input, textarea, select')) {
      const input = el;
      if (input.type === 'hidden' || el.closest('[aria-hidden="true"]')) continue;
      const labelled =
        Boolean(labelsText(input).trim()) ||
        Boolean(input.getAttribute('aria-label')) ||
        Boolean(textOf(input.getAttribute('aria-labelledby') ?? '').trim()) ||
        Boolean(input.getAttribute('title'));
      if (!labelled) problems.push(`field without a label: ${describe(el)}`);
    }
    if (document.documentElement.lang !== expectedLang)
      problems.push(`<html lang="${document.documentElement.lang}">, expected "${expectedLang}"`);
    return problems;
  }, lang);
}
