import { Injectable } from '@nestjs/common';
import { calendarForLaunch, type Principal } from '@capacites/domain';
import {
  approveLaunchUpdate,
  refuseLaunchUpdate,
  requestLaunchUpdate,
  withdrawLaunchRequestUpdate,
} from '@capacites/workflows';
import type { ExperimentResponse } from '../experiments/dto/experiment.response';
import { ExperimentLifecycleService } from '../experiments/experiment-lifecycle.service';
import { LifecycleRefusedException } from '../experiments/experiments.exception';

/**
 * Launch approval (four-eyes), an organisation setting: HR or a pilot requests the launch,
 * the sponsor or a CODIR member approves or refuses it, never whoever requested it. Each act
 * is an Update of the test's workflow, which checks again and records it with its audit
 * record and notices; the API answers quickly what it can see (roles, requester, readiness).
 */
@Injectable()
export class LaunchApprovalService {
  constructor(private readonly lifecycle: ExperimentLifecycleService) {}

  async request(id: string, principal: Principal): Promise<ExperimentResponse> {
    const experiment = await this.lifecycle.authorize(id, principal, 'requestLaunch');
    const { framing, settings } = await this.lifecycle.launchInput(experiment);
    if (experiment.state === 'draft') {
      if (experiment.launchRequestedAt) throw new LifecycleRefusedException('LAUNCH_REQUEST_PENDING');
      if (!settings.launchApproval) throw new LifecycleRefusedException('LAUNCH_APPROVAL_NOT_REQUIRED');
    }
    this.lifecycle.assertReady(experiment, framing, settings);
    const actor = this.lifecycle.actor(principal);
    return this.lifecycle.send(experiment, principal, (h) =>
      h.executeUpdate(requestLaunchUpdate, {
        args: [{ actor, framing, settings, calendar: calendarForLaunch(settings, new Date()) }],
      }),
    );
  }

  /** Launches with the framing and settings of now: the checklist is checked again. */
  async approve(id: string, principal: Principal, reason?: string): Promise<ExperimentResponse> {
    const experiment = await this.lifecycle.authorize(id, principal, 'approveLaunch');
    this.assertNotRequester(experiment.launchRequestedBy, principal);
    const { framing, settings } = await this.lifecycle.launchInput(experiment);
    if (experiment.state === 'draft' && experiment.launchRequestedAt) {
      if (experiment.pilotIds.includes(principal.userId))
        throw new LifecycleRefusedException('LAUNCH_APPROVER_IS_PILOT');
      this.lifecycle.assertReady(experiment, framing, settings);
    }
    const actor = this.lifecycle.actor(principal, reason);
    return this.lifecycle.send(experiment, principal, (h) =>
      h.executeUpdate(approveLaunchUpdate, {
        args: [{ actor, framing, settings, calendar: calendarForLaunch(settings, new Date()) }],
      }),
    );
  }

  async refuse(id: string, principal: Principal, reason: string): Promise<ExperimentResponse> {
    const experiment = await this.lifecycle.authorize(id, principal, 'refuseLaunch');
    this.assertNotRequester(experiment.launchRequestedBy, principal);
    const actor = this.lifecycle.actor(principal, reason);
    return this.lifecycle.send(experiment, principal, (h) =>
      h.executeUpdate(refuseLaunchUpdate, { args: [actor] }),
    );
  }

  async withdraw(id: string, principal: Principal, reason?: string): Promise<ExperimentResponse> {
    const experiment = await this.lifecycle.authorize(id, principal, 'withdrawLaunchRequest');
    const actor = this.lifecycle.actor(principal, reason);
    return this.lifecycle.send(experiment, principal, (h) =>
      h.executeUpdate(withdrawLaunchRequestUpdate, { args: [actor] }),
    );
  }

  private assertNotRequester(requestedBy: string | null, principal: Principal): void {
    if (requestedBy !== null && requestedBy === principal.userId)
      throw new LifecycleRefusedException('LAUNCH_APPROVER_IS_REQUESTER');
  }
}
