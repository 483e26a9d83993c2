import type { DataSource } from 'typeorm';
import { parseLocalDate, ruleVersionAt, type LocalizedText } from '@donthu/domain';
import { LeasedOutbox } from '../outbox/leased-outbox';
import type { AgencyRef, DigestFacts, NotificationFacts } from './notification-templates';

/** A row taken by a claim (status `sending`, under the claim's token and lease). */
export interface ClaimedNotification {
  id: string;
  caseId: string | null;
  auditSequence: number | null;
  kind: string;
  recipientRole: string;
  recipientAgency: string;
  /** Set for a row addressed to one user (the daily digest): only that user receives it. */
  recipientUserId: string | null;
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
  recipient_user_id: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  message_id: string | null;
  created_at: Date;
}

const CLAIMED_COLUMNS = ['id', 'case_id', 'audit_sequence', 'kind', 'recipient_role', 'recipient_agency', 'recipient_user_id', 'payload', 'attempts', 'message_id', 'created_at'];

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
  private readonly leased: LeasedOutbox;

  constructor(private readonly dataSource: DataSource) {
    this.leased = new LeasedOutbox(dataSource, { table: 'notifications', done: { status: 'sent', atColumn: 'sent_at' }, order: { kind: 'any' } });
  }

  /**
   * Takes up to `limit` due rows for the claim `token`: pending rows whose retry time has come
   * (`nowMs`, Temporal's clock, the one the dispatcher's timers run on) and `sending` rows whose
   * lease has run out (the database's clock, the one leases are written with). SKIP LOCKED: two
   * rounds claiming at once take different rows.
   */
  async claim(token: string, limit: number, nowMs: number, leaseMs: number): Promise<ClaimedNotification[]> {
    const rows = await this.leased.claim<ClaimedRow>(token, limit, nowMs, leaseMs, CLAIMED_COLUMNS);
    return rows
      .map((r) => ({
        id: r.id,
        caseId: r.case_id,
        auditSequence: r.audit_sequence,
        kind: r.kind,
        recipientRole: r.recipient_role,
        recipientAgency: r.recipient_agency,
        recipientUserId: r.recipient_user_id,
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
    const [row] = await this.leased.beginAttempt<{ attempts: number; message_id: string }>(
      [id],
      token,
      leaseMs,
      ['attempts', 'message_id'],
      'message_id = COALESCE(message_id, $4), recipient_user_ids = $5::text[]',
      [messageId, recipientUserIds],
    );
    return row ? { attempts: row.attempts, messageId: row.message_id } : null;
  }

  /** `sent`, once: only the claim that sent it can mark it, and only while it is `sending`. */
  async markSent(id: string, token: string, note: string | null): Promise<boolean> {
    return (await this.leased.markDone([id], token, note)).length === 1;
  }

  /**
   * A failed attempt: back to `pending` until `nextAttemptAtMs`, or `failed` once `attempts`
   * reached `maxAttempts`. Null when the claim was lost meanwhile.
   */
  async markAttemptFailed(id: string, token: string, error: string, maxAttempts: number, nextAttemptAtMs: number): Promise<'pending' | 'failed' | null> {
    const [row] = await this.leased.markAttemptFailed([id], token, error, maxAttempts, nextAttemptAtMs);
    return row?.status ?? null;
  }

  /** Gives back claimed rows this round never began (it ran out of time or was cancelled): due again at once. */
  release(token: string, ids: readonly string[]): Promise<void> {
    return this.leased.release(token, ids);
  }

  /**
   * When the dispatcher should run again: ms until the earliest scheduled retry (Temporal's clock)
   * or lease expiry (the database's), 0 if a row is due now, undefined if nothing is waiting.
   */
  nextDueInMs(nowMs: number): Promise<number | undefined> {
    return this.leased.nextDueInMs(nowMs);
  }

  /** Whether anything is due by the wall clock (the worker's watcher asks every poll interval). */
  hasDueWork(): Promise<boolean> {
    return this.leased.hasDueWork();
  }

  /**
   * Whom the row reaches: its one user if it names one (a digest), else the enabled users with that
   * role in that agency; in both cases only enabled users who have an e-mail address.
   */
  async recipients(row: Pick<ClaimedNotification, 'recipientRole' | 'recipientAgency' | 'recipientUserId'>): Promise<Recipient[]> {
    const rows =
      row.recipientUserId !== null
        ? await this.dataSource.query<Array<{ id: string; email: string }>>(`SELECT id, email FROM users WHERE id = $1 AND NOT disabled AND email IS NOT NULL`, [row.recipientUserId])
        : await this.dataSource.query<Array<{ id: string; email: string }>>(
            `SELECT id, email FROM users WHERE role = $1 AND agency_code = $2 AND NOT disabled AND email IS NOT NULL ORDER BY id`,
            [row.recipientRole, row.recipientAgency],
          );
    return rows.map((r) => ({ userId: r.id, email: r.email }));
  }

  /**
   * What the message says, field by field from the row, its case (code, kind) and the audit event
   * that caused it (append-only: a re-send renders the same text). Nothing else is read: the
   * audit event of a transfer also holds the officer's free-text reason, which is left out.
   */
  async facts(n: ClaimedNotification): Promise<NotificationFacts> {
    if (n.kind === 'digest.daily') {
      // A digest says what its row holds (codes and dates written by the daily digest activity), nothing more.
      const names = await this.agencyNames([n.recipientAgency]);
      const name = names.get(n.recipientAgency);
      return { kind: n.kind, recipientRole: n.recipientRole, recipientAgency: { code: n.recipientAgency, ...(name ? { name } : {}) }, digest: n.payload as unknown as DigestFacts };
    }
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
