import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { Brackets, DataSource } from 'typeorm';
import QRCode from 'qrcode';
import {
  canBuildQuestionnaireIn,
  canManageQuestionnaires,
  canReadExperiment,
  canReadQuestionnaireResults,
  endOfLocalDay,
  isPlatformAdmin,
  localDayAt,
  publicCodeFrom,
  type CloseQuestionnaireInput,
  type CreateQuestionnaireInput,
  type FieldError,
  type Principal,
  type Question,
  type QuestionnaireView,
  type QuestionnaireWindowSpec,
  type UpdateQuestionnaireInput,
} from '@capacites/domain';
import { QuestionnaireEntity, type ExperimentEntity } from '@capacites/persistence';
import { closeQuestionnaireUpdate, scheduleQuestionnaireUpdate } from '@capacites/workflows';
import { recordExperimentEvent } from '../common/admin-audit';
import type { RefusalException } from '../common/app.exception';
import type { ListQuery } from '../common/list-query';
import { API_CONFIG, type ApiConfig } from '../config/api.config';
import { accessFacts } from '../experiments/experiment-access';
import { ExperimentsErrorCode, ExperimentsException } from '../experiments/experiments.exception';
import { refusalOf } from '../experiments/lifecycle-refusal';
import { RecordsRepository, type RecordFilter, type RecordTable } from '../records/records.repository';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { toQuestionnaireView } from './questionnaire.mapper';
import { QuestionnaireLoader, type LoadedQuestionnaire } from './questionnaire-loader';
import { QuestionnairesException } from './questionnaires.exception';

export const QUESTIONNAIRES: RecordTable<QuestionnaireEntity> = {
  entity: QuestionnaireEntity,
  alias: 'qn',
  idColumn: 'id',
  sortable: { createdAt: 'qn.created_at', title: 'qn.title', status: 'qn.status', closesAt: 'qn.closes_at' },
};

export type QuestionnaireFilter = RecordFilter & { status?: string | string[]; audience?: string };

const MANAGERS = ['hr', 'pilot'] as const;
const RESULT_READERS = ['hr', 'codir', 'pilot', 'sponsor'] as const;

/**
 * Building questionnaires on a test, publishing and closing them through the test's workflow
 * (which opens, reminds and closes on time). Drafts change freely; a published questionnaire's
 * questions never change, so that every answer reads against the questions it answered.
 */
