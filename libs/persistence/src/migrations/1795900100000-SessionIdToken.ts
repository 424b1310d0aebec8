import { MigrationInterface, QueryRunner } from 'typeorm';

/** The ID token of sessions opened through OpenID Connect, for the provider's logout. */
export class SessionIdToken1795900100000 implements MigrationInterface {
  name = 'SessionIdToken1795900100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD "id_token" text
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "sessions" DROP COLUMN "id_token"
        `);
  }
}
