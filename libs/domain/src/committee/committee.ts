import { INPUT_RULE } from '../validation';
import { z } from 'zod';
import { expiryDateSchema } from '../experiment/framing';
import { decisionBodySchema } from '../experiment/lifecycle-inputs';
import { hasRequiredHandover, HANDOVER_REQUIRED } from '../experiment/lifecycle-rules';
import type { ExperimentState } from '../experiment/experiment-state';

/**
 * Committee sessions (séances du CODIR): the agenda built from the portfolio, the minutes
 * (relevé de décisions) and the read-only share links. Pure rules and the shapes shared by
 * the API and the back-office.
 */

/** Why a test is on the agenda: what is asked of the committee. */
export const AGENDA_ITEM_KINDS = [
  'decision',
  'evaluationOverdue',
  'extensionRequest',
  'expiringSoon',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** What the minutes may record for an item, by kind (the same Updates as one by one). */
export const MINUTES_ACTIONS = ['decide', 'approveExtension', 'refuseExtension', 'noted'] as const;
export type MinutesAction = (typeof MINUTES_ACTIONS)[number];

export const ACTIONS_BY_KIND: Record<AgendaItemKind, readonly MinutesAction[]> = {
  decision: ['decide', 'noted'],
  extensionRequest: ['approveExtension', 'refuseExtension', 'noted'],
  evaluationOverdue: ['noted'],
  expiringSoon: ['noted'],
};

/** How an item stands after the minutes: applied through the workflow, refused (stays open), or noted. */
export const ITEM_OUTCOMES = ['open', 'applied', 'refused', 'noted'] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];

export const COMMITTEE_SESSION_STATUSES = ['planned', 'recorded'] as const;
export type CommitteeSessionStatus = (typeof COMMITTEE_SESSION_STATUSES)[number];

/** A test of the portfolio as the agenda builder sees it. */
export interface PortfolioFacts {
  experimentId: string;
  state: ExperimentState;
  expiresAt: string | null;
  evaluationDueAt: string | null;
  /** The latest extension event is a request (running tests only). */
  extensionPending: boolean;
}

export interface ProposedAgendaItem {
  experimentId: string;
  kind: AgendaItemKind;
}

const KIND_ORDER: Record<AgendaItemKind, number> = {
  decision: 0,
  extensionRequest: 1,
  evaluationOverdue: 2,
  expiringSoon: 3,
};

/**
 * The agenda of a session held at `heldAt`, until the next one (`horizon`): decisions due,
 * extension requests waiting, evaluations overdue at the session, tests that will expire
 * before the next session. One item per test (the first reason in that order); a test whose
 * extension is requested is not listed again as expiring.
 */
