import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { MIGRATIONS } from '@donthu/persistence';
import { CASE_SEARCH_ATTRIBUTES } from '@donthu/workflows';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/database';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { temporalCliPath } = require('../../infra/tools/temporal-binaries.js') as { temporalCliPath(): string | undefined };

const run = promisify(execFile);

/**
 * The release job of infra/compose and infra/k8s (`node dist/apps/cli/src/migrate.js`): two
 * copies started at once against an empty database and a Temporal cluster without the project's
 * search attributes both succeed, the migrations are applied once, the attributes registered, and
 * a later run changes nothing.
 */
describe('migrate job (npm run migrate)', () => {
  let db: ThrowawayDatabase;
  let temporal: TestWorkflowEnvironment;

  beforeAll(async () => {
    db = await createThrowawayDatabase('donthu_migrate');
    const path = temporalCliPath();
    // A plain dev server: no search attributes given at start, as on a real cluster.
    temporal = await TestWorkflowEnvironment.createLocal({
      server: { ...(path ? { executable: { type: 'existing-path', path } } : {}), ip: '127.0.0.1', extraArgs: ['--log-level', 'error'] },
    });
  }, 120_000);

  afterAll(async () => {
    await temporal?.teardown();
    await db?.drop();
  });

  const migrate = () =>
    run(process.execPath, [require.resolve('tsx/cli'), 'apps/cli/src/migrate.ts'], {
      env: { ...process.env, DATABASE_URL: db.url, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: 'default', LOG_LEVEL: 'silent' },
    });
  const lines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as { step: string; applied?: string[]; added?: string[] });

  it('applies every migration once and registers the search attributes, even when two jobs race', async () => {
    const [first, second] = await Promise.all([migrate(), migrate()]);
    const database = [first, second].map((r) => lines(r.stdout).find((l) => l.step === 'database')!.applied!);
    // One job applied them all, the other (waiting on the advisory lock) found nothing left to do.
    expect(database.map((applied) => applied.length).sort((a, b) => a - b)).toEqual([0, MIGRATIONS.length]);

    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
      expect(Number(rows[0]!.n)).toBe(MIGRATIONS.length);
    } finally {
      await client.end();
    }

    const listed = await temporal.connection.operatorService.listSearchAttributes({ namespace: 'default' });
    for (const key of CASE_SEARCH_ATTRIBUTES) expect(Object.keys(listed.customAttributes ?? {})).toContain(key.name);
  }, 120_000);

  it('changes nothing on a second release', async () => {
    const out = lines((await migrate()).stdout);
    expect(out).toEqual([
      { step: 'database', applied: [] },
      { step: 'temporal', namespace: 'default', added: [] },
    ]);
  }, 60_000);
});
