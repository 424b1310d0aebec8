import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseTimeouts } from '@capacites/config';
import { dataSourceOptions } from '@capacites/persistence';
import { WORKER_CONFIG, type WorkerConfig } from './config/worker.config';
import { DigestService } from './digest/digest.service';
import { IterationService } from './iterations/iteration.service';
import { ImportRunner } from './imports/import-runner.service';
import { createMailer, MAILER } from './notifications/mailer';
import { NotifierService } from './notifications/notifier.service';
import { TransitionRecorder } from './transitions/transition-recorder.service';
import { RetentionService } from './retention/retention.service';
import { QuestionnaireEventsService } from './questionnaires/questionnaire-events.service';
import { WebhookDeliveryService } from './webhooks/webhook-delivery.service';
import { WebhookPublisher } from './webhooks/webhook-publisher.service';

/** The worker's dependency graph: no HTTP, only what the activities need. */
@Module({})
export class WorkerModule {
  static forConfig(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        TypeOrmModule.forRoot(
          dataSourceOptions({
            url: config.DATABASE_URL,
            poolSize: config.DATABASE_POOL_SIZE,
            logging: config.DATABASE_LOGGING,
            timeouts: databaseTimeouts(config),
          }),
        ),
      ],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: MAILER, useFactory: () => createMailer(config.SMTP_URL, config.MAIL_FROM) },
        TransitionRecorder,
        NotifierService,
        IterationService,
        DigestService,
        QuestionnaireEventsService,
        WebhookPublisher,
        WebhookDeliveryService,
        ImportRunner,
        RetentionService,
      ],
      exports: [
        TransitionRecorder,
        NotifierService,
        IterationService,
        DigestService,
        QuestionnaireEventsService,
        WebhookPublisher,
        WebhookDeliveryService,
        ImportRunner,
        RetentionService,
      ],
    };
  }
}
