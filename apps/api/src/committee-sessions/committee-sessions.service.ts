import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  ACTIONS_BY_KIND,
  buildAgenda,
  canManageCommittee,
  canReadCommittee,
  canRecordMinutes,
  COMMITTEE_MANAGERS,
  DAY_MS,
  DEFAULT_SESSION_HORIZON_DAYS,
  endOfLocalDay,
  isPlatformAdmin,
  MINUTES_RECORDERS,
  type AgendaItem,
  type CommitteeSessionResponse,
  type CreateCommitteeSessionInput,
  type FieldError,
  type MinutesItemInput,
  type Principal,
  type RecordMinutesInput,
  type UpdateAgendaInput,
} from '@capacites/domain';
import { recordAdminEvent, recordExperimentEvent } from '../common/admin-audit';
import {
  AppException,
  RefusalException,
  ResourceException,
  ValidationException,
} from '../common/app.exception';
import type { ListQuery } from '../common/list-query';
import { ExperimentLifecycleService } from '../experiments/experiment-lifecycle.service';
import { renderMinutes, renderPack } from './committee-pdf';
import { CommitteeSessionsRepository, type SessionRow } from './committee-sessions.repository';

export const COMMITTEE_SORTABLE: Record<string, string> = {
  heldOn: 'held_on',
  createdAt: 'created_at',
  title: 'title',
  status: 'status',
};

export type CommitteeSessionFilter = {
  organizationId?: string;
  status?: 'planned' | 'recorded';
  id?: string | string[];
};

/** A pack or minutes as served: the bytes and a file name. */
export interface CommitteeDocument {
  content: Buffer;
  fileName: string;
}

/**
 * Séances du CODIR: the agenda built from the portfolio, the pack (PDF), and the minutes
 * that apply each decision through the test's own workflow, one Update each.
 */
@Injectable()
export class CommitteeSessionsService {
  private readonly logger = new Logger(CommitteeSessionsService.name);

  constructor(
    private readonly sessions: CommitteeSessionsRepository,
    private readonly lifecycle: ExperimentLifecycleService,
  ) {}

  async list(query: ListQuery<CommitteeSessionFilter>, principal: Principal) {
    const readable = isPlatformAdmin(principal)
      ? 'all'
      : principal.memberships
          .filter((m) => m.role === 'hr' || m.role === 'codir')
          .map((m) => m.organizationId);
    const ids = query.filter.id === undefined ? undefined : ([] as string[]).concat(query.filter.id);
    const { rows, total } = await this.sessions.page(
      readable,
      { organizationId: query.filter.organizationId, status: query.filter.status, ids },
      { column: COMMITTEE_SORTABLE[query.sort.field] ?? 'held_on', order: query.sort.order },
      query.offset,
      query.limit,
    );
    return { data: await Promise.all(rows.map((row) => this.toResponse(row))), total };
  }

  async findOne(id: string, principal: Principal): Promise<CommitteeSessionResponse> {
    return this.toResponse(await this.readable(id, principal));
  }

  /** A new session: its agenda is the portfolio's state now, until the next planned session. */
  async create(input: CreateCommitteeSessionInput, principal: Principal): Promise<CommitteeSessionResponse> {
    const organization = await this.sessions.organization(input.organizationId);
    if (!organization || !canReadCommittee(principal, input.organizationId)) {
      throw ResourceException.referenceNotFound('organizationId', 'ORGANIZATION_NOT_FOUND');
    }
    if (!canManageCommittee(principal, input.organizationId)) {
      throw ResourceException.forbidden('manageCommitteeSessions', COMMITTEE_MANAGERS);
    }
    const heldAt = endOfLocalDay(input.heldOn, organization.timeZone);
    const next = await this.sessions.nextSessionAfter(input.organizationId, input.heldOn);
    const horizon = next
      ? endOfLocalDay(next, organization.timeZone)
      : new Date(heldAt.getTime() + DEFAULT_SESSION_HORIZON_DAYS * DAY_MS);
    const items = buildAgenda(await this.sessions.portfolio(input.organizationId), heldAt, horizon).map(
      (proposed): AgendaItem => blankItem(randomUUID(), proposed.experimentId, proposed.kind, ''),
    );
    const id = randomUUID();
    await this.sessions.transaction(async (manager) => {
      await this.sessions.insert(manager, {
        id,
        organizationId: input.organizationId,
        title: input.title,
        heldOn: input.heldOn,
        items,
        attendees: [],
        createdBy: principal.userId,
      });
      await recordAdminEvent(manager, {
        organizationId: input.organizationId,
        event: 'committeeSession.created',
        actorId: principal.userId,
        details: { sessionId: id, heldOn: input.heldOn, items: items.length },
      });
    });
    return this.findOne(id, principal);
  }

