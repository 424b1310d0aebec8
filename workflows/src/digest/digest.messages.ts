// Messages of the organisation digest workflow (issue 15, item 1): its name, input, result
// and activities' contract. The API imports this file to create the Schedule, never the workflow.

export const ORGANIZATION_DIGEST_WORKFLOW = 'organizationDigest';

/** One Schedule per organisation; its workflows are named from it (Temporal appends the time). */
export const digestScheduleId = (organizationId: string): string => `digest-${organizationId}`;

export interface OrganizationDigestInput {
  organizationId: string;
  /**
   * The instant to run as, instead of now: to send a missed period again by hand (operations;
   * still once per recipient). The Schedule never sets it.
   */
  at?: string;
}

export interface PlanDigestInput {
  organizationId: string;
  /** When the Schedule fired (workflow time), ISO. */
  at: string;
}

export interface DigestPlan {
  /** The period to send (its nominal day, YYYY-MM-DD), or null: nothing today. */
  period: string | null;
  /** Why nothing is sent: `off`, `notDigestDay` (another weekday, a holiday, a weekend). */
  reason: 'send' | 'off' | 'notDigestDay' | 'organizationGone';
}

export interface SendDigestInput {
  organizationId: string;
  period: string;
  at: string;
}

export interface DigestSendResult {
  /** People who receive this period's digest (created now or by an earlier attempt). */
  recipients: number;
  /** Emails of the period still in the outbox after this attempt (SMTP off, or another flush holds them). */
  waiting: number;
}

export interface OrganizationDigestResult extends DigestPlan {
  recipients: number;
}

/** Implemented by the worker (apps/worker/src/digest); faked in workflow tests. */
export interface DigestActivities {
  planDigest(input: PlanDigestInput): Promise<DigestPlan>;
  sendDigest(input: SendDigestInput): Promise<DigestSendResult>;
}
