/**
 * The little of the DOM that the browser tests read inside `page.evaluate`. The server's
 * tsconfig (which checks these tests) has no DOM library, on purpose: each test file
 * declares the globals it uses with these types, locally, so nothing leaks to the API.
 */
export interface PageElement {
  readonly outerHTML: string;
  readonly textContent: string | null;
  readonly labels?: ArrayLike<{ readonly textContent: string | null }> | null;
  readonly type?: string;
  closest(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number };
}

export interface PageDocument {
  readonly activeElement: PageElement | null;
  readonly documentElement: { lang: string };
  getElementById(id: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}

export interface PageStyle {
  readonly display: string;
  readonly visibility: string;
  readonly outlineStyle: string;
  readonly outlineWidth: string;
}
