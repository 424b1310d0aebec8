import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  addCalendarDays,
  previousWorkingDay,
  isoWeekday,
  isWorkingDay,
  localDate,
  localDayAtHour,
  workingCalendar,
} from '@capacites/domain';
import {
  AuditEventEntity,
  CalendarSubscriptionEntity,
  DecisionEntity,
  EmailEntity,
  ExperimentEntity,
  NotificationEntity,
  UserEntity,
} from '@capacites/persistence';
import {
  digestScheduleId,
  ORGANIZATION_DIGEST_WORKFLOW,
  type OrganizationDigestResult,
} from '@capacites/workflows';
import { insertAdmin, insertTeam, readyFramingBody, type Team } from '../support/fixtures';
import { login, loginTeam, participantConsents, type ApiClient } from '../support/http';
import { startSmtpCatcher } from '../support/smtp-catcher';
import { startStack, type TestStack } from '../support/stack';
import { waitFor } from '../support/worker-process';

const PARIS = 'Europe/Paris';
const DAY = 86_400_000;

/**
 * The CODIR's cycle (issue 15) through the real stack: the digest's Temporal Schedule on the
 * dev server, its workflow on the worker, the emails through a real SMTP server; and the
 * personal calendar subscription.
 */
describe('CODIR cycle: digest and calendar subscriptions', () => {
  let stack: TestStack;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let team: Team;
  let as: Record<keyof Omit<Team, 'organization' | 'emails'>, ApiClient>;
  let admin: ApiClient;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    stack = await startStack({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://capacites.nantes.fr' } });
    team = await insertTeam(stack.db);
    as = await loginTeam(stack.app, team);
    admin = await login(stack.app, (await insertAdmin(stack.db, team.organization.id)).email);
  });

  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  const insertExperiment = async (values: Partial<ExperimentEntity>) => {
    const id = randomUUID();
    await stack.db.getRepository(ExperimentEntity).insert({
      id,
      organizationId: team.organization.id,
      title: `Test ${id.slice(0, 4)}`,
      workflowId: `experiment-${id}`,
      sponsorId: team.sponsor,
      pilotIds: [team.pilot],
      ...values,
    });
    return id;
  };

  describe('the digest', () => {
    /** The last working day up to today in Paris: the day a weekly digest on its weekday goes out. */
    const lastWorkingDay = () => {
      const today = localDate(new Date(), PARIS);
      const year = Number(today.slice(0, 4));
      const calendar = workingCalendar('44', year - 1, year);
      let day = today;
      while (!isWorkingDay(day, calendar)) day = addCalendarDays(day, -1);
      return day;
    };

    it('is driven by a Schedule per organisation, updated with its settings, paused when turned off', async () => {
      const refused = await admin
        .put(`/api/organizations/${team.organization.id}`)
        .send({ digest: { rhythm: 'daily', weekday: 6, hour: 3, recipients: ['pilot'] } })
        .expect(400);
      expect(refused.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(
        ['digest.hour', 'digest.recipients.0', 'digest.rhythm', 'digest.weekday'].sort(),
      );
      await admin
        .put(`/api/organizations/${team.organization.id}`)
        .send({
          digest: { rhythm: 'fortnightly', weekday: 2, hour: 8, recipients: ['codir'] },
          timeZone: 'Indian/Reunion',
        })
        .expect(200);
      const handle = stack.temporal.schedule.getHandle(digestScheduleId(team.organization.id));
      let description = await handle.describe();
      expect(description.spec.timezone).toBe('Indian/Reunion');
      expect(description.spec.calendars?.[0]).toMatchObject({
        hour: [{ start: 8, end: 8, step: 1 }],
        dayOfWeek: [{ start: 'MONDAY', end: 'FRIDAY', step: 1 }],
      });
      expect(description.action).toMatchObject({
        type: 'startWorkflow',
        workflowType: ORGANIZATION_DIGEST_WORKFLOW,
      });
      expect(description.state.paused).toBe(false);

      const off = await admin
        .put(`/api/organizations/${team.organization.id}`)
        .send({ digest: { rhythm: 'off' }, timeZone: 'Europe/Paris' })
        .expect(200);
      expect(off.body.digest).toEqual({
        rhythm: 'off',
        weekday: 1,
        hour: 9,
        recipients: ['codir', 'hr', 'sponsor'],
      });
      description = await handle.describe();
      expect(description.state.paused).toBe(true);
      expect(description.spec.timezone).toBe('Europe/Paris');
      const audit = await stack.db.getRepository(AuditEventEntity).findBy({
        organizationId: team.organization.id,
        event: 'organization.settingsChanged',
      });
      expect(audit.length).toBe(2);
    });

    it('sends one French email per recipient once per period, with what needs deciding, overdue, expiring and decided, and never to who opted out', async () => {
      const day = lastWorkingDay();
      const at = localDayAtHour(day, 9, PARIS);
      await admin
        .put(`/api/organizations/${team.organization.id}`)
        .send({
          settings: { departement: '44' },
          digest: {
            rhythm: 'weekly',
            weekday: isoWeekday(day),
            hour: 9,
            recipients: ['codir', 'hr', 'sponsor'],
          },
        })
        .expect(200);
      const toDecide = await insertExperiment({
        title: 'Bureau partagé au CCAS',
        state: 'deciding',
        decisionDueAt: new Date(at.getTime() + 5 * DAY),
      });
      const overdue = await insertExperiment({
        title: 'Binômes de micro-mobilité',
        state: 'evaluating',
        evaluationDueAt: new Date(at.getTime() - 20 * DAY),
        algeco: true,
      });
      const expiring = await insertExperiment({
        title: 'Classeur partagé en crèche',
        state: 'running',
        launchedAt: new Date(at.getTime() - 60 * DAY),
        expiresAt: new Date(at.getTime() + 10 * DAY),
      });
      const decided = await insertExperiment({
        title: 'Horaires libres en mairie annexe',
        state: 'abandoned',
      });
      await stack.db.getRepository(DecisionEntity).insert({
        experimentId: decided,
        organizationId: team.organization.id,
        outcome: 'abandon',
        rationale: 'Non concluant',
        onTime: true,
        decidedBy: team.sponsor,
        decidedAt: new Date(at.getTime() - 2 * DAY),
      });
      // Far away, and of another sponsor: in the figures of the CODIR, not in the sponsor's.
      await insertExperiment({
        title: 'Hors du périmètre du portage',
        state: 'running',
        sponsorId: null,
        expiresAt: new Date(at.getTime() + 200 * DAY),
      });
      // The pilot is no recipient; HR turns it off for themselves (their own act, audited).
      await as.hr.put('/api/me/digest').send({ optedOut: 'yes' }).expect(400);
      const optOut = await as.hr.put('/api/me/digest').send({ optedOut: true }).expect(200);
      expect(optOut.body).toMatchObject({ optedOut: true });
      expect((await as.codir.get('/api/me/digest').expect(200)).body).toEqual({
        optedOut: false,
        optedOutAt: null,
      });

      const firstId = `digest-test-${randomUUID()}`;
      const run = (workflowId = `digest-test-${randomUUID()}`) =>
        stack.temporal.workflow.execute(ORGANIZATION_DIGEST_WORKFLOW, {
          taskQueue: stack.taskQueue,
          workflowId,
          args: [{ organizationId: team.organization.id, at: at.toISOString() }],
        }) as Promise<OrganizationDigestResult>;
      // The SMTP server drops the second email: the activity fails after sending the first one,
      // and its retry sends only what is left (the period's rows exist once, in PostgreSQL).
      smtp.refuseNth(2);
      const first = await run(firstId);
      expect(first).toEqual({ period: day, reason: 'send', recipients: 2 });
      const history = await stack.temporal.workflow.getHandle(firstId).fetchHistory();
      const attempts = (history.events ?? []).flatMap((e) =>
        e.activityTaskStartedEventAttributes ? [e.activityTaskStartedEventAttributes.attempt] : [],
      );
      expect(attempts).toEqual([1, 2]); // planDigest once; sendDigest's first attempt failed, its retry succeeded
      const [codir, sponsor] = await Promise.all(
        [team.codir, team.sponsor].map((id) => stack.db.getRepository(UserEntity).findOneByOrFail({ id })),
      );
      await waitFor(
        'two digests',
        async () => smtp.emails.filter((e) => /^Lettre du portefeuille/.test(e.subject)).length >= 2,
        30_000,
      );
      const digests = smtp.emails.filter((e) => /^Lettre du portefeuille/.test(e.subject));
      expect(digests.map((e) => e.to[0]).sort()).toEqual([codir.email, sponsor.email].sort());

      const toCodir = digests.find((e) => e.to.includes(codir.email))?.text ?? '';
      expect(toCodir).toContain('Bonjour codir,');
      expect(toCodir).toMatch(/À décider \(1\)\n {2}- « Bureau partagé au CCAS » : décision attendue le/);
      expect(toCodir).toMatch(
        /En retard — effet Algeco \(1\)\n {2}- « Binômes de micro-mobilité » : évaluation attendue depuis le .+ \(20 jours de retard\) — alerte Algeco/,
      );
      expect(toCodir).toMatch(
        /Arrivent à péremption dans les quatre semaines \(1\)\n {2}- « Classeur partagé en crèche » : s'arrête le/,
      );
      expect(toCodir).toMatch(
        /Décidé ces sept derniers jours \(1\)\n {2}- « Horaires libres en mairie annexe » : abandonné le/,
      );
      expect(toCodir).toContain('  - en cours : 2');
      expect(toCodir).toContain(`https://capacites.nantes.fr/#/experiments/${toDecide}/show`);
      expect(toCodir).toContain(`https://capacites.nantes.fr/#/experiments/${overdue}/show`);
      expect(toCodir).toContain(`https://capacites.nantes.fr/#/experiments/${expiring}/show`);
      expect(toCodir).toContain('https://capacites.nantes.fr/#/dashboard');
      expect(toCodir).toContain('https://capacites.nantes.fr/#/profile');
      const toSponsor = digests.find((e) => e.to.includes(sponsor.email))?.text ?? '';
      expect(toSponsor).toContain('pour les tests dont vous assurez le portage');
      expect(toSponsor).toContain('  - en cours : 1');
      expect(toSponsor).not.toContain('Hors du périmètre');

      // Again for the same period (a retry, a second trigger): nothing more.
      const again = await run();
      expect(again).toEqual({ period: day, reason: 'send', recipients: 2 });
      const rows = await stack.db
        .getRepository(NotificationEntity)
        .findBy({ organizationId: team.organization.id, event: 'digest' });
      expect(rows.map((r) => r.dedupeKey).sort()).toEqual(
        [team.codir, team.sponsor].map((id) => `digest:${team.organization.id}:${day}:${id}`).sort(),
      );
      const emails = await stack.db
        .getRepository(EmailEntity)
        .findBy({ organizationId: team.organization.id });
      expect(
        emails
          .filter((e) => e.subject.startsWith('Lettre du portefeuille'))
          .every((e) => e.status === 'sent'),
      ).toBe(true);
      expect(smtp.emails.filter((e) => /^Lettre du portefeuille/.test(e.subject))).toHaveLength(2);

      // The Schedule's own run (now): sends this period only if today is its day, and never twice.
      const handle = stack.temporal.schedule.getHandle(digestScheduleId(team.organization.id));
      await handle.trigger();
      const ran = await waitFor(
        'the scheduled run',
        async () =>
          (await handle.describe()).info.recentActions.find((a) => a.action.workflow)?.action.workflow,
        30_000,
      );
      const scheduled = (await stack.temporal.workflow
        .getHandle(ran.workflowId, ran.firstExecutionRunId)
        .result()) as OrganizationDigestResult;
      const today = localDate(new Date(), PARIS);
      expect(scheduled.period).toBe(today === day ? day : null);
      expect(smtp.emails.filter((e) => /^Lettre du portefeuille/.test(e.subject))).toHaveLength(2);
    });
  });

  describe('working days', () => {
    it("gives a launched test the holiday table of the organisation's département: no reminder on a holiday", async () => {
      await admin
        .put(`/api/organizations/${team.organization.id}`)
        .send({ settings: { departement: '57', maxDurationDays: 400 } })
        .expect(200);
      // 26 December (a holiday in Moselle) at least 16 days away: reminders 14, 7 and 1 days before, each
      // moved to the working day before when it falls on a weekend or a holiday (25 December always does).
      let year = new Date().getUTCFullYear();
      while (Date.parse(`${year}-12-26T00:00:00Z`) < Date.now() + 16 * DAY) year += 1;
      const created = await as.hr
        .post('/api/experiments')
        .send({ organizationId: team.organization.id, title: 'Noël en Moselle' })
        .expect(201);
      const id = created.body.id as string;
      await as.hr
        .put(`/api/experiments/${id}`)
        .send(readyFramingBody(team, `${year}-12-26`))
        .expect(200);
      await participantConsents(stack.app, team, id);
      const launched = await as.hr.post(`/api/experiments/${id}/launch`).send({});
      expect(launched.body).toMatchObject({ state: 'running' });
      const status = await as.hr.get(`/api/experiments/${id}/status`).expect(200);
      const reminders = (status.body.nextReminders as { kind: string; at: string; days: number }[]).filter(
        (r) => r.kind === 'preExpiryReminder',
      );
      const calendar = workingCalendar('57', year, year);
      const days = reminders.map((r) => localDate(new Date(r.at), PARIS));
      const expected = [14, 7, 1].map((n) =>
        previousWorkingDay(addCalendarDays(`${year}-12-26`, -n), calendar),
      );
      expect(expected[2] < `${year}-12-25`).toBe(true);
      expect(days).toEqual(expected);
      expect(days.every((day) => isWorkingDay(day, calendar))).toBe(true);
    });
  });

  describe('the personal calendar subscription', () => {
    it('gives the person their deadlines at a secret address, stored hashed, renewable and revocable by them alone', async () => {
      const launchedAt = new Date(Date.now() - 30 * DAY);
      const running = await insertExperiment({
        title: 'Pacte de micro-mobilité',
        state: 'running',
        launchedAt,
        expiresAt: new Date(Date.now() + 90 * DAY),
        checkInCadenceDays: 14,
        missedCheckIns: 2,
      });
      const feed = (token: string) =>
        request(stack.app.getHttpServer()).get(
          `/api/calendar/subscription.ics?token=${encodeURIComponent(token)}`,
        );

      expect((await as.pilot.get('/api/me/calendar-subscription').expect(200)).body).toEqual({
        active: false,
        createdAt: null,
        lastUsedAt: null,
      });
      const created = await as.pilot.post('/api/me/calendar-subscription').send({}).expect(201);
      expect(created.body.webcalUrl).toMatch(
        /^webcal:\/\/.+\/api\/calendar\/subscription\.ics\?token=[\w-]{43}$/,
      );
      const token = new URL(created.body.url).searchParams.get('token') as string;
      const stored = await stack.db
        .getRepository(CalendarSubscriptionEntity)
        .findOneByOrFail({ userId: team.pilot });
      expect(stored.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(stored)).not.toContain(token);
      // The status never gives the address again.
      const status = await as.pilot.get('/api/me/calendar-subscription').expect(200);
      expect(JSON.stringify(status.body)).not.toContain(token);

      // Read without any session, as a calendar application does.
      const ics = await feed(token)
        .expect(200)
        .expect('Content-Type', /text\/calendar/);
      expect(ics.text).toContain(`UID:expiry-${running}@capacites`);
      // Two check-ins missed: the next one is three cadences after the launch, not a date already past.
      const nextCheckIn = localDate(new Date(launchedAt.getTime() + 3 * 14 * DAY), PARIS).replace(/-/g, '');
      expect(ics.text).toMatch(
        new RegExp(
          `UID:check-in-${running}@capacites[\\s\\S]*?DTSTART;VALUE=DATE:${nextCheckIn}|DTSTART;VALUE=DATE:${nextCheckIn}[\\s\\S]*?UID:check-in-${running}@capacites`,
        ),
      );
      expect(
        (await as.pilot.get('/api/me/calendar-subscription').expect(200)).body.lastUsedAt,
      ).not.toBeNull();
      // Read-only: nothing else answers at that address.
      await request(stack.app.getHttpServer())
        .post(`/api/calendar/subscription.ics?token=${token}`)
        .expect(405);
      const missing = await request(stack.app.getHttpServer())
        .get('/api/calendar/subscription.ics')
        .expect(400);
      expect(missing.body.fields.map((f: { field: string }) => f.field)).toEqual(['token']);

      // Renewed: the old address stops at once.
      const renewed = await as.pilot.post('/api/me/calendar-subscription').send({}).expect(201);
      const newToken = new URL(renewed.body.url).searchParams.get('token') as string;
      expect(newToken).not.toBe(token);
      await feed(token).expect(404);
      await feed(newToken).expect(200);

      // Another person's subscription is theirs: revoking one's own does not touch it.
      const sponsorToken = new URL(
        (await as.sponsor.post('/api/me/calendar-subscription').send({}).expect(201)).body.url,
      ).searchParams.get('token') as string;
      await as.pilot.delete('/api/me/calendar-subscription').expect(200);
      await feed(newToken).expect(404);
      await as.pilot.delete('/api/me/calendar-subscription').expect(404);
      await feed(sponsorToken).expect(200);

      // A disabled account's address answers nothing.
      await stack.db.getRepository(UserEntity).update({ id: team.sponsor }, { disabledAt: new Date() });
      await feed(sponsorToken).expect(404);

      const audit = await stack.db.getRepository(AuditEventEntity).findBy({ actorId: team.pilot });
      expect(
        audit
          .map((a) => a.event)
          .filter((e) => e.startsWith('user.calendar'))
          .sort(),
      ).toEqual([
        'user.calendarSubscriptionCreated',
        'user.calendarSubscriptionRenewed',
        'user.calendarSubscriptionRevoked',
      ]);
    });
  });
});
