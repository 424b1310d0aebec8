import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from 'argon2';
import type { Principal, Role } from '@capacites/domain';
import { DataSource, In } from 'typeorm';
import {
  EvaluationEntity,
  ExperimentEntity,
  MembershipEntity,
  OrganizationEntity,
  TestimonyEntity,
  TrackEntity,
  UserEntity,
} from '@capacites/persistence';
import { ExperimentsService } from '../experiments/experiments.service';
import { ExperimentLifecycleService } from '../experiments/experiment-lifecycle.service';
import { ConsentService } from '../experiments/consent.service';
import { ImportsService, importedExperimentId, importRowKey } from '../imports/imports.service';
import { ReplicationsService } from '../replications/replications.service';
import { DEMO_REPLICATIONS, demoHistoryRows } from './demo-history';
import {
  DEMO_EXPERIMENTS,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_TESTIMONY,
  demoUsers,
  type DemoExperiment,
} from './demo-data';

const DAY_MS = 86_400_000;
const principal = (userId: string, organizationId: string, role: Role): Principal => ({
  userId,
  memberships: [{ organizationId, role }],
});
const dateInDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

export interface SeedReport {
  organizations: number;
  users: number;
  experimentsCreated: number;
  /** Tests brought in through the import path: each organisation's two years of history. */
  experimentsImported: number;
}

