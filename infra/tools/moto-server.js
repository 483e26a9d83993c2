#!/usr/bin/env node
/**
 * Finds or installs `moto_server`, the S3-compatible server the tests of the S3 attachment store
 * run against (a real HTTP server speaking the S3 protocol, in memory, on a port of ours).
 * Order: MOTO_SERVER_PATH, then the pinned PyPI package `moto[server]` installed with
 * `python3 -m venv` into .tools/moto (git-ignored, beside the Temporal binaries' .tools/venv).
 * `moto_server` on PATH is not used: its version (and whether it has the server extra) is
 * nobody's choice, and tests pin what they run against.
 * Run directly (`node infra/tools/moto-server.js`) to install and print the path.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const PINNED = { 'moto[server]': '5.2.5' };
const ROOT = path.resolve(__dirname, '../..');
const VENV = path.join(ROOT, '.tools', 'moto');
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

/**
 * Runs `fn` holding .tools/moto.lock, so that two test runs starting at once do not build the
 * same venv over each other. A lock left by a process that is gone is taken over.
 */
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

/** Installs the pinned `moto[server]` into .tools/moto unless it is already there. */
function installPinned() {
  if (venvIsCurrent()) return;
  withLock(() => {
    if (venvIsCurrent()) return; // installed by whoever held the lock before
    const specs = Object.entries(PINNED).map(([p, v]) => `${p}==${v}`);
    process.stderr.write(`[tools] installing ${specs.join(' ')} into .tools/moto\n`);
    fs.rmSync(VENV, { recursive: true, force: true });
    execFileSync(process.env.PYTHON ?? 'python3', ['-m', 'venv', VENV], { stdio: ['ignore', 'inherit', 'inherit'] });
    execFileSync(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', ...specs], { stdio: ['ignore', 'inherit', 'inherit'] });
    fs.writeFileSync(STAMP, JSON.stringify(PINNED));
  });
}

/** Path of `moto_server`: MOTO_SERVER_PATH, else the pinned one in .tools/moto (installed on first use). */
function motoServerPath() {
  const fromEnv = process.env.MOTO_SERVER_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`MOTO_SERVER_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  try {
    installPinned();
  } catch (error) {
    throw new Error(`could not install moto[server]==${PINNED['moto[server]']} from PyPI into .tools/moto: ${error.message}`);
  }
  const installed = path.join(VENV, 'bin', 'moto_server');
  if (!fs.existsSync(installed)) throw new Error(`${installed} is missing after installing moto[server]; delete .tools/moto and retry`);
  return installed;
}

module.exports = { motoServerPath, PINNED };

if (require.main === module) {
  process.stdout.write(`moto_server: ${motoServerPath()}\n`);
}
