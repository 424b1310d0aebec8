import { randomUUID } from 'node:crypto';
import { hash } from 'argon2';
import { ExperimentEntity, MembershipEntity, NotificationEntity, UserEntity } from '@capacites/persistence';
import {
  dateInDays,
  insertAdmin,
  insertTeam,
  readyFramingBody,
  TEST_PASSWORD,
  type Team,
} from '../support/fixtures';
import { login, loginTeam, type ApiClient, participantConsents } from '../support/http';
import { startStack, type TestStack } from '../support/stack';

/**
 * Every endpoint × every role × own or other organisation, against DOMAIN.md "Roles".
 * Organisation A runs experiment XR (pilot, sponsor, participant named) and has a draft XD;
 * `outsider` is a pilot of A who is not on XR. Organisation B's people must learn nothing
 * of A: 404 for every one of A's identifiers, empty lists for filters that try to widen
 * the scope. Refused changes leave the experiment as it was.
 */
const PRINCIPALS = [
  'admin',
  'hr',
  'codir',
  'pilot',
  'sponsor',
  'participant',
  'outsider',
  'B.hr',
  'B.codir',
  'B.pilot',
  'B.sponsor',
  'B.participant',
] as const;
type Who = (typeof PRINCIPALS)[number];

const OF_A: Who[] = ['admin', 'hr', 'codir', 'pilot', 'sponsor', 'participant', 'outsider'];
const READERS_OF_XR: Who[] = ['admin', 'hr', 'codir', 'pilot', 'sponsor', 'participant'];

interface Cell {
  endpoint: string;
  /** Status expected for each principal; absent principals expect `otherwise`. */
  expect: Partial<Record<Who, number>>;
  otherwise: number;
  /** Allowed callers of a lifecycle action, not called (it would move the experiment on). */
  skip?: readonly Who[];
  call: (client: ApiClient) => Promise<{ status: number; body: unknown }>;
}

const statuses = (whos: Who[], status: number): Partial<Record<Who, number>> =>
  Object.fromEntries(whos.map((w) => [w, status]));

