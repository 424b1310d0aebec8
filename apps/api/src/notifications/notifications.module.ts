import { Module } from '@nestjs/common';
import { EmailsController, NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({ controllers: [NotificationsController, EmailsController], providers: [NotificationsService] })
export class NotificationsModule {}
