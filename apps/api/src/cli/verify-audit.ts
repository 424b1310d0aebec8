// `npm run audit:verify`: recomputes the hash chains of the audit trail (one per organisation
// and one for the platform) and names every row that was rewritten, removed or relinked.
// Prints each chain's head hash: keep them elsewhere (a ticket, the DPO's register) to detect
// a trail rewritten from its start. Exit code 0 when intact, 1 when a chain is broken, 2 when
// the check could not run. Reads DATABASE_URL like the API.
import 'reflect-metadata';
import { databaseTimeouts } from '@capacites/config';
import { createDataSource } from '@capacites/persistence';
import { verifyAuditChains } from '../audit/audit-chain.verifier';
import { loadApiConfig } from '../config/api.config';

async function main(): Promise<number> {
  const config = loadApiConfig();
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: 1,
    timeouts: { ...databaseTimeouts(config), statementTimeoutMs: 0 },
  });
  await dataSource.initialize();
  try {
    let shown = 0;
    const report = await verifyAuditChains(dataSource, (rows) => {
      if (rows - shown >= 50000) {
        shown = rows;
        process.stderr.write(`… ${rows} rows checked\n`);
      }
    });
    for (const chain of report.chains)
      process.stdout.write(
        `chain ${chain.chainKey}: ${chain.rows} rows, head #${chain.lastSeq} ${chain.headHash}\n`,
      );
    for (const p of report.problems)
      process.stdout.write(`BROKEN chain ${p.chainKey} at #${p.chainSeq} (row id ${p.id}): ${p.problem}\n`);
    process.stdout.write(
      report.problems.length === 0
        ? `audit trail intact: ${report.rows} rows in ${report.chains.length} chains` +
            (report.redacted ? `, ${report.redacted} redacted by the retention rules (vouched for)\n` : '\n')
        : `audit trail BROKEN: ${report.problems.length} problems in ${report.rows} rows\n`,
    );
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `audit:verify could not run: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
  },
);
