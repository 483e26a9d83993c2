import calendarData from '../../data/calendar/vn-official-days-off.json';
import { deriveStatutoryYear } from './statutory-holidays';

function derivedDates(year: number): string[] {
  return deriveStatutoryYear(year).daysOff.map((d) => d.date);
}

describe('days off derived from the labour code', () => {
  it.each([2024, 2025, 2026, 2027])('reproduce every non-swap day off of the %s schedule', (year) => {
    const published = calendarData.years[String(year) as keyof typeof calendarData.years].daysOff.filter((d) => d.kind !== 'swap').map((d) => d.date);
    expect(derivedDates(year)).toEqual(published);
  });

  it('derive 2028 by hand: 1/1 Sat → Mon 3/1; Tết 24–28/1; Giỗ Tổ Tue 4/4; 30/4 Sun → Tue 2/5; 2/9 Sat with Fri 1/9 → Mon 4/9; 24/11 Fri', () => {
    expect(derivedDates(2028)).toEqual([
      '2028-01-03',
      '2028-01-24',
      '2028-01-25',
      '2028-01-26',
      '2028-01-27',
      '2028-01-28',
      '2028-04-04',
      '2028-05-01',
      '2028-05-02',
      '2028-09-01',
      '2028-09-04',
      '2028-11-24',
    ]);
  });

  it('agree with the lunar dates recorded in the data file for Tết and Giỗ Tổ 2028', () => {
    const names = deriveStatutoryYear(2028).daysOff;
    expect(names.find((d) => d.date === calendarData.lunar['2028'].tet)?.name).toContain('mùng 1');
    expect(names.find((d) => d.date === calendarData.lunar['2028'].gioTo)?.name).toContain('Giỗ Tổ');
  });

  it('give nghỉ bù on Monday 26/11/2029 for 24/11 falling on a Saturday', () => {
    const day = deriveStatutoryYear(2029).daysOff.find((d) => d.date === '2029-11-26');
    expect(day?.name).toContain('Ngày Văn hóa Việt Nam');
    expect(day?.kind).toBe('extra');
  });

  it('use the 4-day Tết before 2014 and no adjacent Quốc khánh day before 2021', () => {
    // Tết Quý Tỵ: giao thừa Sat 9/2/2013, mùng 1–3 Sun 10 – Tue 12/2; nghỉ bù Wed 13, Thu 14.
    expect(derivedDates(2013).filter((d) => d < '2013-03-01')).toEqual(['2013-01-01', '2013-02-11', '2013-02-12', '2013-02-13', '2013-02-14']);
    expect(derivedDates(2020).filter((d) => d >= '2020-08-01')).toEqual(['2020-09-02']);
  });

  it('are all provisional (confidence low) and flagged "dự kiến"', () => {
    const year = deriveStatutoryYear(2031);
    expect(year.confidence).toBe('low');
    expect(year.daysOff.every((d) => d.name.endsWith('– dự kiến'))).toBe(true);
    expect(year.source).toContain('chưa có thông báo chính thức');
  });

  it('refuse years outside 2007–2199', () => {
    expect(() => deriveStatutoryYear(2006)).toThrow(RangeError);
    expect(() => deriveStatutoryYear(2200)).toThrow(RangeError);
  });
});
