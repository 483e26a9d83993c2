import type { DataSource } from 'typeorm';
import { parseLocalDate, ruleVersionAt, type LocalizedText } from '@donthu/domain';
import type { AgencyRef, NotificationFacts } from './notification-templates';

/** A row taken by a claim (status `sending`, under the claim's token and lease). */
export interface ClaimedNotification {
  id: string;
  caseId: string | null;
  auditSequence: number | null;
  kind: string;
  recipientRole: string;
  recipientAgency: string;
  payload: Record<string, unknown>;
  attempts: number;
  messageId: string | null;
  createdAt: Date;
  /** It was `sending` under a lease that ran out: its last attempt stopped after it may have reached the server. */
  interrupted: boolean;
}

export interface Recipient {
  userId: string;
  email: string;
}

interface ClaimedRow {
  id: string;
  case_id: string | null;
  audit_sequence: number | null;
  kind: string;
  recipient_role: string;
  recipient_agency: string;
  payload: Record<string, unknown>;
  attempts: number;
  message_id: string | null;
  created_at: Date;
  previous_status: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const localized = (v: unknown): LocalizedText | undefined => {
  const o = v as { vi?: unknown; en?: unknown } | null;
  return o && typeof o === 'object' && typeof o.vi === 'string' && typeof o.en === 'string' ? { vi: o.vi, en: o.en } : undefined;
};

/**
 * The notification outbox as the dispatcher sees it: claim → begin attempt → send → mark, every
 * step one conditional statement on the row, so that whatever crashes where, a row is marked
 * `sent` once, by the claim that sent it, and a row whose claim lapsed is taken over.
 *
 *   pending ──claim──▶ sending ──begin attempt (attempts+1, Message-ID fixed)──▶ [send]
 *     ▲                  │  lease ran out: claimable again ("interrupted")      │
 *     └──retry later◀────┴──────────── failed attempt ◀─────────────────────────┤
 *                         failed (attempts = max) ◀─────────────────────────────┤
 *                         sent ◀──────────────── mark (same claim token) ◀──────┘
 */
export class NotificationOutbox {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes up to `limit` due rows for the claim `token`: pending rows whose retry time has come
   * (`nowMs`, Temporal's clock, the one the dispatcher's timers run on) and `sending` rows whose
   * lease has run out (the database's clock, the one leases are written with). SKIP LOCKED: two
   * rounds claiming at once take different rows.
   */
  async claim(token: string, limit: number, nowMs: number, leaseMs: number): Promise<ClaimedNotification[]> {
    // An UPDATE through TypeORM's query() answers [rows, affected count].
    const [rows] = await this.dataSource.query<[ClaimedRow[], number]>(
      `WITH due AS (
         SELECT id, status AS previous_status FROM notifications
          WHERE (status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= to_timestamp($3::double precision / 1000)))
             OR (status = 'sending' AND claimed_until < clock_timestamp())
          ORDER BY created_at, id
          LIMIT $2
          FOR UPDATE SKIP LOCKED)
       UPDATE notifications n
          SET status = 'sending', claim_token = $1, claimed_until = clock_timestamp() + make_interval(secs => $4::double precision / 1000)
         FROM due WHERE n.id = due.id
       RETURNING n.id, n.case_id, n.audit_sequence, n.kind, n.recipient_role, n.recipient_agency, n.payload, n.attempts, n.message_id, n.created_at, due.previous_status`,
      [token, limit, nowMs, leaseMs],
    );
    return rows
      .map((r) => ({
        id: r.id,
        caseId: r.case_id,
        auditSequence: r.audit_sequence,
        kind: r.kind,
        recipientRole: r.recipient_role,
        recipientAgency: r.recipient_agency,
        payload: r.payload,
        attempts: r.attempts,
        messageId: r.message_id,
        createdAt: new Date(r.created_at),
        interrupted: r.previous_status === 'sending',
      }))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  /**
   * Records the attempt before anything leaves: attempts + 1, the Message-ID (kept from an earlier
   * attempt if there was one), the addressed users, and a fresh lease for this one send. Null when
   * the claim was lost (the lease ran out and another round took the row): then nothing is sent.
   */
  async beginAttempt(id: string, token: string, messageId: string, recipientUserIds: readonly string[], leaseMs: number): Promise<{ attempts: number; messageId: string } | null> {
    const [rows] = await this.dataSource.query<[Array<{ attempts: number; message_id: string }>, number]>(
      `UPDATE notifications
          SET attempts = attempts + 1, message_id = COALESCE(message_id, $3), recipient_user_ids = $4::text[],
              last_attempt_at = clock_timestamp(), claimed_until = clock_timestamp() + make_interval(secs => $5::double precision / 1000)
        WHERE id = $1 AND status = 'sending' AND claim_token = $2
        RETURNING attempts, message_id`,
      [id, token, messageId, recipientUserIds, leaseMs],
    );
    const row = rows[0];
    return row ? { attempts: row.attempts, messageId: row.message_id } : null;
  }

  /** `sent`, once: only the claim that sent it can mark it, and only while it is `sending`. */
  async markSent(id: string, token: string, note: string | null): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `UPDATE notifications SET status = 'sent', sent_at = clock_timestamp(), last_error = $3, claim_token = NULL, claimed_until = NULL, next_attempt_at = NULL
        WHERE id = $1 AND status = 'sending' AND claim_token = $2`,
      [id, token, note],
    );
    return count === 1;
  }

