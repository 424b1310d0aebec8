// Issue 15, item 2: "50 tests in one pack within 10 s on this machine". The pack of a session
// with N tests on its agenda, asked of the real API process (its queries on PostgreSQL, the
// PDF rendered by pdfmake, sent over HTTP), against pdfmake alone rendering a document of the
// same pages and text in this process (the floor: no query, no HTTP). Pages counted with
// pdf-parse: a pack without one page per test is a failed run, not a figure.
import { randomUUID } from 'node:crypto';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { hash } from 'argon2';
import { Pool } from 'pg';
import { PDFParse } from 'pdf-parse';
import { runMigrations } from '@capacites/persistence';
// The product's pdfmake, with its fonts and its access policies (no URL, no file but the fonts).
import { pdfmake } from '../../../apps/api/src/committee-sessions/committee-pdf';
import { startApi, tokenFor } from '../api/api-process';
import { step, warn } from '../lib/log';
import { insertPeople, makeOrganizations } from '../lib/people';
import type { Figure } from '../lib/report';
import { databaseUrl, type Postgres } from '../lib/services';
import { distribution, ratio, round } from '../lib/stats';

const PASSWORD = 'mot-de-passe-des-benchmarks';

export interface CommitteeOptions {
  /** Tests on the agenda (the issue's goal: 50). */
  tests: number;
  runs: number;
  scratch: string;
  pg: Postgres;
}

const HYPOTHESIS =
  'Si les agent·es d’accueil organisent eux-mêmes leurs plannings sur un tableau partagé, alors les absences ' +
  'imprévues sont mieux couvertes et la satisfaction au travail augmente, sans dégrader le service rendu aux usagers.';
const LEARNINGS =
  'Le tableau partagé a été adopté en trois semaines ; les équipes demandent une règle claire pour les arbitrages ' +
  'et un temps de coordination mensuel. Les usagers n’ont pas perçu de différence de qualité de service.';

/** Pages in all, and pages that are a test's fiche (each begins with "FICHE TEST"). */
async function pageCount(data: Buffer): Promise<{ total: number; fiches: number }> {
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    const text = await parser.getText();
    return {
      total: text.total,
      fiches: text.pages.filter((page) => page.text.includes('FICHE TEST')).length,
    };
  } finally {
    await parser.destroy();
  }
}

/** The baseline: the same number of pages and about the same text, rendered by pdfmake alone. */
function bareDocument(tests: number) {
  return {
    content: [
      { text: 'Dossier de séance', fontSize: 20 },
      // The cover's agenda: one row per test.
      {
        table: {
          widths: [18, '*', 150],
          body: Array.from({ length: tests }, (_, i) => [
            String(i + 1),
            `Test ${i + 1}`,
            'Décision à prendre',
          ]),
        },
      },
      ...Array.from({ length: tests }, (_, i) => ({
        pageBreak: 'before' as const,
        stack: [
          { text: `Test ${i + 1}`, fontSize: 20 },
          HYPOTHESIS,
          {
            table: {
              widths: ['*', '*', 70, '*'],
              body: Array.from({ length: 4 }, () => [
                'Critère',
                'Relevé mensuel',
                'Cible',
                'Résultat atteint',
              ]),
            },
          },
          LEARNINGS,
          '6 personne(s) entendue(s) : entretiens, questionnaire',
        ],
      })),
    ],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
  };
}

