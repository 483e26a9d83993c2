import { formatLocalDate, formatLocalDateVi, localDateAtEpochMs, parseLocalDate, type LocalDate } from '@donthu/domain';

/**
 * Dates as Vietnamese documents write them (dd/mm/yyyy), in Asia/Ho_Chi_Minh whatever the
 * browser's own zone is. Statutory dates travel as `YYYY-MM-DD` local dates; instants as ISO.
 */

/** `2026-11-20` → `20/11/2026`; anything unparsable is shown as it came. */
export function showDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  try {
    return formatLocalDateVi(parseLocalDate(isoDate));
  } catch {
    return isoDate;
  }
}

const INSTANT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO instant → `20/11/2026 14:05` (Asia/Ho_Chi_Minh). */
export function showInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return INSTANT.format(ms).replace(',', '');
}

/** Today's local date in Viet Nam (UTC+7 all year) at `epochMs`. */
export function todayLocalDate(epochMs: number = Date.now()): LocalDate {
  return localDateAtEpochMs(epochMs);
}

/** Today in Viet Nam as `YYYY-MM-DD`. */
export function todayIso(epochMs: number = Date.now()): string {
  return formatLocalDate(todayLocalDate(epochMs));
}

/** What an officer types (`20/11/2026`, `20-11-2026`, `2026-11-20`) → `2026-11-20`, or null when it is no date. */
export function parseTypedDate(input: string): string | null {
  const text = input.trim();
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = vi ? `${vi[3]}-${vi[2]!.padStart(2, '0')}-${vi[1]!.padStart(2, '0')}` : text;
  try {
    return formatLocalDate(parseLocalDate(iso));
  } catch {
    return null;
  }
}
