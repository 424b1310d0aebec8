import { Module } from '@nestjs/common';
import { ExperimentsController } from './experiments.controller';
import { ExperimentLifecycleService } from './experiment-lifecycle.service';
import { ExperimentsRepository } from './experiments.repository';
import { ExperimentsService } from './experiments.service';

@Module({
  controllers: [ExperimentsController],
  providers: [ExperimentsService, ExperimentLifecycleService, ExperimentsRepository],
  exports: [ExperimentsService, ExperimentLifecycleService, ExperimentsRepository],
})
export class ExperimentsModule {}
