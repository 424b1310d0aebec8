import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { participantAnswerPath } from '@capacites/domain';
import { AuditEventEntity, QuestionnaireEntity } from '@capacites/persistence';
import type { NotificationEvent, QuestionnaireEventInput } from '@capacites/workflows';
import { NotifierService, readNoticeContext } from '../notifications/notifier.service';

export class QuestionnaireNotFoundError extends Error {
  constructor(readonly questionnaireId: string) {
    super(`questionnaire ${questionnaireId} does not exist in the database`);
    this.name = 'QuestionnaireNotFoundError';
  }
}

const NOTICES: Partial<Record<QuestionnaireEventInput['event'], NotificationEvent>> = {
  questionnaireOpened: 'questionnaireOpened',
  questionnaireReminded: 'questionnaireReminder',
  questionnaireClosed: 'questionnaireClosed',
};

/**
 * Writes an event of a questionnaire's window — the audit record, the questionnaire's status
 * and effective window, and the notifications it sends — in one transaction, keyed by the
 * workflow's idempotency key: a retried activity writes nothing twice.
 */
@Injectable()
export class QuestionnaireEventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifier: NotifierService,
  ) {}

  async record(input: QuestionnaireEventInput): Promise<boolean> {
    let addresses: string[] = [];
    const written = await this.dataSource.transaction(async (manager) => {
      const [row]: { title: string; audience: string }[] = await manager.query(
        `SELECT title, audience FROM questionnaires WHERE id = $1 FOR UPDATE`,
        [input.questionnaireId],
      );
      if (!row) throw new QuestionnaireNotFoundError(input.questionnaireId);
      const [{ n: respondents }]: { n: number }[] = await manager.query(
        `SELECT count(*)::int AS n FROM questionnaire_responses WHERE questionnaire_id = $1`,
        [input.questionnaireId],
      );
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(AuditEventEntity)
        .values({
          idempotencyKey: input.idempotencyKey,
          organizationId: input.organizationId,
          experimentId: input.experimentId,
          event: input.event,
          fromState: input.experimentState,
          toState: input.experimentState,
          actorId: input.actorId,
          reason: input.reason,
          details: {
            questionnaireId: input.questionnaireId,
            title: row.title,
            audience: row.audience,
            opensAt: input.opensAt,
            closesAt: input.closesAt,
            ...(input.event === 'questionnaireClosed' ? { respondents } : {}),
          },
          occurredAt: new Date(input.occurredAt),
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (inserted.raw.length === 0) return false;
      const at = (value: string | null) => (value ? new Date(value) : null);
      await manager.update(
        QuestionnaireEntity,
        { id: input.questionnaireId },
        {
          status: input.status,
          opensAt: at(input.opensAt),
          closesAt: at(input.closesAt),
          ...(input.event === 'questionnaireClosed' ? { closedAt: new Date(input.occurredAt) } : {}),
          ...(input.event === 'questionnairePublished' ? { publishedAt: new Date(input.occurredAt) } : {}),
          ...(input.event === 'questionnaireOpened' && row.audience === 'participants'
            ? { expectedCount: input.recipientIds.length }
            : {}),
        },
      );
      addresses = await this.enqueueNotice(manager, input, row.title, respondents);
      return true;
    });
    // A retry after the commit finds the event recorded: it still sends what waits in the outbox.
    if (!written) {
      addresses = await this.dataSource.transaction(async (manager) => {
        const [row]: { title: string }[] = await manager.query(`SELECT title FROM questionnaires WHERE id = $1`, [
          input.questionnaireId,
        ]);
        const [{ n }]: { n: number }[] = await manager.query(
          `SELECT count(*)::int AS n FROM questionnaire_responses WHERE questionnaire_id = $1`,
          [input.questionnaireId],
        );
        return this.enqueueNotice(manager, input, row?.title ?? '', n);
      });
    }
    await this.notifier.deliver(input.organizationId, addresses);
    return written;
  }

  private async enqueueNotice(
    manager: EntityManager,
    input: QuestionnaireEventInput,
    title: string,
    respondents: number,
  ): Promise<string[]> {
    const event = NOTICES[input.event];
    if (!event) return [];
    let userIds = input.recipientIds;
    if (input.event === 'questionnaireReminded') {
      // Only those who have not answered yet.
      const answered: { id: string }[] = await manager.query(
        `SELECT respondent_user_id AS id FROM questionnaire_responses
          WHERE questionnaire_id = $1 AND respondent_user_id IS NOT NULL`,
        [input.questionnaireId],
      );
      const done = new Set(answered.map((a) => a.id));
      userIds = userIds.filter((id) => !done.has(id));
    }
    if (userIds.length === 0) return [];
    const context = await readNoticeContext(manager, input.experimentId);
    if (!context) return [];
    return this.notifier.enqueue(
      manager,
      {
        experimentId: input.experimentId,
        organizationId: input.organizationId,
        idempotencyKey: `${input.idempotencyKey}:notice`,
        event,
        recipients: { userIds, roles: [] },
        data: { questionnaireTitle: title, closesAt: input.closesAt, respondents },
        linkPath:
          input.event === 'questionnaireClosed'
            ? `/#/questionnaires/${input.questionnaireId}/show`
            : participantAnswerPath(input.questionnaireId),
      },
      context,
    );
  }
}
