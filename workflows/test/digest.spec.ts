import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  digestPeriodSentOn,
  localDate,
  localDayAtHour,
  nextDigestDays,
  workingCalendar,
  type DigestSettings,
} from '@capacites/domain';
import {
  ORGANIZATION_DIGEST_WORKFLOW,
  type DigestActivities,
  type DigestPlan,
  type OrganizationDigestResult,
  type SendDigestInput,
} from '../src/digest/digest.messages';
import { createTestWorker, createTimeSkippingEnvironment } from './support/environment';

const PARIS = 'Europe/Paris';
const DAY = 24 * 3600 * 1000;

/**
 * The digest Schedule's workflow on the time-skipping server (issue 15, item 1). The fake
 * activities plan with the domain's rules (as the worker does) and keep one email per
 * (organisation, period, recipient), like the PostgreSQL key; the first send attempt dies
 * half-way, as a worker killed mid-send would.
 */
describe('organisation digest workflow (time-skipping test server)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const settings: DigestSettings = { rhythm: 'weekly', weekday: 1, hour: 9, recipients: ['codir', 'hr'] };
  const recipients = ['codir@capacites.test', 'rh@capacites.test', 'dgs@capacites.test'];

  function fakes() {
    const delivered = new Map<string, string>();
    const attempts: SendDigestInput[] = [];
    let crashes = 1;
    const activities: DigestActivities = {
      async planDigest(input): Promise<DigestPlan> {
        const day = localDate(new Date(input.at), PARIS);
        const year = Number(day.slice(0, 4));
        const period = digestPeriodSentOn(day, settings, workingCalendar(null, year, year + 1));
        return period ? { period, reason: 'send' } : { period: null, reason: 'notDigestDay' };
      },
      async sendDigest(input) {
        attempts.push(input);
        for (const [index, to] of recipients.entries()) {
          const key = `${input.organizationId}:${input.period}:${to}`;
          if (!delivered.has(key)) delivered.set(key, input.at);
          if (crashes > 0 && index === 0) {
            crashes -= 1;
            throw new Error('worker killed mid-send');
          }
        }
        return { recipients: recipients.length, waiting: 0 };
      },
    };
    return { activities, delivered, attempts };
  }

  /**
   * Runs the workflow once at the server's current time, as the Schedule would, through a
   * plain client: the environment's own one lets the server skip time while it waits for the
   * result, and it would jump ahead (years) once the workflow has ended.
   */
  async function fire(taskQueue: string, organizationId: string): Promise<OrganizationDigestResult> {
    const client = new Client({ connection: env.connection });
    return client.workflow.execute(ORGANIZATION_DIGEST_WORKFLOW, {
      taskQueue,
      workflowId: `digest-${organizationId}-${randomUUID()}`,
      args: [{ organizationId }],
    });
  }

  it('sends each weekday run only on the period day, once per recipient, even after a crash mid-send', async () => {
    const { activities, delivered, attempts } = fakes();
    const taskQueue = `digest-${randomUUID()}`;
    const worker = await createTestWorker(env, { taskQueue, activities });
    const organizationId = randomUUID();
    await worker.runUntil(async () => {
      // The next Easter Monday week: Monday is off, the digest goes out on Good Friday.
      const from = localDate(new Date(await env.currentTimeMs()), PARIS);
      const year = Number(from.slice(0, 4));
      const calendar = workingCalendar(null, year, year + 2);
      const [easterWeek] = nextDigestDays(from, 200, settings, calendar, `${year + 1}-12-31`).filter(
        (d) => d.sentOn !== d.period,
      );
      expect(easterWeek).toBeDefined();
      // Every weekday of the two weeks around it, at 9:00 local time, as the Schedule fires.
      const days: string[] = [];
      for (let offset = -4; offset <= 10; offset += 1) {
        const day = localDate(new Date(Date.parse(`${easterWeek.sentOn}T12:00:00Z`) + offset * DAY), PARIS);
        const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
        if (weekday !== 0 && weekday !== 6) days.push(day);
      }
      const results: Record<string, OrganizationDigestResult> = {};
      for (const day of days) {
        await env.sleep(localDayAtHour(day, 9, PARIS).getTime() - (await env.currentTimeMs()));
        results[day] = await fire(taskQueue, organizationId);
      }
      const sentOn = Object.entries(results).filter(([, r]) => r.period !== null);
      // The holiday's period went out the working day before; the next Monday's on that Monday.
      expect(sentOn.map(([day, r]) => [day, r.period])).toEqual(
        nextDigestDays(days[0], 10, settings, calendar, days.at(-1)).map((d) => [d.sentOn, d.period]),
      );
      expect(results[easterWeek.sentOn].period).toBe(easterWeek.period);
      expect(calendar.holidays).toContain(easterWeek.period);
      // The Schedule fires on the holiday Monday too: nothing goes out.
      expect(results[easterWeek.period]).toEqual({ period: null, reason: 'notDigestDay', recipients: 0 });
      expect(
        Object.values(results)
          .filter((r) => r.period === null)
          .every((r) => r.reason === 'notDigestDay'),
      ).toBe(true);
      // The first send died after one email and was retried: still one email per recipient and period.
      expect(attempts.filter((a) => a.period === sentOn[0][1].period)).toHaveLength(2);
      expect(attempts).toHaveLength(sentOn.length + 1);
      expect(delivered.size).toBe(recipients.length * sentOn.length);
      expect(results[easterWeek.sentOn].recipients).toBe(3);
    });
  });
});
