import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotifyInput } from '@capacites/workflows';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker.config';
import { MAILER, type Mailer } from './mailer';
import { renderNotification } from './templates';

// Data-modifying CTEs run once and to completion whether or not the final SELECT reads them.
const ENQUEUE_SQL = `
  WITH recipients AS (
    SELECT u.id, u.email FROM users u
     WHERE (u.id = ANY($8::uuid[])
            OR u.id IN (SELECT m.user_id FROM memberships m
                         WHERE m.organization_id = $2 AND m.role = ANY($9::text[])))
       -- A disabled account receives nothing more, in-app or by email.
       AND u.disabled_at IS NULL
  ),
  created AS (
    INSERT INTO notifications (dedupe_key, organization_id, experiment_id, recipient_id, event, subject, body, link)
    SELECT $1 || ':' || r.id, $2, $3, r.id, $4, $5, $6, $7 FROM recipients r ORDER BY r.id
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id, recipient_id
  ),
  emails AS (
    INSERT INTO emails (notification_id, organization_id, to_address, subject, text, status)
    SELECT c.id, $2, r.email, $5, $6, 'outbox' FROM created c JOIN recipients r ON r.id = c.recipient_id
  )
  SELECT r.email FROM recipients r ORDER BY r.id`;

/**
 * Claims a batch of waiting emails for one flusher: rows another flusher holds are skipped
 * (SKIP LOCKED while it claims, then its lease), so two flushes never send the same email.
 * The lease outlives any SMTP send; a flusher that died leaves its rows to the next after it.
 * An email whose recipient was disabled since it was queued is not sent. (A SELECT over the
 * UPDATE, because TypeORM answers an UPDATE with [rows, count].)
 */
const CLAIM_SQL = `
  WITH claimed AS (
  UPDATE emails SET claim_token = $1, claimed_until = now() + make_interval(secs => $2)
   WHERE id IN (
     SELECT e.id FROM emails e
      WHERE e.organization_id = $3 AND e.status = 'outbox' AND e.to_address = ANY($4::text[])
        AND (e.claimed_until IS NULL OR e.claimed_until < now())
        AND NOT EXISTS (SELECT 1 FROM notifications n JOIN users u ON u.id = n.recipient_id
                         WHERE n.id = e.notification_id AND u.disabled_at IS NOT NULL)
      ORDER BY e.created_at, e.id
      LIMIT $5
      FOR UPDATE OF e SKIP LOCKED)
  RETURNING id, to_address, subject, text, created_at)
  SELECT id, to_address AS "toAddress", subject, text FROM claimed ORDER BY created_at, id`;

/** Only the claim's holder marks its email sent (a lost lease is not overwritten). */
const MARK_SENT_SQL = `
  UPDATE emails SET status = 'sent', sent_at = now(), claim_token = NULL, claimed_until = NULL
   WHERE id = $1 AND claim_token = $2 AND status = 'outbox'`;

/** After a failed send: the email waits for the next flush (the activity's retry). */
const RELEASE_SQL = `
  UPDATE emails SET claim_token = NULL, claimed_until = NULL
   WHERE claim_token = $1 AND status = 'outbox'`;

const CLAIM_BATCH = 50;
const CLAIM_LEASE_SECONDS = 300;

interface ClaimedEmail {
  id: string;
  toAddress: string;
  subject: string;
  text: string;
}

/** What a notice's template needs of its experiment. */
export interface NoticeContext {
  id: string;
  title: string;
  timeZone: string;
}

/**
 * Reads what a notice's template needs of an experiment; with `lock`, also locks the
 * experiment's row for the transaction (the transition recorder: one writer per experiment).
 */
export async function readNoticeContext(
  manager: EntityManager,
  experimentId: string,
  { lock = false } = {},
): Promise<NoticeContext | undefined> {
  const [context]: NoticeContext[] = await manager.query(
    `SELECT e.id, e.title, o.time_zone AS "timeZone"
       FROM experiments e JOIN organizations o ON o.id = e.organization_id
      WHERE e.id = $1${lock ? ' FOR UPDATE OF e' : ''}`,
    [experimentId],
  );
  return context;
}

/**
 * Delivers a lifecycle notification in-app and by email. Exactly one notification per
 * (event, recipient): the dedupe key is unique, so retries and restarts add nothing.
 * An email is sent once its notification exists; with no SMTP it stays in the outbox.
 */
@Injectable()
export class NotifierService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async notify(input: NotifyInput): Promise<void> {
    const addresses = await this.dataSource.transaction((manager) => this.enqueue(manager, input));
    await this.deliver(input.organizationId, addresses);
  }

  /**
   * Writes the notifications of an event and their emails in the caller's transaction, in
   * one statement whatever the number of recipients (an expiry storm notifies thousands at
   * once): the recipients (named people and the members holding the roles), one
   * notification each unless it exists already (dedupe key), and an email for each
   * notification created, so that a retry adds nothing.
   * @returns the recipients' addresses, for {@link deliver} after commit (a retry also sends
   * what an earlier attempt left in the outbox).
   */
  async enqueue(manager: EntityManager, input: NotifyInput, known?: NoticeContext): Promise<string[]> {
    const { userIds, roles } = input.recipients;
    if (userIds.length === 0 && roles.length === 0) return [];
    const context = known ?? (await this.context(manager, input.experimentId));
    const link = `${this.config.PUBLIC_URL.replace(/\/$/, '')}${input.linkPath ?? `/#/experiments/${context.id}/show`}`;
    const message = renderNotification(input.event, {
      title: context.title,
      timeZone: context.timeZone,
      link,
      data: input.data,
    });
    const recipients: { email: string }[] = await manager.query(ENQUEUE_SQL, [
      input.idempotencyKey,
      input.organizationId,
      input.experimentId,
      input.event,
      message.subject,
      message.body,
      link,
      userIds,
      roles,
    ]);
    return recipients.map((recipient) => recipient.email);
  }

  /** Whether emails go out through SMTP (otherwise they stay in the outbox). */
  get mailing(): boolean {
    return this.mailer.enabled;
  }

  /** After commit: sends what {@link enqueue} left in the outbox, when SMTP is configured. */
  async deliver(organizationId: string, addresses: string[]): Promise<void> {
    if (this.mailer.enabled && addresses.length > 0) await this.flushOutbox(organizationId, addresses);
  }

  /**
   * Sends the waiting emails of these recipients, exactly once even when several flushes
   * run at once: each claims its rows before sending and marks them sent under its claim.
   * The Message-ID is the email's id, so that a receiver can tell a resend after a crash.
   */
  private async flushOutbox(organizationId: string, addresses: string[]): Promise<void> {
    const token = randomUUID();
    try {
      for (;;) {
        const batch: ClaimedEmail[] = await this.dataSource.query(CLAIM_SQL, [
          token,
          CLAIM_LEASE_SECONDS,
          organizationId,
          addresses,
          CLAIM_BATCH,
        ]);
        if (batch.length === 0) return;
        for (const email of batch) {
          await this.mailer.send({
            to: email.toAddress,
            subject: email.subject,
            text: email.text,
            messageId: `<${email.id}@capacites>`,
          });
          await this.dataSource.query(MARK_SENT_SQL, [email.id, token]);
        }
      }
    } catch (error) {
      await this.dataSource.query(RELEASE_SQL, [token]);
      throw error;
    }
  }

  private async context(manager: EntityManager, experimentId: string): Promise<NoticeContext> {
    const context = await readNoticeContext(manager, experimentId);
    if (!context) throw new Error(`experiment ${experimentId} does not exist in the database`);
    return context;
  }
}
