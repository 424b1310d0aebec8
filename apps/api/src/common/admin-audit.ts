import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditEventEntity } from '@capacites/persistence';

export interface AdminEvent {
  /** Null for platform-wide records (a shared track, a user of no organisation). */
  organizationId: string | null;
  /** `user.created`, `track.archived`, `organization.settingsChanged`… */
  event: string;
  actorId: string;
  details: Record<string, unknown>;
}

/**
 * Records an administration change in the same transaction as the change itself, so that
 * the audit never misses one nor records one that did not happen.
 */
export async function recordAdminEvent(manager: EntityManager, event: AdminEvent): Promise<void> {
  await manager.insert(AuditEventEntity, {
    idempotencyKey: `admin:${randomUUID()}`,
    organizationId: event.organizationId,
    experimentId: null,
    event: event.event,
    fromState: null,
    toState: null,
    actorId: event.actorId,
    reason: null,
    details: event.details,
    occurredAt: new Date(),
  });
}