  /** Edits the title, the date or the agenda (items added, removed, reordered, annotated). */
  async update(
    id: string,
    input: UpdateAgendaInput,
    principal: Principal,
  ): Promise<CommitteeSessionResponse> {
    const session = await this.readable(id, principal);
    if (!canManageCommittee(principal, session.organizationId)) {
      throw ResourceException.forbidden('manageCommitteeSessions', COMMITTEE_MANAGERS);
    }
    if (session.status === 'recorded') throw ResourceException.conflict('COMMITTEE_SESSION_RECORDED', {});
    let items = session.items;
    if (input.items) {
      const before = new Map(session.items.map((item) => [item.id, item]));
      const heads = await this.sessions.experimentHeads(
        session.organizationId,
        input.items.map((i) => i.experimentId),
      );
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      items = input.items.map((item, i) => {
        if (!heads.has(item.experimentId))
          errors.push({ field: `items.${i}.experimentId`, message: 'no such test in the organization' });
        if (item.id && !before.has(item.id))
          errors.push({ field: `items.${i}.id`, message: 'no such item in this session' });
        const key = `${item.experimentId}:${item.kind}`;
        if (seen.has(key))
          errors.push({ field: `items.${i}`, message: 'this test is already on the agenda for that reason' });
        seen.add(key);
        return blankItem(item.id ?? randomUUID(), item.experimentId, item.kind, item.note ?? '');
      });
      if (errors.length > 0) {
        // A reference to another organisation's test (or none) is not found, as everywhere.
        if (errors.every((e) => e.field.endsWith('.experimentId')))
          throw new RefusalException('not_found', 'EXPERIMENT_NOT_FOUND', {}, errors);
        throw ResourceException.rules(errors);
      }
    }
    const changes = { title: input.title ?? session.title, heldOn: input.heldOn ?? session.heldOn, items };
    await this.sessions.transaction(async (manager) => {
      if (!(await this.sessions.updatePlanned(manager, id, changes))) {
        throw ResourceException.conflict('COMMITTEE_SESSION_RECORDED', {});
      }
      await recordAdminEvent(manager, {
        organizationId: session.organizationId,
        event: 'committeeSession.agendaEdited',
        actorId: principal.userId,
        details: {
          sessionId: id,
          fields: Object.keys(input),
          items: items.map((item) => ({ experimentId: item.experimentId, kind: item.kind })),
        },
      });
    });
    return this.findOne(id, principal);
  }

  /** The dossier de séance, computed now from the agenda and the tests' current state. */
  async pack(id: string, principal: Principal): Promise<CommitteeDocument> {
    return this.packOf(await this.readable(id, principal));
  }

  /** For a share link: the pack of a session known by id (the link was checked by its service). */
  async packForShare(sessionId: string): Promise<CommitteeDocument | null> {
    const session = await this.sessions.findById(sessionId);
    return session ? this.packOf(session) : null;
  }

  async packOf(session: SessionRow): Promise<CommitteeDocument> {
    const organization = await this.sessions.organization(session.organizationId);
    const ids = session.items.map((item) => item.experimentId);
    const [fiches, stateCounts] = await Promise.all([
      this.sessions.fiches(session.organizationId, ids),
      this.sessions.stateCounts(session.organizationId),
    ]);
    const content = await renderPack({
      organizationName: organization?.name ?? '',
      timeZone: organization?.timeZone ?? 'Europe/Paris',
      title: session.title,
      heldOn: session.heldOn,
      items: session.items.map((item) => ({
        ...item,
        experimentTitle: fiches.get(item.experimentId)?.title ?? '—',
      })),
      fiches,
      stateCounts,
      generatedAt: new Date(),
    });
    return { content, fileName: `dossier-de-seance-${session.heldOn}.pdf` };
  }

