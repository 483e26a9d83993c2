#!/usr/bin/env node
/**
 * Finds or installs `schemathesis`, the property-based API fuzzer the tests run against the api's
 * own OpenAPI document (test/fuzz). Pinned PyPI package in .tools/schemathesis (git-ignored),
 * installed on first use; SCHEMATHESIS_PATH overrides.
 * Run directly (`node infra/tools/schemathesis.js`) to install and print the path.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ensurePinnedVenv } = require('./pinned-venv');

const PINNED = { schemathesis: '4.32.5' };

function schemathesisPath() {
  const fromEnv = process.env.SCHEMATHESIS_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`SCHEMATHESIS_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const installed = path.join(ensurePinnedVenv('schemathesis', PINNED), 'bin', 'schemathesis');
  if (!fs.existsSync(installed)) throw new Error(`${installed} is missing after installing schemathesis; delete .tools/schemathesis and retry`);
  return installed;
}

module.exports = { schemathesisPath, PINNED };

if (require.main === module) {
  process.stdout.write(`schemathesis: ${schemathesisPath()}\n`);
}
