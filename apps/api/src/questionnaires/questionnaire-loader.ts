import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Criterion } from '@capacites/domain';
import { CriteriaAmendmentEntity, ExperimentEntity, QuestionnaireEntity } from '@capacites/persistence';

/** A questionnaire with its test and what the rules need of the test's organisation. */
export interface LoadedQuestionnaire {
  questionnaire: QuestionnaireEntity;
  experiment: ExperimentEntity;
  timeZone: string;
}

/** Reads questionnaires with their test: the one place that knows how they are stored. */
@Injectable()
export class QuestionnaireLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byId(id: string): Promise<LoadedQuestionnaire | null> {
    const questionnaire = await this.dataSource.getRepository(QuestionnaireEntity).findOneBy({ id });
    if (!questionnaire) return null;
    return this.withExperiment(questionnaire);
  }

  async withExperiment(questionnaire: QuestionnaireEntity): Promise<LoadedQuestionnaire | null> {
    const experiment = await this.dataSource
      .getRepository(ExperimentEntity)
      .findOneBy({ id: questionnaire.experimentId });
    if (!experiment) return null;
    return { questionnaire, experiment, timeZone: await this.timeZoneOf(experiment.organizationId) };
  }

  async experiment(id: string): Promise<ExperimentEntity | null> {
    return this.dataSource.getRepository(ExperimentEntity).findOneBy({ id });
  }

  async timeZoneOf(organizationId: string): Promise<string> {
    const [row]: { timeZone: string }[] = await this.dataSource.query(
      `SELECT time_zone AS "timeZone" FROM organizations WHERE id = $1`,
      [organizationId],
    );
    return row?.timeZone ?? 'Europe/Paris';
  }

  /** The criteria in force: the last amendment's, else those of the framing (fixed at launch). */
  async criteriaInForce(experiment: ExperimentEntity): Promise<Criterion[]> {
    const last = await this.dataSource
      .getRepository(CriteriaAmendmentEntity)
      .findOne({ where: { experimentId: experiment.id }, order: { amendedAt: 'DESC' } });
    return last ? last.criteria : experiment.criteria;
  }

  /** Responses per questionnaire. */
  async respondentCounts(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; n: number }[] = await this.dataSource.query(
      `SELECT questionnaire_id AS id, count(*)::int AS n FROM questionnaire_responses
        WHERE questionnaire_id = ANY($1::uuid[]) GROUP BY questionnaire_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }
}
