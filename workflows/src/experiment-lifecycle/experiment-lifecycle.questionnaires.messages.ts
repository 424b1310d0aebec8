// Messages of the questionnaires' windows inside the experiment's workflow (issue 14): the
// updates and query the API sends, the state carried, and the activity the workflow calls.
// The API imports this file, never the workflow.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { QuestionnaireAudience, QuestionnaireWindowSpec } from '@capacites/domain';
import type { Actor } from './experiment-lifecycle.actor';

/** A published questionnaire as the workflow holds it (carried across continue-as-new). */
export interface QuestionnaireWindowState {
  questionnaireId: string;
  audience: QuestionnaireAudience;
  window: QuestionnaireWindowSpec;
  publishedAt: string;
  status: 'scheduled' | 'open' | 'closed';
  /** The effective instants last recorded (the window follows the test: extension, early stop). */
  opensAt: string | null;
  closesAt: string | null;
  /** Reminders sent or dropped (keyed by the closing instant they announced). */
  handled: string[];
}

export interface ScheduleQuestionnaireRequest {
  actor: Actor;
  questionnaireId: string;
  audience: QuestionnaireAudience;
  window: QuestionnaireWindowSpec;
}

export interface CloseQuestionnaireRequest {
  actor: Actor;
  questionnaireId: string;
}

/** Publishes a questionnaire: the workflow opens, reminds and closes it on time. */
export const scheduleQuestionnaireUpdate = defineUpdate<QuestionnaireWindowState, [ScheduleQuestionnaireRequest]>(
  'scheduleQuestionnaire',
);
/** Closes a questionnaire before its window's end. */
export const closeQuestionnaireUpdate = defineUpdate<QuestionnaireWindowState, [CloseQuestionnaireRequest]>(
  'closeQuestionnaire',
);
export const questionnaireWindowsQuery = defineQuery<QuestionnaireWindowState[]>('questionnaireWindows');

export type QuestionnaireEvent =
  | 'questionnairePublished'
  | 'questionnaireOpened'
  | 'questionnaireReminded'
  | 'questionnaireClosed';

/** One audited event of a questionnaire's window, with the notifications it sends. */
export interface QuestionnaireEventInput {
  experimentId: string;
  organizationId: string;
  questionnaireId: string;
  /** Unique per recorded event of this experiment: a retried activity never writes twice. */
  idempotencyKey: string;
  event: QuestionnaireEvent;
  status: QuestionnaireWindowState['status'];
  opensAt: string | null;
  closesAt: string | null;
  /** The experiment's state (the audit's from and to: a questionnaire's event does not move it). */
  experimentState: string;
  actorId: string | null;
  reason: string | null;
  occurredAt: string;
  /**
   * Opened: the active participants asked (all notified); reminded: the same, of whom the
   * activity notifies those who have not answered; closed: the pilots, told how many answered.
   */
  recipientIds: string[];
}

export interface QuestionnaireActivities {
  recordQuestionnaireEvent(input: QuestionnaireEventInput): Promise<void>;
}
