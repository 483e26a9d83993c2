import type { DataSource } from 'typeorm';

/**
 * An outbox table the claim → begin attempt → send → mark protocol runs on. Every such table has
 * `id uuid`, `status` ('pending', 'sending', its done status, maybe 'failed'), `attempts`,
 * `last_error`, `last_attempt_at`, `next_attempt_at`, `claim_token`, `claimed_until`, `created_at`.
 */
export interface LeasedOutboxTable {
  /** A fixed table name (never user input). */
  table: 'notifications' | 'national_export_outbox';
  /** The status a delivered row ends in, and the column that records when. */
  done: { status: string; atColumn: string };
  /**
   * `any`: rows are independent; rounds claim disjoint sets at once (FOR UPDATE SKIP LOCKED), oldest first.
   * `in-order`: rows leave in `position` order; a claim takes the head of the queue only, and only
   * while no earlier batch is in flight (a live `sending` row at the head blocks it).
   */
  order: { kind: 'any' } | { kind: 'in-order'; positionColumn: string };
}

/** A claimed row: the columns asked for, and what it was before the claim. */
export type ClaimedRow<T> = T & { previous_status: string };

/**
 * The statements of the leased outbox protocol (apps/worker/src/notifications/README.md), shared by
 * the notification outbox and the national export: a claim takes rows as `sending` under a fresh
 * token and a lease; only the holder of the token may begin an attempt or mark; a lease that ran
 * out lets another round take the rows over ("interrupted": the last attempt may have reached the
 * other side); a failed attempt goes back to `pending` with its retry time, or to `failed`.
 */
