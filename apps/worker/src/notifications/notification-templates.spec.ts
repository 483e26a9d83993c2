import { NOTIFICATION_KINDS, notificationMessageId, renderNotification, type NotificationFacts } from './notification-templates';

const base: NotificationFacts = {
  kind: 'clock.overdue',
  caseCode: 'UBND-HN-2026-000042',
  caseKind: 'complaint',
  clock: 'acceptance',
  due: '2026-12-07',
  rule: 'KN-02',
  citation: 'Luật Khiếu nại 2011, Điều 27',
  recipientRole: 'agency_head',
  recipientAgency: { code: 'UBND-HN', name: 'Ủy ban nhân dân thành phố Hà Nội' },
};

describe('notification templates', () => {
  it.each([
    ['clock.due_soon', 'Sắp đến hạn thụ lý: hồ sơ UBND-HN-2026-000042 (hạn 07/12/2026)'],
    ['clock.due_today', 'Hôm nay là hạn cuối thụ lý: hồ sơ UBND-HN-2026-000042'],
    ['clock.overdue', 'Quá hạn thụ lý: hồ sơ UBND-HN-2026-000042 (hạn 07/12/2026)'],
    ['clock.escalated_inspectorate', 'Báo thanh tra: hồ sơ UBND-HN-2026-000042 quá hạn thụ lý (hạn 07/12/2026)'],
    ['clock.escalated_superior', 'Báo cấp trên: hồ sơ UBND-HN-2026-000042 quá hạn thụ lý (hạn 07/12/2026)'],
    ['clock.very_overdue', 'Quá hạn nghiêm trọng: hồ sơ UBND-HN-2026-000042 (thụ lý, hạn 07/12/2026)'],
    ['case.transferred', 'Hồ sơ chuyển đến: UBND-HN-2026-000042'],
  ])('%s: a Vietnamese subject with the case code (and the clock and due date when it has them)', (kind, subject) => {
    expect(renderNotification({ ...base, kind }).subject).toBe(`[donthu] ${subject}`);
  });

  it('has a template for every kind the outbox holds', () => {
    for (const kind of NOTIFICATION_KINDS) expect(renderNotification({ ...base, kind }).subject).not.toContain('Thông báo về hồ sơ');
  });

  it('writes the body Vietnamese first, then English, with the case, the clock, the due date and the rule', () => {
    const { text } = renderNotification({ ...base, kind: 'clock.escalated_inspectorate', escalationStep: 2, action: { vi: 'Báo thanh tra cùng cấp', en: 'Notify the inspectorate' } });
    const [vi, en] = text.split('-----');
    expect(vi).toContain('Kính gửi: Thủ trưởng cơ quan, Ủy ban nhân dân thành phố Hà Nội (UBND-HN)');
    expect(vi).toContain('- Mã hồ sơ: UBND-HN-2026-000042');
    expect(vi).toContain('- Loại vụ việc: Khiếu nại lần đầu');
    expect(vi).toContain('- Thời hạn: thụ lý');
    expect(vi).toContain('- Hạn cuối: 07/12/2026');
    expect(vi).toContain('- Quy định áp dụng: KN-02 (Luật Khiếu nại 2011, Điều 27)');
    expect(vi).toContain('- Bước đôn đốc: 2');
    expect(vi).toContain('- Việc cần làm: Báo thanh tra cùng cấp');
    expect(en).toContain('Case UBND-HN-2026-000042 is still overdue (acceptance, due 2026-12-07)');
    expect(en).toContain('- Expected: Notify the inspectorate');
    expect(text.indexOf('Kính gửi')).toBeLessThan(text.indexOf('To: Agency head'));
  });

  it('names the sending agency of a transfer', () => {
    const { text } = renderNotification({
      kind: 'case.transferred',
      caseCode: 'UBND-HN-2026-000043',
      caseKind: 'denunciation',
      clock: 'transfer_response',
      due: '2026-12-10',
      recipientRole: 'intake_officer',
      recipientAgency: { code: 'UBND-PHUONG-HK', name: 'Ủy ban nhân dân phường Hoàn Kiếm' },
      fromAgency: { code: 'UBND-HN', name: 'Ủy ban nhân dân thành phố Hà Nội' },
    });
    expect(text).toContain('Hồ sơ UBND-HN-2026-000043 được Ủy ban nhân dân thành phố Hà Nội (UBND-HN) chuyển đến cơ quan của đồng chí');
    expect(text).toContain('- Thời hạn: xử lý đơn được chuyển đến');
    expect(text).toContain('- Hạn cuối: 10/12/2026');
  });

  it('says something useful for a kind it does not know, and for missing facts', () => {
    const { subject, text } = renderNotification({ kind: 'case.something_new', recipientRole: 'intake_officer', recipientAgency: { code: 'UBND-HN' } });
    expect(subject).toBe('[donthu] Thông báo về hồ sơ (không rõ mã hồ sơ)');
    expect(text).toContain('Kính gửi: Cán bộ tiếp nhận, xử lý đơn, UBND-HN');
    expect(text).not.toContain('undefined');
  });

  it('is pure: the same facts give the same bytes (a re-sent message is identical)', () => {
    expect(renderNotification(base)).toEqual(renderNotification({ ...base }));
  });

  it('carries nothing but the facts it is given: no field of a case holds personal data here', () => {
    // The facts type has no room for names, addresses, subjects or notes; a stray property is ignored.
    const stray = { ...base, petitioner: { fullName: 'Nguyễn Văn An' }, subject: 'Khiếu nại của ông Nguyễn Văn An', reason: 'gọi 0912000111' } as NotificationFacts;
    const { subject, text } = renderNotification(stray);
    expect(`${subject}\n${text}`).not.toMatch(/Nguyễn Văn An|0912000111/);
  });

  it('derives the Message-ID from the notification id alone', () => {
    expect(notificationMessageId('0F8FAD5B-D9CB-469F-A165-70867728950E', 'UBND.example.gov.vn')).toBe('<0f8fad5b-d9cb-469f-a165-70867728950e@ubnd.example.gov.vn>');
    expect(notificationMessageId('a', 'x.invalid')).toBe(notificationMessageId('a', 'x.invalid'));
    expect(notificationMessageId('a', 'x.invalid')).not.toBe(notificationMessageId('b', 'x.invalid'));
  });
});
