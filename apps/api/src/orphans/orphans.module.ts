import { Module } from '@nestjs/common';
import { ExperimentsModule } from '../experiments/experiments.module';
import { OrphansController } from './orphans.controller';
import { OrphansService } from './orphans.service';

@Module({
  imports: [ExperimentsModule],
  controllers: [OrphansController],
  providers: [OrphansService],
  exports: [OrphansService],
})
export class OrphansModule {}
