// The questionnaires' windows, driven by the experiment's workflow (issue 14, item 5): opening,
// J-3 reminders to those who have not answered, and closing are timers of the test, each an
// audited event written by an activity. Kept apart from the lifecycle so that the workflow file
// only wires it in; histories without questionnaires never reach this code.
import { patched, proxyActivities, setHandler } from '@temporalio/workflow';
import { canBuildQuestionnaireIn, reminderAt, resolveWindow, type WindowFacts } from '@capacites/domain';
import type { ExperimentLifecycle } from './experiment-lifecycle.state';
import { LifecycleRefusal } from './experiment-lifecycle.state';
import {
  closeQuestionnaireUpdate,
  questionnaireWindowsQuery,
  scheduleQuestionnaireUpdate,
  type QuestionnaireActivities,
  type QuestionnaireEvent,
  type QuestionnaireWindowState,
  type ScheduleQuestionnaireRequest,
} from './experiment-lifecycle.questionnaires.messages';
import type { Actor } from './experiment-lifecycle.messages';

/** Patch id: the workflow holds questionnaires' windows (a new update; the marker dates it). */
export const QUESTIONNAIRE_WINDOWS = 'questionnaire-windows';

const activities = proxyActivities<QuestionnaireActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export interface QuestionnaireTimer {
  questionnaireId: string;
  kind: 'open' | 'remind' | 'close';
  at: string;
  key: string;
}


const ms = (iso: string) => new Date(iso).getTime();

/** The workflow's side of the questionnaires: timers computed from the test's state. */
export class QuestionnaireWindows {
  constructor(
    private readonly lifecycle: ExperimentLifecycle,
    private readonly now: () => Date,
  ) {}

  private get list(): QuestionnaireWindowState[] {
    return (this.lifecycle.data.questionnaires ??= []);
  }

  /** The query's answer: copies, never the state itself. */
  snapshot(): QuestionnaireWindowState[] {
    return (this.lifecycle.data.questionnaires ?? []).map((q) => ({ ...q, handled: [...q.handled] }));
  }

  get hasOpen(): boolean {
    return (this.lifecycle.data.questionnaires ?? []).some((q) => q.status !== 'closed');
  }

  private facts(): WindowFacts {
    const d = this.lifecycle.data;
    return {
      state: d.state,
      launchedAt: d.launchedAt,
      expiresAt: d.expiresAt,
      stoppedAt: d.stoppedAt,
      evaluationDueAt: d.evaluationDueAt,
      evaluationSubmittedAt: d.evaluationSubmittedAt,
      closedAt: null,
    };
  }

  private effective(q: QuestionnaireWindowState) {
    return resolveWindow(q.window, this.facts(), q.publishedAt, q.audience);
  }

  /** Every timer still to come; `planning`: reminders already past are dropped, never sent late. */
  timers(planning: boolean): QuestionnaireTimer[] {
    const timers: QuestionnaireTimer[] = [];
    const settings = this.lifecycle.data.settings;
    for (const q of this.lifecycle.data.questionnaires ?? []) {
      if (q.status === 'closed') continue;
      const { opensAt, closesAt } = this.effective(q);
      if (q.status === 'scheduled') {
        // A window that would close before it opens closes without opening.
        if (closesAt && (!opensAt || ms(closesAt) <= ms(opensAt)))
          timers.push({ questionnaireId: q.questionnaireId, kind: 'close', at: closesAt, key: `close:${q.questionnaireId}` });
        else if (opensAt)
          timers.push({ questionnaireId: q.questionnaireId, kind: 'open', at: opensAt, key: `open:${q.questionnaireId}` });
        continue;
      }
      if (!closesAt) continue;
      const remind = settings ? reminderAt(q.audience, { opensAt: q.opensAt ?? opensAt, closesAt }, settings.reminderHour, settings.timeZone) : null;
      const remindKey = `remind:${closesAt}`;
      if (remind && !q.handled.includes(remindKey)) {
        if (planning && ms(remind) <= this.now().getTime()) q.handled.push(remindKey);
        else timers.push({ questionnaireId: q.questionnaireId, kind: 'remind', at: remind, key: remindKey });
      }
      timers.push({ questionnaireId: q.questionnaireId, kind: 'close', at: closesAt, key: `close:${q.questionnaireId}` });
    }
    return timers.sort((a, b) => ms(a.at) - ms(b.at) || (a.key < b.key ? -1 : 1));
  }

  /** The earliest timer, planned now (past reminders dropped). */
  next(): QuestionnaireTimer | undefined {
    return this.timers(true)[0];
  }

  /** Fires a timer unless it was superseded meanwhile (closed by hand, window moved). */
  async fire(timer: QuestionnaireTimer): Promise<void> {
    const current = this.timers(false).find((t) => t.questionnaireId === timer.questionnaireId && t.key === timer.key);
    if (!current || current.at !== timer.at) return;
    const q = this.find(timer.questionnaireId) as QuestionnaireWindowState;
    if (timer.kind === 'open') await this.open(q);
    else if (timer.kind === 'close') await this.close(q, null);
    else {
      q.handled.push(timer.key);
      await this.record(q, 'questionnaireReminded', null, this.lifecycle.people('participants'));
    }
  }

  /** The test has ended (cancelled or decided): whatever is still open or planned closes now. */
  async closeAll(): Promise<void> {
    for (const q of this.lifecycle.data.questionnaires ?? []) {
      if (q.status !== 'closed') await this.close(q, null);
    }
  }