describe('Access matrix: endpoints × roles × organisations', () => {
  let stack: TestStack;
  let a: Team;
  let b: Team;
  const as = {} as Record<Who, ApiClient>;
  let xr: string;
  let xd: string;
  let yr: string;
  let checkInId: string;
  let testimonyId: string;
  let notificationId: string;
  let sharedTrackId: string;
  let cellsChecked = 0;

  beforeAll(async () => {
    stack = await startStack();
    a = await insertTeam(stack.db);
    b = await insertTeam(stack.db);
    const admin = await insertAdmin(stack.db, a.organization.id);
    const outsiderId = randomUUID();
    const outsiderEmail = `outsider-${outsiderId.slice(0, 8)}@a.test`;
    await stack.db.getRepository(UserEntity).insert({
      id: outsiderId,
      email: outsiderEmail,
      displayName: 'Outsider',
      passwordHash: await hash(TEST_PASSWORD),
    });
    await stack.db
      .getRepository(MembershipEntity)
      .insert({ userId: outsiderId, organizationId: a.organization.id, role: 'pilot' });
    const teamA = await loginTeam(stack.app, a);
    const teamB = await loginTeam(stack.app, b);
    Object.assign(as, teamA, {
      admin: await login(stack.app, admin.email),
      outsider: await login(stack.app, outsiderEmail),
      'B.hr': teamB.hr,
      'B.codir': teamB.codir,
      'B.pilot': teamB.pilot,
      'B.sponsor': teamB.sponsor,
      'B.participant': teamB.participant,
    });

    const launched = async (team: Team, client: ApiClient, title: string) => {
      const created = await client
        .post('/api/experiments')
        .send({ organizationId: team.organization.id, title })
        .expect(201);
      await client
        .put(`/api/experiments/${created.body.id}`)
        .send(readyFramingBody(team, dateInDays(60)))
        .expect(200);
      await participantConsents(stack.app, team, created.body.id);
      await client.post(`/api/experiments/${created.body.id}/launch`).send({}).expect(200);
      return created.body.id as string;
    };
    xr = await launched(a, teamA.hr, 'XR — accueil partagé');
    yr = await launched(b, teamB.hr, 'YR — bureau nomade');
    const draft = await teamA.hr
      .post('/api/experiments')
      .send({ organizationId: a.organization.id, title: 'XD — brouillon' })
      .expect(201);
    xd = draft.body.id;
    await teamA.hr
      .put(`/api/experiments/${xd}`)
      .send({ pilotIds: [a.pilot] })
      .expect(200);
    const checkIn = await teamA.pilot
      .post(`/api/experiments/${xr}/check-ins`)
      .send({ weather: 'sunny', progress: 'En route' })
      .expect(200);
    expect(checkIn.body.state).toBe('running');
    const checkIns = await teamA.hr.get(`/api/check-ins?filter=${enc({ experimentId: xr })}`).expect(200);
    checkInId = checkIns.body[0].id;
    const testimony = await teamA.participant
      .post('/api/testimonies')
      .send({ experimentId: xr, quote: 'Enfin du temps', source: 'interview', collectedAt: dateInDays(0) })
      .expect(201);
    testimonyId = testimony.body.id;
    const notification = await stack.db
      .getRepository(NotificationEntity)
      .findOneByOrFail({ recipientId: a.pilot });
    notificationId = notification.id;
    const tracks = await teamA.hr.get('/api/tracks').expect(200);
    sharedTrackId = tracks.body.find((t: { organizationId: string | null }) => t.organizationId === null).id;
  }, 120_000);

  afterAll(async () => {
    console.log(`access matrix: ${cellsChecked} cells checked (${PRINCIPALS.length} principals)`);
    await stack?.close();
  });

  const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const ids = (body: unknown) => (body as { id: string }[]).map((row) => row.id);

  async function check(cell: Cell): Promise<void> {
    const mismatches: string[] = [];
    for (const who of PRINCIPALS) {
      if (cell.skip?.includes(who)) continue;
      const expected = cell.expect[who] ?? cell.otherwise;
      const { status, body } = await cell.call(as[who]);
      cellsChecked += 1;
      if (status !== expected)
        mismatches.push(`${who}: expected ${expected}, got ${status} ${JSON.stringify(body).slice(0, 160)}`);
      if (status >= 500) mismatches.push(`${who}: server error`);
    }
    expect(mismatches).toEqual([]);
  }

  /** A list is "200" when it shows the row, "204" (by convention here) when it answers 200 without it. */
  const listed = (url: string, id: () => string) => async (client: ApiClient) => {
    const response = await client.get(url);
    if (response.status !== 200) return { status: response.status, body: response.body };
    return { status: ids(response.body).includes(id()) ? 200 : 204, body: response.body };
  };
  const get = (url: () => string) => async (client: ApiClient) => {
    const response = await client.get(url());
    return { status: response.status, body: response.body };
  };
  const send =
    (method: 'post' | 'put' | 'delete', url: () => string, body: () => object) =>
    async (client: ApiClient) => {
      const response = await client[method](url()).send(body());
      return { status: response.status, body: response.body };
    };

  describe('reading experiment XR and its records', () => {
    const readers = () => statuses(READERS_OF_XR, 200);
    it.each([
      ['GET /experiments/:id', () => `/api/experiments/${xr}`],
      ['GET /experiments/:id/status', () => `/api/experiments/${xr}/status`],
      ['GET /experiments/:id/actions', () => `/api/experiments/${xr}/actions`],
      ['GET /experiments/:id/timeline', () => `/api/experiments/${xr}/timeline`],
      ['GET /experiments/:id/criteria', () => `/api/experiments/${xr}/criteria`],
      ['GET /experiments/:id/calendar.ics', () => `/api/experiments/${xr}/calendar.ics`],
      ['GET /experiments/:id/departed-people', () => `/api/experiments/${xr}/departed-people`],
      ['GET /check-ins/:id', () => `/api/check-ins/${checkInId}`],
      ['GET /testimonies/:id', () => `/api/testimonies/${testimonyId}`],
    ])('%s', async (endpoint, url) => {
      await check({ endpoint, expect: readers(), otherwise: 404, call: get(url) });
    });

    it.each([
      ['GET /experiments (no filter)', () => '/api/experiments?range=[0,99]'],
      [
        'GET /experiments filtered on A',
        () => `/api/experiments?range=[0,99]&filter=${enc({ organizationId: a.organization.id })}`,
      ],
      ['GET /experiments filtered on its id', () => `/api/experiments?filter=${enc({ id: [xr] })}`],
      ['GET /experiments full-text', () => `/api/experiments?filter=${enc({ q: 'accueil partagé' })}`],
      ['GET /experiments by its pilot', () => `/api/experiments?filter=${enc({ pilotId: a.pilot })}`],
    ])('%s shows XR to its readers only', async (endpoint, url) => {
      await check({ endpoint, expect: readers(), otherwise: 204, call: listed(url(), () => xr) });
    });

    it.each([
      ['GET /check-ins', () => `/api/check-ins?filter=${enc({ experimentId: xr })}`, () => checkInId],
      ['GET /testimonies', () => `/api/testimonies?filter=${enc({ experimentId: xr })}`, () => testimonyId],
      [
        'GET /audit-events',
        () => `/api/audit-events?filter=${enc({ experimentId: xr, event: 'launch' })}`,
        () => '',
      ],
    ])('%s of XR to its readers only', async (endpoint, url, id) => {
      if (endpoint === 'GET /audit-events') {
        await check({
          endpoint,
          expect: readers(),
          otherwise: 204,
          call: async (client) => {
            const response = await client.get(url());
            if (response.status !== 200) return { status: response.status, body: response.body };
            return { status: response.body.length > 0 ? 200 : 204, body: response.body };
          },
        });
        return;
      }
      await check({ endpoint, expect: readers(), otherwise: 204, call: listed(url(), id) });
    });

    it('GET /experiments/:id of B’s experiment YR: only B’s people and the admin', async () => {
      await check({
        endpoint: 'GET /experiments/:id (YR)',
        expect: {
          admin: 200,
          'B.hr': 200,
          'B.codir': 200,
          'B.pilot': 200,
          'B.sponsor': 200,
          'B.participant': 200,
        },
        otherwise: 404,
        call: get(() => `/api/experiments/${yr}`),
      });
    });
  });

  describe('organisation resources', () => {
    it('GET /organizations/:id of A: A’s people and the admin', async () => {
      await check({
        endpoint: 'GET /organizations/:id',
        expect: statuses(OF_A, 200),
        otherwise: 404,
        call: get(() => `/api/organizations/${a.organization.id}`),
      });
    });
    it('GET /organizations never lists A to B', async () => {
      await check({
        endpoint: 'GET /organizations',
        expect: statuses(OF_A, 200),
        otherwise: 204,
        call: listed(
          `/api/organizations?filter=${enc({ id: [a.organization.id, b.organization.id] })}`,
          () => a.organization.id,
        ),
      });
    });
    it('GET /users/:id of A’s pilot: A’s people and the admin', async () => {
      await check({
        endpoint: 'GET /users/:id',
        expect: statuses(OF_A, 200),
        otherwise: 404,
        call: get(() => `/api/users/${a.pilot}`),
      });
    });
    it('GET /users filtered on A’s organisation lists A’s pilot to A only', async () => {
      await check({
        endpoint: 'GET /users?filter=A',
        expect: statuses(OF_A, 200),
        otherwise: 204,
        call: listed(
          `/api/users?range=[0,99]&filter=${enc({ organizationId: a.organization.id })}`,
          () => a.pilot,
        ),
      });
    });
    it('GET /dashboard?organizationId=A: A’s CODIR and HR and the admin; other A roles 403; B 403 or 404', async () => {
      await check({
        endpoint: 'GET /dashboard?organizationId=A',
        expect: {
          admin: 200,
          hr: 200,
          codir: 200,
          pilot: 403,
          sponsor: 403,
          participant: 403,
          outsider: 403,
          'B.pilot': 403,
          'B.sponsor': 403,
          'B.participant': 403,
        },
        otherwise: 404,
        call: get(() => `/api/dashboard?organizationId=${a.organization.id}`),
      });
    });
    it.each([
      ['GET /tracks', '/api/tracks'],
      ['GET /me/tasks', '/api/me/tasks'],
      ['GET /me/calendar.ics', '/api/me/calendar.ics'],
      ['GET /shared-learnings', '/api/shared-learnings'],
      ['GET /notifications', '/api/notifications'],
      ['GET /notifications/unread-count', '/api/notifications/unread-count'],
      ['GET /evaluations', '/api/evaluations'],
      ['GET /decisions', '/api/decisions'],
      ['GET /exports/experiments', '/api/exports/experiments'],
      ['GET /exports/evaluations', '/api/exports/evaluations?format=xlsx'],
      ['GET /exports/decisions', '/api/exports/decisions'],
      ['GET /organizations', '/api/organizations'],
      ['GET /auth/me', '/api/auth/me'],
    ])('%s: open to every signed-in user (each sees their own scope)', async (endpoint, url) => {
      await check({ endpoint, expect: {}, otherwise: 200, call: get(() => url) });
    });
    it('GET /users lists A’s pilot to A’s people only', async () => {
      await check({
        endpoint: 'GET /users',
        expect: statuses(OF_A, 200),
        otherwise: 204,
        call: listed('/api/users?range=[0,199]', () => a.pilot),
      });
    });
    it('GET /notifications/:id: its recipient only, not even the admin', async () => {
      await check({
        endpoint: 'GET /notifications/:id',
        expect: { pilot: 200 },
        otherwise: 404,
        call: get(() => `/api/notifications/${notificationId}`),
      });
    });
    it('GET /emails: the admin only', async () => {
      await check({
        endpoint: 'GET /emails',
        expect: { admin: 200 },
        otherwise: 403,
        call: get(() => '/api/emails'),
      });
    });
  });

  describe('changes', () => {
    it('POST /experiments in A: A’s HR and pilots; other A roles 403; B 404 (no such organisation)', async () => {
      await check({
        endpoint: 'POST /experiments',
        expect: {
          hr: 201,
          pilot: 201,
          outsider: 201,
          admin: 403,
          codir: 403,
          sponsor: 403,
          participant: 403,
        },
        otherwise: 404,
        call: send(
          'post',
          () => '/api/experiments',
          () => ({ organizationId: a.organization.id, title: 'Matrice' }),
        ),
      });
    });

    it('PUT /experiments/:id of draft XD: HR and its pilot; other readers 403; the rest 404; nothing changes', async () => {
      const before = await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id: xd });
      await check({
        endpoint: 'PUT /experiments/:id',
        expect: { hr: 200, pilot: 200, admin: 403, codir: 403 },
        otherwise: 404,
        call: send(
          'put',
          () => `/api/experiments/${xd}`,
          () => ({ scope: before.scope }),
        ),
      });
      const after = await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id: xd });
      expect(after.title).toBe(before.title);
    });

    it.each([
      ['stop', { reason: 'Matrice' }, ['hr', 'pilot', 'sponsor']],
      ['extension', { newExpiryDate: dateInDays(70), justification: 'Matrice' }, ['hr', 'pilot']],
      ['extension/approve', {}, ['sponsor']],
      ['extension/refuse', {}, ['sponsor']],
      ['cancel', {}, ['hr', 'pilot']],
    ] as const)(
      'POST /experiments/XR/%s: refused to readers it is not for (403), to non-readers (404); XR stays running',
      async (action, body, allowed) => {
        const forbidden = READERS_OF_XR.filter((who) => !(allowed as readonly Who[]).includes(who));
        await check({
          endpoint: `POST /experiments/:id/${action}`,
          expect: statuses(forbidden, 403),
          otherwise: 404,
          skip: allowed,
          call: send(
            'post',
            () => `/api/experiments/${xr}/${action}`,
            () => body,
          ),
        });
        const row = await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id: xr });
        expect(row.state).toBe('running');
      },
    );

    it('POST /experiments/XD/launch (draft): HR and its pilot may (not called); admin and CODIR 403; the rest 404', async () => {
      await check({
        endpoint: 'POST /experiments/:id/launch',
        expect: { admin: 403, codir: 403 },
        otherwise: 404,
        skip: ['hr', 'pilot'],
        call: send(
          'post',
          () => `/api/experiments/${xd}/launch`,
          () => ({}),
        ),
      });
    });

    // Launch approval (issue 15, item 4): organisation A launches without approval, so each
    // allowed caller is refused by the rules (409), never by the access (403/404).
    it.each([
      ['launch-request', { hr: 409, pilot: 409, admin: 403, codir: 403 }, {}],
      ['launch-request/approve', { codir: 409, hr: 403, pilot: 403, admin: 403 }, {}],
      ['launch-request/refuse', { codir: 409, hr: 403, pilot: 403, admin: 403 }, { reason: 'Matrice' }],
      ['launch-request/withdraw', { hr: 409, pilot: 409, admin: 403, codir: 403 }, {}],
    ] as const)('POST /experiments/XD/%s', async (path, expected, body) => {
      await check({
        endpoint: `POST /experiments/:id/${path}`,
        expect: expected,
        otherwise: 404,
        call: send(
          'post',
          () => `/api/experiments/${xd}/${path}`,
          () => body,
        ),
      });
    });

    it('POST /experiments/XR/reassignment: HR only (409: the same people); other readers 403; the rest 404', async () => {
      await check({
        endpoint: 'POST /experiments/:id/reassignment',
        expect: { hr: 409, pilot: 403, sponsor: 403, codir: 403, participant: 403, admin: 403 },
        otherwise: 404,
        call: send(
          'post',
          () => `/api/experiments/${xr}/reassignment`,
          () => ({ pilotIds: [a.pilot], sponsorId: a.sponsor, reason: 'Matrice' }),
        ),
      });
    });

    it('POST /experiments/XR/check-ins: its pilot only; other readers 403; the rest 404', async () => {
      await check({
        endpoint: 'POST /experiments/:id/check-ins',
        expect: { pilot: 200, hr: 403, codir: 403, sponsor: 403, participant: 403, admin: 403 },
        otherwise: 404,
        call: send(
          'post',
          () => `/api/experiments/${xr}/check-ins`,
          () => ({ weather: 'cloudy', progress: 'Matrice' }),
        ),
      });
    });

    it('POST /experiments/XR/criteria-amendments: HR and pilot may (not called); other readers 403', async () => {
      await check({
        endpoint: 'POST /experiments/:id/criteria-amendments',
        expect: { codir: 403, sponsor: 403, participant: 403, admin: 403 },
        otherwise: 404,
        skip: ['hr', 'pilot'],
        call: send(
          'post',
          () => `/api/experiments/${xr}/criteria-amendments`,
          () => ({
            reason: 'Matrice',
            criteria: [
              { id: 'errors', name: 'Erreurs', method: 'Relevé', target: '0', coBuiltWithUsers: true },
            ],
          }),
        ),
      });
    });

    it('POST /experiments/XR/evaluation: HR and pilot pass the role check and meet the state (409)', async () => {
      await check({
        endpoint: 'POST /experiments/:id/evaluation',
        expect: { hr: 409, pilot: 409, codir: 403, sponsor: 403, participant: 403, admin: 403 },
        otherwise: 404,
        call: send(
          'post',
          () => `/api/experiments/${xr}/evaluation`,
          () => ({
            verdict: 'confirmed',
            criterionResults: [{ criterionId: 'errors', result: 'Aucune', met: true }],
            usersVoice: { sources: ['entretiens'], count: 3, noneReason: '' },
            learnings: 'Matrice',
          }),
        ),
      });
    });

    it('DELETE /testimonies/:id: its author and HR may (not called); other readers 403; the rest 404', async () => {
      await check({
        endpoint: 'DELETE /testimonies/:id',
        expect: { pilot: 403, sponsor: 403, codir: 403, admin: 403 },
        otherwise: 404,
        skip: ['participant', 'hr'],
        call: send(
          'delete',
          () => `/api/testimonies/${testimonyId}`,
          () => ({}),
        ),
      });
    });

    it.each<[string, 'put' | 'delete', () => string, () => object]>([
      ['PUT /tracks/:id', 'put', () => `/api/tracks/${sharedTrackId}`, () => ({ description: 'Matrice' })],
      ['DELETE /tracks/:id', 'delete', () => `/api/tracks/${sharedTrackId}`, () => ({})],
      ['PUT /users/:id', 'put', () => `/api/users/${a.participant}`, () => ({ displayName: 'Participant' })],
      ['DELETE /users/:id', 'delete', () => `/api/users/${a.participant}`, () => ({})],
    ])(
      '%s: the platform admin only (not called for the admin); 403 for everyone else',
      async (endpoint, method, url, body) => {
        await check({ endpoint, expect: {}, otherwise: 403, skip: ['admin'], call: send(method, url, body) });
      },
    );

    it('POST /experiments/XR/decision: sponsor and CODIR pass the role check and meet the state (409)', async () => {
      await check({
        endpoint: 'POST /experiments/:id/decision',
        expect: { sponsor: 409, codir: 409, hr: 403, pilot: 403, participant: 403, admin: 403 },
        otherwise: 404,
        call: send(
          'post',
          () => `/api/experiments/${xr}/decision`,
          () => ({ outcome: 'abandon', rationale: 'Matrice' }),
        ),
      });
    });

    it('GET /experiments/XR/actions lists for each reader exactly the actions its role allows', async () => {
      const expected: Partial<Record<Who, string[]>> = {
        // HR also reassigns the pilots and sponsor of a test under way (issue 15, item 7).
        hr: ['stopEarly', 'amendCriteria', 'requestExtension', 'reassignPeople'],
        pilot: ['recordCheckIn', 'stopEarly', 'amendCriteria', 'requestExtension'],
        sponsor: ['stopEarly'],
        codir: [],
        participant: [],
        admin: [],
      };
      for (const [who, actions] of Object.entries(expected) as [Who, string[]][]) {
        const response = await as[who].get(`/api/experiments/${xr}/actions`).expect(200);
        cellsChecked += 1;
        expect({ who, actions: response.body.map((x: { action: string }) => x.action).sort() }).toEqual({
          who,
          actions: [...actions].sort(),
        });
      }
    });

    it('POST /testimonies on XR: the people of the test and HR; CODIR and admin 403; non-readers 404', async () => {
      await check({
        endpoint: 'POST /testimonies',
        expect: { hr: 201, pilot: 201, sponsor: 201, participant: 201, codir: 403, admin: 403 },
        otherwise: 404,
        call: send(
          'post',
          () => '/api/testimonies',
          () => ({ experimentId: xr, quote: 'Matrice', source: 'other', collectedAt: dateInDays(0) }),
        ),
      });
    });

    it('PUT /testimonies/:id: its author and HR; other readers 403; non-readers 404', async () => {
      await check({
        endpoint: 'PUT /testimonies/:id',
        expect: { participant: 200, hr: 200, pilot: 403, sponsor: 403, codir: 403, admin: 403 },
        otherwise: 404,
        call: send(
          'put',
          () => `/api/testimonies/${testimonyId}`,
          () => ({ speakerRole: 'Agent' }),
        ),
      });
    });

    type AdminCase = [string, 'post' | 'put', () => string, () => object, number];
    it.each<AdminCase>([
      ['POST /tracks', 'post', () => '/api/tracks', () => ({ name: `Piste ${randomUUID()}` }), 201],
      [
        'POST /users',
        'post',
        () => '/api/users',
        () => ({ email: `m-${randomUUID()}@a.test`, displayName: 'M' }),
        201,
      ],
      [
        'PUT /organizations/:id',
        'put',
        () => `/api/organizations/${a.organization.id}`,
        () => ({ name: a.organization.name }),
        200,
      ],
      [
        'POST /organizations',
        'post',
        () => '/api/organizations',
        () => ({ name: 'O', slug: `o-${randomUUID().slice(0, 8)}`, kind: 'other' }),
        201,
      ],
    ])('%s: the platform admin only (403 for everyone else)', async (endpoint, method, url, body, ok) => {
      await check({ endpoint, expect: { admin: ok }, otherwise: 403, call: send(method, url, body) });
    });

    it('POST /experiments/XR/consent: the participant only (withdrawing); other readers 403; the rest 404', async () => {
      await check({
        endpoint: 'POST /experiments/:id/consent',
        expect: { participant: 200, hr: 403, codir: 403, pilot: 403, sponsor: 403, admin: 403 },
        otherwise: 404,
        call: send(
          'post',
          () => `/api/experiments/${xr}/consent`,
          () => ({ consent: false }),
        ),
      });
    });

    it('POST /experiments/XD/consent-records: HR only (404: XD has no such participant); its other readers 403; the rest 404', async () => {
      await check({
        endpoint: 'POST /experiments/:id/consent-records',
        expect: { hr: 404, pilot: 403, admin: 403, codir: 403 },
        otherwise: 404,
        call: send(
          'post',
          () => `/api/experiments/${xd}/consent-records`,
          () => ({ participantId: a.participant, method: 'paper', collectedOn: dateInDays(-1) }),
        ),
      });
    });

    it('PUT /notifications/:id: its recipient only', async () => {
      await check({
        endpoint: 'PUT /notifications/:id',
        expect: { pilot: 200 },
        otherwise: 404,
        call: send(
          'put',
          () => `/api/notifications/${notificationId}`,
          () => ({ read: true }),
        ),
      });
    });
  });

  describe('identifiers of another organisation in bodies, and filters that try to widen the scope', () => {
    let bTrack: string;

    beforeAll(async () => {
      const track = await as.admin
        .post('/api/tracks')
        .send({ name: `Piste de B ${randomUUID().slice(0, 8)}`, organizationId: b.organization.id })
        .expect(201);
      bTrack = track.body.id;
    });

    /** The editors of draft XD name someone or something of B: refused (400), naming the field; XD unchanged. */
    it.each<[string, () => object, string]>([
      ['a pilot of B', () => ({ pilotIds: [a.pilot, b.pilot] }), 'pilotIds.1'],
      ['the sponsor of B', () => ({ sponsorId: b.sponsor }), 'sponsorId'],
      ['a participant of B', () => ({ participants: [{ userId: b.participant }] }), 'participants.0.userId'],
      ['an unknown person', () => ({ sponsorId: randomUUID() }), 'sponsorId'],
      ['a track of B', () => ({ trackId: bTrack }), ''],
    ])(
      'PUT /experiments/XD naming %s: 404 (a person) or 400 (a track) for its editors, 404 for the others',
      async (_, body, field) => {
        const before = await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id: xd });
        // A person of B, or nobody: not found for this organisation (404 naming the field).
        const refusal = field ? 404 : 400;
        await check({
          endpoint: `PUT /experiments/:id (${field || 'trackId'} of B)`,
          expect: { hr: refusal, pilot: refusal, admin: 403, codir: 403 },
          otherwise: 404,
          call: async (client) => {
            const response = await client.put(`/api/experiments/${xd}`).send(body());
            const named = (response.body.fields ?? []).map((f: { field: string }) => f.field);
            // A refusal that does not name the bad field (or the track) is not the expected one;
            // the others' 404 is the experiment's own.
            const precise = field
              ? response.status !== 404 ||
                (response.body.code === 'NOT_FOUND'
                  ? named.includes(field)
                  : response.body.code === 'EXPERIMENT_NOT_FOUND')
              : response.status !== 400 || response.body.code === 'TRACK_NOT_FOUND';
            return { status: precise ? response.status : -response.status, body: response.body };
          },
        });
        const after = await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id: xd });
        expect({
          pilotIds: after.pilotIds,
          sponsorId: after.sponsorId,
          participants: after.participants,
          trackId: after.trackId,
        }).toEqual({
          pilotIds: before.pilotIds,
          sponsorId: before.sponsorId,
          participants: before.participants,
          trackId: before.trackId,
        });
      },
    );

    it('POST /experiments in A on a track of B: 400 TRACK_NOT_FOUND for those who create; B 404 (no such organisation)', async () => {
      await check({
        endpoint: 'POST /experiments (trackId of B)',
        expect: {
          hr: 400,
          pilot: 400,
          outsider: 400,
          admin: 403,
          codir: 403,
          sponsor: 403,
          participant: 403,
        },
        otherwise: 404,
        call: send(
          'post',
          () => '/api/experiments',
          () => ({ organizationId: a.organization.id, title: 'Piste volée', trackId: bTrack }),
        ),
      });
    });

    const OF_B: Who[] = ['B.hr', 'B.codir', 'B.pilot', 'B.sponsor', 'B.participant'];
    it.each<[string, () => string, () => string, Partial<Record<Who, number>>]>([
      [
        'GET /tracks filtered on B shows B’s own track to B and the admin only',
        () => `/api/tracks?range=[0,99]&filter=${enc({ organizationId: b.organization.id })}`,
        () => bTrack,
        { ...statuses(OF_B, 200), admin: 200 },
      ],
      [
        'GET /testimonies filtered on A',
        () => `/api/testimonies?filter=${enc({ organizationId: a.organization.id })}`,
        () => testimonyId,
        statuses(READERS_OF_XR, 200),
      ],
      [
        'GET /check-ins filtered on A',
        () => `/api/check-ins?filter=${enc({ organizationId: a.organization.id })}`,
        () => checkInId,
        statuses(READERS_OF_XR, 200),
      ],
      [
        'GET /experiments filtered on XR’s sponsor',
        () => `/api/experiments?filter=${enc({ sponsorId: a.sponsor })}`,
        () => xr,
        statuses(READERS_OF_XR, 200),
      ],
      [
        'GET /users filtered on A’s pilot id',
        () => `/api/users?filter=${enc({ id: [a.pilot] })}`,
        () => a.pilot,
        statuses(OF_A, 200),
      ],
      [
        'GET /notifications filtered on XR shows the pilot’s notice to the pilot only',
        () => `/api/notifications?range=[0,99]&filter=${enc({ experimentId: xr })}`,
        () => notificationId,
        { pilot: 200 },
      ],
    ])('%s', async (endpoint, url, id, expected) => {
      await check({ endpoint, expect: expected, otherwise: 204, call: listed(url(), id) });
    });

    it('GET /audit-events filtered on A: nothing of A for B’s people', async () => {
      await check({
        endpoint: 'GET /audit-events?filter=A',
        expect: { ...statuses(READERS_OF_XR, 200), outsider: 200 },
        otherwise: 204,
        call: async (client) => {
          const response = await client.get(
            `/api/audit-events?range=[0,99]&filter=${enc({ organizationId: a.organization.id })}`,
          );
          if (response.status !== 200) return { status: response.status, body: response.body };
          return { status: response.body.length > 0 ? 200 : 204, body: response.body };
        },
      });
    });
  });

  // Issue 15: séances du CODIR and read-only links. HR and the CODIR of A plan sessions and share;
  // the CODIR records minutes; the platform admin reads (403 on acts); everyone else: 404.
  describe('committee sessions and share links', () => {
    let sessionId = '';
    let linkId = '';
    const managers = { hr: 200, codir: 200, admin: 403 };
    beforeAll(async () => {
      const session = await as.hr
        .post('/api/committee-sessions')
        .send({ organizationId: a.organization.id, title: 'Séance de la matrice', heldOn: dateInDays(7) })
        .expect(201);
      sessionId = session.body.id;
      const link = await as.hr
        .post('/api/share-links')
        .send({ kind: 'committeePack', organizationId: a.organization.id, sessionId, recipient: 'Élue' })
        .expect(201);
      linkId = link.body.id;
    });

    it.each([
      ['GET /committee-sessions/:id', () => `/api/committee-sessions/${sessionId}`],
      ['GET /committee-sessions/:id/pack.pdf', () => `/api/committee-sessions/${sessionId}/pack.pdf`],
      ['GET /share-links/:id', () => `/api/share-links/${linkId}`],
    ])('%s: A’s HR and CODIR and the admin; the rest 404', async (endpoint, url) => {
      await check({ endpoint, expect: { hr: 200, codir: 200, admin: 200 }, otherwise: 404, call: get(url) });
    });

    it.each([
      ['GET /committee-sessions', () => '/api/committee-sessions?range=[0,99]', () => sessionId],
      [
        'GET /committee-sessions filtered on A',
        () => `/api/committee-sessions?filter=${enc({ organizationId: a.organization.id })}`,
        () => sessionId,
      ],
      ['GET /share-links', () => '/api/share-links?range=[0,99]', () => linkId],
    ])('%s lists A’s to A’s HR and CODIR and the admin only', async (endpoint, url, id) => {
      await check({
        endpoint,
        expect: { hr: 200, codir: 200, admin: 200 },
        otherwise: 204,
        call: listed(url(), id),
      });
    });

    it('POST /committee-sessions in A: HR and CODIR; the admin 403; the rest 404 (no such organisation for them)', async () => {
      await check({
        endpoint: 'POST /committee-sessions',
        expect: { hr: 201, codir: 201, admin: 403 },
        otherwise: 404,
        call: send(
          'post',
          () => '/api/committee-sessions',
          () => ({
            organizationId: a.organization.id,
            title: 'Séance',
            heldOn: dateInDays(14),
          }),
        ),
      });
    });

    it('PUT /committee-sessions/:id: HR and CODIR; the admin 403; the rest 404', async () => {
      await check({
        endpoint: 'PUT /committee-sessions/:id',
        expect: managers,
        otherwise: 404,
        call: send(
          'put',
          () => `/api/committee-sessions/${sessionId}`,
          () => ({ title: 'Séance de la matrice' }),
        ),
      });
    });

    it('POST /committee-sessions/:id/minutes: the CODIR may (not called); HR and the admin 403; the rest 404', async () => {
      await check({
        endpoint: 'POST /committee-sessions/:id/minutes',
        expect: { hr: 403, admin: 403 },
        otherwise: 404,
        skip: ['codir'],
        call: send(
          'post',
          () => `/api/committee-sessions/${sessionId}/minutes`,
          () => ({
            attendees: [{ name: 'Quelqu’un' }],
            items: [],
          }),
        ),
      });
    });

    it('POST /share-links in A: HR and CODIR; the admin 403; the rest 404', async () => {
      await check({
        endpoint: 'POST /share-links',
        expect: { hr: 201, codir: 201, admin: 403 },
        otherwise: 404,
        call: send(
          'post',
          () => '/api/share-links',
          () => ({
            kind: 'dashboard',
            organizationId: a.organization.id,
            recipient: 'Partenaire',
          }),
        ),
      });
    });

    it('POST /share-links/:id/revoke: HR and CODIR may (not called); the admin 403; the rest 404', async () => {
      await check({
        endpoint: 'POST /share-links/:id/revoke',
        expect: { admin: 403 },
        otherwise: 404,
        skip: ['hr', 'codir'],
        call: send(
          'post',
          () => `/api/share-links/${linkId}/revoke`,
          () => ({}),
        ),
      });
    });
  });
});
