import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { reassignmentSchema, type DepartedPerson } from '@capacites/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { createZodDto } from '../common/zod-dto';
import type { ExperimentResponse } from '../experiments/dto/experiment.response';
import { OrphansService } from './orphans.service';

export class ReassignmentDto extends createZodDto(reassignmentSchema) {}

const Id = () => Param('id', new ParseUUIDPipe());

/** Who of a test's people is gone, and their reassignment, under /api/experiments/:id/. */
@Controller('experiments')
export class OrphansController {
  constructor(private readonly orphans: OrphansService) {}

  @Get(':id/departed-people')
  departed(@CurrentUser() user: AuthUser, @Id() id: string): Promise<DepartedPerson[]> {
    return this.orphans.departedPeople(id, user);
  }

  @Post(':id/reassignment')
  @HttpCode(200)
  reassign(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: ReassignmentDto,
  ): Promise<ExperimentResponse> {
    return this.orphans.reassign(id, body, user);
  }
}
