import { Webhook } from 'standardwebhooks';
import { AuditEventEntity } from '@capacites/persistence';
import { dateInDays, insertTeam, readyFramingBody, type Team } from '../support/fixtures';
import { login, participantConsents, type ApiClient } from '../support/http';
import { startSmtpCatcher } from '../support/smtp-catcher';
import { startStack, type TestStack } from '../support/stack';
import { startDnsServer, startReceiver, type ReceivedRequest } from '../support/webhook-receiver';
import { waitFor } from '../support/worker-process';

/** Receivers listen on 127.0.0.2, the one network the platform allows here; 127.0.0.1 stays refused. */
const RECEIVER_HOST = '127.0.0.2';
const PUBLIC_URL = 'https://capacites.example.fr';

describe('Webhooks: Standard Webhooks deliveries, retries, journal, disabling, SSRF', () => {
  let stack: TestStack;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    dns = await startDnsServer({
      'loopback.capacites.test': ['127.0.0.1'],
      'rebind.capacites.test': ['93.184.216.34'],
    });
    stack = await startStack({
      env: {
        SMTP_URL: smtp.url,
        PUBLIC_URL,
        WEBHOOK_ALLOWED_NETWORKS: `${RECEIVER_HOST}/32`,
        WEBHOOK_DNS_SERVERS: dns.server,
        // Six retries a fifth of a second apart: the default schedule spans a day (workflow test).
        WEBHOOK_RETRY_SCHEDULE: '0.2,0.2,0.2,0.2,0.2,0.2',
        WEBHOOK_TIMEOUT_MS: '3000',
      },
    });
  });

  afterAll(async () => {
    await stack?.close();
    for (const close of closers) await close();
    await smtp?.close();
    await dns?.close();
  });

  const receiver = async (...args: Parameters<typeof startReceiver>) => {
    const started = await startReceiver(...args);
    closers.push(started.close);
    return started;
  };

  const newTeam = async () => {
    const team = await insertTeam(stack.db);
    return { team, hr: await login(stack.app, team.emails.hr) };
  };

  /** A test of the team, framed, consented and launched: events `created` then `launched`. */
  const launch = async (hr: ApiClient, team: Team, title: string): Promise<string> => {
    const created = await hr
      .post('/api/experiments')
      .send({ organizationId: team.organization.id, title })
      .expect(201);
    const id = created.body.id as string;
    await hr
      .put(`/api/experiments/${id}`)
      .send(readyFramingBody(team, dateInDays(60)))
      .expect(200);
    await participantConsents(stack.app, team, id);
    await hr.post(`/api/experiments/${id}/launch`).send({}).expect(200);
    return id;
  };

  const endpoint = async (hr: ApiClient, team: Team, body: Record<string, unknown>) =>
    (
      await hr
        .post('/api/webhook-endpoints')
        .send({ organizationId: team.organization.id, kind: 'webhook', events: ['*'], ...body })
        .expect(201)
    ).body as { id: string; secret?: string; url: string };

  const deliveries = async (hr: ApiClient, endpointId: string) =>
    (
      await hr
        .get(`/api/webhook-deliveries?filter=${encodeURIComponent(JSON.stringify({ endpointId }))}`)
        .expect(200)
    ).body as {
      id: string;
      status: string;
      attempts: number;
      type: string;
      messageId: string;
      lastError: string | null;
    }[];

  const typeOf = (request: ReceivedRequest) => (JSON.parse(request.body) as { type: string }).type;

  // First of the file: the worker purges at its first publication, then every ten minutes.
  it('keeps the journal 7 days: older messages are purged with their deliveries, never shown', async () => {
    const { team, hr } = await newTeam();
    const sink = await receiver(RECEIVER_HOST);
    const created = await endpoint(hr, team, {
      name: 'Journal',
      url: sink.url(),
      events: ['experiment.launched'],
    });
    const aged = async (days: number) => {
      const [message]: { id: string }[] = await stack.db.query(
        `INSERT INTO webhook_messages (organization_id, event_key, type, payload, created_at)
         VALUES ($1, $2, 'experiment.launched', '{}', now() - make_interval(days => $3)) RETURNING id`,
        [team.organization.id, `aged:${days}:${created.id}`, days],
      );
      await stack.db.query(
        `INSERT INTO webhook_deliveries (message_id, endpoint_id, organization_id, status, created_at)
         VALUES ($1, $2, $3, 'delivered', now() - make_interval(days => $4))`,
        [message.id, created.id, team.organization.id, days],
      );
      return message.id;
    };
    const old = await aged(8);
    const recent = await aged(6);
    await launch(hr, team, 'Test du journal');
    await waitFor('the old message purged', async () => {
      const rows: unknown[] = await stack.db.query(`SELECT 1 FROM webhook_messages WHERE id = $1`, [old]);
      return rows.length === 0;
    });
    expect(
      await stack.db.query(`SELECT 1 FROM webhook_deliveries WHERE message_id = $1`, [old]),
    ).toHaveLength(0);
    expect(await stack.db.query(`SELECT 1 FROM webhook_messages WHERE id = $1`, [recent])).toHaveLength(1);
    const journal = await waitFor('the launch journaled', async () => {
      const rows = await deliveries(hr, created.id);
      return rows.length === 2 && rows;
    });
    expect(journal.map((row) => row.type)).toEqual(['experiment.launched', 'experiment.launched']);
  });

  it('signs each event by the Standard Webhooks specification, shows the secret once and journals the delivery', async () => {
    const { team, hr } = await newTeam();
    const sink = await receiver(RECEIVER_HOST);
    const created = await endpoint(hr, team, { name: 'SIRH de la ville', url: sink.url() });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const shown = await hr.get(`/api/webhook-endpoints/${created.id}`).expect(200);
    expect(shown.body.secret).toBeUndefined();
    expect(shown.body).toMatchObject({ enabled: true, events: ['*'], kind: 'webhook' });

    const experimentId = await launch(hr, team, 'Pacte de micro-mobilité');
    await waitFor('the created and launched events', async () => sink.requests.length >= 2, 30_000);

    const verifier = new Webhook(created.secret as string);
    for (const request of sink.requests) {
      expect(request.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(() => verifier.verify(request.body, request.headers)).not.toThrow();
      // A body changed on the way no longer matches its signature.
      expect(() => verifier.verify(request.body.replace('Pacte', 'Autre'), request.headers)).toThrow();
    }
    expect(sink.requests.map(typeOf).sort()).toEqual(['experiment.created', 'experiment.launched']);
    const launchRequest = sink.requests.find((r) => typeOf(r) === 'experiment.launched') as ReceivedRequest;
    const launched = verifier.verify(launchRequest.body, launchRequest.headers) as {
      timestamp: string;
      data: Record<string, unknown>;
    };
    expect(launched.data).toMatchObject({
      organizationId: team.organization.id,
      experimentId,
      title: 'Pacte de micro-mobilité',
      from: 'draft',
      to: 'running',
      actor: { type: 'user', id: team.hr },
      link: `${PUBLIC_URL}/#/experiments/${experimentId}/show`,
    });
    expect((launched.data.details as Record<string, unknown>).expiresAt).toEqual(expect.any(String));

    const journal = await waitFor('both delivered in the journal', async () => {
      const rows = await deliveries(hr, created.id);
      return rows.length === 2 && rows.every((row) => row.status === 'delivered') && rows;
    });
    const one = await hr.get(`/api/webhook-deliveries/${journal[0].id}`).expect(200);
    expect(one.body.attemptLog).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: 204, manual: false }),
    ]);
    expect(one.body.payload.data.experimentId).toBe(experimentId);
    const audit = await stack.db
      .getRepository(AuditEventEntity)
      .findBy({ organizationId: team.organization.id, event: 'webhookEndpoint.created' });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].details)).not.toContain('whsec_');
  });

  it('retries a receiver that fails five times then succeeds: one delivered event per webhook-id, each once', async () => {
    const { team, hr } = await newTeam();
    const sink = await receiver(RECEIVER_HOST, (request, seen) => {
      const tries = seen.filter((r) => r.headers['webhook-id'] === request.headers['webhook-id']).length;
      // A long error page: only its start may be kept.
      return tries <= 5 ? { status: 500, body: 'panne '.repeat(2000) } : { status: 200, body: 'ok' };
    });
    const created = await endpoint(hr, team, {
      name: 'Intranet',
      url: sink.url(),
      events: ['experiment.launched'],
    });
    await launch(hr, team, 'Premier test');
    await launch(hr, team, 'Second test');

    const journal = await waitFor(
      'both launches delivered',
      async () => {
        const rows = await deliveries(hr, created.id);
        return rows.length === 2 && rows.every((row) => row.status === 'delivered') && rows;
      },
      60_000,
    );
    // What the receiver saw: each event six times under one id, and accepted once (deduped by id).
    const verifier = new Webhook(created.secret as string);
    const byId = new Map<string, ReceivedRequest[]>();
    for (const request of sink.requests) {
      verifier.verify(request.body, request.headers);
      byId.set(request.headers['webhook-id'], [...(byId.get(request.headers['webhook-id']) ?? []), request]);
    }
    expect(byId.size).toBe(2);
    for (const [, requests] of byId) {
      expect(requests).toHaveLength(6);
      expect(new Set(requests.map((r) => r.body)).size).toBe(1);
      expect(typeOf(requests[0])).toBe('experiment.launched');
    }
    expect(new Set(journal.map((row) => row.messageId))).toEqual(new Set(byId.keys()));
    const one = await hr.get(`/api/webhook-deliveries/${journal[0].id}`).expect(200);
    expect(one.body.attempts).toBe(6);
    expect(one.body.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([
      500, 500, 500, 500, 500, 200,
    ]);
    for (const attempt of one.body.attemptLog as { responseExcerpt: string | null }[])
      expect((attempt.responseExcerpt ?? '').length).toBeLessThanOrEqual(500);
  });

  it('disables an endpoint that keeps failing and emails HR; once enabled again, "Renvoyer" delivers the same message', async () => {
    const { team, hr } = await newTeam();
    const sink = await receiver(RECEIVER_HOST, () => ({ status: 503, body: 'maintenance' }));
    const created = await endpoint(hr, team, {
      name: 'Toujours en panne',
      url: sink.url(),
      events: ['experiment.launched'],
    });
    await launch(hr, team, 'Test en panne');

    const disabled = await waitFor(
      'the endpoint disabled',
      async () => {
        const shown = await hr.get(`/api/webhook-endpoints/${created.id}`).expect(200);
        return !shown.body.enabled && shown.body;
      },
      60_000,
    );
    expect(disabled.disabledReason).toBe('failing');
    const email = await waitFor('the email to HR', async () =>
      smtp.emails.find((e) => e.to.includes(team.emails.hr) && e.subject.includes('Toujours en panne')),
    );
    expect(email.subject).toBe('Intégration désactivée : « Toujours en panne »');
    expect(email.text).toContain(`${PUBLIC_URL}/#/webhook-endpoints/${created.id}/show`);
    const [failed] = await deliveries(hr, created.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 7, lastError: 'HTTP 503' });
    expect(
      await stack.db
        .getRepository(AuditEventEntity)
        .countBy({ organizationId: team.organization.id, event: 'webhookEndpoint.disabled' }),
    ).toBe(1);

    // Disabled: a later event is not queued for it.
    await launch(hr, team, 'Après la panne');
    expect(await deliveries(hr, created.id)).toHaveLength(1);
    const failedId = sink.requests[0].headers['webhook-id'];

    // Not while disabled: enable it first.
    const early = await hr.post(`/api/webhook-deliveries/${failed.id}/resend`).send({}).expect(409);
    expect(early.body.code).toBe('ENDPOINT_DISABLED');
    sink.answerWith(() => ({ status: 200 }));
    await hr.put(`/api/webhook-endpoints/${created.id}`).send({ enabled: true }).expect(200);
    const resent = await hr.post(`/api/webhook-deliveries/${failed.id}/resend`).send({}).expect(200);
    expect(resent.body.id).toBe(failed.id);
    await waitFor(
      'the resend delivered',
      async () => (await deliveries(hr, created.id))[0]?.status === 'delivered',
    );
    expect(sink.requests[sink.requests.length - 1].headers['webhook-id']).toBe(failedId);
    const one = await hr.get(`/api/webhook-deliveries/${failed.id}`).expect(200);
    expect(one.body.attemptLog[one.body.attemptLog.length - 1]).toMatchObject({
      statusCode: 200,
      manual: true,
    });
    const events = (
      await stack.db.getRepository(AuditEventEntity).findBy({ organizationId: team.organization.id })
    ).map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(['webhookEndpoint.enabled', 'webhookDelivery.resent']));
  });

  it.each([
    ['loopback', 'http://127.0.0.1:8080/hooks', 'loopback'],
    ['private', 'http://10.1.2.3/hooks', 'private'],
    ['link-local (cloud metadata)', 'http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['carrier-grade NAT', 'http://100.64.0.1/hooks', 'carrierGradeNat'],
    ['IPv6 loopback', 'http://[::1]:8080/hooks', 'loopback'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]/hooks', 'loopback'],
    ['a DNS name resolving to 127.0.0.1', 'http://loopback.capacites.test/hooks', 'loopback'],
  ])('refuses to register a %s address (400 naming url)', async (_what, url, range) => {
    const { team, hr } = await newTeam();
    const refused = await hr
      .post('/api/webhook-endpoints')
      .send({ organizationId: team.organization.id, name: 'Interne', kind: 'webhook', url, events: ['*'] })
      .expect(400);
    expect(refused.body.code).toBe('URL_NOT_PUBLIC');
    expect(refused.body.params.range).toBe(range);
    expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'url' })]);
  });

  it('checks the resolved address again at delivery: a name now resolving to 127.0.0.1 is refused, nothing reaches it', async () => {
    const { team, hr } = await newTeam();
    const local = await receiver('127.0.0.1');
    const created = await endpoint(hr, team, {
      name: 'Rebond DNS',
      // https: a public address is never sent plain http (the refusal comes before any TLS).
      url: `https://rebind.capacites.test:${local.port}/hooks`,
      events: ['experiment.launched'],
    });
    // Public when registered; loopback when delivered (DNS rebinding).
    dns.records['rebind.capacites.test'] = ['127.0.0.1'];
    await launch(hr, team, 'Test du rebond');
    const [row] = await waitFor('a refused attempt', async () => {
      const rows = await deliveries(hr, created.id);
      return rows[0]?.attempts > 0 && rows;
    });
    expect(row.lastError).toBe('address refused: rebind.capacites.test resolves to 127.0.0.1 (loopback)');
    expect(local.requests).toHaveLength(0);
    await hr.delete(`/api/webhook-endpoints/${created.id}`).expect(200);
  });

  it('does not follow a redirection, and gives up an attempt that gets no answer in time', async () => {
    const { team, hr } = await newTeam();
    const elsewhere = await receiver(RECEIVER_HOST);
    const redirecting = await receiver(RECEIVER_HOST, () => ({
      status: 302,
      headers: { location: elsewhere.url() },
    }));
    const silent = await receiver(RECEIVER_HOST, () => 'hold');
    const redirect = await endpoint(hr, team, {
      name: 'Redirige',
      url: redirecting.url(),
      events: ['experiment.launched'],
    });
    const hang = await endpoint(hr, team, {
      name: 'Muet',
      url: silent.url(),
      events: ['experiment.launched'],
    });
    await launch(hr, team, 'Test des redirections');
    const [redirected] = await waitFor('a redirected attempt', async () => {
      const rows = await deliveries(hr, redirect.id);
      return rows[0]?.attempts > 0 && rows;
    });
    expect(redirected.lastError).toBe('redirection not followed (HTTP 302)');
    const [unanswered] = await waitFor('an unanswered attempt', async () => {
      const rows = await deliveries(hr, hang.id);
      return rows[0]?.attempts > 0 && rows;
    });
    expect(unanswered.lastError).toBe('no answer within 3000 ms');
    expect(elsewhere.requests).toHaveLength(0);
    await hr.delete(`/api/webhook-endpoints/${redirect.id}`).expect(200);
    await hr.delete(`/api/webhook-endpoints/${hang.id}`).expect(200);
  });

  it('leaves integrations to HR and the platform admin: a pilot is refused, another organisation sees nothing', async () => {
    const { team, hr } = await newTeam();
    const sink = await receiver(RECEIVER_HOST);
    const created = await endpoint(hr, team, { name: 'Privé', url: sink.url() });
    const pilot = await login(stack.app, team.emails.pilot);
    const refused = await pilot.get('/api/webhook-endpoints').expect(403);
    expect(refused.body.params).toEqual({ action: 'manageIntegrations', roles: ['admin', 'hr'] });
    await pilot
      .post('/api/webhook-endpoints')
      .send({
        organizationId: team.organization.id,
        name: 'x',
        kind: 'webhook',
        url: sink.url(),
        events: ['*'],
      })
      .expect(403);
    const other = await newTeam();
    await other.hr.get(`/api/webhook-endpoints/${created.id}`).expect(404);
    const list = await other.hr.get('/api/webhook-endpoints').expect(200);
    expect(list.body.map((e: { id: string }) => e.id)).not.toContain(created.id);
    await other.hr
      .post('/api/webhook-endpoints')
      .send({
        organizationId: team.organization.id,
        name: 'x',
        kind: 'webhook',
        url: sink.url(),
        events: ['*'],
      })
      .expect(403);
  });

  describe('chat alerts: Tchap, Mattermost, Slack and Teams, in French with a link, per event', () => {
    const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

    it('posts to each room the shape its service expects, only the events it chose', async () => {
      const { team, hr } = await newTeam();
      const room = '!salle-des-tests:agent.tchap.gouv.fr';
      const token = 'syt_Y2FwYWNpdGVz_bot';
      // Each fake refuses (400) a request whose shape its service would refuse.
      const tchap = await receiver(RECEIVER_HOST, (request, seen) => {
        const match = /^\/_matrix\/client\/v3\/rooms\/([^/]+)\/send\/m\.room\.message\/([^/]+)$/.exec(
          request.path,
        );
        const body = JSON.parse(request.body) as Record<string, unknown>;
        const valid =
          request.method === 'PUT' &&
          match !== null &&
          decodeURIComponent(match[1]) === room &&
          request.headers.authorization === `Bearer ${token}` &&
          body.msgtype === 'm.text' &&
          isText(body.body) &&
          body.format === 'org.matrix.custom.html' &&
          isText(body.formatted_body);
        if (!valid) return { status: 400, body: '{"errcode":"M_BAD_JSON"}' };
        // The first try fails: the retry must reuse the transaction id (idempotent on the homeserver).
        return seen.length === 1 ? { status: 502 } : { status: 200, body: '{"event_id":"$1"}' };
      });
      const mattermost = await receiver(RECEIVER_HOST, (request) => {
        const body = JSON.parse(request.body) as Record<string, unknown>;
        return request.method === 'POST' && isText(body.text) ? { status: 200, body: 'ok' } : { status: 400 };
      });
      const slack = await receiver(RECEIVER_HOST, (request) => {
        const body = JSON.parse(request.body) as Record<string, unknown>;
        return request.method === 'POST' && isText(body.text) && Object.keys(body).length === 1
          ? { status: 200, body: 'ok' }
          : { status: 400, body: 'invalid_payload' };
      });
      const teams = await receiver(RECEIVER_HOST, (request) => {
        const body = JSON.parse(request.body) as {
          type?: string;
          attachments?: {
            contentType?: string;
            content?: {
              type?: string;
              version?: string;
              body?: unknown[];
              actions?: { type: string; url: string }[];
            };
          }[];
        };
        const card = body.attachments?.[0];
        const valid =
          body.type === 'message' &&
          card?.contentType === 'application/vnd.microsoft.card.adaptive' &&
          card.content?.type === 'AdaptiveCard' &&
          isText(card.content.version) &&
          Array.isArray(card.content.body) &&
          card.content.actions?.[0]?.type === 'Action.OpenUrl';
        return valid ? { status: 202 } : { status: 400 };
      });
      const add = async (body: Record<string, unknown>) =>
        (
          await hr
            .post('/api/webhook-endpoints')
            .send({ organizationId: team.organization.id, ...body })
            .expect(201)
        ).body as { id: string; url: string; secret?: string };
      const tchapEndpoint = await add({
        name: 'Salle Tchap',
        kind: 'tchap',
        url: tchap.url(''),
        roomId: room,
        accessToken: token,
        events: ['experiment.launched'],
      });
      expect(tchapEndpoint.secret).toBeUndefined();
      const mattermostEndpoint = await add({
        name: 'Mattermost',
        kind: 'mattermost',
        url: mattermost.url('/hooks/xyz123secret'),
        events: ['experiment.launched'],
      });
      // A chat webhook's URL is its secret: only its origin and end are shown back.
      expect(mattermostEndpoint.url).toBe(`http://${RECEIVER_HOST}:${mattermost.port}/…cret`);
      await add({
        name: 'Slack',
        kind: 'slack',
        url: slack.url('/services/T0/B0/abc'),
        events: ['experiment.created'],
      });
      await add({
        name: 'Teams',
        kind: 'teams',
        url: teams.url('/workflows/abc'),
        events: ['experiment.launched'],
      });

      const experimentId = await launch(hr, team, 'Pacte <mobilité> & co');
      const link = `${PUBLIC_URL}/#/experiments/${experimentId}/show`;
      await waitFor(
        'every room posted to',
        async () =>
          tchap.requests.length >= 2 &&
          mattermost.requests.length >= 1 &&
          slack.requests.length >= 1 &&
          teams.requests.length >= 1,
        30_000,
      );
      const launchedJournal = await waitFor('every delivery delivered', async () => {
        const rows = (await hr.get('/api/webhook-deliveries').expect(200)).body as { status: string }[];
        return rows.length === 4 && rows.every((row) => row.status === 'delivered') && rows;
      });
      expect(launchedJournal).toHaveLength(4);

      // Tchap: the same transaction id on the retry; French text with the link, escaped HTML.
      expect(tchap.requests).toHaveLength(2);
      expect(tchap.requests[1].path).toBe(tchap.requests[0].path);
      const matrix = JSON.parse(tchap.requests[1].body) as { body: string; formatted_body: string };
      expect(matrix.body).toBe(
        `Le test « Pacte <mobilité> & co » est lancé (jusqu'au ${frenchDate(60)}). Ouvrir le test : ${link}`,
      );
      expect(matrix.formatted_body).toContain('« Pacte &lt;mobilité&gt; &amp; co »');
      expect(matrix.formatted_body).toContain(`<a href="${link}">Ouvrir le test</a>`);
      // Mattermost: Markdown link.
      expect(JSON.parse(mattermost.requests[0].body).text).toContain(`[Ouvrir le test](${link})`);
      expect(JSON.parse(mattermost.requests[0].body).text).toMatch(
        /^Le test « Pacte <mobilité> & co » est lancé/,
      );
      // Slack: only the creation, its own link syntax, &, < and > escaped.
      expect(slack.requests).toHaveLength(1);
      expect(JSON.parse(slack.requests[0].body).text).toBe(
        `Nouveau test en préparation : « Pacte &lt;mobilité&gt; &amp; co ». <${link}|Ouvrir le test>`,
      );
      // Teams: an Adaptive Card with the sentence and an "open" action.
      const card = JSON.parse(teams.requests[0].body).attachments[0].content;
      expect(card.body[1].text).toMatch(/^Le test « Pacte <mobilité> & co » est lancé/);
      expect(card.actions[0]).toEqual({ type: 'Action.OpenUrl', title: 'Ouvrir le test', url: link });
      expect(teams.requests).toHaveLength(1);
    });
  });
});

/** The day `days` from today as the French messages write it (the expiry: end of that day, Paris). */
function frenchDate(days: number): string {
  const [year, month, day] = dateInDays(days).split('-').map(Number);
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day, 12)),
  );
}
