import { DataSource, IsNull, Not } from 'typeorm';
import {
  AuditEventEntity,
  DecisionEntity,
  EvaluationEntity,
  ExperimentEntity,
  TestimonyEntity,
  UserEntity,
} from '@capacites/persistence';
import { ConsentService } from '../../src/experiments/consent.service';
import { ExperimentLifecycleService } from '../../src/experiments/experiment-lifecycle.service';
import { ExperimentsService } from '../../src/experiments/experiments.service';
import { ImportsService } from '../../src/imports/imports.service';
import { ReplicationsService } from '../../src/replications/replications.service';
import { DEMO_EXPERIMENTS, DEMO_ORGANIZATIONS } from '../../src/seed/demo-data';
import { SeedService } from '../../src/seed/seed.service';
import { startStack, type TestStack } from '../support/stack';
import { waitFor } from '../support/worker-process';

describe('The demo data of npm start', () => {
  let stack: TestStack;
  let seed: SeedService;

  beforeAll(async () => {
    stack = await startStack();
    seed = new SeedService(
      stack.app.get(DataSource),
      stack.app.get(ExperimentsService),
      stack.app.get(ExperimentLifecycleService),
      stack.app.get(ConsentService),
      stack.app.get(ImportsService),
      stack.app.get(ReplicationsService),
    );
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('takes the five tests of the source through their real lifecycle, once, and a second run changes nothing', async () => {
    const first = await seed.seedDemo();
    expect(first.experimentsCreated).toBe(DEMO_EXPERIMENTS.length);
    const rows = await stack.db.getRepository(ExperimentEntity).find();
    const byTitle = Object.fromEntries(rows.map((r) => [r.title, r]));
    expect(byTitle['Classeur médical partagé en crèche'].state).toBe('running');
    expect(
      (byTitle['Classeur médical partagé en crèche'].expiresAt?.getTime() ?? 0) - Date.now(),
    ).toBeLessThan(6 * 60_000);
    expect(byTitle["Une heure d'aquatraining pour les agent·es"].state).toBe('running');
    expect(byTitle['Pacte de micro-mobilité'].state).toBe('evaluating');
    expect(byTitle["Les vendangeur·euses d'initiatives"].state).toBe('deciding');
    expect(byTitle['Les champs de subsidiarité'].state).toBe('draft');

    // Every launched test has a testimony; the one awaiting its decision shares its learnings.
    expect(await stack.db.getRepository(TestimonyEntity).count()).toBe(4);
    const shared = await stack.db
      .getRepository(EvaluationEntity)
      .findBy({ learningsSharedAt: Not(IsNull()) });
    expect(shared.map((e) => e.experimentId)).toEqual([byTitle["Les vendangeur·euses d'initiatives"].id]);

    // Two years of history per organisation, through the import path: every state, every weather,
    // evaluations, decisions, iterations, some overdue.
    expect(first.experimentsImported).toBe(DEMO_ORGANIZATIONS.length * 42);
    for (const organization of DEMO_ORGANIZATIONS) {
      const own = rows.filter((r) => r.organizationId === organization.id);
      expect(own.length).toBeGreaterThanOrEqual(40);
      expect(new Set(own.map((r) => r.state))).toEqual(
        new Set([
          'draft',
          'running',
          'evaluating',
          'deciding',
          'perpetuated',
          'abandoned',
          'iterated',
          'cancelled',
        ]),
      );
      expect(own.filter((r) => r.parentId !== null).length).toBeGreaterThanOrEqual(4);
      const launched = own.filter((r) => r.launchedAt).map((r) => (r.launchedAt as Date).getTime());
      expect(Date.now() - Math.min(...launched)).toBeGreaterThan(365 * 86_400_000);
    }
    expect(new Set(rows.map((r) => r.lastWeather).filter(Boolean))).toEqual(
      new Set(['sunny', 'cloudy', 'stormy']),
    );
    expect(await stack.db.getRepository(DecisionEntity).count()).toBeGreaterThanOrEqual(
      DEMO_ORGANIZATIONS.length * 19,
    );
    // Overdue ones are escalated by their workflows as soon as they start (the dashboard's Algeco alerts).
    await waitFor('an Algeco alert', () =>
      stack.db.getRepository(ExperimentEntity).existsBy({ algeco: true }),
    );
    expect(await stack.db.getRepository(AuditEventEntity).countBy({ event: 'imported' })).toBe(
      first.experimentsImported,
    );

    // Three tests of the history replicated into other organisations, provenance kept.
    const replicas = await stack.db
      .getRepository(ExperimentEntity)
      .findBy({ replicatedFromId: Not(IsNull()) });
    expect(replicas).toHaveLength(3);
    expect(replicas.every((r) => r.state === 'draft')).toBe(true);

    const second = await seed.seedDemo();
    expect(second.experimentsCreated).toBe(0);
    expect(second.experimentsImported).toBe(0);
    expect(await stack.db.getRepository(ExperimentEntity).count()).toBe(rows.length);
    expect(await stack.db.getRepository(UserEntity).count()).toBe(first.users);
    expect(await stack.db.getRepository(TestimonyEntity).count()).toBe(4);
  });
});
