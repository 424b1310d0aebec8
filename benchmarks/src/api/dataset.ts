// The API and back-office benchmarks' database: N experiments across O organisations,
// at every stage of their lifecycle, with the check-ins, audit events, evaluations,
// decisions and notifications their history would have left. Loaded in bulk through
// `pg` (one INSERT … SELECT FROM unnest(arrays) per table and chunk), then vacuumed and
// analysed as autovacuum would have done on a live database.
import { randomUUID } from 'node:crypto';
import { hash } from 'argon2';
import { Pool } from 'pg';
import {
  DAY_MS,
  DEFAULT_LIFECYCLE_SETTINGS,
  experimentWorkflowId,
  type ExperimentState,
} from '@capacites/domain';
import { runMigrations } from '@capacites/persistence';
import { step } from '../lib/log';
import { insertPeople, makeOrganizations, type BenchOrganization, type BenchUser } from '../lib/people';
import { databaseUrl, type Postgres } from '../lib/services';

export const BENCH_PASSWORD = 'mot-de-passe-des-benchmarks';

export interface Dataset {
  url: string;
  organizations: BenchOrganization[];
  /** A platform administrator (role admin), who sees every organisation. */
  adminEmail: string;
  emails: { hr: string; codir: string; pilot: string };
  /** Launched experiments of the first (largest) organisation, for the experiment page. */
  sampleIds: string[];
  counts: Record<string, number>;
  loadSeconds: number;
}

// The three tracks of the programme, created by the Foundation migration.
const TRACKS = [
  '5e1a0c4b-0001-4e6a-9b1c-2d3e4f5a6b01',
  '5e1a0c4b-0001-4e6a-9b1c-2d3e4f5a6b02',
  '5e1a0c4b-0001-4e6a-9b1c-2d3e4f5a6b03',
  null,
];

// A portfolio some years in: most tests are closed, a third run, a few wait for a decision.
const STATE_WEIGHTS: [ExperimentState, number][] = [
  ['draft', 8],
  ['running', 30],
  ['evaluating', 10],
  ['deciding', 7],
  ['cancelled', 5],
  ['perpetuated', 15],
  ['abandoned', 12],
  ['iterated', 13],
];

const ACTIONS = [
  'Accueil',
  'Guichet',
  'Télétravail',
  'Binôme',
  'Permanence',
  'Covoiturage',
  'Tiers-lieu',
  'Budget participatif',
  'Mentorat',
  'Astreinte',
];
const OBJECTS = [
  'numérique',
  'partagé',
  'itinérant',
  'de proximité',
  'inversé',
  'en autonomie',
  'sans rendez-vous',
  'solidaire',
];
const PLACES = [
  'en mairie annexe',
  'en crèche',
  'au CCAS',
  'en médiathèque',
  'aux services techniques',
  'en EHPAD',
  'au collège',
  'à la voirie',
];
const WEATHER_WEIGHTS: [string, number][] = [
  ['sunny', 50],
  ['cloudy', 35],
  ['stormy', 15],
];

/** A small deterministic generator, so that two runs load the same shape of data. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    weighted: <T>(table: readonly [T, number][]): T => {
      const total = table.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of table) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return table[table.length - 1][0];
    },
  };
}

interface ColumnSpec {
  name: string;
  /** Element type of the array parameter. */
  type: string;
  /** Cast applied to the unnested value (arrays travel as text: unnest would flatten them). */
  cast?: string;
}

/** Rows of one table, column by column, inserted with one statement per flush. */
class Batch {
  private columns: unknown[][];
  constructor(
    readonly table: string,
    private readonly spec: ColumnSpec[],
  ) {
    this.columns = spec.map(() => []);
  }

  get size(): number {
    return this.columns[0].length;
  }

  push(...values: unknown[]): void {
    values.forEach((value, i) => this.columns[i].push(value));
  }

