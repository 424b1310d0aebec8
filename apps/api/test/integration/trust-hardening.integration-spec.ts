// Trust defaults found missing in review of issues 14–16: secrets encrypted at rest (webhooks,
// chat targets, TOTP), never answered after their creation, encrypted when left in clear by an
// older release and re-encrypted after a rotation; limits on every public token route, shared
// by several API processes; strict headers on the shared pages.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataCipher, newPayloadKeyEntry, parsePayloadKeys, secretContext } from '@capacites/config';
import { loadApiConfig } from '../../src/config/api.config';
import { createApiApp } from '../../src/create-app';
import { SecretsAtRestService } from '../../src/security/secrets-at-rest.service';
import { dateInDays, insertTeam, TEST_PASSWORD, type Team } from '../support/fixtures';
import { login, type ApiClient } from '../support/http';
import { startStack, type TestStack } from '../support/stack';

const repoRoot = join(__dirname, '..', '..', '..', '..');
/** Endpoints are registered on 127.0.0.2, the one network the platform allows here. */
const ALLOWED_HOST = '127.0.0.2';
const LIMITS = { perAddress: 6, perToken: 3, answers: 2 };

describe('Trust hardening: secrets at rest, public routes limited, strict shared pages', () => {
  let stack: TestStack;
  let team: Team;
  let hr: ApiClient;

  beforeAll(async () => {
    stack = await startStack({
      env: {
        WEBHOOK_ALLOWED_NETWORKS: `${ALLOWED_HOST}/32`,
        // Each case speaks from an address of its own (X-Forwarded-For, one proxy trusted).
        TRUST_PROXY_HOPS: '1',
        PUBLIC_REQUESTS_PER_MINUTE: String(LIMITS.perAddress),
        PUBLIC_TOKEN_REQUESTS_PER_MINUTE: String(LIMITS.perToken),
        PUBLIC_ANSWERS_PER_MINUTE: String(LIMITS.answers),
      },
    });
    team = await insertTeam(stack.db);
    hr = await login(stack.app, team.emails.hr);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const cipherOf = (keys: string) => new DataCipher(parsePayloadKeys(keys, 'test'));
  const rawEndpoint = async (id: string) =>
    (
      (await stack.db.query(`SELECT url, secret, room_id FROM webhook_endpoints WHERE id = $1`, [id])) as {
        url: string;
        secret: string | null;
        room_id: string | null;
      }[]
    )[0];

  describe('secrets at rest', () => {
    it('keeps no webhook secret, chat token or incoming-webhook URL in clear, and never answers one again', async () => {
      const webhook = await hr
        .post('/api/webhook-endpoints')
        .send({
          organizationId: team.organization.id,
          kind: 'webhook',
          name: 'SIRH',
          url: `http://${ALLOWED_HOST}:9/hooks?key=receiver-key-0042`,
          events: ['*'],
        })
        .expect(201);
      const signingSecret = webhook.body.secret as string;
      expect(signingSecret).toMatch(/^whsec_/);
      const slackPath = '/services/T0CAPA/B0CITES/s3cr3tSlackPathPart';
      const slack = await hr
        .post('/api/webhook-endpoints')
        .send({
          organizationId: team.organization.id,
          kind: 'slack',
          name: 'Canal Slack',
          url: `http://${ALLOWED_HOST}:9${slackPath}`,
          events: ['*'],
        })
        .expect(201);
      const botToken = 'syt_Y2FwYWNpdGVz_botTokenNeverShown';
      const tchap = await hr
        .post('/api/webhook-endpoints')
        .send({
          organizationId: team.organization.id,
          kind: 'tchap',
          name: 'Salon Tchap',
          url: `http://${ALLOWED_HOST}:9`,
          roomId: '!salle:agent.tchap.gouv.fr',
          accessToken: botToken,
          events: ['*'],
        })
        .expect(201);
      expect(JSON.stringify(slack.body)).not.toContain('s3cr3tSlackPathPart');
      expect(JSON.stringify(tchap.body)).not.toContain(botToken);

      // The raw rows: every URL and secret encrypted with the stack's data key, none readable.
      const rows: Record<string, unknown>[] = await stack.db.query(
        `SELECT * FROM webhook_endpoints WHERE organization_id = $1`,
        [team.organization.id],
      );
      expect(rows).toHaveLength(3);
      const dump = JSON.stringify(rows);
      for (const secret of [signingSecret, 'receiver-key-0042', 's3cr3tSlackPathPart', botToken, ALLOWED_HOST])
        expect(dump).not.toContain(secret);
      for (const row of rows) {
        expect(row.url).toMatch(/^enc:v1:test-data:/);
        if (row.kind !== 'slack') expect(row.secret).toMatch(/^enc:v1:test-data:/);
      }
      // Bound to its row: the same value moved to another row does not decrypt.
      const cipher = cipherOf(stack.env.DATA_ENCRYPTION_KEYS);
      const stored = await rawEndpoint(webhook.body.id);
      expect(cipher.decrypt(stored.secret as string, secretContext('webhook_endpoints', 'secret', webhook.body.id))).toBe(
        signingSecret,
      );
      expect(() => cipher.decrypt(stored.secret as string, secretContext('webhook_endpoints', 'secret', slack.body.id))).toThrow();

      // Read back: the webhook's URL in full, the chats' masked, no secret anywhere.
      const list = await hr
        .get(`/api/webhook-endpoints?filter=${encodeURIComponent(JSON.stringify({ organizationId: team.organization.id }))}`)
        .expect(200);
      const one = await hr.get(`/api/webhook-endpoints/${slack.body.id}`).expect(200);
      const rotatedSecret = (await hr.post(`/api/webhook-endpoints/${webhook.body.id}/rotate-secret`).expect(200)).body
        .secret as string;
      const afterRotation = await hr.get(`/api/webhook-endpoints/${webhook.body.id}`).expect(200);
      const answered = JSON.stringify([list.body, one.body, afterRotation.body]);
      for (const secret of [signingSecret, rotatedSecret, 's3cr3tSlackPathPart', botToken])
        expect(answered).not.toContain(secret);
      expect(afterRotation.body.url).toBe(`http://${ALLOWED_HOST}:9/hooks?key=receiver-key-0042`);
      expect(one.body.url).toBe(`http://${ALLOWED_HOST}:9/…Part`);
      expect(JSON.stringify(await rawEndpoint(webhook.body.id))).not.toContain(rotatedSecret);

      // A changed token and URL are encrypted too.
      await hr
        .put(`/api/webhook-endpoints/${tchap.body.id}`)
        .send({ accessToken: 'syt_second_token_of_the_bot', url: `http://${ALLOWED_HOST}:10` })
        .expect(200);
      const changed = await rawEndpoint(tchap.body.id);
      expect(JSON.stringify(changed)).not.toMatch(/syt_second_token|127\.0\.0\.2/);
      expect(cipher.decrypt(changed.secret as string, secretContext('webhook_endpoints', 'secret', tchap.body.id))).toBe(
        'syt_second_token_of_the_bot',
      );
    });

    it('keeps the TOTP secret encrypted, still checks codes with it, and never answers it after the enrolment', async () => {
      const email = team.emails.pilot;
      const pilot = await login(stack.app, email);
      const enrol = await pilot.post('/api/auth/totp/enrol').send({}).expect(200);
      const secret = enrol.body.secret as string;
      const pending: { totp_pending_secret: string }[] = await stack.db.query(
        `SELECT totp_pending_secret FROM users WHERE id = $1`,
        [team.pilot],
      );
      expect(pending[0].totp_pending_secret).toMatch(/^enc:v1:test-data:/);
      expect(pending[0].totp_pending_secret).not.toContain(secret);
      const { TOTP, Secret } = await import('otpauth');
      const code = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate();
      await pilot.post('/api/auth/totp/confirm').send({ code }).expect(200);
      const [row]: Record<string, unknown>[] = await stack.db.query(`SELECT * FROM users WHERE id = $1`, [team.pilot]);
      expect(row.totp_secret).toMatch(/^enc:v1:test-data:/);
      expect(row.totp_pending_secret).toBeNull();
      expect(JSON.stringify(row)).not.toContain(secret);
      // The API still verifies codes against it: a login through both steps.
      const first = await request(stack.app.getHttpServer())
        .post('/api/auth/token')
        .send({ email, password: TEST_PASSWORD })
        .expect(200);
      expect(first.body.totpRequired).toBe(true);
      const later = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
        timestamp: Date.now() + 30_000,
      });
      const second = await request(stack.app.getHttpServer())
        .post('/api/auth/login/totp')
        .send({ pendingToken: first.body.pendingToken, code: later })
        .expect(200);
      const me = await request(stack.app.getHttpServer())
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${second.body.token as string}`)
        .expect(200);
      expect(JSON.stringify(me.body)).not.toContain(secret);
    });

    it("answers a service account's token at its creation only; only its hash is kept", async () => {
      const created = await hr
        .post('/api/service-accounts')
        .send({ organizationId: team.organization.id, name: 'Entrepôt de données', scope: 'read', expiresOn: dateInDays(30) })
        .expect(201);
      const token = created.body.token as string;
      expect(token).toMatch(/^cap_sa_/);
      const list = await hr.get('/api/service-accounts').expect(200);
      const one = await hr.get(`/api/service-accounts/${created.body.id}`).expect(200);
      expect(JSON.stringify([list.body, one.body])).not.toContain(token);
      const [row]: Record<string, unknown>[] = await stack.db.query(`SELECT * FROM service_accounts WHERE id = $1`, [
        created.body.id,
      ]);
      expect(JSON.stringify(row)).not.toContain(token);
    });

    it('encrypts what an older release left in clear, at start and by `npm run secrets:encrypt`, and re-encrypts after a rotation', async () => {
      // Rows as the release before encryption wrote them; the clear values are still read.
      const [clear]: { id: string }[] = await stack.db.query(
        `INSERT INTO webhook_endpoints (organization_id, name, kind, url, secret, events)
         VALUES ($1, 'Ancien', 'webhook', $2, 'whsec_T2xkQ2xlYXJTZWNyZXQ=', '{*}') RETURNING id`,
        [team.organization.id, `http://${ALLOWED_HOST}:9/old-clear-hook`],
      );
      await stack.db.query(`UPDATE users SET totp_secret = 'JBSWY3DPEHPK3PXPOLDCLEAR' WHERE id = $1`, [team.codir]);
      const shown = await hr.get(`/api/webhook-endpoints/${clear.id}`).expect(200);
      expect(shown.body.url).toBe(`http://${ALLOWED_HOST}:9/old-clear-hook`);

      // What the API does at each start.
      await stack.app.get(SecretsAtRestService).onApplicationBootstrap();
      const encrypted = await rawEndpoint(clear.id);
      expect(encrypted.url).toMatch(/^enc:v1:test-data:/);
      expect(encrypted.secret).toMatch(/^enc:v1:test-data:/);
      const [codir]: { totp_secret: string }[] = await stack.db.query(`SELECT totp_secret FROM users WHERE id = $1`, [
        team.codir,
      ]);
      expect(codir.totp_secret).toMatch(/^enc:v1:test-data:/);
      const old = cipherOf(stack.env.DATA_ENCRYPTION_KEYS);
      expect(old.decrypt(codir.totp_secret, secretContext('users', 'totp_secret', team.codir))).toBe(
        'JBSWY3DPEHPK3PXPOLDCLEAR',
      );
      expect((await hr.get(`/api/webhook-endpoints/${clear.id}`).expect(200)).body.url).toBe(
        `http://${ALLOWED_HOST}:9/old-clear-hook`,
      );

      // Another clear row, then the command with a new key first: everything ends under it.
      await stack.db.query(`UPDATE webhook_endpoints SET secret = 'whsec_U2Vjb25kQ2xlYXI=' WHERE id = $1`, [clear.id]);
      const rotated = `${newPayloadKeyEntry('rotated')},${stack.env.DATA_ENCRYPTION_KEYS}`;
      const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile(
          process.execPath,
          ['-r', './scripts/register.cjs', 'apps/api/src/cli/secrets-encrypt.ts'],
          {
            cwd: repoRoot,
            env: {
              PATH: process.env.PATH ?? '',
              HOME: process.env.HOME ?? '/tmp',
              DATABASE_URL: stack.databaseUrl,
              NODE_ENV: 'production',
              DATA_ENCRYPTION_KEYS: rotated,
            },
            timeout: 120_000,
          },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        ),
      );
      expect(`exit ${run.code} ${run.stderr}`).toMatch(/^exit 0 /);
      expect(run.stdout).toMatch(/secrets at rest: 1 encrypted, \d+ re-encrypted with key "rotated", 0 unreadable/);
      const values: { value: string }[] = await stack.db.query(
        `SELECT url AS value FROM webhook_endpoints UNION ALL SELECT secret FROM webhook_endpoints WHERE secret IS NOT NULL
         UNION ALL SELECT totp_secret FROM users WHERE totp_secret IS NOT NULL`,
      );
      expect(values.length).toBeGreaterThan(5);
      for (const { value } of values) expect(value).toMatch(/^enc:v1:rotated:/);
      const newOnly = cipherOf(rotated.split(',')[0]);
      expect(newOnly.decrypt((await rawEndpoint(clear.id)).secret as string, secretContext('webhook_endpoints', 'secret', clear.id))).toBe(
        'whsec_U2Vjb25kQ2xlYXI=',
      );
    });
  });

  describe('public routes: limited per address and per token, across API processes', () => {
    let counter = 0;
    /** A client address of its own for each case (the one proxy trusted forwards it). */
    const newAddress = () => `198.51.100.${(counter += 1)}`;
    const call = (app: INestApplication, path: string, address: string, accept = 'application/json') =>
      request(app.getHttpServer()).get(path).set('X-Forwarded-For', address).set('Accept', accept);

    /**
     * Runs `attempt` with fresh addresses until a run fits in one minute's window (the limits
     * count fixed windows: a run across a boundary gets two budgets), at most three times.
     */
    const inOneWindow = async <T>(attempt: (address: string) => Promise<T>): Promise<T> => {
      for (let i = 0; i < 3; i += 1) {
        const window = Math.floor(Date.now() / 60_000);
        const result = await attempt(newAddress());
        if (Math.floor(Date.now() / 60_000) === window) return result;
      }
      throw new Error('three runs straddled a minute boundary');
    };

    it('limits a share link per link (429, Retry-After, a French page to a browser) and sends its pages with a strict policy', async () => {
      const created = await hr
        .post('/api/share-links')
        .send({ kind: 'dashboard', organizationId: team.organization.id, recipient: 'Partenaire' })
        .expect(201);
      const path = new URL(created.body.url as string).pathname;
      const statuses = await inOneWindow(async () => {
        const seen: number[] = [];
        // Each opening from another address: the link's own budget is what refuses.
        for (let i = 0; i <= LIMITS.perToken; i += 1) {
          const response = await call(stack.app, path, newAddress(), 'text/html');
          seen.push(response.status);
          if (response.status === 200) {
            const policy = response.headers['content-security-policy'] as string;
            expect(policy).toContain("default-src 'none'");
            expect(policy).toContain("frame-ancestors 'none'");
            expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
            expect(response.headers['referrer-policy']).toBe('no-referrer');
            expect(response.headers['x-content-type-options']).toBe('nosniff');
            expect(response.headers['cache-control']).toBe('no-store');
          } else {
            expect(response.status).toBe(429);
            expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
            expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(60);
            expect(response.text).toContain('Trop de demandes');
            expect(response.headers['content-type']).toMatch(/^text\/html/);
          }
        }
        // A script, not a browser: the one JSON error shape.
        const json = await call(stack.app, `${path}/pack.pdf`, newAddress());
        expect(json.status).toBe(429);
        expect(json.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
        return seen;
      });
      expect(statuses).toEqual([...Array(LIMITS.perToken).fill(200), 429]);
    });

    it('limits one address across unknown links, calendar feeds and questionnaire codes, with one budget shared by two API processes', async () => {
      const second = await createApiApp(loadApiConfig({ ...stack.env, LOG_LEVEL: 'silent' }));
      await second.init();
      try {
        const statuses = await inOneWindow(async (address) => {
          const seen: number[] = [];
          const paths = [
            (i: number) => `/api/shared/${'x'.repeat(42)}${i % 10}`,
            (i: number) => `/api/calendar/subscription.ics?token=unknown-feed-${i}`,
            (i: number) => `/api/public/questionnaires/code${i}`,
          ];
          for (let i = 0; i <= LIMITS.perAddress; i += 1) {
            // Alternately on each process: an in-memory count would give each its own budget.
            const response = await call(i % 2 === 0 ? stack.app : second, paths[i % 3](i), address);
            seen.push(response.status);
          }
          return seen;
        });
        expect(statuses.slice(0, LIMITS.perAddress).every((status) => status === 404)).toBe(true);
        expect(statuses[LIMITS.perAddress]).toBe(429);
      } finally {
        await second.close();
      }
    });

    it('limits a calendar feed per token: a leaked address polled from many places', async () => {
      const sponsor = await login(stack.app, team.emails.sponsor);
      const subscription = await sponsor.post('/api/me/calendar-subscription').send({}).expect(201);
      const url = new URL((subscription.body.url as string).replace(/^webcal:/, 'http:'));
      const statuses = await inOneWindow(async () => {
        const seen: number[] = [];
        for (let i = 0; i <= LIMITS.perToken; i += 1) {
          const response = await call(stack.app, `${url.pathname}${url.search}`, newAddress(), 'text/calendar');
          seen.push(response.status);
          if (response.status === 429) expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        }
        return seen;
      });
      expect(statuses).toEqual([...Array(LIMITS.perToken).fill(200), 429]);
    });

    it('limits public answers per address in PostgreSQL, whichever process receives them', async () => {
      const second = await createApiApp(loadApiConfig({ ...stack.env, LOG_LEVEL: 'silent' }));
      await second.init();
      try {
        const statuses = await inOneWindow(async (address) => {
          const seen: { status: number; code?: string }[] = [];
          for (let i = 0; i <= LIMITS.answers; i += 1) {
            const response = await request((i % 2 === 0 ? stack.app : second).getHttpServer())
              .post('/api/public/questionnaires/nosuchcode/responses')
              .set('X-Forwarded-For', address)
              .send({ token: `browser-token-${String(i).padStart(4, '0')}`, answers: {} });
            seen.push({ status: response.status, code: response.body.code });
          }
          return seen;
        });
        expect(statuses.slice(0, LIMITS.answers).map((s) => s.status)).toEqual(Array(LIMITS.answers).fill(404));
        expect(statuses[LIMITS.answers]).toEqual({ status: 429, code: 'TOO_MANY_ANSWERS' });
        // No address is kept: the counters hold keyed digests only.
        const buckets: { bucket: string }[] = await stack.db.query(`SELECT bucket FROM login_attempts`);
        expect(buckets.length).toBeGreaterThan(0);
        expect(JSON.stringify(buckets)).not.toMatch(/198\.51\.100\./);
      } finally {
        await second.close();
      }
    });
  });

  it('sends nothing in clear over the internet: plain http only towards an allowed network', async () => {
    const body = (url: string) => ({ organizationId: team.organization.id, kind: 'webhook', name: 'Externe', url, events: ['*'] });
    const refused = await hr.post('/api/webhook-endpoints').send(body('http://93.184.216.34/hooks')).expect(400);
    expect(refused.body).toMatchObject({ code: 'URL_NOT_HTTPS', params: { host: '93.184.216.34' } });
    expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'url' })]);
    const accepted = await hr.post('/api/webhook-endpoints').send(body('https://93.184.216.34/hooks')).expect(201);
    await hr
      .put(`/api/webhook-endpoints/${accepted.body.id}`)
      .send({ url: 'http://93.184.216.34/other' })
      .expect(400);
    await hr.delete(`/api/webhook-endpoints/${accepted.body.id}`).expect(200);
  });
});