export class LeasedOutbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly t: LeasedOutboxTable,
  ) {}

  /** Rows that may be claimed now: pending and due (Temporal's clock `$nowMs`), or sending under a lease that ran out (the database's clock). */
  private claimable(nowParam: string): string {
    return `(status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= to_timestamp(${nowParam}::double precision / 1000)))
             OR (status = 'sending' AND claimed_until < clock_timestamp())`;
  }

  /**
   * Takes up to `limit` claimable rows for `token` (status `sending`, lease `leaseMs`) and returns
   * `columns` of each, oldest first (in-order: the queue's head, consecutive).
   */
  async claim<T extends object>(token: string, limit: number, nowMs: number, leaseMs: number, columns: readonly string[]): Promise<Array<ClaimedRow<T>>> {
    const returning = columns.map((c) => `n.${c}`).join(', ');
    const set = `status = 'sending', claim_token = $1, claimed_until = clock_timestamp() + make_interval(secs => $4::double precision / 1000)`;
    if (this.t.order.kind === 'any') {
      // An UPDATE through TypeORM's query() answers [rows, affected count].
      const [rows] = await this.dataSource.query<[Array<ClaimedRow<T>>, number]>(
        `WITH due AS (
           SELECT id, status AS previous_status FROM ${this.t.table}
            WHERE ${this.claimable('$3')}
            ORDER BY created_at, id
            LIMIT $2
            FOR UPDATE SKIP LOCKED)
         UPDATE ${this.t.table} n SET ${set}
           FROM due WHERE n.id = due.id
         RETURNING ${returning}, due.previous_status`,
        [token, limit, nowMs, leaseMs],
      );
      return rows;
    }
    const position = this.t.order.positionColumn;
    return this.dataSource.transaction(async (manager) => {
      // One claim at a time: the head of the queue is decided under this lock.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`leased-outbox-claim:${this.t.table}`]);
      const [rows] = await manager.query<[Array<ClaimedRow<T> & { _position: string }>, number]>(
        `WITH head AS (
           SELECT id, status AS previous_status, ${position} AS position, (${this.claimable('$3')}) AS claimable
             FROM ${this.t.table} WHERE status IN ('pending', 'sending')
            ORDER BY ${position} LIMIT $2),
         run AS (
           SELECT id, previous_status, position FROM (SELECT *, bool_and(claimable) OVER (ORDER BY position) AS unbroken FROM head) h WHERE unbroken)
         UPDATE ${this.t.table} n SET ${set}
           FROM run WHERE n.id = run.id
         RETURNING ${returning}, run.previous_status, run.position AS _position`,
        [token, limit, nowMs, leaseMs],
      );
      return rows.sort((a, b) => Number(BigInt(a._position) - BigInt(b._position))).map(({ _position, ...row }) => row as unknown as ClaimedRow<T>);
    });
  }

  /**
   * Records an attempt before anything leaves, for the rows still held under `token`: attempts + 1,
   * a fresh lease for this one send, and `extraSet` (assignments whose parameters start at $4).
   * Returns `columns` of the rows begun; a row whose claim was lost is not among them.
   */
  async beginAttempt<T extends object>(ids: readonly string[], token: string, leaseMs: number, columns: readonly string[], extraSet = '', extraParams: readonly unknown[] = []): Promise<T[]> {
    if (ids.length === 0) return [];
    const [rows] = await this.dataSource.query<[T[], number]>(
      `UPDATE ${this.t.table}
          SET attempts = attempts + 1, last_attempt_at = clock_timestamp(), claimed_until = clock_timestamp() + make_interval(secs => $3::double precision / 1000)${extraSet ? `, ${extraSet}` : ''}
        WHERE id = ANY($1::uuid[]) AND status = 'sending' AND claim_token = $2
        RETURNING ${columns.join(', ')}`,
      [ids, token, leaseMs, ...extraParams],
    );
    return rows;
  }

  /** Delivered, once: only the claim that sent them can mark them, and only while they are `sending`. The ids marked. */
  async markDone(ids: readonly string[], token: string, note: string | null): Promise<string[]> {
    if (ids.length === 0) return [];
    const [rows] = await this.dataSource.query<[Array<{ id: string }>, number]>(
      `UPDATE ${this.t.table} SET status = '${this.t.done.status}', ${this.t.done.atColumn} = clock_timestamp(), last_error = $3, claim_token = NULL, claimed_until = NULL, next_attempt_at = NULL
        WHERE id = ANY($1::uuid[]) AND status = 'sending' AND claim_token = $2
        RETURNING id`,
      [ids, token, note],
    );
    return rows.map((r) => r.id);
  }

  /**
   * A failed attempt: back to `pending` until `nextAttemptAtMs`, or `failed` once `attempts`
   * reached `maxAttempts` (null: never, the row waits for its retry however long). The rows
   * still held, with where they went.
   */
  async markAttemptFailed(ids: readonly string[], token: string, error: string, maxAttempts: number | null, nextAttemptAtMs: number): Promise<Array<{ id: string; status: 'pending' | 'failed' }>> {
    if (ids.length === 0) return [];
    const [rows] = await this.dataSource.query<[Array<{ id: string; status: 'pending' | 'failed' }>, number]>(
      `UPDATE ${this.t.table}
          SET status = CASE WHEN $4::int IS NOT NULL AND attempts >= $4::int THEN 'failed' ELSE 'pending' END,
              next_attempt_at = CASE WHEN $4::int IS NOT NULL AND attempts >= $4::int THEN NULL ELSE to_timestamp($5::double precision / 1000) END,
              last_error = $3, claim_token = NULL, claimed_until = NULL
        WHERE id = ANY($1::uuid[]) AND status = 'sending' AND claim_token = $2
        RETURNING id, status`,
      [ids, token, error.slice(0, 1000), maxAttempts, nextAttemptAtMs],
    );
    return rows;
  }

  /** Gives back claimed rows a round never began (it ran out of time or was cancelled): due again at once. */
  async release(token: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(`UPDATE ${this.t.table} SET status = 'pending', claim_token = NULL, claimed_until = NULL WHERE claim_token = $1 AND status = 'sending' AND id = ANY($2::uuid[])`, [token, ids]);
  }

  /** The rows whose turn decides when the next round is due: every waiting row, or (in order) the head alone. */
  private waiting(): string {
    if (this.t.order.kind === 'any') return `SELECT status, next_attempt_at, claimed_until FROM ${this.t.table} WHERE status IN ('pending', 'sending')`;
    return `SELECT status, next_attempt_at, claimed_until FROM ${this.t.table} WHERE status IN ('pending', 'sending') ORDER BY ${this.t.order.positionColumn} LIMIT 1`;
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
         FROM (${this.waiting()}) w`,
    );
    if (!row) return undefined;
    if (row.due_now) return 0;
    const candidates = [row.next_retry_ms === null ? undefined : row.next_retry_ms - nowMs, row.lease_left_ms ?? undefined].filter((v): v is number => v !== undefined);
    return candidates.length === 0 ? undefined : Math.max(0, Math.min(...candidates));
  }

  /** Whether anything is due by the wall clock (the worker's watcher asks every poll interval). */
  async hasDueWork(): Promise<boolean> {
    const [row] = await this.dataSource.query<Array<{ due: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM (${this.waiting()}) w
                       WHERE (status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= clock_timestamp()))
                          OR (status = 'sending' AND claimed_until < clock_timestamp())) AS due`,
    );
    return row?.due === true;
  }
}
