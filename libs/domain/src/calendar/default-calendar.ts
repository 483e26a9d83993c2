import calendarData from '../../data/calendar/vn-official-days-off.json';
import calendarManifest from '../../data/calendar/manifest.json';
import { OfficialCalendar } from './official-calendar';

/** Version of the bundled schedule data (data/calendar/manifest.json, guarded by its SHA-256). */
export const DEFAULT_CALENDAR_VERSION = `vn-official-days-off@${calendarManifest.version}`;

let defaultInstance: OfficialCalendar | undefined;

/** The calendar built from the bundled, versioned schedule data (validated on first use). */
export function defaultCalendar(): OfficialCalendar {
  defaultInstance ??= OfficialCalendar.fromYears(calendarData.years, DEFAULT_CALENDAR_VERSION);
  return defaultInstance;
}

/**
 * The bundled schedule plus years loaded at runtime (e.g. the 2028 notice entered by an
 * administrator); a loaded year replaces the bundled one. Every loaded year is validated
 * (`validateCalendarYear`); `version` should identify the loaded data, e.g. its hash.
 */
export function calendarWithYears(loadedYears: Readonly<Record<string, unknown>>, version: string): OfficialCalendar {
  return OfficialCalendar.fromYears({ ...calendarData.years, ...loadedYears }, `${DEFAULT_CALENDAR_VERSION}+${version}`);
}
