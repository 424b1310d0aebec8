import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OpenID Connect accounts are linked by the provider's (issuer, subject), not by email:
 * a reassigned mailbox does not inherit an account. `oidc_allowed` is the admin's consent
 * to link an account on its first federated login when the provider does not assert a
 * verified email (ProConnect does not send `email_verified`).
 */
export class OidcIdentity1796545654868 implements MigrationInterface {
  name = 'OidcIdentity1796545654868';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "oidc_allowed" boolean NOT NULL DEFAULT false,
            ADD "oidc_issuer" text,
            ADD "oidc_subject" text,
            ADD "oidc_linked_at" timestamptz,
            ADD CONSTRAINT "CHK_users_oidc_pair" CHECK (("oidc_issuer" IS NULL) = ("oidc_subject" IS NULL)),
            ADD CONSTRAINT "UQ_users_oidc_identity" UNIQUE ("oidc_issuer", "oidc_subject")
        `);
    // Accounts created for ProConnect only (no password), and accounts that have already
    // logged in through the provider, keep working: their first login after this links them.
    await queryRunner.query(`
            UPDATE "users" u SET "oidc_allowed" = true
             WHERE u."password_hash" IS NULL
                OR EXISTS (SELECT 1 FROM "sessions" s WHERE s."user_id" = u."id" AND s."id_token" IS NOT NULL)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users"
            DROP CONSTRAINT "UQ_users_oidc_identity",
            DROP CONSTRAINT "CHK_users_oidc_pair",
            DROP COLUMN "oidc_linked_at",
            DROP COLUMN "oidc_subject",
            DROP COLUMN "oidc_issuer",
            DROP COLUMN "oidc_allowed"
        `);
  }
}
