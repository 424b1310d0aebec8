#!/bin/sh
# Temporal's databases and schemas on PostgreSQL, for docker-compose.yml's `temporal-schema`
# service (temporalio/admin-tools). The same steps as scripts/lib/temporal-server.mjs:
# create each database when missing, set its schema up the first time (version 0.0), then
# update it to the version this tool ships. Safe to run again.
set -eu
SCHEMA=${TEMPORAL_SCHEMA_DIR:-/etc/temporal/schema/postgresql/v12}
export SQL_PLUGIN=postgres12 SQL_HOST="$POSTGRES_SEEDS" SQL_PORT="$DB_PORT" SQL_USER="$POSTGRES_USER" SQL_PASSWORD="$POSTGRES_PWD"
for pair in "$DBNAME:temporal" "$VISIBILITY_DBNAME:visibility"; do
  db=${pair%%:*}
  kind=${pair##*:}
  temporal-sql-tool --db "$db" create-database 2>/dev/null || echo "database $db exists"
  # setup-schema refuses a database that already has its tables: the first time only.
  temporal-sql-tool --db "$db" setup-schema -v 0.0 2>/dev/null || echo "schema of $db already set up"
  temporal-sql-tool --db "$db" update-schema -d "$SCHEMA/$kind/versioned"
done
