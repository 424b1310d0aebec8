// A minimal browser for redirect-based flows (OpenID Connect): one cookie jar, redirects
// followed by hand so that each hop can be looked at, HTML forms submitted as they are.

export interface Page {
  url: URL;
  status: number;
  /** The Location header, resolved, for redirects. */
  location: URL | null;
  body: string;
  setCookies: string[];
}

interface StoredCookie {
  value: string;
  path: string;
}

export class Browser {
  /** Cookies by origin, then name. */
  private readonly jar = new Map<string, Map<string, StoredCookie>>();

  /**
   * @param hosts public origins mapped to where they really are (what a reverse proxy
   *   does), e.g. the API's registered callback origin to the test server's port.
   */
  constructor(private readonly hosts: Record<string, string> = {}) {}

  async get(url: string | URL): Promise<Page> {
    return this.request(url, { method: 'GET' });
  }

  async post(
    url: string | URL,
    form?: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Page> {
    return this.request(url, {
      method: 'POST',
      ...(form
        ? {
            body: new URLSearchParams(form).toString(),
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          }
        : { headers }),
    });
  }

  /** Submits the first form of the page with its hidden fields plus `fields`. */
  async submit(page: Page, fields: Record<string, string> = {}, formId?: string): Promise<Page> {
    const forms = [...page.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)];
    const form = forms.find((match) => !formId || match[1].includes(`id="${formId}"`));
    if (!form) throw new Error(`no form on ${page.url.href}: ${page.body.slice(0, 300)}`);
    const action = /action="([^"]*)"/.exec(form[1])?.[1] ?? page.url.href;
    const hidden = Object.fromEntries(
      [...form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\s*\/?>/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    return this.post(new URL(decodeHtml(action), page.url), { ...hidden, ...fields });
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(this.real(new URL(origin)).origin)?.get(name)?.value;
  }

  setCookie(origin: string, name: string, value: string, path = '/'): void {
    const real = this.real(new URL(origin)).origin;
    if (!this.jar.has(real)) this.jar.set(real, new Map());
    this.jar.get(real)?.set(name, { value, path });
  }

  private real(url: URL): URL {
    const target = this.hosts[url.origin];
    return target ? new URL(`${url.pathname}${url.search}`, target) : url;
  }

  private async request(url: string | URL, init: RequestInit): Promise<Page> {
    const target = this.real(new URL(url));
    const cookies = [...(this.jar.get(target.origin)?.entries() ?? [])]
      .filter(([, cookie]) => target.pathname.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
    const response = await fetch(target, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookies ? { cookie: cookies } : {}) },
    });
    const setCookies = response.headers.getSetCookie();
    for (const header of setCookies) this.store(target.origin, header);
    const location = response.headers.get('location');
    return {
      url: new URL(url),
      status: response.status,
      location: location ? new URL(location, url) : null,
      body: await response.text(),
      setCookies,
    };
  }

  private store(origin: string, header: string): void {
    const [pair, ...attributes] = header.split(';').map((part) => part.trim());
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    const attribute = (key: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const expires = attribute('expires');
    const maxAge = attribute('max-age');
    const removed =
      value === '' ||
      (maxAge !== undefined && Number(maxAge) <= 0) ||
      (expires !== undefined && new Date(expires).getTime() <= Date.now());
    if (!this.jar.has(origin)) this.jar.set(origin, new Map());
    const cookies = this.jar.get(origin) as Map<string, StoredCookie>;
    if (removed) cookies.delete(name);
    else cookies.set(name, { value, path: attribute('path') ?? '/' });
  }
}

function decodeHtml(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&#x2F;/g, '/')
    .replace(/&#x3D;/g, '=');
}
