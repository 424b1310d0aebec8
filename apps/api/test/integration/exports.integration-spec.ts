import { get as httpGet, type IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, createWriteStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { AuditEventEntity } from '@capacites/persistence';
import { insertTeam, type Team } from '../support/fixtures';
import { login, loginTeam, type ApiClient } from '../support/http';
import { startStack, type TestStack } from '../support/stack';
import { waitFor } from '../support/worker-process';
import { TEST_PASSWORD } from '../support/fixtures';

const ROWS = 100_000;
// 100,000 rows written, read back and compared on a shared 2-core machine: minutes, not seconds.
const LONG = 15 * 60_000;

// A full collection before each measure, so that the heap's growth is the export's.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;

interface Download {
  status: number;
  headers: IncomingMessage['headers'];
  /** Records (lines outside quotes) of a CSV, header included; bytes of anything. */
  records: number;
  bytes: number;
  /** The first records, parsed, for checks on content. */
  head: string[][];
  /** Peak heap growth, garbage included (sampled every 20 ms). */
  heapGrowthMb: number;
  /** Peak growth of what stays alive: after a full collection every 1 MB received. */
  retainedGrowthMb: number;
}

/**
 * Downloads an export over real HTTP, reading it as it comes (never the whole body in
 * memory: the API runs in this very process, so its heap is what we measure), counting
 * CSV records with a small quote-aware scanner, or writing XLSX to a file.
 */
async function download(url: string, token: string, file?: string): Promise<Download> {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  let retained = base;
  let sinceCollection = 0;
  const received = (size: number) => {
    sinceCollection += size;
    if (sinceCollection < MB) return;
    sinceCollection = 0;
    gc();
    retained = Math.max(retained, process.memoryUsage().heapUsed);
  };
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 20);
  try {
    const response = await new Promise<IncomingMessage>((resolve, reject) =>
      httpGet(url, { headers: { Authorization: `Bearer ${token}` } }, resolve).on('error', reject),
    );
    let records = 0;
    let bytes = 0;
    const head: string[][] = [];
    if (file && response.statusCode === 200) {
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        received(chunk.length);
      });
      await pipeline(response, createWriteStream(file));
    } else {
      // Records counted outside quotes as the text streams by; the beginning kept to parse.
      let quoted = false;
      let prefix = '';
      response.setEncoding('utf8');
      for await (const chunk of response as AsyncIterable<string>) {
        bytes += Buffer.byteLength(chunk);
        received(Buffer.byteLength(chunk));
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        if (prefix.length < 64 * 1024) prefix += chunk;
        for (const char of chunk) {
          if (char === '"') quoted = !quoted;
          else if (char === '\n' && !quoted) records += 1;
        }
      }
      head.push(...parseCsv(prefix.replace(/^\uFEFF/, '')));
    }
    return {
      status: response.statusCode ?? 0,
      headers: response.headers,
      records,
      bytes,
      head,
      heapGrowthMb: Math.round(((peak - base) / MB) * 10) / 10,
      retainedGrowthMb: Math.round(((retained - base) / MB) * 10) / 10,
    };
  } finally {
    clearInterval(sample);
  }
}

