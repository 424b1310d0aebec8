import { DataSource } from 'typeorm';
import { EvaluationEntity, ExperimentEntity, TestimonyEntity, UserEntity } from '@capacites/persistence';
import { ConsentService } from '../../src/experiments/consent.service';
import { ExperimentLifecycleService } from '../../src/experiments/experiment-lifecycle.service';
import { ExperimentsService } from '../../src/experiments/experiments.service';
import { DEMO_EXPERIMENTS } from '../../src/seed/demo-data';
import { SeedService } from '../../src/seed/seed.service';
import { startStack, type TestStack } from '../support/stack';

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
    const shared = await stack.db.getRepository(EvaluationEntity).findBy({});
    expect(shared.map((e) => e.learningsSharedAt !== null)).toEqual([true]);

    const second = await seed.seedDemo();
    expect(second.experimentsCreated).toBe(0);
    expect(await stack.db.getRepository(ExperimentEntity).count()).toBe(rows.length);
    expect(await stack.db.getRepository(UserEntity).count()).toBe(first.users);
    expect(await stack.db.getRepository(TestimonyEntity).count()).toBe(4);
  });
});
