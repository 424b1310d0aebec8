import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { effectiveRetentionDays } from '@capacites/domain';
import { findRetentionCandidates, pseudonymiseExperiment } from '@capacites/persistence';
import type { DueExperiment } from '@capacites/workflows';

/** The retention run's PostgreSQL side (issue 17, item 3), over the shared use cases. */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findDue(at: Date, limit: number): Promise<DueExperiment[]> {
    const { due } = await findRetentionCandidates(this.dataSource, { now: at, dueLimit: limit, upcomingLimit: 0 });
    if (!due.length) return [];
    const periods = (await this.dataSource.query(
      `SELECT id, retention_days AS "retentionDays" FROM organizations WHERE id = ANY($1::uuid[])`,
      [[...new Set(due.map((d) => d.organizationId))]],
    )) as { id: string; retentionDays: number | null }[];
    const byOrganization = new Map(periods.map((p) => [p.id, effectiveRetentionDays(p.retentionDays)]));
    return due.map((d) => ({
      experimentId: d.experimentId,
      retentionDays: byOrganization.get(d.organizationId) ?? effectiveRetentionDays(null),
    }));
  }

  async workflowIdOf(experimentId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT workflow_id AS "workflowId" FROM experiments WHERE id = $1`, [
      experimentId,
    ])) as { workflowId: string }[];
    return row?.workflowId ?? null;
  }

  async pseudonymise(input: {
    experimentId: string;
    at: Date;
    retentionDays: number;
    workflowHistories: number;
  }): Promise<{ done: boolean }> {
    const result = await pseudonymiseExperiment(this.dataSource, input.experimentId, {
      now: input.at,
      dryRun: false,
      retentionDays: input.retentionDays,
      workflowHistories: input.workflowHistories,
    });
    if (result.done) this.logger.log(`experiment ${input.experimentId}: personal data pseudonymised`);
    return { done: result.done };
  }
}
