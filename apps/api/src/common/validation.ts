import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import type { FieldError } from './api-error';

/** Flattens class-validator's nested errors into `{ field: 'a.b[0].c', reason }` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason: stripPropertyName(reason, error.property) }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

// class-validator phrases reasons as "fullName must be …"; the field already says which.
function stripPropertyName(reason: string, property: string): string {
  return reason.startsWith(`${property} `) ? reason.slice(property.length + 1) : reason;
}

export class RequestValidationError extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super({ message: 'Request validation failed', errors: fieldErrors });
  }
}

/** Whitelist DTOs: unknown properties are errors, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flattenValidationErrors(errors)),
  });
}

/**
 * An optional field of a partial update (PATCH): it may be left out, but null is validated like
 * any other value, so it fails the field's own rules. (`@IsOptional()` lets null through, which
 * would blank a required column: a 500 the fuzzer found.)
 */
export const OptionalNotNull = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
