import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
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

/** The `:code` parameter in the OpenAPI document (routes made at run time do not get it inferred). */
export const ApiCaseCodeParam = (): MethodDecorator =>
  ApiParam({ name: 'code', description: 'Mã vụ việc / case code', example: 'UBND-HN-2026-000123', schema: { type: 'string', pattern: CASE_CODE_PATTERN.source } });
