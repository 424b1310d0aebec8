import { Module } from '@nestjs/common';
import { CommitteeSessionsModule } from '../committee-sessions/committee-sessions.module';
import { DashboardModule } from '../dashboard/dashboard.module';
import { ShareLinksController } from './share-links.controller';
import { ShareLinksRepository } from './share-links.repository';
import { ShareLinksService } from './share-links.service';
import { SharedController } from './shared.controller';

@Module({
  imports: [CommitteeSessionsModule, DashboardModule],
  controllers: [ShareLinksController, SharedController],
  providers: [ShareLinksService, ShareLinksRepository],
})
export class ShareLinksModule {}
