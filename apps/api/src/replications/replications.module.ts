import { Module } from '@nestjs/common';
import { ExperimentsModule } from '../experiments/experiments.module';
import { TemplatesModule } from '../templates/templates.module';
import { ReplicationsController } from './replications.controller';
import { ReplicationsRepository } from './replications.repository';
import { ReplicationsService } from './replications.service';

/** Replication of a test into another organisation, and provenance (issue 16, item 2). */
@Module({
  imports: [ExperimentsModule, TemplatesModule],
  controllers: [ReplicationsController],
  providers: [ReplicationsService, ReplicationsRepository],
  exports: [ReplicationsService],
})
export class ReplicationsModule {}
