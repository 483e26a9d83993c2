import { auditEventHash, verifyAuditChain, type HashedAuditFields } from './audit-chain';

function chain(length: number): Array<HashedAuditFields & { hash: string }> {
  const events: Array<HashedAuditFields & { hash: string }> = [];
  for (let sequence = 1; sequence <= length; sequence++) {
    const fields: HashedAuditFields = {
      streamType: 'case',
      streamId: '6f9c1c1e-0000-4000-8000-000000000001',
      sequence,
      type: sequence === 1 ? 'case.registered' : 'case.accepted',
      actor: 'officer-1',
      payload: { note: `bước ${sequence}`, nested: { b: 2, a: 1 } },
      occurredAt: new Date(Date.UTC(2026, 10, 26, 8, sequence)),
      prevHash: events.at(-1)?.hash ?? null,
    };
    events.push({ ...fields, hash: auditEventHash(fields) });
  }
  return events;
}

describe('audit chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyAuditChain(chain(4))).toEqual({ valid: true, length: 4 });
  });

  it('does not depend on the key order of the payload (canonical JSON)', () => {
    const [event] = chain(1);
    expect(auditEventHash({ ...event!, payload: { nested: { a: 1, b: 2 }, note: 'bước 1' } })).toBe(event!.hash);
  });

  it('ignores extra row fields such as id and hash', () => {
    const [event] = chain(1);
    expect(auditEventHash({ ...event!, id: 'x' } as HashedAuditFields)).toBe(event!.hash);
  });

  it('detects an edited payload', () => {
    const events = chain(3);
    events[1] = { ...events[1]!, payload: { note: 'sửa lén' } };
    expect(verifyAuditChain(events)).toMatchObject({ valid: false, brokenAtSequence: 2 });
  });

  it('detects a removed event', () => {
    const events = chain(3);
    events.splice(1, 1);
    expect(verifyAuditChain(events)).toMatchObject({ valid: false, brokenAtSequence: 2, reason: 'sequence 2 is missing' });
  });

  it('detects an event re-hashed after editing (the next link breaks)', () => {
    const events = chain(3);
    const edited = { ...events[1]!, actor: 'someone-else' };
    events[1] = { ...edited, hash: auditEventHash(edited) };
    expect(verifyAuditChain(events)).toMatchObject({ valid: false, brokenAtSequence: 3 });
  });
});
