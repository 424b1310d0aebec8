import type { ErrorParams, FieldError } from '@capacites/domain';
import { RefusalException, type ErrorKind } from '../common/app.exception';

export enum ImportsErrorCode {
  FILE_REQUIRED = 'IMPORT_FILE_REQUIRED',
  FILE_UNREADABLE = 'IMPORT_FILE_UNREADABLE',
  FORMAT_UNSUPPORTED = 'IMPORT_FORMAT_UNSUPPORTED',
  COLUMNS_MISSING = 'IMPORT_COLUMNS_MISSING',
  COLUMNS_UNKNOWN = 'IMPORT_COLUMNS_UNKNOWN',
  EMPTY = 'IMPORT_EMPTY',
  TOO_MANY_ROWS = 'IMPORT_TOO_MANY_ROWS',
  NOT_FOUND = 'IMPORT_NOT_FOUND',
  HAS_ERRORS = 'IMPORT_HAS_ERRORS',
  ORGANIZATION_NOT_FOUND = 'ORGANIZATION_NOT_FOUND',
  WORKFLOW_UNAVAILABLE = 'WORKFLOW_UNAVAILABLE',
}

const KINDS: Record<ImportsErrorCode, ErrorKind> = {
  [ImportsErrorCode.FILE_REQUIRED]: 'invalid',
  [ImportsErrorCode.FILE_UNREADABLE]: 'invalid',
  // A well-formed upload of another kind of file: refused by a rule, not by its shape.
  [ImportsErrorCode.FORMAT_UNSUPPORTED]: 'conflict',
  [ImportsErrorCode.COLUMNS_MISSING]: 'invalid',
  [ImportsErrorCode.COLUMNS_UNKNOWN]: 'invalid',
  [ImportsErrorCode.EMPTY]: 'invalid',
  [ImportsErrorCode.TOO_MANY_ROWS]: 'invalid',
  [ImportsErrorCode.NOT_FOUND]: 'not_found',
  [ImportsErrorCode.HAS_ERRORS]: 'conflict',
  [ImportsErrorCode.ORGANIZATION_NOT_FOUND]: 'not_found',
  [ImportsErrorCode.WORKFLOW_UNAVAILABLE]: 'unavailable',
};

/** The import's own refusals: a bad file is 400 naming `file`; a run of a file with errors, 409. */
export function importsRefusal(
  code: `${ImportsErrorCode}`,
  params: ErrorParams = {},
  fields?: FieldError[],
): RefusalException {
  return new RefusalException(KINDS[code as ImportsErrorCode], code, params, fields);
}
