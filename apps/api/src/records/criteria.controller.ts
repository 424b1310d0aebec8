import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { criteriaHistory, type ExperimentCriteriaResponse } from '@capacites/domain';
import { CriteriaAmendmentEntity, ExperimentEntity } from '@capacites/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { assertReadable } from '../experiments/experiment-access';

/**
 * The criteria an experiment is evaluated against now, those fixed at launch and every
 * amendment in between (who, when, why, what it replaced), from the projection the
 * workflow writes: the evaluation form is built from `current`, as the workflow checks it.
 */
@Controller('experiments')
export class CriteriaController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get(':id/criteria')
  async criteria(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ExperimentCriteriaResponse> {
    const experiment = assertReadable(
      user,
      await this.dataSource.getRepository(ExperimentEntity).findOneBy({ id }),
    );
    const amendments = await this.dataSource
      .getRepository(CriteriaAmendmentEntity)
      .find({ where: { experimentId: id }, order: { amendedAt: 'ASC' } });
    return criteriaHistory(
      id,
      experiment.criteria,
      amendments.map((a) => ({
        id: a.id,
        amendedAt: a.amendedAt.toISOString(),
        amendedBy: a.amendedBy,
        reason: a.reason,
        criteria: a.criteria,
      })),
    );
  }
}
