import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox claims: two activities flushing the outbox at once each read the same waiting
 * rows and sent them twice. A flusher now claims rows (`FOR UPDATE SKIP LOCKED`) by writing
 * its token and a lease; only the holder of the token marks a row sent. A flusher that dies
 * mid-send leaves a lease that expires, after which another one picks the row up.
 */
export class EmailClaims1796544708055 implements MigrationInterface {
  name = 'EmailClaims1796544708055';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "emails" ADD "claim_token" uuid`);
    await queryRunner.query(`ALTER TABLE "emails" ADD "claimed_until" TIMESTAMP WITH TIME ZONE`);
    // What a flush looks for: the waiting emails of some recipients of one organisation.
    await queryRunner.query(`
            CREATE INDEX "idx_emails_outbox" ON "emails" ("organization_id", "to_address")
             WHERE "status" = 'outbox'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_emails_outbox"`);
    await queryRunner.query(`ALTER TABLE "emails" DROP COLUMN "claimed_until"`);
    await queryRunner.query(`ALTER TABLE "emails" DROP COLUMN "claim_token"`);
  }
}
