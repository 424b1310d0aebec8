import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  ORPHANABLE_STATES,
  pilotIsSponsor,
  type DepartedPerson,
  type OrphanedExperiment,
  type Principal,
  type ReassignmentInput,
} from '@capacites/domain';
import { ExperimentEntity, findOrphanedExperiments } from '@capacites/persistence';
import { reassignPeopleUpdate, reportDepartureUpdate } from '@capacites/workflows';
import { RefusalException, ResourceException } from '../common/app.exception';
import type { ExperimentResponse } from '../experiments/dto/experiment.response';
import { assertReadable } from '../experiments/experiment-access';
import { ExperimentLifecycleService } from '../experiments/experiment-lifecycle.service';
import { ExperimentsException } from '../experiments/experiments.exception';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

/**
 * Stale and orphan tests: a pilot or the sponsor of a test under way whose account is
 * disabled or who left the organisation. HR is told at once (through each test's workflow:
 * audited, notified in-app and by email, once per person), sees them in the list
 * (`orphaned` filter) and on the test's page, and reassigns the people through the workflow.
 */
@Injectable()
export class OrphansService {
  private readonly logger = new Logger(OrphansService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly lifecycle: ExperimentLifecycleService,
  ) {}

  /**
   * The organisation's orphaned tests (every organisation's with `null`), soonest expiry
   * first: for the digest and any other summary. Computed from the accounts and memberships
   * now, so it is right even if a notice could not be sent.
   */
  findOrphanedExperiments(organizationId: string | null, limit = 500): Promise<OrphanedExperiment[]> {
    return findOrphanedExperiments(this.dataSource, { organizationId, limit });
  }

  /** Who of a test's pilots and sponsor is gone (empty when nobody): GET /experiments/:id/departed-people. */
  async departedPeople(experimentId: string, principal: Principal): Promise<DepartedPerson[]> {
    assertReadable(
      principal,
      await this.dataSource.getRepository(ExperimentEntity).findOneBy({ id: experimentId }),
    );
    const [orphan] = await findOrphanedExperiments(this.dataSource, { experimentId, limit: 1 });
    return orphan?.departed ?? [];
  }

  /**
   * After an account was disabled or its memberships changed: tells each test under way
   * where the person is now gone (pilot or sponsor), so that HR is notified at once. Never
   * fails the account change, which is committed already: a test whose workflow could not
   * be reached still shows in the orphaned list, and is logged.
   */
  async reportDepartures(userId: string, actorId: string): Promise<void> {
    const rows: { id: string; workflowId: string; kind: DepartedPerson['kind'] }[] =
      await this.dataSource.query(
        `SELECT e.id, e.workflow_id AS "workflowId",
              CASE WHEN u.disabled_at IS NOT NULL THEN 'disabled' ELSE 'left' END AS kind
         FROM experiments e JOIN users u ON u.id = $1
        WHERE e.state = ANY($2::text[])
          AND ($1 = ANY(e.pilot_ids) OR e.sponsor_id = $1)
          AND (u.disabled_at IS NOT NULL OR NOT EXISTS (
                SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.organization_id = e.organization_id))`,
        [userId, [...ORPHANABLE_STATES]],
      );
    for (const row of rows) {
      try {
        await this.temporal.workflow
          .getHandle(row.workflowId)
          .executeUpdate(reportDepartureUpdate, {
            args: [{ actor: { userId: actorId }, userId, kind: row.kind }],
          });
      } catch (error) {
        this.logger.error(`could not report a departure to experiment ${row.id}: ${String(error)}`);
      }
    }
  }

  /** HR names the new pilots and sponsor of a test under way; the workflow records and notifies. */
  async reassign(id: string, input: ReassignmentInput, principal: Principal): Promise<ExperimentResponse> {
    const experiment = await this.lifecycle.authorize(id, principal, 'reassignPeople');
    if (!(ORPHANABLE_STATES as readonly string[]).includes(experiment.state))
      throw ExperimentsException.refused('REASSIGNMENT_NOT_ALLOWED', { state: experiment.state });
    await this.assertActivePeople(experiment.organizationId, input);
    if (pilotIsSponsor(input.pilotIds, input.sponsorId)) {
      throw new ExperimentsException('PILOT_IS_SPONSOR', undefined, [
        { field: 'sponsorId', message: 'the sponsor must not be one of the pilots' },
      ]);
    }
    const actor = this.lifecycle.actor(principal);
    return this.lifecycle.send(experiment, principal, (h) =>
      h.executeUpdate(reassignPeopleUpdate, {
        args: [{ actor, pilotIds: input.pilotIds, sponsorId: input.sponsorId, reason: input.reason }],
      }),
    );
  }

  /**
   * The new people are members of the test's organisation (404 naming each field otherwise,
   * as the framing does) with an active account (409 PERSON_DISABLED naming the field).
   */
  private async assertActivePeople(organizationId: string, input: ReassignmentInput): Promise<void> {
    const named = [
      ...input.pilotIds.map((userId, i) => ({ field: `pilotIds.${i}`, userId })),
      { field: 'sponsorId', userId: input.sponsorId },
    ];
    const rows: { id: string; disabled: boolean }[] = await this.dataSource.query(
      `SELECT u.id, u.disabled_at IS NOT NULL AS disabled FROM users u
        WHERE u.id = ANY($1::uuid[])
          AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.organization_id = $2)`,
      [named.map((n) => n.userId), organizationId],
    );
    const found = new Map(rows.map((row) => [row.id, row.disabled]));
    const strangers = named.filter((n) => !found.has(n.userId));
    if (strangers.length > 0) throw ResourceException.peopleNotFound(strangers.map(({ field }) => field));
    const disabled = named.filter((n) => found.get(n.userId) === true);
    if (disabled.length > 0) {
      throw new RefusalException(
        'conflict',
        'PERSON_DISABLED',
        { field: disabled[0].field },
        disabled.map(({ field }) => ({ field, message: "this person's account is disabled" })),
      );
    }
  }
}
