import { Module } from '@nestjs/common';
import { ExperimentsModule } from '../experiments/experiments.module';
import { CommitteeSessionsController } from './committee-sessions.controller';
import { CommitteeSessionsRepository } from './committee-sessions.repository';
import { CommitteeSessionsService } from './committee-sessions.service';

@Module({
  imports: [ExperimentsModule],
  controllers: [CommitteeSessionsController],
  providers: [CommitteeSessionsService, CommitteeSessionsRepository],
  exports: [CommitteeSessionsService, CommitteeSessionsRepository],
})
export class CommitteeSessionsModule {}
