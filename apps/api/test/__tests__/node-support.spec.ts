// Node 22 and 24 are supported, Node 20 is end of life: package.json says so, CI provisions
// Node 24 when the machine's is older, and `npm start` / `npm test` say which Node they run on.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');
const { satisfies } = jest.requireActual<{ satisfies(version: string, range: string): boolean }>('semver');

describe('Supported Node versions', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));

  it('engines: Node 22.12+ and 24, not the end-of-life Node 20 (and the lock file agrees)', () => {
    const range = manifest.engines.node as string;
    for (const version of ['22.12.0', '22.20.1', '24.0.0', '24.22.3'])
      expect(`${version} ${satisfies(version, range)}`).toBe(`${version} true`);
    for (const version of ['20.19.0', '20.20.2', '22.11.0', '18.20.0'])
      expect(`${version} ${satisfies(version, range)}`).toBe(`${version} false`);
    expect(lock.packages[''].engines.node).toBe(range);
  });

  it('CI provisions a Node 24 that the engines accept, and runs the tests with it first on PATH', () => {
    const provision = readFileSync(join(repoRoot, '.ci', 'provision-node'), 'utf8');
    const version = /NODE_VERSION="\$\{CAPACITES_CI_NODE_VERSION:-([\d.]+)\}"/.exec(provision)?.[1];
    expect(version).toMatch(/^24\./);
    expect(satisfies(version as string, manifest.engines.node)).toBe(true);
    expect(provision).toContain('npm pack');
    const run = readFileSync(join(repoRoot, '.ci', 'run'), 'utf8');
    const provisioned = run.indexOf('.ci/provision-node');
    expect(provisioned).toBeGreaterThan(-1);
    expect(run.indexOf('export PATH="$NODE_BIN:$PATH"')).toBeGreaterThan(provisioned);
    expect(run.indexOf('exec npm test')).toBeGreaterThan(run.indexOf('export PATH="$NODE_BIN:$PATH"'));
    // The image runs the Node that CI tests on.
    const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
    expect(/^ARG NODE_IMAGE=node:([\d.]+)-/m.exec(dockerfile)?.[1]).toBe(version);
    expect(dockerfile.match(/^FROM .*/gm)?.every((line) => line.startsWith('FROM ${NODE_IMAGE}'))).toBe(true);
  });

  it('.ci/provision-node reuses the Node 24 of the tool cache when the machine has no Node 22+', () => {
    const cache = mkdtempSync(join(tmpdir(), 'capacites-node-cache-'));
    try {
      // A cached "Node 24" (a stand-in answering its version): nothing is downloaded.
      const bin = join(cache, 'node', '24.22.3', 'bin');
      mkdirSync(bin, { recursive: true });
      writeFileSync(join(bin, 'node'), '#!/bin/sh\necho v24.22.3\n', { mode: 0o755 });
      const provision = (env: Record<string, string>) =>
        spawnSync('bash', [join(repoRoot, '.ci', 'provision-node')], {
          cwd: repoRoot,
          env: { ...process.env, CAPACITES_CACHE_DIR: cache, ...env },
          encoding: 'utf8',
        });
      const forced = provision({ CAPACITES_CI_FORCE_NODE: '1' });
      expect(forced.status).toBe(0);
      expect(forced.stdout.trim()).toBe(bin);
      const machine = provision({});
      const recent = Number(process.versions.node.split('.')[0]) >= 22;
      expect(machine.stdout.trim()).toBe(recent ? dirname(process.execPath) : bin);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('npm start and npm test report their Node first, before installing anything', () => {
    for (const script of ['start.mjs', 'test.mjs']) {
      const text = readFileSync(join(repoRoot, 'scripts', script), 'utf8');
      const reported = text.indexOf('\nreportNodeVersion();');
      expect(`${script} ${reported > 0}`).toBe(`${script} true`);
      expect(reported).toBeLessThan(text.indexOf('\nensureDependencies();'));
    }
  });

  it('npm test says which Node runs it, and warns below Node 22.12', () => {
    // An unknown suite: the script reports the Node version, then stops before running anything.
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'test.mjs'), 'no-such-suite'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(result.stdout).toContain(`Node v${process.versions.node} (${process.execPath})`);
    const old = !satisfies(process.versions.node, manifest.engines.node);
    expect(result.stdout.includes('WARNING: Node')).toBe(old);

    const report = (version: string) =>
      spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const { reportNodeVersion } = await import(${JSON.stringify(join(repoRoot, 'scripts', 'lib', 'node-version.mjs'))});
           const lines = []; const ok = reportNodeVersion((line) => lines.push(line), '${version}', '/opt/node/bin/node');
           console.log(JSON.stringify({ ok, lines }));`,
        ],
        { encoding: 'utf8' },
      );
    for (const [version, ok] of [
      ['20.19.0', false],
      ['22.11.0', false],
      ['22.12.0', true],
      ['24.22.3', true],
    ] as const) {
      const { stdout, stderr } = report(version);
      const answer = JSON.parse(stdout || stderr) as { ok: boolean; lines: string[] };
      expect(answer.ok).toBe(ok);
      expect(answer.lines[0]).toBe(`Node v${version} (/opt/node/bin/node)`);
      expect(answer.lines.some((line) => line.startsWith('WARNING'))).toBe(!ok);
    }
  });
});
