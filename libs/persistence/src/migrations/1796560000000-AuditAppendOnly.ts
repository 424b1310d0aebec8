import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail becomes append-only and tamper-evident (issue 17, item 4):
 * - each row carries `hash` = SHA-256 of its canonical text (AUDIT_CANONICAL_TEXT_SQL) and of
 *   the previous row's hash in its chain (one chain per organisation, one for the platform),
 *   set by a BEFORE INSERT trigger, so that every writer (API, worker, CLI) chains alike;
 * - UPDATE, DELETE and TRUNCATE are refused by triggers (even for the table's owner or a
 *   superuser) and revoked from the application's role;
 * - `npm run audit:verify` recomputes the chains outside the database (apps/api/src/cli).
 * Appends to one chain are serialised by a transaction-scoped advisory lock; a UNIQUE
 * (chain_key, chain_seq) index makes a forked chain an error rather than a silent branch.
 */
export class AuditAppendOnly1796560000000 implements MigrationInterface {
  name = 'AuditAppendOnly1796560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "audit_events"
        ADD COLUMN "chain_key" text,
        ADD COLUMN "chain_seq" bigint,
        ADD COLUMN "previous_hash" text,
        ADD COLUMN "hash" text
    `);
    // The canonical text of a row: a JSON array (jsonb's text form is deterministic: keys
    // sorted, no insignificant spaces), the instant in UTC with microseconds.
    await queryRunner.query(`
      CREATE FUNCTION "audit_event_canonical"("previous" text, "r" "audit_events") RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT jsonb_build_array(
          "previous", "r"."chain_key", "r"."chain_seq", "r"."idempotency_key",
          "r"."organization_id", "r"."experiment_id", "r"."event", "r"."from_state",
          "r"."to_state", "r"."actor_id", "r"."reason", "r"."details",
          to_char("r"."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
        )::text
      $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION "audit_events_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        "last" record;
      BEGIN
        NEW."chain_key" := coalesce(NEW."organization_id"::text, 'platform');
        PERFORM pg_advisory_xact_lock(hashtextextended('audit_events:' || NEW."chain_key", 0));
        SELECT "chain_seq", "hash" INTO "last" FROM "audit_events"
          WHERE "chain_key" = NEW."chain_key" ORDER BY "chain_seq" DESC LIMIT 1;
        NEW."chain_seq" := coalesce("last"."chain_seq", 0) + 1;
        NEW."previous_hash" := "last"."hash";
        NEW."hash" := encode(sha256(convert_to(audit_event_canonical(NEW."previous_hash", NEW), 'UTF8')), 'hex');
        RETURN NEW;
      END $$
    `);
    // Existing rows: chained in the order they were written.
    await queryRunner.query(`
      UPDATE "audit_events" a SET "chain_key" = coalesce(a."organization_id"::text, 'platform'),
        "chain_seq" = o."seq"
      FROM (SELECT "id", row_number() OVER (PARTITION BY coalesce("organization_id"::text, 'platform') ORDER BY "id") AS "seq"
            FROM "audit_events") o
      WHERE o."id" = a."id"
    `);
    await queryRunner.query(`
      DO $$
      DECLARE
        "r" "audit_events";
        "previous" text;
        "current_chain" text;
      BEGIN
        FOR "r" IN SELECT * FROM "audit_events" ORDER BY "chain_key", "chain_seq" LOOP
          IF "current_chain" IS DISTINCT FROM "r"."chain_key" THEN
            "previous" := NULL;
            "current_chain" := "r"."chain_key";
          END IF;
          "r"."previous_hash" := "previous";
          "r"."hash" := encode(sha256(convert_to(audit_event_canonical("previous", "r"), 'UTF8')), 'hex');
          UPDATE "audit_events" SET "previous_hash" = "r"."previous_hash", "hash" = "r"."hash" WHERE "id" = "r"."id";
          "previous" := "r"."hash";
        END LOOP;
      END $$
    `);
    await queryRunner.query(`
      ALTER TABLE "audit_events"
        ALTER COLUMN "chain_key" SET NOT NULL,
        ALTER COLUMN "chain_seq" SET NOT NULL,
        ALTER COLUMN "hash" SET NOT NULL
    `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_audit_events_chain" ON "audit_events" ("chain_key", "chain_seq")`,
    );
    await queryRunner.query(`
      CREATE TRIGGER "audit_events_chain" BEFORE INSERT ON "audit_events"
      FOR EACH ROW EXECUTE FUNCTION "audit_events_chain"()
    `);
    await queryRunner.query(`
      CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'audit rows are never changed nor removed';
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER "audit_events_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_events"
      FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"()
    `);
    await queryRunner.query(`
      CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
      FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"()
    `);
    // The application's role (the one running the migrations) loses the privileges too: an
    // UPDATE is then refused before any trigger runs, unless a superuser grants it back.
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_events" FROM PUBLIC`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_events" FROM CURRENT_USER`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`GRANT UPDATE, DELETE, TRUNCATE ON "audit_events" TO CURRENT_USER`);
    await queryRunner.query(`DROP TRIGGER "audit_events_no_truncate" ON "audit_events"`);
    await queryRunner.query(`DROP TRIGGER "audit_events_no_update_delete" ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION "audit_events_append_only"()`);
    await queryRunner.query(`DROP TRIGGER "audit_events_chain" ON "audit_events"`);
    await queryRunner.query(`DROP INDEX "uq_audit_events_chain"`);
    await queryRunner.query(`DROP FUNCTION "audit_events_chain"()`);
    await queryRunner.query(`DROP FUNCTION "audit_event_canonical"(text, "audit_events")`);
    await queryRunner.query(`
      ALTER TABLE "audit_events"
        DROP COLUMN "hash", DROP COLUMN "previous_hash", DROP COLUMN "chain_seq", DROP COLUMN "chain_key"
    `);
  }
}
