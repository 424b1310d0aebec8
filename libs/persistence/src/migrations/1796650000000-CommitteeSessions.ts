import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Committee sessions (séances du CODIR) with their agenda and minutes, the documents kept
 * with them (the minutes' PDF, immutable: a trigger refuses any change), and the read-only
 * share links (only the token's hash is kept).
 */
export class CommitteeSessions1796650000000 implements MigrationInterface {
  name = 'CommitteeSessions1796650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "committee_sessions" (
                "id" uuid NOT NULL,
                "organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE RESTRICT,
                "title" text NOT NULL,
                "held_on" date NOT NULL,
                "status" text NOT NULL DEFAULT 'planned' CHECK ("status" IN ('planned', 'recorded')),
                "items" jsonb NOT NULL DEFAULT '[]'::jsonb,
                "attendees" jsonb NOT NULL DEFAULT '[]'::jsonb,
                "recording_claimed_at" timestamptz,
                "recorded_at" timestamptz,
                "recorded_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
                "created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
                "created_at" timestamptz NOT NULL DEFAULT now(),
                "updated_at" timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT "PK_committee_sessions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "idx_committee_sessions_org_held" ON "committee_sessions" ("organization_id", "held_on")`,
    );
    await queryRunner.query(`
            CREATE TABLE "committee_documents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL REFERENCES "committee_sessions"("id") ON DELETE RESTRICT,
                "kind" text NOT NULL CHECK ("kind" IN ('minutes')),
                "content" bytea NOT NULL,
                "sha256" text NOT NULL,
                "created_at" timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT "PK_committee_documents" PRIMARY KEY ("id"),
                CONSTRAINT "UQ_committee_documents_session_kind" UNIQUE ("session_id", "kind")
            )
        `);
    // A recorded document is the record: nobody rewrites or removes it, the application included.
    await queryRunner.query(`
            CREATE FUNCTION "committee_documents_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'committee documents are immutable' USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_committee_documents_immutable" BEFORE UPDATE OR DELETE ON "committee_documents"
            FOR EACH ROW EXECUTE FUNCTION "committee_documents_immutable"()
        `);
    await queryRunner.query(`
            CREATE TABLE "share_links" (
                "id" uuid NOT NULL,
                "organization_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE RESTRICT,
                "kind" text NOT NULL CHECK ("kind" IN ('committeePack', 'dashboard')),
                "session_id" uuid REFERENCES "committee_sessions"("id") ON DELETE RESTRICT,
                "recipient" text NOT NULL,
                "token_hash" text NOT NULL,
                "expires_at" timestamptz NOT NULL,
                "revoked_at" timestamptz,
                "revoked_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
                "open_count" integer NOT NULL DEFAULT 0,
                "last_opened_at" timestamptz,
                "created_by" uuid REFERENCES "users"("id") ON DELETE SET NULL,
                "created_at" timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT "PK_share_links" PRIMARY KEY ("id"),
                CONSTRAINT "UQ_share_links_token_hash" UNIQUE ("token_hash"),
                CONSTRAINT "CHK_share_links_session" CHECK (("kind" = 'committeePack') = ("session_id" IS NOT NULL))
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "idx_share_links_org_created" ON "share_links" ("organization_id", "created_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "share_links"`);
    await queryRunner.query(`DROP TABLE "committee_documents"`);
    await queryRunner.query(`DROP FUNCTION "committee_documents_immutable"()`);
    await queryRunner.query(`DROP TABLE "committee_sessions"`);
  }
}
