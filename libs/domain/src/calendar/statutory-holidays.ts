import type { CalendarYearInput, DayOffEntry } from './calendar-data';
import { addDays, dayOfWeek, formatLocalDate, formatLocalDateVi, isWeekend, localDate, WEEKDAY_NAMES, type LocalDate, type Weekday } from './local-date';
import { hungKingsDay, lastDayOfLunarYear, lunarNewYear, type SolarDate } from './lunar';

/**
 * Days off derived from the law for a year whose official schedule has not been loaded
 * (e.g. 2028 and later). Every derived day is provisional: the Prime Minister fixes the Tết
 * days and the adjacent Quốc khánh day each year (BLLĐ 2019 Art. 112(3)) and may add swaps.
 */

/** Years the derivation covers: Giỗ Tổ is a holiday from 2007; the lunar module stops at 2199. */
export const DERIVABLE_MIN_YEAR = 2007;
export const DERIVABLE_MAX_YEAR = 2199;

/** Which holidays the labour code in force that year grants (one row per code or amendment). */
interface HolidayLaw {
  readonly fromYear: number;
  readonly citation: string;
  readonly tetDays: 4 | 5;
  /** Quốc khánh gets "2/9 and one adjacent day before or after". */
  readonly nationalDayAdjacent: boolean;
  /** 24/11 Ngày Văn hóa Việt Nam. */
  readonly cultureDay: boolean;
}

const HOLIDAY_LAWS: readonly HolidayLaw[] = [
  // BLLĐ 1994 Art. 73 as amended in 2007 (Giỗ Tổ added); Tết 4 days. Also covers Tết 2013,
  // which fell before BLLĐ 2012 took effect (01/05/2013); its other holidays were the same.
  { fromYear: 2007, citation: 'BLLĐ 1994 (sửa đổi 2007) Điều 73', tetDays: 4, nationalDayAdjacent: false, cultureDay: false },
  // BLLĐ 2012 Art. 115(1): Tết 5 days; 115(3): nghỉ bù when a holiday falls on the weekly rest day.
  { fromYear: 2014, citation: 'BLLĐ 2012 Điều 115', tetDays: 5, nationalDayAdjacent: false, cultureDay: false },
  // BLLĐ 2019 Art. 112(1) (in force 01/01/2021): Quốc khánh 2/9 plus one adjacent day; Art. 111(3) nghỉ bù.
  { fromYear: 2021, citation: 'BLLĐ 2019 Điều 112 khoản 1, Điều 111 khoản 3', tetDays: 5, nationalDayAdjacent: true, cultureDay: false },
  // Nghị quyết 28/2026/QH16 Art. 2 (in force 01/07/2026; official text not seen — check): 24/11.
  { fromYear: 2026, citation: 'BLLĐ 2019 Điều 112 khoản 1, Điều 111 khoản 3; Nghị quyết 28/2026/QH16 Điều 2', tetDays: 5, nationalDayAdjacent: true, cultureDay: true },
];

function holidayLawFor(year: number): HolidayLaw {
  let found: HolidayLaw | undefined;
  for (const law of HOLIDAY_LAWS) if (law.fromYear <= year) found = law;
  if (!found) throw new RangeError(`no holiday law modelled for ${year} (derivation starts in ${DERIVABLE_MIN_YEAR})`);
  return found;
}

function fromSolar(d: SolarDate): LocalDate {
  return localDate(d.year, d.month, d.day);
}

/**
 * Placement of the 5 Tết days (one convention, used for every derived year): the day before
 * giao thừa, giao thừa, mùng 1, mùng 2, mùng 3. It is what the Prime Minister chose in 2024
 * (TB 5015/TB-LĐTBXH: 29 and 30 tháng Chạp, mùng 1–3) and 2025 (CV 8726/VPCP-KGVX: 28 and 29
 * tháng Chạp, mùng 1–3), and what the 2027 data file places; 2026 (giao thừa + mùng 1–4) gave
 * the same weekdays off once Art. 111(3) is applied, because 28 tháng Chạp fell on a Sunday.
 * Under the 4-day Tết (before 2014): giao thừa and mùng 1–3, the customary "1 ngày cuối năm,
 * 3 ngày đầu năm".
 */
function tetDays(year: number, count: 4 | 5): { date: LocalDate; label: string }[] {
  const eve = fromSolar(lastDayOfLunarYear(year));
  const newYear = fromSolar(lunarNewYear(year));
  const days = [
    { date: eve, label: 'Tết Âm lịch (giao thừa)' },
    { date: newYear, label: 'Tết Âm lịch (mùng 1)' },
    { date: addDays(newYear, 1), label: 'Tết Âm lịch (mùng 2)' },
    { date: addDays(newYear, 2), label: 'Tết Âm lịch (mùng 3)' },
  ];
  return count === 5 ? [{ date: addDays(eve, -1), label: 'Tết Âm lịch (ngày liền trước giao thừa)' }, ...days] : days;
}

