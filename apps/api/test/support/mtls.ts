// Mutual TLS in front of a Temporal server, for the tests: a throwaway certificate
// authority (openssl CLI), and a TLS-terminating proxy (node:tls) that demands a client
// certificate signed by that authority, then forwards the gRPC stream (HTTP/2) to the
// plain dev server. This is what a Temporal frontend with `requireClientAuth` does.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect as connectTcp, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer, type Server, type TLSSocket } from 'node:tls';

export interface CertificateFiles {
  cert: string;
  key: string;
}

export interface TestPki {
  dir: string;
  ca: CertificateFiles;
  server: CertificateFiles;
  /** Signed by `ca` for client authentication. */
  client: CertificateFiles;
  /** A client certificate of another authority (must be refused like no certificate). */
  stranger: CertificateFiles;
}

const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });

function authority(dir: string, name: string): CertificateFiles {
  const files = { cert: join(dir, `${name}.pem`), key: join(dir, `${name}.key`) };
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', files.key]);
  openssl([
    'req',
    '-x509',
    '-new',
    '-key',
    files.key,
    '-out',
    files.cert,
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return files;
}

function leaf(dir: string, name: string, issuer: CertificateFiles, extensions: string): CertificateFiles {
  const files = { cert: join(dir, `${name}.pem`), key: join(dir, `${name}.key`) };
  const csr = join(dir, `${name}.csr`);
  const ext = join(dir, `${name}.ext`);
  writeFileSync(ext, extensions);
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', files.key]);
  openssl(['req', '-new', '-key', files.key, '-out', csr, '-subj', `/CN=${name}`]);
  openssl([
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    issuer.cert,
    '-CAkey',
    issuer.key,
    '-CAcreateserial',
    '-out',
    files.cert,
    '-days',
    '2',
    '-extfile',
    ext,
  ]);
  return files;
}

/** A CA, a server certificate for `temporal-frontend`, a client certificate, and a stranger's. */
export function createTestPki(dir: string): TestPki {
  mkdirSync(dir, { recursive: true });
  const ca = authority(dir, 'capacites-test-ca');
  const server = leaf(
    dir,
    'temporal-frontend',
    ca,
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:temporal-frontend\n',
  );
  const clientExtensions =
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n';
  const client = leaf(dir, 'capacites-app', ca, clientExtensions);
  const otherCa = authority(dir, 'another-ca');
  const stranger = leaf(dir, 'stranger', otherCa, clientExtensions);
  return { dir, ca, server, client, stranger };
}

export interface MtlsProxy {
  address: string;
  /** Common names of the client certificates of the connections let through. */
  acceptedClients: string[];
  /** TLS handshakes refused (no certificate, or one of another authority). */
  refusedHandshakes(): number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1, requires a client certificate of `pki.ca`, forwards to `upstream`. */
export async function startMtlsProxy(pki: TestPki, upstream: string): Promise<MtlsProxy> {
  const [upstreamHost, upstreamPort] = [
    upstream.slice(0, upstream.lastIndexOf(':')),
    Number(upstream.slice(upstream.lastIndexOf(':') + 1)),
  ];
  const acceptedClients: string[] = [];
  let refused = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer(
    {
      cert: readFileSync(pki.server.cert),
      key: readFileSync(pki.server.key),
      ca: readFileSync(pki.ca.cert),
      requestCert: true,
      rejectUnauthorized: true,
      // gRPC runs over HTTP/2: a client that negotiates no protocol is refused.
      ALPNProtocols: ['h2'],
    },
    (socket: TLSSocket) => {
      acceptedClients.push(String(socket.getPeerCertificate().subject?.CN));
      const backend = connectTcp(upstreamPort, upstreamHost);
      sockets.add(socket);
      sockets.add(backend);
      socket.pipe(backend).pipe(socket);
      const end = () => {
        socket.destroy();
        backend.destroy();
        sockets.delete(socket);
        sockets.delete(backend);
      };
      socket.on('error', end).on('close', end);
      backend.on('error', end).on('close', end);
    },
  );
  server.on('tlsClientError', () => {
    refused += 1;
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    acceptedClients,
    refusedHandshakes: () => refused,
    close: () =>
      new Promise<void>((closed) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => closed());
      }),
  };
}
