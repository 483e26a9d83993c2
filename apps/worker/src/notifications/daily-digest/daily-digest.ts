import type { DataSource } from 'typeorm';
import { formatLocalDate, localDateAtEpochMs } from '@donthu/domain';
import { inStatesSql, instantParams, MONITORED_DUE, SqlParams, stateSql } from '@donthu/persistence';
import type { DigestFacts, DigestItem, DigestState } from '../notification-templates';

export const DAILY_DIGEST_KIND = 'digest.daily';
/** Clocks listed in one e-mail; the rest are counted (the monitoring lists have them all). */
export const DIGEST_MAX_ITEMS = 100;
/** Who gets a digest: the officers who act on cases (inspectorates have the monitoring views). */
export const DIGEST_ROLES = ['intake_officer', 'handling_officer', 'agency_head'] as const;

/** One running agency clock that needs attention, with the officer it is for. */
export interface DigestRow {
  user_id: string;
  role: string;
  agency_code: string;
  case_code: string;
  case_kind: string;
  clock: string;
  rule_id: string;
  due: string;
  state: 'due_soon' | 'overdue' | 'very_overdue';
}

export interface OfficerDigest {
  userId: string;
  role: string;
  agencyCode: string;
  facts: DigestFacts;
}

const URGENCY: Record<DigestState, number> = { very_overdue: 0, overdue: 1, due_today: 2, due_soon: 3 };

/**
 * Groups the rows into one digest per officer (pure): due-soon clocks whose due date is today are
 * "due today"; most urgent first (very overdue, overdue, due today, due soon; then by due date),
 * at most `maxItems` listed and the rest counted.
 */
export function officerDigests(rows: readonly DigestRow[], date: string, maxItems: number = DIGEST_MAX_ITEMS): OfficerDigest[] {
  const byUser = new Map<string, { role: string; agencyCode: string; items: DigestItem[] }>();
  for (const r of rows) {
    const state: DigestState = r.state === 'due_soon' ? (r.due === date ? 'due_today' : 'due_soon') : r.state;
    const entry = byUser.get(r.user_id) ?? { role: r.role, agencyCode: r.agency_code, items: [] };
    entry.items.push({ caseCode: r.case_code, caseKind: r.case_kind, clock: r.clock, rule: r.rule_id, due: r.due, state });
    byUser.set(r.user_id, entry);
  }
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...byUser.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([userId, { role, agencyCode, items }]) => {
      const sorted = [...items].sort((a, b) => URGENCY[a.state] - URGENCY[b.state] || compare(a.due, b.due) || compare(a.caseCode, b.caseCode) || compare(a.clock, b.clock));
      const count = (...states: DigestState[]) => items.filter((i) => states.includes(i.state)).length;
      return {
        userId,
        role,
        agencyCode,
        facts: {
          date,
          counts: { overdue: count('overdue', 'very_overdue'), dueToday: count('due_today'), dueSoon: count('due_soon') },
          items: sorted.slice(0, maxItems),
          omitted: Math.max(0, sorted.length - maxItems),
        },
      };
    });
}

/**
 * The day's digests into the notification outbox (one row per officer and local date, unique: a
 * second run the same day writes nothing). Each officer's clocks: running agency clocks that are
 * due soon, due today or overdue at `atMs` (the monitoring states, computed as the monitoring views
 * compute them, libs/persistence/src/monitoring/clock-state-sql.ts) of the cases assigned to them
 * and, for an agency head, of every case of their agency. Officers with nothing to report get no
 * e-mail; disabled officers and those without an address get no row.
 */
export async function produceDailyDigests(dataSource: DataSource, atMs: number): Promise<{ date: string; recipients: number; created: number }> {
  const date = formatLocalDate(localDateAtEpochMs(atMs));
  const p = new SqlParams();
  const at = instantParams(p, { nowMs: atMs, today: date });
  const rows = await dataSource.query<DigestRow[]>(
    `SELECT u.id AS user_id, u.role, u.agency_code, c.code AS case_code, c.kind AS case_kind, cc.name AS clock, cc.rule_id,
            to_char(${MONITORED_DUE}, 'YYYY-MM-DD') AS due, ${stateSql(at)} AS state
       FROM case_clocks cc
       JOIN cases c ON c.id = cc.case_id
       JOIN users u ON u.id = c.assignee OR (u.role = 'agency_head' AND u.agency_code = cc.agency_code)
      WHERE ${inStatesSql(at, ['due_soon', 'overdue', 'very_overdue'])}
        AND NOT u.disabled AND u.email IS NOT NULL AND u.role = ANY(${p.add([...DIGEST_ROLES])}::text[])
      ORDER BY u.id, ${MONITORED_DUE}, c.code, cc.name`,
    p.values,
  );
  const digests = officerDigests(rows, date);
  let created = 0;
  for (const d of digests) {
    const inserted = await dataSource.query<Array<{ id: string }>>(
      `INSERT INTO notifications (kind, recipient_role, recipient_agency, recipient_user_id, digest_date, payload, status, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0)
       ON CONFLICT (recipient_user_id, digest_date) WHERE digest_date IS NOT NULL DO NOTHING
       RETURNING id`,
      [DAILY_DIGEST_KIND, d.role, d.agencyCode, d.userId, date, d.facts],
    );
    created += inserted.length;
  }
  return { date, recipients: digests.length, created };
}