export function buildAgenda(
  portfolio: readonly PortfolioFacts[],
  heldAt: Date,
  horizon: Date,
): ProposedAgendaItem[] {
  const items: ProposedAgendaItem[] = [];
  for (const test of portfolio) {
    const kind = agendaKindOf(test, heldAt, horizon);
    if (kind) items.push({ experimentId: test.experimentId, kind });
  }
  return items.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

function agendaKindOf(test: PortfolioFacts, heldAt: Date, horizon: Date): AgendaItemKind | null {
  if (test.state === 'deciding') return 'decision';
  if (test.state === 'running' && test.extensionPending) return 'extensionRequest';
  if (
    test.state === 'evaluating' &&
    test.evaluationDueAt &&
    Date.parse(test.evaluationDueAt) < heldAt.getTime()
  )
    return 'evaluationOverdue';
  if (test.state === 'running' && test.expiresAt && Date.parse(test.expiresAt) < horizon.getTime())
    return 'expiringSoon';
  return null;
}

/** Without a later session planned, the agenda looks this far ahead for expiries. */
export const DEFAULT_SESSION_HORIZON_DAYS = 30;

const name = (field: string, max: number) =>
  z
    .string({ message: `${field} is required` })
    .trim()
    .min(1, { message: `${field} is required` })
    .max(max, { message: `${field} must have at most ${max} characters` });

export const createCommitteeSessionSchema = z
  .object({
    organizationId: z.uuid({ message: 'organizationId must be a UUID' }),
    title: name('title', 200),
    /** The day of the session, in the organisation's time zone. */
    heldOn: expiryDateSchema('heldOn'),
  })
  .strict();
export type CreateCommitteeSessionInput = z.infer<typeof createCommitteeSessionSchema>;

export const agendaItemInputSchema = z
  .object({
    /** An existing item keeps its id; a new one has none. */
    id: z.uuid().optional(),
    experimentId: z.uuid({ message: 'experimentId must be a UUID' }),
    kind: z.enum(AGENDA_ITEM_KINDS, { message: `kind must be one of ${AGENDA_ITEM_KINDS.join(', ')}` }),
    /** What the committee is asked, in HR's words (shown in the pack). */
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

/** The agenda as edited: the items in their order (removed ones are absent). */
export const updateAgendaSchema = z
  .object({
    title: name('title', 200).optional(),
    heldOn: expiryDateSchema('heldOn').optional(),
    items: z.array(agendaItemInputSchema).max(200).optional(),
  })
  .strict();
export type UpdateAgendaInput = z.infer<typeof updateAgendaSchema>;

export const minutesItemSchema = z
  .object({
    itemId: z.uuid({ message: 'itemId must be a UUID' }),
    action: z.enum(MINUTES_ACTIONS, { message: `action must be one of ${MINUTES_ACTIONS.join(', ')}` }),
    /** action `decide`: the decision, as on the test's page. */
    decision: decisionBodySchema.optional(),
    /** approve / refuse an extension, or what was noted. */
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();
export type MinutesItemInput = z.infer<typeof minutesItemSchema>;

export const attendeeSchema = z
  .object({
    name: name('name', 200),
    /** Their function (DGS, élue…), free text. */
    role: z.string().trim().max(200).optional(),
  })
  .strict();

export const recordMinutesSchema = z
  .object({
    attendees: z.array(attendeeSchema).min(1, { message: 'attendees: at least one person present' }).max(100),
    items: z.array(minutesItemSchema).max(200),
  })
  .strict()
  .superRefine((input, ctx) => {
    input.items.forEach((item, i) => {
      if (item.action === 'decide' && !item.decision) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'decision'],
          message: 'a decision is required to decide',
          params: INPUT_RULE,
        });
      }
      if (item.action !== 'decide' && item.decision) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'decision'],
          message: 'a decision goes with action decide only',
          params: INPUT_RULE,
        });
      }
      if (item.decision && !hasRequiredHandover(item.decision)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'decision', 'handover'],
          message: HANDOVER_REQUIRED,
          params: INPUT_RULE,
        });
      }
    });
  });
export type RecordMinutesInput = z.infer<typeof recordMinutesSchema>;

// --- responses (shared with the back-office) -------------------------------------------------

export interface AgendaItem {
  id: string;
  experimentId: string;
  kind: AgendaItemKind;
  note: string;
  /** Filled when the minutes are recorded. */
  outcome: ItemOutcome;
  action: MinutesAction | null;
  decision: z.infer<typeof decisionBodySchema> | null;
  comment: string | null;
  /** Why the workflow (or the rules) refused it: the item stays open. */
  refusal: { code: string; params: Record<string, unknown> } | null;
}

