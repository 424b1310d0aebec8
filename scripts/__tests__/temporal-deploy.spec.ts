// The real Temporal server runs in two places from one configuration: locally
// (scripts/lib/temporal-server.mjs: `TEMPORAL_MODE=server npm start`, the test suites, the
// benchmarks) and in docker-compose.yml. Docker cannot run here, so this test checks that
// the compose file, deploy/temporal/config.yaml and the local scripts agree: shards,
// persistence, database names, ports, versions, and that nothing is published beyond loopback.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Service {
  image?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  entrypoint?: string[];
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const template = read('deploy/temporal/config.yaml');
const schemaScript = read('deploy/temporal/setup-schema.sh');
const lib = read('scripts/lib/temporal-server.mjs');

/** The default a template gives a variable: `{{ default "16" (env "NUM_HISTORY_SHARDS") }}`. */
function templateDefault(variable: string): string | undefined {
  return new RegExp(`default "([^"]*)" \\(env "${variable}"\\)`).exec(template)?.[1];
}
/** A constant of scripts/lib/temporal-server.mjs (an ES module jest cannot load). */
function libConstant(pattern: RegExp): string {
  const match = pattern.exec(lib);
  if (!match) throw new Error(`not found in scripts/lib/temporal-server.mjs: ${pattern}`);
  return match[1];
}
const env = (name: string) => services[name].environment ?? {};

