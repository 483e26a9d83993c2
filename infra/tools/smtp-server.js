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
const fs = require('node:fs');
const path = require('node:path');
const { ensurePinnedVenv, ROOT } = require('./pinned-venv');

const PINNED = { aiosmtpd: '1.4.6' };

/** The Python that runs aiosmtpd: AIOSMTPD_PYTHON, else the pinned venv's (installed on first use). */
function aiosmtpdPython() {
  const fromEnv = process.env.AIOSMTPD_PYTHON;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`AIOSMTPD_PYTHON=${fromEnv} does not exist`);
    return fromEnv;
  }
  const python = path.join(ensurePinnedVenv('aiosmtpd', PINNED), 'bin', 'python');
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
