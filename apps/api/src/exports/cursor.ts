import type { DataSource } from 'typeorm';

/** Rows fetched per round trip: the most an export holds in memory at once. */
export const EXPORT_BATCH = 1000;

/**
 * Reads a query's rows batch by batch through a PostgreSQL cursor, in one read-only
 * transaction (one consistent snapshot however long the download takes), so that an
 * export of any size holds one batch in memory. Stopping early (the client left) closes
 * the cursor and gives the connection back.
 */
export async function* cursorBatches(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[],
  batch = EXPORT_BATCH,
): AsyncGenerator<Record<string, unknown>[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let open = false;
  try {
    await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    await runner.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, parameters);
    for (;;) {
      const rows: Record<string, unknown>[] = await runner.query(`FETCH FORWARD ${batch} FROM export_rows`);
      if (rows.length === 0) break;
      yield rows;
    }
    await runner.query('COMMIT');
    open = false;
  } finally {
    if (open) await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}
