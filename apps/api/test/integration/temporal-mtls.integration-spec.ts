// Temporal behind mutual TLS (docs/operations.md, "Temporal with mutual TLS"): the API and
// the worker, configured with the TLS variables only, run an experiment through an endpoint
// that demands a client certificate; a client without one, or with another authority's, is
// refused at the handshake.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { temporalConnectionSettings } from '@capacites/config';
import { ExperimentEntity } from '@capacites/persistence';
import { loadWorkerConfig } from '../../../worker/src/config/worker.config';
import { insertTeam, type Team } from '../support/fixtures';
import { login, readyDraft, type ApiClient } from '../support/http';
import { createTestPki, startMtlsProxy, type MtlsProxy, type TestPki } from '../support/mtls';
import { startStack, type TestStack } from '../support/stack';

const SERVER_NAME = 'temporal-frontend';

describe('Temporal with mutual TLS', () => {
  let pki: TestPki;
  let proxy: MtlsProxy;
  let stack: TestStack;
  let team: Team;
  let hr: ApiClient;

  beforeAll(async () => {
    pki = createTestPki(join(process.env.CAPACITES_TEST_DIR ?? tmpdir(), `mtls-${randomUUID()}`));
    proxy = await startMtlsProxy(pki, process.env.CAPACITES_TEST_TEMPORAL_ADDRESS as string);
    // The apps get the TLS variables only; the test's own client stays on the plain address.
    stack = await startStack({
      env: {
        TEMPORAL_ADDRESS: proxy.address,
        TEMPORAL_TLS_CA_PATH: pki.ca.cert,
        TEMPORAL_TLS_CERT_PATH: pki.client.cert,
        TEMPORAL_TLS_KEY_PATH: pki.client.key,
        // The server certificate names the service, not the address (as in Kubernetes).
        TEMPORAL_TLS_SERVER_NAME: SERVER_NAME,
      },
    });
    team = await insertTeam(stack.db);
    hr = await login(stack.app, team.emails.hr);
  });

  afterAll(async () => {
    await stack?.close();
    await proxy?.close();
  });

  it('runs an experiment: the API starts and updates its workflow, the worker records it, both through mTLS', async () => {
    const id = await readyDraft(stack.app, hr, team, 'Classeur partagé (mTLS)', 30);
    const launched = await hr.post(`/api/experiments/${id}/launch`).send({}).expect(200);
    expect(launched.body.state).toBe('running');
    // Written by the worker's activity: the worker polled through the proxy too.
    expect((await stack.db.getRepository(ExperimentEntity).findOneByOrFail({ id })).state).toBe('running');
    const status = await hr.get(`/api/experiments/${id}/status`).expect(200);
    expect(status.body.state).toBe('running');

    // Every connection of the apps came through the proxy, with the client certificate.
    expect(proxy.acceptedClients.length).toBeGreaterThanOrEqual(2);
    expect(new Set(proxy.acceptedClients)).toEqual(new Set(['capacites-app']));
  });

  it('refuses clients without the client certificate, or with a certificate of another authority', async () => {
    const refusedBefore = proxy.refusedHandshakes();
    const serverRootCACertificate = readFileSync(pki.ca.cert);

    // The apps' own configuration, with the CA but no client certificate (TLS without the "m").
    const withoutCertificate = temporalConnectionSettings(
      loadWorkerConfig({
        DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
        TEMPORAL_ADDRESS: proxy.address,
        TEMPORAL_TLS_CA_PATH: pki.ca.cert,
        TEMPORAL_TLS_SERVER_NAME: SERVER_NAME,
      }),
    );
    expect(withoutCertificate.tls).toEqual({ serverRootCACertificate, serverNameOverride: SERVER_NAME });
    // The worker's (Rust) client…
    await expect(
      NativeConnection.connect({ address: proxy.address, tls: withoutCertificate.tls }),
    ).rejects.toThrow();
    // …and the API's (gRPC-js) client.
    await expect(
      Connection.connect({ address: proxy.address, tls: withoutCertificate.tls, connectTimeout: 5_000 }),
    ).rejects.toThrow();
    // A certificate that the server's CA did not sign.
    await expect(
      Connection.connect({
        address: proxy.address,
        connectTimeout: 5_000,
        tls: {
          serverRootCACertificate,
          serverNameOverride: SERVER_NAME,
          clientCertPair: { crt: readFileSync(pki.stranger.cert), key: readFileSync(pki.stranger.key) },
        },
      }),
    ).rejects.toThrow();

    expect(proxy.refusedHandshakes()).toBeGreaterThan(refusedBefore);
    expect(proxy.acceptedClients).not.toContain('stranger');
    // The same proxy still lets the apps' certificate in (the refusals are about the certificate).
    const accepted = await NativeConnection.connect({
      address: proxy.address,
      tls: {
        serverRootCACertificate,
        serverNameOverride: SERVER_NAME,
        clientCertPair: { crt: readFileSync(pki.client.cert), key: readFileSync(pki.client.key) },
      },
    });
    await accepted.close();
  });
});
