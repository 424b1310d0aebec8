import { Column } from 'typeorm';

// Column declarations that most tables repeat, written once (names in snake_case, as in the migrations).

/** `organization_id`: the organisation a row belongs to. */
export const OrganizationIdColumn = () => Column({ name: 'organization_id', type: 'uuid' });

/** `created_at`, set by PostgreSQL when the row is inserted. */
export const CreatedAtColumn = () =>
  Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' });

/** A nullable column (`null`: not yet, or not known). */
export const NullableColumn = (name: string, type: 'uuid' | 'text' | 'timestamptz' | 'integer') =>
  Column({ name, type, nullable: true });
