import { ApplicationFailure } from '@temporalio/common';
import type { QuestionnaireActivities } from '@capacites/workflows';
import {
  QuestionnaireNotFoundError,
  type QuestionnaireEventsService,
} from '../questionnaires/questionnaire-events.service';

/** Builds the questionnaires' activities over the injected service. */
export function createQuestionnaireActivities(events: QuestionnaireEventsService): QuestionnaireActivities {
  return {
    async recordQuestionnaireEvent(input) {
      try {
        await events.record(input);
      } catch (error) {
        // A missing questionnaire will not appear by retrying.
        if (error instanceof QuestionnaireNotFoundError)
          throw ApplicationFailure.nonRetryable(error.message, 'QuestionnaireNotFound');
        throw error;
      }
    },
  };
}
