import type { FieldError } from '@capacites/domain';

/** What kind of failure an exception is; the filter maps each to an HTTP status. */
export type ErrorKind =
  'invalid' | 'not_found' | 'conflict' | 'unavailable' | 'forbidden' | 'unauthenticated';

/**
 * Base of the per-context exceptions. Services throw these, never HTTP errors; the
 * global filter turns them into one consistent error shape.
 */
export abstract class AppException extends Error {
  abstract readonly kind: ErrorKind;
  abstract readonly code: string;
  readonly fields?: FieldError[];

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
