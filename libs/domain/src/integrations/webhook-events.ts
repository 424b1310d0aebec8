import { INPUT_RULE } from '../validation';
import { z } from 'zod';

/**
 * The events an organisation's endpoints (webhooks, chat rooms) may receive: every recorded
 * lifecycle transition or event of a test, and the reminders that are notices only. Their
 * type is `experiment.<name>`; the audit event names of the workflow map onto them.
 */
export const WEBHOOK_EVENT_TYPES = [
  'experiment.created',
  'experiment.launched',
  'experiment.cancelled',
  'experiment.checkInRecorded',
  'experiment.checkInMissed',
  'experiment.extensionRequested',
  'experiment.extensionApproved',
  'experiment.extensionRefused',
  'experiment.consentWithdrawn',
  'experiment.criteriaAmended',
  'experiment.expired',
  'experiment.stoppedEarly',
  'experiment.evaluationSubmitted',
  'experiment.evaluationOverdue',
  'experiment.evaluationAlgeco',
  'experiment.decided',
  'experiment.decisionOverdue',
  'experiment.decisionAlgeco',
  'experiment.preExpiryReminder',
  'experiment.checkInsMissed',
  'experiment.evaluationReminder',
  'experiment.decisionReminder',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Subscribes an endpoint to every event, including those added by later releases. */
export const ALL_WEBHOOK_EVENTS = '*';

/** The workflow's audit event names (RecordTransitionInput.event) that differ from their type. */
const RECORDED_EVENT_TYPES: Record<string, WebhookEventType> = {
  create: 'experiment.created',
  launch: 'experiment.launched',
  cancel: 'experiment.cancelled',
  checkIn: 'experiment.checkInRecorded',
  expire: 'experiment.expired',
  stopEarly: 'experiment.stoppedEarly',
  submitEvaluation: 'experiment.evaluationSubmitted',
  decideIterate: 'experiment.decided',
  decidePerpetuate: 'experiment.decided',
  decideAbandon: 'experiment.decided',
};

/** The type of a recorded lifecycle event: a known one, or `experiment.<event>` for a newer one. */
export function webhookTypeOfRecordedEvent(event: string): string {
  return RECORDED_EVENT_TYPES[event] ?? `experiment.${event}`;
}

/** Notices sent on their own (reminders): the others go with a recorded event, which carries them. */
const REMINDER_TYPES: Record<string, WebhookEventType> = {
  preExpiryReminder: 'experiment.preExpiryReminder',
  checkInsMissed: 'experiment.checkInsMissed',
  evaluationReminder: 'experiment.evaluationReminder',
  decisionReminder: 'experiment.decisionReminder',
};

/** The type of a notice sent without a recorded event, or null when a recorded event carries it. */
export function webhookTypeOfReminder(notice: string): WebhookEventType | null {
  return REMINDER_TYPES[notice] ?? null;
}

export function endpointWants(events: readonly string[], type: string): boolean {
  return events.includes(ALL_WEBHOOK_EVENTS) || events.includes(type);
}

/** Who acted: a person, a service account (an integration), or the lifecycle itself (a timer). */
export interface WebhookActor {
  type: 'user' | 'serviceAccount' | 'system';
  id: string | null;
}

/** The body of every delivery (Standard Webhooks: `type`, `timestamp`, `data`). */
export interface WebhookPayload {
  type: string;
  /** When the event happened (ISO 8601). */
  timestamp: string;
  data: {
    organizationId: string;
    experimentId: string;
    title: string;
    /** The state before and after; equal for events that change no state (a reminder). */
    from: string | null;
    to: string | null;
    actor: WebhookActor;
    reason: string | null;
    /** What the event adds: dates, days, outcome, weather… */
    details: Record<string, unknown>;
    /** The test's page in the back-office. */
    link: string;
  };
}

// --- endpoints -------------------------------------------------------------------------------

/** Standard Webhooks receivers, and the chat rooms that take the same events as messages. */
export const ENDPOINT_KINDS = ['webhook', 'tchap', 'mattermost', 'slack', 'teams'] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

const eventsSchema = z
  .array(z.enum([ALL_WEBHOOK_EVENTS, ...WEBHOOK_EVENT_TYPES]))
  .min(1, { message: 'events: choose at least one event' })
  .max(WEBHOOK_EVENT_TYPES.length + 1)
  .transform((events) => [...new Set(events)]);

const url = z
  .string({ message: 'url is required' })
  .trim()
  .max(2000)
  .refine(
    (value) => {
      try {
        const parsed = new URL(value);
        return (
          (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
          !parsed.username &&
          !parsed.password
        );
      } catch {
        return false;
      }
    },
    { message: 'url must be an http(s) URL without credentials', params: INPUT_RULE },
  );

/** A Matrix room id (`!opaque:server`) or alias (`#name:server`). */
const roomId = z
  .string()
  .trim()
  .regex(/^[!#][^:\s]+:[^\s]+$/, {
    message: 'roomId must be a Matrix room id such as !abc:agent.tchap.gouv.fr',
  })
  .max(255);

export const endpointCreateSchema = z
  .object({
    organizationId: z.uuid(),
    name: z.string().trim().min(1, { message: 'name is required' }).max(200),
    kind: z.enum(ENDPOINT_KINDS, { message: `kind must be one of ${ENDPOINT_KINDS.join(', ')}` }),
    /** The receiver (webhook), the incoming webhook (Mattermost, Slack, Teams), or Tchap's homeserver. */
    url,
    events: eventsSchema,
    /** Tchap only: the room and the bot account's access token. */
    roomId: roomId.optional(),
    accessToken: z.string().trim().min(1).max(1000).optional(),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.kind === 'tchap') {
      if (!value.roomId)
        context.addIssue({
          code: 'custom',
          path: ['roomId'],
          message: 'roomId is required for Tchap',
          params: INPUT_RULE,
        });
      if (!value.accessToken)
        context.addIssue({
          code: 'custom',
          path: ['accessToken'],
          message: 'accessToken is required for Tchap',
          params: INPUT_RULE,
        });
    } else {
      if (value.roomId !== undefined)
        context.addIssue({
          code: 'custom',
          path: ['roomId'],
          message: 'roomId is for Tchap only',
          params: INPUT_RULE,
        });
      if (value.accessToken !== undefined)
        context.addIssue({
          code: 'custom',
          path: ['accessToken'],
          message: 'accessToken is for Tchap only',
          params: INPUT_RULE,
        });
    }
  });
export type EndpointCreateInput = z.infer<typeof endpointCreateSchema>;

export const endpointUpdateSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'name is required' }).max(200).optional(),
    url: url.optional(),
    events: eventsSchema.optional(),
    roomId: roomId.optional(),
    accessToken: z.string().trim().min(1).max(1000).optional(),
    /** false pauses deliveries; true enables again an endpoint disabled after failures. */
    enabled: z.boolean().optional(),
  })
  .strict();
export type EndpointUpdateInput = z.infer<typeof endpointUpdateSchema>;

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

/** How an endpoint answers the back-office (its secrets never, once created). */
export interface EndpointResponse {
  id: string;
  organizationId: string;
  name: string;
  kind: EndpointKind;
  /** The receiver's URL; for chat webhooks whose URL is the secret, only its origin and a mask. */
  url: string;
  roomId: string | null;
  events: string[];
  enabled: boolean;
  disabledAt: string | null;
  /** `failing` (disabled after persistent failures) or `paused` (by a person). */
  disabledReason: 'failing' | 'paused' | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  createdAt: string;
  /** Shown once: on creation and when rotated (webhook kind). */
  secret?: string;
}

export interface DeliveryAttemptResponse {
  attempt: number;
  at: string;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
  manual: boolean;
}

export interface DeliveryResponse {
  id: string;
  /** The Standard Webhooks message id (`webhook-id` header), the same for every attempt. */
  messageId: string;
  endpointId: string;
  organizationId: string;
  type: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  experimentId: string | null;
  payload?: WebhookPayload;
  attemptLog?: DeliveryAttemptResponse[];
}

/** How long the delivery journal keeps deliveries and their attempts. */
export const DELIVERY_JOURNAL_DAYS = 7;
