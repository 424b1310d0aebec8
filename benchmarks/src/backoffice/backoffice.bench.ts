// Benchmark 4: the back-office. The JavaScript its first screen ships (gzip bytes of the
// entry chunk and of every chunk it imports statically, read from Vite's manifest), and
// the time until the experiments list is rendered in headless Chromium against the API
// and the benchmark's database. Baseline for both: stock react-admin (bare-admin/)
// listing the same experiments from the same API, built and served the same way.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { startApi, type ApiProcess } from '../api/api-process';
import { BENCH_PASSWORD, sharedDataset } from '../api/dataset';
import { step, warn } from '../lib/log';
import type { Figure } from '../lib/report';
import { repoRoot, type Postgres } from '../lib/services';
import { distribution, ratio, round } from '../lib/stats';

export interface BackOfficeOptions {
  experiments: number;
  organizations: number;
  runs: number;
  scratch: string;
  pg: Postgres;
}

interface BuiltApp {
  name: string;
  dir: string;
  buildSeconds: number;
  firstScreen: { files: { file: string; bytes: number; gzip: number }[]; gzip: number; bytes: number };
  /** Every JS chunk, lazily loaded ones included. */
  allGzip: number;
}

interface RenderRun {
  /** From navigation start until the first row of the list is in the page, ms. */
  renderedMs: number;
  /** When the list's API answer arrived, ms since navigation start. */
  listResponseMs: number | null;
  /** gzip bytes of the JS files the page loaded until then. */
  loadedJsGzip: number;
  requests: number;
}

const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
const bareRoot = join(__dirname, 'bare-admin');

function build(name: string, args: string[], cwd: string, outDir: string): BuiltApp {
  const t0 = Date.now();
  const result = spawnSync(
    process.execPath,
    [vite, 'build', ...args, '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'],
    { cwd, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`${name}: vite build failed:\n${result.stdout}\n${result.stderr}`);
  const buildSeconds = (Date.now() - t0) / 1000;
  type Chunk = { file: string; isEntry?: boolean; imports?: string[] };
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    Chunk
  >;
  // The back-office's page: the build has a second entry (q.html, the public answer page).
  const entry = manifest['index.html']?.isEntry
    ? 'index.html'
    : Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error(`${name}: no entry chunk in the manifest`);
  // The entry and its static imports, transitively: what index.html loads before anything shows.
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  visit(entry);
  const files = [...seen]
    .map((key) => manifest[key].file)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const content = readFileSync(join(outDir, file));
      return { file, bytes: content.length, gzip: gzipSync(content).length };
    });
  const allGzip = [...new Set(Object.values(manifest).map((chunk) => chunk.file))]
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(join(outDir, file))).length, 0);
  return {
    name,
    dir: outDir,
    buildSeconds,
    firstScreen: {
      files,
      gzip: files.reduce((sum, f) => sum + f.gzip, 0),
      bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    },
    allGzip,
  };
}

/** As scripts/lib/chromium.mjs: CHROMIUM_PATH when set (even to nothing there), else the usual places. */
function findChromium(): string | null {
  if (process.env.CHROMIUM_PATH)
    return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path)) ?? null;
}

async function renderList(
  browser: Browser,
  api: ApiProcess,
  app: BuiltApp,
  email: string,
): Promise<RenderRun> {
  // A new context each time: no cache, no storage, a first visit after login.
  const context = await browser.newContext({ locale: 'fr-FR' });
  try {
    const login = await context.request.post(`${api.baseUrl}/api/auth/login`, {
      data: { email, password: BENCH_PASSWORD },
    });
    if (!login.ok()) throw new Error(`login refused: ${login.status()}`);
    const page = await context.newPage();
    const scripts = new Set<string>();
    let requests = 0;
    page.on('request', (request) => {
      requests += 1;
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.js')) scripts.add(path.replace(/^\//, ''));
    });
    await page.goto(`${api.baseUrl}/#/experiments`);
    await page.waitForSelector('.RaDataTable-row', { timeout: 60000 });
    const timing = await page.evaluate(() => ({
      now: performance.now(),
      list: performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/api/experiments?'))
        // A resource timing entry (the DOM's type; this code runs in the page).
        .map((entry) => (entry as unknown as { responseEnd: number }).responseEnd),
    }));
    const loadedJsGzip = [...scripts].reduce((sum, file) => {
      const path = join(app.dir, file);
      return sum + (existsSync(path) ? gzipSync(readFileSync(path)).length : 0);
    }, 0);
    return {
      renderedMs: timing.now,
      listResponseMs: timing.list.length > 0 ? Math.min(...timing.list) : null,
      loadedJsGzip,
      requests,
    };
  } finally {
    await context.close();
  }
}

