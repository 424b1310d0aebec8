import type { SqlExecutor } from './orphaned-experiments';

/** A column of the schema that names a person (a user's id), found by introspection. */
export interface UserReferenceColumn {
  table: string;
  column: string;
  /** `fk`: a foreign key to users(id); `name`: a uuid column whose name says it holds a person. */
  found: 'fk' | 'name';
}

/**
 * uuid or uuid[] columns whose name says they hold a person without a foreign key (the
 * lifecycle keeps `pilot_ids`, `sponsor_id`, `actor_id` free of constraints so that a
 * disabled account never blocks a test). Kept generous on purpose: a false positive costs one
 * line of mapping, a miss costs a person's data left out of an export or an erasure.
 */
const PERSON_COLUMN_NAME = String.raw`^(user_id|user_ids|actor_id|author_id|pilot_id|pilot_ids|sponsor_id|respondent_user_id|recipient_id|recipient_ids|member_id|member_ids|approver_id|evaluator_id|decided_by|[a-z_]+_by|[a-z_]+_user_id|[a-z_]+_user_ids)$`;

/**
 * Every column of the public schema that refers to a user, by foreign key or by name, except
 * the users table's own primary key. The access export (article 15) and the retention and
 * erasure rules each map every table listed here; their coverage tests compare their mapping
 * with this list, so a new table holding a person fails them until it is mapped.
 */
export async function listUserReferenceColumns(db: SqlExecutor): Promise<UserReferenceColumn[]> {
  const rows = (await db.query(
    `WITH fk AS (
       SELECT c.relname AS "table", a.attname AS "column"
         FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY(k.conkey)
        WHERE k.contype = 'f' AND k.confrelid = 'public.users'::regclass
     ),
     named AS (
       SELECT table_name AS "table", column_name AS "column"
         FROM information_schema.columns
        WHERE table_schema = 'public'
          AND (data_type = 'uuid' OR (data_type = 'ARRAY' AND udt_name = '_uuid'))
          AND column_name ~ $1
          AND table_name NOT IN ('migrations', 'typeorm_metadata')
     )
     SELECT "table", "column", 'fk' AS found FROM fk
     UNION
     SELECT "table", "column", 'name' AS found FROM named
      WHERE ("table", "column") NOT IN (SELECT "table", "column" FROM fk)
     ORDER BY 1, 2`,
    [PERSON_COLUMN_NAME],
  )) as UserReferenceColumn[];
  return rows.filter((r) => !(r.table === 'users' && r.column === 'id'));
}

/** The tables of `listUserReferenceColumns`, once each, in name order. */
export async function listPersonalDataTables(db: SqlExecutor): Promise<string[]> {
  return [...new Set((await listUserReferenceColumns(db)).map((r) => r.table))].sort();
}
