import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditEventEntity } from '@capacites/persistence';

export interface AdminEvent {
  /** Null for platform-wide records (a shared track, a user of no organisation). */
  organizationId: string | null;
  /** `user.created`, `track.archived`, `organization.settingsChanged`… */
  event: string;
  /** Null for an act of the command line (create-admin): details.via names it. */
  actorId: string | null;
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

export interface ExperimentEvent {
  /** Unique per row (`framing:<experimentId>:<uuid>`…): a retried write never records twice. */
  idempotencyKey: string;
  organizationId: string;
  experimentId: string;
  /** The experiment's state, recorded as both from and to: these events do not change it. */
  state: string | null;
  /** `framingUpdated`, `consentGiven`, `testimonyAdded`, `learningsShared`… */
  event: string;
  actorId: string;
  details: Record<string, unknown>;
}

/**
 * Records an event of an experiment's life that is not a state transition (an edit, a
 * consent, a testimony…) in the same transaction as the change itself.
 */
export async function recordExperimentEvent(manager: EntityManager, event: ExperimentEvent): Promise<void> {
  await manager.insert(AuditEventEntity, {
    idempotencyKey: event.idempotencyKey,
    organizationId: event.organizationId,
    experimentId: event.experimentId,
    event: event.event,
    fromState: event.state,
    toState: event.state,
    actorId: event.actorId,
    reason: null,
    details: event.details,
    occurredAt: new Date(),
  });
}
