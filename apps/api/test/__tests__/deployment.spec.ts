// The deployment files (docker-compose.yml, Dockerfile) against each other and against the
// apps: what is published, and to whom. Docker cannot run in CI; these files can be read.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');

interface ComposeService {
  image?: string;
  build?: unknown;
  ports?: (string | number | { published?: string | number; host_ip?: string; target?: number })[];
  environment?: Record<string, string | number | boolean | null>;
  command?: string[] | string;
  healthcheck?: { test?: string[] | string };
  depends_on?: unknown;
}

interface ComposeFile {
  services: Record<string, ComposeService>;
}

function loadCompose(): ComposeFile {
  // `merge: true`: the file shares the apps' environment with a YAML merge key (<<: *app-env).
  return parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;
}

/** The host address a published port binds to (compose's short and long syntax). */
function hostAddress(port: NonNullable<ComposeService['ports']>[number]): string {
  if (typeof port === 'object') return port.host_ip ?? '0.0.0.0';
  const parts = String(port).split(':');
  // "8080" (random host port, every interface), "8080:8080" (every interface), "ip:8080:8080".
  return parts.length === 3 ? parts[0] : '0.0.0.0';
}

describe('docker-compose.yml: what is reachable from outside', () => {
  const compose = loadCompose();

  it('publishes the API, and only the API, on every interface', () => {
    const open = Object.entries(compose.services).flatMap(([name, service]) =>
      (service.ports ?? [])
        .filter((port) => hostAddress(port) !== '127.0.0.1')
        .map((port) => `${name} ${String(port)}`),
    );
    expect(open).toEqual(['api 3000:3000']);
  });

  it('keeps Temporal (gRPC, metrics), its Web UI and the mail catcher on loopback or off the host', () => {
    const temporalish = Object.entries(compose.services).filter(
      ([name]) => name !== 'api' && name !== 'postgres',
    );
    // The services this rule is about exist (a renamed one must not slip past it).
    expect(temporalish.map(([name]) => name)).toEqual(expect.arrayContaining(['mail', 'worker']));
    expect(temporalish.some(([name]) => name.startsWith('temporal'))).toBe(true);
    for (const [name, service] of temporalish) {
      for (const port of service.ports ?? [])
        expect(`${name} ${hostAddress(port)}`).toBe(`${name} 127.0.0.1`);
    }
  });
});
