import { isMonth, monthsBetween } from './trend.query';

describe('trend months', () => {
  it('lists every month from one to the other, both included, across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-05', '2026-05')).toEqual(['2026-05']);
    expect(monthsBetween('2026-05', '2026-04')).toEqual([]);
    expect(monthsBetween('2024-12', '2026-11')).toHaveLength(24);
  });

  it('accepts only real months YYYY-MM from 2000 to 2199', () => {
    for (const ok of ['2000-01', '2026-12', '2199-12']) expect(isMonth(ok)).toBe(true);
    for (const bad of ['2026-13', '2026-00', '2026-1', '1999-12', '2200-01', '2026-01-01', ' 2026-01', 2026, undefined]) expect(isMonth(bad)).toBe(false);
  });
});
