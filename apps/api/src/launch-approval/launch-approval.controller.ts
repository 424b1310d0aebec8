import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import type { ExperimentResponse } from '../experiments/dto/experiment.response';
import { EmptyDto, OptionalReasonDto, ReasonDto } from '../experiments/dto/lifecycle.dto';
import { LaunchApprovalService } from './launch-approval.service';

const Id = () => Param('id', new ParseUUIDPipe());

/** The launch request of a test and its approval (four-eyes), under /api/experiments/:id/. */
@Controller('experiments')
export class LaunchApprovalController {
  constructor(private readonly approvals: LaunchApprovalService) {}

  @Post(':id/launch-request')
  @HttpCode(200)
  request(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() _body: EmptyDto,
  ): Promise<ExperimentResponse> {
    return this.approvals.request(id, user);
  }

  @Post(':id/launch-request/approve')
  @HttpCode(200)
  approve(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: OptionalReasonDto,
  ): Promise<ExperimentResponse> {
    return this.approvals.approve(id, user, body.reason);
  }

  @Post(':id/launch-request/refuse')
  @HttpCode(200)
  refuse(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: ReasonDto,
  ): Promise<ExperimentResponse> {
    return this.approvals.refuse(id, user, body.reason);
  }

  @Post(':id/launch-request/withdraw')
  @HttpCode(200)
  withdraw(
    @CurrentUser() user: AuthUser,
    @Id() id: string,
    @Body() body: OptionalReasonDto,
  ): Promise<ExperimentResponse> {
    return this.approvals.withdraw(id, user, body.reason);
  }
}
