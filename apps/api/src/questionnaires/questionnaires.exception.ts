import type { ErrorCode, ErrorParams, FieldError, ForbiddenAction, ForbiddenRole } from '@capacites/domain';
import { RefusalException, ResourceException, ValidationException, type ErrorKind } from '../common/app.exception';

/** The questionnaires' failures: each a declared code (libs/domain questionnaire-errors.ts). */
export class QuestionnairesException extends RefusalException {
  private constructor(kind: ErrorKind, code: ErrorCode, params: ErrorParams = {}, fields?: FieldError[]) {
    super(kind, code, params, fields);
  }

  /** 404: unknown, or not the caller's to see (another organisation's included). */
  static notFound(): RefusalException {
    return ResourceException.notFound('questionnaire');
  }

  static forbidden(action: ForbiddenAction, roles: readonly ForbiddenRole[]): RefusalException {
    return ResourceException.forbidden(action, roles);
  }

  static notDraft(status: string) {
    return new QuestionnairesException('conflict', 'QUESTIONNAIRE_NOT_DRAFT', { status });
  }

  static experimentState(state: string) {
    return new QuestionnairesException('conflict', 'QUESTIONNAIRE_EXPERIMENT_STATE', { state });
  }

  static notOpen(opensAt: Date | null) {
    return new QuestionnairesException('conflict', 'QUESTIONNAIRE_NOT_OPEN', {
      opensAt: opensAt ? opensAt.toISOString() : null,
    });
  }

  static closed(closedAt: Date | null) {
    return new QuestionnairesException('conflict', 'QUESTIONNAIRE_CLOSED', {
      closedAt: closedAt ? closedAt.toISOString() : null,
    });
  }

  static alreadyAnswered() {
    return new QuestionnairesException('conflict', 'QUESTIONNAIRE_ALREADY_ANSWERED', {});
  }

  static wrongAudience(audience: string) {
    return new QuestionnairesException('conflict', 'QUESTIONNAIRE_WRONG_AUDIENCE', { audience });
  }

  static invalid(fields: FieldError[]) {
    return new ValidationException(fields);
  }
}

/** 429 with Retry-After: too many public answers from one client address. */
export class TooManyAnswersException extends RefusalException {
  constructor(override readonly retryAfterSeconds: number) {
    super('rate_limited', 'TOO_MANY_ANSWERS', { retryAfterSeconds });
  }
}
