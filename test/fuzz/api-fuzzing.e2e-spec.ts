import request from 'supertest';
import { authHeaders } from '../support/auth';
import { runSchemathesis, type FuzzRun } from '../support/fuzz';
import { listenOnFreePort, startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

/**
 * Hostile input from the api's own OpenAPI document (issue #9): schemathesis (pinned, PyPI)
 * generates requests from every operation's schema — examples, boundary values, then random
 * data — against the real api (real PostgreSQL and Temporal), as an agency head for the case
 * and monitoring operations and as an administrator for the directory and calendar. Zero 5xx,
 * every status code, content type and body as documented. A bounded budget here;
 * `npm run fuzz:api` (FUZZ_SECONDS=600) for a longer one.
 */
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 40);
/** Jest's limit for a run of `seconds`: --max-time bounds the fuzzing phase, the examples and coverage phases come on top. */
const limitFor = (seconds: number): number => (seconds + 300) * 1000;
const ADMIN_PATHS = '^/api/v1/(users|agencies|calendar)';

describe('API fuzzing with schemathesis', () => {
  let temporal: TestWorkflowEnvironment;
  let stack: Stack;
  let apiUrl: string;

  beforeAll(async () => {
    process.env.TRACKING_RATE_LIMIT = '100000';
    temporal = await startTemporalDevServer();
    stack = await startStack(temporal);
    apiUrl = await listenOnFreePort(stack);
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
    await temporal?.teardown();
  });

  const token = async (role: 'agency_head' | 'admin', agency: string) =>
    (await authHeaders(request(stack.api.getHttpServer()), role, agency)).Authorization!.replace('Bearer ', '');

  const report = (run: FuzzRun) => {
    process.stdout.write(
      `fuzz ${run.label}: ${run.generated} test cases, ${run.failures} failures, ${run.serverErrors} server errors (5xx), ` +
        `${run.toolErrors} schemathesis errors (${run.knownParserCrashes} of them CPython 3.11.7 parser crashes)\n`,
    );
    if (run.exitCode !== 0) process.stdout.write(`${run.output.slice(-12_000)}\n`);
  };

  /** Passed: nothing wrong with the api, and schemathesis itself failed only on the known CPython bug. */
  const verdict = (run: FuzzRun) => ({ serverErrors: run.serverErrors, failures: run.failures, otherToolErrors: run.toolErrors - run.knownParserCrashes, exit: run.exitCode === 0 || run.toolErrors > 0 ? 'ok' : run.exitCode });
  const PASSED = { serverErrors: 0, failures: 0, otherToolErrors: 0, exit: 'ok' };

  it('case, legal, monitoring and tracking operations as an agency head: no 5xx, all as documented', async () => {
    const head = await token('agency_head', 'UBND-HN');
    // A real case for every `{code}`: the 27 commands reach the workflow's Update with fuzzed bodies.
    const created = await request(stack.api.getHttpServer())
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${head}`)
      .send({ kind: 'complaint', agencyCode: 'UBND-HN', channel: 'post', receivedOn: '2026-11-02', subject: 'Khiếu nại để thử', content: 'Nội dung', petitioner: { fullName: 'Người thử', phone: '0912000000' } })
      .expect(201);
    const run = await runSchemathesis({ label: 'agency head', apiUrl, token: head, maxSeconds: SECONDS, excludePathRegex: ADMIN_PATHS, parameters: { 'path.code': created.body.code as string } });
    report(run);
    expect(run.generated).toBeGreaterThan(100);
    expect(verdict(run)).toEqual(PASSED);
  }, limitFor(SECONDS));

  it('directory and calendar operations as an administrator: no 5xx, all as documented', async () => {
    const run = await runSchemathesis({ label: 'admin', apiUrl, token: await token('admin', 'CP'), maxSeconds: Math.ceil(SECONDS / 2), pathRegex: ADMIN_PATHS });
    report(run);
    expect(run.generated).toBeGreaterThan(20);
    expect(verdict(run)).toEqual(PASSED);
  }, limitFor(Math.ceil(SECONDS / 2)));
});