  /** The minutes' PDF as recorded (never recomputed). */
  async minutes(id: string, principal: Principal): Promise<CommitteeDocument> {
    const session = await this.readable(id, principal);
    const document = await this.sessions.document(id, 'minutes');
    if (!document) throw ResourceException.notFound('minutes');
    return { content: document.content, fileName: `releve-de-decisions-${session.heldOn}.pdf` };
  }

  /**
   * Records the minutes: each decision goes through its test's workflow as one Update, as
   * the recorder, with the same rules and refusals as on the test's page; a refused item
   * stays open with its reason and the others are applied. Then, in one transaction, the
   * outcomes, the minutes' PDF (immutable) and the audit.
   */
  async recordMinutes(
    id: string,
    input: RecordMinutesInput,
    principal: Principal,
  ): Promise<CommitteeSessionResponse> {
    const session = await this.readable(id, principal);
    if (!canRecordMinutes(principal, session.organizationId)) {
      throw ResourceException.forbidden('recordMinutes', MINUTES_RECORDERS);
    }
    if (session.status === 'recorded') throw ResourceException.conflict('COMMITTEE_SESSION_RECORDED', {});
    const byItem = this.checkMinutes(session, input);
    if (!(await this.sessions.claimRecording(id))) {
      const now = await this.sessions.findById(id);
      throw now?.status === 'recorded'
        ? ResourceException.conflict('COMMITTEE_SESSION_RECORDED', {})
        : ResourceException.conflict('COMMITTEE_MINUTES_IN_PROGRESS', {});
    }
    try {
      const items: AgendaItem[] = [];
      // One after the other: each Update answers once its activity has written it.
      for (const item of session.items) {
        items.push(await this.applyItem(item, byItem.get(item.id), principal, session.organizationId));
      }
      const organization = await this.sessions.organization(session.organizationId);
      const heads = await this.sessions.experimentHeads(
        session.organizationId,
        items.map((i) => i.experimentId),
      );
      const recordedAt = new Date();
      const pdf = await renderMinutes({
        organizationName: organization?.name ?? '',
        timeZone: organization?.timeZone ?? 'Europe/Paris',
        title: session.title,
        heldOn: session.heldOn,
        attendees: input.attendees,
        items: items.map((item) => ({
          ...item,
          experimentTitle: heads.get(item.experimentId)?.title ?? '—',
        })),
        recordedAt,
        recordedByName: (principal as { displayName?: string }).displayName ?? principal.userId,
      });
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      await this.sessions.transaction(async (manager) => {
        if (
          !(await this.sessions.markRecorded(manager, id, {
            items,
            attendees: input.attendees,
            recordedBy: principal.userId,
          }))
        ) {
          throw ResourceException.conflict('COMMITTEE_SESSION_RECORDED', {});
        }
        await this.sessions.insertDocument(manager, id, 'minutes', pdf, sha256);
        for (const item of items) {
          if (item.outcome === 'open') continue;
          await recordExperimentEvent(manager, {
            idempotencyKey: `committee:${id}:${item.id}`,
            organizationId: session.organizationId,
            experimentId: item.experimentId,
            state: heads.get(item.experimentId)?.state ?? null,
            event: 'committeeItemRecorded',
            actorId: principal.userId,
            details: {
              sessionId: id,
              kind: item.kind,
              action: item.action,
              outcome: item.outcome,
              refusal: item.refusal,
            },
          });
        }
        await recordAdminEvent(manager, {
          organizationId: session.organizationId,
          event: 'committeeSession.minutesRecorded',
          actorId: principal.userId,
          details: {
            sessionId: id,
            attendees: input.attendees.length,
            applied: items.filter((i) => i.outcome === 'applied').length,
            refused: items.filter((i) => i.outcome === 'refused').length,
            noted: items.filter((i) => i.outcome === 'noted').length,
            open: items.filter((i) => i.outcome === 'open').length,
            minutesSha256: sha256,
          },
        });
      });
    } catch (error) {
      await this.sessions.releaseRecording(id);
      throw error;
    }
    return this.findOne(id, principal);
  }

