/**
 * Verifies every audit trail in the database (cases, identity reveals, attachments, calendar,
 * directory…): recomputes each hash chain and checks each case's trail against the case.
 *   npm run audit:verify            node dist/apps/cli/src/verify-audit.js   (in the image)
 * Run after restoring a backup (infra/backup/README.md) and whenever in doubt. Prints one JSON
 * report (counts, and the stream ids and sequences of broken chains — never event content);
 * exit code 0 only if every chain verifies and no case lacks its trail.
 */
import { DataSource } from 'typeorm';
import { databaseOptionsFromEnv, verifyAllAuditChains } from '@donthu/persistence';

async function main(): Promise<number> {
  const dataSource = new DataSource(databaseOptionsFromEnv({ ...process.env, DATABASE_POOL_SIZE: '1' }));
  await dataSource.initialize();
  try {
    const report = await verifyAllAuditChains(dataSource.manager);
    const ok = report.broken.length === 0 && report.casesWithoutTrail === 0;
    process.stdout.write(`${JSON.stringify({ ok, ...report })}\n`);
    return ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit verification failed to run: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
