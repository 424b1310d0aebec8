import { proxyActivities } from '@temporalio/workflow';
import type { DigestActivities, OrganizationDigestInput, OrganizationDigestResult } from './digest.messages';

const activities = proxyActivities<DigestActivities>({
  // One transaction for the period's recipients, then the SMTP sends of the outbox.
  startToCloseTimeout: '2 minutes',
  // A worker that died mid-send is retried; the idempotency key (organisation, period,
  // recipient) in PostgreSQL makes the retry add nothing, and its flush sends what is left.
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * One run of an organisation's digest Schedule. The Schedule fires on weekdays at the
 * digest hour in the organisation's time zone; the worker says whether today is the day of
 * a period (the chosen weekday, or the working day before it when that day is off), and
 * sends that period's digest to each recipient once.
 */
export async function organizationDigest(input: OrganizationDigestInput): Promise<OrganizationDigestResult> {
  const at = input.at ?? new Date(Date.now()).toISOString();
  const plan = await activities.planDigest({ organizationId: input.organizationId, at });
  if (!plan.period) return { ...plan, recipients: 0 };
  const sent = await activities.sendDigest({ organizationId: input.organizationId, period: plan.period, at });
  return { ...plan, recipients: sent.recipients };
}
