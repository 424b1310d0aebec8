import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DAY_MS,
  digestPeriodSentOn,
  localDate,
  resolveDigestSettings,
  resolveLifecycleSettings,
  workingCalendar,
} from '@capacites/domain';
import type { DigestPlan, DigestSendResult, PlanDigestInput, SendDigestInput } from '@capacites/workflows';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker.config';
import { NotifierService } from '../notifications/notifier.service';
import { renderDigest, type DecidedItem, type DigestItem } from './digest-content';

interface OrganizationRow {
  id: string;
  name: string;
  timeZone: string;
  settings: Record<string, unknown>;
  digestSettings: Record<string, unknown>;
}

interface RecipientRow {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
}

interface ExperimentRow extends DigestItem {
  sponsorId: string | null;
}

interface DecidedRow extends DecidedItem {
  sponsorId: string | null;
}

const EXPIRING_WITHIN_DAYS = 28;

/** Notifications of a period, whatever the recipient: `digest:<organisation>:<period>:<user>`. */
const dedupePrefix = (organizationId: string, period: string) => `digest:${organizationId}:${period}:`;

// One notification (in-app) and one email per recipient, unless the period's key exists:
// the idempotency key (organisation, period, recipient) is the notification's unique dedupe key.
const ENQUEUE_DIGEST_SQL = `
  WITH created AS (
    INSERT INTO notifications (dedupe_key, organization_id, experiment_id, recipient_id, event, subject, body, link)
    VALUES ($1, $2, NULL, $3, 'digest', $4, $5, $6)
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id)
  INSERT INTO emails (notification_id, organization_id, to_address, subject, text, status)
  SELECT c.id, $2, $7, $4, $5, 'outbox' FROM created c`;

