import type { FieldError } from '@capacites/domain';

/** What kind of failure an exception is; the filter maps each to an HTTP status. */
export type ErrorKind =
  'invalid' | 'not_found' | 'conflict' | 'unavailable' | 'forbidden' | 'unauthenticated' | 'rate_limited';

/**
 * Base of the per-context exceptions. Services throw these, never HTTP errors; the
 * global filter turns them into one consistent error shape.
 */
export abstract class AppException extends Error {
  abstract readonly kind: ErrorKind;
  abstract readonly code: string;
  readonly fields?: FieldError[];
  /** Sent as Retry-After (rate limits). */
  readonly retryAfterSeconds?: number;

  protected constructor(message: string, fields?: FieldError[]) {
    super(message);
    this.fields = fields;
  }
}

export class ValidationException extends AppException {
  readonly kind = 'invalid';
  readonly code = 'VALIDATION_FAILED';

  constructor(fields: FieldError[]) {
    super(`Invalid input: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, fields);
  }
}

/** The plain resources' failures (tracks, users, testimonies…): kind, code and a clear message. */
export class ResourceException extends AppException {
  private constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** Also what another organisation's record answers: nothing is learnt of it. */
  static notFound(what: string): ResourceException {
    return new ResourceException('not_found', 'NOT_FOUND', `This ${what} does not exist.`);
  }

  static forbidden(message: string): ResourceException {
    return new ResourceException('forbidden', 'FORBIDDEN', message);
  }

  static conflict(code: string, message: string): ResourceException {
    return new ResourceException('conflict', code, message);
  }

  static invalid(field: string, message: string): ValidationException {
    return new ValidationException([{ field, message }]);
  }
}