/** The complete records of a CSV text (RFC 4180 quoting, `;` separators). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (!(c === '\r' && text[i + 1] === '\n')) field += c;
  }
  return rows;
}

async function token(stack: TestStack, email: string): Promise<string> {
  const response = await fetch(`${stack.baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  return ((await response.json()) as { token: string }).token;
}

const q = (params: Record<string, unknown>) =>
  Object.entries(params)
    .map(
      ([key, value]) =>
        `${key}=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}`,
    )
    .join('&');

describe('Exports of experiments, evaluations and decisions, streamed by the API', () => {
  let stack: TestStack;
  let a: Team;
  let b: Team;
  let as: Awaited<ReturnType<typeof loginTeam>>;
  let hrToken: string;
  const injected = {
    formula: randomUUID(),
    plus: randomUUID(),
    tab: randomUUID(),
  };
  const measures: Record<string, unknown> = {};

  beforeAll(async () => {
    stack = await startStack({ listen: true, worker: false });
    a = await insertTeam(stack.db);
    b = await insertTeam(stack.db);
    as = await loginTeam(stack.app, a);
    hrToken = await token(stack, a.emails.hr);
    const started = Date.now();
    // 100,000 experiments in one statement; one in three piloted by A's pilot, states mixed.
    await stack.db.query(
      `INSERT INTO experiments (id, organization_id, title, hypothesis, scope, state, workflow_id, pilot_ids,
                                sponsor_id, expires_at, iteration, created_at)
       SELECT gen_random_uuid(), $1, 'Test n°' || g, 'Hypothèse ' || g, 'Service ' || (g % 40), 
              (ARRAY['draft','running','evaluating','deciding','abandoned'])[1 + g % 5], 'bulk-' || g,
              CASE WHEN g % 3 = 0 THEN ARRAY[$2::uuid] ELSE '{}'::uuid[] END, $3,
              now() + make_interval(days => g % 200), 1, now() - make_interval(secs => g)
         FROM generate_series(1, $4) AS g`,
      [a.organization.id, a.pilot, a.sponsor, ROWS - 3],
    );
    const specials: [string, string, string][] = [
      [injected.formula, '=HYPERLINK("http://evil.example";"clic")', '@SUM(A1:A9)'],
      [injected.plus, '+33 6 12 34 56 78', '-1+2'],
      [injected.tab, '\tTabulé; avec "guillemets"', '\rRetour'],
    ];
    for (const [id, title, hypothesis] of specials) {
      await stack.db.query(
        `INSERT INTO experiments (id, organization_id, title, hypothesis, state, workflow_id, pilot_ids)
         VALUES ($1, $2, $3, $4, 'draft', $5, ARRAY[$6::uuid])`,
        [id, a.organization.id, title, hypothesis, `special-${id}`, a.pilot],
      );
    }
    // Another organisation's experiments, which A's people never export.
    await stack.db.query(
      `INSERT INTO experiments (id, organization_id, title, state, workflow_id)
       SELECT gen_random_uuid(), $1, 'Autre organisation ' || g, 'running', 'other-' || g
         FROM generate_series(1, 50) AS g`,
      [b.organization.id],
    );
    measures.insertSeconds = (Date.now() - started) / 1000;
  }, LONG);

  afterAll(async () => {
    console.log(`exports: ${JSON.stringify(measures)}`);
    await stack?.close();
  });

  it(
    'streams 100,000 experiments as CSV with French headers, every row once, the heap bounded',
    async () => {
      const started = Date.now();
      const csv = await download(`${stack.baseUrl}/api/exports/experiments?format=csv`, hrToken);
      measures.csv = {
        rows: csv.records - 1,
        megabytes: Math.round(csv.bytes / MB),
        heapGrowthMb: csv.heapGrowthMb,
        retainedGrowthMb: csv.retainedGrowthMb,
        seconds: (Date.now() - started) / 1000,
      };
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toMatch(
        /^attachment; filename="capacites-tests-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      expect(csv.head[0]).toEqual([
        'Titre',
        'État',
        'Piste',
        'Organisation',
        'Porteur·euses',
        'Portage institutionnel',
        'Hypothèse',
        'Périmètre',
        'Date de péremption',
        'Itération',
        'Créé le',
        'Identifiant',
      ]);
      expect(csv.records - 1).toBe(ROWS);
      // Loaded at once, 100,000 rows are ~40 MB of text and several times that as objects:
      // streamed, the heap grows by about one batch (measured: see the report line).
      expect(csv.heapGrowthMb).toBeLessThan(64);
      expect(csv.retainedGrowthMb).toBeLessThan(32);
      const fifth = await download(
        `${stack.baseUrl}/api/exports/experiments?${q({ filter: { state: 'running' } })}`,
        hrToken,
      );
      expect(fifth.records - 1).toBe(ROWS / 5);
      measures.csvFifth = { heapGrowthMb: fifth.heapGrowthMb, retainedGrowthMb: fifth.retainedGrowthMb };
    },
    LONG,
  );

  it(
    'streams 100,000 experiments as XLSX through exceljs’s streaming writer, the heap bounded',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'capacites-export-'));
      try {
        const file = join(dir, 'tests.xlsx');
        const started = Date.now();
        const xlsx = await download(`${stack.baseUrl}/api/exports/experiments?format=xlsx`, hrToken, file);
        const downloadSeconds = (Date.now() - started) / 1000;
        expect(xlsx.status).toBe(200);
        expect(xlsx.headers['content-type']).toBe(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
        let rows = 0;
        let header: unknown[] = [];
        const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
        for await (const sheet of reader) {
          for await (const row of sheet) {
            rows += 1;
            if (rows === 1) header = (row.values as unknown[]).slice(1);
          }
        }
        measures.xlsx = {
          rows: rows - 1,
          megabytes: Math.round(xlsx.bytes / MB),
          heapGrowthMb: xlsx.heapGrowthMb,
          retainedGrowthMb: xlsx.retainedGrowthMb,
          seconds: downloadSeconds,
        };
        // A fifth of the rows, for comparison: what stays alive does not grow with the size.
        const fifth = await download(
          `${stack.baseUrl}/api/exports/experiments?${q({ format: 'xlsx', filter: { state: 'running' } })}`,
          hrToken,
          join(dir, 'fifth.xlsx'),
        );
        measures.xlsxFifth = { heapGrowthMb: fifth.heapGrowthMb, retainedGrowthMb: fifth.retainedGrowthMb };
        expect(header.slice(0, 3)).toEqual(['Titre', 'État', 'Piste']);
        expect(rows - 1).toBe(ROWS);
        expect(xlsx.heapGrowthMb).toBeLessThan(128);
        expect(xlsx.retainedGrowthMb).toBeLessThan(64);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    LONG,
  );

  it(
    'exports exactly the rows of the list for the same filters, order and reader',
    async () => {
      const cases: { who: ApiClient; email: string; filter: object; sort?: [string, string] }[] = [
        {
          who: as.hr,
          email: a.emails.hr,
          filter: { state: ['running', 'deciding'] },
          sort: ['title', 'ASC'],
        },
        { who: as.hr, email: a.emails.hr, filter: { q: 'test', pilotId: a.pilot, state: 'draft' } },
        {
          who: as.hr,
          email: a.emails.hr,
          filter: { expiresBefore: new Date(Date.now() + 20 * 86_400_000).toISOString() },
        },
        // A pilot sees the experiments they pilot only; B's HR none of A's.
        { who: as.pilot, email: a.emails.pilot, filter: {} },
      ];
      for (const { who, email, filter, sort } of cases) {
        const list = await who
          .get(`/api/experiments?${q({ filter, range: [0, 0], ...(sort ? { sort } : {}) })}`)
          .expect(200);
        const total = Number(String(list.headers['content-range']).split('/')[1]);
        const csv = await download(
          `${stack.baseUrl}/api/exports/experiments?${q({ format: 'csv', filter, ...(sort ? { sort } : {}) })}`,
          await token(stack, email),
        );
        expect([filter, csv.status, csv.records - 1]).toEqual([filter, 200, total]);
        if (sort && total > 0) expect(csv.head[1][0]).toBe(list.body[0].title);
      }
      const other = await download(
        `${stack.baseUrl}/api/exports/experiments`,
        await token(stack, b.emails.hr),
      );
      expect(other.records - 1).toBe(50);
    },
    LONG,
  );

  it('keeps text that a spreadsheet would run as a formula as text, in CSV and in XLSX', async () => {
    const filter = { id: Object.values(injected) };
    const csv = await download(
      `${stack.baseUrl}/api/exports/experiments?${q({ filter, sort: ['title', 'ASC'] })}`,
      hrToken,
    );
    const cells = csv.head.slice(1).map((row) => [row[0], row[6]]);
    expect(cells).toEqual(
      expect.arrayContaining([
        [`'=HYPERLINK("http://evil.example";"clic")`, "'@SUM(A1:A9)"],
        ["'+33 6 12 34 56 78", "'-1+2"],
        [`'\tTabulé; avec "guillemets"`, "'\rRetour"],
      ]),
    );
    const dir = mkdtempSync(join(tmpdir(), 'capacites-export-'));
    try {
      const file = join(dir, 'formules.xlsx');
      await download(
        `${stack.baseUrl}/api/exports/experiments?${q({ format: 'xlsx', filter })}`,
        hrToken,
        file,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const titles: unknown[] = [];
      workbook.worksheets[0].eachRow((row, n) => {
        if (n > 1) titles.push(row.getCell(1).value);
      });
      expect(titles.sort()).toEqual(
        [
          `'=HYPERLINK("http://evil.example";"clic")`,
          "'+33 6 12 34 56 78",
          `'\tTabulé; avec "guillemets"`,
        ].sort(),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports evaluations and decisions with their list filters, French headers and labels', async () => {
    const [evaluated, decided] = [randomUUID(), randomUUID()];
    for (const id of [evaluated, decided]) {
      await stack.db.query(
        `INSERT INTO experiments (id, organization_id, title, state, workflow_id, pilot_ids)
         VALUES ($1, $2, $3, 'deciding', $4, ARRAY[$5::uuid])`,
        [id, a.organization.id, `Évalué ${id.slice(0, 4)}`, `eval-${id}`, a.pilot],
      );
      await stack.db.query(
        `INSERT INTO evaluations (experiment_id, organization_id, verdict, criterion_results, users_voice, learnings,
                                  criteria_at_launch, on_time, submitted_by, submitted_at)
         VALUES ($1, $2, 'partly_confirmed',
                 '[{"criterionId":"a","result":"ok","met":true},{"criterionId":"b","result":"non","met":false}]',
                 '{"sources":["entretiens","questionnaire"],"count":12,"noneReason":""}', '=1+1 enseignement', '[]', $3, $4, now())`,
        [id, a.organization.id, id === evaluated, a.pilot],
      );
    }
    await stack.db.query(
      `INSERT INTO decisions (experiment_id, organization_id, outcome, rationale, handover, on_time, decided_by, decided_at)
       VALUES ($1, $2, 'perpetuate', 'Ça marche', '{"pilotWithdrawal":"juin","takeover":"Équipe RH"}', true, $3, now())`,
      [decided, a.organization.id, a.sponsor],
    );

    const evaluations = await download(
      `${stack.baseUrl}/api/exports/evaluations?${q({ filter: { onTime: true } })}`,
      hrToken,
    );
    expect(evaluations.status).toBe(200);
    expect(evaluations.head[0].slice(0, 5)).toEqual([
      'Test',
      'Organisation',
      'Verdict',
      'Critères atteints',
      'Critères évalués',
    ]);
    expect(evaluations.records - 1).toBe(1);
    expect(evaluations.head[1]).toEqual([
      `Évalué ${evaluated.slice(0, 4)}`,
      a.organization.name,
      'Hypothèse en partie confirmée',
      '1',
      '2',
      '12',
      'entretiens, questionnaire',
      "'=1+1 enseignement",
      'Oui',
      'pilot',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      'Non',
      evaluated,
    ]);

    const decisions = await download(
      `${stack.baseUrl}/api/exports/decisions?${q({ format: 'csv', filter: { outcome: 'perpetuate' } })}`,
      hrToken,
    );
    expect(decisions.head[0]).toEqual([
      'Test',
      'Organisation',
      'Décision',
      'Justification',
      'Retrait du porteur',
      'Reprise par',
      'Prochain axe',
      'Dans les délais',
      'Décidée par',
      'Décidée le',
      'Identifiant du test',
    ]);
    expect(decisions.head.slice(1).map((r) => [r[2], r[3], r[5], r[8]])).toEqual([
      ['Pérenniser', 'Ça marche', 'Équipe RH', 'sponsor'],
    ]);
    // Another organisation's reader gets none of them.
    const stranger = await download(
      `${stack.baseUrl}/api/exports/decisions`,
      await token(stack, b.emails.hr),
    );
    expect(stranger.records - 1).toBe(0);
  });

  it(
    'closes the cursor and gives the connection back when the client leaves mid-download',
    async () => {
      const exportSessions = async (): Promise<number> => {
        const [{ n }] = await stack.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND state LIKE 'idle in transaction%'
            AND query LIKE 'FETCH FORWARD % FROM export_rows'`,
        );
        return n;
      };
      for (const format of ['csv', 'xlsx']) {
        await new Promise<void>((resolve, reject) => {
          const request = httpGet(
            `${stack.baseUrl}/api/exports/experiments?format=${format}`,
            { headers: { Authorization: `Bearer ${hrToken}` } },
            (response) => {
              // The first bytes, then the client goes away without reading further.
              response.once('data', () => {
                request.destroy();
                resolve();
              });
            },
          );
          request.on('error', (error: NodeJS.ErrnoException) =>
            error.code === 'ECONNRESET' ? resolve() : reject(error),
          );
        });
        await waitFor(
          `the ${format} export's transaction to end`,
          async () => (await exportSessions()) === 0,
          120_000,
        );
      }
      // The API still exports afterwards (the pool was not drained by abandoned downloads).
      const after = await download(`${stack.baseUrl}/api/exports/decisions`, hrToken);
      expect(after.status).toBe(200);
    },
    LONG,
  );

  it('refuses a bad format or filter with 400 naming the field, and audits every export it makes', async () => {
    const badFormat = await as.hr.get('/api/exports/experiments?format=pdf').expect(400);
    expect(badFormat.body.fields.map((f: { field: string }) => f.field)).toEqual(['format']);
    const badFilter = await as.hr.get(`/api/exports/evaluations?${q({ filter: { nope: 1 } })}`).expect(400);
    expect(badFilter.body.fields.map((f: { field: string }) => f.field)).toEqual(['filter.nope']);
    await as.hr.get(`/api/exports/decisions?${q({ sort: ['title', 'ASC'] })}`).expect(400);
    await login(stack.app, a.emails.hr);

    const before = await stack.db.getRepository(AuditEventEntity).countBy({ event: 'export.experiments' });
    await as.hr
      .get(
        `/api/exports/experiments?${q({ format: 'csv', filter: { state: 'abandoned', organizationId: a.organization.id } })}`,
      )
      .expect(200);
    const audits = await stack.db
      .getRepository(AuditEventEntity)
      .find({ where: { event: 'export.experiments' }, order: { id: 'DESC' } });
    expect(audits.length).toBe(before + 1);
    expect(audits[0]).toMatchObject({
      organizationId: a.organization.id,
      actorId: a.hr,
      experimentId: null,
      details: {
        format: 'csv',
        filter: { state: 'abandoned', organizationId: a.organization.id },
        sort: { field: 'createdAt', order: 'DESC' },
      },
    });
    const seenByHr = await as.hr
      .get(`/api/audit-events?${q({ filter: { event: 'export.experiments' }, range: [0, 99] })}`)
      .expect(200);
    expect(seenByHr.body.length).toBeGreaterThan(0);
  });
});
