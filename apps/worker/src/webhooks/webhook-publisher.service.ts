import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DELIVERY_JOURNAL_DAYS,
  webhookTypeOfRecordedEvent,
  webhookTypeOfReminder,
  type WebhookPayload,
} from '@capacites/domain';
import type { NotifyInput, RecordTransitionInput } from '@capacites/workflows';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker.config';

/** Starts the delivery workflow of a delivery (idempotent: by its workflow id). */
export interface DeliveryStarter {
  start(deliveryId: string): Promise<void>;
}

interface PublishedEvent {
  /** Unique per event: the recorded event's idempotency key. */
  eventKey: string;
  organizationId: string;
  experimentId: string;
  type: string;
  occurredAt: string;
  /** Undefined for a reminder: the state it was sent in. */
  from?: string | null;
  to?: string | null;
  actorId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

// An endpoint of the organisation takes this type (enabled, subscribed to it or to everything).
const WANTED = `organization_id = $1 AND disabled_at IS NULL AND ($2 = ANY(events) OR '*' = ANY(events))`;

/**
 * The message and its deliveries, in one statement: nothing when the event was published
 * already (a retried activity), one delivery per endpoint that wants it.
 */
const PUBLISH_SQL = `
  WITH message AS (
    INSERT INTO webhook_messages (organization_id, event_key, type, experiment_id, payload)
    VALUES ($1, $3, $2, $4, $5)
    ON CONFLICT (event_key) DO NOTHING
    RETURNING id
  )
  INSERT INTO webhook_deliveries (message_id, endpoint_id, organization_id)
  SELECT message.id, e.id, $1 FROM message, webhook_endpoints e
   WHERE e.organization_id = $1 AND e.disabled_at IS NULL AND ($2 = ANY(e.events) OR '*' = ANY(e.events))
  ON CONFLICT (message_id, endpoint_id) DO NOTHING`;

const PURGE_EVERY_MS = 10 * 60_000;

/**
 * Publishes the lifecycle's events to the organisation's endpoints (webhooks, chat rooms):
 * writes the message and one delivery per endpoint, then starts each delivery's workflow.
 * Called by the activities after they record the event: a retried activity publishes the same
 * message (its key) and starts what was not started yet, so that a crash loses nothing.
 */
@Injectable()
export class WebhookPublisher {
  private readonly logger = new Logger('Webhooks');
  private lastPurge = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async publishTransition(input: RecordTransitionInput, starter: DeliveryStarter): Promise<void> {
    const patch = input.patch ?? {};
    const details: Record<string, unknown> = {
      ...(input.notice?.data ?? {}),
      ...(input.details ?? {}),
      ...pick(patch, ['expiresAt', 'evaluationDueAt', 'decisionDueAt', 'childExperimentId', 'stopKind']),
      ...(input.decision ? { outcome: input.decision.outcome } : {}),
      ...(input.checkIn ? { weather: input.checkIn.weather } : {}),
      ...(input.evaluation ? { verdict: input.evaluation.verdict } : {}),
    };
    await this.publish(
      {
        eventKey: `event:${input.idempotencyKey}`,
        organizationId: input.organizationId,
        experimentId: input.experimentId,
        type: webhookTypeOfRecordedEvent(input.event),
        occurredAt: input.occurredAt,
        from: input.from,
        to: input.to,
        actorId: input.actorId,
        reason: input.reason,
        details,
      },
      starter,
    );
  }

  /** Reminders are notices without a recorded event: published here (the others ride on theirs). */
  async publishReminder(input: NotifyInput, starter: DeliveryStarter): Promise<void> {
    const type = webhookTypeOfReminder(input.event);
    if (!type) return;
    await this.publish(
      {
        eventKey: `notice:${input.idempotencyKey}`,
        organizationId: input.organizationId,
        experimentId: input.experimentId,
        type,
        occurredAt: new Date().toISOString(),
        actorId: null,
        reason: null,
        details: { ...input.data },
      },
      starter,
    );
  }

  private async publish(event: PublishedEvent, starter: DeliveryStarter): Promise<void> {
    // Most organisations have no endpoint: one indexed look-up and nothing else.
    const wanted: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM webhook_endpoints WHERE ${WANTED} LIMIT 1`,
      [event.organizationId, event.type],
    );
    if (wanted.length > 0) {
      const payload = await this.payload(event);
      await this.dataSource.query(PUBLISH_SQL, [
        event.organizationId,
        event.type,
        event.eventKey,
        event.experimentId,
        payload,
      ]);
    }
    await this.dispatch(event.eventKey, starter);
    await this.purgeJournal();
  }

  /** Starts the workflow of each delivery of the message not started yet. */
  private async dispatch(eventKey: string, starter: DeliveryStarter): Promise<void> {
    const waiting: { id: string }[] = await this.dataSource.query(
      `SELECT d.id FROM webhook_deliveries d JOIN webhook_messages m ON m.id = d.message_id
        WHERE m.event_key = $1 AND d.dispatched_at IS NULL`,
      [eventKey],
    );
    for (const { id } of waiting) {
      await starter.start(id);
      await this.dataSource.query(`UPDATE webhook_deliveries SET dispatched_at = now() WHERE id = $1`, [id]);
    }
  }

  private async payload(event: PublishedEvent): Promise<WebhookPayload> {
    const [experiment]: { title: string; state: string }[] = await this.dataSource.query(
      `SELECT title, state FROM experiments WHERE id = $1`,
      [event.experimentId],
    );
    let actorType: 'user' | 'serviceAccount' | 'system' = 'system';
    if (event.actorId) {
      const account: unknown[] = await this.dataSource.query(`SELECT 1 FROM service_accounts WHERE id = $1`, [
        event.actorId,
      ]);
      actorType = account.length > 0 ? 'serviceAccount' : 'user';
    }
    const base = this.config.PUBLIC_URL.replace(/\/$/, '');
    return {
      type: event.type,
      timestamp: event.occurredAt,
      data: {
        organizationId: event.organizationId,
        experimentId: event.experimentId,
        title: experiment?.title ?? '',
        from: event.from === undefined ? (experiment?.state ?? null) : event.from,
        to: event.to === undefined ? (experiment?.state ?? null) : event.to,
        actor: { type: actorType, id: event.actorId },
        reason: event.reason,
        details: event.details,
        link: `${base}/#/experiments/${event.experimentId}/show`,
      },
    };
  }

  /** The journal keeps 7 days: older messages go, with their deliveries and attempts. */
  private async purgeJournal(): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    try {
      await this.dataSource.query(
        `DELETE FROM webhook_messages WHERE created_at < now() - make_interval(days => $1)`,
        [DELIVERY_JOURNAL_DAYS],
      );
    } catch (error) {
      // A purge that fails is done at the next one; the event itself is published.
      this.logger.warn(`journal purge failed: ${(error as Error).message}`);
    }
  }
}

function pick(source: object, keys: string[]): Record<string, unknown> {
  const entries = Object.entries(source).filter(([key, value]) => keys.includes(key) && value !== undefined);
  return Object.fromEntries(entries);
}
