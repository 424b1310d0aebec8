import { Module } from '@nestjs/common';
import {
  AuditEventsController,
  CheckInsController,
  DecisionsController,
  EvaluationsController,
} from './records.controllers';
import { RecordsRepository } from './records.repository';

/** Read-only records of experiments: check-ins, evaluations, decisions, audit events. */
@Module({
  controllers: [CheckInsController, EvaluationsController, DecisionsController, AuditEventsController],
  providers: [RecordsRepository],
  exports: [RecordsRepository],
})
export class RecordsModule {}
