// `npm start` runs this once the worker is up: migrations, then the demo data (only in
// its embedded PostgreSQL outside production, or with CAPACITES_SEED_DEMO=true: seed-guard.ts).
// Usage: node -r ./scripts/register.cjs apps/api/src/cli/prepare.ts [--migrate-only]
import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { runMigrations } from '@capacites/persistence';
import { AppModule } from '../app.module';
import { loadApiConfig } from '../config/api.config';
import { demoSeedDecision, SEED_REFUSED_EXIT_CODE } from '../seed/seed-guard';
import { SeedModule } from '../seed/seed.module';
import { SeedService } from '../seed/seed.service';

async function main(): Promise<void> {
  const migrateOnly = process.argv.includes('--migrate-only');
  // Refuse before touching anything: a refused seed changes nothing, not even the schema.
  const decision = migrateOnly ? null : demoSeedDecision(process.env);
  if (decision && !decision.allowed) {
    console.error(`demo data refused: ${decision.reason}`);
    process.exit(SEED_REFUSED_EXIT_CODE);
  }
  const config = loadApiConfig();
  const applied = await runMigrations({ url: config.DATABASE_URL });
  console.log(
    applied.length > 0 ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date',
  );
  if (migrateOnly) return;
  console.log(`seed: demo data allowed (${decision?.reason})`);

  @Module({ imports: [AppModule.forConfig(config), SeedModule] })
  class SeedAppModule {}
  const app = await NestFactory.createApplicationContext(SeedAppModule, { logger: ['error', 'warn'] });
  try {
    const report = await app.get(SeedService).seedDemo((message) => console.log(`seed: ${message}`));
    console.log(
      `demo data: ${report.organizations} organisations, ${report.users} users, ${report.experimentsCreated} new experiments, ${report.experimentsImported} imported (history)`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  new Logger('Prepare').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
