// The monitoring state in SQL lives with the persistence layer, shared with the worker's daily digest.
export { escalationStep, inStatesSql, instantParams, MONITORED_DUE, MONITORED_STATES, RUNNING_AGENCY_CLOCK, DUE_SOON_HORIZON_DAYS, SqlParams, stateSql } from '@donthu/persistence';
export type { MonitoredState, MonitoringInstant } from '@donthu/persistence';