export async function runBackOfficeBenchmark(
  options: BackOfficeOptions,
): Promise<{ figures: Figure[]; details: unknown; errors: string[]; skipped: string | null }> {
  step('backoffice: building the back-office and the bare react-admin baseline (vite build)…');
  const ours = build('back-office', [], join(repoRoot, 'apps', 'admin'), join(options.scratch, 'admin-dist'));
  const bare = build(
    'bare react-admin',
    [bareRoot, '--config', join(bareRoot, 'vite.config.mjs')],
    repoRoot,
    join(options.scratch, 'bare-admin-dist'),
  );
  step(
    `  first screen JS: back-office ${round(ours.firstScreen.gzip / 1024)} kB gzip ` +
      `(${ours.firstScreen.files.map((f) => `${f.file.replace('assets/', '')} ${round(f.gzip / 1024)}`).join(', ')}); ` +
      `bare react-admin ${round(bare.firstScreen.gzip / 1024)} kB`,
  );
  const figures: Figure[] = [
    {
      benchmark: 'backoffice',
      name: 'JS for the first screen (entry + static imports, gzip)',
      value: ours.firstScreen.gzip / 1024,
      unit: 'kB',
      baselineName: 'bare react-admin',
      baseline: bare.firstScreen.gzip / 1024,
      ratio: ratio(ours.firstScreen.gzip, bare.firstScreen.gzip),
      goal: '< 400 kB',
      met: ours.firstScreen.gzip / 1024 < 400,
      limitedBy: `react-admin, MUI, react-router; ${round(ours.allGzip / 1024)} kB with the lazy chunks`,
    },
  ];
  const errors: string[] = [];
  let skipped: string | null = null;
  const renders: Record<string, RenderRun[]> = { ours: [], bare: [] };

  const executablePath = findChromium();
  if (!executablePath) {
    // Like the browser tests: a skip, reported as one (main.ts: a failure in CI).
    skipped = 'no Chromium (apt-get install chromium, or CHROMIUM_PATH): the render time is not measured';
    warn(`backoffice: ${skipped}`);
  } else {
    const data = await sharedDataset(options.pg, options);
    step('backoffice: starting two API processes (serving each build) and Chromium…');
    const [oursApi, bareApi] = await Promise.all([
      startApi({
        databaseUrl: data.url,
        logFile: join(options.scratch, 'api-admin.log'),
        adminDistDir: ours.dir,
      }),
      startApi({
        databaseUrl: data.url,
        logFile: join(options.scratch, 'api-bare.log'),
        adminDistDir: bare.dir,
      }),
    ]);
    const apis = { ours: oursApi, bare: bareApi };
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      // One untimed visit each: the API's and PostgreSQL's caches are warm for both.
      await renderList(browser, apis.ours, ours, data.emails.hr);
      await renderList(browser, apis.bare, bare, data.emails.hr);
      for (let run = 0; run < options.runs; run++) {
        // Alternate, so that a burst of load elsewhere on the machine hits both alike.
        renders.ours.push(await renderList(browser, apis.ours, ours, data.emails.hr));
        renders.bare.push(await renderList(browser, apis.bare, bare, data.emails.hr));
        step(
          `  run ${run + 1}/${options.runs}: list rendered in ${round(renders.ours[run].renderedMs)} ms ` +
            `(bare react-admin ${round(renders.bare[run].renderedMs)} ms)`,
        );
      }
    } finally {
      await browser.close();
      await apis.ours.stop();
      await apis.bare.stop();
    }
    const oursMs = distribution(renders.ours.map((r) => r.renderedMs));
    const bareMs = distribution(renders.bare.map((r) => r.renderedMs));
    const listMs = distribution(
      renders.ours.map((r) => r.listResponseMs ?? Number.NaN).filter(Number.isFinite),
    );
    const size = `${Math.round(options.experiments / 1000)}k`;
    figures.push(
      {
        benchmark: 'backoffice',
        name: `experiments list rendered in Chromium, ${size} experiments (median of ${options.runs}, cold cache)`,
        value: oursMs.p50,
        unit: 'ms',
        baselineName: 'bare react-admin',
        baseline: bareMs.p50,
        ratio: ratio(oursMs.p50, bareMs.p50),
        limitedBy: `JS parse and React render (CPU); list API answered at ${round(listMs.p50)} ms; ${renders.ours[0]?.requests ?? 0} requests (bare ${renders.bare[0]?.requests ?? 0})`,
      },
      {
        benchmark: 'backoffice',
        name: 'JS loaded until the list is rendered (gzip)',
        value: (renders.ours[0]?.loadedJsGzip ?? 0) / 1024,
        unit: 'kB',
        baselineName: 'bare react-admin',
        baseline: (renders.bare[0]?.loadedJsGzip ?? 0) / 1024,
        ratio: ratio(renders.ours[0]?.loadedJsGzip ?? 0, renders.bare[0]?.loadedJsGzip ?? 0),
      },
    );
  }
  return {
    figures,
    details: {
      builds: [ours, bare].map(({ dir, ...rest }) => {
        void dir;
        return rest;
      }),
      renders,
      skipped,
    },
    errors,
    skipped,
  };
}
