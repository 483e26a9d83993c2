import { intakeBody, intakeSchema, type IntakeForm } from './intake-schema';

const TODAY = '2026-11-26';
const base: IntakeForm = {
  kind: 'complaint',
  agencyCode: 'UBND-HN',
  channel: 'post',
  receivedOn: '2026-11-20',
  subject: 'Khiếu nại quyết định thu hồi đất',
  content: 'Nội dung',
  respondentBody: '',
  anonymous: false,
  petitioner: { fullName: 'Nguyễn Thị Hoà', address: '', phone: '0912 345 678', email: '', idNumber: '' },
  representatives: [],
  remote: false,
  severalSites: false,
  parentCaseCode: '',
};
const issues = (form: unknown) => {
  const result = intakeSchema(TODAY).safeParse(form);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('intake form validation (as RegisterCaseDto, checked before saving)', () => {
  it('accepts a letter entered late, refuses a receipt date after today', () => {
    expect(issues({ ...base, receivedOn: '2026-01-05' })).toEqual([]);
    expect(issues({ ...base, receivedOn: '2026-11-27' })).toEqual(['receivedOn: futureDate']);
  });

  it('needs a petitioner unless the denunciation is anonymous, and anonymity only for denunciations', () => {
    expect(issues({ ...base, petitioner: undefined })).toEqual(['petitioner.fullName: required']);
    expect(issues({ ...base, kind: 'denunciation', anonymous: true, petitioner: undefined })).toEqual([]);
    expect(issues({ ...base, anonymous: true, petitioner: undefined })).toEqual(['anonymous: required']);
  });

  it('checks the group’s representatives with the domain rule (Luật TCD Art. 29)', () => {
    const rep = { fullName: 'Trần Văn A' };
    expect(issues({ ...base, groupSize: 8, representatives: [] })[0]).toContain('representatives: nhóm 8 người phải cử từ 1 đến 2');
    expect(issues({ ...base, groupSize: 8, representatives: [rep] })).toEqual([]);
  });

  it('refuses malformed phone and ID numbers like the api', () => {
    expect(issues({ ...base, petitioner: { fullName: 'A', phone: '12', idNumber: '12ab' } })).toEqual(['petitioner.phone: phone', 'petitioner.idNumber: idNumber']);
  });

  it('sends only what was filled in', () => {
    expect(intakeBody(base)).toEqual({
      kind: 'complaint',
      agencyCode: 'UBND-HN',
      channel: 'post',
      receivedOn: '2026-11-20',
      subject: 'Khiếu nại quyết định thu hồi đất',
      content: 'Nội dung',
      petitioner: { fullName: 'Nguyễn Thị Hoà', phone: '0912 345 678' },
    });
    expect(intakeBody({ ...base, kind: 'denunciation', anonymous: true, petitioner: undefined })).not.toHaveProperty('petitioner');
  });
});
