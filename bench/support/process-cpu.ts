import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (which may itself hold spaces): state, ppid, …
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

const ticksToMs = (ticks: number): number => (ticks * 1000) / TICKS_PER_SECOND;

/** user + system CPU time of a process, in ms, from /proc/<pid>/stat (Linux); undefined when gone or not Linux. */
export function processCpuMs(pid: number | undefined): number | undefined {
  const fields = pid === undefined ? undefined : statFields(pid);
  return fields ? ticksToMs(Number(fields[11]) + Number(fields[12])) : undefined;
}

/**
 * CPU time, in ms, of the machine's PostgreSQL: every live server process, plus what its exited
 * backends used (the postmaster reaps them: its children's time, cutime + cstime), so that a
 * connection closing during a phase does not make its CPU vanish from the count.
 */
export function postgresCpuMs(): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return undefined;
  }
  const comm = (pid: string): string | undefined => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      return undefined;
    }
  };
  let total: number | undefined;
  for (const pid of pids) {
    if (comm(pid) !== 'postgres') continue;
    const fields = statFields(pid);
    if (!fields) continue;
    const postmaster = comm(fields[1]!) !== 'postgres';
    total = (total ?? 0) + ticksToMs(Number(fields[11]) + Number(fields[12]) + (postmaster ? Number(fields[13]) + Number(fields[14]) : 0));
  }
  return total;
}

/** CPU time of named parts, sampled before and after a phase of a benchmark: ms per unit of work. */
export class CpuMeter {
  private readonly start: Map<string, number | undefined>;

  constructor(private readonly parts: Record<string, () => number | undefined>) {
    this.start = new Map(Object.entries(parts).map(([name, read]) => [name, read()]));
  }

  /** CPU ms per unit for each part since the meter was made (undefined when a part could not be read). */
  perUnit(units: number): Array<{ part: string; ms: number | undefined }> {
    return Object.entries(this.parts).map(([part, read]) => {
      const before = this.start.get(part);
      const after = read();
      return { part, ms: before === undefined || after === undefined ? undefined : (after - before) / units };
    });
  }
}

/** "api 8.3, worker 6.0, … — total 33.9 ms", and what 2 cores could do at that cost. */
export function formatCpu(perUnit: Array<{ part: string; ms: number | undefined }>, cores: number): string {
  const known = perUnit.filter((p): p is { part: string; ms: number } => p.ms !== undefined);
  const total = known.reduce((sum, p) => sum + p.ms, 0);
  const parts = perUnit.map((p) => `${p.part} ${p.ms === undefined ? 'n/a' : p.ms.toFixed(1)}`).join(', ');
  return `${parts} — total ${total.toFixed(1)} ms (${cores} cores at this cost: at most ${((cores * 1000) / total).toFixed(0)}/s)`;
}
