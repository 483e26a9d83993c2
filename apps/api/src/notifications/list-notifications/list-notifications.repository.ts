import type { EntityManager } from 'typeorm';
import type { Role } from '@donthu/domain';
import { SqlParams } from '@donthu/persistence';
import type { NotificationPosition } from './notification-cursor';
import type { NotificationStatus } from './list-notifications.query';

/** Who reads, and so which rows: the actor's id, role, agency and jurisdiction. */
export interface NotificationReader {
  id: string;
  role: Role;
  agencyCode: string;
  agencyScope: readonly string[];
}

/**
 * Roles that oversee an agency see every notification addressed to the agencies they may see (an
 * agency head its agency, an inspectorate its jurisdiction, an administrator all); the other
 * officers see the notifications addressed to them: their role in their agency, or to them by name
 * (their daily digest).
 */
const OVERSEERS: ReadonlySet<Role> = new Set<Role>(['agency_head', 'inspector', 'superior_inspector', 'admin']);

export interface NotificationRow {
  id: string;
  kind: string;
  status: NotificationStatus;
  recipientRole: string;
  recipientAgency: string;
  recipientUserId: string | null;
  caseCode: string | null;
  digestDate: string | null;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
}

interface Row {
  id: string;
  kind: string;
  status: NotificationStatus;
  recipient_role: string;
  recipient_agency: string;
  recipient_user_id: string | null;
  case_code: string | null;
  digest_date: string | null;
  attempts: number;
  last_error: string | null;
  message_id: string | null;
  created_key: string;
  created_at: Date;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  sent_at: Date | null;
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** One page of the reader's notifications, newest first (keyset: creation time, then id). */
export async function findNotifications(
  manager: EntityManager,
  reader: NotificationReader,
  filters: { statuses?: readonly NotificationStatus[]; caseCode?: string },
  page: { limit: number; after?: NotificationPosition },
): Promise<{ items: NotificationRow[]; next: NotificationPosition | null }> {
  const p = new SqlParams();
  const where = OVERSEERS.has(reader.role)
    ? [`n.recipient_agency = ANY(${p.add([...reader.agencyScope])}::text[])`]
    : [`(n.recipient_user_id = ${p.add(reader.id)} OR (n.recipient_user_id IS NULL AND n.recipient_role = ${p.add(reader.role)} AND n.recipient_agency = ${p.add(reader.agencyCode)}))`];
  if (filters.statuses) where.push(`n.status = ANY(${p.add([...filters.statuses])}::text[])`);
  if (filters.caseCode !== undefined) where.push(`c.code = ${p.add(filters.caseCode)}`);
  if (page.after) where.push(`(n.created_at, n.id) < (CAST(${p.add(page.after.createdAt)} AS timestamptz), CAST(${p.add(page.after.id)} AS uuid))`);
  const rows = await manager.query<Row[]>(
    `SELECT n.id, n.kind, n.status, n.recipient_role, n.recipient_agency, n.recipient_user_id, c.code AS case_code, to_char(n.digest_date, 'YYYY-MM-DD') AS digest_date,
            n.attempts, n.last_error, n.message_id, to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
            n.created_at, n.last_attempt_at, n.next_attempt_at, n.sent_at
       FROM notifications n LEFT JOIN cases c ON c.id = n.case_id
      WHERE ${where.join(' AND ')}
      ORDER BY n.created_at DESC, n.id DESC
      LIMIT ${p.add(page.limit + 1)}`,
    p.values,
  );
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    items: shown.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      recipientRole: r.recipient_role,
      recipientAgency: r.recipient_agency,
      recipientUserId: r.recipient_user_id,
      caseCode: r.case_code,
      digestDate: r.digest_date,
      attempts: r.attempts,
      lastError: r.last_error,
      messageId: r.message_id,
      createdAt: new Date(r.created_at).toISOString(),
      lastAttemptAt: iso(r.last_attempt_at),
      nextAttemptAt: iso(r.next_attempt_at),
      sentAt: iso(r.sent_at),
    })),
    next: rows.length > page.limit && last ? { createdAt: last.created_key, id: last.id } : null,
  };
}
