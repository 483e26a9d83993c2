import { RefuseControlCharactersPipe } from './control-characters.pipe';
import { RequestValidationError } from './validation';

describe('RefuseControlCharactersPipe', () => {
  const pipe = new RefuseControlCharactersPipe();
  const errorsOf = (value: unknown, type: 'body' | 'query' | 'param', data?: string) => {
    try {
      pipe.transform(value, { type, data });
      return [];
    } catch (error) {
      return (error as RequestValidationError).fieldErrors.map((e) => e.field);
    }
  };

  it('lets tabs, line breaks and Vietnamese through untouched', () => {
    const body = { subject: 'Khiếu nại\tđất đai', content: 'Dòng 1\r\nDòng 2', parties: [{ fullName: 'Nguyễn Văn Ả' }] };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
  });

  it('names every field holding NUL, escape or other control characters, at any depth', () => {
    expect(errorsOf({ subject: 'a\u0000', petitioner: { fullName: 'b\u001b[0m' }, representatives: [{ fullName: 'ok' }, { fullName: '\u007f' }] }, 'body')).toEqual([
      'subject',
      'petitioner.fullName',
      'representatives[1].fullName',
    ]);
  });

  it('checks query and route parameters under their own names', () => {
    expect(errorsOf({ q: 'dat\u0000dai' }, 'query')).toEqual(['q']);
    expect(errorsOf('UBND\u0000', 'param', 'code')).toEqual(['code']);
  });
});
