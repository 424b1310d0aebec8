import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptionsAction,
  type ScheduleSpec,
} from '@temporalio/client';
import { RETENTION_SCHEDULE_ID, RETENTION_WORKFLOW } from '@capacites/workflows';
import { ensureSchedule } from '../temporal/ensure-schedule';
import { TEMPORAL_CLIENT, TEMPORAL_TASK_QUEUE } from '../temporal/temporal.module';

/** Every day at 03:30, Paris time: outside office hours, after the night's backups. */
export const RETENTION_SCHEDULE_SPEC: ScheduleSpec = {
  calendars: [{ hour: 3, minute: 30 }],
  timezone: 'Europe/Paris',
};

/**
 * One Temporal Schedule per deployment runs the retention workflow daily (issue 17, item 3);
 * each organisation's period is read by the run. Created at the API's start when missing (its
 * spec and action brought up to date otherwise); a Temporal outage only delays it.
 */
@Injectable()
export class RetentionScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger('RetentionSchedule');

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TEMPORAL_TASK_QUEUE) private readonly taskQueue: string,
  ) {}

  onApplicationBootstrap(): void {
    void this.ensure().catch((error: unknown) =>
      this.logger.warn(`retention schedule not checked at start: ${(error as Error).message}`),
    );
  }

  async ensure(): Promise<void> {
    const action: ScheduleOptionsAction = {
      type: 'startWorkflow',
      workflowType: RETENTION_WORKFLOW,
      workflowId: RETENTION_SCHEDULE_ID,
      taskQueue: this.taskQueue,
      args: [{}],
      workflowExecutionTimeout: '1 day',
    };
    await ensureSchedule(this.client, {
      scheduleId: RETENTION_SCHEDULE_ID,
      spec: RETENTION_SCHEDULE_SPEC,
      action,
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      state: { note: 'personal data retention (docs/operations.md)' },
    });
  }
}
