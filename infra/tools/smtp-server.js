#!/usr/bin/env node
/**
 * Finds or installs the SMTP server that the tests of e-mail notifications deliver to: the pinned
 * PyPI package `aiosmtpd` (a real RFC 5321 server on asyncio), installed with `python3 -m venv`
 * into .tools/aiosmtpd (git-ignored, beside the Temporal binaries' .tools/venv), run with the
 * handler in ./smtp_sink.py, which writes every accepted message to a folder (.eml + .json).
 * Order: AIOSMTPD_PYTHON (a Python that has aiosmtpd), else the pinned venv (installed on first use).
 * Run directly (`node infra/tools/smtp-server.js [port] [folder]`) to install and print the
 * command, e.g. to watch what `SMTP_URL=smtp://127.0.0.1:2525 npm start` sends.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const PINNED = { aiosmtpd: '1.4.6' };
const ROOT = path.resolve(__dirname, '../..');
const VENV = path.join(ROOT, '.tools', 'aiosmtpd');
const STAMP = path.join(VENV, 'donthu-pinned.json');
const LOCK = `${VENV}.lock`;

function venvIsCurrent() {
  try {
    return JSON.stringify(JSON.parse(fs.readFileSync(STAMP, 'utf8'))) === JSON.stringify(PINNED);
  } catch {
    return false;
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Runs `fn` holding .tools/aiosmtpd.lock (two test runs starting at once build the venv once). */
function withLock(fn) {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(LOCK, 'utf8')) || 0;
      if (!holder || !alive(holder)) {
        fs.rmSync(LOCK, { force: true });
        continue;
      }
      if (waited > 10 * 60_000) throw new Error(`${LOCK} is held by process ${holder} for more than 10 minutes`);
      sleep(500);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

/** Installs the pinned aiosmtpd into .tools/aiosmtpd unless it is already there. */
function installPinned() {
  if (venvIsCurrent()) return;
  withLock(() => {
    if (venvIsCurrent()) return; // installed by whoever held the lock before
    const specs = Object.entries(PINNED).map(([p, v]) => `${p}==${v}`);
    process.stderr.write(`[tools] installing ${specs.join(' ')} into .tools/aiosmtpd\n`);
    fs.rmSync(VENV, { recursive: true, force: true });
    execFileSync(process.env.PYTHON ?? 'python3', ['-m', 'venv', VENV], { stdio: ['ignore', 'inherit', 'inherit'] });
    execFileSync(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', ...specs], { stdio: ['ignore', 'inherit', 'inherit'] });
    fs.writeFileSync(STAMP, JSON.stringify(PINNED));
  });
}

/** The Python that runs aiosmtpd: AIOSMTPD_PYTHON, else the pinned venv's (installed on first use). */
function aiosmtpdPython() {
  const fromEnv = process.env.AIOSMTPD_PYTHON;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`AIOSMTPD_PYTHON=${fromEnv} does not exist`);
    return fromEnv;
  }
  try {
    installPinned();
  } catch (error) {
    throw new Error(`could not install aiosmtpd==${PINNED.aiosmtpd} from PyPI into .tools/aiosmtpd: ${error.message}`);
  }
  const python = path.join(VENV, 'bin', 'python');
  if (!fs.existsSync(python)) throw new Error(`${python} is missing after installing aiosmtpd; delete .tools/aiosmtpd and retry`);
  return python;
}

/**
 * How to run an SMTP server on `host:port` that keeps every message in `folder`:
 * `{ command, args, env }` for child_process.spawn (env: PYTHONPATH with smtp_sink.py's folder).
 */
function smtpServerCommand({ host = '127.0.0.1', port, folder }) {
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`smtpServerCommand: invalid port ${port}`);
  if (!folder) throw new Error('smtpServerCommand: a folder is required');
  const pythonPath = [__dirname, process.env.PYTHONPATH].filter(Boolean).join(path.delimiter);
  return {
    command: aiosmtpdPython(),
    // -n: no setuid to nobody; -l: where to listen; -c: our handler class, with its folder.
    args: ['-m', 'aiosmtpd', '-n', '-l', `${host}:${port}`, '-c', 'smtp_sink.FolderSink', path.resolve(folder)],
    env: { ...process.env, PYTHONPATH: pythonPath, PYTHONUNBUFFERED: '1' },
  };
}

module.exports = { aiosmtpdPython, smtpServerCommand, PINNED };

if (require.main === module) {
  const port = Number(process.argv[2] ?? 2525);
  const folder = process.argv[3] ?? path.join(ROOT, '.data', 'smtp-sink');
  const { command, args, env } = smtpServerCommand({ port, folder });
  process.stdout.write(`PYTHONPATH=${env.PYTHONPATH} ${[command, ...args].join(' ')}\n`);
}
