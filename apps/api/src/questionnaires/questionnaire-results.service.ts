import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  answerText,
  byCriterion,
  canReadExperiment,
  canReadQuestionnaireResults,
  EXPORT_FORMATS,
  EXPORT_MEDIA_TYPES,
  localDate,
  overTime,
  questionResults,
  responseRate,
  usersVoiceSource,
  activeParticipants,
  type Answers,
  type ExportFormat,
  type Principal,
  type QuestionnaireAudience,
  type QuestionnaireResults,
  type QuestionnaireStatus,
  type RespondentStatus,
  type ResponseRow,
  type UsersVoiceSummary,
} from '@capacites/domain';
import { QuestionnaireEntity } from '@capacites/persistence';
import { recordExperimentEvent } from '../common/admin-audit';
import { RefusalException, ValidationException } from '../common/app.exception';
import { parseListQuery } from '../common/list-query';
import { accessFacts } from '../experiments/experiment-access';
import { ExperimentsErrorCode, ExperimentsException } from '../experiments/experiments.exception';
import { cursorBatches } from '../exports/cursor';
import { tabularWriter } from '../exports/tabular-writer';
import { QuestionnaireLoader, type LoadedQuestionnaire } from './questionnaire-loader';
import { QuestionnairesService } from './questionnaires.service';
import { QuestionnairesException } from './questionnaires.exception';

const RESULT_READERS = ['hr', 'codir', 'pilot', 'sponsor'] as const;

// Optional in the document (a filter names it, as the lists' do); without it no questionnaire is found.
export const questionnaireExportFilter = z.object({ questionnaireId: z.uuid().optional() }).strict();
export const QUESTIONNAIRE_EXPORT_SORTABLE = ['submittedAt'] as const;

/**
 * What the answers say: per question, per criterion, over time, the response rate; the
 * evaluation's summary; the anonymous export. Nobody reads what a given person answered,
 * unless the question says it is not anonymous.
 */
@Injectable()
export class QuestionnaireResultsService {
  private readonly logger = new Logger(QuestionnaireResultsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: QuestionnaireLoader,
    private readonly questionnaires: QuestionnairesService,
  ) {}

  async results(id: string, principal: Principal): Promise<QuestionnaireResults> {
    const loaded = await this.resultsReadable(id, principal);
    const criteria = await this.loader.criteriaInForce(loaded.experiment);
    return this.compute(loaded, criteria);
  }

