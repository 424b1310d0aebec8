import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ExperimentProvenance } from '@capacites/domain';
import {
  EvaluationEntity,
  ExperimentEntity,
  ExperimentTemplateEntity,
  QuestionnaireEntity,
} from '@capacites/persistence';

/** Reads of provenance: where a test comes from, and who took it up elsewhere. */
@Injectable()
export class ReplicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** An original and whether its learnings are shared with the network (then anyone may replicate it). */
  async findSource(id: string): Promise<{ experiment: ExperimentEntity; learningsShared: boolean } | null> {
    const experiment = await this.dataSource.getRepository(ExperimentEntity).findOneBy({ id });
    if (!experiment) return null;
    const shared = await this.dataSource
      .getRepository(EvaluationEntity)
      .createQueryBuilder('v')
      .where('v.experiment_id = :id AND v.learnings_shared_at IS NOT NULL', { id })
      .getExists();
    return { experiment, learningsShared: shared };
  }

  /**
   * Replicas in other organisations, counted by organisation (a cancelled draft is no
   * take-up), and named only where that organisation shares its own learnings.
   */
  async replicationsOf(experimentId: string): Promise<ExperimentProvenance['replications']> {
    const [{ organizations }] = await this.dataSource.query(
      `SELECT count(DISTINCT r.organization_id)::int AS organizations
         FROM experiments r
        WHERE r.replicated_from_id = $1 AND r.state <> 'cancelled'`,
      [experimentId],
    );
    const shared: { id: string; title: string; organization_name: string }[] = await this.dataSource.query(
      `SELECT r.id, r.title, o.name AS organization_name
         FROM experiments r
         JOIN organizations o ON o.id = r.organization_id
         JOIN evaluations v ON v.experiment_id = r.id AND v.learnings_shared_at IS NOT NULL
        WHERE r.replicated_from_id = $1 AND r.state <> 'cancelled'
        ORDER BY v.learnings_shared_at, r.id`,
      [experimentId],
    );
    return {
      organizations: organizations as number,
      shared: shared.map((r) => ({
        experimentId: r.id,
        title: r.title,
        organizationName: r.organization_name,
      })),
    };
  }

  async originalOf(experiment: ExperimentEntity): Promise<ExperimentProvenance['replicatedFrom']> {
    if (!experiment.replicatedFromId) return null;
    const rows: { id: string; title: string; organization_name: string; shared: boolean }[] =
      await this.dataSource.query(
        `SELECT s.id, s.title, o.name AS organization_name, (v.learnings_shared_at IS NOT NULL) AS shared
           FROM experiments s
           JOIN organizations o ON o.id = s.organization_id
           LEFT JOIN evaluations v ON v.experiment_id = s.id
          WHERE s.id = $1`,
        [experiment.replicatedFromId],
      );
    if (rows.length === 0) return null;
    const [row] = rows;
    return {
      experimentId: row.id,
      title: row.title,
      organizationName: row.organization_name,
      learningsShared: row.shared,
    };
  }

  /** The original's questionnaires, oldest first: their questions are copied, never their answers. */
  async questionnairesOf(experimentId: string): Promise<QuestionnaireEntity[]> {
    return this.dataSource
      .getRepository(QuestionnaireEntity)
      .find({ where: { experimentId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async templateOf(experiment: ExperimentEntity): Promise<ExperimentProvenance['template']> {
    if (!experiment.templateId) return null;
    const row = await this.dataSource
      .getRepository(ExperimentTemplateEntity)
      .findOne({ where: { id: experiment.templateId }, select: { id: true, name: true } });
    return row ? { id: row.id, name: row.name } : null;
  }
}
