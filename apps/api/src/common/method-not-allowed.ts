import { HttpException, HttpStatus } from '@nestjs/common';
import type { OpenAPIObject, PathItemObject } from '@nestjs/swagger';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'trace'] as const;

interface DocumentedPath {
  pattern: RegExp;
  methods: string[];
  /** A path without parameters (`/api/notifications/read-all`). */
  literal: boolean;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/api/experiments/{id}` → a regular expression matching its concrete paths. */
function patternOf(template: string): RegExp {
  const segments = template
    .split('/')
    .map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : escape(segment)));
  return new RegExp(`^${segments.join('/')}/?$`);
}

/** The methods each documented path answers, from the OpenAPI document (made from the routes). */
export function documentedPaths(document: OpenAPIObject): DocumentedPath[] {
  return Object.entries(document.paths).map(([template, item]: [string, PathItemObject]) => ({
    pattern: patternOf(template),
    literal: !template.includes('{'),
    methods: METHODS.filter((method) => item[method] !== undefined).map((method) => method.toUpperCase()),
  }));
}

/**
 * A method a known path does not answer gets 405 with the `Allow` header (RFC 9110), not
 * the 404 of an unknown path: the caller learns the path exists and what it accepts.
 * OPTIONS is left to CORS; HEAD goes with GET (Express answers it).
 */
export function methodNotAllowed(document: OpenAPIObject) {
  const paths = documentedPaths(document);
  return (
    request: { method: string; path: string },
    response: { setHeader(name: string, value: string): void },
    next: (error?: unknown) => void,
  ) => {
    if (request.method === 'OPTIONS') return next();
    const all = paths.filter((path) => path.pattern.test(request.path));
    if (all.length === 0) return next();
    // A path written out in full is that path, not an instance of a template beside it:
    // PUT /api/notifications/read-all is refused there, not taken for PUT …/{id}.
    const literal = all.filter((path) => path.literal);
    const matching = literal.length > 0 ? literal : all;
    const allowed = new Set(matching.flatMap((path) => path.methods));
    if (allowed.has('GET')) allowed.add('HEAD');
    if (allowed.has(request.method)) return next();
    const allow = [...allowed].join(', ');
    response.setHeader('Allow', allow);
    return next(
      new HttpException(
        `${request.method} is not allowed on ${request.path}; allowed: ${allow}`,
        HttpStatus.METHOD_NOT_ALLOWED,
      ),
    );
  };
}
