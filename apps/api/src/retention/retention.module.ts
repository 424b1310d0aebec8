import { Module } from '@nestjs/common';
import { RetentionController } from './retention.controller';
import { RetentionScheduleService } from './retention-schedule.service';
import { RetentionService } from './retention.service';

/** Retention and erasure of personal data (issue 17, item 3). */
@Module({
  controllers: [RetentionController],
  providers: [RetentionService, RetentionScheduleService],
})
export class RetentionModule {}
