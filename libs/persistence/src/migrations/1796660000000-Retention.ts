import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention and erasure of personal data (issue 17, item 3):
 * - `organizations.retention_days`: the organisation's period after a test closes (null: the
 *   default of libs/domain privacy/retention.ts), bounded;
 * - `experiments.personal_data_removed_at`: when the retention run pseudonymised the test (a
 *   second pass skips it);
 * - `users.erased_at`, `users.pseudonym_experiment_id`: an erased account; the pseudonymous
 *   accounts "Participant N" that stand for a closed test's people;
 * - the narrow path through which personal values leave the append-only audit trail:
 *   `audit_events_redact` (SECURITY DEFINER) replaces `reason` and named `details` values by a
 *   marker, and appends, in the same chain, one record listing each redacted row with its
 *   original hash and the hash of its redacted text. The UPDATE trigger lets through only such a
 *   pure redaction, and only from that function; `npm run audit:verify` accepts a row that no
 *   longer matches its hash only when such a record vouches for it.
 */
export class Retention1796660000000 implements MigrationInterface {
  name = 'Retention1796660000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "organizations" ADD COLUMN "retention_days" int
        CONSTRAINT "chk_organizations_retention_days" CHECK ("retention_days" BETWEEN 30 AND 3650)
    `);
    await queryRunner.query(`ALTER TABLE "experiments" ADD COLUMN "personal_data_removed_at" timestamptz`);
    await queryRunner.query(`
      ALTER TABLE "users"
        ADD COLUMN "erased_at" timestamptz,
        ADD COLUMN "pseudonym_experiment_id" uuid
    `);
    await queryRunner.query(
      `CREATE INDEX "idx_users_pseudonym_experiment" ON "users" ("pseudonym_experiment_id") WHERE "pseudonym_experiment_id" IS NOT NULL`,
    );
    // Closed tests not yet pseudonymised: what the daily run scans.
    await queryRunner.query(`
      CREATE INDEX "idx_experiments_retention_pending" ON "experiments" ("organization_id", "updated_at")
        WHERE "personal_data_removed_at" IS NULL AND "state" IN ('cancelled', 'perpetuated', 'abandoned', 'iterated')
    `);

    // A pure redaction: same row but `reason` and some top-level `details` values replaced by
    // the marker (and nothing else: no key added or removed, no other column touched).
    await queryRunner.query(`
      CREATE FUNCTION "audit_event_is_redaction"("old" "audit_events", "new" "audit_events", "marker" text)
      RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT "new"."id" = "old"."id"
           AND "new"."idempotency_key" = "old"."idempotency_key"
           AND "new"."organization_id" IS NOT DISTINCT FROM "old"."organization_id"
           AND "new"."experiment_id" IS NOT DISTINCT FROM "old"."experiment_id"
           AND "new"."event" = "old"."event"
           AND "new"."from_state" IS NOT DISTINCT FROM "old"."from_state"
           AND "new"."to_state" IS NOT DISTINCT FROM "old"."to_state"
           AND "new"."actor_id" IS NOT DISTINCT FROM "old"."actor_id"
           AND "new"."occurred_at" = "old"."occurred_at"
           AND "new"."chain_key" = "old"."chain_key"
           AND "new"."chain_seq" = "old"."chain_seq"
           AND "new"."previous_hash" IS NOT DISTINCT FROM "old"."previous_hash"
           AND "new"."hash" = "old"."hash"
           AND ("new"."reason" IS NOT DISTINCT FROM "old"."reason"
                OR ("old"."reason" IS NOT NULL AND "new"."reason" = "marker"))
           AND (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(coalesce("new"."details", '{}'::jsonb)) k)
               IS NOT DISTINCT FROM
               (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(coalesce("old"."details", '{}'::jsonb)) k)
           AND NOT EXISTS (
             SELECT 1 FROM jsonb_each(coalesce("new"."details", '{}'::jsonb)) n
              WHERE n.value IS DISTINCT FROM "old"."details" -> n.key
                AND n.value IS DISTINCT FROM to_jsonb("marker"))
      $$
    `);
    // Updates pass only as a pure redaction made inside audit_events_redact (its frame on the
    // call stack); DELETE and TRUNCATE are refused as before.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        "stack" text;
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          GET DIAGNOSTICS "stack" = PG_CONTEXT;
          IF "stack" LIKE '%function audit_events_redact(%'
             AND audit_event_is_redaction(OLD, NEW, '[supprimé]') THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'audit rows are never changed nor removed';
      END $$
    `);
    // A record vouching for redactions is written by audit_events_redact only.
    await queryRunner.query(`
      CREATE FUNCTION "audit_events_redaction_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        "stack" text;
      BEGIN
        IF NEW."details" ? 'redactedAuditRows' THEN
          GET DIAGNOSTICS "stack" = PG_CONTEXT;
          IF "stack" NOT LIKE '%function audit_events_redact(%' THEN
            RAISE EXCEPTION 'audit_events: a redaction record is written by audit_events_redact only'
              USING ERRCODE = 'insufficient_privilege';
          END IF;
        END IF;
        RETURN NEW;
      END $$
    `);
    // Runs before the chaining trigger ("audit_events_chain" sorts after it).
    await queryRunner.query(`
      CREATE TRIGGER "audit_events_a_redaction_guard" BEFORE INSERT ON "audit_events"
      FOR EACH ROW EXECUTE FUNCTION "audit_events_redaction_guard"()
    `);
    // Redacts the given rows of one chain and appends the record that vouches for them, in one
    // transaction. Idempotent by p_idempotency_key: a second call returns the first record's id
    // and changes nothing. The owner's UPDATE privilege (revoked by AuditAppendOnly) is granted
    // for this transaction only, on the two columns, then revoked again.
    await queryRunner.query(`
      CREATE FUNCTION "audit_events_redact"(
        "p_ids" bigint[], "p_keys" text[], "p_chain_organization_id" uuid, "p_experiment_id" uuid,
        "p_event" text, "p_actor_id" uuid, "p_idempotency_key" text, "p_details" jsonb,
        "p_occurred_at" timestamptz)
      RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        "marker" constant text := '[supprimé]';
        "existing" bigint;
        "r" "audit_events";
        "redacted" "audit_events";
        "proofs" jsonb := '[]'::jsonb;
        "new_details" jsonb;
        "k" text;
        "inserted" bigint;
      BEGIN
        IF "p_event" NOT IN ('retention.pseudonymised', 'user.erased') THEN
          RAISE EXCEPTION 'audit_events_redact: unknown event %', "p_event";
        END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('audit_events:redact', 0));
        SELECT "id" INTO "existing" FROM "audit_events" WHERE "idempotency_key" = "p_idempotency_key";
        IF "existing" IS NOT NULL THEN
          RETURN "existing";
        END IF;
        EXECUTE format('GRANT UPDATE ("reason", "details") ON "audit_events" TO %I', current_user);
        FOR "r" IN SELECT * FROM "audit_events"
                    WHERE "id" = ANY("p_ids")
                      AND "chain_key" = coalesce("p_chain_organization_id"::text, 'platform')
                    ORDER BY "chain_seq" LOOP
          "redacted" := "r";
          IF "r"."reason" IS NOT NULL THEN
            "redacted"."reason" := "marker";
          END IF;
          "new_details" := coalesce("r"."details", '{}'::jsonb);
          FOREACH "k" IN ARRAY "p_keys" LOOP
            IF "new_details" ? "k" THEN
              "new_details" := jsonb_set("new_details", ARRAY["k"], to_jsonb("marker"));
            END IF;
          END LOOP;
          "redacted"."details" := "new_details";
          CONTINUE WHEN "redacted"."reason" IS NOT DISTINCT FROM "r"."reason"
                    AND "redacted"."details" = coalesce("r"."details", '{}'::jsonb);
          UPDATE "audit_events" SET "reason" = "redacted"."reason", "details" = "redacted"."details"
           WHERE "id" = "r"."id";
          "proofs" := "proofs" || jsonb_build_object(
            'id', "r"."id"::text,
            'seq', "r"."chain_seq"::text,
            'hash', "r"."hash",
            'redactedHash', encode(sha256(convert_to(audit_event_canonical("r"."previous_hash", "redacted"), 'UTF8')), 'hex'));
        END LOOP;
        EXECUTE format('REVOKE UPDATE ("reason", "details") ON "audit_events" FROM %I', current_user);
        INSERT INTO "audit_events" ("idempotency_key", "organization_id", "experiment_id", "event", "actor_id", "details", "occurred_at")
        VALUES ("p_idempotency_key", "p_chain_organization_id", "p_experiment_id", "p_event", "p_actor_id",
                coalesce("p_details", '{}'::jsonb) || jsonb_build_object('redactedAuditRows', "proofs"),
                "p_occurred_at")
        RETURNING "id" INTO "inserted";
        RETURN "inserted";
      END $$
    `);
    await queryRunner.query(`REVOKE ALL ON FUNCTION "audit_events_redact"(bigint[], text[], uuid, uuid, text, uuid, text, jsonb, timestamptz) FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION "audit_events_redact"(bigint[], text[], uuid, uuid, text, uuid, text, jsonb, timestamptz) TO CURRENT_USER`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION "audit_events_redact"(bigint[], text[], uuid, uuid, text, uuid, text, jsonb, timestamptz)`,
    );
    await queryRunner.query(`DROP TRIGGER "audit_events_a_redaction_guard" ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION "audit_events_redaction_guard"()`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'audit rows are never changed nor removed';
      END $$
    `);
    await queryRunner.query(`DROP FUNCTION "audit_event_is_redaction"("audit_events", "audit_events", text)`);
    await queryRunner.query(`DROP INDEX "idx_experiments_retention_pending"`);
    await queryRunner.query(`DROP INDEX "idx_users_pseudonym_experiment"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "pseudonym_experiment_id", DROP COLUMN "erased_at"`);
    await queryRunner.query(`ALTER TABLE "experiments" DROP COLUMN "personal_data_removed_at"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "retention_days"`);
  }
}