  /** Every item named exists once in the session, with an action its kind allows: else 400, nothing applied. */
  private checkMinutes(session: SessionRow, input: RecordMinutesInput): Map<string, MinutesItemInput> {
    const kinds = new Map(session.items.map((item) => [item.id, item.kind]));
    const errors: FieldError[] = [];
    const byItem = new Map<string, MinutesItemInput>();
    input.items.forEach((item, i) => {
      const kind = kinds.get(item.itemId);
      if (!kind)
        errors.push({ field: `items.${i}.itemId`, message: 'no such item on the agenda of this session' });
      else if (!ACTIONS_BY_KIND[kind].includes(item.action))
        errors.push({
          field: `items.${i}.action`,
          message: `${item.action} cannot be recorded for an item of kind ${kind} (allowed: ${ACTIONS_BY_KIND[kind].join(', ')})`,
        });
      if (byItem.has(item.itemId))
        errors.push({ field: `items.${i}.itemId`, message: 'this item is named twice' });
      byItem.set(item.itemId, item);
    });
    if (errors.length > 0) throw new ValidationException(errors);
    return byItem;
  }

  private async applyItem(
    item: AgendaItem,
    recorded: MinutesItemInput | undefined,
    principal: Principal,
    organizationId: string,
  ): Promise<AgendaItem> {
    if (!recorded) return { ...item, outcome: 'open' };
    const base: AgendaItem = {
      ...item,
      action: recorded.action,
      decision: recorded.decision ?? null,
      comment: recorded.comment ?? null,
      refusal: null,
    };
    if (recorded.action === 'noted') return { ...base, outcome: 'noted' };
    try {
      if (recorded.action === 'decide' && recorded.decision) {
        await this.lifecycle.decide(item.experimentId, principal, recorded.decision);
      } else if (recorded.action === 'approveExtension') {
        await this.lifecycle.approveExtension(item.experimentId, principal, recorded.comment);
      } else if (recorded.action === 'refuseExtension') {
        await this.lifecycle.refuseExtension(item.experimentId, principal, recorded.comment);
      }
      return { ...base, outcome: 'applied' };
    } catch (error) {
      if (!(error instanceof AppException)) {
        this.logger.error(`committee item ${item.id} of ${organizationId} failed: ${String(error)}`);
        return { ...base, outcome: 'refused', refusal: { code: 'WORKFLOW_UNAVAILABLE', params: {} } };
      }
      // An interrupted recording applied this decision already (its lease ran out): applied, not refused.
      if (
        recorded.action === 'decide' &&
        (error.code === 'TRANSITION_NOT_ALLOWED' || error.code === 'EXPERIMENT_CLOSED')
      ) {
        const decision = await this.sessions.decisionOf(item.experimentId);
        if (decision?.decidedBy === principal.userId && decision.outcome === recorded.decision?.outcome)
          return { ...base, outcome: 'applied' };
      }
      return { ...base, outcome: 'refused', refusal: { code: error.code, params: { ...error.params } } };
    }
  }

  private async readable(id: string, principal: Principal): Promise<SessionRow> {
    const session = await this.sessions.findById(id);
    if (!session || !canReadCommittee(principal, session.organizationId)) {
      throw ResourceException.notFound('committee-session');
    }
    return session;
  }

  private async toResponse(row: SessionRow): Promise<CommitteeSessionResponse> {
    const heads = await this.sessions.experimentHeads(
      row.organizationId,
      row.items.map((i) => i.experimentId),
    );
    return {
      id: row.id,
      organizationId: row.organizationId,
      title: row.title,
      heldOn: row.heldOn,
      status: row.status,
      items: row.items.map((item) => ({
        ...item,
        experimentTitle: heads.get(item.experimentId)?.title ?? '—',
        experimentState: heads.get(item.experimentId)?.state ?? 'cancelled',
      })),
      attendees: row.attendees,
      recordedAt: row.recordedAt?.toISOString() ?? null,
      recordedBy: row.recordedBy,
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

function blankItem(id: string, experimentId: string, kind: AgendaItem['kind'], note: string): AgendaItem {
  return {
    id,
    experimentId,
    kind,
    note,
    outcome: 'open',
    action: null,
    decision: null,
    comment: null,
    refusal: null,
  };
}
