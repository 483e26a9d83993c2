import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { freePort, portOpen } from './net';
import { eventually } from './eventually';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { ensureSearchAttributes } from '@donthu/temporal';
import { CASE_SEARCH_ATTRIBUTES } from '@donthu/workflows';
import { createThrowawayDatabase, type ThrowawayDatabase } from './database';
import { ensureTestKeys } from './vault';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { temporalCliPath, temporalTestServerPath, devServerArgs } = require('../../infra/tools/temporal-binaries.js') as {
  temporalCliPath(): string | undefined;
  temporalTestServerPath(): string | undefined;
  devServerArgs(options: { port: number; dbFilename: string; searchAttributes?: ReadonlyArray<{ name: string; type: string }> }): string[];
};

const ROOT = join(__dirname, '../..');

/**
 * The system as separate operating-system processes, as in production — a Temporal dev server
 * (state in a SQLite file, so it can be restarted), a throw-away database on the real PostgreSQL,
 * the api and the worker from the compiled build — so that benchmarks measure real processes and
 * fault tests can SIGKILL one and start it again. `npm run build` must have run (see `buildOnce`).
 */
export interface ProcessStack {
  apiUrl: string;
  temporalAddress: string;
  taskQueue: string;
  db: ThrowawayDatabase;
  /** The running parts' process ids (benchmarks read their CPU time from /proc). */
  pids(): { api?: number; worker?: number; temporal?: number };
  startApi(): Promise<void>;
  startWorker(): Promise<void>;
  startTemporal(): Promise<void>;
  /** The worker's process.memoryUsage(), after a full GC when it runs with --expose-gc. */
  workerMemory(): Promise<NodeJS.MemoryUsage>;
  /** Kills a part with a signal (SIGKILL: no shutdown hooks run) and waits until it is gone. */
  kill(part: 'api' | 'worker' | 'temporal', signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

export interface ProcessStackOptions {
  /** Extra environment for api and worker. */
  env?: Record<string, string>;
  /**
   * `dev` (default): the Temporal CLI's dev server, state in a SQLite file (restartable).
   * `time-skipping`: the Java test server, whose clock jumps ahead whenever nothing is running,
   *   so timers months away fire within seconds.
   */
  temporal?: 'dev' | 'time-skipping';
  /** Extra Node.js flags for the worker (e.g. `--expose-gc` for memory figures). */
  workerNodeArgs?: string[];
  /** Extra Node.js flags for the api (e.g. `--cpu-prof` to see where a benchmark's time goes). */
  apiNodeArgs?: string[];
  /** Where child output goes: 'ignore' (default) or 'inherit' to debug. */
  output?: 'ignore' | 'inherit';
}

let built = false;
/**
 * Compiles the project once per process (`npm run build`: dist/ is what production runs).
 * SKIP_BUILD=1 uses dist/ as it is (a benchmark run right after a build).
 */
export function buildOnce(): void {
  if (built || process.env.SKIP_BUILD === '1') return;
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}${result.stderr}`);
  built = true;
}

/** Polls `check` (a failure counts as "not yet") until it holds; throws after 90 s. */
async function waitUntil(what: string, check: () => Promise<boolean>): Promise<void> {
  await eventually(() => check().catch(() => false), (ready) => ready, { what: `${what} ready`, timeoutMs: 90_000, intervalMs: 200 });
}

export async function startProcessStack(options: ProcessStackOptions = {}): Promise<ProcessStack> {
  buildOnce();
  ensureTestKeys();
  const timeSkipping = options.temporal === 'time-skipping';
  const cli = timeSkipping ? temporalTestServerPath() : temporalCliPath();
  if (!cli) throw new Error('no Temporal CLI / test server (node infra/tools/temporal-binaries.js installs them)');
  const stateDir = mkdtempSync(join(tmpdir(), 'donthu-processes-'));
  const db = await createThrowawayDatabase('donthu_proc');
  const [temporalPort, apiPort] = [await freePort(), await freePort()];
  const taskQueue = `proc-${process.pid}-${Date.now().toString(36)}`;
  const children: Partial<Record<'api' | 'worker' | 'temporal', ChildProcess>> = {};
  const stdio = options.output ?? 'ignore';

  const appEnv = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: taskQueue,
    DEMO_USERS: '1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    LOGIN_RATE_LIMIT: '100000',
    MAIL_DIR: join(stateDir, 'mail'),
    ATTACHMENTS_DIR: join(stateDir, 'attachments'),
    ...options.env,
  };

  const gone = (child: ChildProcess | undefined) => !child || child.exitCode !== null || child.signalCode !== null;

  const stack: ProcessStack = {
    apiUrl: `http://127.0.0.1:${apiPort}`,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    taskQueue,
    db,
    pids: () => ({ api: children.api?.pid, worker: children.worker?.pid, temporal: children.temporal?.pid }),

    async startTemporal() {
      if (timeSkipping) {
        children.temporal = spawn(cli, [String(temporalPort)], { stdio: ['ignore', stdio, stdio] });
        await waitUntil('Temporal test server', () => portOpen(temporalPort));
        const connection = await Connection.connect({ address: stack.temporalAddress });
        try {
          await ensureSearchAttributes(connection, 'default', CASE_SEARCH_ATTRIBUTES);
        } finally {
          await connection.close();
        }
        return;
      }
      children.temporal = spawn(cli, devServerArgs({ port: temporalPort, dbFilename: join(stateDir, 'temporal.sqlite'), searchAttributes: CASE_SEARCH_ATTRIBUTES }), { stdio: ['ignore', stdio, stdio] });
      await waitUntil('Temporal dev server', () => portOpen(temporalPort));
    },

    async startApi() {
      children.api = spawn(process.execPath, ['--enable-source-maps', ...(options.apiNodeArgs ?? []), 'dist/apps/api/src/main.js'], { cwd: ROOT, env: { ...appEnv, PORT: String(apiPort), HOST: '127.0.0.1' }, stdio: ['ignore', stdio, stdio] });
      // /health answers 200 only when PostgreSQL and Temporal are both reachable.
      await waitUntil('api', async () => (await fetch(`${stack.apiUrl}/health`)).ok);
    },

    async startWorker() {
      const child = spawn(process.execPath, ['--enable-source-maps', ...(options.workerNodeArgs ?? []), 'dist/apps/worker/src/main.js'], {
        cwd: ROOT,
        env: appEnv,
        stdio: ['ignore', stdio, stdio, 'ipc'],
      });
      children.worker = child;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('worker not ready within 120s')), 120_000);
        child.on('message', (message: { type?: string }) => {
          if (message?.type !== 'worker-ready') return;
          clearTimeout(timer);
          resolve();
        });
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(new Error(`worker exited before it was ready (${signal ?? code})`));
        });
      });
    },

    workerMemory() {
      const worker = children.worker;
      if (gone(worker)) return Promise.reject(new Error('no worker running'));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the worker did not report its memory')), 30_000);
        const onMessage = (message: { type?: string } & NodeJS.MemoryUsage) => {
          if (message?.type !== 'memory') return;
          clearTimeout(timer);
          worker!.off('message', onMessage);
          resolve(message);
        };
        worker!.on('message', onMessage);
        worker!.send({ type: 'memory?' });
      });
    },

    async kill(part, signal = 'SIGKILL') {
      const child = children[part];
      if (gone(child)) return;
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child!.kill(signal);
      await exited;
    },

    async stop() {
      for (const part of ['worker', 'api', 'temporal'] as const) {
        const child = children[part];
        if (gone(child)) continue;
        const exited = new Promise((resolve) => child!.once('exit', resolve));
        child!.kill('SIGTERM');
        const timer = setTimeout(() => child!.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await db.drop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };

  try {
    await stack.startTemporal();
    await stack.startApi();
    await stack.startWorker();
  } catch (error) {
    await stack.stop().catch(() => undefined);
    throw error;
  }
  return stack;
}

/** A logged-in session against a process stack (demo accounts: the api runs with DEMO_USERS=1). */
export async function loginAs(apiUrl: string, role: string, agencyCode: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: `demo.${role}.${agencyCode}`, password: process.env.DEMO_PASSWORD ?? 'donthu-demo' }),
  });
  if (response.status !== 200) throw new Error(`login as ${role}@${agencyCode} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
