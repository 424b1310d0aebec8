import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseTimeouts } from '@capacites/config';
import { dataSourceOptions } from '@capacites/persistence';
import { AuthModule } from './auth/auth.module';
import { API_CONFIG, type ApiConfig } from './config/api.config';
import { CalendarModule } from './calendar/calendar.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { ExperimentsModule } from './experiments/experiments.module';
import { ExportsModule } from './exports/exports.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { MetricsModule } from './metrics/metrics.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RecordsModule } from './records/records.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalModule } from './temporal/temporal.module';
import { TemporalCodecModule } from './temporal-codec/temporal-codec.module';
import { TestimoniesModule } from './testimonies/testimonies.module';
import { TracksModule } from './tracks/tracks.module';
import { UsersModule } from './users/users.module';
import { LaunchApprovalModule } from './launch-approval/launch-approval.module';
import { OrphansModule } from './orphans/orphans.module';
// The CODIR's cycle (issue 15): the organisation digest.
import { DigestModule } from './digest/digest.module';
import { QuestionnairesModule } from './questionnaires/questionnaires.module';
// The network (issue 16): templates and replication.
import { ReplicationsModule } from './replications/replications.module';
import { TemplatesModule } from './templates/templates.module';
// Integrations (issue 16): webhooks, chat alerts, service accounts.
import { ServiceAccountsModule } from './service-accounts/service-accounts.module';
import { WebhooksModule } from './webhooks/webhooks.module';
// Issue 15: committee sessions and share links.
import { CommitteeSessionsModule } from './committee-sessions/committee-sessions.module';
import { ShareLinksModule } from './share-links/share-links.module';
// Trust defaults: secrets encrypted at rest, limits of the public routes.
import { SecurityModule } from './security/security.module';
// Issue 17, item 2: the right of access (personal data export).
import { PersonalDataModule } from './personal-data/personal-data.module';
// Retention and erasure of personal data (issue 17, item 3).
import { RetentionModule } from './retention/retention.module';

@Module({})
export class AppModule {
  static forConfig(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(
          dataSourceOptions({
            url: config.DATABASE_URL,
            poolSize: config.DATABASE_POOL_SIZE,
            logging: config.DATABASE_LOGGING,
            timeouts: databaseTimeouts(config),
          }),
        ),
        TemporalModule,
        SecurityModule,
        AuthModule,
        HealthModule,
        MetricsModule,
        ExperimentsModule,
        DashboardModule,
        OrganizationsModule,
        TracksModule,
        UsersModule,
        RecordsModule,
        TestimoniesModule,
        NotificationsModule,
        TasksModule,
        CalendarModule,
        ExportsModule,
        LaunchApprovalModule,
        OrphansModule,
        DigestModule,
        TemporalCodecModule,
        QuestionnairesModule,
        TemplatesModule,
        ReplicationsModule,
        // Integrations (issue 16).
        WebhooksModule,
        ServiceAccountsModule,
        // Spreadsheet import (issue 16, item 3).
        ImportsModule,
        CommitteeSessionsModule,
        ShareLinksModule,
        PersonalDataModule,
        RetentionModule,
      ],
      providers: [{ provide: API_CONFIG, useValue: config }],
      exports: [API_CONFIG],
    };
  }
}
