import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';
import { CASE_CODE_PATTERN } from '@donthu/domain';

class CaseCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CASE_CODE_PATTERN.test(value)) {
      throw new BadRequestException({
        message: 'Request validation failed',
        errors: [{ field: 'code', reason: 'must be a case code like UBND-HN-2026-000123' }],
      });
    }
    return value;
  }
}

/** The `:code` route parameter, checked against the case code format. */
export const CaseCodeParam = (): ParameterDecorator => Param('code', new CaseCodePipe());
