// The spreadsheet import's benchmark (issue 16, item 3: "10,000 rows in under five minutes on
// this machine"). An XLSX of N rows in every state of the lifecycle is read, checked (dry
// run) and imported through the product's own path: ImportsService, the import workflow on the
// Temporal dev server, the real worker process writing the batches and starting the running
// tests' workflows. Baseline, in the same run and on the same PostgreSQL: the same experiments
// and their `imported` audit records inserted through `pg` in batches of the same size, with no
// file, no checks and no workflow. Reports; never fails on a timing.
//
//   node -r ./scripts/register.cjs benchmarks/src/import/import.bench.ts [--rows=10000] [--keep]
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { newPayloadKeyEntry, parsePayloadKeys, temporalDataConverter } from '@capacites/config';
import ExcelJS from 'exceljs';
import { Pool } from 'pg';
import { IMPORT_COLUMNS, localDate, type ImportColumnKey, type PreparedImportRow } from '@capacites/domain';
import { createDataSource, runMigrations } from '@capacites/persistence';
import { buildWorkflowBundle } from '../../../apps/worker/src/workflow-bundle';
import { ImportsService } from '../../../apps/api/src/imports/imports.service';
import { readSpreadsheet } from '../../../apps/api/src/imports/spreadsheet';
import { step, warn } from '../lib/log';
import { machineInfo } from '../lib/machine';
import { insertPeople, makeOrganizations, type BenchOrganization, type BenchUser } from '../lib/people';
import { CpuMeter, spawnNode, withChildren } from '../lib/processes';
import { markdownTable, type Figure } from '../lib/report';
import { removeDir, repoRoot, scratchDir, startPostgres, startTemporal } from '../lib/services';
import { ratio } from '../lib/stats';

const DAY = 86_400_000;
const BATCH = 250;

/** The states of a portfolio two years old: mostly history, a fifth running, a few overdue. */
const MIX: [string, number][] = [
  ['pérennisé', 30],
  ['abandonné', 20],
  ['itéré', 5],
  ['annulé', 2],
  ['brouillon', 3],
  ['en cours', 25],
  ['en évaluation', 8],
  ['en décision', 7],
];

function rowsFor(
  n: number,
  org: BenchOrganization,
  users: BenchUser[],
): Partial<Record<ImportColumnKey, string>>[] {
  const email = (id: string) => users.find((u) => u.id === id)?.email ?? '';
  const day = (offset: number) => {
    const iso = localDate(new Date(Date.now() + offset * DAY), 'Europe/Paris');
    return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  };
  const states = MIX.flatMap(([state, weight]) => Array.from({ length: weight }, () => state));
  return Array.from({ length: n }, (_, i) => {
    const state = states[i % states.length];
    const cells: Partial<Record<ImportColumnKey, string>> = {
      reference: `BENCH-${i + 1}`,
      title: `Tiers-lieu numérique n°${i + 1}`,
      state,
      hypothesis: 'Un lieu partagé réduit l’isolement des agent·es de terrain.',
      scope: 'Agent·es itinérant·es',
      criteria: 'Fréquentation : 20 ; Isolement ressenti : en baisse',
    };
    if (state === 'brouillon' || state === 'annulé') return cells;
    const launched = state === 'en cours' ? -(10 + (i % 100)) : -(200 + (i % 500));
    const expires = state === 'en cours' ? (i % 50 === 0 ? -1 : 30 + (i % 200)) : launched + 120;
    Object.assign(cells, {
      pilots: email(org.pilots[i % org.pilots.length]),
      sponsor: email(org.sponsors[i % org.sponsors.length]),
      participants: email(org.members[i % org.members.length]),
      consentOn: day(launched - 2),
      consentMethod: 'papier',
      launchedOn: day(launched),
      expiresOn: day(expires),
      lastCheckInOn: day(Math.min(-1, launched + 20)),
      lastWeather: ['ensoleillé', 'nuageux', 'orageux'][i % 3],
    });
    if (state === 'en cours') return cells;
    cells.stoppedOn = day(expires);
    if (state === 'en évaluation') return cells;
    Object.assign(cells, {
      verdict: 'confirmée',
      evaluatedOn: day(expires + 10),
      usersVoiceCount: '12',
      learnings: 'Un lieu simple suffit.',
    });
    if (state === 'en décision') return cells;
    Object.assign(cells, { decidedOn: day(expires + 20), rationale: 'Décidé en CODIR.' });
    if (state === 'pérennisé')
      Object.assign(cells, { handoverWithdrawal: 'Fin d’année', handoverTakeover: 'Le service' });
    return cells;
  });
}

