import { formatLocalDate } from '@donthu/domain';
import { parseTypedDate, showDate, showInstant, todayLocalDate } from './dates';

describe('dates shown the Vietnamese way, in Asia/Ho_Chi_Minh', () => {
  it('writes local dates as dd/mm/yyyy', () => {
    expect(showDate('2026-02-05')).toBe('05/02/2026');
    expect(showDate(null)).toBe('—');
    expect(showDate('not a date')).toBe('not a date');
  });

  it('shows instants in Viet Nam time, whatever the machine’s zone', () => {
    // 17:30 UTC on 31/12 is already 00:30 on 01/01 in Ha Noi.
    expect(showInstant('2026-12-31T17:30:00.000Z')).toBe('01/01/2027 00:30');
  });

  it('takes today from Viet Nam’s clock', () => {
    expect(formatLocalDate(todayLocalDate(Date.parse('2026-12-31T16:59:59.000Z')))).toBe('2026-12-31');
    expect(formatLocalDate(todayLocalDate(Date.parse('2026-12-31T17:00:00.000Z')))).toBe('2027-01-01');
  });

  it('reads dates typed the Vietnamese way, refusing impossible ones', () => {
    expect(parseTypedDate('5/2/2026')).toBe('2026-02-05');
    expect(parseTypedDate('20-11-2026')).toBe('2026-11-20');
    expect(parseTypedDate('2026-11-20')).toBe('2026-11-20');
    expect(parseTypedDate('30/02/2026')).toBeNull();
    expect(parseTypedDate('hôm qua')).toBeNull();
  });
});
