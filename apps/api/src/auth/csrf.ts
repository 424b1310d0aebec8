/**
 * Cross-site request forgery defence for cookie-authenticated calls (bearer tokens are not
 * sent by browsers on their own, so they need none). SameSite=Lax alone lets a bodiless
 * cross-site POST through in some browsers and from sibling sites; an unsafe request
 * carrying the session cookie must therefore:
 *  1. be one a page of another origin cannot send without a CORS preflight: a JSON body
 *     (`Content-Type: application/json`) or the custom header `X-Capacites-Csrf` (or
 *     `X-Requested-With`), and
 *  2. come from a trusted origin: `Origin` among the configured ones, or `Sec-Fetch-Site`
 *     `same-origin` or `none` (the back-office served by the API itself; typed by the user).
 *     Without `Sec-Fetch-Site` (older browsers), an `Origin` must be a configured one.
 * A client that sends neither header (curl, scripts) passes the second check: it is not a
 * browser acting for someone else, and the first check still applies.
 */
export const CSRF_HEADER = 'X-Capacites-Csrf';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TRUSTED_FETCH_SITES = new Set(['same-origin', 'none']);

export type CsrfRefusal = 'not_json_nor_custom_header' | 'untrusted_origin' | 'cross_site_fetch';

interface RequestHeaders {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

const header = (request: RequestHeaders, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

/** `https://host:port` of a configured URL, as browsers write it in `Origin`. */
export function originOf(url: string): string {
  return new URL(url).origin;
}

/** Temporal's codec endpoint, which Temporal's Web UI calls from its own origin. */
export const TEMPORAL_CODEC_PATH = '/api/temporal-codec/';

export function isUnsafeMethod(method: string): boolean {
  return UNSAFE_METHODS.has(method.toUpperCase());
}

/** Why a cookie-authenticated request is refused, or null when it may go on. */
export function csrfRefusal(
  request: RequestHeaders,
  trustedOrigins: ReadonlySet<string>,
): CsrfRefusal | null {
  if (!isUnsafeMethod(request.method)) return null;
  const mediaType = header(request, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  const customHeader = header(request, CSRF_HEADER) ?? header(request, 'X-Requested-With');
  if (mediaType !== 'application/json' && !customHeader) return 'not_json_nor_custom_header';
  const origin = header(request, 'origin');
  // An opaque origin (sandboxed frame, data: URL) is never one of ours.
  if (origin === 'null') return 'untrusted_origin';
  if (origin !== undefined && trustedOrigins.has(origin)) return null;
  // The browser's own word, which no page can forge: the back-office served by the API
  // itself is same-origin whatever ADMIN_ORIGIN says.
  const site = header(request, 'sec-fetch-site');
  if (site !== undefined) return TRUSTED_FETCH_SITES.has(site.toLowerCase()) ? null : 'cross_site_fetch';
  if (origin !== undefined) return 'untrusted_origin';
  return null;
}
