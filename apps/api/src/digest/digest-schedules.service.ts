import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptionsAction,
  type ScheduleSpec,
} from '@temporalio/client';
import { DataSource } from 'typeorm';
import { resolveDigestSettings, type DigestSettings } from '@capacites/domain';
import { OrganizationEntity } from '@capacites/persistence';
import { digestScheduleId, ORGANIZATION_DIGEST_WORKFLOW } from '@capacites/workflows';
import { RefusalException } from '../common/app.exception';
import { ensureSchedule } from '../temporal/ensure-schedule';
import { TEMPORAL_CLIENT, TEMPORAL_TASK_QUEUE } from '../temporal/temporal.module';

/** What an organisation's Schedule should be: every weekday at the digest hour, local time. */
export function digestSchedulePlan(
  organization: Pick<OrganizationEntity, 'id' | 'timeZone'>,
  digest: DigestSettings,
  taskQueue: string,
): { spec: ScheduleSpec; action: ScheduleOptionsAction; paused: boolean; note: string } {
  return {
    // The worker decides whether a weekday is the period's day (the chosen weekday, or the
    // working day before it when that is a holiday): the Schedule cannot know the holidays.
    spec: {
      calendars: [{ dayOfWeek: { start: 'MONDAY', end: 'FRIDAY' }, hour: digest.hour, minute: 0 }],
      timezone: organization.timeZone,
    },
    action: {
      type: 'startWorkflow',
      workflowType: ORGANIZATION_DIGEST_WORKFLOW,
      workflowId: digestScheduleId(organization.id),
      taskQueue,
      args: [{ organizationId: organization.id }],
      workflowExecutionTimeout: '1 day',
    },
    paused: digest.rhythm === 'off',
    note: digest.rhythm === 'off' ? 'digest turned off by the organisation' : `digest ${digest.rhythm}`,
  };
}

/**
 * One Temporal Schedule per organisation drives its digest (issue 15, item 1), created and
 * updated with the organisation's settings: `sync` runs inside the transaction that
 * changes them, so a Temporal outage refuses the change (503) rather than leaving the
 * Schedule behind. At boot, every organisation's Schedule is checked in the background.
 */
@Injectable()
export class DigestSchedulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DigestSchedules');

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TEMPORAL_TASK_QUEUE) private readonly taskQueue: string,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: the API serves while Temporal comes up; a failure is logged, and the next
    // change of the organisation's settings (or the next start) creates the Schedule.
    void this.syncAll().catch((error: unknown) =>
      this.logger.warn(`digest schedules not checked at start: ${(error as Error).message}`),
    );
  }

  async syncAll(): Promise<void> {
    const organizations = await this.dataSource
      .getRepository(OrganizationEntity)
      .find({ order: { id: 'ASC' } });
    for (const organization of organizations) await this.sync(organization);
  }

  async sync(organization: Pick<OrganizationEntity, 'id' | 'timeZone' | 'digestSettings'>): Promise<void> {
    const plan = digestSchedulePlan(
      organization,
      resolveDigestSettings(organization.digestSettings),
      this.taskQueue,
    );
    const scheduleId = digestScheduleId(organization.id);
    try {
      const state = { paused: plan.paused, note: plan.note };
      await ensureSchedule(this.client, {
        scheduleId,
        spec: plan.spec,
        action: plan.action,
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '6 hours' },
        state,
        updateState: state,
      });
    } catch (error) {
      this.logger.warn(`digest schedule ${scheduleId} not synced: ${(error as Error).message}`);
      throw new RefusalException('unavailable', 'WORKFLOW_UNAVAILABLE', {});
    }
  }
}
