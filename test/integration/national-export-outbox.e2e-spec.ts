import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { defaultCalendar } from '@donthu/domain';
import { createCase, exportRecordId, loadCaseClocks, writeCaseEvent } from '@donthu/persistence';
import { NationalExportOutbox } from '../../apps/worker/src/national-export/national-export-outbox';
import { NationalExport1764290000000 } from '../../libs/persistence/src/migrations/1764290000000-national-export';
import { migratedDatabase } from '../support/migrated-database';
import { ensureTestKeys } from '../support/vault';

/**
 * The national-export outbox on the real PostgreSQL: written with each case event in its
 * transaction (once per event, whatever the retries), and claimed in order — the head of the
 * queue only, one batch in flight at a time, a failed batch holding back what follows — under the
 * notification outbox's lease protocol.
 */
describe('national export outbox (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let outbox: NationalExportOutbox;
  const FAR_FUTURE = Date.parse('2100-01-01T00:00:00Z');

  beforeAll(async () => {
    ensureTestKeys(); // the party is sealed by the vault
    ({ dataSource, close } = await migratedDatabase());
    outbox = new NationalExportOutbox(dataSource);
  });
  afterAll(() => close());
  beforeEach(() => dataSource.query('DELETE FROM national_export_outbox'));

  /** A case registered as intake does it (createCase: its record 1 goes into the outbox with it). */
  const register = (subject = 'Khiếu nại') => registered(subject).then((r) => r.entity);
  const registered = (subject = 'Khiếu nại', kind: 'complaint' | 'denunciation' = 'complaint') =>
    dataSource.transaction((m) =>
      createCase(
        m,
        {
          kind,
          agencyCode: 'UBND-HN',
          channel: 'post',
          receivedOn: '2026-11-26',
          subject,
          content: 'Nội dung',
          respondentBody: null,
          remote: false,
          severalSites: false,
          anonymous: false,
          groupSize: 1,
          parentCaseId: null,
          codeYear: 2026,
          party: { fullName: 'Hồ Thị Ẩn Danh', address: null, phone: null, email: null, idNumber: null },
          representatives: [],
          actor: 'demo.intake_officer.UBND-HN',
          auditFacts: {},
          workflowStartedAt: null,
        },
        defaultCalendar(),
        Date.now(),
      ),
    );
  /** Event `sequence` of a case, as an activity writes it. */
  const event = (caseId: string, sequence: number, fail = false) =>
    writeCaseEvent(dataSource, {
      caseId,
      sequence,
      eventType: 'case.accepted',
      actor: 'demo.agency_head.UBND-HN',
      payload: { command: 'accept', role: 'agency_head' },
      apply: async (manager) => {
        await manager.query(`UPDATE cases SET status = 'accepted' WHERE id = $1`, [caseId]);
        if (fail) throw new Error('the transaction fails after the projection');
      },
    });
  const waiting = async (): Promise<string[]> => (await dataSource.query(`SELECT id FROM national_export_outbox WHERE status <> 'exported' ORDER BY position`)).map((r: { id: string }) => r.id);

  it('writes one record per event in the event’s transaction: none when it rolls back, one however often it is retried', async () => {
    const c = await register();
    expect(await waiting()).toEqual([exportRecordId(c.id, 1)]);
    await expect(event(c.id, 2, true)).rejects.toThrow('the transaction fails');
    expect(await waiting()).toEqual([exportRecordId(c.id, 1)]);
    expect(await event(c.id, 2)).toBe('applied');
    expect(await event(c.id, 2)).toBe('already-applied'); // a retried activity
    expect(await waiting()).toEqual([exportRecordId(c.id, 1), exportRecordId(c.id, 2)]);
    const [row] = await dataSource.query(`SELECT record FROM national_export_outbox WHERE id = $1`, [exportRecordId(c.id, 2)]);
    expect(row.record).toMatchObject({ recordId: exportRecordId(c.id, 2), caseCode: c.code, status: 'accepted', event: { type: 'case.accepted', sequence: 2, actorRole: 'agency_head' } });
    // Nothing of the complainant: the party is in the vault, the record holds counts only.
    expect(JSON.stringify(row.record)).not.toContain('Ẩn Danh');
  });

  it('claims the head of the queue in order, one batch in flight at a time', async () => {
    const a = await register();
    const b = await register();
    await event(a.id, 2);
    const order = await waiting();
    expect(order).toEqual([exportRecordId(a.id, 1), exportRecordId(b.id, 1), exportRecordId(a.id, 2)]);

    const first = randomUUID();
    expect((await outbox.claim(first, 2, FAR_FUTURE, 60_000)).map((r) => r.id)).toEqual(order.slice(0, 2));
    // While that batch is in flight nothing behind it leaves, whoever asks.
    expect(await outbox.claim(randomUUID(), 2, FAR_FUTURE, 60_000)).toEqual([]);
    expect(await outbox.hasDueWork()).toBe(false);
    expect(await outbox.beginAttempt(order.slice(0, 2), first, '0f8fad5b-d9cb-469f-a165-70867728950e', 60_000)).toHaveLength(2);
    expect(await outbox.markExported(order.slice(0, 2), first)).toEqual(expect.arrayContaining(order.slice(0, 2)));
    // Then the next one.
    expect(await outbox.hasDueWork()).toBe(true);
    expect((await outbox.claim(randomUUID(), 2, FAR_FUTURE, 60_000)).map((r) => r.id)).toEqual([order[2]]);
  });

  it('holds back everything behind a failed batch until its retry time (Temporal time), then sends it first', async () => {
    const a = await register();
    const token = randomUUID();
    const now = Date.now();
    const [head] = await outbox.claim(token, 5, now, 60_000);
    await outbox.beginAttempt([head!.id], token, '0f8fad5b-d9cb-469f-a165-70867728950e', 60_000);
    expect(await outbox.markAttemptFailed([head!.id], token, 'ECONNREFUSED: fetch failed', now + 60_000)).toBe(1);
    const b = await register(); // new records arrive meanwhile
    expect(await outbox.claim(randomUUID(), 5, now + 1_000, 60_000)).toEqual([]);
    expect(await outbox.nextDueInMs(now)).toBeGreaterThan(59_000);
    const [row] = await dataSource.query(`SELECT status, attempts, last_error, batch_id FROM national_export_outbox WHERE id = $1`, [head!.id]);
    expect(row).toEqual({ status: 'pending', attempts: 1, last_error: 'ECONNREFUSED: fetch failed', batch_id: '0f8fad5b-d9cb-469f-a165-70867728950e' });
    // Its time comes: it leaves first, with what queued up behind it.
    const next = await outbox.claim(randomUUID(), 5, now + 61_000, 60_000);
    expect(next.map((r) => r.id)).toEqual([exportRecordId(a.id, 1), exportRecordId(b.id, 1)]);
    expect(next[0]).toMatchObject({ attempts: 1, interrupted: false });
  });

  it('lets a lapsed batch be taken over (flagged interrupted) and marked only by the new claim', async () => {
    await register();
    const first = randomUUID();
    const [row] = await outbox.claim(first, 5, Date.now(), 1_000);
    await outbox.beginAttempt([row!.id], first, '0f8fad5b-d9cb-469f-a165-70867728950e', 1_000);
    await new Promise((r) => setTimeout(r, 1_100));
    const second = randomUUID();
    const [taken] = await outbox.claim(second, 5, Date.now(), 60_000);
    expect(taken).toMatchObject({ id: row!.id, attempts: 1, interrupted: true });
    expect(await outbox.markExported([row!.id], first)).toEqual([]);
    expect(await outbox.beginAttempt([row!.id], second, '0f8fad5b-d9cb-469f-a165-70867728950e', 60_000)).toEqual([{ id: row!.id, attempts: 2 }]);
    expect(await outbox.markExported([row!.id], second)).toEqual([row!.id]);
    expect(await outbox.markExported([row!.id], second)).toEqual([]);
    expect(await outbox.nextDueInMs(Date.now())).toBeUndefined();
  });

  it('migrates down and up again', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await new NationalExport1764290000000().down(runner);
      expect(await dataSource.query(`SELECT to_regclass('national_export_outbox') AS t`)).toEqual([{ t: null }]);
      await new NationalExport1764290000000().up(runner);
    } finally {
      await runner.release();
    }
    await register();
    expect(await waiting()).toHaveLength(1);
  });

  it('gives the workflow input the clocks it wrote, as loadCaseClocks reads them back', async () => {
    for (const kind of ['complaint', 'denunciation'] as const) {
      const { entity, clockState } = await registered(`Đơn để so sánh đồng hồ (${kind})`, kind);
      const { rows: _rows, ...stored } = await loadCaseClocks(dataSource.manager, entity.id);
      expect(Object.keys(clockState.clocks).length).toBeGreaterThan(0);
      expect(clockState).toEqual(stored);
      expect(Object.keys(clockState.deadlines)).toEqual(Object.keys(stored.deadlines));
    }
  });
});
