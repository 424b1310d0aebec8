import {
  errorMessage,
  type ErrorCode,
  type ErrorParams,
  type ErrorParamsOf,
  type FieldError,
  type ForbiddenAction,
  type ForbiddenRole,
} from '@capacites/domain';

/** What kind of failure an exception is; the filter maps each to an HTTP status. */
export type ErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'unavailable'
  | 'forbidden'
  | 'unauthenticated'
  | 'rate_limited'
  // Existed, and is no more (an expired or revoked share link): 410.
  | 'gone';

/**
 * Base of the per-context exceptions. Services throw these, never HTTP errors; the
 * global filter turns them into one consistent error shape.
 */
export abstract class AppException extends Error {
  abstract readonly kind: ErrorKind;
  /** One of the codes declared in the domain (ERROR_MESSAGES): the back-office translates it. */
  abstract readonly code: ErrorCode;
  readonly fields?: FieldError[];
  /** What the translation of the code needs (`{ maxDays: 90 }`), sent with it. */
  readonly params: ErrorParams;
  /** Sent as Retry-After (rate limits). */
  readonly retryAfterSeconds?: number;

  protected constructor(message: string, params: ErrorParams = {}, fields?: FieldError[]) {
    super(message);
    this.params = params;
    this.fields = fields;
  }
}

export class ValidationException extends AppException {
  readonly kind = 'invalid';
  readonly code = 'VALIDATION_FAILED';

  constructor(fields: FieldError[]) {
    super(
      `Invalid input: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
      { fields: fields.map((f) => f.field) },
      fields,
    );
  }
}

/** A refusal of a declared kind: its code, its parameters, and the code's English message. */
export class RefusalException extends AppException {
  constructor(
    readonly kind: ErrorKind,
    readonly code: ErrorCode,
    params: ErrorParams = {},
    fields?: FieldError[],
  ) {
    super(errorMessage(code, params as never), params, fields);
  }
}

/** The plain resources' failures (tracks, users, testimonies…): kind, code and its parameters. */
export class ResourceException {
  /** Also what another organisation's record answers: nothing is learnt of it. */
  static notFound(resource: string): RefusalException {
    return new RefusalException('not_found', 'NOT_FOUND', { resource });
  }

  /**
   * 404 for a body's reference to a record that does not exist (for the caller): the field
   * named, as for a bad input, but the answer of a missing resource (schemathesis, and HTTP,
   * expect 404 there; the request itself is well-formed).
   */
  static referenceNotFound(
    field: string,
    code: 'ORGANIZATION_NOT_FOUND' | 'EXPERIMENT_NOT_FOUND',
  ): RefusalException {
    return new RefusalException('not_found', code, {}, [{ field, message: errorMessage(code, {} as never) }]);
  }

  /** 404 for people a body names who are nobody of the organisation: each field named. */
  static peopleNotFound(fields: readonly string[]): RefusalException {
    return new RefusalException(
      'not_found',
      'NOT_FOUND',
      { resource: 'person' },
      fields.map((field) => ({ field, message: 'no such person in the organization' })),
    );
  }

  /** 403: what was refused, and the roles that may do it. */
  static forbidden(action: ForbiddenAction, roles: readonly ForbiddenRole[]): RefusalException {
    return new RefusalException('forbidden', 'FORBIDDEN', { action, roles });
  }

  static conflict<C extends ErrorCode>(code: C, params: ErrorParamsOf<C>): RefusalException {
    return new RefusalException('conflict', code, params as ErrorParams);
  }

  static invalid(field: string, message: string): ValidationException {
    return new ValidationException([{ field, message }]);
  }

  /**
   * 409 INPUT_RULES: a well-formed input that breaks a rule its document cannot state (a day
   * in the future, a reference to an item the session lacks), the fields named.
   */
  static rules(errors: FieldError[]): RefusalException {
    return new RefusalException('conflict', 'INPUT_RULES', { fields: errors.map((e) => e.field) }, errors);
  }
}
