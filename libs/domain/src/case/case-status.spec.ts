import { checkTransition, STATE_MACHINES, CASE_STATUSES } from './case-status';
import { CASE_KINDS } from './case-kind';

describe('case state machines', () => {
  it('allows a received complaint to be accepted', () => {
    const check = checkTransition('complaint', 'received', 'accept');
    expect(check).toEqual({ allowed: true, transition: expect.objectContaining({ to: 'accepted' }) });
  });

  it('refuses to accept a case twice, saying why', () => {
    const check = checkTransition('complaint', 'accepted', 'accept');
    expect(check.allowed).toBe(false);
    expect(check).toHaveProperty('reason', expect.stringContaining('not allowed in status "accepted"'));
  });

  it('only moves cases between known statuses and cites an article for every transition', () => {
    for (const kind of CASE_KINDS) {
      for (const t of STATE_MACHINES[kind]) {
        expect(CASE_STATUSES).toContain(t.to);
        t.from.forEach((s) => expect(CASE_STATUSES).toContain(s));
        expect(t.citation).toMatch(/Điều|Nghị định/);
      }
    }
  });
});
