import { Module } from '@nestjs/common';
import { ExperimentsModule } from '../experiments/experiments.module';
import { ImportsModule } from '../imports/imports.module';
import { SeedService } from './seed.service';

@Module({ imports: [ExperimentsModule, ImportsModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
