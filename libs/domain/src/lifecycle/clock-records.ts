import type { IsoDate } from '../calendar';
import type { ClockRecord } from './case-machine';
import type { ClockEffects, ClockName } from './lifecycle-types';

export interface ClockEffectDates {
  /** The case's receipt date (for clocks that start `from: 'received_on'`). */
  receivedOn: IsoDate;
  /** The date of the act being recorded. */
  effectiveDate: IsoDate;
}

/**
 * Applies a transition's clock effects to the case's clocks. Pure: the workflow keeps the
 * records; the deadline activity turns each changed record into a due date with its explanation.
 * Returns the new records and the names of the clocks that changed.
 */
export function applyClockEffects(
  clocks: Readonly<Partial<Record<ClockName, ClockRecord>>>,
  effects: ClockEffects,
  dates: ClockEffectDates,
): { clocks: Partial<Record<ClockName, ClockRecord>>; changed: ClockName[] } {
  const next: Partial<Record<ClockName, ClockRecord>> = { ...clocks };
  const changed = new Set<ClockName>();
  const update = (name: ClockName, fn: (c: ClockRecord) => ClockRecord | undefined) => {
    const current = next[name];
    if (!current) return;
    const updated = fn(current);
    if (updated && updated !== current) {
      next[name] = updated;
      changed.add(name);
    }
  };

  for (const name of effects.stop ?? []) update(name, (c) => (c.status === 'stopped' ? c : { ...c, status: 'stopped' }));
  for (const name of effects.pause ?? []) {
    update(name, (c) => (c.status === 'running' ? { ...c, status: 'paused', suspensions: [...c.suspensions, { from: dates.effectiveDate }] } : c));
  }
  for (const name of effects.resume ?? []) {
    update(name, (c) => {
      if (c.status !== 'paused') return c;
      const open = c.suspensions.at(-1);
      const closed = open && open.to === undefined ? [...c.suspensions.slice(0, -1), { from: open.from, to: dates.effectiveDate }] : c.suspensions;
      return { ...c, status: 'running', suspensions: closed };
    });
  }
  for (const name of effects.extend ?? []) {
    // TC-04 counts extensions; complaint rules switch to their "complex" variant.
    update(name, (c) => (c.status === 'stopped' ? c : { ...c, extensions: c.extensions + 1, complex: true }));
  }
  for (const spec of effects.start ?? []) {
    next[spec.clock] = {
      name: spec.clock,
      rule: spec.rule,
      owner: spec.owner ?? 'agency',
      status: 'running',
      startDate: spec.from === 'received_on' ? dates.receivedOn : dates.effectiveDate,
      complex: false,
      extensions: 0,
      suspensions: [],
    };
    changed.add(spec.clock);
  }
  return { clocks: next, changed: [...changed] };
}
