import { todayInVietnam } from '../common/local-date';
import type { MonitoringInstant } from './clock-state-sql';

/** The instant a monitoring request is answered at: the server's clock, and its date in Vietnam. */
export function monitoringInstantNow(nowMs: number = Date.now()): MonitoringInstant {
  return { nowMs, today: todayInVietnam(new Date(nowMs)) };
}
