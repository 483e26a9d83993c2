/**
 * Case lifecycle at scale (issue #9): M complaints registered over HTTP, then driven through
 * accept → extend (complex case, KN-03) → decide, with their statutory timers, against the real
 * api and worker processes on the time-skipping Temporal test server, whose clock jumps ahead
 * whenever nothing runs, so every case's milestone timers (due soon, overdue, escalations, the
 * send-decision clock) fire and wake its workflow during the run. Prints commands/s, and the worker process's resident memory as cases open, per 10k
 * open cases, next to the worker's sticky-cache size (WORKER_MAX_CACHED_WORKFLOWS).
 *
 *   npm run bench:lifecycle                                 # 2,000 cases, cache 500
 *   npm run bench:lifecycle -- --cases 10000 --cache 1000 --concurrency 16
 *
 * Target: memory per open case bounded — the worker's RSS levels off once the cache is full
 * instead of growing with open cases. Asserts nothing.
 */
import { randomBytes } from 'node:crypto';
import { freePort } from '../test/support/net';
import { loginAs, startProcessStack, type ProcessStack } from '../test/support/process-stack';
import { ms, parseCountOptions, runLoad, type LoadFigures } from './support/stats';



async function stickyCacheSize(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const match = /^temporal_sticky_cache_size(?:\{[^}]*\})? (\d+(?:\.\d+)?)/m.exec(text);
  return match ? Number(match[1]) : NaN;
}

interface Sample {
  label: string;
  open: number;
  rss: number;
  /** V8 heap in use right after a full collection: the worker's live data. */
  heap: number;
  cached: number;
}

async function main(): Promise<void> {
  const options = parseCountOptions(process.argv.slice(2), { cases: 2000, concurrency: 8, cache: 500 });
  const metricsPort = await freePort();
  console.log(`bench:lifecycle — ${options.cases} complaints, ${options.concurrency} in flight, worker cache ${options.cache} workflows`);
  const stack: ProcessStack = await startProcessStack({
    temporal: 'time-skipping',
    env: { WORKER_MAX_CACHED_WORKFLOWS: String(options.cache), WORKER_METRICS_ADDRESS: `127.0.0.1:${metricsPort}`, WORKFLOW_RECONCILE_INTERVAL_MS: '0' },
    workerNodeArgs: ['--expose-gc'],
  });
  const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  const samples: Sample[] = [];
  const sample = async (label: string, open: number) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const memory = await stack.workerMemory();
    samples.push({ label, open, rss: memory.rss / 2 ** 20, heap: memory.heapUsed / 2 ** 20, cached: await stickyCacheSize(metricsUrl) });
  };
  try {
    const token = await loginAs(stack.apiUrl, 'agency_head', 'UBND-HN');
    const call = async (path: string, body: object): Promise<Record<string, unknown>> => {
      const response = await fetch(`${stack.apiUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const payload = (await response.json()) as Record<string, unknown>;
      if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(payload)}`);
      return payload;
    };
    await sample('worker started, no case', 0);

    const codes: string[] = new Array<string>(options.cases);
    const quarter = Math.ceil(options.cases / 4);
    let registration: LoadFigures | undefined;
    for (let from = 0; from < options.cases; from += quarter) {
      const count = Math.min(quarter, options.cases - from);
      const figures = await runLoad(count, options.concurrency, async (i) => {
        const created = await call('/api/v1/cases', {
          kind: 'complaint',
          agencyCode: 'UBND-HN',
          channel: 'post',
          receivedOn: '2026-11-20',
          subject: `Khiếu nại số ${from + i}`,
          content: `Khiếu nại quyết định thu hồi đất ${randomBytes(6).toString('hex')}`,
          petitioner: { fullName: `Người khiếu nại ${from + i}`, phone: `0915${String(100000 + from + i).slice(-6)}` },
        });
        codes[from + i] = created.code as string;
      });
      registration = registration ? { ...figures, count: registration.count + figures.count, seconds: registration.seconds + figures.seconds, failures: registration.failures + figures.failures } : figures;
      await sample(`${from + count} registered`, from + count);
    }

    const commands: Array<[string, (code: string) => object]> = [
      ['accept', () => ({ note: 'Đủ điều kiện thụ lý' })],
      ['extend', () => ({ reason: 'Vụ việc phức tạp, cần xác minh thêm', documentNumber: '12/TB-UBND' })],
      ['decide', (code) => ({ documentNumber: `QĐ-${code.slice(-6)}/2026` })],
    ];
    const perCommand: Array<[string, LoadFigures]> = [];
    for (const [command, body] of commands) {
      const figures = await runLoad(options.cases, options.concurrency, async (i) => {
        await call(`/api/v1/cases/${codes[i]!}/${command}`, body(codes[i]!));
      });
      perCommand.push([command, figures]);
      await sample(`all: ${command}`, options.cases);
    }

    // The test server jumps its clock while idle: every milestone timer fires and wakes its workflow.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    await sample('15 s idle (timers fired)', options.cases);

    const totalCommands = perCommand.reduce((n, [, f]) => n + f.count - f.failures, 0);
    const commandSeconds = perCommand.reduce((s, [, f]) => s + f.seconds, 0);
    console.log('');
    console.log(`  registrations: ${registration!.perSecond.toFixed(1)}/s (p95 ${ms(registration!.p95)}), failures ${registration!.failures}`);
    for (const [command, f] of perCommand) {
      console.log(`  ${command.padEnd(8)} ${f.perSecond.toFixed(1).padStart(7)} commands/s  p50 ${ms(f.p50).padStart(10)}  p95 ${ms(f.p95).padStart(10)}  p99 ${ms(f.p99).padStart(10)}  failures ${f.failures}`);
    }
    console.log(`  all commands: ${(totalCommands / commandSeconds).toFixed(1)}/s (${totalCommands} Updates, each a workflow task + a projection activity)`);
    console.log('');
    console.log(`  ${'worker'.padEnd(34)}${'open cases'.padStart(11)}${'RSS MB'.padStart(10)}${'heap MB'.padStart(10)}${'cached wf'.padStart(11)}`);
    for (const s of samples) {
      console.log(`  ${s.label.padEnd(34)}${String(s.open).padStart(11)}${s.rss.toFixed(0).padStart(10)}${s.heap.toFixed(0).padStart(10)}${String(s.cached).padStart(11)}`);
    }
    const base = samples[0]!;
    const half = samples.find((s) => s.open >= options.cases / 2)!;
    const full = samples[samples.length - 1]!;
    const perTenK = (from: Sample, to: Sample, key: 'rss' | 'heap') => ((to[key] - from[key]) / Math.max(1, to.open - from.open)) * 10_000;
    console.log('');
    console.log(`  per 10k open cases, whole run: RSS ${perTenK(base, full, 'rss').toFixed(0)} MB, live heap ${perTenK(base, full, 'heap').toFixed(0)} MB`);
    console.log(`  per 10k open cases once the cache is full (${half.open} → ${full.open}): RSS ${perTenK(half, full, 'rss').toFixed(0)} MB, live heap ${perTenK(half, full, 'heap').toFixed(0)} MB`);
    console.log(`  ratio live heap at ${full.open} / at ${half.open} open cases: ${(full.heap / half.heap).toFixed(2)}× (bounded ⇔ close to 1 once the cache of ${options.cache} is full)`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
