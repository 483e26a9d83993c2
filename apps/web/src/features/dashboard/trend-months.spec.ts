import { lastMonths, showMonth } from './trend-months';

describe('dashboard trend months', () => {
  it('takes the twelve months up to today’s, across a year end', () => {
    expect(lastMonths('2026-11-26')).toEqual({ from: '2025-12', to: '2026-11' });
    expect(lastMonths('2026-01-01')).toEqual({ from: '2025-02', to: '2026-01' });
    expect(lastMonths('2026-12-31', 1)).toEqual({ from: '2026-12', to: '2026-12' });
    expect(lastMonths('2026-03-15', 24)).toEqual({ from: '2024-04', to: '2026-03' });
  });

  it('writes a month as mm/yyyy', () => {
    expect(showMonth('2026-03')).toBe('03/2026');
  });
});
