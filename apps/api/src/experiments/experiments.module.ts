import { Module } from '@nestjs/common';
import { ConsentService } from './consent.service';
import { ExperimentsController } from './experiments.controller';
import { ExperimentLifecycleService } from './experiment-lifecycle.service';
import { ExperimentsRepository } from './experiments.repository';
import { ExperimentsService } from './experiments.service';
import { TemplatesModule } from '../templates/templates.module';

@Module({
  imports: [TemplatesModule],
  controllers: [ExperimentsController],
  providers: [ExperimentsService, ExperimentLifecycleService, ConsentService, ExperimentsRepository],
  exports: [ExperimentsService, ExperimentLifecycleService, ConsentService, ExperimentsRepository],
})
export class ExperimentsModule {}
