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
const fs = require('node:fs');
const path = require('node:path');
const { ensurePinnedVenv } = require('./pinned-venv');

const PINNED = { 'moto[server]': '5.2.5' };

/** Path of `moto_server`: MOTO_SERVER_PATH, else the pinned one in .tools/moto (installed on first use). */
function motoServerPath() {
  const fromEnv = process.env.MOTO_SERVER_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`MOTO_SERVER_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const installed = path.join(ensurePinnedVenv('moto', PINNED), 'bin', 'moto_server');
  if (!fs.existsSync(installed)) throw new Error(`${installed} is missing after installing moto[server]; delete .tools/moto and retry`);
  return installed;
}

module.exports = { motoServerPath, PINNED };

if (require.main === module) {
  process.stdout.write(`moto_server: ${motoServerPath()}\n`);
}
