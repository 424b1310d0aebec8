import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One account per email address whatever its case: `Marie.Dupont@…` and `marie.dupont@…`
 * are the same mailbox (logins and ProConnect compare them without case). Two accounts
 * differing only by case are not merged here, nor is either deleted: the migration stops
 * and says how to find them, so that an administrator decides which one stays.
 */
export class UserEmailCaseInsensitive1796544708056 implements MigrationInterface {
  name = 'UserEmailCaseInsensitive1796544708056';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const [{ addresses }]: { addresses: number }[] = await queryRunner.query(`
            SELECT count(*)::int AS addresses FROM (
              SELECT lower(email) FROM users GROUP BY lower(email) HAVING count(*) > 1
            ) AS duplicated
        `);
    if (addresses > 0) {
      throw new Error(
        `Migration UserEmailCaseInsensitive stopped: ${addresses} email address(es) belong to several accounts ` +
          `that differ only by letter case, so a unique index on lower(email) cannot be created. ` +
          `Nothing was changed. List them with: SELECT lower(email), array_agg(id) FROM users ` +
          `GROUP BY lower(email) HAVING count(*) > 1; then keep one account per address (disable the ` +
          `others and give them another email) and run the migrations again.`,
      );
    }
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email_lower" ON "users" (lower("email"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_users_email_lower"`);
  }
}
