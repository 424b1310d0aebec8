import { Module } from '@nestjs/common';
import { ExperimentsModule } from '../experiments/experiments.module';
import { RecordsModule } from '../records/records.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** Spreadsheet exports (CSV, XLSX) of experiments, evaluations and decisions. */
@Module({
  imports: [ExperimentsModule, RecordsModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
