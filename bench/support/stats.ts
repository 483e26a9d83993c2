import { performance } from 'node:perf_hooks';

/** The p-th percentile of ascending `sorted` (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface LoadFigures {
  count: number;
  failures: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Runs `task(i)` for i in [0, count) with `concurrency` in flight, timing each call and the
 * whole; a task that throws counts as a failure (its time is not in the percentiles).
 */
export async function runLoad(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<LoadFigures> {
  const times: number[] = [];
  let failures = 0;
  let next = 0;
  const begin = performance.now();
  const lane = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const start = performance.now();
      try {
        await task(i);
        times.push(performance.now() - start);
      } catch {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  const seconds = (performance.now() - begin) / 1000;
  times.sort((a, b) => a - b);
  return { count, failures, seconds, perSecond: times.length / seconds, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;

/**
 * `--name N` options of a benchmark, each a positive integer (`1_000` and `1,000` read as 1000),
 * starting from `defaults`; an unknown option or a bad number stops the run with its usage.
 */
export function parseCountOptions<T extends Record<string, number>>(argv: readonly string[], defaults: T): T {
  const options: Record<string, number> = { ...defaults };
  const usage = Object.keys(defaults).map((k) => `--${k} N`).join(' ');
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]!.replace(/^--/, '');
    const value = Number((argv[i + 1] ?? '').replace(/[_,]/g, ''));
    if (!(name in defaults)) throw new Error(`unknown option ${argv[i]!} (${usage})`);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive integer`);
    options[name] = value;
  }
  return options as T;
}
