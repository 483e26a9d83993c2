/**
 * What a workflow costs the Temporal server itself (issue #9: why intake cannot reach the bare
 * start rate): the server's CPU per workflow, read from /proc, and the rate, for
 *   1. a bare start (no worker polls the queue: the ceiling bench:intake compares against),
 *   2. an empty workflow run to completion by a worker (start + one workflow task),
 *   3. a workflow that starts a timer and waits (what every new case does),
 * on one Temporal dev server (SQLite, WAL) with the same concurrency. The worker runs in this
 * process, so its CPU is not in the server's figures. Asserts nothing.
 *
 *   npm run bench:temporal [-- --workflows 3000 --concurrency 16]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { freePort, portOpen } from '../test/support/net';
import { eventually } from '../test/support/eventually';
import { processCpuMs } from './support/process-cpu';
import { parseCountOptions, runLoad } from './support/stats';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { temporalCliPath, devServerArgs } = require('../infra/tools/temporal-binaries.js') as {
  temporalCliPath: () => string | undefined;
  devServerArgs: (options: { port: number; dbFilename: string }) => string[];
};

async function main(): Promise<void> {
  const options = parseCountOptions(process.argv.slice(2), { workflows: 3000, concurrency: 16 });
  Runtime.install({ logger: new DefaultLogger('WARN') }); // not the bundler's report
  const cli = temporalCliPath();
  if (!cli) throw new Error('no Temporal CLI (node infra/tools/temporal-binaries.js installs it)');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'donthu-temporal-cost-'));
  const server = spawn(cli, devServerArgs({ port, dbFilename: join(dir, 'temporal.sqlite') }), { stdio: 'ignore' });
  try {
    await eventually(() => portOpen(port), (open) => open, { what: 'Temporal dev server', timeoutMs: 60_000, intervalMs: 200 });
    const connection = await Connection.connect({ address: `127.0.0.1:${port}` });
    const client = new Client({ connection });
    const nativeConnection = await NativeConnection.connect({ address: `127.0.0.1:${port}` });
    const worker = await Worker.create({ connection: nativeConnection, taskQueue: 'bench', workflowsPath: require.resolve('./support/workflows') });
    const running = worker.run();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

    console.log(`bench:temporal — ${options.workflows} workflows per kind, ${options.concurrency} in flight, Temporal dev server CPU from /proc`);
    const kinds = [
      { label: 'bare start (no worker)', type: 'emptyWorkflow', queue: 'nobody-polls' },
      { label: 'empty workflow, run by a worker', type: 'emptyWorkflow', queue: 'bench' },
      { label: 'workflow that starts a timer', type: 'timerWorkflow', queue: 'bench' },
    ];
    const results: Array<{ label: string; perSecond: number; serverMs: number }> = [];
    for (const kind of kinds) {
      const start = (id: string) => client.workflow.start(kind.type, { taskQueue: kind.queue, workflowId: id, args: [] }).then(() => undefined);
      await runLoad(200, options.concurrency, (i) => start(`warm-${kind.label}-${i}`));
      await settle();
      const before = processCpuMs(server.pid)!;
      const load = await runLoad(options.workflows, options.concurrency, (i) => start(`${kind.label}-${i}`));
      await settle(); // the worker's tasks of the last ones
      const serverMs = (processCpuMs(server.pid)! - before) / options.workflows;
      results.push({ label: kind.label, perSecond: load.perSecond, serverMs });
      console.log(`  ${kind.label.padEnd(34)}${load.perSecond.toFixed(1).padStart(8)}/s   server CPU ${serverMs.toFixed(2).padStart(6)} ms per workflow   failures ${load.failures}`);
    }
    console.log(`  ratio of server CPU, timer workflow / bare start: ${(results[2]!.serverMs / results[0]!.serverMs).toFixed(2)}×`);
    worker.shutdown();
    await running;
    await nativeConnection.close();
    await connection.close();
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
