import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarSubscriptionsController } from './calendar-subscriptions.controller';
import { CalendarSubscriptionsService } from './calendar-subscriptions.service';

@Module({
  controllers: [CalendarController, CalendarSubscriptionsController],
  providers: [CalendarSubscriptionsService],
})
export class CalendarModule {}