  async respondents(id: string, principal: Principal): Promise<RespondentStatus[]> {
    const { questionnaire: q, experiment } = await this.resultsReadable(id, principal);
    if (q.audience !== 'participants') throw QuestionnairesException.wrongAudience(q.audience);
    const ids = activeParticipants(experiment.participants).map((p) => p.userId);
    if (ids.length === 0) return [];
    const rows: RespondentStatus[] = await this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS name,
              EXISTS (SELECT 1 FROM questionnaire_responses r
                       WHERE r.questionnaire_id = $1 AND r.respondent_user_id = u.id) AS answered
         FROM users u WHERE u.id = ANY($2::uuid[]) ORDER BY u.display_name, u.id`,
      [q.id, ids],
    );
    return rows;
  }

  /** For the evaluation form: per criterion what the questionnaires say, and the usersVoice pre-fill. */
  async usersVoice(experimentId: string, principal: Principal): Promise<UsersVoiceSummary> {
    const experiment = await this.loader.experiment(experimentId);
    if (!experiment || !canReadExperiment(principal, accessFacts(experiment)))
      throw new ExperimentsException(ExperimentsErrorCode.NOT_FOUND);
    if (!canReadQuestionnaireResults(principal, accessFacts(experiment)))
      throw QuestionnairesException.forbidden('readQuestionnaireResults', RESULT_READERS);
    const timeZone = await this.loader.timeZoneOf(experiment.organizationId);
    const criteria = await this.loader.criteriaInForce(experiment);
    const published = await this.dataSource.getRepository(QuestionnaireEntity).find({
      where: { experimentId },
      order: { createdAt: 'ASC' },
    });
    const all = [];
    for (const questionnaire of published.filter((q) => q.status !== 'draft')) {
      all.push(await this.compute({ questionnaire, experiment, timeZone }, criteria));
    }
    const [{ n: testimonies }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM testimonies WHERE experiment_id = $1`,
      [experimentId],
    );
    const questions = all.flatMap((r) =>
      r.questions.map((question) => ({ ...question, questionnaireId: r.questionnaireId, questionnaireTitle: r.title })),
    );
    const sources = all.filter((r) => r.respondents > 0).map((r) => usersVoiceSource(r.title, r.audience, r.respondents));
    if (testimonies > 0) sources.push(`Témoignages (${testimonies})`);
    return {
      experimentId,
      questionnaires: all.map((r) => ({
        id: r.questionnaireId,
        title: r.title,
        audience: r.audience,
        status: r.status,
        respondents: r.respondents,
        expected: r.expected,
        responseRate: r.responseRate,
      })),
      criteria: byCriterion(criteria, questions),
      usersVoice: { sources: sources.slice(0, 20), count: all.reduce((sum, r) => sum + r.respondents, 0) },
      testimonies,
    };
  }

  /**
   * The anonymous answers as a spreadsheet: one row per response (its day, then one column per
   * question), never a name nor a token; streamed through a cursor like the other exports.
   */
  async export(raw: Record<string, unknown>, principal: Principal, response: Response): Promise<void> {
    const format = z.enum(EXPORT_FORMATS).safeParse(raw.format ?? 'csv');
    if (!format.success)
      throw new ValidationException([{ field: 'format', message: `format must be one of ${EXPORT_FORMATS.join(', ')}` }]);
    const query = parseListQuery(raw, questionnaireExportFilter, [...QUESTIONNAIRE_EXPORT_SORTABLE], {
      field: 'submittedAt',
      order: 'ASC',
    });
    const { questionnaireId } = query.filter as z.infer<typeof questionnaireExportFilter>;
    if (!questionnaireId)
      throw new RefusalException('not_found', 'NOT_FOUND', { resource: 'questionnaire' }, [
        { field: 'filter.questionnaireId', message: 'name the questionnaire to export' },
      ]);
    const { questionnaire: q, experiment, timeZone } = await this.resultsReadable(questionnaireId, principal);
    await this.dataSource.transaction((manager) =>
      recordExperimentEvent(manager, {
        idempotencyKey: `export.questionnaire-responses:${q.id}:${randomUUID()}`,
        organizationId: experiment.organizationId,
        experimentId: experiment.id,
        state: experiment.state,
        event: 'export.questionnaire-responses',
        actorId: principal.userId,
        details: { questionnaireId: q.id, format: format.data },
      }),
    );
    const day = new Date().toISOString().slice(0, 10);
    response.setHeader('Content-Type', EXPORT_MEDIA_TYPES[format.data as ExportFormat]);
    response.setHeader('Content-Disposition', `attachment; filename="capacites-reponses-${day}.${format.data}"`);
    response.setHeader('Cache-Control', 'no-store');
    const headers = ['Réponse', 'Jour', ...q.questions.map((question, i) => `Q${i + 1}. ${question.label}`)];
    const writer = tabularWriter(format.data as ExportFormat, response, headers, 'Réponses');
    let n = 0;
    try {
      for await (const batch of cursorBatches(
        this.dataSource,
        `SELECT answers, submitted_at FROM questionnaire_responses WHERE questionnaire_id = $1
          ORDER BY submitted_at ${query.sort.order}, id`,
        [q.id],
      )) {
        await writer.rows(
          batch.map((row) => {
            n += 1;
            const answers = row.answers as Answers;
            return [
              n,
              localDate(row.submitted_at as Date, timeZone),
              ...q.questions.map((question) => {
                const value = answers[question.id];
                return question.kind === 'scale' && typeof value === 'number' ? value : answerText(question, value) || null;
              }),
            ];
          }),
        );
      }
      await writer.end();
    } catch (error) {
      this.logger.error(`export of questionnaire ${q.id} interrupted: ${(error as Error).message}`);
      response.destroy(error as Error);
    }
  }

  private async resultsReadable(id: string, principal: Principal): Promise<LoadedQuestionnaire> {
    const loaded = await this.questionnaires.readable(id, principal);
    if (!canReadQuestionnaireResults(principal, accessFacts(loaded.experiment)))
      throw QuestionnairesException.forbidden('readQuestionnaireResults', RESULT_READERS);
    return loaded;
  }

  private async compute(
    { questionnaire: q, timeZone }: LoadedQuestionnaire,
    criteria: { id: string; name: string }[],
  ): Promise<QuestionnaireResults> {
    const audience = q.audience as QuestionnaireAudience;
    const named = audience === 'participants' && q.questions.some((question) => !question.anonymous);
    const rows: { answers: Answers; submittedAt: Date; userId: string | null; name: string | null }[] =
      await this.dataSource.query(
        `SELECT r.answers, r.submitted_at AS "submittedAt",
                ${named ? 'r.respondent_user_id AS "userId", u.display_name AS name' : 'NULL AS "userId", NULL AS name'}
           FROM questionnaire_responses r
           ${named ? 'LEFT JOIN users u ON u.id = r.respondent_user_id' : ''}
          WHERE r.questionnaire_id = $1`,
        [q.id],
      );
    const responses: ResponseRow[] = rows.map((r) => ({
      answers: r.answers,
      submittedAt: new Date(r.submittedAt),
      respondent: r.userId ? { userId: r.userId, name: r.name ?? '' } : null,
    }));
    const questions = questionResults(q.questions, responses, audience);
    const expected = audience === 'participants' ? q.expectedCount : null;
    return {
      questionnaireId: q.id,
      title: q.title,
      audience,
      status: q.status as QuestionnaireStatus,
      respondents: responses.length,
      expected,
      responseRate: responseRate(responses.length, expected),
      questions,
      criteria: byCriterion(criteria, questions),
      overTime: overTime(q.questions, responses, timeZone),
    };
  }
}
