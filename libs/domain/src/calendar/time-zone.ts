import type { LocalDate } from './local-date';

/**
 * Viet Nam keeps UTC+7 all year (no daylight saving since 1975), so a local date and its
 * 24:00 end are plain arithmetic — no time-zone database, nothing a workflow replay could see
 * change.
 */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

const MS_PER_DAY = 86_400_000;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;

/**
 * The instant (UTC epoch milliseconds) at which a period whose last day is `date` ends:
 * 24:00 local time of that day (BLDS 2015 Art. 148(6)) = 17:00 UTC the same day.
 * Workflow timers fire at this instant.
 */
export function endOfLocalDayEpochMs(date: LocalDate): number {
  return (date + 1) * MS_PER_DAY - OFFSET_MS;
}

/** The local (Asia/Ho_Chi_Minh) calendar date at a UTC epoch-millisecond instant. */
export function localDateAtEpochMs(epochMs: number): LocalDate {
  return Math.floor((epochMs + OFFSET_MS) / MS_PER_DAY) as LocalDate;
}
