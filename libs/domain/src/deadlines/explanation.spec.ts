import { parseLocalDate } from '../calendar/local-date';
import { deadlineToJSON, due } from './calculate-due';
import { renderExplanation, type ExplanationStep } from './explanation';

const d = parseLocalDate;

function text(steps: readonly ExplanationStep[], lang: 'vi' | 'en' = 'vi'): string {
  return renderExplanation(steps, lang).join('\n');
}

function step<C extends ExplanationStep['code']>(steps: readonly ExplanationStep[], code: C): Extract<ExplanationStep, { code: C }> | undefined {
  return steps.find((s): s is Extract<ExplanationStep, { code: C }> => s.code === code);
}

describe('deadline explanations', () => {
  it('name the rule, its citation and version, the start event and the unit', () => {
    const result = due('KN-02', d('2026-02-10'));
    const vi = text(result.explanation);
    expect(vi).toContain('KN-02');
    expect(vi).toContain('Luật Khiếu nại 2011, Điều 27');
    expect(vi).toContain('KN-02 v2 (2020-10-19 – 2026-06-30)');
    expect(vi).toContain('ngày người có thẩm quyền nhận được đơn, thứ Ba 10/02/2026');
    expect(vi).toContain('10 ngày làm việc');
    expect(vi).toContain('Bắt đầu tính từ thứ Tư 11/02/2026');
  });

  it('list the days off skipped in a working-day period by name, and summarise weekends', () => {
    const steps = due('KN-02', d('2026-02-10')).explanation;
    expect(step(steps, 'days_off_skipped')?.days.map((x) => x.date)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(text(steps)).toContain('Tết Âm lịch (mùng 1 Tết Bính Ngọ)');
    expect(step(steps, 'weekend_days_skipped')?.count).toBe(6);
  });

  it('say why the end of a calendar-day period moved, naming each day off', () => {
    const steps = due('KN-03', d('2026-01-16')).explanation;
    const rolled = step(steps, 'rolled_forward');
    expect(rolled).toMatchObject({ from: '2026-02-15', to: '2026-02-23', citation: 'Bộ luật Dân sự 2015, Điều 148 khoản 5' });
    expect(rolled?.skipped[0]).toEqual({ date: '2026-02-15', provisional: false });
    expect(rolled?.skipped[1]).toMatchObject({ date: '2026-02-16', dayOff: 'Tết Âm lịch (29 tháng Chạp Ất Tỵ, giao thừa)' });
    const vi = text(steps);
    expect(vi).toContain('Chủ nhật 15/02/2026 (nghỉ cuối tuần)');
    expect(vi).toContain('ngày làm việc tiếp theo, thứ Hai 23/02/2026 (Bộ luật Dân sự 2015, Điều 148 khoản 5)');
    expect(text(steps, 'en')).toContain('the period ends on the next working day, Monday 2026-02-23');
  });

  it('name 24/11 when a period ends on Ngày Văn hóa Việt Nam', () => {
    expect(text(due('KN-03', d('2026-10-25')).explanation)).toContain('thứ Ba 24/11/2026 (Ngày Văn hóa Việt Nam)');
  });

  it('count make-up Saturdays by name', () => {
    const steps = due('PA-01', d('2024-04-25')).explanation;
    expect(step(steps, 'make_up_days_counted')?.days).toEqual([expect.objectContaining({ date: '2024-05-04', name: 'Làm bù cho ngày 29/04/2024' })]);
  });

  it('describe suspensions with the rule that governs them', () => {
    const excluded = due('TC-04', d('2026-03-02'), { suspensions: [{ from: d('2026-03-10'), to: d('2026-03-20') }] }).explanation;
    expect(step(excluded, 'suspension')).toMatchObject({ convention: 'excluded', shiftDays: 10, governedBy: { ruleId: 'TC-05', citation: 'Luật Tố cáo 2018, Điều 34 khoản 3' } });
    const restarted = due('KN-03', d('2026-08-03'), { suspensions: [{ from: d('2026-08-10'), to: d('2026-08-24') }] }).explanation;
    expect(step(restarted, 'suspension')).toMatchObject({ convention: 'restart', governedBy: { ruleId: 'KN-11' } });
    expect(text(restarted)).toContain('thời hạn được tính lại từ đầu kể từ ngày tiếp tục');
    const working = due('TC-01', d('2026-03-02'), { suspensions: [{ from: d('2026-03-03'), to: d('2026-03-05') }] }).explanation;
    expect(step(working, 'suspension')).toMatchObject({ workingDaysSkipped: 2 });
    expect(step(working, 'suspension')?.governedBy).toBeUndefined();
  });

  it('state extensions with the total period', () => {
    expect(step(due('TC-04', d('2026-03-02'), { extensions: 2 }).explanation, 'extensions')).toMatchObject({ count: 2, daysEach: 30, totalDays: 90 });
  });

  it('flag provisional days and give the conservative date', () => {
    const result = due('TC-01', d('2027-02-01'));
    const provisional = step(result.explanation, 'provisional');
    expect(provisional?.conservativeDue).toBe('2027-02-10');
    expect(provisional?.days.map((x) => x.date)).toEqual(['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10']);
    expect(step(result.explanation, 'unofficial_years')?.years).toEqual([{ year: 2027, status: 'provisional' }]);
    expect(text(result.explanation)).toContain('[dự kiến]');
  });

  it('show PA-02 as policy, never as law', () => {
    const result = due('PA-02', d('2026-05-04'), { policyDays: 20 });
    expect(result.basis).toBe('policy');
    expect(step(result.explanation, 'policy_not_law')).toEqual({ code: 'policy_not_law', defaultDays: 15, agencyDays: 20 });
    expect(text(result.explanation)).toContain('KHÔNG phải thời hạn do pháp luật quy định');
    expect(text(result.explanation, 'en')).toContain('NOT a period set by law');
  });

  it('warn when a rule is still to be checked against the gazette', () => {
    expect(step(due('KN-02', d('2026-07-01')).explanation, 'rule_to_check')).toBeDefined();
    expect(step(due('KN-03', d('2026-07-01')).explanation, 'rule_to_check')).toBeUndefined();
  });

  it('mention facts that do not change the rule', () => {
    expect(step(due('KN-02', d('2026-03-02'), { complex: true }).explanation, 'ignored_facts')?.facts).toEqual(['complex']);
  });

  it('explain the backward dialogue notice (KN-10)', () => {
    const vi = text(due('KN-10', d('2026-05-04')).explanation);
    expect(vi).toContain('ít nhất 5 ngày làm việc trước sự kiện');
    expect(vi).toContain('Nghỉ bù Giỗ Tổ Hùng Vương');
    expect(vi).toContain('Chậm nhất vào ngày: thứ Tư 22/04/2026');
  });

  it('end with the due date at 24:00 and serialise with ISO dates', () => {
    const result = due('KN-03', d('2026-03-10'));
    expect(result.explanation.at(-1)).toEqual({ code: 'due', date: '2026-04-09', direction: 'forward' });
    const json = JSON.parse(JSON.stringify(result));
    expect(json).toMatchObject({ ruleId: 'KN-03', due: '2026-04-09', dueIgnoringProvisional: '2026-04-09', start: '2026-03-10', ruleVersion: 1 });
    expect(json.explanation).toEqual(deadlineToJSON(result).explanation);
  });
});
