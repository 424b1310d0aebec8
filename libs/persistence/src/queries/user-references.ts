import type { SqlExecutor } from './orphaned-experiments';

/** A column of the schema that names a person (a user's id), found by introspection. */
export interface UserReferenceColumn {
  table: string;
  column: string;
  /**
   * `fk`: a foreign key to users(id); `name`: a uuid column whose name says it holds a person;
   * `email`: a text column whose name says it holds an email address (a person's, or not);
   * `json`: a json(b) column, which may hold a person's id anywhere inside (introspection cannot
   * tell: a mapping must say whether it does).
   */
  found: 'fk' | 'name' | 'email' | 'json';
}

export interface UserReferenceOptions {
  /** Also every json and jsonb column (a completeness check classifies each). Default false. */
  json?: boolean;
  /** Also text columns named like an email address (`email`, `to_address`, `recipient`…). Default false. */
  email?: boolean;
}

/**
 * uuid or uuid[] columns whose name says they hold a person without a foreign key (the
 * lifecycle keeps `pilot_ids`, `sponsor_id`, `actor_id` free of constraints so that a
 * disabled account never blocks a test). Kept generous on purpose: a false positive costs one
 * line of mapping, a miss costs a person's data left out of an export or an erasure.
 */
const PERSON_COLUMN_NAME = String.raw`^(user_id|user_ids|actor_id|author_id|pilot_id|pilot_ids|sponsor_id|respondent_user_id|recipient_id|recipient_ids|member_id|member_ids|approver_id|evaluator_id|decided_by|[a-z_]+_by|[a-z_]+_user_id|[a-z_]+_user_ids)$`;

/** text columns that hold an email address: who it was sent to, or who may open a link. */
const EMAIL_COLUMN_NAME = String.raw`^(email|[a-z_]+_email|to_address|recipient|recipients)$`;

/**
 * Every column of the public schema that refers to a user, by foreign key or by name, except
 * the users table's own primary key. The access export (article 15) and the retention and
 * erasure rules each map every table listed here; their coverage tests compare their mapping
 * with this list, so a new table holding a person fails them until it is mapped.
 */
export async function listUserReferenceColumns(
  db: SqlExecutor,
  options: UserReferenceOptions = {},
): Promise<UserReferenceColumn[]> {
  const rows = (await db.query(
    `WITH fk AS (
       SELECT c.relname::text AS "table", a.attname::text AS "column"
         FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY(k.conkey)
        WHERE k.contype = 'f' AND k.confrelid = 'public.users'::regclass
     ),
     -- Ordinary and partitioned tables only (not views, whose columns repeat a table's).
     columns AS (
       SELECT c.relname::text AS "table", a.attname::text AS "column", format_type(a.atttypid, NULL) AS type
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p')
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        WHERE a.attnum > 0 AND NOT a.attisdropped
          AND c.relname NOT IN ('migrations', 'typeorm_metadata')
     ),
     named AS (
       SELECT "table", "column", 'name' AS found FROM columns
        WHERE type IN ('uuid', 'uuid[]') AND "column" ~ $1
       UNION ALL
       SELECT "table", "column", 'email' FROM columns
        WHERE $3 AND type IN ('text', 'character varying', 'citext') AND "column" ~ $2
       UNION ALL
       SELECT "table", "column", 'json' FROM columns WHERE $4 AND type IN ('json', 'jsonb')
     )
     SELECT "table", "column", 'fk' AS found FROM fk
     UNION
     SELECT "table", "column", found FROM named
      WHERE ("table", "column") NOT IN (SELECT "table", "column" FROM fk)
     ORDER BY 1, 2`,
    [PERSON_COLUMN_NAME, EMAIL_COLUMN_NAME, options.email === true, options.json === true],
  )) as UserReferenceColumn[];
  return rows.filter((r) => !(r.table === 'users' && r.column === 'id'));
}

/** The tables of `listUserReferenceColumns`, once each, in name order. */
export async function listPersonalDataTables(db: SqlExecutor): Promise<string[]> {
  return [...new Set((await listUserReferenceColumns(db)).map((r) => r.table))].sort();
}
