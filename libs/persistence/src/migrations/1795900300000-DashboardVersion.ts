import { MigrationInterface, QueryRunner } from 'typeorm';

// What the CODIR dashboard shows comes from these tables.
const TABLES = ['experiments', 'evaluations', 'decisions', 'tracks', 'organizations'];

/**
 * A version of the dashboard's data (benchmarks, docs/benchmarks.md): a sequence moved by
 * every write to the tables it reads. The API serves one computed dashboard per scope
 * while the version stays the same. The row triggers are deferred constraint triggers, so
 * that the version moves when the writing transaction commits, not before (a dashboard
 * computed in between would otherwise be kept under the new version); a sequence is not
 * transactional, so reading it costs nothing and blocks no one.
 */
export class DashboardVersion1795900300000 implements MigrationInterface {
  name = 'DashboardVersion1795900300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "dashboard_version_seq"`);
    await queryRunner.query(`
            CREATE FUNCTION "bump_dashboard_version"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM nextval('dashboard_version_seq');
              RETURN NULL;
            END $$
        `);
    for (const table of TABLES) {
      await queryRunner.query(`
            CREATE CONSTRAINT TRIGGER "dashboard_version_${table}"
            AFTER INSERT OR UPDATE OR DELETE ON "${table}"
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE FUNCTION "bump_dashboard_version"()
        `);
      await queryRunner.query(`
            CREATE TRIGGER "dashboard_version_${table}_truncate"
            AFTER TRUNCATE ON "${table}"
            FOR EACH STATEMENT EXECUTE FUNCTION "bump_dashboard_version"()
        `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`DROP TRIGGER "dashboard_version_${table}_truncate" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "dashboard_version_${table}" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "bump_dashboard_version"()`);
    await queryRunner.query(`DROP SEQUENCE "dashboard_version_seq"`);
  }
}
