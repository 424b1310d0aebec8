import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from 'argon2';
import { DataSource } from 'typeorm';
import {
  ExperimentEntity,
  MembershipEntity,
  OrganizationEntity,
  TrackEntity,
  UserEntity,
} from '@capacites/persistence';
import { ExperimentsService } from '../experiments/experiments.service';
import { DEMO_EXPERIMENTS, DEMO_ORGANIZATIONS, DEMO_PASSWORD, demoUsers } from './demo-data';

export interface SeedReport {
  organizations: number;
  users: number;
  experimentsCreated: number;
}

/** Seeds the demo data idempotently: a second run changes nothing. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly experiments: ExperimentsService,
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
      await this.experiments.create(
        {
          organizationId: organization.id,
          trackId: track.id,
          title: demo.title,
          hypothesis: demo.hypothesis,
          vision: demo.vision,
          scope: demo.scope,
        },
        null,
      );
      experimentsCreated += 1;
      progress(`experiment ${index + 1}/${DEMO_EXPERIMENTS.length}: ${demo.title}`);
    }
    this.logger.log(`demo data ready (${experimentsCreated} experiments created)`);
    return { organizations: DEMO_ORGANIZATIONS.length, users: users.length, experimentsCreated };
  }
}
