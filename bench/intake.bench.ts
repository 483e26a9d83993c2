/**
 * Intake throughput (issue #9): registers N cases over HTTP with C requests in flight against the
 * real system as separate processes (api and worker from the compiled build, a Temporal dev
 * server, a throw-away database on the local PostgreSQL), and, in the same run and on the same
 * Temporal server, the rate of bare workflow starts of an empty workflow: the ceiling.
 *
 *   npm run bench:intake                               # 3,000 cases, 16 in flight
 *   npm run bench:intake -- --cases 20000 --concurrency 32
 *
 * A registration is what an intake officer's "save" does: validation, the case, its party
 * (encrypted), clocks, audit event, national-export record, tracking-secret tag (keyed HMAC),
 * screening findings and idempotency key in one
 * transaction, then the workflow start. The figures printed: cases/s, latency p50/p95/p99, the
 * bare start rate, the ratio, whether every case got its workflow, and the CPU each process spent
 * per registration and per bare start (api, worker, Temporal, PostgreSQL, this client): where the
 * cost is. Asserts nothing. INTAKE_PROFILE_DIR=dir writes V8 CPU profiles of api and worker.
 * Targets: ≥ 0.5× the bare start rate, ≥ 140 cases/s (450,000 letters a year in under an hour).
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { loginAs, startProcessStack } from '../test/support/process-stack';
import { CpuMeter, formatCpu, postgresCpuMs, processCpuMs } from './support/process-cpu';
import { ms, parseCountOptions, runLoad, type LoadFigures } from './support/stats';


const KINDS = ['letter', 'complaint', 'denunciation', 'recommendation', 'reception'] as const;
const AGENCIES = ['UBND-HN', 'SO-TNMT-HN', 'UBND-PHUONG-HK', 'UBND-PHUONG-BD'];

function caseBody(i: number, agencyCode: string): object {
  const kind = KINDS[i % KINDS.length]!;
  return {
    kind,
    agencyCode,
    channel: i % 3 === 0 ? 'in_person' : 'post',
    receivedOn: '2026-11-2' + String(i % 6),
    subject: `Đơn số ${i}: tranh chấp đất đai tại thửa ${i % 997}`,
    content: `Nội dung đơn thứ ${i}: đề nghị xem xét quyết định thu hồi đất, bồi thường chưa thỏa đáng. ${randomBytes(8).toString('hex')}`,
    petitioner: { fullName: `Người gửi ${i}`, phone: `09${String(10_000_000 + i).slice(-8)}`, idNumber: `0010${String(90_000_000 + i).padStart(8, '0')}` },
  };
}

function line(label: string, f: LoadFigures): string {
  return `  ${label.padEnd(34)}${f.perSecond.toFixed(1).padStart(9)}/s  p50 ${ms(f.p50).padStart(10)}  p95 ${ms(f.p95).padStart(10)}  p99 ${ms(f.p99).padStart(10)}  ${f.count} in ${f.seconds.toFixed(1)} s, failures ${f.failures}`;
}

async function main(): Promise<void> {
  const options = parseCountOptions(process.argv.slice(2), { cases: 3000, concurrency: 16, warmup: 100 });
  console.log(`bench:intake — ${options.cases} cases, ${options.concurrency} in flight (warm-up ${options.warmup})`);
  // INTAKE_PROFILE_DIR=/tmp/prof: the api and the worker write V8 CPU profiles there at the end.
  const profileDir = process.env.INTAKE_PROFILE_DIR;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const stack = await startProcessStack({ apiNodeArgs: profile, workerNodeArgs: profile });
  try {
    const tokens = new Map<string, string>();
    for (const agency of AGENCIES) tokens.set(agency, await loginAs(stack.apiUrl, 'intake_officer', agency));
    const register = async (i: number): Promise<void> => {
      const agency = AGENCIES[i % AGENCIES.length]!;
      const response = await fetch(`${stack.apiUrl}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(agency)!}`, 'idempotency-key': `bench-${i}-${randomBytes(4).toString('hex')}` },
        body: JSON.stringify(caseBody(i, agency)),
      });
      if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };

    const clientCpuMs = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    const parts = (names: Array<'api' | 'worker' | 'temporal'>) => ({
      ...Object.fromEntries(names.map((name) => [name === 'temporal' ? 'Temporal' : name, () => processCpuMs(stack.pids()[name])])),
      PostgreSQL: postgresCpuMs,
      'bench client': clientCpuMs,
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

    await runLoad(options.warmup, options.concurrency, register);
    await settle();
    const intakeCpu = new CpuMeter(parts(['api', 'worker', 'temporal']));
    const intake = await runLoad(options.cases, options.concurrency, (i) => register(options.warmup + i));

    // Did every case get its workflow? (started by the api after commit, else by its reconciler)
    const pg = new PgClient({ connectionString: stack.db.url });
    await pg.connect();
    const waitBegin = Date.now();
    let pending = -1;
    while (Date.now() - waitBegin < 120_000) {
      pending = Number((await pg.query<{ n: string }>('SELECT count(*) AS n FROM cases WHERE workflow_started_at IS NULL')).rows[0]!.n);
      if (pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const stored = Number((await pg.query<{ n: string }>('SELECT count(*) AS n FROM cases')).rows[0]!.n);
    await pg.end();
    await settle(); // the worker's first workflow tasks of the last cases
    const intakeCpuPerCase = intakeCpu.perUnit(options.cases);

    // The ceiling: bare starts of an empty workflow on the same server, same concurrency.
    const connection = await Connection.connect({ address: stack.temporalAddress });
    const client = new Client({ connection, namespace: 'default' });
    const bareQueue = `bare-${randomBytes(4).toString('hex')}`;
    const start = async (i: number): Promise<void> => {
      await client.workflow.start('emptyWorkflow', { taskQueue: bareQueue, workflowId: `bare-${bareQueue}-${i}`, args: [] });
    };
    await runLoad(options.warmup, options.concurrency, (i) => start(-1 - i));
    await settle();
    const bareCpu = new CpuMeter(parts(['temporal']));
    const bare = await runLoad(options.cases, options.concurrency, start);
    await settle();
    const bareCpuPerStart = bareCpu.perUnit(options.cases);
    await connection.close();

    console.log('');
    console.log(line('registrations over HTTP', intake));
    console.log(line('bare workflow starts (ceiling)', bare));
    console.log('');
    console.log(`  ratio intake / bare starts: ${(intake.perSecond / bare.perSecond).toFixed(2)}× (target ≥ 0.5×: ${intake.perSecond >= 0.5 * bare.perSecond ? 'met' : 'NOT met'})`);
    console.log(`  sustained: ${intake.perSecond.toFixed(1)} cases/s (target ≥ 140: ${intake.perSecond >= 140 ? 'met' : 'NOT met'}); 450,000 letters would take ${(450_000 / intake.perSecond / 60).toFixed(0)} min`);
    console.log('');
    console.log('  CPU per registration, ms (where the cost is; /proc, Linux):');
    console.log(`    ${formatCpu(intakeCpuPerCase, cpus().length)}`);
    console.log('  CPU per bare start, ms:');
    console.log(`    ${formatCpu(bareCpuPerStart, cpus().length)}`);
    console.log('');
    console.log(`  cases stored: ${stored} (expected ${options.warmup + options.cases}); without a workflow after ${((Date.now() - waitBegin) / 1000).toFixed(1)} s: ${pending}`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
