/** The last `count` months up to the month of `today` (YYYY-MM-DD, Asia/Ho_Chi_Minh), as the trend endpoint takes them. */
export function lastMonths(today: string, count = 12): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const start = year * 12 + (month - 1) - (count - 1);
  const from = `${String(Math.floor(start / 12)).padStart(4, '0')}-${String((start % 12) + 1).padStart(2, '0')}`;
  return { from, to: today.slice(0, 7) };
}

/** `2026-03` → `03/2026`, as months are written in Vietnam. */
export function showMonth(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}
