import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import calendarData from '../../data/calendar/vn-official-days-off.json';
import manifest from '../../data/calendar/manifest.json';
import { validateCalendarYear } from './calendar-data';
import { deriveStatutoryYear } from './statutory-holidays';

const dataDir = join(__dirname, '../../data/calendar');

const validYear = {
  daysOff: [
    { date: '2028-01-03', name: 'Nghỉ bù Tết Dương lịch', kind: 'extra' },
    { date: '2028-05-05', name: 'Nghỉ hoán đổi', kind: 'swap' },
  ],
  makeUpWorkingDays: [{ date: '2028-05-13', replaces: '2028-05-05' }],
  source: 'Thông báo giả định cho kiểm thử',
  confidence: 'high',
};

describe('official calendar data', () => {
  it('matches the SHA-256 recorded in the manifest, so a silent edit fails CI', () => {
    const bytes = readFileSync(join(dataDir, manifest.file));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(manifest.sha256);
  });

  it('carries a version in the manifest', () => {
    expect(manifest.version).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
  });

  it('has valid years 2024–2027', () => {
    expect(Object.keys(calendarData.years)).toEqual(['2024', '2025', '2026', '2027']);
    for (const [year, input] of Object.entries(calendarData.years)) {
      expect(validateCalendarYear(Number(year), input)).toEqual([]);
    }
  });

  it('marks 24/11/2026 medium and the 2027 Tết placement low', () => {
    const day2026 = calendarData.years['2026'].daysOff.find((d) => d.date === '2026-11-24');
    expect(day2026).toMatchObject({ confidence: 'medium' });
    expect(calendarData.years['2027'].confidence).toBe('low');
  });
});

describe('validateCalendarYear', () => {
  it('accepts a well-formed year', () => {
    expect(validateCalendarYear(2028, validYear)).toEqual([]);
  });

  it('accepts a year derived from the law', () => {
    expect(validateCalendarYear(2030, deriveStatutoryYear(2030))).toEqual([]);
  });

  function fields(input: unknown, year = 2028): string[] {
    return validateCalendarYear(year, input).map((e) => e.field);
  }

  it('names a day off outside the year, on a weekend, or that does not exist', () => {
    const input = {
      ...validYear,
      daysOff: [
        { date: '2027-12-31', name: 'Sai năm', kind: 'statutory' },
        { date: '2028-01-01', name: 'Thứ Bảy', kind: 'statutory' },
        { date: '2028-02-30', name: 'Không tồn tại', kind: 'statutory' },
      ],
      makeUpWorkingDays: [],
    };
    const errors = validateCalendarYear(2028, input);
    expect(errors.map((e) => e.field)).toEqual(['daysOff[0].date', 'daysOff[1].date', 'daysOff[2].date']);
    expect(errors[1]!.reason.en).toContain('weekend');
  });

  it('requires make-up working days to be Saturdays replacing a listed day off', () => {
    const input = { ...validYear, makeUpWorkingDays: [{ date: '2028-05-12', replaces: '2028-05-08' }] };
    expect(fields(input)).toEqual(['makeUpWorkingDays[0].date', 'makeUpWorkingDays[0].replaces']);
  });

  it('rejects duplicates, missing names, unknown kinds and confidences', () => {
    const input = {
      ...validYear,
      daysOff: [
        { date: '2028-01-03', name: 'A', kind: 'statutory' },
        { date: '2028-01-03', name: '', kind: 'holiday', confidence: 'sure' },
      ],
      makeUpWorkingDays: [],
      confidence: 'certain',
      source: ' ',
    };
    expect(fields(input)).toEqual(['daysOff[1].date', 'daysOff[1].name', 'daysOff[1].kind', 'daysOff[1].confidence', 'source', 'confidence']);
  });

  it('rejects a year that is not an object or lacks its lists', () => {
    expect(fields(null)).toEqual(['']);
    expect(fields({ source: 'x', confidence: 'low' })).toEqual(['daysOff', 'makeUpWorkingDays']);
  });
});
