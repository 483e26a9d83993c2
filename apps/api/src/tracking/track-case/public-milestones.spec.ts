import { currentDeadline, PUBLIC_EVENT_TYPES, publicMilestones, type AuditEventFacts } from './public-milestones';

const at = (iso: string) => new Date(iso);
const event = (type: string, payload: Record<string, unknown> = {}, occurredAt = at('2026-11-20T03:00:00Z')): AuditEventFacts => ({ type, payload, occurredAt });

describe('public milestones', () => {
  it('maps a complaint from receipt to closing, dated by when each act took effect', () => {
    const milestones = publicMilestones([
      event('case.registered', { receivedOn: '2026-11-18', kind: 'complaint', agencyCode: 'UBND-HN', clocks: {} }),
      event('case.accepted', { effectiveDate: '2026-11-20', note: 'Đủ điều kiện', role: 'agency_head', citation: 'Luật KN Điều 27' }),
      event('case.decided', { effectiveDate: '2026-12-15', documentNumber: '12/QĐ-UBND' }),
      event('case.decision_sent', { effectiveDate: '2026-12-16' }),
      event('case.closed', { effectiveDate: '2027-01-20' }),
    ]);
    expect(milestones).toEqual([
      { type: 'received', date: '2026-11-18', label: { vi: 'Đã tiếp nhận đơn', en: 'Received' } },
      { type: 'accepted', date: '2026-11-20', label: { vi: 'Đã thụ lý giải quyết', en: 'Accepted for resolution' } },
      { type: 'decided', date: '2026-12-15', label: expect.objectContaining({ en: 'Decision issued' }) },
      { type: 'decision_sent', date: '2026-12-16', label: expect.objectContaining({ en: 'Decision sent' }) },
      { type: 'closed', date: '2027-01-20', label: expect.objectContaining({ en: 'Closed' }) },
    ]);
  });

  it('leaves out every internal step: assignment, verification, extensions, suspensions, notices, clocks, escalation, unknown types', () => {
    const internal = [
      'case.assigned',
      'case.verification_started',
      'case.dialogue_scheduled',
      'case.found_complex',
      'case.extended',
      'case.suspended',
      'case.resumed',
      'case.acceptance_notice_sent',
      'case.suspension_notice_sent',
      'case.transferred', // pending: public once the competent agency takes it
      'case.transfer_returned',
      'clock.due_soon',
      'clock.overdue',
      'clock.escalated_inspectorate',
      'clock.recomputed',
      'identity.revealed',
      'case.something_added_later',
      'toString',
      '__proto__',
    ];
    expect(publicMilestones(internal.map((type) => event(type, { effectiveDate: '2026-11-21' })))).toEqual([]);
    for (const type of internal) expect(PUBLIC_EVENT_TYPES).not.toContain(type);
  });

  it('passes on nothing of a payload but the date', () => {
    const [milestone] = publicMilestones([
      event('case.refused', { effectiveDate: '2026-11-22', legalGround: 'KN-11-1', note: 'Nguyễn Văn A, 0912345678', actor: 'officer-7', role: 'intake_officer' }),
    ]);
    expect(Object.keys(milestone!).sort()).toEqual(['date', 'label', 'type']);
    expect(JSON.stringify(milestone)).not.toMatch(/KN-11|Nguyễn|0912345678|officer|intake/);
  });

  it('maps the outcomes of every kind, and transfers only once the competent agency took the case', () => {
    const types = publicMilestones(
      [
        'letter.classified',
        'letter.refused',
        'case.reception_refused',
        'case.transfer_accepted',
        'letter.guided',
        'case.filed',
        'case.concluded',
        'case.conclusion_sent',
        'case.conclusion_published',
        'case.replied',
        'case.anonymous_checked',
        'case.transferred_to_police',
        'case.withdrawn',
        'case.terminated',
      ].map((type) => event(type, { effectiveDate: '2026-11-23' })),
    ).map((m) => m.type);
    expect(types).toEqual([
      'classified',
      'refused',
      'reception_refused',
      'transferred',
      'guided',
      'filed',
      'concluded',
      'conclusion_sent',
      'conclusion_published',
      'replied',
      'checked',
      'transferred_to_police',
      'withdrawn',
      'terminated',
    ]);
  });

  it('falls back to the recording date in Vietnam when an event carries no effective date', () => {
    // 2026-11-20T18:30Z is already 21 November in Hanoi (UTC+7).
    expect(publicMilestones([event('case.accepted', { effectiveDate: 'yesterday' }, at('2026-11-20T18:30:00Z'))])[0]!.date).toBe('2026-11-21');
    expect(publicMilestones([event('case.closed', {}, at('2026-11-20T16:59:00Z'))])[0]!.date).toBe('2026-11-20');
  });
});

describe('current deadline', () => {
  it("is the earliest due date among the agency's running clocks, with what is due", () => {
    expect(
      currentDeadline([
        { name: 'acceptance', owner: 'agency', status: 'stopped', dueDate: '2026-11-30' },
        { name: 'resolution', owner: 'agency', status: 'running', dueDate: '2026-12-21' },
        { name: 'acceptance_notice', owner: 'agency', status: 'running', dueDate: '2026-11-25' },
        { name: 'appeal_window', owner: 'citizen', status: 'running', dueDate: '2026-11-22' },
      ]),
    ).toEqual({ date: '2026-11-25', label: { vi: 'Hạn thông báo thụ lý', en: 'Deadline to notify the acceptance' } });
  });

  it('is null when no agency clock runs (suspended, decided, closed, or only the citizen’s window)', () => {
    expect(currentDeadline([])).toBeNull();
    expect(currentDeadline([{ name: 'resolution', owner: 'agency', status: 'paused', dueDate: '2026-12-21' }])).toBeNull();
    expect(currentDeadline([{ name: 'appeal_window', owner: 'citizen', status: 'running', dueDate: '2026-12-21' }])).toBeNull();
  });

  it('labels a clock it does not know generically rather than by its internal name', () => {
    expect(currentDeadline([{ name: 'some_new_clock', owner: 'agency', status: 'running', dueDate: '2027-01-05' }])).toEqual({ date: '2027-01-05', label: { vi: 'Hạn xử lý', en: 'Deadline' } });
  });
});
