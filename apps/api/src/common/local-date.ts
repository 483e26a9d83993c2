// One formatter for the process: building an Intl.DateTimeFormat costs far more than using it.
const VIETNAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Vietnam (Asia/Ho_Chi_Minh) as YYYY-MM-DD: legal dates are local dates. */
export function todayInVietnam(now: Date = new Date()): string {
  return VIETNAM_DATE.format(now);
}
