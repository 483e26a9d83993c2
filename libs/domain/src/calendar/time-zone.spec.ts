import { parseLocalDate } from './local-date';
import { endOfLocalDayEpochMs, localDateAtEpochMs } from './time-zone';

describe('Asia/Ho_Chi_Minh time', () => {
  it('ends a due day at 24:00 local, which is 17:00 UTC the same day', () => {
    expect(endOfLocalDayEpochMs(parseLocalDate('2026-02-23'))).toBe(Date.UTC(2026, 1, 23, 17, 0, 0));
  });

  it('finds the local date of an instant, switching at 17:00 UTC', () => {
    expect(localDateAtEpochMs(Date.UTC(2026, 1, 23, 16, 59, 59, 999))).toBe(parseLocalDate('2026-02-23'));
    expect(localDateAtEpochMs(Date.UTC(2026, 1, 23, 17, 0, 0))).toBe(parseLocalDate('2026-02-24'));
    expect(localDateAtEpochMs(Date.UTC(2026, 1, 22, 17, 0, 0))).toBe(parseLocalDate('2026-02-23'));
  });

  it('puts the end of a due day at the first instant of the next local day', () => {
    const date = parseLocalDate('2026-11-24');
    expect(localDateAtEpochMs(endOfLocalDayEpochMs(date) - 1)).toBe(date);
    expect(localDateAtEpochMs(endOfLocalDayEpochMs(date))).toBe(date + 1);
  });
});