  /**
   * A failed attempt: back to `pending` until `nextAttemptAtMs`, or `failed` once `attempts`
   * reached `maxAttempts`. Null when the claim was lost meanwhile.
   */
  async markAttemptFailed(id: string, token: string, error: string, maxAttempts: number, nextAttemptAtMs: number): Promise<'pending' | 'failed' | null> {
    const [rows] = await this.dataSource.query<[Array<{ status: 'pending' | 'failed' }>, number]>(
      `UPDATE notifications
          SET status = CASE WHEN attempts >= $4 THEN 'failed' ELSE 'pending' END,
              next_attempt_at = CASE WHEN attempts >= $4 THEN NULL ELSE to_timestamp($5::double precision / 1000) END,
              last_error = $3, claim_token = NULL, claimed_until = NULL
        WHERE id = $1 AND status = 'sending' AND claim_token = $2
        RETURNING status`,
      [id, token, error.slice(0, 1000), maxAttempts, nextAttemptAtMs],
    );
    return rows[0]?.status ?? null;
  }

  /** Gives back claimed rows this round never began (it ran out of time or was cancelled): due again at once. */
  async release(token: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(`UPDATE notifications SET status = 'pending', claim_token = NULL, claimed_until = NULL WHERE claim_token = $1 AND status = 'sending' AND id = ANY($2::uuid[])`, [token, ids]);
  }

  /**
   * When the dispatcher should run again: ms until the earliest scheduled retry (Temporal's clock)
   * or lease expiry (the database's), 0 if a row is due now, undefined if nothing is waiting.
   */
  async nextDueInMs(nowMs: number): Promise<number | undefined> {
    const [row] = await this.dataSource.query<Array<{ due_now: boolean | null; next_retry_ms: number | null; lease_left_ms: number | null }>>(
      `SELECT bool_or(status = 'pending' AND next_attempt_at IS NULL) AS due_now,
              (extract(epoch FROM min(next_attempt_at) FILTER (WHERE status = 'pending')) * 1000)::float8 AS next_retry_ms,
              (extract(epoch FROM min(claimed_until) FILTER (WHERE status = 'sending') - clock_timestamp()) * 1000)::float8 AS lease_left_ms
         FROM notifications WHERE status IN ('pending', 'sending')`,
    );
    if (!row) return undefined;
    if (row.due_now) return 0;
    const candidates = [row.next_retry_ms === null ? undefined : row.next_retry_ms - nowMs, row.lease_left_ms ?? undefined].filter((v): v is number => v !== undefined);
    return candidates.length === 0 ? undefined : Math.max(0, Math.min(...candidates));
  }

