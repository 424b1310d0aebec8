import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  EmailEntity,
  ExperimentEntity,
  MembershipEntity,
  NotificationEntity,
  OrganizationEntity,
  UserEntity,
} from '@capacites/persistence';
import type { NotifyInput } from '@capacites/workflows';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker.config';
import { MAILER, type Mailer } from './mailer';
import { renderNotification } from './templates';

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
    const recipients = await this.resolveRecipients(input);
    if (recipients.length === 0) return;
    const experiment = await this.dataSource
      .getRepository(ExperimentEntity)
      .findOneByOrFail({ id: input.experimentId });
    const organization = await this.dataSource
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ id: input.organizationId });
    const link = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/#/experiments/${experiment.id}/show`;
    const message = renderNotification(input.event, {
      title: experiment.title,
      timeZone: organization.timeZone,
      link,
      data: input.data,
    });

    await this.dataSource.transaction(async (manager) => {
      for (const recipient of recipients) {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(NotificationEntity)
          .values({
            dedupeKey: `${input.idempotencyKey}:${recipient.id}`,
            organizationId: input.organizationId,
            experimentId: input.experimentId,
            recipientId: recipient.id,
            event: input.event,
            subject: message.subject,
            body: message.body,
            link,
          })
          .orIgnore()
          .returning(['id'])
          .execute();
        const notificationId = (inserted.raw as { id: string }[])[0]?.id;
        if (!notificationId) continue;
        await manager.insert(EmailEntity, {
          notificationId,
          organizationId: input.organizationId,
          toAddress: recipient.email,
          subject: message.subject,
          text: message.body,
          status: 'outbox',
        });
      }
    });
    if (this.mailer.enabled)
      await this.flushOutbox(
        input.organizationId,
        recipients.map((r) => r.email),
      );
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

  private async resolveRecipients(input: NotifyInput): Promise<{ id: string; email: string }[]> {
    const ids = new Set(input.recipients.userIds);
    if (input.recipients.roles.length > 0) {
      const members = await this.dataSource.getRepository(MembershipEntity).findBy({
        organizationId: input.organizationId,
        role: In(input.recipients.roles),
      });
      members.forEach((m) => ids.add(m.userId));
    }
    if (ids.size === 0) return [];
    const users = await this.dataSource.getRepository(UserEntity).findBy({ id: In([...ids]) });
    return users.map((u) => ({ id: u.id, email: u.email })).sort((a, b) => a.id.localeCompare(b.id));
  }
}