/** Seeds the demo data idempotently: a second run changes nothing. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly experiments: ExperimentsService,
    private readonly lifecycle: ExperimentLifecycleService,
    private readonly consents: ConsentService,
    private readonly imports: ImportsService,
    private readonly replications: ReplicationsService,
  ) {}

  async seedDemo(progress: (message: string) => void = () => undefined): Promise<SeedReport> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(OrganizationEntity)
      .values(DEMO_ORGANIZATIONS)
      .orIgnore()
      .execute();
    progress(`${DEMO_ORGANIZATIONS.length} organisations`);

    const users = demoUsers();
    const passwordHash = await hash(DEMO_PASSWORD);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(users.map(({ id, email, displayName }) => ({ id, email, displayName, passwordHash })))
      .orIgnore()
      .execute();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(MembershipEntity)
      .values(users.map(({ id, organizationId, role }) => ({ userId: id, organizationId, role })))
      .orIgnore()
      .execute();
    progress(`${users.length} demo users`);

    let experimentsCreated = 0;
    for (const [index, demo] of DEMO_EXPERIMENTS.entries()) {
      const organization = DEMO_ORGANIZATIONS.find((o) => o.slug === demo.organizationSlug);
      const track = await this.dataSource.getRepository(TrackEntity).findOneBy({ slug: demo.trackSlug });
      if (!organization || !track)
        throw new Error(`demo data refers to unknown ${demo.organizationSlug} / ${demo.trackSlug}`);
      const exists = await this.dataSource
        .getRepository(ExperimentEntity)
        .existsBy({ organizationId: organization.id, title: demo.title });
      if (exists) continue;
      const people = (role: string) =>
        users.find((u) => u.organizationId === organization.id && u.role === role)?.id as string;
      const created = await this.experiments.create(
        {
          organizationId: organization.id,
          trackId: track.id,
          title: demo.title,
          hypothesis: demo.hypothesis,
          vision: demo.vision,
          scope: demo.scope,
        },
        principal(people('hr'), organization.id, 'hr'),
      );
      await this.bringToStage(created.id, demo, organization.id, {
        hr: people('hr'),
        pilot: people('pilot'),
        sponsor: people('sponsor'),
        member: people('member'),
      });
      experimentsCreated += 1;
      progress(`experiment ${index + 1}/${DEMO_EXPERIMENTS.length}: ${demo.title} (${demo.stage.stage})`);
    }
    const experimentsImported = await this.importHistory(users, progress);
    this.logger.log(
      `demo data ready (${experimentsCreated} experiments created, ${experimentsImported} imported)`,
    );
    return {
      organizations: DEMO_ORGANIZATIONS.length,
      users: users.length,
      experimentsCreated,
      experimentsImported,
    };
  }

  /**
   * Two years of tests per organisation, through the import path (dry run, then the import
   * workflow), as HR would bring them in from a spreadsheet. Skipped when every row is there.
   */
  private async importHistory(
    users: ReturnType<typeof demoUsers>,
    progress: (message: string) => void,
  ): Promise<number> {
    let imported = 0;
    for (const [index, organization] of DEMO_ORGANIZATIONS.entries()) {
      const rows = demoHistoryRows(organization, index);
      const ids = rows.map((row) => importedExperimentId(organization.id, importRowKey(row)));
      const existing = await this.dataSource.getRepository(ExperimentEntity).countBy({ id: In(ids) });
      if (existing === ids.length) continue;
      const hr = users.find((u) => u.organizationId === organization.id && u.role === 'hr')?.id ?? null;
      const report = await this.imports.prepare(organization.id, 'historique-demo.xlsx', rows, hr);
      if (report.status !== 'validated')
        throw new Error(
          `demo history of ${organization.slug} is invalid: ${report.errors.map((e) => `row ${e.row} ${e.column}: ${e.message}`).join('; ')}`,
        );
      await this.imports.run(report.id, null);
      const result = await this.imports.waitFor(report.id);
      imported += result.created;
      progress(`${organization.name}: ${result.created} tests imported (two years of history)`);
    }
    await this.replicateDemoTests(users, progress);
    return imported;
  }

  /** A few tests of the history copied as drafts into another organisation (essaimage), once. */
  private async replicateDemoTests(
    users: ReturnType<typeof demoUsers>,
    progress: (message: string) => void,
  ): Promise<void> {
    for (const replication of DEMO_REPLICATIONS) {
      const from = DEMO_ORGANIZATIONS.find((o) => o.slug === replication.from);
      const to = DEMO_ORGANIZATIONS.find((o) => o.slug === replication.to);
      const hr = users.find((u) => u.organizationId === to?.id && u.role === 'hr');
      if (!from || !to || !hr)
        throw new Error(`demo replication refers to unknown ${replication.from} / ${replication.to}`);
      const sourceId = importedExperimentId(from.id, `ref:${replication.fromReference}`);
      const done = await this.dataSource
        .getRepository(ExperimentEntity)
        .existsBy({ replicatedFromId: sourceId, organizationId: to.id });
      if (done) continue;
      await this.replications.replicateUnchecked({ sourceId, organizationId: to.id, actorId: hr.id });
      progress(`replication of ${replication.fromReference} into ${to.name}`);
    }
  }

  /** Takes a demo experiment through the real lifecycle (its workflow) to its demo stage. */
  private async bringToStage(
    id: string,
    demo: DemoExperiment,
    organizationId: string,
    people: { hr: string; pilot: string; sponsor: string; member: string },
  ): Promise<void> {
    const hr = principal(people.hr, organizationId, 'hr');
    const pilot = principal(people.pilot, organizationId, 'pilot');
    if (demo.stage.stage === 'draft') {
      await this.lifecycle.updateFraming(id, { pilotIds: [people.pilot], criteria: demo.criteria }, hr);
      return;
    }
    await this.lifecycle.updateFraming(
      id,
      {
        criteria: demo.criteria,
        pilotIds: [people.pilot],
        sponsorId: people.sponsor,
        participants: [{ userId: people.member }],
        expiresOn: dateInDays(demo.stage.stage === 'running' ? demo.stage.days : 60),
        checkInCadenceDays: 14,
        exitPlan: {
          pilotWithdrawal: 'À la fin du test',
          takeover: "L'équipe testeuse, avec sa ou son manager",
        },
      },
      hr,
    );
    // Consent is the participant's own act, in the demo too.
    await this.consents.setOwn(id, true, principal(people.member, organizationId, 'member'));
    if (demo.stage.stage === 'expiring') {
      // The API takes whole days; the demo wants an expiry a few minutes away.
      await this.dataSource
        .getRepository(ExperimentEntity)
        .update({ id }, { expiresAt: new Date(Date.now() + demo.stage.minutes * 60_000) });
    }
    await this.lifecycle.launch(id, pilot);
    await this.lifecycle.recordCheckIn(id, pilot, {
      weather: 'sunny',
      progress: 'Les équipes testeuses sont lancées.',
      blockers: '',
    });
    // The voice of the test's users, collected as it runs (words from the source report).
    await this.dataSource.getRepository(TestimonyEntity).insert({
      id: randomUUID(),
      organizationId,
      experimentId: id,
      quote: DEMO_TESTIMONY,
      speaker: '',
      speakerRole: 'Agent·e de l’équipe testeuse',
      source: 'interview',
      collectedAt: dateInDays(0),
      shareable: true,
      authorId: people.pilot,
    });
    if (demo.stage.stage === 'expiring' || demo.stage.stage === 'running') return;
    await this.lifecycle.stopEarly(id, pilot, 'Assez de recul pour évaluer');
    if (demo.stage.stage === 'evaluating') return;
    await this.lifecycle.submitEvaluation(id, pilot, {
      verdict: 'partly_confirmed',
      criterionResults: demo.criteria.map((c) => ({
        criterionId: c.id,
        result: 'Atteint en partie',
        met: null,
      })),
      usersVoice: { sources: ['entretiens', 'témoignages'], count: 9, noneReason: '' },
      learnings:
        'Des outils simples, conçus avec les agent·es et réadaptés au fil de l’eau, valent mieux qu’un dispositif lourd.',
    });
    // Shared with the network, so that other organisations see what was learnt.
    await this.dataSource
      .getRepository(EvaluationEntity)
      .update({ experimentId: id }, { learningsSharedAt: new Date(), learningsSharedBy: people.hr });
  }
}