export async function runCommitteeBenchmark(
  options: CommitteeOptions,
): Promise<{ figures: Figure[]; details: unknown; errors: string[] }> {
  const errors: string[] = [];
  const name = `bench_committee_${Date.now()}`;
  const url = databaseUrl(await options.pg.createDatabase(name), name);
  await runMigrations({ url });
  const pool = new Pool({ connectionString: url, max: 2 });
  const { organizations, users } = makeOrganizations(1, { pilots: 10, sponsors: 5, members: 0 });
  const org = organizations[0];
  step(`committee: ${options.tests} tests awaiting a decision, evaluated, with testimonies…`);
  try {
    await insertPeople(pool, organizations, users, await hash(PASSWORD));
    const ids = Array.from({ length: options.tests }, () => randomUUID());
    const criteria = [1, 2, 3].map((n) => ({
      id: `c${n}`,
      name: `Critère ${n} : couverture des absences`,
      method: 'Relevé mensuel et entretiens',
      target: 'Moins de 5 % de postes non couverts',
      coBuiltWithUsers: n === 1,
    }));
    await pool.query(
      `INSERT INTO experiments (id, organization_id, title, hypothesis, scope, state, criteria, pilot_ids, sponsor_id,
                                launched_at, expires_at, stopped_at, stop_kind, decision_due_at, workflow_id)
       SELECT id, $2, 'Test ' || n || ' : plannings autogérés', $3, 'Accueil de la mairie', 'deciding', $4::jsonb,
              ARRAY[$5::uuid], $6::uuid, now() - interval '120 days', now() - interval '10 days',
              now() - interval '10 days', 'expired', now() + interval '20 days', 'experiment-' || id
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [ids, org.id, HYPOTHESIS, JSON.stringify(criteria), org.pilots[0], org.sponsors[0]],
    );
    await pool.query(
      `INSERT INTO evaluations (experiment_id, organization_id, verdict, criterion_results, users_voice, learnings,
                                criteria_at_launch, on_time, submitted_at)
       SELECT id, $2, 'partly_confirmed', $3::jsonb, $4::jsonb, $5, $6::jsonb, true, now() - interval '5 days'
         FROM unnest($1::uuid[]) AS t(id)`,
      [
        ids,
        org.id,
        JSON.stringify(
          criteria.map((c) => ({ criterionId: c.id, result: '3 % de postes non couverts', met: true })),
        ),
        JSON.stringify({ sources: ['entretiens', 'questionnaire'], count: 14, noneReason: '' }),
        LEARNINGS,
        JSON.stringify(criteria),
      ],
    );
    await pool.query(
      `INSERT INTO testimonies (id, organization_id, experiment_id, quote, source, collected_at, shareable)
       SELECT gen_random_uuid(), $2, id, 'On se sent enfin écoutés sur nos horaires.', 'interview', current_date, true
         FROM unnest($1::uuid[]) AS t(id), generate_series(1, 2)`,
      [ids, org.id],
    );
  } finally {
    await pool.end();
  }

  step('committee: starting the API process…');
  const api = await startApi({ databaseUrl: url, logFile: join(options.scratch, 'committee-api.log') });
  const apiMs: number[] = [];
  const bareMs: number[] = [];
  let pages = 0;
  let bytes = 0;
  try {
    const hrEmail = users.find((u) => u.id === org.hr)?.email ?? '';
    const token = await tokenFor(api.baseUrl, hrEmail, PASSWORD);
    const created = await fetch(`${api.baseUrl}/api/committee-sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        organizationId: org.id,
        title: 'CODIR',
        heldOn: new Date().toISOString().slice(0, 10),
      }),
    });
    const session = (await created.json()) as { id?: string; items?: unknown[] };
    if (created.status !== 201 || session.items?.length !== options.tests) {
      throw new Error(
        `the session was not created with ${options.tests} items: ${created.status} ${JSON.stringify(session).slice(0, 300)}`,
      );
    }
    // A connection of its own per pack: the baseline's rendering blocks this process's event
    // loop for seconds, past the API's keep-alive timeout (5 s), and a pooled socket closed
    // meanwhile would fail the next request ("other side closed").
    const getPack = (): Promise<Buffer> =>
      new Promise((resolve, reject) => {
        const request = httpGet(
          `${api.baseUrl}/api/committee-sessions/${session.id}/pack.pdf`,
          { headers: { authorization: `Bearer ${token}` }, agent: false },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () => {
              const type = response.headers['content-type'] ?? '';
              if (response.statusCode !== 200 || !type.startsWith('application/pdf'))
                reject(new Error(`pack answered ${response.statusCode} ${type}`));
              else resolve(Buffer.concat(chunks));
            });
          },
        );
        request.on('error', reject);
      });
    // Warm-up (fonts loaded, code paths compiled), then measured runs, alternating with the baseline.
    const first = await getPack();
    const counted = await pageCount(first);
    pages = counted.total;
    bytes = first.length;
    // One page per test, after a cover of one or two pages (the agenda of 50 tests takes two).
    if (counted.fiches !== options.tests || pages - counted.fiches > 2)
      errors.push(
        `the pack has ${counted.fiches} fiche pages for ${options.tests} tests, ${pages} pages in all`,
      );
    await pdfmake.createPdf(bareDocument(options.tests)).getBuffer();
    for (let run = 0; run < options.runs; run++) {
      let t0 = performance.now();
      await getPack();
      apiMs.push(performance.now() - t0);
      t0 = performance.now();
      await pdfmake.createPdf(bareDocument(options.tests)).getBuffer();
      bareMs.push(performance.now() - t0);
      step(
        `committee: run ${run + 1}: pack ${round(apiMs[run])} ms | pdfmake alone ${round(bareMs[run])} ms`,
      );
    }
  } catch (error) {
    // fetch's own message says little: its cause names the socket's failure.
    const cause = error instanceof Error && error.cause ? ` (${String(error.cause)})` : '';
    errors.push(`${String(error)}${cause}`);
    warn(`committee: ${String(error)}${cause}`);
  } finally {
    await api.stop();
  }
  const api50 = distribution(apiMs);
  const bare = distribution(bareMs);
  const figures: Figure[] = apiMs.length
    ? [
        {
          benchmark: 'committee',
          name: `pack of a session with ${options.tests} tests: GET /api/committee-sessions/:id/pack.pdf, median of ${apiMs.length}`,
          value: api50.p50,
          unit: 'ms',
          baselineName: 'pdfmake alone, same pages and text, no query, no HTTP',
          baseline: bare.p50,
          ratio: ratio(api50.p50, bare.p50),
          goal: `${options.tests === 50 ? '50 tests' : `${options.tests} tests (goal stated for 50)`} within 10 s`,
          met: api50.max <= 10_000,
        },
      ]
    : [];
  return {
    figures,
    details: { tests: options.tests, pages, bytes, apiMs, bareMs, api: api50, bare },
    errors,
  };
}
