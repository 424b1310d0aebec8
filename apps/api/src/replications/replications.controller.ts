import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { replicateExperimentSchema, type ExperimentProvenance } from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { createZodDto } from '../common/zod-dto';
import type { ExperimentResponse } from '../experiments/dto/experiment.response';
import { ReplicationsService } from './replications.service';

export class ReplicateExperimentDto extends createZodDto(replicateExperimentSchema) {}

const Id = () => Param('id', new ParseUUIDPipe());

@Controller('experiments')
export class ReplicationsController {
  constructor(private readonly replications: ReplicationsService) {}

  /** "Reproduire dans mon organisation": a draft in the reader's organisation (201). */
  @Post(':id/replications')
  replicate(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: ReplicateExperimentDto,
  ): Promise<ExperimentResponse> {
    return this.replications.replicate(id, body, user);
  }

  /** The template and original a test comes from, and how many organisations replicated it. */
  @Get(':id/provenance')
  provenance(@CurrentUser() user: AuthUser, @Id() id: string): Promise<ExperimentProvenance> {
    return this.replications.provenance(id, user);
  }
}
