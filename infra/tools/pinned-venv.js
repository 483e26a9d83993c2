/**
 * A pinned PyPI tool in its own git-ignored venv under .tools/<name>: installed with
 * `python3 -m venv` + pip on first use, remembered by a stamp of the pinned versions, and built
 * under a lock file so that two test runs starting at once do not build the same venv over each
 * other (a lock left by a process that is gone is taken over). Used by the moto (S3) and aiosmtpd
 * (SMTP) test servers.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

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

function withLock(lock, fn) {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 500) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lock, 'utf8')) || 0;
      if (!holder || !alive(holder)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (waited > 10 * 60_000) throw new Error(`${lock} is held by process ${holder} for more than 10 minutes`);
      sleep(500);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** The venv folder of `name` with exactly `pinned` ({ package: version }) installed; installs it if needed. */
function ensurePinnedVenv(name, pinned) {
  const venv = path.join(ROOT, '.tools', name);
  const stamp = path.join(venv, 'donthu-pinned.json');
  const current = () => {
    try {
      return JSON.stringify(JSON.parse(fs.readFileSync(stamp, 'utf8'))) === JSON.stringify(pinned);
    } catch {
      return false;
    }
  };
  if (current()) return venv;
  const specs = Object.entries(pinned).map(([p, v]) => `${p}==${v}`);
  try {
    withLock(`${venv}.lock`, () => {
      if (current()) return; // installed by whoever held the lock before
      process.stderr.write(`[tools] installing ${specs.join(' ')} into .tools/${name}\n`);
      fs.rmSync(venv, { recursive: true, force: true });
      execFileSync(process.env.PYTHON ?? 'python3', ['-m', 'venv', venv], { stdio: ['ignore', 'inherit', 'inherit'] });
      execFileSync(path.join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', ...specs], { stdio: ['ignore', 'inherit', 'inherit'] });
      fs.writeFileSync(stamp, JSON.stringify(pinned));
    });
  } catch (error) {
    throw new Error(`could not install ${specs.join(' ')} from PyPI into .tools/${name}: ${error.message}`);
  }
  return venv;
}

module.exports = { ensurePinnedVenv, ROOT };
