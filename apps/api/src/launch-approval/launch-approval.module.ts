import { Module } from '@nestjs/common';
import { ExperimentsModule } from '../experiments/experiments.module';
import { LaunchApprovalController } from './launch-approval.controller';
import { LaunchApprovalService } from './launch-approval.service';

@Module({
  imports: [ExperimentsModule],
  controllers: [LaunchApprovalController],
  providers: [LaunchApprovalService],
})
export class LaunchApprovalModule {}
