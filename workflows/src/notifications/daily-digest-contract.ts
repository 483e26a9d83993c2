/**
 * What the worker and the daily digest workflow share. Each morning a Temporal Schedule starts
 * the workflow, whose activity writes one digest row per officer into the notification outbox
 * (unique per user and local date), which the dispatcher then delivers like any notification.
 */

/** One schedule per deployment (per task queue), created idempotently by the worker at start. */
export function dailyDigestScheduleId(taskQueue: string): string {
  return `daily-digest-${taskQueue}`;
}

/** When the digest goes out: 07:00 in Vietnam, every day (officers read it when they start work). */
export const DAILY_DIGEST_TIME = { hour: 7, minute: 0, timeZone: 'Asia/Ho_Chi_Minh' } as const;

export interface DailyDigestInput {
  /** The instant the digest is for (the scheduled start): its local date is the digest's date. */
  atMs: number;
}

export interface DailyDigestResult {
  /** The local date (YYYY-MM-DD, Asia/Ho_Chi_Minh) of the digest. */
  date: string;
  /** Officers with at least one clock to report. */
  recipients: number;
  /** Outbox rows written now (less than `recipients` when the day's digests already existed). */
  created: number;
}

export interface DailyDigestActivities {
  /** Writes the day's digest rows (one per officer with due-soon, due-today or overdue clocks); idempotent per (user, date). */
  produceDailyDigests(input: DailyDigestInput): Promise<DailyDigestResult>;
}
