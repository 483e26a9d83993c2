import type { ClockRecord } from './case-machine';
import { applyClockEffects } from './clock-records';
import type { ClockName } from './lifecycle-types';

const DATES = { receivedOn: '2026-03-02', effectiveDate: '2026-03-10' };

function clock(name: ClockName, over: Partial<ClockRecord> = {}): ClockRecord {
  return { name, rule: 'KN-03', owner: 'agency', status: 'running', startDate: '2026-03-10', complex: false, extensions: 0, suspensions: [], ...over };
}

type Clocks = Partial<Record<ClockName, ClockRecord>>;

describe('applying clock effects to the case clocks', () => {
  it('starts a clock from the receipt date when the table says received_on', () => {
    const { clocks, changed } = applyClockEffects({}, { start: [{ clock: 'acceptance', rule: 'KN-02', from: 'received_on' }] }, DATES);
    expect(clocks.acceptance).toEqual({
      name: 'acceptance',
      rule: 'KN-02',
      owner: 'agency',
      status: 'running',
      startDate: '2026-03-02',
      complex: false,
      extensions: 0,
      suspensions: [],
    });
    expect(changed).toEqual(['acceptance']);
  });

  it('starts a clock from the date of the act when the table says effective_date, with its owner', () => {
    const { clocks } = applyClockEffects({}, { start: [{ clock: 'appeal_window', rule: 'KN-05', from: 'effective_date', owner: 'citizen' }] }, DATES);
    expect(clocks.appeal_window).toMatchObject({ rule: 'KN-05', owner: 'citizen', startDate: '2026-03-10', status: 'running' });
  });

  it('restarts a clock afresh: a new start replaces the old record', () => {
    const old: Clocks = { acceptance: clock('acceptance', { rule: 'KN-02', status: 'stopped', startDate: '2026-03-02', suspensions: [{ from: '2026-03-03', to: '2026-03-04' }] }) };
    const { clocks, changed } = applyClockEffects(old, { start: [{ clock: 'acceptance', rule: 'KN-02', from: 'effective_date' }] }, DATES);
    expect(clocks.acceptance).toMatchObject({ status: 'running', startDate: '2026-03-10', suspensions: [], extensions: 0, complex: false });
    expect(changed).toEqual(['acceptance']);
  });

  it('pauses a running clock and opens a suspension from the date of the act', () => {
    const { clocks, changed } = applyClockEffects({ resolution: clock('resolution') }, { pause: ['resolution'] }, { ...DATES, effectiveDate: '2026-03-20' });
    expect(clocks.resolution).toMatchObject({ status: 'paused', suspensions: [{ from: '2026-03-20' }] });
    expect(clocks.resolution!.suspensions[0]).not.toHaveProperty('to');
    expect(changed).toEqual(['resolution']);
  });

  it('appends a new suspension after earlier closed ones', () => {
    const earlier = clock('resolution', { suspensions: [{ from: '2026-03-12', to: '2026-03-14' }] });
    const { clocks } = applyClockEffects({ resolution: earlier }, { pause: ['resolution'] }, { ...DATES, effectiveDate: '2026-03-20' });
    expect(clocks.resolution!.suspensions).toEqual([{ from: '2026-03-12', to: '2026-03-14' }, { from: '2026-03-20' }]);
  });

  it('resumes a paused clock and closes its open suspension on the date of the act', () => {
    const paused = clock('resolution', { status: 'paused', suspensions: [{ from: '2026-03-12', to: '2026-03-14' }, { from: '2026-03-20' }] });
    const { clocks, changed } = applyClockEffects({ resolution: paused }, { resume: ['resolution'] }, { ...DATES, effectiveDate: '2026-03-25' });
    expect(clocks.resolution).toMatchObject({ status: 'running', suspensions: [{ from: '2026-03-12', to: '2026-03-14' }, { from: '2026-03-20', to: '2026-03-25' }] });
    expect(changed).toEqual(['resolution']);
  });

  it('counts an extension and marks the case complex', () => {
    const { clocks, changed } = applyClockEffects({ resolution: clock('resolution', { rule: 'TC-04', extensions: 1, complex: true }) }, { extend: ['resolution'] }, DATES);
    expect(clocks.resolution).toMatchObject({ extensions: 2, complex: true, status: 'running' });
    expect(changed).toEqual(['resolution']);
  });

  it('extends a paused clock too (the decision may come while suspended)', () => {
    const { clocks } = applyClockEffects({ resolution: clock('resolution', { status: 'paused', suspensions: [{ from: '2026-03-20' }] }) }, { extend: ['resolution'] }, DATES);
    expect(clocks.resolution).toMatchObject({ extensions: 1, complex: true, status: 'paused' });
  });

  it('stops a running or paused clock, keeping its dates and suspensions', () => {
    const before: Clocks = { resolution: clock('resolution', { status: 'paused', suspensions: [{ from: '2026-03-20' }] }), acceptance: clock('acceptance') };
    const { clocks, changed } = applyClockEffects(before, { stop: ['resolution', 'acceptance'] }, DATES);
    expect(clocks.resolution).toEqual({ ...before.resolution, status: 'stopped' });
    expect(clocks.acceptance).toEqual({ ...before.acceptance, status: 'stopped' });
    expect(changed.sort()).toEqual(['acceptance', 'resolution']);
  });

  it('reports as changed only the clocks that changed, ignoring no-ops and clocks the case does not have', () => {
    const before: Clocks = {
      acceptance: clock('acceptance', { status: 'stopped' }),
      resolution: clock('resolution'),
      publication: clock('publication', { status: 'paused', suspensions: [{ from: '2026-03-20' }] }),
      send_decision: clock('send_decision', { status: 'stopped' }),
    };
    const { clocks, changed } = applyClockEffects(
      before,
      {
        stop: ['acceptance', 'transfer_response'], // already stopped; absent
        pause: ['publication', 'reply'], // already paused; absent
        resume: ['resolution'], // not paused
        extend: ['send_decision'], // stopped
      },
      DATES,
    );
    expect(changed).toEqual([]);
    expect(clocks).toEqual(before);
    for (const name of Object.keys(before) as ClockName[]) expect(clocks[name]).toBe(before[name]);
  });

  it('leaves untouched clocks as they were and does not modify its input', () => {
    const before: Clocks = { acceptance: clock('acceptance'), appeal_window: clock('appeal_window', { owner: 'citizen', rule: 'KN-05' }) };
    const frozen = JSON.parse(JSON.stringify(before));
    const { clocks, changed } = applyClockEffects(before, { stop: ['acceptance'], start: [{ clock: 'resolution', rule: 'KN-03', from: 'effective_date' }] }, DATES);
    expect(before).toEqual(frozen);
    expect(clocks.appeal_window).toBe(before.appeal_window);
    expect(changed.sort()).toEqual(['acceptance', 'resolution']);
    expect(Object.keys(clocks).sort()).toEqual(['acceptance', 'appeal_window', 'resolution']);
  });

  it('stops before it starts, so a transfer can stop one clock and start another in one act', () => {
    const { clocks } = applyClockEffects(
      { acceptance: clock('acceptance', { rule: 'KN-02', startDate: '2026-03-02' }) },
      { stop: ['acceptance'], start: [{ clock: 'transfer_response', rule: 'XLD-01', from: 'effective_date' }] },
      DATES,
    );
    expect(clocks.acceptance!.status).toBe('stopped');
    expect(clocks.transfer_response).toMatchObject({ status: 'running', startDate: '2026-03-10', rule: 'XLD-01' });
  });
});