  /** Reads only: validators call it, and a validator must change nothing. */
  private find(id: string): QuestionnaireWindowState | undefined {
    return (this.lifecycle.data.questionnaires ?? []).find((q) => q.questionnaireId === id);
  }

  // --- updates ---------------------------------------------------------------------

  checkSchedule(request: ScheduleQuestionnaireRequest): void {
    const existing = this.find(request.questionnaireId);
    if (existing) return; // a retried publication answers with the state it has
    const state = this.lifecycle.data.state ?? 'draft';
    if (!canBuildQuestionnaireIn(request.window.kind, state))
      throw new LifecycleRefusal('QUESTIONNAIRE_EXPERIMENT_STATE', { state });
    if (request.window.kind === 'evaluation' && this.lifecycle.data.evaluationSubmittedAt)
      throw new LifecycleRefusal('QUESTIONNAIRE_EXPERIMENT_STATE', { state });
    const closesAt = request.window.closesAt;
    if (closesAt && ms(closesAt) <= this.now().getTime())
      throw new LifecycleRefusal('QUESTIONNAIRE_WINDOW_PAST', { closesAt });
  }

  async schedule(request: ScheduleQuestionnaireRequest): Promise<QuestionnaireWindowState> {
    const existing = this.find(request.questionnaireId);
    if (existing) return { ...existing };
    patched(QUESTIONNAIRE_WINDOWS);
    const q: QuestionnaireWindowState = {
      questionnaireId: request.questionnaireId,
      audience: request.audience,
      window: request.window,
      publishedAt: this.now().toISOString(),
      status: 'scheduled',
      opensAt: null,
      closesAt: null,
      handled: [],
    };
    this.list.push(q);
    const { opensAt, closesAt } = this.effective(q);
    q.opensAt = opensAt;
    q.closesAt = closesAt;
    await this.record(q, 'questionnairePublished', request.actor, []);
    // Open at once when the window has begun, so that the answer already says "open".
    const due = this.timers(false).find((t) => t.questionnaireId === q.questionnaireId);
    if (due?.kind === 'open' && ms(due.at) <= this.now().getTime()) await this.open(q);
    return { ...q };
  }

  checkClose(questionnaireId: string): void {
    const q = this.find(questionnaireId);
    if (!q) throw new LifecycleRefusal('NOT_FOUND', { resource: 'questionnaire' });
    if (q.status === 'closed') throw new LifecycleRefusal('QUESTIONNAIRE_CLOSED', { closedAt: q.closesAt });
  }

  async closeNow(questionnaireId: string, actor: Actor): Promise<QuestionnaireWindowState> {
    const q = this.find(questionnaireId) as QuestionnaireWindowState;
    await this.close(q, actor);
    return { ...q };
  }

  // --- events ----------------------------------------------------------------------

  private async open(q: QuestionnaireWindowState): Promise<void> {
    const { closesAt } = this.effective(q);
    q.status = 'open';
    q.opensAt = this.now().toISOString();
    q.closesAt = closesAt;
    const recipients = q.audience === 'participants' ? this.lifecycle.people('participants') : [];
    await this.record(q, 'questionnaireOpened', null, recipients);
    // A reminder whose time is already past at opening is not sent late.
    this.timers(true);
  }

  private async close(q: QuestionnaireWindowState, actor: Actor | null): Promise<void> {
    q.status = 'closed';
    q.closesAt = this.now().toISOString();
    await this.record(q, 'questionnaireClosed', actor, this.lifecycle.people('pilots'));
  }

  private async record(
    q: QuestionnaireWindowState,
    event: QuestionnaireEvent,
    actor: Actor | null,
    recipientIds: string[],
  ): Promise<void> {
    const d = this.lifecycle.data;
    await activities.recordQuestionnaireEvent({
      experimentId: d.experimentId,
      organizationId: d.organizationId,
      questionnaireId: q.questionnaireId,
      idempotencyKey: this.lifecycle.nextKey(event),
      event,
      status: q.status,
      opensAt: q.opensAt,
      closesAt: q.closesAt,
      experimentState: d.state ?? 'draft',
      actorId: actor?.userId ?? null,
      reason: actor?.reason ?? null,
      occurredAt: this.now().toISOString(),
      recipientIds,
    });
  }
}

/** Wires the updates and the query; `guarded` runs each in the workflow's one queue, `replan` wakes its loop. */
export function registerQuestionnaireHandlers(
  windows: QuestionnaireWindows,
  guarded: <T>(check: () => void, work: () => Promise<T>) => Promise<T>,
  asFailure: (check: () => void) => void,
  replan: () => void,
): void {
  setHandler(questionnaireWindowsQuery, () => windows.snapshot());
  setHandler(
    scheduleQuestionnaireUpdate,
    (request) =>
      guarded(
        () => windows.checkSchedule(request),
        async () => {
          const state = await windows.schedule(request);
          replan();
          return state;
        },
      ),
    { validator: (request) => asFailure(() => windows.checkSchedule(request)) },
  );
  setHandler(
    closeQuestionnaireUpdate,
    (request) =>
      guarded(
        () => windows.checkClose(request.questionnaireId),
        async () => {
          const state = await windows.closeNow(request.questionnaireId, request.actor);
          replan();
          return state;
        },
      ),
    { validator: (request) => asFailure(() => windows.checkClose(request.questionnaireId)) },
  );
}
