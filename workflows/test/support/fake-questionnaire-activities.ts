import type {
  QuestionnaireActivities,
  QuestionnaireEventInput,
} from '../../src/experiment-lifecycle/experiment-lifecycle.questionnaires.messages';
import { fakeActivities, type FakeActivities } from './fake-activities';

export interface FakeWithQuestionnaires extends FakeActivities, QuestionnaireActivities {
  questionnaireEvents: QuestionnaireEventInput[];
}

/** The lifecycle's fakes plus the questionnaires' activity, idempotent by key like the worker's. */
export function fakeActivitiesWithQuestionnaires(): FakeWithQuestionnaires {
  const base = fakeActivities();
  const questionnaireEvents: QuestionnaireEventInput[] = [];
  return Object.assign(base, {
    questionnaireEvents,
    async recordQuestionnaireEvent(input: QuestionnaireEventInput) {
      if (questionnaireEvents.some((e) => e.idempotencyKey === input.idempotencyKey)) return;
      questionnaireEvents.push(input);
    },
  });
}
