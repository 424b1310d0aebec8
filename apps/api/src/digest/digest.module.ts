import { Global, Module } from '@nestjs/common';
import { DigestController } from './digest.controller';
import { DigestPreferenceService } from './digest-preference.service';
import { DigestSchedulesService } from './digest-schedules.service';

/** The organisation digest: its Schedules (used by organisations) and one's own opt-out. */
@Global()
@Module({
  controllers: [DigestController],
  providers: [DigestPreferenceService, DigestSchedulesService],
  exports: [DigestSchedulesService],
})
export class DigestModule {}
