import { renderNotification } from '../notification-templates';
import { officerDigests, type DigestRow } from './daily-digest';

const row = (user: string, code: string, due: string, state: DigestRow['state'], clock = 'resolution'): DigestRow => ({
  user_id: user,
  role: user.startsWith('head') ? 'agency_head' : 'handling_officer',
  agency_code: 'UBND-HN',
  case_code: code,
  case_kind: 'complaint',
  clock,
  rule_id: clock === 'resolution' ? 'KN-03' : 'KN-02',
  due,
  state,
});

describe('daily digest (one per officer and day)', () => {
  it('groups clocks per officer, tells due today from due soon, most urgent first, counts each state', () => {
    const [head, officer] = officerDigests(
      [
        row('officer', 'UBND-HN-2026-000003', '2026-12-28', 'due_soon'),
        row('head', 'UBND-HN-2026-000002', '2026-12-24', 'due_soon', 'acceptance'),
        row('head', 'UBND-HN-2026-000001', '2026-12-07', 'very_overdue', 'acceptance'),
        row('head', 'UBND-HN-2026-000004', '2026-12-20', 'overdue'),
        row('head', 'UBND-HN-2026-000003', '2026-12-28', 'due_soon'),
      ],
      '2026-12-24',
    );
    expect(head!.userId).toBe('head');
    expect(head!.facts.items.map((i) => `${i.caseCode.slice(-1)} ${i.state}`)).toEqual(['1 very_overdue', '4 overdue', '2 due_today', '3 due_soon']);
    expect(head!.facts.counts).toEqual({ overdue: 2, dueToday: 1, dueSoon: 1 });
    expect(officer).toMatchObject({ userId: 'officer', role: 'handling_officer', facts: { counts: { overdue: 0, dueToday: 0, dueSoon: 1 }, omitted: 0 } });
    expect(officerDigests([], '2026-12-24')).toEqual([]);
  });

  it('lists at most the limit and counts the rest', () => {
    const rows = Array.from({ length: 5 }, (_, i) => row('head', `UBND-HN-2026-00000${i}`, '2026-12-20', 'overdue'));
    const [digest] = officerDigests(rows, '2026-12-24', 3);
    expect(digest!.facts.items).toHaveLength(3);
    expect(digest!.facts).toMatchObject({ omitted: 2, counts: { overdue: 5 } });
  });

  it('renders Vietnamese first, section by section, with codes, clocks, rules and due dates only', () => {
    const [digest] = officerDigests([row('head', 'UBND-HN-2026-000001', '2026-12-07', 'very_overdue', 'acceptance'), row('head', 'UBND-HN-2026-000003', '2026-12-28', 'due_soon')], '2026-12-24', 1);
    const { subject, text } = renderNotification({ kind: 'digest.daily', recipientRole: 'agency_head', recipientAgency: { code: 'UBND-HN', name: 'Ủy ban nhân dân thành phố Hà Nội' }, digest: digest!.facts });
    expect(subject).toBe('[donthu] Tổng hợp thời hạn ngày 24/12/2026: 1 quá hạn, 0 đến hạn hôm nay, 1 sắp đến hạn');
    const [vi, en] = text.split('-----');
    expect(vi).toContain('Kính gửi: Thủ trưởng cơ quan, Ủy ban nhân dân thành phố Hà Nội (UBND-HN)');
    expect(vi).toContain('Quá hạn:\n- UBND-HN-2026-000001 — Khiếu nại lần đầu — thụ lý (KN-02) — hạn 07/12/2026 — quá hạn nghiêm trọng');
    expect(vi).toContain('… và 1 thời hạn khác');
    expect(vi).not.toContain('Sắp đến hạn (trong'); // the due-soon clock is the one left out
    expect(en).toContain('- UBND-HN-2026-000001 — Complaint (first level) — acceptance (KN-02) — due 2026-12-07 — seriously overdue');
    expect(renderNotification({ kind: 'digest.daily', recipientRole: 'agency_head', recipientAgency: { code: 'UBND-HN' }, digest: digest!.facts })).toEqual(
      renderNotification({ kind: 'digest.daily', recipientRole: 'agency_head', recipientAgency: { code: 'UBND-HN' }, digest: digest!.facts }),
    );
  });
});