  /** Whether anything is due by the wall clock (the worker's watcher asks every poll interval). */
  async hasDueWork(): Promise<boolean> {
    const [row] = await this.dataSource.query<Array<{ due: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM notifications WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= clock_timestamp()))
           OR EXISTS (SELECT 1 FROM notifications WHERE status = 'sending' AND claimed_until < clock_timestamp()) AS due`,
    );
    return row?.due === true;
  }

  /** Whom the row reaches: enabled users with that role in that agency who have an e-mail address. */
  async recipients(role: string, agencyCode: string): Promise<Recipient[]> {
    const rows = await this.dataSource.query<Array<{ id: string; email: string }>>(
      `SELECT id, email FROM users WHERE role = $1 AND agency_code = $2 AND NOT disabled AND email IS NOT NULL ORDER BY id`,
      [role, agencyCode],
    );
    return rows.map((r) => ({ userId: r.id, email: r.email }));
  }

  /**
   * What the message says, field by field from the row, its case (code, kind) and the audit event
   * that caused it (append-only: a re-send renders the same text). Nothing else is read: the
   * audit event of a transfer also holds the officer's free-text reason, which is left out.
   */
  async facts(n: ClaimedNotification): Promise<NotificationFacts> {
    const [row] = n.caseId
      ? await this.dataSource.query<Array<{ code: string; kind: string; event: Record<string, unknown> | null }>>(
          `SELECT c.code, c.kind, e.payload AS event
             FROM cases c LEFT JOIN audit_events e ON e.stream_type = 'case' AND e.stream_id = c.id::text AND e.sequence = $2
            WHERE c.id = $1`,
          [n.caseId, n.auditSequence ?? -1],
        )
      : [];
    const event = row?.event ?? {};
    const before = (event.before ?? {}) as { agencyCode?: unknown };
    const fromCode = n.kind === 'case.transferred' ? str(before.agencyCode) : undefined;
    const transferClock = n.kind === 'case.transferred' && Array.isArray(event.clocks) ? (event.clocks as Array<Record<string, unknown>>).find((c) => c.clock === 'transfer_response' && c.status === 'running') : undefined;
    const clockName = str(n.payload.clock) ?? str(transferClock?.clock);
    const rule = str(event.rule) ?? str(transferClock?.rule);
    // A milestone's event carries the escalation policy's reference; the message cites the clock's legal rule instead.
    const citation = str(transferClock?.citation) ?? (n.caseId && clockName && rule ? await this.ruleCitation(n.caseId, clockName, rule) : undefined);
    const names = await this.agencyNames([n.recipientAgency, ...(fromCode ? [fromCode] : [])]);
    const agency = (code: string): AgencyRef => ({ code, ...(names.get(code) ? { name: names.get(code) } : {}) });
    const facts: NotificationFacts = {
      kind: n.kind,
      recipientRole: n.recipientRole,
      recipientAgency: agency(n.recipientAgency),
      caseCode: row?.code,
      caseKind: row?.kind,
      clock: clockName,
      due: str(n.payload.due) ?? str(transferClock?.due),
      rule,
      citation,
      action: localized(event.action),
      escalationStep: typeof event.escalationStep === 'number' ? event.escalationStep : undefined,
      fromAgency: fromCode ? agency(fromCode) : undefined,
    };
    return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as unknown as NotificationFacts;
  }

  /** The citation of the rule's version in force when the clock started (legal-rules.md §1), if it can be told. */
  private async ruleCitation(caseId: string, clock: string, rule: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query<Array<{ start_date: string }>>(`SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date FROM case_clocks WHERE case_id = $1 AND name = $2`, [caseId, clock]);
    if (!row) return undefined;
    try {
      return ruleVersionAt(rule, parseLocalDate(row.start_date)).citation;
    } catch {
      return undefined;
    }
  }

  private async agencyNames(codes: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<Array<{ code: string; name: string }>>(`SELECT code, name FROM agencies WHERE code = ANY($1::text[])`, [codes]);
    return new Map(rows.map((r) => [r.code, r.name]));
  }
}
