import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { calendarWithYears, defaultCalendar, DEFAULT_CALENDAR_VERSION, type OfficialCalendar } from '@donthu/domain';
import { CalendarYearEntity } from '../entities';

const CACHE_MS = 10_000;

/**
 * The official calendar in force: the bundled schedule data plus the years an administrator has
 * loaded (which replace the bundled ones). Cached briefly; `refresh()` after a load.
 */
export class CalendarStore {
  private cached: { calendar: OfficialCalendar; at: number } | undefined;

  constructor(private readonly dataSource: DataSource) {}

  async current(): Promise<OfficialCalendar> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.calendar;
    return this.refresh();
  }

  async refresh(): Promise<OfficialCalendar> {
    const rows = await this.dataSource.getRepository(CalendarYearEntity).find({ order: { year: 'ASC' } });
    const calendar =
      rows.length === 0
        ? defaultCalendar()
        : calendarWithYears(
            Object.fromEntries(rows.map((r) => [String(r.year), r.data])),
            `${DEFAULT_CALENDAR_VERSION}+${createHash('sha256').update(rows.map((r) => `${r.year}:${r.sha256}`).join(',')).digest('hex').slice(0, 12)}`,
          );
    this.cached = { calendar, at: Date.now() };
    return calendar;
  }
}
