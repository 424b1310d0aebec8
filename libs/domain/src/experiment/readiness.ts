import type { LifecycleSettings } from '../organization/lifecycle-settings';
import type { ExperimentFraming } from './framing';
import { pilotIsSponsor } from './people';
import { DAY_MS } from './time';

export type ReadinessKey =
  | 'hypothesis'
  | 'hypothesisRevision'
  | 'scope'
  | 'criteria'
  | 'pilots'
  | 'sponsor'
  | 'sponsorNotPilot'
  | 'expiry'
  | 'consent'
  | 'exitPlan';

/** Stable reason codes of the checklist's items, translated by the back-office. */
export const READINESS_CODES: Record<ReadinessKey, string> = {
  hypothesis: 'HYPOTHESIS_REQUIRED',
  hypothesisRevision: 'HYPOTHESIS_TO_REVISE',
  scope: 'SCOPE_REQUIRED',
  criteria: 'CRITERIA_REQUIRED',
  pilots: 'PILOT_REQUIRED',
  sponsor: 'SPONSOR_REQUIRED',
  sponsorNotPilot: 'PILOT_IS_SPONSOR',
  expiry: 'EXPIRY_INVALID',
  consent: 'CONSENT_MISSING',
  exitPlan: 'EXIT_PLAN_REQUIRED',
};

export interface ReadinessItem {
  key: ReadinessKey;
  /** Stable reason code (READINESS_CODES). */
  code: string;
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
  { strict = true }: { strict?: boolean } = {},
): ReadinessItem[] {
  const item = (key: ReadinessKey, ok: boolean, problem: string): ReadinessItem => ({
    key,
    code: READINESS_CODES[key],
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
  const items = [
    item(
      'hypothesis',
      framing.hypothesis.trim().length > 0,
      'a hypothesis is required: no hypothesis, no test',
    ),
    item(
      'hypothesisRevision',
      !framing.hypothesisToRevise,
      'the hypothesis copied from the previous iteration must be revised before launch',
    ),
    item(
      'scope',
      framing.scope.trim().length > 0,
      'the scope (services, sites, people concerned) is required',
    ),
    item('criteria', framing.criteria.length > 0, 'at least one evaluation criterion is required'),
    item('pilots', framing.pilotIds.length > 0, 'at least one pilot (porteur·euse) is required'),
    item('sponsor', Boolean(framing.sponsorId), 'an institutional sponsor is required'),
    item(
      'sponsorNotPilot',
      !pilotIsSponsor(framing.pilotIds, framing.sponsorId),
      'the sponsor must not be one of the pilots: pilot and sponsor of a test are different people',
    ),
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
  // Workflows that launched before these two items existed replay without them (see the
  // workflow's patch LAUNCH_READINESS_PEOPLE_AND_REVISION).
  return strict ? items : items.filter((i) => i.key !== 'hypothesisRevision' && i.key !== 'sponsorNotPilot');
}

export function missingReadiness(items: ReadinessItem[]): string[] {
  return items.filter((i) => !i.ok).map((i) => i.problem);
}
