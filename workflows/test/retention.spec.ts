import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { isRetentionDue, retentionDueAt } from '@capacites/domain';
import {
  RETENTION_BATCH,
  RETENTION_WORKFLOW,
  type RetentionActivities,
  type RetentionRunResult,
} from '../src/retention/retention.messages';
import { createTestWorker, createTimeSkippingEnvironment } from './support/environment';

const DAY = 24 * 3600 * 1000;

/**
 * The retention Schedule's workflow on the time-skipping server (issue 17, item 3). The fake
 * activities keep what PostgreSQL and Temporal would: closed tests with their closing instant
 * and their organisation's period, histories still present, and one audit record per test
 * pseudonymised (a second pass writes none, as `audit_events_redact`'s idempotency key does).
 */
describe('personal-data retention workflow (time-skipping test server)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  interface FakeTest {
    id: string;
    closedAt: number;
    retentionDays: number;
    history: 'closed' | 'open' | 'gone';
    pseudonymisedAt: string | null;
  }

  function fakes(tests: FakeTest[]) {
    const calls: string[] = [];
    const audit: { experimentId: string; at: string; workflowHistories: number }[] = [];
    const activities: RetentionActivities = {
      async findDueExperiments({ at, limit }) {
        return tests
          .filter((t) => !t.pseudonymisedAt && isRetentionDue(new Date(t.closedAt), t.retentionDays, new Date(at)))
          .sort((a, b) => a.closedAt - b.closedAt)
          .slice(0, limit)
          .map((t) => ({ experimentId: t.id, retentionDays: t.retentionDays }));
      },
      async deleteExperimentHistory({ experimentId }) {
        calls.push(`delete:${experimentId}`);
        const test = tests.find((t) => t.id === experimentId) as FakeTest;
        if (test.history === 'open') return { deleted: 0, stillOpen: true };
        if (test.history === 'gone') return { deleted: 0, stillOpen: false };
        test.history = 'gone';
        return { deleted: 1, stillOpen: false };
      },
      async pseudonymiseExperiment({ experimentId, at, workflowHistories }) {
        calls.push(`pseudonymise:${experimentId}`);
        const test = tests.find((t) => t.id === experimentId) as FakeTest;
        if (test.pseudonymisedAt) return { done: false };
        test.pseudonymisedAt = at;
        audit.push({ experimentId, at, workflowHistories });
        return { done: true };
      },
    };
    return { activities, calls, audit };
  }

  /** One run as the Schedule fires it, through a plain client (no time skipped while waiting). */
  async function fire(taskQueue: string, input: { at?: string } = {}): Promise<RetentionRunResult> {
    const client = new Client({ connection: env.connection });
    return client.workflow.execute(RETENTION_WORKFLOW, {
      taskQueue,
      workflowId: `retention-${randomUUID()}`,
      args: [input],
    });
  }

  it('pseudonymises each closed test on the first daily run after its period, history first, once', async () => {
    const start = (await env.currentTimeMs()) as number;
    const tests: FakeTest[] = [
      // Closed 10 days ago, 30-day period: due on day 20 of the runs.
      { id: 'a', closedAt: start - 10 * DAY, retentionDays: 30, history: 'closed', pseudonymisedAt: null },
      // Closed 40 days ago, 30-day period: due at the first run.
      { id: 'b', closedAt: start - 40 * DAY, retentionDays: 30, history: 'closed', pseudonymisedAt: null },
      // Its workflow is still open (a handover still under way): pseudonymised, history kept.
      { id: 'c', closedAt: start - 40 * DAY, retentionDays: 30, history: 'open', pseudonymisedAt: null },
      // The default period (2 years): not within these runs.
      { id: 'd', closedAt: start - 10 * DAY, retentionDays: 730, history: 'closed', pseudonymisedAt: null },
    ];
    const { activities, calls, audit } = fakes(tests);
    const taskQueue = `retention-${randomUUID()}`;
    const worker = await createTestWorker(env, { taskQueue, activities });
    await worker.runUntil(async () => {
      const results: RetentionRunResult[] = [];
      // 30 daily runs, as the Schedule fires them.
      for (let day = 0; day < 30; day += 1) {
        if (day > 0) await env.sleep(DAY);
        results.push(await fire(taskQueue));
      }
      expect(results[0]).toMatchObject({ due: 2, pseudonymised: 2, workflowHistories: 1, workflowsStillOpen: 1 });
      const dueDayOfA = results.findIndex((r) => r.pseudonymised > 0 && r !== results[0]);
      expect(dueDayOfA).toBeGreaterThan(0);
      const ranAt = Date.parse(results[dueDayOfA].at);
      // The first run at or after closing + period, not a day earlier.
      expect(ranAt).toBeGreaterThanOrEqual(retentionDueAt(new Date(tests[0].closedAt), 30).getTime());
      expect(ranAt - DAY).toBeLessThan(retentionDueAt(new Date(tests[0].closedAt), 30).getTime());
      expect(results[dueDayOfA]).toMatchObject({ due: 1, pseudonymised: 1, workflowHistories: 1 });
      // Every other run found nothing: no audit record, no call.
      expect(results.filter((r) => r.due > 0)).toHaveLength(2);
      expect(audit.map((a) => a.experimentId).sort()).toEqual(['a', 'b', 'c']);
      expect(audit.find((a) => a.experimentId === 'c')?.workflowHistories).toBe(0);
      expect(tests.find((t) => t.id === 'd')?.pseudonymisedAt).toBeNull();
      // The history goes before the data, for each test.
      for (const id of ['a', 'b', 'c'])
        expect(calls.indexOf(`delete:${id}`)).toBeLessThan(calls.indexOf(`pseudonymise:${id}`));
      // The run's instant is the workflow's (the Schedule's firing time).
      expect(audit.find((a) => a.experimentId === 'a')?.at).toBe(results[dueDayOfA].at);
    });
  });

  it('works through a backlog larger than a run in fresh histories, and a second pass does nothing', async () => {
    const start = (await env.currentTimeMs()) as number;
    const tests: FakeTest[] = Array.from({ length: RETENTION_BATCH + 20 }, (_, i) => ({
      id: `backlog-${i}`,
      closedAt: start - (400 + i) * DAY,
      retentionDays: 365,
      history: 'closed' as const,
      pseudonymisedAt: null,
    }));
    const { activities, audit } = fakes(tests);
    const taskQueue = `retention-${randomUUID()}`;
    const worker = await createTestWorker(env, { taskQueue, activities });
    await worker.runUntil(async () => {
      const at = new Date(start).toISOString();
      // The last run of the chain (continued as new) answers: the 20 left after the first 100.
      expect(await fire(taskQueue, { at })).toMatchObject({ at, due: 20, pseudonymised: 20, workflowHistories: 20 });
      expect(audit).toHaveLength(RETENTION_BATCH + 20);
      expect(tests.every((t) => t.pseudonymisedAt === at && t.history === 'gone')).toBe(true);
      expect(await fire(taskQueue, { at })).toEqual({
        at,
        due: 0,
        pseudonymised: 0,
        workflowHistories: 0,
        workflowsStillOpen: 0,
      });
      expect(audit).toHaveLength(RETENTION_BATCH + 20);
    });
  });
});
