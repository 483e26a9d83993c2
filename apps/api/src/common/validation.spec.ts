import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { RegisterCaseDto } from '../cases/register-case/register-case.dto';
import { flattenValidationErrors } from './validation';

async function errorsFor(body: object) {
  const dto = plainToInstance(RegisterCaseDto, body);
  return flattenValidationErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
}

const valid = {
  kind: 'complaint',
  agencyCode: 'UBND-HN',
  channel: 'post',
  receivedOn: '2026-01-05',
  subject: 'Khiếu nại',
  content: 'Nội dung',
  complainant: { fullName: 'Lê Văn Bình' },
};

describe('request validation errors', () => {
  it('accepts a valid complaint', async () => {
    expect(await errorsFor(valid)).toEqual([]);
  });

  it('names nested fields with a dotted path and drops the property name from the reason', async () => {
    const errors = await errorsFor({ ...valid, complainant: { fullName: '', email: 'not-mail' } });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'complainant.fullName', reason: expect.stringMatching(/^must be longer than or equal to 1/) },
        { field: 'complainant.email', reason: 'must be an email' },
      ]),
    );
  });

  it('reports unknown properties instead of silently dropping them', async () => {
    expect(await errorsFor({ ...valid, status: 'accepted' })).toEqual([{ field: 'status', reason: 'property status should not exist' }]);
  });

  it('refuses impossible and future dates', async () => {
    expect(await errorsFor({ ...valid, receivedOn: '2026-02-29' })).toEqual([{ field: 'receivedOn', reason: expect.stringContaining('real date') }]);
    expect(await errorsFor({ ...valid, receivedOn: '2999-01-01' })).toHaveLength(1);
    expect(await errorsFor({ ...valid, receivedOn: '05/01/2026' })).toHaveLength(1);
  });

  it('refuses a missing complainant', async () => {
    const { complainant: _omitted, ...withoutComplainant } = valid;
    expect((await errorsFor(withoutComplainant)).map((e) => e.field)).toContain('complainant');
  });
});
