import type { LifecycleSettings } from '../organization/lifecycle-settings';
import type { ExperimentFraming } from './framing';
import { DAY_MS } from './time';

export type ReadinessKey =
  'hypothesis' | 'scope' | 'criteria' | 'pilots' | 'sponsor' | 'expiry' | 'consent' | 'exitPlan';

export interface ReadinessItem {
  key: ReadinessKey;
  ok: boolean;
  /** Why it is missing, in plain words; empty when ok. */
  problem: string;
}

/**
 * The readiness checklist of DOMAIN.md: launch is refused until every item holds.
 * `now` is passed in (workflow time in the workflow, wall time in the API).
 */
export function readinessChecklist(
  framing: ExperimentFraming,
  settings: LifecycleSettings,
  now: Date,
): ReadinessItem[] {
  const item = (key: ReadinessKey, ok: boolean, problem: string): ReadinessItem => ({
    key,
    ok,
    problem: ok ? '' : problem,
  });
  const expiresAt = framing.expiresAt ? new Date(framing.expiresAt) : null;
  const maxExpiry = new Date(now.getTime() + settings.maxDurationDays * DAY_MS);
  let expiryProblem = '';
  if (!expiresAt || Number.isNaN(expiresAt.getTime()))
    expiryProblem = 'an expiry date (date de péremption) is required';
  else if (expiresAt.getTime() <= now.getTime()) expiryProblem = 'the expiry date must be in the future';
  else if (expiresAt.getTime() > maxExpiry.getTime()) {
    expiryProblem = `the expiry date must be within the maximum duration of ${settings.maxDurationDays} days`;
  }
  const withoutConsent = framing.participants.filter((p) => !p.consentedAt).length;
  return [
    item(
      'hypothesis',
      framing.hypothesis.trim().length > 0,
      'a hypothesis is required: no hypothesis, no test',
    ),
    item(
      'scope',
      framing.scope.trim().length > 0,
      'the scope (services, sites, people concerned) is required',
    ),
    item('criteria', framing.criteria.length > 0, 'at least one evaluation criterion is required'),
    item('pilots', framing.pilotIds.length > 0, 'at least one pilot (porteur·euse) is required'),
    item('sponsor', Boolean(framing.sponsorId), 'an institutional sponsor is required'),
    item('expiry', expiryProblem === '', expiryProblem),
    item(
      'consent',
      framing.participants.length > 0 && withoutConsent === 0,
      framing.participants.length === 0
        ? 'at least one participant is required, with their consent'
        : `${withoutConsent} participant(s) have not consented yet`,
    ),
    item(
      'exitPlan',
      framing.exitPlan.pilotWithdrawal.trim().length > 0 && framing.exitPlan.takeover.trim().length > 0,
      'an exit plan is required: when the pilot withdraws and who takes over',
    ),
  ];
}

export function missingReadiness(items: ReadinessItem[]): string[] {
  return items.filter((i) => !i.ok).map((i) => i.problem);
}