  async flush(pool: Pool): Promise<number> {
    const count = this.size;
    if (count === 0) return 0;
    const names = this.spec.map((c) => c.name).join(', ');
    const params = this.spec.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
    const select = this.spec.map((c, i) => (c.cast ? `c${i}::${c.cast}` : `c${i}`)).join(', ');
    const aliases = this.spec.map((_, i) => `c${i}`).join(', ');
    await pool.query(
      `INSERT INTO ${this.table} (${names}) SELECT ${select} FROM unnest(${params}) AS t(${aliases})`,
      this.columns,
    );
    this.columns = this.spec.map(() => []);
    return count;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Loads the dataset into a new database on `pg`; prints its progress. */
export async function loadDataset(
  pg: Postgres,
  options: { experiments: number; organizations: number },
): Promise<Dataset> {
  const t0 = Date.now();
  const name = `bench_api_${Date.now()}`;
  const url = databaseUrl(await pg.createDatabase(name), name);
  await runMigrations({ url });
  // A bulk load: no need to wait for each commit to reach the disk.
  const pool = new Pool({ connectionString: url, max: 3, options: '-c synchronous_commit=off' });

  step(
    `api: loading ${options.experiments.toLocaleString('en-US')} experiments across ${options.organizations} organisations…`,
  );
  const { organizations, users } = makeOrganizations(options.organizations, {
    pilots: 20,
    sponsors: 10,
    members: 40,
  });
  const adminId = randomUUID();
  const adminUser: BenchUser = {
    id: adminId,
    email: 'admin@plateforme.bench',
    displayName: 'Administratrice de la plateforme',
    organizationId: organizations[0].id,
    role: 'admin',
  };
  await insertPeople(pool, organizations, [...users, adminUser], await hash(BENCH_PASSWORD));

  // Uneven organisations: weights 4, 3, 2, 1, 4… (the first one is among the largest).
  const byWeight = organizations.map((_, o): [number, number] => [o, 4 - (o % 4)]);
  const rand = generator(20261128);
  const now = Date.now();
  const settings = JSON.stringify(DEFAULT_LIFECYCLE_SETTINGS);

  const experiments = new Batch('experiments', [
    { name: 'id', type: 'uuid' },
    { name: 'workflow_id', type: 'text' },
    { name: 'organization_id', type: 'uuid' },
    { name: 'track_id', type: 'uuid' },
    { name: 'title', type: 'text' },
    { name: 'hypothesis', type: 'text' },
    { name: 'vision', type: 'text' },
    { name: 'scope', type: 'text' },
    { name: 'state', type: 'text' },
    { name: 'sponsor_id', type: 'uuid' },
    { name: 'pilot_ids', type: 'text', cast: 'uuid[]' },
    { name: 'participants', type: 'jsonb' },
    { name: 'criteria', type: 'jsonb' },
    { name: 'exit_plan', type: 'jsonb' },
    { name: 'settings_snapshot', type: 'jsonb' },
    { name: 'launched_at', type: 'timestamptz' },
    { name: 'expires_at', type: 'timestamptz' },
    { name: 'original_expires_at', type: 'timestamptz' },
    { name: 'stopped_at', type: 'timestamptz' },
    { name: 'stop_kind', type: 'text' },
    { name: 'evaluation_due_at', type: 'timestamptz' },
    { name: 'decision_due_at', type: 'timestamptz' },
    { name: 'algeco', type: 'bool' },
    { name: 'last_check_in_at', type: 'timestamptz' },
    { name: 'last_weather', type: 'text' },
    { name: 'created_by', type: 'uuid' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
  ]);
  const checkIns = new Batch('check_ins', [
    { name: 'id', type: 'uuid' },
    { name: 'idempotency_key', type: 'text' },
    { name: 'organization_id', type: 'uuid' },
    { name: 'experiment_id', type: 'uuid' },
    { name: 'author_id', type: 'uuid' },
    { name: 'weather', type: 'text' },
    { name: 'progress', type: 'text' },
    { name: 'blockers', type: 'text' },
    { name: 'recorded_at', type: 'timestamptz' },
  ]);
  const audits = new Batch('audit_events', [
    { name: 'idempotency_key', type: 'text' },
    { name: 'organization_id', type: 'uuid' },
    { name: 'experiment_id', type: 'uuid' },
    { name: 'event', type: 'text' },
    { name: 'from_state', type: 'text' },
    { name: 'to_state', type: 'text' },
    { name: 'actor_id', type: 'uuid' },
    { name: 'reason', type: 'text' },
    { name: 'details', type: 'jsonb' },
    { name: 'occurred_at', type: 'timestamptz' },
  ]);
  const evaluations = new Batch('evaluations', [
    { name: 'experiment_id', type: 'uuid' },
    { name: 'organization_id', type: 'uuid' },
    { name: 'verdict', type: 'text' },
    { name: 'criterion_results', type: 'jsonb' },
    { name: 'users_voice', type: 'jsonb' },
    { name: 'learnings', type: 'text' },
    { name: 'criteria_at_launch', type: 'jsonb' },
    { name: 'on_time', type: 'bool' },
    { name: 'submitted_by', type: 'uuid' },
    { name: 'submitted_at', type: 'timestamptz' },
  ]);
  const decisions = new Batch('decisions', [
    { name: 'experiment_id', type: 'uuid' },
    { name: 'organization_id', type: 'uuid' },
    { name: 'outcome', type: 'text' },
    { name: 'rationale', type: 'text' },
    { name: 'on_time', type: 'bool' },
    { name: 'decided_by', type: 'uuid' },
    { name: 'decided_at', type: 'timestamptz' },
  ]);
  const notifications = new Batch('notifications', [
    { name: 'id', type: 'uuid' },
    { name: 'dedupe_key', type: 'text' },
    { name: 'organization_id', type: 'uuid' },
    { name: 'experiment_id', type: 'uuid' },
    { name: 'recipient_id', type: 'uuid' },
    { name: 'event', type: 'text' },
    { name: 'subject', type: 'text' },
    { name: 'body', type: 'text' },
    { name: 'link', type: 'text' },
    { name: 'read_at', type: 'timestamptz' },
    { name: 'created_at', type: 'timestamptz' },
  ]);
  const counts: Record<string, number> = {};
  const flushAll = async () => {
    // Children after their experiments (foreign keys), the children side by side.
    counts.experiments = (counts.experiments ?? 0) + (await experiments.flush(pool));
    const children = [checkIns, audits, evaluations, decisions, notifications];
    const inserted = await Promise.all(children.map((batch) => batch.flush(pool)));
    children.forEach((batch, i) => (counts[batch.table] = (counts[batch.table] ?? 0) + inserted[i]));
  };

  const criteria = JSON.stringify([
    {
      id: 'usagers',
      name: 'Satisfaction des usagers',
      method: 'Questionnaire',
      target: '≥ 70 %',
      coBuiltWithUsers: true,
    },
    {
      id: 'agents',
      name: 'Charge ressentie par les agent·es',
      method: 'Entretiens',
      target: 'stable',
      coBuiltWithUsers: false,
    },
  ]);
  const exitPlan = JSON.stringify({
    pilotWithdrawal: 'Le binôme reprend le suivi.',
    takeover: 'Le service concerné',
  });
  const sampleIds: string[] = [];
  const chunk = 5000;
  const t1 = Date.now();

  for (let i = 0; i < options.experiments; i++) {
    const organizationIndex = rand.weighted(byWeight);
    const org = organizations[organizationIndex];
    const id = randomUUID();
    const state = rand.weighted(STATE_WEIGHTS);
    const pilots = [rand.pick(org.pilots), ...(rand.next() < 0.3 ? [rand.pick(org.pilots)] : [])];
    const uniquePilots = [...new Set(pilots)];
    const sponsor = rand.pick(org.sponsors);
    const participantIds = [
      ...new Set([rand.pick(org.members), rand.pick(org.members), rand.pick(org.members)]),
    ];
    const title = `${rand.pick(ACTIONS)} ${rand.pick(OBJECTS)} ${rand.pick(PLACES)} n°${i + 1}`;
    const hypothesis = `Si nous essayons « ${title.toLowerCase()} », alors les usagers attendront moins et les agent·es gagneront en autonomie.`;

    // The dates of its story, from its state.
    let created: number;
    let launched: number | null = null;
    let expires: number | null = null;
    let stopped: number | null = null;
    let submitted: number | null = null;
    let decided: number | null = null;
    let cancelled: number | null = null;
    const day = DAY_MS;
    if (state === 'draft') created = now - rand.int(0, 120) * day;
    else if (state === 'running') {
      launched = now - rand.int(5, 300) * day;
      expires = Math.min(launched + 365 * day, now + rand.int(1, 300) * day);
      created = launched - rand.int(3, 40) * day;
    } else if (state === 'cancelled') {
      created = now - rand.int(30, 900) * day;
      if (rand.next() < 0.5) launched = created + rand.int(3, 30) * day;
      cancelled = (launched ?? created) + rand.int(5, 60) * day;
    } else {
      // Stopped: evaluating, deciding or decided.
      if (state === 'evaluating') stopped = now - rand.int(1, 60) * day;
      else if (state === 'deciding') {
        submitted = now - rand.int(1, 50) * day;
        stopped = submitted - rand.int(5, 40) * day;
      } else {
        decided = now - rand.int(5, 900) * day;
        submitted = decided - rand.int(5, 40) * day;
        stopped = submitted - rand.int(5, 40) * day;
      }
      launched = stopped - rand.int(60, 365) * day;
      expires = stopped;
      created = launched - rand.int(3, 40) * day;
    }
    const early = stopped !== null && rand.next() < 0.1;
    const evaluationDue = stopped !== null ? stopped + 30 * day : null;
    const decisionDue = submitted !== null ? submitted + 30 * day : null;
    const algeco =
      (state === 'evaluating' && evaluationDue !== null && now > evaluationDue + 14 * day) ||
      (state === 'deciding' && decisionDue !== null && now > decisionDue + 14 * day);

    let version = 0;
    const key = (event: string) => `${id}:${++version}:${event}`;
    const audit = (
      event: string,
      from: string | null,
      to: string,
      at: number,
      actor: string | null,
      details = '{}',
    ) => audits.push(key(event), org.id, id, event, from, to, actor, null, details, iso(at));
    const notify = (event: string, recipients: string[], at: number) => {
      const k = key(`notify:${event}`);
      for (const recipient of recipients) {
        notifications.push(
          randomUUID(),
          `${k}:${recipient}`,
          org.id,
          id,
          recipient,
          event,
          `${title} : ${event}`,
          `Le test « ${title} » : ${event}.`,
          `http://localhost:5173/#/experiments/${id}/show`,
          now - at > 30 * day ? iso(at + day) : null,
          iso(at),
        );
      }
    };
    const everyone = [...uniquePilots, sponsor, ...participantIds];
    audit('create', null, 'draft', created, org.hr);

    let lastCheckIn: number | null = null;
    let lastWeather: string | null = null;
    if (launched !== null) {
      audit('launch', 'draft', 'running', launched, org.hr, '{"checkInCadenceDays":14}');
      notify('launched', everyone, launched);
      const end = Math.min(stopped ?? cancelled ?? now, now);
      let n = 0;
      for (let at = launched + 14 * day; at < end && n < 26; at += 14 * day, n++) {
        if (rand.next() < 0.15) continue; // a missed check-in
        const weather = rand.weighted(WEATHER_WEIGHTS);
        const k = key('checkIn');
        checkIns.push(
          randomUUID(),
          k,
          org.id,
          id,
          uniquePilots[0],
          weather,
          'Point d’étape : le test avance, retours des usagers recueillis.',
          weather === 'stormy' ? 'Manque de disponibilité des équipes.' : '',
          iso(at),
        );
        audits.push(k, org.id, id, 'checkIn', 'running', 'running', uniquePilots[0], null, '{}', iso(at));
        lastCheckIn = at;
        lastWeather = weather;
      }
      if (expires !== null) {
        for (const days of [14, 7, 1]) {
          const at = expires - days * day;
          if (at > launched && at < Math.min(stopped ?? now, now))
            notify('preExpiryReminder', [...uniquePilots, sponsor], at);
        }
      }
    }
    if (cancelled !== null) {
      audit('cancel', launched !== null ? 'running' : 'draft', 'cancelled', cancelled, org.hr);
      notify('cancelled', [...uniquePilots, sponsor], cancelled);
    }
    if (stopped !== null) {
      audit(early ? 'stopEarly' : 'expire', 'running', 'evaluating', stopped, early ? sponsor : null);
      notify('stopped', [...everyone, org.hr], stopped);
      if (state === 'evaluating' && evaluationDue !== null && now > evaluationDue) {
        audit('evaluationOverdue', 'evaluating', 'evaluating', evaluationDue, null);
        notify('evaluationOverdue', [sponsor, ...uniquePilots], evaluationDue);
      }
    }
    if (submitted !== null && evaluationDue !== null) {
      const verdict = rand.pick(['confirmed', 'partly_confirmed', 'refuted', 'inconclusive']);
      evaluations.push(
        id,
        org.id,
        verdict,
        JSON.stringify([
          { criterionId: 'usagers', result: '74 % de satisfaits', met: true },
          { criterionId: 'agents', result: 'Charge stable', met: rand.next() < 0.7 },
        ]),
        JSON.stringify({ sources: ['questionnaire', 'entretiens'], count: rand.int(8, 120), noneReason: '' }),
        'Ce qui a marché, ce qui a coincé, et ce que nous garderions.',
        criteria,
        submitted <= evaluationDue,
        uniquePilots[0],
        iso(submitted),
      );
      audit(
        'submitEvaluation',
        'evaluating',
        'deciding',
        submitted,
        uniquePilots[0],
        `{"verdict":"${verdict}"}`,
      );
      notify('evaluationSubmitted', [sponsor, ...uniquePilots, org.codir], submitted);
    }
    if (decided !== null && decisionDue !== null) {
      const outcome = state === 'perpetuated' ? 'perpetuate' : state === 'abandoned' ? 'abandon' : 'iterate';
      decisions.push(
        id,
        org.id,
        outcome,
        'La décision du comité, motivée.',
        decided <= decisionDue,
        sponsor,
        iso(decided),
      );
      const event =
        state === 'perpetuated'
          ? 'decidePerpetuate'
          : state === 'abandoned'
            ? 'decideAbandon'
            : 'decideIterate';
      audit(event, 'deciding', state, decided, sponsor, `{"outcome":"${outcome}"}`);
      notify('decided', [...everyone, org.hr], decided);
    }

    experiments.push(
      id,
      experimentWorkflowId(id),
      org.id,
      rand.pick(TRACKS),
      title,
      hypothesis,
      'Des services publics plus proches, sans agent·es épuisé·es.',
      'Deux services volontaires et leurs usagers',
      state,
      sponsor,
      `{${uniquePilots.join(',')}}`,
      JSON.stringify(participantIds.map((userId) => ({ userId, consentedAt: iso(created + day) }))),
      criteria,
      exitPlan,
      launched !== null ? settings : null,
      launched !== null ? iso(launched) : null,
      expires !== null ? iso(expires) : null,
      expires !== null ? iso(expires) : null,
      stopped !== null ? iso(stopped) : null,
      stopped !== null ? (early ? 'early' : 'expired') : null,
      evaluationDue !== null ? iso(evaluationDue) : null,
      decisionDue !== null ? iso(decisionDue) : null,
      algeco,
      lastCheckIn !== null ? iso(lastCheckIn) : null,
      lastWeather,
      org.hr,
      iso(created),
      iso(
        Math.max(created, decided ?? submitted ?? stopped ?? cancelled ?? lastCheckIn ?? launched ?? created),
      ),
    );
    if (organizationIndex === 0 && lastCheckIn !== null && sampleIds.length < 1000) sampleIds.push(id);

    if (experiments.size >= chunk || i === options.experiments - 1) {
      await flushAll();
      const seconds = (Date.now() - t1) / 1000;
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      step(
        `  experiments ${counts.experiments.toLocaleString('en-US')}/${options.experiments.toLocaleString('en-US')}; ` +
          `check-ins ${counts.check_ins.toLocaleString('en-US')}, audit ${counts.audit_events.toLocaleString('en-US')}, ` +
          `notifications ${counts.notifications.toLocaleString('en-US')}; ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s`,
      );
    }
  }
  step('  VACUUM ANALYZE (as autovacuum would have)…');
  await pool.query('VACUUM (ANALYZE)');
  await pool.end();
  const loadSeconds = (Date.now() - t0) / 1000;
  step(`  loaded in ${loadSeconds.toFixed(1)} s`);
  const org0 = organizations[0];
  const emailOf = (userId: string) => users.find((u) => u.id === userId)?.email as string;
  return {
    url,
    organizations,
    adminEmail: adminUser.email,
    emails: { hr: emailOf(org0.hr), codir: emailOf(org0.codir), pilot: emailOf(org0.pilots[0]) },
    sampleIds,
    counts,
    loadSeconds,
  };
}

let shared: Promise<Dataset> | undefined;
let sharedKey = '';

/** One dataset per run, shared by the API and back-office benchmarks. */
export function sharedDataset(
  pg: Postgres,
  options: { experiments: number; organizations: number },
): Promise<Dataset> {
  const key = `${options.experiments}/${options.organizations}`;
  if (!shared || key !== sharedKey) {
    sharedKey = key;
    shared = loadDataset(pg, options);
  }
  return shared;
}
