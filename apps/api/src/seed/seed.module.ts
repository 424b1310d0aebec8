import { Module } from '@nestjs/common';
import { ExperimentsModule } from '../experiments/experiments.module';
import { SeedService } from './seed.service';

@Module({ imports: [ExperimentsModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
