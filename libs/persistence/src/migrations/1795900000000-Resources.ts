import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API's remaining resources:
 * - testimonies (verbatims collected for the story and the evaluation);
 * - users can be disabled (an admin never deletes a user who acted: the audit keeps them);
 * - a track is archived rather than deleted once experiments use it;
 * - administration events (users, tracks, organisations) are audited too, some of them
 *   outside any organisation;
 * - French full-text search on title and hypothesis, accent-insensitive: a text search
 *   configuration `capacites_fr` (french stemmer after unaccent, a trusted extension that
 *   the database owner may create) and a GIN expression index that the list query uses
 *   with the very same expression;
 * - indexes of the list filters on pilots (GIN on the uuid array) and sponsor, and of the
 *   unread notifications of a user.
 */
export class Resources1795900000000 implements MigrationInterface {
  name = 'Resources1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "testimonies" (
                "id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "experiment_id" uuid NOT NULL,
                "quote" text NOT NULL,
                "speaker" text NOT NULL DEFAULT '',
                "speaker_role" text NOT NULL DEFAULT '',
                "source" text NOT NULL,
                "collected_at" date NOT NULL,
                "shareable" boolean NOT NULL DEFAULT false,
                "author_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_testimonies" PRIMARY KEY ("id"),
                CONSTRAINT "FK_testimonies_experiment" FOREIGN KEY ("experiment_id")
                    REFERENCES "experiments"("id") ON DELETE CASCADE,
                CONSTRAINT "FK_testimonies_author" FOREIGN KEY ("author_id")
                    REFERENCES "users"("id") ON DELETE SET NULL
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_testimonies_experiment" ON "testimonies" ("experiment_id", "collected_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "users" ADD "disabled_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "tracks" ADD "archived_at" TIMESTAMP WITH TIME ZONE
        `);
    // Administration events (users, tracks, organisations) may concern no organisation.
    await queryRunner.query(`
            ALTER TABLE "audit_events" ALTER COLUMN "organization_id" DROP NOT NULL
        `);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION capacites_fr (COPY = pg_catalog.french)`);
    await queryRunner.query(`
            ALTER TEXT SEARCH CONFIGURATION capacites_fr
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_search" ON "experiments"
                USING GIN (to_tsvector('capacites_fr'::regconfig, "title" || ' ' || "hypothesis"))
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_pilots" ON "experiments" USING GIN ("pilot_ids")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_experiments_sponsor" ON "experiments" ("sponsor_id", "organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_notifications_unread" ON "notifications" ("recipient_id", "created_at")
                WHERE "read_at" IS NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_notifications_unread"`);
    await queryRunner.query(`DROP INDEX "public"."idx_experiments_sponsor"`);
    await queryRunner.query(`DROP INDEX "public"."idx_experiments_pilots"`);
    await queryRunner.query(`DROP INDEX "public"."idx_experiments_search"`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION capacites_fr`);
    await queryRunner.query(`DELETE FROM "audit_events" WHERE "organization_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "organization_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "tracks" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "disabled_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_testimonies_experiment"`);
    await queryRunner.query(`DROP TABLE "testimonies"`);
  }
}
