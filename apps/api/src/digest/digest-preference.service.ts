import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@capacites/domain';
import { UserEntity } from '@capacites/persistence';
import { recordAdminEvent } from '../common/admin-audit';
import { ResourceException } from '../common/app.exception';

export interface DigestPreference {
  /** The person turned the digest off for themselves. */
  optedOut: boolean;
  optedOutAt: string | null;
}

/** One's own choice to receive the organisation digest or not: only the person sets it. Audited. */
@Injectable()
export class DigestPreferenceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(principal: Principal): Promise<DigestPreference> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: principal.userId });
    if (!user) throw ResourceException.notFound('user');
    return {
      optedOut: user.digestOptedOutAt !== null,
      optedOutAt: user.digestOptedOutAt?.toISOString() ?? null,
    };
  }

  async set(principal: Principal, optedOut: boolean): Promise<DigestPreference> {
    const current = await this.get(principal);
    if (current.optedOut === optedOut) return current;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        UserEntity,
        { id: principal.userId },
        { digestOptedOutAt: optedOut ? new Date() : null },
      );
      await recordAdminEvent(manager, {
        organizationId: null,
        event: optedOut ? 'user.digestOptedOut' : 'user.digestOptedIn',
        actorId: principal.userId,
        details: {},
      });
    });
    return this.get(principal);
  }
}
