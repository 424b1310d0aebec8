import { Module } from '@nestjs/common';
import {
  AuditEventsController,
  CheckInsController,
  DecisionsController,
  EvaluationsController,
} from './records.controllers';
import { RecordsRepository } from './records.repository';
import { SharedLearningsController, SharedLearningsService } from './shared-learnings';
import { CriteriaController } from './criteria.controller';
import { TimelineController } from './timeline.controller';

/** Read-only records of experiments: check-ins, evaluations, decisions, audit events. */
@Module({
  controllers: [
    CheckInsController,
    EvaluationsController,
    DecisionsController,
    AuditEventsController,
    TimelineController,
    CriteriaController,
    SharedLearningsController,
  ],
  providers: [RecordsRepository, SharedLearningsService],
  exports: [RecordsRepository],
})
export class RecordsModule {}