export interface CommitteeSessionResponse {
  id: string;
  organizationId: string;
  title: string;
  heldOn: string;
  status: CommitteeSessionStatus;
  items: (AgendaItem & { experimentTitle: string; experimentState: ExperimentState })[];
  attendees: { name: string; role?: string }[];
  recordedAt: string | null;
  recordedBy: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

// --- share links ----------------------------------------------------------------------------

export const SHARE_LINK_KINDS = ['committeePack', 'dashboard'] as const;
export type ShareLinkKind = (typeof SHARE_LINK_KINDS)[number];
export const DEFAULT_SHARE_LINK_DAYS = 30;
export const MAX_SHARE_LINK_DAYS = 365;

export const createShareLinkSchema = z
  .object({
    kind: z.enum(SHARE_LINK_KINDS, { message: 'kind must be committeePack or dashboard' }),
    organizationId: z.uuid({ message: 'organizationId must be a UUID' }),
    /** kind committeePack: the session whose pack is shared. */
    sessionId: z.uuid({ message: 'sessionId must be a UUID' }).optional(),
    /** Who it is for (an élue, a partner): shown in the list, never on the shared page. */
    recipient: name('recipient', 200),
    expiresInDays: z
      .number({ message: 'expiresInDays must be a number of days' })
      .int({ message: 'expiresInDays must be a whole number of days' })
      .min(1, { message: 'expiresInDays must be at least 1' })
      .max(MAX_SHARE_LINK_DAYS, { message: `expiresInDays must be at most ${MAX_SHARE_LINK_DAYS}` })
      .optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.kind === 'committeePack' && !input.sessionId)
      ctx.addIssue({
        code: 'custom',
        path: ['sessionId'],
        message: 'sessionId is required to share a pack',
        params: INPUT_RULE,
      });
    if (input.kind === 'dashboard' && input.sessionId)
      ctx.addIssue({
        code: 'custom',
        path: ['sessionId'],
        message: 'a dashboard link names no session',
        params: INPUT_RULE,
      });
  });
export type CreateShareLinkInput = z.infer<typeof createShareLinkSchema>;

export type ShareLinkStatus = 'active' | 'expired' | 'revoked';

export interface ShareLinkResponse {
  id: string;
  kind: ShareLinkKind;
  organizationId: string;
  sessionId: string | null;
  recipient: string;
  expiresAt: string;
  revokedAt: string | null;
  status: ShareLinkStatus;
  openCount: number;
  lastOpenedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  /** Given once, at creation: only its hash is kept. */
  url?: string;
}

export function shareLinkStatus(
  link: { expiresAt: Date; revokedAt: Date | null },
  now: Date,
): ShareLinkStatus {
  if (link.revokedAt) return 'revoked';
  return link.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

// --- who may (DOMAIN.md, "Roles") -----------------------------------------------------------

interface Member {
  memberships: { organizationId: string; role: string }[];
}
const hasRole = (principal: Member, organizationId: string, roles: readonly string[]) =>
  principal.memberships.some((m) => m.organizationId === organizationId && roles.includes(m.role));
const platformAdmin = (principal: Member) => principal.memberships.some((m) => m.role === 'admin');

/** HR and the CODIR read their organisation's sessions and share links; the platform admin reads all. */
export const canReadCommittee = (principal: Member, organizationId: string) =>
  platformAdmin(principal) || hasRole(principal, organizationId, ['hr', 'codir']);

/** HR (and the CODIR itself) plan sessions and edit their agenda. */
export const COMMITTEE_MANAGERS = ['hr', 'codir'] as const;
export const canManageCommittee = (principal: Member, organizationId: string) =>
  hasRole(principal, organizationId, COMMITTEE_MANAGERS);

/**
 * The minutes decide: a CODIR member records them, and each decision is theirs (the same
 * rules as on the test's page: an extension stays the sponsor's to grant).
 */
export const MINUTES_RECORDERS = ['codir'] as const;
export const canRecordMinutes = (principal: Member, organizationId: string) =>
  hasRole(principal, organizationId, MINUTES_RECORDERS);

/** Who shares a pack or the dashboard outside: HR and the CODIR. */
export const SHARE_LINK_MANAGERS = ['hr', 'codir'] as const;
export const canManageShareLinks = (principal: Member, organizationId: string) =>
  hasRole(principal, organizationId, SHARE_LINK_MANAGERS);
