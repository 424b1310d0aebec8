import { Module } from '@nestjs/common';
import {
  AuditEventsController,
  CheckInsController,
  DecisionsController,
  EvaluationsController,
} from './records.controllers';
import { RecordsRepository } from './records.repository';
import { TimelineController } from './timeline.controller';

/** Read-only records of experiments: check-ins, evaluations, decisions, audit events. */
@Module({
  controllers: [
    CheckInsController,
    EvaluationsController,
    DecisionsController,
    AuditEventsController,
    TimelineController,
  ],
  providers: [RecordsRepository],
  exports: [RecordsRepository],
})
export class RecordsModule {}