/**
 * The organisation digest (issue 15, item 1): whether today is a digest day, and the
 * period's email to each recipient, once. Runs in the worker's activities.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger('Digest');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifier: NotifierService,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  /** Today's period, if today (in the organisation's zone) is its digest day. */
  async plan(input: PlanDigestInput): Promise<DigestPlan> {
    const organization = await this.organization(input.organizationId);
    if (!organization) return { period: null, reason: 'organizationGone' };
    const digest = resolveDigestSettings(organization.digestSettings);
    if (digest.rhythm === 'off') return { period: null, reason: 'off' };
    const lifecycle = resolveLifecycleSettings(organization.settings, organization.timeZone);
    const day = localDate(new Date(input.at), organization.timeZone);
    const year = Number(day.slice(0, 4));
    // The nominal day may be up to two weeks ahead, across the new year.
    const calendar = workingCalendar(lifecycle.departement, year, year + 1);
    const period = digestPeriodSentOn(day, digest, calendar);
    return period ? { period, reason: 'send' } : { period: null, reason: 'notDigestDay' };
  }

  /**
   * Writes the period's digest for each recipient in one transaction (a retry after a
   * crash adds nothing: the dedupe key is unique), then sends the outbox. Throws while some
   * of the period's emails are held by another flush, so that the activity's retry sends them.
   */
  async send(input: SendDigestInput): Promise<DigestSendResult> {
    const organization = await this.organization(input.organizationId);
    if (!organization) return { recipients: 0, waiting: 0 };
    const digest = resolveDigestSettings(organization.digestSettings);
    const now = new Date(input.at);
    const prefix = dedupePrefix(organization.id, input.period);
    const recipients: RecipientRow[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", array_agg(DISTINCT m.role ORDER BY m.role) AS roles
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND m.role = ANY($2::text[])
          AND u.disabled_at IS NULL AND u.digest_opted_out_at IS NULL
        GROUP BY u.id ORDER BY u.id`,
      [organization.id, digest.recipients],
    );
    const experiments: ExperimentRow[] = await this.dataSource.query(
      `SELECT id, title, state, expires_at AS "expiresAt", evaluation_due_at AS "evaluationDueAt",
              decision_due_at AS "decisionDueAt", algeco, sponsor_id AS "sponsorId"
         FROM experiments
        WHERE organization_id = $1 AND state IN ('draft', 'running', 'evaluating', 'deciding')
        ORDER BY expires_at NULLS LAST, id`,
      [organization.id],
    );
    // "Since the last one": the previous period's digest in this organisation, else a week.
    const [previous]: { at: Date | null }[] = await this.dataSource.query(
      `SELECT max(created_at) AS at FROM notifications
        WHERE organization_id = $1 AND event = 'digest' AND dedupe_key NOT LIKE $2 || '%'`,
      [organization.id, prefix],
    );
    const since = previous?.at ?? null;
    const decided: DecidedRow[] = await this.dataSource.query(
      `SELECT d.experiment_id AS id, e.title, d.outcome, d.decided_at AS "decidedAt", e.sponsor_id AS "sponsorId"
         FROM decisions d JOIN experiments e ON e.id = d.experiment_id
        WHERE d.organization_id = $1 AND d.decided_at > $2 AND d.decided_at <= $3
        ORDER BY d.decided_at, d.experiment_id`,
      [organization.id, since ?? new Date(now.getTime() - 7 * DAY_MS), now],
    );

    const base = this.config.PUBLIC_URL;
    const addresses: string[] = [];
    await this.dataSource.transaction(async (manager) => {
      for (const recipient of recipients) {
        const wholeOrganization = recipient.roles.some((role) => role === 'codir' || role === 'hr');
        const mine = <T extends { sponsorId: string | null }>(rows: T[]) =>
          wholeOrganization ? rows : rows.filter((row) => row.sponsorId === recipient.id);
        const scoped = mine(experiments);
        const overdue = scoped.filter((e) => {
          const due =
            e.state === 'evaluating' ? e.evaluationDueAt : e.state === 'deciding' ? e.decisionDueAt : null;
          return due !== null && due.getTime() < now.getTime();
        });
        const message = renderDigest({
          organizationName: organization.name,
          recipientName: recipient.displayName,
          roles: recipient.roles.filter((role) => (digest.recipients as string[]).includes(role)),
          scope: wholeOrganization ? 'organization' : 'sponsored',
          now,
          timeZone: organization.timeZone,
          publicUrl: base,
          toDecide: scoped.filter((e) => e.state === 'deciding' && !overdue.includes(e)),
          overdue,
          expiringSoon: scoped.filter(
            (e) =>
              e.state === 'running' &&
              e.expiresAt !== null &&
              e.expiresAt.getTime() <= now.getTime() + EXPIRING_WITHIN_DAYS * DAY_MS,
          ),
          decidedSince: mine(decided),
          since,
          figures: {
            draft: scoped.filter((e) => e.state === 'draft').length,
            running: scoped.filter((e) => e.state === 'running').length,
            evaluating: scoped.filter((e) => e.state === 'evaluating').length,
            deciding: scoped.filter((e) => e.state === 'deciding').length,
            algeco: scoped.filter((e) => e.algeco).length,
          },
        });
        await manager.query(ENQUEUE_DIGEST_SQL, [
          `${prefix}${recipient.id}`,
          organization.id,
          recipient.id,
          message.subject,
          message.body,
          `${base.replace(/\/$/, '')}/#/dashboard`,
          recipient.email,
        ]);
        addresses.push(recipient.email);
      }
    });
    await this.notifier.deliver(organization.id, addresses);
    const [{ waiting }]: { waiting: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS waiting FROM emails e JOIN notifications n ON n.id = e.notification_id
        WHERE n.dedupe_key LIKE $1 || '%' AND e.status = 'outbox'`,
      [prefix],
    );
    const [{ recipients: written }]: { recipients: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS recipients FROM notifications WHERE dedupe_key LIKE $1 || '%'`,
      [prefix],
    );
    this.logger.log(
      JSON.stringify({
        event: 'digest',
        organizationId: organization.id,
        period: input.period,
        recipients: written,
        waiting,
      }),
    );
    if (this.notifier.mailing && waiting > 0)
      throw new Error(`${waiting} digest email(s) of ${input.period} are held by another flush: retried`);
    return { recipients: written, waiting };
  }

  private async organization(id: string): Promise<OrganizationRow | undefined> {
    const [row]: OrganizationRow[] = await this.dataSource.query(
      `SELECT id, name, time_zone AS "timeZone", settings, digest_settings AS "digestSettings"
         FROM organizations WHERE id = $1`,
      [id],
    );
    return row;
  }
}