@Injectable()
export class QuestionnairesService {
  private readonly logger = new Logger(QuestionnairesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: RecordsRepository,
    private readonly loader: QuestionnaireLoader,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async list(query: ListQuery<QuestionnaireFilter>, principal: Principal) {
    const { rows, total } = await this.records.page(QUESTIONNAIRES, query, principal, (qb) => {
      const statuses = query.filter.status === undefined ? undefined : ([] as string[]).concat(query.filter.status);
      if (statuses) qb.andWhere('qn.status IN (:...statuses)', { statuses: statuses.length ? statuses : [''] });
      if (query.filter.audience) qb.andWhere('qn.audience = :audience', { audience: query.filter.audience });
      // Results readers only: HR and CODIR of the organisation, the test's pilots and sponsor.
      if (!isPlatformAdmin(principal)) {
        const whole = principal.memberships
          .filter((m) => m.role === 'hr' || m.role === 'codir')
          .map((m) => m.organizationId);
        qb.andWhere(
          new Brackets((w) => {
            w.where('e.organization_id IN (:...qnWhole)', { qnWhole: [...whole, '00000000-0000-0000-0000-000000000000'] })
              .orWhere('e.pilot_ids @> ARRAY[CAST(:qnUser AS uuid)]', { qnUser: principal.userId })
              .orWhere('e.sponsor_id = :qnUser', { qnUser: principal.userId });
          }),
        );
      }
    });
    const counts = await this.loader.respondentCounts(rows.map((r) => r.id));
    return { data: rows.map((r) => this.view(r, counts.get(r.id) ?? 0)), total };
  }

  async findOne(id: string, principal: Principal): Promise<QuestionnaireView> {
    const { questionnaire } = await this.readable(id, principal);
    return this.viewOf(questionnaire);
  }

  async create(input: CreateQuestionnaireInput, principal: Principal): Promise<QuestionnaireView> {
    const experiment = await this.loader.experiment(input.experimentId);
    if (!experiment || !canReadExperiment(principal, accessFacts(experiment)))
      throw new ExperimentsException(ExperimentsErrorCode.NOT_FOUND, {}, [
        { field: 'experimentId', message: 'This experiment does not exist.' },
      ]);
    if (!canManageQuestionnaires(principal, accessFacts(experiment)))
      throw QuestionnairesException.forbidden('manageQuestionnaires', MANAGERS);
    if (!canBuildQuestionnaireIn(input.window.kind, experiment.state))
      throw QuestionnairesException.experimentState(experiment.state);
    const questions = await this.checkedQuestions(experiment, input.questions, input.audience);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(QuestionnaireEntity, {
        id,
        organizationId: experiment.organizationId,
        experimentId: experiment.id,
        title: input.title,
        intro: input.intro,
        audience: input.audience,
        windowKind: input.window.kind,
        windowOpensOn: input.window.opensOn ?? null,
        windowClosesOn: input.window.closesOn ?? null,
        status: 'draft',
        questions,
        createdBy: principal.userId,
      });
      await recordExperimentEvent(manager, this.event(experiment, 'questionnaireCreated', principal, id, { title: input.title }));
    });
    return this.findOne(id, principal);
  }

  async update(id: string, input: UpdateQuestionnaireInput, principal: Principal): Promise<QuestionnaireView> {
    const { questionnaire, experiment } = await this.manageable(id, principal);
    if (questionnaire.status !== 'draft') throw QuestionnairesException.notDraft(questionnaire.status);
    const audience = input.audience ?? questionnaire.audience;
    const kind = input.window?.kind ?? questionnaire.windowKind;
    if (!canBuildQuestionnaireIn(kind as never, experiment.state)) throw QuestionnairesException.experimentState(experiment.state);
    const questions = input.questions
      ? await this.checkedQuestions(experiment, input.questions, audience)
      : await this.checkedQuestions(experiment, questionnaire.questions, audience);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        QuestionnaireEntity,
        { id, status: 'draft' },
        {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.intro !== undefined ? { intro: input.intro } : {}),
          audience,
          ...(input.window
            ? {
                windowKind: input.window.kind,
                windowOpensOn: input.window.opensOn ?? null,
                windowClosesOn: input.window.closesOn ?? null,
              }
            : {}),
          questions,
        },
      );
      await recordExperimentEvent(
        manager,
        this.event(experiment, 'questionnaireUpdated', principal, id, { fields: Object.keys(input) }),
      );
    });
    return this.findOne(id, principal);
  }

  async remove(id: string, principal: Principal): Promise<QuestionnaireView> {
    const { questionnaire, experiment } = await this.manageable(id, principal);
    if (questionnaire.status !== 'draft') throw QuestionnairesException.notDraft(questionnaire.status);
    const view = this.view(questionnaire, 0);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(QuestionnaireEntity, { id, status: 'draft' });
      await recordExperimentEvent(manager, this.event(experiment, 'questionnaireDeleted', principal, id, { title: questionnaire.title }));
    });
    return view;
  }

  /**
   * Publication goes through the test's workflow, which records it (audit, status) and from
   * then on opens, reminds and closes the questionnaire. A refusal changes nothing.
   */
  async publish(id: string, principal: Principal): Promise<QuestionnaireView> {
    const { questionnaire, experiment, timeZone } = await this.manageable(id, principal);
    if (questionnaire.status !== 'draft') throw QuestionnairesException.notDraft(questionnaire.status);
    if (questionnaire.audience === 'public' && !questionnaire.publicCode) {
      // Set before the workflow records the publication; a draft's code opens nothing (404).
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const code = publicCodeFrom(randomBytes(16));
        const result = await this.dataSource.query(
          `UPDATE questionnaires SET public_code = $2 WHERE id = $1 AND public_code IS NULL
             AND NOT EXISTS (SELECT 1 FROM questionnaires WHERE public_code = $2)`,
          [id, code],
        );
        if ((result as [unknown, number])[1] > 0) break;
      }
    }
    const window = this.windowSpec(questionnaire, timeZone);
    await this.send(experiment, (handle) =>
      handle.executeUpdate(scheduleQuestionnaireUpdate, {
        args: [
          {
            actor: { userId: principal.userId },
            questionnaireId: id,
            audience: questionnaire.audience as 'participants' | 'public',
            window,
          },
        ],
      }),
    );
    return this.findOne(id, principal);
  }

  async close(id: string, input: CloseQuestionnaireInput, principal: Principal): Promise<QuestionnaireView> {
    const { questionnaire, experiment } = await this.manageable(id, principal);
    if (questionnaire.status === 'draft') throw QuestionnairesException.notOpen(null);
    if (questionnaire.status === 'closed') throw QuestionnairesException.closed(questionnaire.closedAt);
    await this.send(experiment, (handle) =>
      handle.executeUpdate(closeQuestionnaireUpdate, {
        args: [{ actor: { userId: principal.userId, ...(input.reason ? { reason: input.reason } : {}) }, questionnaireId: id }],
      }),
    );
    return this.findOne(id, principal);
  }

  /** The QR code of the public link, as SVG (printable at any size, for a guichet or a door). */
  async qrSvg(id: string, principal: Principal): Promise<string> {
    const { questionnaire } = await this.readable(id, principal);
    if (questionnaire.audience !== 'public') throw QuestionnairesException.wrongAudience(questionnaire.audience);
    const url = this.view(questionnaire, 0).publicUrl;
    if (!url) throw QuestionnairesException.notOpen(null);
    return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  }

  // --- access ------------------------------------------------------------------------

  /** Managers and results readers; a participant of the test gets 403, anyone else 404. */
  async readable(id: string, principal: Principal): Promise<LoadedQuestionnaire> {
    const loaded = await this.loader.byId(id);
    if (!loaded || !canReadExperiment(principal, accessFacts(loaded.experiment)))
      throw QuestionnairesException.notFound();
    const facts = accessFacts(loaded.experiment);
    if (!canReadQuestionnaireResults(principal, facts) && !canManageQuestionnaires(principal, facts))
      throw QuestionnairesException.forbidden('readQuestionnaireResults', RESULT_READERS);
    return loaded;
  }

  private async manageable(id: string, principal: Principal): Promise<LoadedQuestionnaire> {
    const loaded = await this.loader.byId(id);
    if (!loaded || !canReadExperiment(principal, accessFacts(loaded.experiment)))
      throw QuestionnairesException.notFound();
    if (!canManageQuestionnaires(principal, accessFacts(loaded.experiment)))
      throw QuestionnairesException.forbidden('manageQuestionnaires', MANAGERS);
    return loaded;
  }

  // --- helpers -----------------------------------------------------------------------

  /** Ids given to new questions; criteria must be the test's; the public's answers are always anonymous. */
  private async checkedQuestions(
    experiment: ExperimentEntity,
    questions: readonly (Partial<Question> & Pick<Question, 'kind' | 'label'>)[],
    audience: string,
  ): Promise<Question[]> {
    const criteria = new Set((await this.loader.criteriaInForce(experiment)).map((c) => c.id));
    const errors: FieldError[] = [];
    const used = new Set(questions.map((q) => q.id).filter(Boolean));
    const result = questions.map((q, i) => {
      if (q.criterionId && !criteria.has(q.criterionId))
        errors.push({ field: `questions.${i}.criterionId`, message: "must be one of the test's criteria" });
      let id = q.id;
      while (!id || (used.has(id) && id !== q.id)) id = `q${randomBytes(4).toString('hex')}`;
      used.add(id);
      return {
        id,
        kind: q.kind,
        label: q.label,
        help: q.help ?? '',
        required: q.required ?? false,
        criterionId: q.criterionId ?? null,
        anonymous: audience === 'public' ? true : (q.anonymous ?? true),
        options: q.options ?? [],
        minLabel: q.minLabel ?? '',
        maxLabel: q.maxLabel ?? '',
      } satisfies Question;
    });
    if (errors.length > 0) throw QuestionnairesException.invalid(errors);
    return result;
  }

  /** Custom days become instants in the organisation's time zone: 00:00 of the first, the end of the last. */
  private windowSpec(q: QuestionnaireEntity, timeZone: string): QuestionnaireWindowSpec {
    if (q.windowKind !== 'custom') return { kind: q.windowKind as 'run' | 'evaluation' };
    const opens = q.windowOpensOn ? localDayAt(endOfLocalDay(q.windowOpensOn, timeZone), 0, 0, timeZone) : null;
    const closes = q.windowClosesOn ? endOfLocalDay(q.windowClosesOn, timeZone) : null;
    return { kind: 'custom', opensAt: opens?.toISOString() ?? null, closesAt: closes?.toISOString() ?? null };
  }

  private async send(
    experiment: ExperimentEntity,
    update: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<unknown>,
  ): Promise<void> {
    try {
      await update(this.temporal.workflow.getHandle(experiment.workflowId));
    } catch (error) {
      throw this.translate(error, experiment.id);
    }
  }

  private translate(error: unknown, id: string): RefusalException {
    if (error instanceof WorkflowUpdateFailedError) return refusalOf(error);
    if (error instanceof WorkflowNotFoundError) return new ExperimentsException(ExperimentsErrorCode.EXPERIMENT_CLOSED);
    this.logger.error(`questionnaire action on experiment ${id} failed: ${String(error)}`);
    return new ExperimentsException(ExperimentsErrorCode.WORKFLOW_UNAVAILABLE);
  }

  private async viewOf(q: QuestionnaireEntity): Promise<QuestionnaireView> {
    const counts = await this.loader.respondentCounts([q.id]);
    return this.view(q, counts.get(q.id) ?? 0);
  }

  private view(q: QuestionnaireEntity, respondents: number): QuestionnaireView {
    return toQuestionnaireView(q, respondents, this.config.PUBLIC_URL);
  }

  private event(
    experiment: ExperimentEntity,
    event: string,
    principal: Principal,
    questionnaireId: string,
    details: Record<string, unknown>,
  ) {
    return {
      idempotencyKey: `${event}:${questionnaireId}:${randomUUID()}`,
      organizationId: experiment.organizationId,
      experimentId: experiment.id,
      state: experiment.state,
      event,
      actorId: principal.userId,
      details: { questionnaireId, ...details },
    };
  }
}
