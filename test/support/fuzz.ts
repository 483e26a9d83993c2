import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { schemathesisPath } = require('../../infra/tools/schemathesis.js') as { schemathesisPath(): string };

export interface FuzzRun {
  label: string;
  exitCode: number;
  /** Test cases schemathesis generated and sent (each is one request, or a few for stateful links). */
  generated: number;
  failures: number;
  serverErrors: number;
  /** Errors schemathesis reports about itself (schema problems, its own crashes), not about the api. */
  toolErrors: number;
  /**
   * Of those, crashes of CPython 3.11.7's parser inside Hypothesis ("AST constructor recursion
   * depth mismatch", a CPython bug fixed in 3.11.8): the test it was generating did not run.
   */
  knownParserCrashes: number;
  output: string;
}

/** The checks every run makes: no 5xx, every status code, content type and body as documented. */
export const FUZZ_CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'];

/**
 * Runs schemathesis against the api's OpenAPI document (`<apiUrl>/docs/openapi.json`) with a
 * bearer token, for `maxSeconds`, on the operations whose path matches `pathRegex`.
 */
export function runSchemathesis(options: {
  label: string;
  apiUrl: string;
  token: string;
  maxSeconds: number;
  pathRegex?: string;
  excludePathRegex?: string;
  seed?: number;
  /** Fixed values for parameters, e.g. `{ 'path.code': 'UBND-HN-2026-000001' }`: the fuzzer then reaches a real case. */
  parameters?: Record<string, string>;
}): Promise<FuzzRun> {
  const config: string[] = [];
  if (options.parameters) {
    const file = join(mkdtempSync(join(tmpdir(), 'donthu-fuzz-')), 'schemathesis.toml');
    writeFileSync(file, `[parameters]\n${Object.entries(options.parameters).map(([k, v]) => `${JSON.stringify(k)} = ${JSON.stringify(v)}`).join('\n')}\n`);
    config.push('--config-file', file);
  }
  const args = [
    ...config,
    'run',
    `${options.apiUrl}/docs/openapi.json`,
    '--header',
    `Authorization: Bearer ${options.token}`,
    '--checks',
    FUZZ_CHECKS.join(','),
    '--phases',
    'examples,coverage,fuzzing',
    '--max-time',
    String(options.maxSeconds),
    '--workers',
    '2',
    '--suppress-health-check',
    'all',
    '--no-color',
    ...(options.seed === undefined ? [] : ['--seed', String(options.seed)]),
    ...(options.pathRegex ? ['--include-path-regex', options.pathRegex] : []),
    ...(options.excludePathRegex ? ['--exclude-path-regex', options.excludePathRegex] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(schemathesisPath(), args, { env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const generated = Number(/(\d+) generated/.exec(output)?.[1] ?? 0);
      const failures = Number(/(\d+) found (\d+) unique failures/.exec(output)?.[2] ?? 0);
      const serverErrors = (output.match(/Server error/g) ?? []).length;
      const summary = output.slice(output.lastIndexOf('SUMMARY'));
      const errorsBlock = /\nErrors:\n((?: {2}.*\n)+)/.exec(summary)?.[1] ?? '';
      const toolErrors = [...errorsBlock.matchAll(/: (\d+)\s*$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
      const knownParserCrashes = (output.match(/SystemError: AST constructor recursion depth mismatch/g) ?? []).length;
      resolve({ label: options.label, exitCode: code ?? -1, generated, failures, serverErrors, toolErrors, knownParserCrashes, output });
    });
  });
}
