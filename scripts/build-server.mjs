#!/usr/bin/env node
// Compiles a server app (api, worker) to plain JavaScript for production: `nx run api:build`,
// `nx run worker:build` (or `node scripts/build-server.mjs api`). SWC with the root
// tsconfig's settings (decorator metadata, which NestJS and TypeORM need), path aliases
// rewritten to relative requires. Only the files the app's entry points reach are compiled,
// into dist/<app>/ with the repository's layout (dist/api/apps/api/src/main.js), so that
// relative requires hold. Source maps carry no source text. The worker also gets its
// workflow code bundled once, into dist/worker/workflow-bundle.js, which it loads at start.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { repoRoot } from './lib/paths.mjs';

const require = createRequire(import.meta.url);

/** Entry points of each app, relative to the repository. */
export const SERVER_APPS = {
  api: [
    'apps/api/src/main.ts',
    'apps/api/src/cli/prepare.ts',
    'apps/api/src/cli/create-admin.ts',
    'apps/api/src/cli/verify-audit.ts',
    'apps/api/src/cli/payload-key.ts',
    'apps/api/src/cli/secrets-encrypt.ts',
    // Started by path in a worker thread (personal-data-pdf.renderer.ts), not required.
    'apps/api/src/personal-data/personal-data-pdf.worker.ts',
  ],
  worker: ['apps/worker/src/main.ts'],
};

const tsconfig = JSON.parse(readFileSync(join(repoRoot, 'tsconfig.json'), 'utf8'));

function swcOptions(file) {
  return {
    filename: file,
    swcrc: false,
    configFile: false,
    sourceMaps: true,
    inlineSourcesContent: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: file.endsWith('.tsx') },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: repoRoot,
      paths: tsconfig.compilerOptions.paths,
    },
    module: { type: 'commonjs', strict: false, noInterop: false },
  };
}

/** The .ts file a relative require of `from` names, or null (a JSON file, a package…). */
function resolveSource(from, specifier) {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  if (existsSync(base) && /\.(js|json)$/.test(base)) return base;
  throw new Error(`${relative(repoRoot, from)}: cannot resolve "${specifier}"`);
}

export async function buildServerApp(app, { outDir = join(repoRoot, 'dist', app), log = console.log } = {}) {
  const entries = SERVER_APPS[app];
  if (!entries) throw new Error(`unknown app "${app}": ${Object.keys(SERVER_APPS).join(', ')}`);
  const swc = require('@swc/core');
  const started = Date.now();
  rmSync(outDir, { recursive: true, force: true });
  const queue = entries.map((entry) => join(repoRoot, entry));
  const done = new Set();
  while (queue.length > 0) {
    const file = queue.pop();
    if (done.has(file)) continue;
    done.add(file);
    const rel = relative(repoRoot, file);
    if (rel.startsWith('..') || /(^|\/)(__tests__|test)\//.test(rel))
      throw new Error(`${rel} is reached from ${app}'s entry points: tests and outside files are not shipped`);
    const target = join(outDir, rel).replace(/\.tsx?$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    if (!/\.tsx?$/.test(file)) {
      writeFileSync(target, readFileSync(file));
      continue;
    }
    const { code, map } = await swc.transformFile(file, swcOptions(file));
    writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
    if (map) writeFileSync(`${target}.map`, map);
    // Follow the relative requires (path aliases are relative by now); packages stay in node_modules.
    // require.resolve too: a module loaded by its path (Temporal's failureConverterPath).
    for (const [, specifier] of code.matchAll(/require(?:\.resolve)?\(["'](\.{1,2}\/[^"']*)["']\)/g)) {
      queue.push(resolveSource(file, specifier));
    }
  }
  log(`[build] ${app}: ${done.size} files compiled into ${relative(repoRoot, outDir)}/ in ${Date.now() - started} ms`);

  if (app === 'worker') {
    // Prebuilt workflow bundle: the worker starts without webpack or the workflow sources.
    require('./register.cjs');
    const { buildWorkflowBundle } = require('../apps/worker/src/workflow-bundle.ts');
    const bundle = join(outDir, 'workflow-bundle.js');
    writeFileSync(bundle, await buildWorkflowBundle());
    log(`[build] worker: workflow bundle in ${relative(repoRoot, bundle)}`);
  }
  return { outDir, files: done.size };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(repoRoot, 'scripts', 'build-server.mjs')) {
  const apps = process.argv.slice(2);
  if (apps.length === 0) {
    console.error(`usage: node scripts/build-server.mjs <${Object.keys(SERVER_APPS).join('|')}>…`);
    process.exit(2);
  }
  for (const app of apps) await buildServerApp(app);
}
