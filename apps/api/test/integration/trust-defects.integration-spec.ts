import { randomUUID } from 'node:crypto';
import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import { dataSourceOptions, MIGRATIONS, NotificationEntity } from '@capacites/persistence';
import {
  dateInDays,
  insertAdmin,
  insertTeam,
  organizationStub,
  readyFramingBody,
  TEST_PASSWORD,
  type Team,
} from '../support/fixtures';
import { login, loginTeam, type ApiClient } from '../support/http';
import { startSmtpCatcher } from '../support/smtp-catcher';
import { createTestDatabase, startStack, type TestStack } from '../support/stack';
import { waitFor } from '../support/worker-process';

/** The lines of an iCalendar file as a reader sees them: unfolded, cut at any line break. */
const icsLines = (text: string): string[] => text.replace(/\r\n[ \t]/g, '').split(/\r\n|\r|\n/);

const filterOf = (filter: object) => encodeURIComponent(JSON.stringify(filter));

describe('Trust defects (issue 12, item 9) through the real stack', () => {
  let stack: TestStack;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let a: Team;
  let b: Team;
  let as: Awaited<ReturnType<typeof loginTeam>>;
  let bs: Awaited<ReturnType<typeof loginTeam>>;
  let admin: ApiClient;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    stack = await startStack({ env: { SMTP_URL: smtp.url } });
    a = await insertTeam(stack.db);
    b = await insertTeam(stack.db, { ...organizationStub.nantes(), name: 'Département B' });
    as = await loginTeam(stack.app, a);
    bs = await loginTeam(stack.app, b);
    admin = await login(stack.app, (await insertAdmin(stack.db, a.organization.id)).email);
  });

  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  describe('calendar files', () => {
    it('keeps a title holding line breaks inside its own field: no line, alarm or property is added', async () => {
      const title = 'Probe\r\nBEGIN:VALARM\r\nX-INJECTED:1';
      const draft = await as.hr
        .post('/api/experiments')
        .send({ organizationId: a.organization.id, title })
        .expect(201);
      expect(draft.body.title).toBe(title);
      const file = await as.hr.get(`/api/experiments/${draft.body.id}/calendar.ics`).expect(200);
      const lines = icsLines(file.text);
      expect(lines).not.toContain('X-INJECTED:1');
      expect(lines).not.toContain('BEGIN:VALARM');
      expect(lines.find((l) => l.startsWith('X-WR-CALNAME:'))).toBe(
        'X-WR-CALNAME:Capacités — Probe\\nBEGIN:VALARM\\nX-INJECTED:1',
      );

      // With an expiry (two alarms of our own) and a lone carriage return in the title.
      await as.hr
        .put(`/api/experiments/${draft.body.id}`)
        .send({ title: 'Probe\rX-INJECTED:2\nBEGIN:VALARM', expiresOn: dateInDays(40) })
        .expect(200);
      const dated = icsLines(
        (await as.hr.get(`/api/experiments/${draft.body.id}/calendar.ics`).expect(200)).text,
      );
      expect(dated.filter((l) => l.startsWith('X-INJECTED'))).toEqual([]);
      expect(dated.filter((l) => l === 'BEGIN:VALARM')).toHaveLength(2);
      expect(dated.find((l) => l.startsWith('SUMMARY:'))).toBe(
        'SUMMARY:Date de péremption : Probe\\nX-INJECTED:2\\nBEGIN:VALARM',
      );
    });
  });

  describe('the audit of accounts', () => {
    it('shows HR of each organisation only its own part of a person who belongs to two', async () => {
      const created = await admin
        .post('/api/users')
        .send({
          email: `double-${randomUUID().slice(0, 8)}@exemple.fr`,
          displayName: 'Camille Double',
          password: 'un mot de passe assez long',
          memberships: [
            { organizationId: a.organization.id, role: 'member' },
            { organizationId: b.organization.id, role: 'pilot' },
          ],
        })
        .expect(201);
      await admin
        .put(`/api/users/${created.body.id}`)
        .send({
          memberships: [
            { organizationId: a.organization.id, role: 'member' },
            { organizationId: b.organization.id, role: 'sponsor' },
          ],
        })
        .expect(200);

      const read = async (hr: ApiClient) =>
        (
          await hr
            .get(
              `/api/audit-events?range=[0,99]&filter=${filterOf({ event: ['user.created', 'user.updated'] })}`,
            )
            .expect(200)
        ).body.filter((e: { details: { userId?: string } }) => e.details.userId === created.body.id);
      const seenByA = await read(as.hr);
      const seenByB = await read(bs.hr);
      expect(seenByA.map((e: { event: string }) => e.event).sort()).toEqual(['user.created', 'user.updated']);
      expect(seenByB.map((e: { event: string }) => e.event).sort()).toEqual(['user.created', 'user.updated']);
      expect(JSON.stringify(seenByA)).not.toContain(b.organization.id);
      expect(JSON.stringify(seenByB)).not.toContain(a.organization.id);
      expect(seenByB.find((e: { event: string }) => e.event === 'user.created').details.memberships).toEqual([
        { organizationId: b.organization.id, role: 'pilot' },
      ]);
      // The platform admin reads every record of the act.
      const all = (
        await admin
          .get(
            `/api/audit-events?range=[0,99]&filter=${filterOf({ event: ['user.created', 'user.updated'] })}`,
          )
          .expect(200)
      ).body.filter((e: { details: { userId?: string } }) => e.details.userId === created.body.id);
      expect(all).toHaveLength(4);
    });

    it('cuts an older record, which named every organisation of the person, to the reader’s organisation', async () => {
      const userId = randomUUID();
      await stack.db.query(
        `INSERT INTO audit_events (idempotency_key, organization_id, experiment_id, event, actor_id, details, occurred_at)
         VALUES ($1, $2, NULL, 'user.created', $3, $4, now())`,
        [
          `admin:${randomUUID()}`,
          a.organization.id,
          a.hr,
          JSON.stringify({
            userId,
            email: 'ancien@exemple.fr',
            memberships: [
              { organizationId: a.organization.id, role: 'member' },
              { organizationId: b.organization.id, role: 'hr' },
            ],
          }),
        ],
      );
      const list = await as.hr
        .get(`/api/audit-events?range=[0,99]&filter=${filterOf({ event: 'user.created' })}`)
        .expect(200);
      const old = list.body.find((e: { details: { userId?: string } }) => e.details.userId === userId);
      expect(old.details.memberships).toEqual([{ organizationId: a.organization.id, role: 'member' }]);
      const one = await as.hr.get(`/api/audit-events/${old.id}`).expect(200);
      expect(JSON.stringify(one.body)).not.toContain(b.organization.id);
    });
  });

  describe('shared learnings', () => {
    it('names another organisation’s private track to nobody outside it', async () => {
      const privateTrack = randomUUID();
      const sharedTrack = randomUUID();
      await stack.db.query(
        `INSERT INTO tracks (id, slug, name, organization_id) VALUES
           ($1, $2, 'Piste confidentielle du département', $3), ($4, $5, 'Piste commune', NULL)`,
        [
          privateTrack,
          `privee-${privateTrack.slice(0, 8)}`,
          b.organization.id,
          sharedTrack,
          `commune-${sharedTrack.slice(0, 8)}`,
        ],
      );
      const ids: string[] = [randomUUID(), randomUUID()];
      for (const [i, trackId] of [privateTrack, sharedTrack].entries()) {
        await stack.db.query(
          `INSERT INTO experiments (id, organization_id, track_id, title, state, workflow_id)
           VALUES ($1, $2, $3, $4, 'abandoned', $5)`,
          [ids[i], b.organization.id, trackId, `Test partagé ${i}`, `experiment-${ids[i]}`],
        );
        await stack.db.query(
          `INSERT INTO evaluations (experiment_id, organization_id, verdict, criterion_results, users_voice, learnings,
                                    criteria_at_launch, on_time, submitted_at, learnings_shared_at)
           VALUES ($1, $2, 'refuted', '[]', '{"sources":[],"count":0,"noneReason":"aucun"}', 'Un enseignement', '[]', true, now(), now())`,
          [ids[i], b.organization.id],
        );
      }
      const trackNames = async (reader: ApiClient) => {
        const list = await reader.get('/api/shared-learnings?range=[0,99]').expect(200);
        return Object.fromEntries(
          list.body
            .filter((l: { id: string }) => ids.includes(l.id))
            .map((l: { id: string; trackName: string | null }) => [l.id, l.trackName]),
        );
      };
      expect(await trackNames(as.pilot)).toEqual({ [ids[0]]: null, [ids[1]]: 'Piste commune' });
      expect(await trackNames(bs.pilot)).toEqual({
        [ids[0]]: 'Piste confidentielle du département',
        [ids[1]]: 'Piste commune',
      });
      expect(await trackNames(admin)).toEqual({
        [ids[0]]: 'Piste confidentielle du département',
        [ids[1]]: 'Piste commune',
      });
    });
  });

  describe('disabled accounts', () => {
    it('sends a disabled participant no more notice, in-app or by email', async () => {
      const draft = await as.hr
        .post('/api/experiments')
        .send({ organizationId: a.organization.id, title: 'Bureau partagé du vendredi' })
        .expect(201);
      const id = draft.body.id as string;
      await as.hr
        .put(`/api/experiments/${id}`)
        .send({
          ...readyFramingBody(a, dateInDays(45)),
          participants: [{ userId: a.participant, consentedAt: null }],
        })
        .expect(200);
      await as.participant.post(`/api/experiments/${id}/consent`).send({ consent: true }).expect(200);
      await admin.delete(`/api/users/${a.participant}`).expect(200);
      await as.hr.post(`/api/experiments/${id}/launch`).send({}).expect(200);

      const notices = await stack.db
        .getRepository(NotificationEntity)
        .findBy({ experimentId: id, event: 'launched' });
      expect(notices.map((n) => n.recipientId).sort()).toEqual([a.pilot, a.sponsor].sort());
      await waitFor(
        'the outbox to be flushed',
        async () => {
          const [{ n }] = await stack.db.query(
            `SELECT count(*)::int AS n FROM emails e JOIN notifications n ON n.id = e.notification_id
              WHERE n.experiment_id = $1 AND e.status = 'outbox'`,
            [id],
          );
          return n === 0;
        },
        20_000,
      );
      expect(smtp.emails.filter((e) => e.to.includes(a.emails.participant))).toEqual([]);
      expect(smtp.emails.filter((e) => e.to.includes(a.emails.pilot)).length).toBeGreaterThan(0);
    });
  });

  describe('one account per email address, whatever its case', () => {
    it('answers 409 EMAIL_TAKEN to every creation but one of the same address typed in several cases at once', async () => {
      const local = `camille.martin.${randomUUID().slice(0, 6)}`;
      const variants = [
        `${local}@exemple.fr`,
        `${local.toUpperCase()}@EXEMPLE.FR`,
        `C${local.slice(1)}@Exemple.fr`,
      ];
      const answers = await Promise.all(
        [...variants, ...variants].map((email) =>
          admin.post('/api/users').send({
            email,
            displayName: 'Camille Martin',
            memberships: [{ organizationId: a.organization.id, role: 'member' }],
          }),
        ),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      for (const refused of answers.filter((r) => r.status === 409))
        expect(refused.body.code).toBe('EMAIL_TAKEN');
      const [{ n }] = await stack.db.query(
        `SELECT count(*)::int AS n FROM users WHERE lower(email) = lower($1)`,
        [variants[0]],
      );
      expect(n).toBe(1);
    });

    it('refuses, in the database itself, a second account whose address differs only by case', async () => {
      const email = `Dominique.${randomUUID().slice(0, 6)}@Exemple.fr`;
      await stack.db.query(`INSERT INTO users (id, email, display_name) VALUES ($1, $2, 'Dominique')`, [
        randomUUID(),
        email,
      ]);
      await expect(
        stack.db.query(`INSERT INTO users (id, email, display_name) VALUES ($1, $2, 'Dominique')`, [
          randomUUID(),
          email.toLowerCase(),
        ]),
      ).rejects.toThrow(/uq_users_email_lower/);
      const refused = await admin
        .post('/api/users')
        .send({ email: email.toUpperCase(), displayName: 'Dominique', memberships: [] })
        .expect(409);
      expect(refused.body.code).toBe('EMAIL_TAKEN');
    });

    it('stops the migration with a clear message, deleting nothing, when two accounts differ only by case', async () => {
      const index = MIGRATIONS.findIndex((m) => new m().name === 'UserEmailCaseInsensitive1796544708056');
      expect(index).toBeGreaterThan(0);
      const url = await createTestDatabase();
      const before = new DataSource({
        ...dataSourceOptions({ url, poolSize: 1 }),
        migrations: MIGRATIONS.slice(0, index),
      });
      await before.initialize();
      await before.runMigrations({ transaction: 'each' });
      const passwordHash = await hash(TEST_PASSWORD);
      const [first, second] = [randomUUID(), randomUUID()];
      await before.query(
        `INSERT INTO users (id, email, display_name, password_hash) VALUES
           ($1, 'Claude.Bernard@exemple.fr', 'Claude', $3), ($2, 'claude.bernard@exemple.fr', 'Claude B', $3)`,
        [first, second, passwordHash],
      );
      await before.destroy();

      const all = new DataSource({ ...dataSourceOptions({ url, poolSize: 1 }), migrations: MIGRATIONS });
      await all.initialize();
      try {
        await expect(all.runMigrations({ transaction: 'each' })).rejects.toThrow(
          /1 email address\(es\) belong to several accounts that differ only by letter case.*Nothing was changed/,
        );
        const users: { id: string }[] = await all.query(`SELECT id FROM users ORDER BY email`);
        expect(users.map((u) => u.id).sort()).toEqual([first, second].sort());
        const applied: { name: string }[] = await all.query(`SELECT name FROM migrations`);
        expect(applied.map((m) => m.name)).not.toContain('UserEmailCaseInsensitive1796544708056');

        // Once an administrator has given the second account another address, it goes through.
        await all.query(`UPDATE users SET email = 'claude.bernard+ancien@exemple.fr' WHERE id = $1`, [
          second,
        ]);
        await all.runMigrations({ transaction: 'each' });
        const [{ n }] = await all.query(
          `SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = 'uq_users_email_lower'`,
        );
        expect(n).toBe(1);
      } finally {
        await all.destroy();
      }
    });
  });
});
