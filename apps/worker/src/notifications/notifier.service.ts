import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { EmailEntity, NotificationEntity } from '@capacites/persistence';
import type { NotifyInput } from '@capacites/workflows';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker.config';
import { MAILER, type Mailer } from './mailer';
import { renderNotification } from './templates';

/** What a notice's template needs of its experiment. */
export interface NoticeContext {
  id: string;
  title: string;
  timeZone: string;
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
   * Writes the notifications of an event and their emails in the caller's transaction, one
   * statement per table whatever the number of recipients (an expiry storm notifies thousands
   * at once). Only the notifications this call created get an email: a retry adds nothing.
   * @returns the recipients' addresses, for {@link deliver} after commit (a retry also sends
   * what an earlier attempt left in the outbox).
   */
  async enqueue(manager: EntityManager, input: NotifyInput, known?: NoticeContext): Promise<string[]> {
    const recipients = await this.resolveRecipients(manager, input);
    if (recipients.length === 0) return [];
    const context = known ?? (await this.context(manager, input.experimentId));
    const link = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/#/experiments/${context.id}/show`;
    const message = renderNotification(input.event, {
      title: context.title,
      timeZone: context.timeZone,
      link,
      data: input.data,
    });
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(
        recipients.map((recipient) => ({
          dedupeKey: `${input.idempotencyKey}:${recipient.id}`,
          organizationId: input.organizationId,
          experimentId: input.experimentId,
          recipientId: recipient.id,
          event: input.event,
          subject: message.subject,
          body: message.body,
          link,
        })),
      )
      .orIgnore()
      .returning(['id', 'recipientId'])
      .execute();
    const addresses = recipients.map((recipient) => recipient.email);
    // Property names in returning(); the raw rows carry the column names.
    const created = inserted.raw as { id: string; recipient_id: string }[];
    if (created.length === 0) return addresses;
    const addressOf = new Map(recipients.map((recipient) => [recipient.id, recipient.email]));
    const emails = created.map((row) => ({
      notificationId: row.id,
      organizationId: input.organizationId,
      toAddress: addressOf.get(row.recipient_id) ?? missingAddress(row.recipient_id),
      subject: message.subject,
      text: message.body,
      status: 'outbox' as const,
    }));
    await manager.insert(EmailEntity, emails);
    return addresses;
  }

  /** After commit: sends what {@link enqueue} left in the outbox, when SMTP is configured. */
  async deliver(organizationId: string, addresses: string[]): Promise<void> {
    if (this.mailer.enabled && addresses.length > 0) await this.flushOutbox(organizationId, addresses);
  }

  /** Sends the waiting emails of these recipients; marks each as sent once the server took it. */
  private async flushOutbox(organizationId: string, addresses: string[]): Promise<void> {
    const waiting = await this.dataSource
      .getRepository(EmailEntity)
      .findBy({ organizationId, status: 'outbox', toAddress: In(addresses) });
    for (const email of waiting) {
      await this.mailer.send({ to: email.toAddress, subject: email.subject, text: email.text });
      await this.dataSource
        .getRepository(EmailEntity)
        .update({ id: email.id }, { status: 'sent', sentAt: new Date() });
    }
  }

  private async context(manager: EntityManager, experimentId: string): Promise<NoticeContext> {
    const [context]: NoticeContext[] = await manager.query(
      `SELECT e.id, e.title, o.time_zone AS "timeZone"
         FROM experiments e JOIN organizations o ON o.id = e.organization_id
        WHERE e.id = $1`,
      [experimentId],
    );
    if (!context) throw new Error(`experiment ${experimentId} does not exist in the database`);
    return context;
  }

  /** The named people and the members holding the roles, in one query, by id. */
  private async resolveRecipients(
    manager: EntityManager,
    input: NotifyInput,
  ): Promise<{ id: string; email: string }[]> {
    const { userIds, roles } = input.recipients;
    if (userIds.length === 0 && roles.length === 0) return [];
    return manager.query(
      `SELECT u.id, u.email FROM users u
        WHERE u.id = ANY($1::uuid[])
           OR u.id IN (SELECT m.user_id FROM memberships m
                        WHERE m.organization_id = $2 AND m.role = ANY($3::text[]))
        ORDER BY u.id`,
      [userIds, input.organizationId, roles],
    );
  }
}

function missingAddress(recipientId: string): never {
  throw new Error(`notification created for ${recipientId}, who is not among the recipients`);
}