async function xlsx(rows: Partial<Record<ImportColumnKey, string>>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tests');
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const row of rows) sheet.addRow(IMPORT_COLUMNS.map((c) => row[c.key] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The baseline: the same experiments and audit records through `pg`, batch by batch. */
async function baseline(pool: Pool, organizationId: string, prepared: PreparedImportRow[]): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < prepared.length; i += BATCH) {
    const batch = prepared.slice(i, i + BATCH);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO experiments (id, workflow_id, organization_id, title, hypothesis, scope, state, criteria, pilot_ids, sponsor_id)
         SELECT id, 'experiment-' || id, $2, title, hypothesis, scope, state, '[]'::jsonb, '{}', NULL
           FROM unnest($1::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(id, title, hypothesis, scope, state)
         ON CONFLICT DO NOTHING`,
        [
          batch.map((r) => r.experimentId),
          organizationId,
          batch.map((r) => r.title),
          batch.map((r) => r.hypothesis),
          batch.map((r) => r.scope),
          batch.map((r) => r.state),
        ],
      );
      await client.query(
        `INSERT INTO audit_events (idempotency_key, organization_id, experiment_id, event, to_state, occurred_at)
         SELECT 'import:' || id || ':imported', $2, id, 'imported', state, now()
           FROM unnest($1::uuid[], $3::text[]) AS t(id, state) ON CONFLICT DO NOTHING`,
        [batch.map((r) => r.experimentId), organizationId, batch.map((r) => r.state)],
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const args = new Map(
    process.argv.slice(2).map((a) => {
      const [k, v] = a.replace(/^--/, '').split('=');
      return [k, v ?? 'true'] as const;
    }),
  );
  const n = Number(args.get('rows') ?? (args.get('size') === 'ci' ? 200 : 10000));
  const scratch = scratchDir();
  mkdirSync(scratch, { recursive: true });
  step(`import benchmark: ${n.toLocaleString('en-US')} rows (scratch ${scratch})`);
  const pg = await startPostgres(scratch);
  const temporal = await startTemporal(join(scratch, 'temporal.db'));
  const stops: (() => Promise<void>)[] = [() => temporal.stop(), () => pg.stop()];
  try {
    const url = await pg.createDatabase('import_bench');
    const baselineUrl = await pg.createDatabase('import_baseline');
    await runMigrations({ url });
    await runMigrations({ url: baselineUrl });
    const { organizations, users } = makeOrganizations(1, { pilots: 10, sponsors: 5, members: 30 });
    const pool = new Pool({ connectionString: url, max: 4 });
    const baselinePool = new Pool({ connectionString: baselineUrl, max: 4 });
    stops.unshift(
      () => pool.end(),
      () => baselinePool.end(),
    );
    await insertPeople(pool, organizations, users, null);
    await insertPeople(baselinePool, organizations, users, null);
    const org = organizations[0];

    step('building the workflow bundle and starting the worker');
    const bundle = join(scratch, 'bundle.js');
    writeFileSync(bundle, await buildWorkflowBundle());
    const taskQueue = `bench-import-${Date.now()}`;
    // The keys production requires: workflow payloads encrypted, secrets kept in PostgreSQL.
    const payloadKeys = newPayloadKeyEntry('bench');
    const worker = await spawnNode(
      'worker',
      join(repoRoot, 'apps', 'worker', 'src', 'main.ts'),
      {
        DATABASE_URL: url,
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_TASK_QUEUE: taskQueue,
        WORKFLOW_BUNDLE_PATH: bundle,
        TEMPORAL_PAYLOAD_KEYS: payloadKeys,
        DATA_ENCRYPTION_KEYS: newPayloadKeyEntry('bench-data'),
        LOG_LEVEL: 'warn',
      },
      /state: 'RUNNING'/,
    );
    stops.unshift(async () => {
      worker.child.kill('SIGTERM');
    });
    const connection = await Connection.connect({ address: temporal.address });
    stops.unshift(() => connection.close());
    const client = new Client({
      connection,
      dataConverter: temporalDataConverter(parsePayloadKeys(payloadKeys, 'bench')),
    });
    const dataSource = createDataSource({ url, poolSize: 4 });
    await dataSource.initialize();
    stops.unshift(() => dataSource.destroy());
    const imports = new ImportsService(dataSource, client, taskQueue);

    step('writing the XLSX');
    const file = await xlsx(rowsFor(n, org, users));
    step(`file: ${(file.length / 1024 / 1024).toFixed(1)} MiB`);

    const cpu = new CpuMeter({
      worker: () => withChildren(worker.pid),
      temporal: () => (temporal.pid ? withChildren(temporal.pid) : []),
      postgres: () => {
        const pid = pg.pid();
        return pid ? withChildren(pid) : [];
      },
    });
    cpu.begin();
    const t0 = performance.now();
    const rows = await readSpreadsheet('bench.xlsx', file);
    const tRead = performance.now();
    const report = await imports.prepare(org.id, 'bench.xlsx', rows, org.hr);
    const tDry = performance.now();
    if (report.status !== 'validated')
      throw new Error(`the bench file is invalid: ${JSON.stringify(report.errors.slice(0, 5))}`);
    await imports.run(report.id, null);
    const result = await imports.waitFor(report.id);
    const tDone = performance.now();
    const share = cpu.end();
    step(`imported: ${JSON.stringify(result)}`);
    const running = (
      await pool.query(
        `SELECT count(*)::int AS n FROM experiments WHERE state IN ('running','evaluating','deciding','draft')`,
      )
    ).rows[0].n as number;
    const prepared = (await pool.query(`SELECT "rows" FROM experiment_imports WHERE id = $1`, [report.id]))
      .rows[0].rows as PreparedImportRow[];

    step('baseline: the same experiments and audit records through pg');
    const baselineSeconds = await baseline(baselinePool, org.id, prepared);

    const total = (tDone - t0) / 1000;
    const problems: string[] = [];
    if (result.created !== n) problems.push(`import: ${result.created} created of ${n}`);
    const limitedBy = `CPU ${Object.entries(share.processes)
      .sort((a, b) => b[1].percent - a[1].percent)
      .map(([k, v]) => `${k} ${Math.round(v.percent)}%`)
      .join(', ')}; machine ${Math.round(share.machine.percent)}% busy`;
    const figures: Figure[] = [
      {
        benchmark: 'import',
        name: `import of ${n.toLocaleString('en-US')} rows (XLSX read, dry run, run, ${running} workflows started): total`,
        value: total,
        unit: 's',
        baselineName: 'same rows inserted through pg',
        baseline: baselineSeconds,
        ratio: ratio(total, baselineSeconds),
        goal: n >= 10000 ? '< 300 s' : undefined,
        met: n >= 10000 ? total < 300 && problems.length === 0 : null,
        limitedBy,
      },
      {
        benchmark: 'import',
        name: 'read the XLSX',
        value: (tRead - t0) / 1000,
        unit: 's',
        baselineName: '',
        baseline: null,
        ratio: null,
      },
      {
        benchmark: 'import',
        name: 'dry run (checks, ids, report)',
        value: (tDry - tRead) / 1000,
        unit: 's',
        baselineName: '',
        baseline: null,
        ratio: null,
      },
      {
        benchmark: 'import',
        name: 'run (batches + workflows started)',
        value: (tDone - tDry) / 1000,
        unit: 's',
        baselineName: '',
        baseline: null,
        ratio: null,
      },
      {
        benchmark: 'import',
        name: 'rows per second',
        value: n / total,
        unit: '/s',
        baselineName: 'pg inserts',
        baseline: n / baselineSeconds,
        ratio: ratio(n / total, n / baselineSeconds),
      },
    ];
    const table = markdownTable(figures);
    console.log(table);
    const resultsDir = join(repoRoot, 'benchmarks', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    writeFileSync(
      join(resultsDir, `import-${stamp}.json`),
      JSON.stringify({ rows: n, machine: machineInfo(), figures, result, problems }, null, 2),
    );
    writeFileSync(join(resultsDir, `import-${stamp}.md`), table);
    if (problems.length > 0) {
      warn(problems.join('; '));
      process.exitCode = 1;
    }
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
    if (!process.argv.includes('--keep')) removeDir(scratch);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
