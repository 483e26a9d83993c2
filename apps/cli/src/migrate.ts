/**
 * Prepares a deployment before api and worker replicas start (a one-shot job in
 * infra/compose and infra/k8s):
 *   npm run migrate            (from source)    node dist/apps/cli/src/migrate.js   (in the image)
 * 1. runs the database migrations (never `synchronize`), under a PostgreSQL advisory lock so
 *    that two jobs started at once do not interleave;
 * 2. registers the case workflows' search attributes (CaseKind, CaseStatus, AgencyCode,
 *    NextDueAt, Overdue) in the Temporal namespace, leaving existing ones alone.
 * Both steps are idempotent: run it at every release. Api replicas then start with
 * MIGRATIONS_RUN=false. Prints what it did as JSON lines, never data.
 */
import { Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { databaseOptionsFromEnv } from '@donthu/persistence';
import { ensureSearchAttributes, temporalConfigFromEnv, temporalConnectionOptions } from '@donthu/temporal';
import { CASE_SEARCH_ATTRIBUTES } from '@donthu/workflows';

/** Any fixed number, the same in every copy of this job: "donthu migrations". */
const MIGRATION_LOCK = 7_316_440_001;

const print = (line: object): void => void process.stdout.write(`${JSON.stringify(line)}\n`);

async function migrateDatabase(): Promise<void> {
  const dataSource = new DataSource(databaseOptionsFromEnv({ ...process.env, DATABASE_POOL_SIZE: '2' }));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    print({ step: 'database', applied: applied.map((m) => m.name) });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

async function registerSearchAttributes(): Promise<void> {
  const config = temporalConfigFromEnv();
  const connection = await Connection.connect(temporalConnectionOptions(config));
  try {
    const added = await ensureSearchAttributes(connection, config.namespace, CASE_SEARCH_ATTRIBUTES);
    print({ step: 'temporal', namespace: config.namespace, added });
  } finally {
    await connection.close();
  }
}

async function main(): Promise<number> {
  await migrateDatabase();
  await registerSearchAttributes();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`migrate failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
