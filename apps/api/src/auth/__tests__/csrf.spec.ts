import { csrfRefusal } from '../csrf';

const trusted = new Set(['https://capacites.example.fr']);
const check = (method: string, headers: Record<string, string>) => csrfRefusal({ method, headers }, trusted);

describe('csrfRefusal', () => {
  it('never refuses safe methods', () => {
    expect(check('GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).toBeNull();
    expect(check('HEAD', {})).toBeNull();
  });

  it('refuses what an HTML form or a no-cors fetch can send: no JSON, no custom header', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(check(method, { origin: 'https://capacites.example.fr' })).toBe('not_json_nor_custom_header');
    }
    expect(check('POST', { 'content-type': 'text/plain' })).toBe('not_json_nor_custom_header');
    expect(check('POST', { 'content-type': 'application/x-www-form-urlencoded' })).toBe(
      'not_json_nor_custom_header',
    );
  });

  it('refuses an Origin that is not configured, whatever the other headers say', () => {
    expect(check('POST', { 'content-type': 'application/json', origin: 'https://evil.example' })).toBe(
      'untrusted_origin',
    );
    expect(check('POST', { 'x-capacites-csrf': '1', origin: 'null', 'sec-fetch-site': 'same-origin' })).toBe(
      'untrusted_origin',
    );
  });

  it('trusts the browser saying same-origin (the back-office served by the API itself)', () => {
    expect(
      check('POST', {
        'x-capacites-csrf': '1',
        origin: 'http://127.0.0.1:3000',
        'sec-fetch-site': 'same-origin',
      }),
    ).toBeNull();
    expect(
      check('POST', {
        'x-capacites-csrf': '1',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      }),
    ).toBe('cross_site_fetch');
  });

  it('without Origin, accepts only Sec-Fetch-Site same-origin or none', () => {
    expect(check('POST', { 'x-capacites-csrf': '1', 'sec-fetch-site': 'cross-site' })).toBe(
      'cross_site_fetch',
    );
    expect(check('POST', { 'x-capacites-csrf': '1', 'sec-fetch-site': 'same-site' })).toBe(
      'cross_site_fetch',
    );
    expect(check('POST', { 'x-capacites-csrf': '1', 'sec-fetch-site': 'same-origin' })).toBeNull();
    expect(check('DELETE', { 'x-requested-with': 'XMLHttpRequest', 'sec-fetch-site': 'none' })).toBeNull();
  });

  it('accepts JSON or the custom header from the configured origin, and non-browser clients', () => {
    expect(
      check('POST', {
        'content-type': 'application/json; charset=utf-8',
        origin: 'https://capacites.example.fr',
      }),
    ).toBeNull();
    expect(check('DELETE', { 'x-capacites-csrf': '1', origin: 'https://capacites.example.fr' })).toBeNull();
    expect(check('PUT', { 'content-type': 'application/json' })).toBeNull();
  });
});
