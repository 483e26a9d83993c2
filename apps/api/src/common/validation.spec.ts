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
  petitioner: { fullName: 'Lê Văn Bình' },
};

describe('request validation errors', () => {
  it('accepts a valid complaint', async () => {
    expect(await errorsFor(valid)).toEqual([]);
  });

  it('names nested fields with a dotted path and drops the property name from the reason', async () => {
    const errors = await errorsFor({ ...valid, petitioner: { fullName: '', email: 'not-mail' } });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'petitioner.fullName', reason: expect.stringMatching(/^must be longer than or equal to 1/) },
        { field: 'petitioner.email', reason: 'must be an email' },
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

  it('refuses a missing petitioner unless the denunciation is anonymous', async () => {
    const { petitioner: _omitted, ...withoutPetitioner } = valid;
    expect((await errorsFor(withoutPetitioner)).map((e) => e.field)).toContain('petitioner');
    expect(await errorsFor({ ...withoutPetitioner, kind: 'denunciation', anonymous: true })).toEqual([]);
  });
});