/**
 * Placement of the day adjacent to 2/9 (BLLĐ 2019 Art. 112(1)(đ): "và 01 ngày liền kề trước
 * hoặc sau"), one convention by the weekday of 2/9: the side that joins the break to a weekend
 * with the fewest weekdays off, as the Prime Minister chose — Monday → 3/9 (2024), Tuesday →
 * 1/9 (2025), Wednesday → 1/9 (2026, a tie broken by that precedent), Thursday → 3/9 (2021;
 * also the 2027 placement), Friday → 1/9 (2022), Saturday → 1/9 (2023, with nghỉ bù Monday
 * 4/9), Sunday → 3/9 (the day before would be another Saturday). 2021–2023 are recalled from
 * the published schedules, not re-read here.
 */
const NATIONAL_DAY_ADJACENT_OFFSET: Record<Weekday, -1 | 1> = { 1: 1, 2: -1, 3: -1, 4: 1, 5: -1, 6: -1, 7: 1 };

const PROVISIONAL_SUFFIX = ' – dự kiến';

/**
 * The weekdays off of `year` derived from the labour code: the holidays themselves when they
 * fall Monday–Friday, plus nghỉ bù for each holiday on a Saturday or Sunday on the next
 * weekday that is not already off (BLLĐ 2019 Art. 111(3); same rule in BLLĐ 2012 Art. 115(3)).
 * Returned as a schedule year with confidence `low` so it goes through the same validation
 * and indexing as a published year.
 */
export function deriveStatutoryYear(year: number): CalendarYearInput {
  if (!Number.isInteger(year) || year < DERIVABLE_MIN_YEAR || year > DERIVABLE_MAX_YEAR) {
    throw new RangeError(`days off can only be derived for ${DERIVABLE_MIN_YEAR}–${DERIVABLE_MAX_YEAR}, not ${year}`);
  }
  const law = holidayLawFor(year);
  const nationalDay = localDate(year, 9, 2);
  const holidays: { date: LocalDate; label: string }[] = [
    { date: localDate(year, 1, 1), label: 'Tết Dương lịch' },
    ...tetDays(year, law.tetDays),
    { date: fromSolar(hungKingsDay(year)), label: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: localDate(year, 4, 30), label: 'Ngày Chiến thắng' },
    { date: localDate(year, 5, 1), label: 'Ngày Quốc tế Lao động' },
    { date: nationalDay, label: 'Quốc khánh' },
  ];
  if (law.nationalDayAdjacent) {
    const offset = NATIONAL_DAY_ADJACENT_OFFSET[dayOfWeek(nationalDay)];
    holidays.push({ date: addDays(nationalDay, offset), label: `Quốc khánh (ngày liền kề ${offset < 0 ? 'trước' : 'sau'})` });
  }
  if (law.cultureDay) holidays.push({ date: localDate(year, 11, 24), label: 'Ngày Văn hóa Việt Nam' });
  holidays.sort((a, b) => a.date - b.date);

  // Giỗ Tổ can coincide with 30/4; a coincidence of two holidays gives no extra day.
  const taken = new Set<number>(holidays.map((h) => h.date));
  const daysOff: DayOffEntry[] = [];
  const seen = new Set<number>();
  for (const holiday of holidays) {
    if (seen.has(holiday.date)) continue;
    seen.add(holiday.date);
    if (!isWeekend(holiday.date)) {
      daysOff.push({ date: formatLocalDate(holiday.date), name: holiday.label + PROVISIONAL_SUFFIX, kind: 'statutory' });
      continue;
    }
    let compensatory = addDays(holiday.date, 1);
    while (isWeekend(compensatory) || taken.has(compensatory)) compensatory = addDays(compensatory, 1);
    taken.add(compensatory);
    const weekday = WEEKDAY_NAMES[dayOfWeek(holiday.date)].vi;
    daysOff.push({
      date: formatLocalDate(compensatory),
      name: `Nghỉ bù ${holiday.label}, trùng ${weekday} ${formatLocalDateVi(holiday.date)}${PROVISIONAL_SUFFIX}`,
      kind: 'extra',
    });
  }
  daysOff.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    daysOff,
    makeUpWorkingDays: [],
    source: `Suy ra từ luật (${law.citation}) và âm lịch Việt Nam (UTC+7); chưa có thông báo chính thức của Chính phủ cho năm ${year}.`,
    confidence: 'low',
  };
}
