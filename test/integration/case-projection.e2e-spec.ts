import type { DataSource } from 'typeorm';
import { appendAuditEvent, AuditEventEntity, CaseEntity, caseStream, NotificationEntity, ProjectionConflictError, verifyAuditChain, writeCaseEvent, type CaseEventWrite } from '@donthu/persistence';
import { migratedDatabase } from '../support/migrated-database';

describe('projection activity writes (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ dataSource, close } = await migratedDatabase());
  });
  afterAll(() => close?.());

  async function registeredCase(code: string): Promise<CaseEntity> {
    return dataSource.transaction(async (manager) => {
      const entity = await manager.save(
        manager.create(CaseEntity, {
          code,
          kind: 'complaint',
          status: 'received',
          agencyCode: 'UBND-HN',
          channel: 'post',
          receivedOn: '2026-11-20',
          subject: 's',
          content: 'c',
          respondentBody: null,
          lastSequence: 1,
          workflowId: `case-${code}`,
          workflowStartedAt: null,
        }),
      );
      await appendAuditEvent(manager, { ...caseStream(entity.id), sequence: 1, type: 'case.registered', actor: 'test', payload: {} });
      return entity;
    });
  }

  const accept = (caseId: string): CaseEventWrite => ({
    caseId,
    sequence: 2,
    eventType: 'case.accepted',
    expectedStatus: 'received',
    actor: 'officer-1',
    payload: { before: { status: 'received' }, after: { status: 'accepted' }, citation: 'Luật Khiếu nại 2011, Điều 27' },
    notifications: [{ kind: 'case.accepted', recipientRole: 'handling_officer', recipientAgency: 'UBND-HN', payload: {} }],
    apply: async (manager) => {
      await manager.update(CaseEntity, { id: caseId }, { status: 'accepted' });
    },
  });
  const recordTransition = (_: DataSource, write: CaseEventWrite) => writeCaseEvent(dataSource, write);

  it('writes projection, audit event and notification once: a retried activity finds its event and writes nothing more', async () => {
    const entity = await registeredCase('UBND-HN-2026-000001');
    await expect(recordTransition(dataSource, accept(entity.id))).resolves.toBe('applied');
    await expect(recordTransition(dataSource, accept(entity.id))).resolves.toBe('already-applied');

    const events = await dataSource.getRepository(AuditEventEntity).find({ where: caseStream(entity.id), order: { sequence: 'ASC' } });
    expect(events.map((e) => e.type)).toEqual(['case.registered', 'case.accepted']);
    expect(verifyAuditChain(events)).toEqual({ valid: true, length: 2 });
    expect(await dataSource.getRepository(CaseEntity).findOneByOrFail({ id: entity.id })).toMatchObject({ status: 'accepted', lastSequence: 2 });
    expect(await dataSource.getRepository(NotificationEntity).countBy({ caseId: entity.id })).toBe(1);
  });

  it('refuses, without writing, a transition the projection disagrees with', async () => {
    const entity = await registeredCase('UBND-HN-2026-000002');
    await expect(recordTransition(dataSource, { ...accept(entity.id), sequence: 3 })).rejects.toBeInstanceOf(ProjectionConflictError);
    await expect(recordTransition(dataSource, { ...accept(entity.id), expectedStatus: 'accepted' })).rejects.toBeInstanceOf(ProjectionConflictError);
    await recordTransition(dataSource, accept(entity.id));
    await expect(recordTransition(dataSource, { ...accept(entity.id), eventType: 'case.other' })).rejects.toThrow(/event 2 is "case.accepted"/);
    expect(await dataSource.getRepository(AuditEventEntity).countBy(caseStream(entity.id))).toBe(2);
  });

  it('applies concurrent retries of the same transition exactly once', async () => {
    const entity = await registeredCase('UBND-HN-2026-000003');
    const results: string[] = await Promise.all(Array.from({ length: 5 }, () => recordTransition(dataSource, accept(entity.id))));
    expect(results.filter((r) => r === 'applied')).toHaveLength(1);
    expect(await dataSource.getRepository(AuditEventEntity).countBy(caseStream(entity.id))).toBe(2);
  });
});
