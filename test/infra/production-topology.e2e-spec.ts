import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/**
 * infra/compose, infra/k8s and infra/docker cannot be run here (no Docker daemon, no cluster):
 * they are validated against the Compose Specification schema, the Kubernetes schemas (strict)
 * and hadolint by infra/tools/validate-infra.js — and each validator is shown to refuse a broken
 * copy, so a pass means something.
 */
const TOOL = 'infra/tools/validate-infra.js';
const validate = (...args: string[]) => spawnSync(process.execPath, [TOOL, ...args], { encoding: 'utf8' });
const scratch = mkdtempSync(join(tmpdir(), 'donthu-infra-'));
const brokenCopy = (source: string, name: string, edit: (text: string) => string): string => {
  const text = readFileSync(source, 'utf8');
  const changed = edit(text);
  expect(changed).not.toBe(text); // the edit applied
  const target = join(scratch, name);
  writeFileSync(target, changed);
  return target;
};

describe('production topology files (static validation)', () => {
  beforeAll(() => {
    // Installs the pinned validators on first use (outside the timed assertions).
    execFileSync(process.execPath, ['-e', `require('./${TOOL}')`]);
  });

  it('the compose file, the Kubernetes manifests and the Dockerfile pass', () => {
    const result = validate();
    expect(result.stdout).toContain('ok   compose-spec infra/compose/docker-compose.yml');
    expect(result.stdout).toMatch(/ok {3}kubernetes 1\.33\.0 \(strict\) .*infra\/k8s\/base\/worker\.yaml/);
    expect(result.stdout).toContain('ok   hadolint infra/docker/Dockerfile');
    expect(result.status).toBe(0);
  }, 120_000);

  it('refuses a compose file with a misspelt key', () => {
    const bad = brokenCopy('infra/compose/docker-compose.yml', 'compose.yml', (t) => t.replace('  api:\n    <<: *restart\n', '  api:\n    <<: *restart\n    restrat: always\n'));
    const result = validate('--compose', bad);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('FAIL compose-spec');
  }, 60_000);

  it('refuses a manifest with an unknown field (strict) and one with a wrong type', () => {
    const misspelt = brokenCopy('infra/k8s/base/api.yaml', 'api.yaml', (t) => t.replace('  replicas: 2\n', '  replcas: 2\n'));
    expect(validate('--k8s', misspelt).stdout).toContain("'replcas' was unexpected");
    const wrongType = brokenCopy('infra/k8s/base/worker.yaml', 'worker.yaml', (t) => t.replace('terminationGracePeriodSeconds: 60', 'terminationGracePeriodSeconds: soon'));
    const result = validate('--k8s', wrongType);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('FAIL kubernetes');
  }, 60_000);

  it('refuses a Dockerfile whose image runs as root', () => {
    const bad = brokenCopy('infra/docker/Dockerfile', 'Dockerfile', (t) => t.replace('USER 1000:1000', 'USER root'));
    const result = validate('--dockerfile', bad);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('DL3002');
  }, 60_000);

  it('every command the images and jobs run is built from a source file that exists', () => {
    const texts = ['infra/docker/Dockerfile', 'infra/compose/docker-compose.yml', 'infra/k8s/base/migrate-job.yaml'].map((f) => readFileSync(f, 'utf8')).join('\n');
    const entryPoints = [...new Set([...texts.matchAll(/dist\/(apps\/[a-z-]+\/src\/[a-z-]+)\.js/g)].map((m) => m[1]!))];
    expect(entryPoints.sort()).toEqual(['apps/api/src/main', 'apps/cli/src/migrate', 'apps/worker/src/main']);
    for (const entry of entryPoints) expect(existsSync(`${entry}.ts`)).toBe(true);
  });

  it('the image builds from what the Dockerfile copies: the production build reads no other source file', () => {
    const dockerfile = readFileSync('infra/docker/Dockerfile', 'utf8');
    const buildStage = dockerfile.slice(dockerfile.indexOf(' AS build'), dockerfile.indexOf(' AS runtime'));
    const copied = [...buildStage.matchAll(/^COPY (?!--from)(.+) \.\/\S*$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    expect(copied).toEqual(expect.arrayContaining(['package.json', 'tsconfig.build.json', 'apps', 'libs', 'workflows']));
    const listed = execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--listFilesOnly'], { encoding: 'utf8' });
    const sources = listed
      .split('\n')
      .filter((file) => file.length > 0 && !file.includes('/node_modules/'))
      .map((file) => relative(process.cwd(), file));
    expect(sources.length).toBeGreaterThan(100);
    // e.g. a benchmark importing test/support would break `docker build` (test/ is not copied).
    expect(sources.filter((file) => !copied.some((entry) => file === entry || file.startsWith(`${entry}/`)))).toEqual([]);
  }, 60_000);

  it('api replicas never run migrations themselves; the release job does, before them', () => {
    const compose = readFileSync('infra/compose/docker-compose.yml', 'utf8');
    expect(compose).toMatch(/ {2}api:\n[\s\S]*?migrate:\n {8}condition: service_completed_successfully[\s\S]*?MIGRATIONS_RUN: "false"/);
    expect(readFileSync('infra/k8s/base/configmap.yaml', 'utf8')).toContain('MIGRATIONS_RUN: "false"');
    const kustomization = readFileSync('infra/k8s/base/kustomization.yaml', 'utf8');
    for (const [, file] of kustomization.matchAll(/^ {2}- ([a-z-]+\.yaml)$/gm)) expect(existsSync(join('infra/k8s/base', file!))).toBe(true);
  });
});
