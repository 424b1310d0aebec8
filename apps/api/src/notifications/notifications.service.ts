import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { Principal } from '@capacites/domain';
import { EmailEntity, NotificationEntity } from '@capacites/persistence';
import { ResourceException } from '../common/app.exception';
import type { ListQuery } from '../common/list-query';
import { asArray } from '../common/pagination';

export const toNotificationResponse = (n: NotificationEntity) => ({
  id: n.id,
  experimentId: n.experimentId,
  organizationId: n.organizationId,
  event: n.event,
  subject: n.subject,
  body: n.body,
  link: n.link,
  read: n.readAt !== null,
  readAt: n.readAt?.toISOString() ?? null,
  createdAt: n.createdAt.toISOString(),
});
export type NotificationResponse = ReturnType<typeof toNotificationResponse>;

export const toEmailResponse = (e: EmailEntity) => ({
  id: e.id,
  notificationId: e.notificationId,
  organizationId: e.organizationId,
  toAddress: e.toAddress,
  subject: e.subject,
  text: e.text,
  status: e.status,
  sentAt: e.sentAt?.toISOString() ?? null,
  createdAt: e.createdAt.toISOString(),
});
export type EmailResponse = ReturnType<typeof toEmailResponse>;

export const NOTIFICATION_SORT: Record<string, string> = { createdAt: 'n.created_at', event: 'n.event' };

export interface NotificationFilter {
  read?: boolean;
  experimentId?: string;
  id?: string | string[];
}

export interface EmailFilter {
  status?: 'outbox' | 'sent';
  organizationId?: string;
  id?: string | string[];
}

/** One's own notifications only: nobody reads another's, admins included. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListQuery<NotificationFilter>, principal: Principal) {
    const qb = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.recipient_id = :me', { me: principal.userId });
    if (query.filter.read !== undefined)
      qb.andWhere(query.filter.read ? 'n.read_at IS NOT NULL' : 'n.read_at IS NULL');
    if (query.filter.experimentId)
      qb.andWhere('n.experiment_id = :experimentId', { experimentId: query.filter.experimentId });
    const ids = asArray(query.filter.id);
    if (ids) qb.andWhere('n.id IN (:...ids)', { ids: ids.length ? ids : [null] });
    const [rows, total] = await qb
      .orderBy(NOTIFICATION_SORT[query.sort.field] ?? 'n.created_at', query.sort.order)
      .addOrderBy('n.id', 'ASC')
      .offset(query.offset)
      .limit(query.limit)
      .getManyAndCount();
    return { data: rows.map(toNotificationResponse), total };
  }

  async unreadCount(principal: Principal): Promise<{ count: number }> {
    const count = await this.dataSource
      .getRepository(NotificationEntity)
      .countBy({ recipientId: principal.userId, readAt: IsNull() });
    return { count };
  }

  async findOne(id: string, principal: Principal): Promise<NotificationResponse> {
    const row = await this.dataSource
      .getRepository(NotificationEntity)
      .findOneBy({ id, recipientId: principal.userId });
    if (!row) throw ResourceException.notFound('notification');
    return toNotificationResponse(row);
  }

  async markRead(id: string, read: boolean, principal: Principal): Promise<NotificationResponse> {
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .update(
        { id, recipientId: principal.userId },
        { readAt: read ? () => 'COALESCE(read_at, now())' : null },
      );
    if (!result.affected) throw ResourceException.notFound('notification');
    return this.findOne(id, principal);
  }

  async markAllRead(principal: Principal): Promise<{ updated: number }> {
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .update({ recipientId: principal.userId, readAt: IsNull() }, { readAt: () => 'now()' });
    return { updated: result.affected ?? 0 };
  }

  /** The email outbox (kept when no SMTP server is configured), for the platform admin. */
  async emails(query: ListQuery<EmailFilter>) {
    const ids = asArray(query.filter.id);
    const [rows, total] = await this.dataSource.getRepository(EmailEntity).findAndCount({
      where: {
        ...(query.filter.status ? { status: query.filter.status } : {}),
        ...(query.filter.organizationId ? { organizationId: query.filter.organizationId } : {}),
        ...(ids ? { id: In(ids) } : {}),
      },
      order: { [query.sort.field]: query.sort.order, id: 'ASC' },
      skip: query.offset,
      take: query.limit,
    });
    return { data: rows.map(toEmailResponse), total };
  }

  async email(id: string): Promise<EmailResponse> {
    const row = await this.dataSource.getRepository(EmailEntity).findOneBy({ id });
    if (!row) throw ResourceException.notFound('email');
    return toEmailResponse(row);
  }
}
