import { BadRequestException } from '@nestjs/common';
import { InvalidInputError, type FieldError as DomainFieldError } from '@donthu/domain';

/** A domain input error as the api's 400: the field the caller wrote, the reason in English and Vietnamese. */
export function badRequestFrom(errors: readonly DomainFieldError[]): BadRequestException {
  return new BadRequestException({
    message: 'Request validation failed',
    errors: errors.map((e) => ({ field: e.field, reason: e.reason.en, reasonVi: e.reason.vi })),
  });
}

/** Runs pure domain code; its InvalidInputError becomes a 400 naming the field. */
export function withDomainValidation<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof InvalidInputError) throw badRequestFrom([{ field: error.field, reason: error.reason }]);
    throw error;
  }
}
