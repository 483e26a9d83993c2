import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/** A JSON object body validated by the domain (validateCalendarYear), not by a DTO class. */
@Injectable()
export class RawJsonObjectPipe implements PipeTransform<unknown, Record<string, unknown>> {
  transform(value: unknown): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new BadRequestException({ message: 'Request validation failed', errors: [{ field: 'body', reason: 'must be a JSON object' }] });
    }
    return value as Record<string, unknown>;
  }
}
