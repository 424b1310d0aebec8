import { Module } from '@nestjs/common';
import { ExperimentsModule } from '../experiments/experiments.module';
import { ImportsModule } from '../imports/imports.module';
import { ReplicationsModule } from '../replications/replications.module';
import { SeedService } from './seed.service';

@Module({
  imports: [ExperimentsModule, ImportsModule, ReplicationsModule],
  providers: [SeedService],
  exports: [SeedService],
})
export class SeedModule {}