describe('docker-compose.yml, deploy/temporal/config.yaml and scripts/lib/temporal-server.mjs', () => {
  it('have the same number of history shards: 16', () => {
    expect(templateDefault('NUM_HISTORY_SHARDS')).toBe('16');
    expect(env('temporal').NUM_HISTORY_SHARDS).toBe('16');
    expect(libConstant(/DEFAULT_SHARDS = (\d+)/)).toBe('16');
  });

  it('use the same PostgreSQL persistence and database names', () => {
    expect(template).toMatch(/pluginName: postgres12\n/);
    expect(template.match(/pluginName: postgres12\n/g)).toHaveLength(2);
    expect(schemaScript).toContain('SQL_PLUGIN=postgres12');
    expect(lib).toContain("'--plugin', 'postgres12'");
    const [main, visibility] = [templateDefault('DBNAME'), templateDefault('VISIBILITY_DBNAME')];
    expect([main, visibility]).toEqual(['temporal', 'temporal_visibility']);
    expect(libConstant(/TEMPORAL_DATABASES = \{ default: '([^']+)'/)).toBe(main);
    expect(libConstant(/visibility: '([^']+)' \}/)).toBe(visibility);
    for (const name of ['temporal', 'temporal-schema']) {
      expect(env(name)).toMatchObject({ DBNAME: main, VISIBILITY_DBNAME: visibility, POSTGRES_SEEDS: 'postgres' });
      // The credentials of the compose's PostgreSQL.
      expect(env(name).POSTGRES_USER).toBe(env('postgres').POSTGRES_USER);
      expect(env(name).POSTGRES_PWD).toBe(env('postgres').POSTGRES_PASSWORD);
    }
    // Every variable the template needs without a default is set by the compose file.
    const required = [...template.matchAll(/\{\{ env "([A-Z_]+)"/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    for (const variable of required) {
      expect({ variable, set: variable in env('temporal') }).toEqual({ variable, set: true });
    }
  });

  it('run the server with this configuration file and dynamic configuration', () => {
    const mount = (services.temporal.volumes ?? []).find((v) => v.startsWith('./deploy/temporal:'));
    expect(mount).toBeDefined();
    const inContainer = (mount as string).split(':')[1];
    expect(env('temporal').TEMPORAL_SERVER_CONFIG_FILE_PATH).toBe(`${inContainer}/config.yaml`);
    expect(env('temporal').DYNAMIC_CONFIG_FILE_PATH).toBe(`${inContainer}/dynamicconfig.yaml`);
    expect(template).toContain(`default "${inContainer}/dynamicconfig.yaml" (env "DYNAMIC_CONFIG_FILE_PATH")`);
    expect(services['temporal-schema'].volumes).toContain(mount);
    expect(services['temporal-schema'].entrypoint).toEqual(['sh', `${inContainer}/setup-schema.sh`]);
    // Locally, the same files.
    expect(lib).toContain("join(repoRoot, 'deploy', 'temporal')");
    expect(lib).toContain("join(deployDir, 'config.yaml')");
    expect(lib).toContain("join(deployDir, 'dynamicconfig.yaml')");
  });

  it('use the server version built locally, and the matching admin tools and UI', () => {
    const version = libConstant(/TEMPORAL_SERVER_VERSION = process\.env\.TEMPORAL_SERVER_VERSION \?\? 'v([\d.]+)'/);
    expect(services.temporal.image).toBe(`temporalio/server:${version}`);
    expect(services['temporal-schema'].image).toBe(`temporalio/admin-tools:${version}`);
    expect(services['temporal-namespace'].image).toBe(`temporalio/admin-tools:${version}`);
    const ui = libConstant(/TEMPORAL_UI_VERSION = process\.env\.TEMPORAL_UI_VERSION \?\? 'v([\d.]+)'/);
    expect(services['temporal-ui'].image).toBe(`temporalio/ui:${ui}`);
  });

  it('agree on the frontend port, which the apps use', () => {
    const port = env('temporal').FRONTEND_GRPC_PORT;
    expect(port).toBe(templateDefault('FRONTEND_GRPC_PORT'));
    expect(services.temporal.ports).toContain(`127.0.0.1:${port}:${port}`);
    for (const name of ['temporal-namespace', 'temporal-ui']) {
      expect(env(name).TEMPORAL_ADDRESS).toBe(`temporal:${port}`);
    }
    for (const app of ['api', 'worker']) {
      if (services[app]) expect(env(app).TEMPORAL_ADDRESS).toBe(`temporal:${port}`);
    }
    const metrics = env('temporal').PROMETHEUS_ENDPOINT.split(':')[1];
    expect(services.temporal.ports).toContain(`127.0.0.1:${metrics}:${metrics}`);
  });

  it('start in order: schema, server, namespace, then the UI and the apps', () => {
    expect(services['temporal-schema'].depends_on?.postgres.condition).toBe('service_healthy');
    expect(services.temporal.depends_on?.['temporal-schema'].condition).toBe('service_completed_successfully');
    expect(services['temporal-namespace'].depends_on?.temporal).toBeDefined();
    expect(services['temporal-ui'].depends_on?.['temporal-namespace'].condition).toBe('service_completed_successfully');
    if (services.api) {
      expect(services.api.depends_on?.['temporal-namespace']?.condition).toBe('service_completed_successfully');
    }
  });

  it('publish no Temporal port beyond loopback', () => {
    for (const name of ['temporal', 'temporal-ui', 'temporal-schema', 'temporal-namespace']) {
      for (const port of services[name].ports ?? []) {
        expect({ name, port, loopback: port.startsWith('127.0.0.1:') }).toEqual({ name, port, loopback: true });
      }
    }
    // Locally too: every service binds to loopback, the UI as well.
    expect(templateDefault('BIND_ON_IP')).toBe('127.0.0.1');
    expect(lib).toContain("BIND_ON_IP: '127.0.0.1'");
    expect(read('deploy/temporal/ui/local.yaml')).toMatch(/^host: 127\.0\.0\.1$/m);
  });

  // The server's own rendering of the template with the compose file's environment (the
  // container sets BIND_ON_IP to its address): needs the server built by
  // `TEMPORAL_MODE=server npm start` or `npm test -- --temporal=server` (skipped before).
  const version = libConstant(/TEMPORAL_SERVER_VERSION = process\.env\.TEMPORAL_SERVER_VERSION \?\? '(v[\d.]+)'/);
  const binary =
    process.env.TEMPORAL_SERVER_PATH ??
    join(process.env.CAPACITES_CACHE_DIR ?? join(homedir(), '.cache', 'capacites'), 'temporal-server', version, 'temporal-server');
  (existsSync(binary) ? it : it.skip)('render, by the server itself, to the same persistence with the compose environment', () => {
    const rendered = spawnSync(binary, ['--config', join(root, 'deploy', 'temporal'), '--env', 'config', 'render-config'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...env('temporal'), BIND_ON_IP: '172.18.0.5', TEMPORAL_BROADCAST_ADDRESS: '172.18.0.5' },
    });
    expect(rendered.status).toBe(0);
    const config = parse(rendered.stdout) as {
      persistence: { numHistoryShards: number; datastores: Record<string, { sql: { databaseName: string; connectAddr: string; pluginName: string } }> };
      services: Record<string, { rpc: { grpcPort: number; bindOnIP: string } }>;
    };
    expect(config.persistence.numHistoryShards).toBe(16);
    expect(config.persistence.datastores.default.sql).toMatchObject({ databaseName: 'temporal', connectAddr: 'postgres:5432', pluginName: 'postgres12' });
    expect(config.persistence.datastores.visibility.sql).toMatchObject({ databaseName: 'temporal_visibility', connectAddr: 'postgres:5432' });
    expect(config.services.frontend.rpc).toEqual(expect.objectContaining({ grpcPort: 7233, bindOnIP: '172.18.0.5' }));
  });
});
