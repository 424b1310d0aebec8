// The deployment files (docker-compose.yml, Dockerfile) against each other and against the
// apps: what is published, and to whom. Docker cannot run in CI; these files can be read.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { WORKER_ENV_VARIABLES } from '../../../worker/src/config/worker.config';
import { API_ENV_VARIABLES } from '../../src/config/api.config';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');

interface ComposeService {
  image?: string;
  build?: unknown;
  ports?: (string | number | { published?: string | number; host_ip?: string; target?: number })[];
  environment?: Record<string, string | number | boolean | null>;
  command?: string[] | string;
  healthcheck?: { test?: string[] | string };
  depends_on?: unknown;
  cap_drop?: string[];
  security_opt?: string[];
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

/** The runtime stage of the Dockerfile: its instructions after the last FROM, continuation lines joined. */
function runtimeStage(): { instruction: string; args: string }[] {
  const text = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ');
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const lastFrom = lines.map((line) => line.split(/\s/)[0]).lastIndexOf('FROM');
  return lines.slice(lastFrom).map((line) => {
    const [instruction, ...rest] = line.split(/\s+/);
    return { instruction: instruction.toUpperCase(), args: rest.join(' ') };
  });
}

function stagesText(): string {
  return readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
}

/** `node [flags] <script> [args]` → the script. */
function nodeScripts(command: string): string[] {
  return [...command.matchAll(/\bnode\s+((?:--?[\w-]+(?:=\S+)?\s+)*)(\S+\.c?js)\b/g)].map(
    (match) => match[2],
  );
}

function commandText(command: ComposeService['command'] | string): string {
  return Array.isArray(command) ? command.join(' ') : String(command);
}

describe('Dockerfile, docker-compose.yml and the apps agree', () => {
  const compose = loadCompose();
  const stage = runtimeStage();
  const appServices = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);
  const dockerEnv = Object.fromEntries(
    stage
      .filter((line) => line.instruction === 'ENV')
      .flatMap((line) => [...line.args.matchAll(/(\w+)=(\S+)/g)].map((match) => [match[1], match[2]])),
  );
  const copied = stage
    .filter((line) => line.instruction === 'COPY')
    .map((line) => line.args.split(/\s+/).filter((arg) => !arg.startsWith('--')));
  const cmd = JSON.parse(stage.find((line) => line.instruction === 'CMD')?.args ?? 'null') as string[];

  it('builds the API and the worker from the one image, and nothing else, without privileges', () => {
    expect(appServices.map(([name]) => name).sort()).toEqual(['api', 'worker']);
    for (const [, service] of appServices) {
      expect(service.cap_drop).toEqual(['ALL']);
      expect(service.security_opt).toContain('no-new-privileges:true');
    }
  });

  it('runs compiled JavaScript that the build targets produce, in the paths the image holds', () => {
    const commands = [
      ['image CMD', cmd.join(' ')],
      ...appServices.map(([name, service]) => [name, commandText(service.command)]),
      ...[...stagesText().matchAll(/HEALTHCHECK .*CMD (\[.*\])/g)].map((match) => [
        'HEALTHCHECK',
        (JSON.parse(match[1]) as string[]).join(' '),
      ]),
    ];
    const scripts = commands.flatMap(([where, command]) =>
      nodeScripts(command).map((script) => [where, script]),
    );
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    for (const [where, script] of scripts) {
      // No runtime transpiler, no TypeScript.
      expect(`${where}: ${script}`).not.toMatch(/\.ts$|register/);
      const compiled = /^dist\/(api|worker)\/(.+)\.js$/.exec(script);
      if (compiled) {
        const [, app, source] = compiled;
        // The source it is compiled from, and the build target that compiles it into dist/<app>.
        expect(`${where}: ${source}.ts exists`).toBe(
          `${where}: ${source}.ts ${existsSync(join(repoRoot, `${source}.ts`)) ? 'exists' : 'is missing'}`,
        );
        const project = JSON.parse(readFileSync(join(repoRoot, 'apps', app, 'project.json'), 'utf8'));
        expect(project.targets.build.command).toBe(`node scripts/build-server.mjs ${app}`);
        expect(project.targets.build.outputs).toEqual([`{workspaceRoot}/dist/${app}`]);
        // The image holds that output.
        expect(copied).toContainEqual([`/app/dist/${app}`, `./dist/${app}`]);
      } else {
        // Anything else the image runs is copied into it as is.
        expect(copied.some(([, target]) => target === `./${script}`)).toBe(true);
      }
    }
    const buildScript = readFileSync(join(repoRoot, 'scripts', 'build-server.mjs'), 'utf8');
    for (const [, service] of appServices)
      for (const script of nodeScripts(commandText(service.command))) {
        const source = script.replace(/^dist\/\w+\//, '').replace(/\.js$/, '.ts');
        expect(buildScript).toContain(`'${source}'`);
      }
  });

  it('holds production dependencies and compiled code only, and runs as a non-root user with a health check', () => {
    expect(stagesText()).toMatch(/npm ci --omit=dev/);
    expect(copied).toContainEqual(['/app/node_modules', './node_modules']);
    for (const [source] of copied) {
      // Nothing from the sources but the health check script and package.json.
      expect(source).toMatch(
        /^(\/app\/(node_modules|dist\/\w+|apps\/admin\/dist)|package\.json|deploy\/healthcheck\.cjs)$/,
      );
    }
    const user = stage.filter((line) => line.instruction === 'USER').map((line) => line.args);
    expect(user.length).toBe(1);
    expect(user[0]).not.toMatch(/^(root|0)(:|$)/);
    expect(stage.some((line) => line.instruction === 'HEALTHCHECK')).toBe(true);
    expect(dockerEnv.NODE_ENV).toBe('production');
    // The back-office the API serves is where the image put it.
    expect(copied).toContainEqual([
      '/app/apps/admin/dist',
      dockerEnv.ADMIN_DIST_DIR.replace(/^\/app\//, './'),
    ]);
  });

  it('keeps local secrets, data and build output out of the build context', () => {
    const ignored = readFileSync(join(repoRoot, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(
      expect.arrayContaining([
        'node_modules',
        '.data',
        'dist',
        '**/dist',
        '.git',
        '.env',
        '.env.*',
        'test-results',
      ]),
    );
  });

  it('sets only variables the apps read, with hosts and ports of the compose services', () => {
    const both = new Set([...API_ENV_VARIABLES, ...WORKER_ENV_VARIABLES]);
    // Node's own convention, read by libraries (express, nestjs).
    const known = (name: string) => both.has(name) || name === 'NODE_ENV';
    for (const name of Object.keys(dockerEnv)) expect(`${name} ${known(name)}`).toBe(`${name} true`);
    const api = compose.services.api.environment ?? {};
    const worker = compose.services.worker.environment ?? {};
    for (const name of Object.keys(api)) expect(`api ${name} ${known(name)}`).toBe(`api ${name} true`);
    for (const name of Object.keys(worker))
      expect(`worker ${name} ${known(name)}`).toBe(`worker ${name} true`);
    // Variables of the worker alone are the worker's.
    for (const name of Object.keys(worker).filter((key) => !(key in api)))
      expect(`worker ${name}`).toBe(
        WORKER_ENV_VARIABLES.includes(name) ? `worker ${name}` : `worker ${name} (unread)`,
      );

    const services = Object.keys(compose.services);
    const hostOf = (url: string) => new URL(url).hostname;
    expect(services).toContain(hostOf(String(api.DATABASE_URL)));
    expect(services).toContain(hostOf(String(api.SMTP_URL)));
    const [temporalHost, temporalPort] = String(api.TEMPORAL_ADDRESS).split(':');
    expect(services).toContain(temporalHost);
    expect(temporalPort).toBe('7233');

    // The API listens where the image and the compose file say.
    const exposed = stage.filter((line) => line.instruction === 'EXPOSE').map((line) => line.args);
    const apiPort = String(api.API_PORT ?? dockerEnv.API_PORT ?? '3000');
    expect(exposed).toEqual([apiPort]);
    expect(compose.services.api.ports?.map(String)).toEqual([`${apiPort}:${apiPort}`]);
    expect(dockerEnv.API_HOST).toBe('0.0.0.0');
    // The worker's health port is set: the image's HEALTHCHECK asks it.
    expect(Number(worker.WORKER_HEALTH_PORT)).toBeGreaterThan(0);
    expect(readFileSync(join(repoRoot, 'deploy', 'healthcheck.cjs'), 'utf8')).toContain('WORKER_HEALTH_PORT');
  });
});
